#include "sharedsemaphore.h"

#include "../oplog.h"
#include "guard.h"
#include "shmregion.h"
#include "waiterslots.h"

#include <limits>

namespace ShmScope {

std::unique_ptr<SharedSemaphore> SharedSemaphore::create(const QString &name, int value, QString *error)
{
    auto region = createRegion(name, SyncKind::Semaphore, value, error);
    if (!region)
        return nullptr;
    SyncShared *shared = sharedOf(*region);
    return std::unique_ptr<SharedSemaphore>(new SharedSemaphore(std::move(region), shared, name));
}

std::unique_ptr<SharedSemaphore> SharedSemaphore::createBounded(const QString &name, int value, QString *error)
{
    auto region = createRegion(name, SyncKind::BoundedSemaphore, value, error);
    if (!region)
        return nullptr;
    SyncShared *shared = sharedOf(*region);
    return std::unique_ptr<SharedSemaphore>(new SharedSemaphore(std::move(region), shared, name));
}

std::unique_ptr<SharedSemaphore> SharedSemaphore::open(const QString &name, QString *error)
{
    auto region = openRegion(name, SyncKind::Semaphore, error);
    if (!region)
        return nullptr;
    SyncShared *shared = sharedOf(*region);
    return std::unique_ptr<SharedSemaphore>(new SharedSemaphore(std::move(region), shared, name));
}

SyncResult SharedSemaphore::acquire(qint64 timeoutMs, QString *error)
{
    const Deadline deadline = Deadline::afterMs(timeoutMs);
    Guard guard(*m_shared, deadline);
    if (!guard.isLocked()) {
        if (guard.status() == LockStatus::TimedOut)
            return SyncResult::TimedOut;
        setError(error, QStringLiteral("cannot acquire '%1': %2").arg(m_name, errnoText(guard.errorNumber())));
        return SyncResult::Error;
    }
    if (m_shared->count.load(std::memory_order_relaxed) == 0) {
        StateWrite write(*m_shared);
        bumpOwned(m_shared->contentions, 1);
    }
    while (m_shared->count.load(std::memory_order_relaxed) == 0) {
        if (timeoutMs == 0)
            return SyncResult::TimedOut;
        LockStatus status;
        {
            WaiterSlot slot(*m_shared);
            status = guard.wait(deadline);
        }
        if (status == LockStatus::TimedOut && m_shared->count.load(std::memory_order_relaxed) == 0)
            return SyncResult::TimedOut;
        if (status == LockStatus::Failed) {
            setError(error, QStringLiteral("cannot acquire '%1': %2").arg(m_name, errnoText(guard.errorNumber())));
            return SyncResult::Error;
        }
    }
    const int before = m_shared->count.load(std::memory_order_relaxed);
    {
        StateWrite write(*m_shared);
        setOwned(m_shared->count, before - 1);
        bumpOwned(m_shared->acquisitions, 1);
    }
    record(int(OpCode::Acquire), before, before - 1);
    return SyncResult::Ok;
}

bool SharedSemaphore::release(int n, QString *error)
{
    if (n < 1) {
        setError(error, QStringLiteral("cannot release '%1' %2 times: n must be one or more").arg(m_name).arg(n));
        return false;
    }
    Guard guard(*m_shared, Deadline::afterMs(kGuardTimeoutMs));
    if (!guard.isLocked()) {
        setError(error, QStringLiteral("cannot release '%1': %2").arg(m_name, guard.failureText()));
        return false;
    }
    const int before = m_shared->count.load(std::memory_order_relaxed);
    if (isBounded() && qint64(before) + n > m_shared->maxCount.load(std::memory_order_relaxed)) {
        // Python's BoundedSemaphore: ValueError: Semaphore released too many times.
        setError(error, QStringLiteral("'%1' released too many times: its count is %2, its maximum %3")
                            .arg(m_name)
                            .arg(before)
                            .arg(m_shared->maxCount.load(std::memory_order_relaxed)));
        return false;
    }
    if (qint64(before) + n > std::numeric_limits<qint32>::max()) {
        setError(error, QStringLiteral("'%1': count would overflow").arg(m_name));
        return false;
    }
    {
        StateWrite write(*m_shared);
        setOwned(m_shared->count, before + n);
        bumpOwned(m_shared->releases, 1);
    }
    record(int(OpCode::Post), before, before + n);
    if (waiterUpperBound(*m_shared) > 0)
        wakeWaiters(&m_shared->condition, n);
    return true;
}

int SharedSemaphore::count() const
{
    return m_shared->count.load(std::memory_order_relaxed);
}

bool SharedSemaphore::isBounded() const
{
    return SyncKind(m_shared->kind) == SyncKind::BoundedSemaphore;
}

} // namespace ShmScope
