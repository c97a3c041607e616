#pragma once

#include "snapshot.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QThread>
#include <QVariant>
#include <atomic>
#include <functional>
#include <memory>

namespace ShmScope {

class Segment;
class PollWorker;

// What one poll saw, as plain data handed from the poller thread to the GUI.
struct PollResult {
    quint64 sequence = 0;
    quint64 generation = 0;     // bumps when the segment or a window changes: no diff across it
    quint64 segmentGeneration = 0; // bumps with setSegment(): older results are of another segment
    bool hasSegment = false;
    bool fresh = false;         // first result of this generation: nothing to flash
    Snapshot visible;           // the byte grid's visible window
    QVector<ByteRange> visibleChanges;
    Snapshot typed;             // what the typed view decodes
    QVector<ByteRange> typedChanges;
    QVariantHash probes;        // the latest value of every probe, by key
    QStringList changedProbes;  // the keys whose value changed with this result
};

// Polls the current segment in its own thread at 1–120 Hz (default 30). Each tick snapshots only the
// windows the views asked for and diffs them against the last result the GUI consumed; when nothing
// changed it emits nothing, so the GUI neither repaints nor wakes. While the GUI is still busy with a
// result the poller skips ticks instead of queueing them, and the next diff covers the gap.
// Views never read shared memory themselves: they get PollResults.
class Poller : public QObject {
    Q_OBJECT
public:
    static constexpr int kMinimumHz = 1;
    static constexpr int kMaximumHz = 120;
    static constexpr int kDefaultHz = 30;
    // Extra state read on the poller thread (sync objects, the catalogue); must not touch widgets.
    // The result is delivered when its fingerprint changed, so an unchanged state costs no repaint.
    struct ProbeResult {
        QVariant value;
        QByteArray fingerprint;
    };
    using Probe = std::function<ProbeResult()>;

    explicit Poller(QObject *parent = nullptr);
    ~Poller() override; // stops the thread

    // All setters are thread-safe and take effect at the next tick (or at once with pollNow()).
    void setSegment(std::shared_ptr<const Segment> segment);
    void setVisibleRange(ByteRange range);
    void setTypedRange(ByteRange range);
    void setRateHz(int hz); // clamped to 1–120
    int rateHz() const { return m_rateHz; }
    quint64 segmentGeneration() const; // compare with PollResult::segmentGeneration
    quint64 generation() const;        // a result of this generation shows the windows asked for now
    // Runs probe at every tick, or at most every minimumIntervalMs (a /proc scan is not free).
    void addProbe(const QString &key, Probe probe, int minimumIntervalMs = 0);
    void removeProbe(const QString &key);

    void start();
    void stop();
    bool isRunning() const;
    void pollNow(); // one tick as soon as the poller thread is free

Q_SIGNALS:
    void polled(const ShmScope::PollResult &result);
    void rateChanged(int hz);

private:
    friend class PollWorker;
    struct Config {
        std::shared_ptr<const Segment> segment;
        ByteRange visible;
        ByteRange typed;
        struct ProbeEntry {
            Probe probe;
            int minimumIntervalMs = 0;
        };
        QHash<QString, ProbeEntry> probes;
        quint64 generation = 1;
        quint64 segmentGeneration = 1;
    };
    Config config() const;
    void deliver(const ShmScope::PollResult &result);

    mutable QMutex m_mutex;
    Config m_config;
    int m_rateHz = kDefaultHz;
    QThread m_thread;
    PollWorker *m_worker = nullptr; // lives in m_thread
    std::atomic<bool> m_resultPending{false};
};

} // namespace ShmScope

Q_DECLARE_METATYPE(ShmScope::PollResult)
