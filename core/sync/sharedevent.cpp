#include "sharedevent.h"

#include "../oplog.h"
#include "guard.h"
#include "shmregion.h"
#include "waiterslots.h"

namespace ShmScope {

std::unique_ptr<SharedEvent> SharedEvent::create(const QString &name, QString *error)
{
    auto region = createRegion(name, SyncKind::Event, 0, error);
    if (!region)
        return nullptr;
    SyncShared *shared = sharedOf(*region);
    return std::unique_ptr<SharedEvent>(new SharedEvent(std::move(region), shared, name));
}

std::unique_ptr<SharedEvent> SharedEvent::open(const QString &name, QString *error)
{
    auto region = openRegion(name, SyncKind::Event, error);
    if (!region)
        return nullptr;
    SyncShared *shared = sharedOf(*region);
    return std::unique_ptr<SharedEvent>(new SharedEvent(std::move(region), shared, name));
}

bool SharedEvent::set(QString *error)
{
    Guard guard(*m_shared, Deadline::afterMs(kGuardTimeoutMs));
    if (!guard.isLocked()) {
        setError(error, QStringLiteral("cannot set '%1': %2").arg(m_name, guard.failureText()));
        return false;
    }
    const int before = m_shared->flag.load(std::memory_order_relaxed);
    {
        StateWrite write(*m_shared);
        setOwned(m_shared->flag, 1);
        bumpOwned(m_shared->releases, 1);
    }
    record(int(OpCode::Set), before, 1);
    wakeWaiters(&m_shared->condition, kWakeAll);
    return true;
}

bool SharedEvent::clear(QString *error)
{
    Guard guard(*m_shared, Deadline::afterMs(kGuardTimeoutMs));
    if (!guard.isLocked()) {
        setError(error, QStringLiteral("cannot clear '%1': %2").arg(m_name, guard.failureText()));
        return false;
    }
    const int before = m_shared->flag.load(std::memory_order_relaxed);
    {
        StateWrite write(*m_shared);
        setOwned(m_shared->flag, 0);
    }
    record(int(OpCode::Clear), before, 0);
    return true;
}

bool SharedEvent::isSet() const
{
    return m_shared->flag.load(std::memory_order_acquire) != 0;
}

SyncResult SharedEvent::wait(qint64 timeoutMs, QString *error)
{
    const Deadline deadline = Deadline::afterMs(timeoutMs);
    Guard guard(*m_shared, deadline);
    if (!guard.isLocked()) {
        if (guard.status() == LockStatus::TimedOut)
            return SyncResult::TimedOut;
        setError(error, QStringLiteral("cannot wait on '%1': %2").arg(m_name, errnoText(guard.errorNumber())));
        return SyncResult::Error;
    }
    // Like Python, a waiter woken by set() returns True even if clear() came right after: it waits
    // for the flag or for a set() it has not seen yet.
    const quint64 setsSeen = m_shared->releases.load(std::memory_order_relaxed);
    auto woken = [&] {
        return m_shared->flag.load(std::memory_order_relaxed) != 0
            || m_shared->releases.load(std::memory_order_relaxed) != setsSeen;
    };
    while (!woken()) {
        if (timeoutMs == 0)
            return SyncResult::TimedOut;
        LockStatus status;
        {
            WaiterSlot slot(*m_shared);
            status = guard.wait(deadline);
        }
        if (status == LockStatus::Failed) {
            setError(error, QStringLiteral("cannot wait on '%1': %2").arg(m_name, errnoText(guard.errorNumber())));
            return SyncResult::Error;
        }
        if (status == LockStatus::TimedOut && !woken())
            return SyncResult::TimedOut;
    }
    {
        StateWrite write(*m_shared);
        bumpOwned(m_shared->acquisitions, 1);
    }
    record(int(OpCode::Wait), 0, 1);
    return SyncResult::Ok;
}

} // namespace ShmScope
