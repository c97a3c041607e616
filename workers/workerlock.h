#pragma once

// The sync objects a worker joins by name, opened with every failure turned into one clear line:
// "lock 'x' not found", "'x' is a Semaphore, not a Lock or RLock".

#include "sync/sharedbarrier.h"
#include "sync/sharedcondition.h"
#include "sync/sharedevent.h"
#include "sync/sharedlock.h"
#include "sync/sharedrlock.h"
#include "sync/sharedsemaphore.h"

#include <QString>
#include <memory>

namespace ShmScope::Worker {

// Reads the state of NAME and checks its kind is one of allowed; throws ExitNotFound when there is
// no such object and ExitBadArguments when it is of another kind. role names it in messages ("lock").
SyncState requireSyncObject(const QString &name, const QString &role, const QVector<SyncKind> &allowed);

// A Lock or an RLock (the lock Python's Value carries), whichever NAME is: the counter and the holder
// work with either. Acquire waits without limit (a worker is killed with its parent, never stuck).
class WorkerLock {
public:
    static WorkerLock open(const QString &name);

    void acquire(); // throws ExitFailure on a system error
    void release();
    SyncHandle &handle() const;
    const QString &name() const { return m_name; }

private:
    QString m_name;
    std::shared_ptr<SharedLock> m_lock; // one of these two is set
    std::shared_ptr<SharedRLock> m_rlock;
};

std::unique_ptr<SharedSemaphore> openSemaphore(const QString &name, const QString &role);
std::unique_ptr<SharedBarrier> openBarrier(const QString &name);
std::unique_ptr<SharedEvent> openEvent(const QString &name);
std::unique_ptr<SharedCondition> openCondition(const QString &name);

} // namespace ShmScope::Worker
