#include "sharedbarrier.h"

#include "../oplog.h"
#include "guard.h"
#include "shmregion.h"
#include "waiterslots.h"

namespace ShmScope {

std::unique_ptr<SharedBarrier> SharedBarrier::create(const QString &name, int parties, QString *error)
{
    auto region = createRegion(name, SyncKind::Barrier, parties, error);
    if (!region)
        return nullptr;
    SyncShared *shared = sharedOf(*region);
    return std::unique_ptr<SharedBarrier>(new SharedBarrier(std::move(region), shared, name));
}

std::unique_ptr<SharedBarrier> SharedBarrier::open(const QString &name, QString *error)
{
    auto region = openRegion(name, SyncKind::Barrier, error);
    if (!region)
        return nullptr;
    SyncShared *shared = sharedOf(*region);
    return std::unique_ptr<SharedBarrier>(new SharedBarrier(std::move(region), shared, name));
}

SyncResult SharedBarrier::wait(qint64 timeoutMs, int *arrivalIndex, QString *error)
{
    const Deadline deadline = Deadline::afterMs(timeoutMs);
    Guard guard(*m_shared, deadline);
    if (!guard.isLocked()) {
        if (guard.status() == LockStatus::TimedOut)
            return SyncResult::Broken; // could not even arrive in time: like Python, a timeout breaks
        setError(error, QStringLiteral("cannot wait on '%1': %2").arg(m_name, errnoText(guard.errorNumber())));
        return SyncResult::Error;
    }
    SyncShared &shared = *m_shared;
    if (shared.broken.load(std::memory_order_relaxed))
        return SyncResult::Broken;

    const int generation = shared.generation.load(std::memory_order_relaxed);
    const int epoch = shared.resetEpoch.load(std::memory_order_relaxed);
    // Parties killed while waiting have left (see the header): only live ones count.
    const int index = purgeDeadWaiters(shared);
    const int parties = shared.parties.load(std::memory_order_relaxed);
    if (arrivalIndex)
        *arrivalIndex = index;

    if (index + 1 >= parties) {
        // The last to arrive opens the barrier for this generation.
        {
            StateWrite write(shared);
            clearWaiters(shared);
            setOwned(shared.generation, generation + 1);
            bumpOwned(shared.acquisitions, 1);
            bumpOwned(shared.releases, 1);
        }
        record(int(OpCode::Barrier), generation, generation + 1);
        wakeWaiters(&shared.condition, kWakeAll);
        return SyncResult::Ok;
    }
    {
        StateWrite write(shared);
        bumpOwned(shared.contentions, 1);
    }
    WaiterSlot slot(shared);
    auto passed = [&] { return shared.generation.load(std::memory_order_relaxed) != generation; };
    auto resetMeanwhile = [&] { return shared.resetEpoch.load(std::memory_order_relaxed) != epoch; };
    while (!passed() && !resetMeanwhile() && !shared.broken.load(std::memory_order_relaxed)) {
        const LockStatus status = guard.wait(deadline);
        if (passed() || resetMeanwhile())
            break;
        if (status == LockStatus::TimedOut || status == LockStatus::Failed) {
            // Python: the waiter that times out breaks the barrier for every party.
            StateWrite write(shared);
            setOwned(shared.broken, 1);
            wakeWaiters(&shared.condition, kWakeAll);
            break;
        }
    }
    if (passed() || resetMeanwhile())
        slot.forget(); // the opener or reset() emptied the table; our slot may be someone else's now
    if (passed()) {
        StateWrite write(shared);
        bumpOwned(shared.acquisitions, 1);
        return SyncResult::Ok;
    }
    // Broken: the slot is given back on return, so that a reset() finds it empty.
    return SyncResult::Broken;
}

bool SharedBarrier::reset(QString *error)
{
    Guard guard(*m_shared, Deadline::afterMs(kGuardTimeoutMs));
    if (!guard.isLocked()) {
        setError(error, QStringLiteral("cannot reset '%1': %2").arg(m_name, guard.failureText()));
        return false;
    }
    {
        StateWrite write(*m_shared);
        if (waiterUpperBound(*m_shared) > 0)
            bumpOwned(m_shared->resetEpoch, 1); // those waiting now leave with Broken
        clearWaiters(*m_shared);
        setOwned(m_shared->broken, 0);
    }
    wakeWaiters(&m_shared->condition, kWakeAll);
    return true;
}

bool SharedBarrier::abort(QString *error)
{
    Guard guard(*m_shared, Deadline::afterMs(kGuardTimeoutMs));
    if (!guard.isLocked()) {
        setError(error, QStringLiteral("cannot abort '%1': %2").arg(m_name, guard.failureText()));
        return false;
    }
    {
        StateWrite write(*m_shared);
        setOwned(m_shared->broken, 1);
    }
    wakeWaiters(&m_shared->condition, kWakeAll);
    return true;
}

int SharedBarrier::parties() const
{
    return m_shared->parties.load(std::memory_order_relaxed);
}

int SharedBarrier::generation() const
{
    return m_shared->generation.load(std::memory_order_relaxed);
}

int SharedBarrier::waiting() const
{
    return liveWaiterCount(*m_shared);
}

bool SharedBarrier::isBroken() const
{
    return m_shared->broken.load(std::memory_order_relaxed) != 0;
}

} // namespace ShmScope
