#pragma once

// Holds the guard mutex of a Semaphore, Event or Barrier for a scope. Internal to core/sync.

#include "robustmutex.h"
#include "syncshared.h"

namespace ShmScope {

// Calls that never block by design (release, set, clear, reset, abort) still only wait this long
// for the guard: it is held for a few instructions, so a longer wait means its holder is stopped
// (SIGSTOP, a debugger), and an error says so instead of hanging.
constexpr qint64 kGuardTimeoutMs = 10000;

class Guard {
public:
    Guard(SyncShared &shared, const Deadline &deadline) : m_shared(shared)
    {
        m_status = lockRobustMutex(&shared.mutex, deadline, &m_errorNumber);
        m_locked = m_status == LockStatus::Locked || m_status == LockStatus::RecoveredFromDeadOwner;
        if (m_locked)
            onLocked();
    }
    ~Guard()
    {
        if (m_locked) {
            setOwned(m_shared.guardPid, 0);
            ::pthread_mutex_unlock(&m_shared.mutex);
        }
    }
    Guard(const Guard &) = delete;
    Guard &operator=(const Guard &) = delete;

    bool isLocked() const { return m_locked; }
    LockStatus status() const { return m_status; }
    int errorNumber() const { return m_errorNumber; }
    // "its guard is held by pid 123 (stopped?)" or the system error, for messages.
    QString failureText() const
    {
        if (m_status == LockStatus::TimedOut)
            return QStringLiteral("its guard stayed held by pid %1 for %2 s (is that process stopped?)")
                .arg(m_shared.guardPid.load(std::memory_order_relaxed))
                .arg(kGuardTimeoutMs / 1000);
        return errnoText(m_errorNumber);
    }

    // Sleeps on the object's wake sequence, giving the guard up meanwhile. Locked, or TimedOut with
    // the guard held again either way (pthread_cond_timedwait's contract).
    LockStatus wait(const Deadline &deadline)
    {
        setOwned(m_shared.guardPid, 0);
        const LockStatus status = waitForWake(&m_shared.condition, &m_shared.mutex, deadline);
        m_status = status;
        onLocked();
        return status == LockStatus::RecoveredFromDeadOwner ? LockStatus::Locked : status;
    }

private:
    void onLocked()
    {
        if (m_status == LockStatus::RecoveredFromDeadOwner) {
            StateWrite write(m_shared);
            bumpOwned(m_shared.ownerDiedRecoveries, 1);
            setOwned(m_shared.lastDeadOwner, m_shared.guardPid.load(std::memory_order_relaxed));
            m_status = LockStatus::Locked;
        }
        setOwned(m_shared.guardPid, currentPid());
    }

    SyncShared &m_shared;
    LockStatus m_status = LockStatus::Failed;
    bool m_locked = false;
    int m_errorNumber = 0;
};

} // namespace ShmScope
