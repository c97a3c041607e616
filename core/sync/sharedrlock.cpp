#include "sharedrlock.h"

#include "../oplog.h"
#include "ownedlock.h"
#include "shmregion.h"
#include "syncshared.h"

namespace ShmScope {

std::unique_ptr<SharedRLock> SharedRLock::create(const QString &name, QString *error)
{
    auto region = createRegion(name, SyncKind::RLock, 0, error);
    if (!region)
        return nullptr;
    SyncShared *shared = sharedOf(*region);
    return std::unique_ptr<SharedRLock>(new SharedRLock(std::move(region), shared, name));
}

std::unique_ptr<SharedRLock> SharedRLock::open(const QString &name, QString *error)
{
    auto region = openRegion(name, SyncKind::RLock, error);
    if (!region)
        return nullptr;
    SyncShared *shared = sharedOf(*region);
    return std::unique_ptr<SharedRLock>(new SharedRLock(std::move(region), shared, name));
}

SyncResult SharedRLock::acquire(qint64 timeoutMs, QString *error)
{
    const OwnedLockResult outcome = acquireOwnedLock(*m_shared, m_name, timeoutMs, Reentry::Allowed);
    if (outcome.result == SyncResult::Error)
        setError(error, outcome.error);
    else if (outcome.result == SyncResult::Ok)
        record(int(OpCode::Acquire), outcome.depth - 1, outcome.depth);
    return outcome.result;
}

bool SharedRLock::release(QString *error)
{
    const int depthBefore = depth();
    if (isHeldByMe())
        record(int(OpCode::Release), depthBefore, depthBefore - 1);
    return releaseOwnedLock(*m_shared, m_name, nullptr, error);
}

int SharedRLock::depth() const
{
    return m_shared->depth.load(std::memory_order_relaxed);
}

bool SharedRLock::isHeldByMe() const
{
    return ownedByCurrentThread(*m_shared);
}

} // namespace ShmScope
