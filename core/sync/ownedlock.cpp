#include "ownedlock.h"

#include "robustmutex.h"
#include "syncshared.h"

namespace ShmScope {

bool ownedByCurrentThread(const SyncShared &shared)
{
    // Only the owner writes its own tid here, so a match cannot be a stale value of ours.
    return shared.ownerTid.load(std::memory_order_relaxed) == currentTid()
        && shared.ownerPid.load(std::memory_order_relaxed) == currentPid();
}

// Hold times come from the coarse clock: two fine clock reads would cost more than the lock itself.
// Each hold is rounded to clock ticks, but a hold of d ns spans a tick with probability d / tick,
// so the total over many holds is still an unbiased measure of the time held.
void publishAcquired(SyncShared &shared, bool recoveredFromDeadOwner, qint64 now)
{
    StateWrite write(shared);
    if (recoveredFromDeadOwner) {
        bumpOwned(shared.ownerDiedRecoveries, 1);
        setOwned(shared.lastDeadOwner, shared.ownerPid.load(std::memory_order_relaxed));
        // The dead hold is closed at the moment it was found.
        const qint64 since = shared.heldSinceNs.load(std::memory_order_relaxed);
        if (since > 0)
            bumpOwned(shared.heldNsTotal, now - since);
    }
    setOwned(shared.held, 1);
    setOwned(shared.ownerPid, currentPid());
    setOwned(shared.ownerTid, currentTid());
    setOwned(shared.depth, 1);
    setOwned(shared.heldSinceNs, now);
    bumpOwned(shared.acquisitions, 1);
}

void publishReleased(SyncShared &shared)
{
    const qint64 now = monotonicCoarseNowNs();
    StateWrite write(shared);
    bumpOwned(shared.heldNsTotal, now - shared.heldSinceNs.load(std::memory_order_relaxed));
    setOwned(shared.held, 0);
    setOwned(shared.ownerPid, 0);
    setOwned(shared.ownerTid, 0);
    setOwned(shared.depth, 0);
    setOwned(shared.heldSinceNs, 0);
    bumpOwned(shared.releases, 1);
}

OwnedLockResult acquireOwnedLock(SyncShared &shared, const QString &name, qint64 timeoutMs, Reentry reentry)
{
    OwnedLockResult outcome;
    if (ownedByCurrentThread(shared)) {
        if (reentry == Reentry::Refused) {
            // Python's Lock would hang here for ever (or until the timeout).
            outcome.error = QStringLiteral("'%1' is already held by this thread: acquiring it again "
                                           "would deadlock")
                                .arg(name);
            return outcome;
        }
        StateWrite write(shared);
        bumpOwned(shared.depth, 1);
        bumpOwned(shared.acquisitions, 1);
        outcome.result = SyncResult::Ok;
        outcome.depth = shared.depth.load(std::memory_order_relaxed);
        return outcome;
    }

    int errorNumber = 0;
    // Read before taking it, so the clock is not part of the critical section when uncontended.
    qint64 acquiredAt = monotonicCoarseNowNs();
    LockStatus status = tryLockRobustMutex(&shared.mutex, &errorNumber);
    if (status == LockStatus::TimedOut) {
        shared.contentions.fetch_add(1, std::memory_order_relaxed);
        if (timeoutMs != 0) {
            shared.waiting.fetch_add(1, std::memory_order_relaxed);
            status = lockRobustMutex(&shared.mutex, Deadline::afterMs(timeoutMs), &errorNumber);
            shared.waiting.fetch_sub(1, std::memory_order_relaxed);
            acquiredAt = monotonicCoarseNowNs();
        }
    }
    switch (status) {
    case LockStatus::TimedOut:
        outcome.result = SyncResult::TimedOut;
        return outcome;
    case LockStatus::Failed:
        outcome.error = QStringLiteral("cannot acquire '%1': %2").arg(name, errnoText(errorNumber));
        return outcome;
    case LockStatus::Locked:
    case LockStatus::RecoveredFromDeadOwner:
        break;
    }
    outcome.recoveredFromDeadOwner = status == LockStatus::RecoveredFromDeadOwner;
    publishAcquired(shared, outcome.recoveredFromDeadOwner, acquiredAt);
    outcome.result = SyncResult::Ok;
    outcome.depth = 1;
    return outcome;
}

bool releaseOwnedLock(SyncShared &shared, const QString &name, int *depthAfter, QString *error)
{
    if (!ownedByCurrentThread(shared)) {
        // Python: RuntimeError: cannot release un-acquired lock.
        if (error)
            *error = QStringLiteral("cannot release '%1': it is not held by this thread").arg(name);
        return false;
    }
    const int depth = shared.depth.load(std::memory_order_relaxed);
    if (depth > 1) {
        StateWrite write(shared);
        setOwned(shared.depth, depth - 1);
        bumpOwned(shared.releases, 1);
        if (depthAfter)
            *depthAfter = depth - 1;
        return true;
    }
    publishReleased(shared);
    const int rc = ::pthread_mutex_unlock(&shared.mutex);
    if (depthAfter)
        *depthAfter = 0;
    if (rc != 0) {
        if (error)
            *error = QStringLiteral("cannot release '%1': %2").arg(name, errnoText(rc));
        return false;
    }
    return true;
}

} // namespace ShmScope
