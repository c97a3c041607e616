#pragma once

#include "timelineentry.h"

#include <QHash>
#include <QString>
#include <QVector>
#include <map>

namespace ShmScope {

// One stretch of time during which one process held a lock.
struct LockInterval {
    pid_t holder = 0;
    qint64 startNs = 0;
    qint64 endNs = -1; // -1: still held at the newest entry
    bool containsTime(qint64 timeNs) const { return startNs <= timeNs && (endNs < 0 || timeNs < endNs); }
};

// Who held a lock at one moment.
struct LockHolding {
    quint64 target = 0; // syncObjectId of its name
    QString name;
    pid_t holder = 0; // 0: free
    qint64 sinceNs = 0;
};

// Who held each lock when, rebuilt from ACQUIRE / RELEASE entries (and a Condition's WAIT, which
// gives its lock up while the waiter sleeps). Entries must come in time order per lock. An ACQUIRE
// while another process still seems to hold the lock ends that hold: its RELEASE was lost to a log
// overrun, or it died holding the lock and this ACQUIRE recovered it.
class LockHistory {
public:
    // A lock to draw even before its first entry; a target that shows a RELEASE is added by itself.
    void addLock(quint64 target, const QString &name);
    void add(const TimelineEntry &entry);
    void clear();
    // Forgets intervals that ended at or before timeNs.
    void dropBefore(qint64 timeNs);

    QVector<quint64> locks() const; // in the order they were first seen
    QString nameOf(quint64 target) const;
    const QVector<LockInterval> &intervals(quint64 target) const;
    LockHolding holdingAt(quint64 target, qint64 timeNs) const;
    qsizetype intervalCount() const;

private:
    struct Lock {
        QString name;
        QVector<LockInterval> intervals;
        std::map<pid_t, int> depth; // RLock: re-entrant depth per holder
    };
    Lock &lockFor(quint64 target, const QString &name);
    QHash<quint64, Lock> m_locks;
    QVector<quint64> m_order;
};

} // namespace ShmScope
