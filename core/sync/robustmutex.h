#pragma once

#include <QString>
#include <atomic>
#include <pthread.h>
#include <sys/types.h>
#include <time.h>

namespace ShmScope {

// Small helpers over process-shared pthread objects that live in shared memory. Internal to core.

qint64 monotonicNowNs(); // CLOCK_MONOTONIC: one clock for every process on the machine

// getpid()/gettid() are system calls since glibc 2.25; these cache them per thread and refresh
// after fork() (pthread_atfork), so hot paths stay cheap and children report their own ids.
pid_t currentPid();
pid_t currentTid();
// (pid << 32) | tid of the calling thread, cached the same way: the owner word of Lock, RLock and
// Condition, compared and stored in one instruction on their fast path (hence inline, on a
// __thread variable: C++ thread_local across files would call an init wrapper on every use).
namespace Detail {
extern __thread quint64 t_cachedOwnerId __attribute__((tls_model("initial-exec")));
quint64 cacheOwnerId();
} // namespace Detail
inline quint64 currentOwnerId()
{
    const quint64 id = Detail::t_cachedOwnerId;
    return Q_LIKELY(id != 0) ? id : Detail::cacheOwnerId();
}

// True when pid names a live process (kill(pid, 0) != ESRCH). Zombies count as dead.
bool processIsAlive(pid_t pid);

// A point in CLOCK_MONOTONIC time to give up at; timeoutMs < 0 means never.
class Deadline {
public:
    static Deadline afterMs(qint64 timeoutMs);
    bool isInfinite() const { return m_infinite; }
    bool hasPassed() const;
    qint64 remainingMs() const; // -1 when infinite
    const timespec &when() const { return m_when; }

private:
    bool m_infinite = true;
    timespec m_when{};
};

// Robust (PTHREAD_MUTEX_ROBUST), process-shared mutex. Returns 0 or an errno.
int initRobustMutex(pthread_mutex_t *mutex);

// The condition variable of every ShmScope object: a 32-bit sequence in shared memory that wakers
// bump and waiters sleep on with a (shared, not private) futex. Not pthread_cond_t: glibc's
// process-shared condvar (before 2.41) keeps per-waiter reference counts in the shared struct, so a
// waiter killed by SIGKILL while waiting makes later signals get lost or block for ever (measured
// here: the next set() of an Event hung). A dead futex waiter leaves nothing behind.
using WakeSequence = std::atomic<quint32>;

enum class LockStatus {
    Locked,
    RecoveredFromDeadOwner, // EOWNERDEAD: it is ours now and already made consistent
    TimedOut,
    Failed                  // errno in *errorNumber
};

// Takes the mutex by the deadline. On EOWNERDEAD calls pthread_mutex_consistent() at once, so
// the caller only has to repair its own data and count the recovery.
LockStatus lockRobustMutex(pthread_mutex_t *mutex, const Deadline &deadline, int *errorNumber = nullptr);
LockStatus tryLockRobustMutex(pthread_mutex_t *mutex, int *errorNumber = nullptr);
// Like pthread_cond_timedwait: with mutex held, gives it up, sleeps until woken (wakeWaiters),
// the deadline passes or a spurious wake-up, and takes the mutex back (recovering it on
// EOWNERDEAD). Returns Locked, RecoveredFromDeadOwner or TimedOut, with the mutex held in each case.
// Callers re-check their predicate, as with any condition variable.
LockStatus waitForWake(WakeSequence *sequence, pthread_mutex_t *mutex, const Deadline &deadline);
// Bumps the sequence and wakes up to count sleepers (INT_MAX: all). Call with the mutex held, so a
// waiter cannot miss the change between checking its predicate and sleeping.
void wakeWaiters(WakeSequence *sequence, int count);
constexpr int kWakeAll = 0x7fffffff;

QString errnoText(int errorNumber); // strerror, thread-safe

} // namespace ShmScope
