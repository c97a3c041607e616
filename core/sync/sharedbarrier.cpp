#include "sharedbarrier.h"

#include "../oplog.h"
#include "guard.h"
#include "shmregion.h"

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
    const int index = shared.waiting.load(std::memory_order_relaxed);
    const int parties = shared.parties.load(std::memory_order_relaxed);
    if (arrivalIndex)
        *arrivalIndex = index;

    if (index + 1 == parties) {
        // The last to arrive opens the barrier for this generation.
        {
            StateWrite write(shared);
            setOwned(shared.waiting, 0);
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
        setOwned(shared.waiting, index + 1);
        bumpOwned(shared.contentions, 1);
    }
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
    if (passed()) {
        StateWrite write(shared);
        bumpOwned(shared.acquisitions, 1);
        return SyncResult::Ok;
    }
    if (!resetMeanwhile()) {
        // Broken: leave, so that a reset() finds it empty.
        StateWrite write(shared);
        bumpOwned(shared.waiting, -1);
    }
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
        if (m_shared->waiting.load(std::memory_order_relaxed) > 0)
            bumpOwned(m_shared->resetEpoch, 1); // those waiting now leave with Broken
        setOwned(m_shared->waiting, 0);
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
    return m_shared->waiting.load(std::memory_order_relaxed);
}

bool SharedBarrier::isBroken() const
{
    return m_shared->broken.load(std::memory_order_relaxed) != 0;
}

} // namespace ShmScope
