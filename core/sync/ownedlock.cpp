#include "ownedlock.h"

#include "waiterslots.h"

#include <cerrno>

namespace ShmScope::OwnedLockDetail {

namespace {

// Hold times without a clock on the fast path. One CLOCK_MONOTONIC read costs more than an
// uncontended robust lock + unlock (measured here: ~50 ns against 21-38 ns for the pair), and even
// two CLOCK_MONOTONIC_COARSE reads (~8 ns each) cost a third of the lock's speed. So only some
// holds are timed, exactly:
//  - the first hold of a lock, and any hold after a timed hold that lasted kLongHoldNs or more:
//    a lock held for human-visible times (a holder, step mode, a delay inside the lock) has every
//    hold timed, and observers see when it began;
//  - otherwise one hold in kTimedHoldPeriod, counted kTimedHoldPeriod times in heldNsTotal (it
//    stands for the untimed holds before it: an estimate over many short holds, as a sampling
//    profiler's).
// Untimed holds show heldSinceNs == 0. A long hold amid short ones counts for itself only, and is
// missed when it is not the sampled one.
constexpr qint32 kTimedHoldPeriod = 256;
constexpr qint64 kLongHoldNs = 20000; // two clock reads are < 0.5% of such a hold

void closeTimedHold(SyncShared &shared, qint64 now)
{
    StateWrite write(shared);
    const qint64 held = qMax<qint64>(0, now - shared.heldSinceNs.load(std::memory_order_relaxed));
    const bool longHold = held >= kLongHoldNs;
    const qint64 weight = longHold ? 1 : shared.timedHoldWeight.load(std::memory_order_relaxed);
    bumpOwned(shared.heldNsTotal, held * weight);
    setOwned(shared.heldSinceNs, 0);
    setOwned(shared.untilTimedHold, longHold ? 0 : kTimedHoldPeriod - 1);
    setOwned(shared.timedHoldWeight, longHold ? 1 : kTimedHoldPeriod);
}

} // namespace

void startTimedHold(SyncShared &shared)
{
    StateWrite write(shared);
    setOwned(shared.heldSinceNs, monotonicNowNs());
    setOwned(shared.untilTimedHold, -1);
}

void finishTimedHold(SyncShared &shared)
{
    closeTimedHold(shared, monotonicNowNs());
}

// The mutex is ours with EOWNERDEAD (already made consistent): close the dead owner's books.
void recoverFromDeadOwner(SyncShared &shared)
{
    if (shared.untilTimedHold.load(std::memory_order_relaxed) < 0)
        closeTimedHold(shared, monotonicNowNs()); // the dead hold ends when it is found
    StateWrite write(shared);
    bumpOwned(shared.ownerDiedRecoveries, 1);
    setOwned(shared.lastDeadOwner, ownerPidOf(shared.owner.load(std::memory_order_relaxed)));
    // Levels it took and never gave back, so that releases = acquisitions - depth - abandoned.
    bumpOwned(shared.abandonedDepth, qMax(0, shared.depth.load(std::memory_order_relaxed)));
    setOwned(shared.depth, 0);
    shared.owner.store(0, std::memory_order_release);
    setOwned(shared.untilTimedHold, 0); // time the recovering hold
    setOwned(shared.timedHoldWeight, 1);
}

// trylock found it taken (EBUSY), its owner dead (EOWNERDEAD), or failed. Counts the contention,
// waits in a waiter slot (so that a waiter killed here stops counting), recovers a dead owner's lock.
SyncResult acquireContended(SyncShared &shared, const QString &name, qint64 timeoutMs, int tryResult,
                            QString *error)
{
    int errorNumber = tryResult;
    LockStatus status = LockStatus::Failed;
    if (tryResult == EOWNERDEAD) {
        ::pthread_mutex_consistent(&shared.mutex);
        status = LockStatus::RecoveredFromDeadOwner;
    } else if (tryResult == EBUSY) {
        shared.contentions.fetch_add(1, std::memory_order_relaxed);
        if (timeoutMs == 0)
            return SyncResult::TimedOut;
        WaiterSlot slot(shared);
        status = lockRobustMutex(&shared.mutex, Deadline::afterMs(timeoutMs), &errorNumber);
    }
    switch (status) {
    case LockStatus::Locked:
        return SyncResult::Ok;
    case LockStatus::RecoveredFromDeadOwner:
        recoverFromDeadOwner(shared);
        return SyncResult::Ok;
    case LockStatus::TimedOut:
        return SyncResult::TimedOut;
    case LockStatus::Failed:
        break;
    }
    if (error)
        *error = QStringLiteral("cannot acquire '%1': %2").arg(name, errnoText(errorNumber));
    return SyncResult::Error;
}

SyncResult reacquire(SyncShared &shared, const QString &name, Reentry reentry, int *depthAfter, QString *error)
{
    if (reentry == Reentry::Refused) {
        // Python's Lock would hang here for ever (or until the timeout).
        if (error)
            *error = QStringLiteral("'%1' is already held by this thread: acquiring it again would deadlock")
                         .arg(name);
        return SyncResult::Error;
    }
    const int depth = shared.depth.load(std::memory_order_relaxed) + 1;
    bumpOwned(shared.acquisitions, 1);
    shared.depth.store(depth, std::memory_order_release);
    if (depthAfter)
        *depthAfter = depth;
    return SyncResult::Ok;
}

bool refuseRelease(const QString &name, QString *error)
{
    // Python: RuntimeError: cannot release un-acquired lock.
    if (error)
        *error = QStringLiteral("cannot release '%1': it is not held by this thread").arg(name);
    return false;
}

bool releaseLevel(SyncShared &shared, int depth, int *depthAfter)
{
    shared.depth.store(depth - 1, std::memory_order_release);
    if (depthAfter)
        *depthAfter = depth - 1;
    return true;
}

bool reportUnlockError(const QString &name, int rc, QString *error)
{
    if (error)
        *error = QStringLiteral("cannot release '%1': %2").arg(name, errnoText(rc));
    return false;
}

} // namespace ShmScope::OwnedLockDetail
