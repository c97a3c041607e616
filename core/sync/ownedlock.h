#pragma once

// The owned-lock logic that Lock, RLock and Condition's lock share: a robust process-shared mutex
// whose holder publishes itself (pid, tid, depth) for observers. Internal to core/sync.
//
// The uncontended acquire and release are inline (they are what a locked increment costs, issue 3's
// benchmark): one owner-word compare, the mutex, and plain stores to the mutex's own cache line.
// Everything rare (contention, re-entry, dead owners, timed holds, errors) is out of line.

#include "robustmutex.h"
#include "syncshared.h"

namespace ShmScope {

enum class Reentry { Refused, Allowed };

namespace OwnedLockDetail {
SyncResult acquireContended(SyncShared &shared, const QString &name, qint64 timeoutMs, int tryResult,
                            QString *error);
SyncResult reacquire(SyncShared &shared, const QString &name, Reentry reentry, int *depthAfter,
                     QString *error);
bool refuseRelease(const QString &name, QString *error);
bool releaseLevel(SyncShared &shared, int depth, int *depthAfter);
bool reportUnlockError(const QString &name, int rc, QString *error);
void startTimedHold(SyncShared &shared);
void finishTimedHold(SyncShared &shared);
void recoverFromDeadOwner(SyncShared &shared);
} // namespace OwnedLockDetail

inline bool ownedByCurrentThread(const SyncShared &shared)
{
    // Only the owner writes its own id here, so a match cannot be a stale value of ours.
    return shared.owner.load(std::memory_order_relaxed) == currentOwnerId();
}

// The mutex was just taken: publish the hold. Plain stores to the line the mutex's compare-and-swap
// already owns; the owner word goes last with release order, so an observer that sees it also sees
// depth and acquisitions. For Condition::wait() too, when it takes the lock back.
inline void publishAcquired(SyncShared &shared, bool recoveredFromDeadOwner)
{
    if (Q_UNLIKELY(recoveredFromDeadOwner))
        OwnedLockDetail::recoverFromDeadOwner(shared);
    const qint32 untilTimed = shared.untilTimedHold.load(std::memory_order_relaxed);
    if (Q_UNLIKELY(untilTimed <= 0))
        OwnedLockDetail::startTimedHold(shared);
    else
        setOwned(shared.untilTimedHold, untilTimed - 1);
    setOwned(shared.depth, 1);
    bumpOwned(shared.acquisitions, 1);
    shared.owner.store(currentOwnerId(), std::memory_order_release);
}

// About to unlock the mutex (or, in Condition::wait(), to sleep without it).
inline void publishReleased(SyncShared &shared)
{
    if (Q_UNLIKELY(shared.untilTimedHold.load(std::memory_order_relaxed) < 0))
        OwnedLockDetail::finishTimedHold(shared);
    shared.owner.store(0, std::memory_order_release);
    setOwned(shared.depth, 0);
}

// Ok (the depth now held in *depthAfter), TimedOut, or Error with the reason in *error.
inline SyncResult acquireOwnedLock(SyncShared &shared, const QString &name, qint64 timeoutMs, Reentry reentry,
                                   int *depthAfter, QString *error)
{
    if (Q_UNLIKELY(ownedByCurrentThread(shared)))
        return OwnedLockDetail::reacquire(shared, name, reentry, depthAfter, error);
    const int tryResult = ::pthread_mutex_trylock(&shared.mutex);
    if (Q_UNLIKELY(tryResult != 0)) {
        const SyncResult result = OwnedLockDetail::acquireContended(shared, name, timeoutMs, tryResult, error);
        if (result != SyncResult::Ok)
            return result;
    }
    publishAcquired(shared, false);
    if (depthAfter)
        *depthAfter = 1;
    return SyncResult::Ok;
}

// Releases one level (RLock) or the lock; false with a message when this thread is not the owner.
inline bool releaseOwnedLock(SyncShared &shared, const QString &name, int *depthAfter, QString *error)
{
    if (Q_UNLIKELY(!ownedByCurrentThread(shared)))
        return OwnedLockDetail::refuseRelease(name, error);
    const int depth = shared.depth.load(std::memory_order_relaxed);
    if (Q_UNLIKELY(depth > 1))
        return OwnedLockDetail::releaseLevel(shared, depth, depthAfter);
    publishReleased(shared);
    const int rc = ::pthread_mutex_unlock(&shared.mutex);
    if (depthAfter)
        *depthAfter = 0;
    if (Q_UNLIKELY(rc != 0))
        return OwnedLockDetail::reportUnlockError(name, rc, error);
    return true;
}

} // namespace ShmScope
