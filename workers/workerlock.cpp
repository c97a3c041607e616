#include "workerlock.h"

#include "workercommon.h"

#include <QFileInfo>

namespace ShmScope::Worker {

namespace {

QString kindList(const QVector<SyncKind> &kinds)
{
    QStringList names;
    for (SyncKind kind : kinds)
        names << syncKindName(kind);
    return names.join(QStringLiteral(" or "));
}

// Opening failed after the kind check passed (a race with `sync rm`, or a system error).
template <typename Handle>
std::unique_ptr<Handle> checkedOpen(std::unique_ptr<Handle> handle, const QString &error)
{
    if (!handle)
        failRuntime(error);
    return handle;
}

} // namespace

SyncState requireSyncObject(const QString &name, const QString &role, const QVector<SyncKind> &allowed)
{
    QString nameError;
    const QString segmentName = syncSegmentName(name, &nameError);
    if (segmentName.isEmpty())
        failBadArguments(QStringLiteral("bad %1 name '%2': %3").arg(role, name, nameError));
    SyncState state;
    QString error;
    if (!readSyncState(name, &state, &error)) {
        if (!QFileInfo::exists(QStringLiteral("/dev/shm/") + segmentName))
            failNotFound(QStringLiteral("%1 '%2' not found").arg(role, name));
        failRuntime(error);
    }
    SyncKind kind;
    if (!syncKindFromName(state.kind, &kind) || !allowed.contains(kind))
        failBadArguments(
            QStringLiteral("%1 '%2' is a %3, not a %4").arg(role, name, state.kind, kindList(allowed)));
    return state;
}

WorkerLock WorkerLock::open(const QString &name)
{
    const SyncState state
        = requireSyncObject(name, QStringLiteral("lock"), { SyncKind::Lock, SyncKind::RLock });
    WorkerLock lock;
    lock.m_name = name;
    QString error;
    if (state.kind == syncKindName(SyncKind::RLock))
        lock.m_rlock = checkedOpen(SharedRLock::open(name, &error), error);
    else
        lock.m_lock = checkedOpen(SharedLock::open(name, &error), error);
    return lock;
}

void WorkerLock::acquire()
{
    QString error;
    const SyncResult result
        = m_lock ? m_lock->acquire(kWaitForever, &error) : m_rlock->acquire(kWaitForever, &error);
    if (result != SyncResult::Ok)
        failRuntime(QStringLiteral("cannot acquire lock '%1': %2").arg(m_name, error));
}

void WorkerLock::release()
{
    QString error;
    if (!(m_lock ? m_lock->release(&error) : m_rlock->release(&error)))
        failRuntime(QStringLiteral("cannot release lock '%1': %2").arg(m_name, error));
}

SyncHandle &WorkerLock::handle() const
{
    if (m_lock)
        return *m_lock;
    return *m_rlock;
}

std::unique_ptr<SharedSemaphore> openSemaphore(const QString &name, const QString &role)
{
    requireSyncObject(name, role, { SyncKind::Semaphore, SyncKind::BoundedSemaphore });
    QString error;
    return checkedOpen(SharedSemaphore::open(name, &error), error);
}

std::unique_ptr<SharedBarrier> openBarrier(const QString &name)
{
    requireSyncObject(name, QStringLiteral("barrier"), { SyncKind::Barrier });
    QString error;
    return checkedOpen(SharedBarrier::open(name, &error), error);
}

std::unique_ptr<SharedEvent> openEvent(const QString &name)
{
    requireSyncObject(name, QStringLiteral("event"), { SyncKind::Event });
    QString error;
    return checkedOpen(SharedEvent::open(name, &error), error);
}

std::unique_ptr<SharedCondition> openCondition(const QString &name)
{
    requireSyncObject(name, QStringLiteral("condition"), { SyncKind::Condition });
    QString error;
    return checkedOpen(SharedCondition::open(name, &error), error);
}

} // namespace ShmScope::Worker
