#pragma once

#include "experiment/experimentrunner.h"
#include "timeline/timelinerecorder.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <memory>

namespace ShmScope {

class OpLog;
class OpLogReader;
class Segment;

// Feeds a TimelineRecorder from a running experiment: the runner's op log (read-only, never
// blocking its writers) and a snapshot of each of its segments, every pollIntervalMs while it runs
// and once more when it ends. Knows which worker is which pid and writes which segment. QtCore only.
class TimelineFeed : public QObject {
    Q_OBJECT
public:
    // The runner's log holds 65,536 entries and 10 locked counters write about a million a second:
    // read it often enough that the ring does not lap the reader.
    static constexpr int kDefaultPollIntervalMs = 20;

    explicit TimelineFeed(QObject *parent = nullptr);
    ~TimelineFeed() override;

    // Starts over for runner (after its prepare() or reset()); nullptr stops.
    void follow(ExperimentRunner *runner);
    void setPollInterval(int intervalMs);

    const TimelineRecorder &recorder() const { return m_recorder; }
    QStringList segmentIds() const { return m_segmentIds; } // track i is segmentIds()[i]
    int trackOf(const QString &segmentId) const { return int(m_segmentIds.indexOf(segmentId)); }
    QString labelOf(pid_t pid) const; // "A", "racer#3", or the pid as text
    // For the main window's views: the bytes of the segment named realName (as in /dev/shm) at
    // timeNs, rebuilt from the history; empty and *available false when it is not one of ours or
    // timeNs is before its first keyframe.
    QByteArray bytesAt(const QString &realSegmentName, qint64 timeNs, bool *available = nullptr) const;
    QHash<pid_t, QString> labels() const { return m_labels; }
    QVector<QPair<pid_t, QString>> lanes() const; // pid and label in the runner's worker order

    // Reads what is new now (the timer calls it; tests and the "export" button may too).
    void poll();

Q_SIGNALS:
    void updated();

private:
    void onWorkerChanged(int workerIndex);
    bool openLog();

    QPointer<ExperimentRunner> m_runner;
    QVector<QMetaObject::Connection> m_connections;
    TimelineRecorder m_recorder;
    std::unique_ptr<OpLog> m_log;
    std::unique_ptr<OpLogReader> m_reader;
    std::vector<std::unique_ptr<Segment>> m_attached; // external segments, attached read-only
    QStringList m_segmentIds;
    QHash<pid_t, QString> m_labels;
    QTimer m_timer;
};

} // namespace ShmScope
