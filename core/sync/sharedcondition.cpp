#include "sharedcondition.h"

#include "../oplog.h"
#include "ownedlock.h"
#include "robustmutex.h"
#include "shmregion.h"
#include "syncshared.h"
#include "waiterslots.h"

namespace ShmScope {

std::unique_ptr<SharedCondition> SharedCondition::create(const QString &name, QString *error)
{
    auto region = createRegion(name, SyncKind::Condition, 0, error);
    if (!region)
        return nullptr;
    SyncShared *shared = sharedOf(*region);
    return std::unique_ptr<SharedCondition>(new SharedCondition(std::move(region), shared, name));
}

std::unique_ptr<SharedCondition> SharedCondition::open(const QString &name, QString *error)
{
    auto region = openRegion(name, SyncKind::Condition, error);
    if (!region)
        return nullptr;
    SyncShared *shared = sharedOf(*region);
    return std::unique_ptr<SharedCondition>(new SharedCondition(std::move(region), shared, name));
}

SyncResult SharedCondition::acquire(qint64 timeoutMs, QString *error)
{
    const SyncResult result = acquireOwnedLock(*m_shared, m_name, timeoutMs, Reentry::Refused, nullptr, error);
    if (result == SyncResult::Ok)
        record(int(OpCode::Acquire), 0, 1);
    return result;
}

bool SharedCondition::release(QString *error)
{
    if (isHeldByMe())
        record(int(OpCode::Release), 1, 0);
    return releaseOwnedLock(*m_shared, m_name, nullptr, error);
}

bool SharedCondition::isHeldByMe() const
{
    return ownedByCurrentThread(*m_shared);
}

SyncResult SharedCondition::wait(qint64 timeoutMs, QString *error)
{
    if (!isHeldByMe()) {
        // Python: RuntimeError: cannot wait on un-acquired lock.
        setError(error, QStringLiteral("cannot wait on '%1': its lock is not held by this thread").arg(m_name));
        return SyncResult::Error;
    }
    record(int(OpCode::Wait), 1, 0);
    publishReleased(*m_shared);
    LockStatus status;
    {
        WaiterSlot slot(*m_shared);
        status = waitForWake(&m_shared->condition, &m_shared->mutex, Deadline::afterMs(timeoutMs));
    }
    publishAcquired(*m_shared, status == LockStatus::RecoveredFromDeadOwner);
    record(int(OpCode::Acquire), 0, 1);
    switch (status) {
    case LockStatus::Locked:
    case LockStatus::RecoveredFromDeadOwner:
        return SyncResult::Ok;
    case LockStatus::TimedOut:
        return SyncResult::TimedOut;
    case LockStatus::Failed:
        break;
    }
    setError(error, QStringLiteral("cannot wait on '%1'").arg(m_name));
    return SyncResult::Error;
}

bool SharedCondition::notify(int n, QString *error)
{
    if (!isHeldByMe()) {
        // Python: RuntimeError: cannot notify on un-acquired lock.
        setError(error, QStringLiteral("cannot notify '%1': its lock is not held by this thread").arg(m_name));
        return false;
    }
    // Dead waiters are counted here too: waking fewer than n sleepers is never asked of the futex.
    const int waiting = waiterUpperBound(*m_shared);
    const int wake = qMin(n, waiting);
    if (wake > 0)
        wakeWaiters(&m_shared->condition, wake);
    {
        StateWrite write(*m_shared);
        bumpOwned(m_shared->releases, 1);
    }
    record(int(OpCode::Notify), waiting, wake);
    return true;
}

bool SharedCondition::notifyAll(QString *error)
{
    if (!isHeldByMe()) {
        setError(error, QStringLiteral("cannot notify '%1': its lock is not held by this thread").arg(m_name));
        return false;
    }
    const int waiting = waiterUpperBound(*m_shared);
    wakeWaiters(&m_shared->condition, kWakeAll);
    {
        StateWrite write(*m_shared);
        bumpOwned(m_shared->releases, 1);
    }
    record(int(OpCode::Notify), waiting, waiting);
    return true;
}

qint64 SharedCondition::nowMs()
{
    return monotonicNowNs() / 1000000;
}

} // namespace ShmScope
