#pragma once

#include "synchandle.h"

namespace ShmScope {

// Python's Lock (multiprocessing.Lock / threading.Lock), built on one robust, process-shared
// pthread mutex. Unlike Python's, it survives its owner's death: the next acquirer gets
// EOWNERDEAD, makes the mutex consistent, counts the recovery and remembers the dead pid.
// Unlike Python's, only the holder may release it (a robust mutex is owned); a second acquire by
// the holding thread is refused at once instead of hanging.
class SharedLock : public SyncHandle {
public:
    static std::unique_ptr<SharedLock> create(const QString &name, QString *error);
    static std::unique_ptr<SharedLock> open(const QString &name, QString *error);

    // Blocks up to timeoutMs (0 = try once, kWaitForever = no limit).
    SyncResult acquire(qint64 timeoutMs, QString *error = nullptr);
    bool release(QString *error = nullptr); // false: not held by this thread

    bool isHeldByMe() const;

private:
    using SyncHandle::SyncHandle;
};

// Holds a SharedLock for a scope: `LockGuard guard(lock, 1000); if (!guard.isLocked()) ...`.
class LockGuard {
public:
    LockGuard(SharedLock &lock, qint64 timeoutMs, QString *error = nullptr)
        : m_lock(lock), m_locked(lock.acquire(timeoutMs, error) == SyncResult::Ok) {}
    ~LockGuard() { if (m_locked) m_lock.release(); }
    LockGuard(const LockGuard &) = delete;
    LockGuard &operator=(const LockGuard &) = delete;
    bool isLocked() const { return m_locked; }

private:
    SharedLock &m_lock;
    bool m_locked;
};

} // namespace ShmScope
