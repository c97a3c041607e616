#include "sharedlock.h"

#include "../oplog.h"
#include "ownedlock.h"
#include "shmregion.h"
#include "syncshared.h"

namespace ShmScope {

std::unique_ptr<SharedLock> SharedLock::create(const QString &name, QString *error)
{
    auto region = createRegion(name, SyncKind::Lock, 0, error);
    if (!region)
        return nullptr;
    SyncShared *shared = sharedOf(*region);
    return std::unique_ptr<SharedLock>(new SharedLock(std::move(region), shared, name));
}

std::unique_ptr<SharedLock> SharedLock::open(const QString &name, QString *error)
{
    auto region = openRegion(name, SyncKind::Lock, error);
    if (!region)
        return nullptr;
    SyncShared *shared = sharedOf(*region);
    return std::unique_ptr<SharedLock>(new SharedLock(std::move(region), shared, name));
}

SyncResult SharedLock::acquire(qint64 timeoutMs, QString *error)
{
    const SyncResult result = acquireOwnedLock(*m_shared, m_name, timeoutMs, Reentry::Refused, nullptr, error);
    if (result == SyncResult::Ok && m_opLog)
        record(int(OpCode::Acquire), 0, 1);
    return result;
}

bool SharedLock::release(QString *error)
{
    if (m_opLog && isHeldByMe())
        record(int(OpCode::Release), 1, 0); // logged while still held, so the log keeps lock order
    return releaseOwnedLock(*m_shared, m_name, nullptr, error);
}

bool SharedLock::isHeldByMe() const
{
    return ownedByCurrentThread(*m_shared);
}

} // namespace ShmScope
