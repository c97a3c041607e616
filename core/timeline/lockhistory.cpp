#include "lockhistory.h"

#include <algorithm>

namespace ShmScope {

LockHistory::Lock &LockHistory::lockFor(quint64 target, const QString &name)
{
    auto it = m_locks.find(target);
    if (it == m_locks.end()) {
        it = m_locks.insert(target, Lock { name, {}, {} });
        m_order << target;
    }
    return *it;
}

void LockHistory::addLock(quint64 target, const QString &name)
{
    lockFor(target, name).name = name;
}

void LockHistory::add(const TimelineEntry &entry)
{
    const bool known = m_locks.contains(entry.target);
    // A Semaphore logs ACQUIRE too, but gives back with POST, often from another process: it is
    // not held by anyone, so only targets that are known locks or have shown a RELEASE get a lane.
    if (!known && entry.op != OpCode::Release)
        return;
    if (entry.op != OpCode::Acquire && entry.op != OpCode::Release && entry.op != OpCode::Wait)
        return;
    Lock &lock = lockFor(entry.target, entry.tagText());
    int &depth = lock.depth[entry.pid];
    if (entry.op == OpCode::Acquire) {
        if (depth++ == 0) {
            // One holder at a time: if another still looks like it holds it, its RELEASE was lost
            // (a log overrun) or it died holding the lock and this ACQUIRE recovered it.
            for (auto it = lock.depth.begin(); it != lock.depth.end();)
                it = it->first != entry.pid ? lock.depth.erase(it) : std::next(it);
            for (LockInterval &interval : lock.intervals) {
                if (interval.endNs < 0 && interval.holder != entry.pid)
                    interval.endNs = entry.timeNs;
            }
            lock.intervals << LockInterval { entry.pid, entry.timeNs, -1 };
        }
        return;
    }
    // RELEASE gives one level back; a Condition's WAIT gives the lock up entirely until it wakes.
    if (depth == 0)
        return; // its ACQUIRE was before the recorded history
    depth = entry.op == OpCode::Wait ? 0 : depth - 1;
    if (depth > 0)
        return;
    lock.depth.erase(entry.pid);
    for (auto it = lock.intervals.rbegin(); it != lock.intervals.rend(); ++it) {
        if (it->holder == entry.pid && it->endNs < 0) {
            it->endNs = entry.timeNs;
            break;
        }
    }
}

void LockHistory::clear()
{
    for (Lock &lock : m_locks) {
        lock.intervals.clear();
        lock.depth.clear();
    }
}

void LockHistory::dropBefore(qint64 timeNs)
{
    for (Lock &lock : m_locks) {
        lock.intervals.erase(std::remove_if(lock.intervals.begin(), lock.intervals.end(),
                                 [timeNs](const LockInterval &interval) {
                                     return interval.endNs >= 0 && interval.endNs <= timeNs;
                                 }),
            lock.intervals.end());
    }
}

QVector<quint64> LockHistory::locks() const
{
    return m_order;
}

QString LockHistory::nameOf(quint64 target) const
{
    return m_locks.value(target).name;
}

const QVector<LockInterval> &LockHistory::intervals(quint64 target) const
{
    static const QVector<LockInterval> none;
    const auto it = m_locks.constFind(target);
    return it == m_locks.cend() ? none : it->intervals;
}

LockHolding LockHistory::holdingAt(quint64 target, qint64 timeNs) const
{
    LockHolding holding;
    holding.target = target;
    holding.name = nameOf(target);
    const QVector<LockInterval> &all = intervals(target);
    // Intervals start in time order: the last one starting at or before timeNs is the candidate.
    auto it = std::upper_bound(all.cbegin(), all.cend(), timeNs,
        [](qint64 time, const LockInterval &interval) { return time < interval.startNs; });
    while (it != all.cbegin()) {
        --it;
        if (it->containsTime(timeNs)) {
            holding.holder = it->holder;
            holding.sinceNs = it->startNs;
            break;
        }
        if (it->endNs >= 0 && it->endNs <= timeNs)
            break; // a lock has one holder at a time: an earlier closed one cannot contain timeNs
    }
    return holding;
}

qsizetype LockHistory::intervalCount() const
{
    qsizetype count = 0;
    for (const Lock &lock : m_locks)
        count += lock.intervals.size();
    return count;
}

} // namespace ShmScope
