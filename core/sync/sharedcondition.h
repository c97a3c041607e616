#pragma once

#include "synchandle.h"

namespace ShmScope {

// Python's Condition with its own lock: acquire/release the lock, wait() (releases it, sleeps until
// notified or timed out, takes it back), notify(n), notifyAll(). The lock is a robust
// process-shared mutex (not re-entrant; Python's default Condition lock is an RLock), the
// condition a futex wake sequence (see robustmutex.h: why not pthread_cond_t).
class SharedCondition : public SyncHandle {
public:
    static std::unique_ptr<SharedCondition> create(const QString &name, QString *error);
    static std::unique_ptr<SharedCondition> open(const QString &name, QString *error);

    SyncResult acquire(qint64 timeoutMs, QString *error = nullptr);
    bool release(QString *error = nullptr);
    bool isHeldByMe() const;

    // Needs the lock held by this thread (Python: RuntimeError: cannot wait on un-acquired lock).
    // On return the lock is held again, whatever the result except Error before waiting.
    // Like Python, a wake-up is not a promise: re-check the predicate (see waitFor).
    SyncResult wait(qint64 timeoutMs, QString *error = nullptr);
    // Python's wait_for(): waits until predicate() is true or timeoutMs has passed in all.
    template<typename Predicate>
    SyncResult waitFor(Predicate predicate, qint64 timeoutMs, QString *error = nullptr);

    // Need the lock held by this thread.
    bool notify(int n = 1, QString *error = nullptr);
    bool notifyAll(QString *error = nullptr);

private:
    using SyncHandle::SyncHandle;
    static qint64 nowMs();
};

template<typename Predicate>
SyncResult SharedCondition::waitFor(Predicate predicate, qint64 timeoutMs, QString *error)
{
    const qint64 deadline = timeoutMs < 0 ? -1 : nowMs() + timeoutMs;
    while (!predicate()) {
        const qint64 left = deadline < 0 ? kWaitForever : qMax<qint64>(0, deadline - nowMs());
        if (deadline >= 0 && left == 0)
            return SyncResult::TimedOut;
        const SyncResult result = wait(left, error);
        if (result == SyncResult::Error)
            return result;
    }
    return SyncResult::Ok;
}

} // namespace ShmScope
