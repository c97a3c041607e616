#pragma once

#include "layout.h"
#include "lockhistory.h"
#include "timelineentry.h"

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QVector>
#include <deque>

class QIODevice;

namespace ShmScope {

// The history behind the timeline's scrubber: every op-log entry, plus keyframes of each tracked
// segment, so that the bytes of any moment can be rebuilt as "the last keyframe before t, with the
// logged writes after it applied in time order".
//
// Bounded memory: everything kept is counted (64 bytes per entry, the bytes of each keyframe, 16 per
// lock interval, 8 per polled change) and held under memoryCap(), kDefaultMemoryCap (64 MiB, about one million entries)
// unless told otherwise. Past the cap the oldest history is dropped: the recorder rebuilds each
// segment at a later moment H, keeps that as its first keyframe and forgets everything before H, so
// whatever is left can still be rewound exactly. A segment larger than the cap keeps one keyframe.
//
// A polled snapshot becomes a keyframe when kKeyframeEveryEntries entries or kKeyframeEveryNs have
// passed since the last one, or when the log does not explain it (a write that was not logged, such
// as a Python script's): then the snapshot is the truth and is kept as it is.
//
// Which entries change the bytes: STORE, WRITE and PRODUCE put their new value at their offset, and
// so does ADD, except the ADD of a read-modify-write (a LOAD by the same process on the same offset
// came first and no STORE yet): that ADD works on the process's private register, not on memory.
// The width of each write is the layout's type at that offset.
class TimelineRecorder {
public:
    static constexpr qint64 kDefaultMemoryCap = 64 * 1024 * 1024;
    static constexpr int kKeyframeEveryEntries = 4096;
    static constexpr qint64 kKeyframeEveryNs = 1'000'000'000;

    explicit TimelineRecorder(
        qint64 memoryCap = kDefaultMemoryCap, int keyframeEveryEntries = kKeyframeEveryEntries);

    // A segment to rebuild. writerPids: the processes whose writes land in it (an experiment's
    // workers name their segment); empty: every write whose offset starts an element of a field and
    // whose tag is a prefix of that field's name. Returns the track number.
    int addSegment(const QString &name, const Layout &layout);
    void addWriterPid(int track, pid_t pid);
    int trackCount() const { return int(m_tracks.size()); }
    QString segmentName(int track) const;
    Layout layout(int track) const;

    // Names a lock's lane (target = syncObjectId(realName)); log tags are cut to 12 bytes.
    void addLock(const QString &realName, const QString &displayName);

    void addEntries(const QVector<OpLogEntry> &entries);
    // A full image of the segment (from offset 0). timeNs (CLOCK_MONOTONIC) is read just BEFORE the
    // copy began, not Snapshot::takenNs (stamped after it): a write logged after that moment is then
    // applied on top, which is harmless since a logged write carries its absolute new value, whereas a
    // later stamp would take a write as included that the copy had missed.
    void addSnapshot(int track, qint64 timeNs, const QByteArray &bytes);

    // The segment's bytes at timeNs; empty (and *available false) before the first keyframe.
    QByteArray bytesAt(int track, qint64 timeNs, bool *available = nullptr) const;
    QVector<LockHolding> locksAt(qint64 timeNs) const;
    const LockHistory &lockHistory() const { return m_locks; }

    // The entries, in time order.
    qsizetype entryCount() const { return qsizetype(m_entries.size()); }
    const TimelineEntry &entry(qsizetype i) const { return m_entries[size_t(i)]; }
    qsizetype firstEntryAtOrAfter(qint64 timeNs) const;
    QVector<pid_t> pids() const { return m_pidOrder; } // in order of first appearance

    qint64 earliestNs() const; // 0 when nothing is recorded
    qint64 latestNs() const;

    qint64 memoryBytes() const;
    qint64 memoryCap() const { return m_memoryCap; }
    int keyframeCount(int track) const;
    quint64 unexplainedSnapshots() const { return m_unexplained; } // kept because the log missed a write
    // When polling saw a change the log does not explain (a Python script's write, say), in time order.
    const std::deque<qint64> &polledChanges() const { return m_polledChanges; }
    quint64 entriesLost() const { return m_entriesLost; } // overrun in the log before we read
    quint64 entriesDropped() const { return m_entriesDropped; } // forgotten to stay under the cap

    void clear();

private:
    struct Keyframe {
        qint64 timeNs = 0;
        quint64 entriesBefore = 0; // m_entriesSeen when it was taken: the entry-count policy
        QByteArray bytes;
    };
    struct Track {
        QString name;
        Layout layout;
        QSet<pid_t> writers;
        std::deque<Keyframe> keyframes;
    };

    bool appliesTo(const Track &track, const TimelineEntry &entry, const LayoutField **field) const;
    static void applyWrite(
        QByteArray &bytes, const LayoutField &field, qint64 offset, const TimelineEntry &entry);
    QByteArray rebuild(const Track &track, qint64 timeNs, bool *available) const;
    void markMemoryWrites(QVector<TimelineEntry> &batch);
    void enforceCap();
    void forgetBefore(qint64 horizonNs);

    qint64 m_memoryCap;
    int m_keyframeEveryEntries;
    std::deque<TimelineEntry> m_entries; // sorted by timeNs
    std::vector<Track> m_tracks;
    LockHistory m_locks;
    QHash<quint64, QString> m_lockNames;
    QHash<QPair<pid_t, quint64>, bool> m_openRegister; // (pid, offset): LOAD seen, STORE not yet
    std::deque<qint64> m_polledChanges;
    QVector<pid_t> m_pidOrder;
    QSet<pid_t> m_pidSeen;
    quint64 m_entriesSeen = 0;
    quint64 m_unexplained = 0;
    quint64 m_entriesLost = 0;
    quint64 m_entriesDropped = 0;
};

} // namespace ShmScope
