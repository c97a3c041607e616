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
    int depth = 0;
    const SyncResult result = acquireOwnedLock(*m_shared, m_name, timeoutMs, Reentry::Allowed, &depth, error);
    if (result == SyncResult::Ok && m_opLog)
        record(int(OpCode::Acquire), depth - 1, depth);
    return result;
}

bool SharedRLock::release(QString *error)
{
    if (m_opLog && isHeldByMe()) {
        const int depthBefore = depth();
        record(int(OpCode::Release), depthBefore, depthBefore - 1);
    }
    return releaseOwnedLock(*m_shared, m_name, nullptr, error);
}

int SharedRLock::depth() const
{
    return m_shared->owner.load(std::memory_order_acquire) != 0 ? m_shared->depth.load(std::memory_order_relaxed) : 0;
}

bool SharedRLock::isHeldByMe() const
{
    return ownedByCurrentThread(*m_shared);
}

} // namespace ShmScope
