#include "robustmutex.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace ShmScope {

namespace {

// initial-exec: core is linked into executables, never dlopen()ed, and the default model under
// -fPIC (Qt's requirement) would call __tls_get_addr on every lock acquire.
__attribute__((tls_model("initial-exec"))) thread_local pid_t t_cachedPid = 0;
__attribute__((tls_model("initial-exec"))) thread_local pid_t t_cachedTid = 0;

// Runs in the child, in the thread that called fork(): the only thread the child has.
void forgetIdsAfterFork()
{
    t_cachedPid = 0;
    t_cachedTid = 0;
    Detail::t_cachedOwnerId = 0;
}

const bool s_atforkRegistered = [] {
    return ::pthread_atfork(nullptr, nullptr, forgetIdsAfterFork) == 0;
}();

constexpr qint64 kNsPerSecond = 1000000000;

} // namespace

qint64 monotonicNowNs()
{
    timespec now{};
    ::clock_gettime(CLOCK_MONOTONIC, &now);
    return qint64(now.tv_sec) * kNsPerSecond + now.tv_nsec;
}

pid_t currentPid()
{
    if (t_cachedPid == 0)
        t_cachedPid = ::getpid();
    return t_cachedPid;
}

pid_t currentTid()
{
    if (t_cachedTid == 0)
        t_cachedTid = pid_t(::syscall(SYS_gettid));
    return t_cachedTid;
}

__thread quint64 Detail::t_cachedOwnerId __attribute__((tls_model("initial-exec"))) = 0;

quint64 Detail::cacheOwnerId()
{
    t_cachedOwnerId = quint64(quint32(currentPid())) << 32 | quint32(currentTid());
    return t_cachedOwnerId;
}

bool processIsAlive(pid_t pid)
{
    if (pid <= 0)
        return false;
    if (::kill(pid, 0) != 0 && errno == ESRCH)
        return false;
    // A zombie still answers kill(); its /proc stat state is 'Z'.
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%d/stat", int(pid));
    FILE *file = std::fopen(path, "r");
    if (!file)
        return true; // /proc hidden (hidepid): trust kill()
    char buffer[512] = {};
    const size_t n = std::fread(buffer, 1, sizeof buffer - 1, file);
    std::fclose(file);
    buffer[n] = '\0';
    const char *afterName = std::strrchr(buffer, ')');
    return !(afterName && afterName[1] == ' ' && afterName[2] == 'Z');
}

Deadline Deadline::afterMs(qint64 timeoutMs)
{
    Deadline deadline;
    if (timeoutMs < 0)
        return deadline;
    deadline.m_infinite = false;
    const qint64 at = monotonicNowNs() + timeoutMs * 1000000;
    deadline.m_when.tv_sec = time_t(at / kNsPerSecond);
    deadline.m_when.tv_nsec = long(at % kNsPerSecond);
    return deadline;
}

bool Deadline::hasPassed() const
{
    return !m_infinite && remainingMs() == 0;
}

qint64 Deadline::remainingMs() const
{
    if (m_infinite)
        return -1;
    const qint64 at = qint64(m_when.tv_sec) * kNsPerSecond + m_when.tv_nsec;
    const qint64 left = at - monotonicNowNs();
    return left <= 0 ? 0 : (left + 999999) / 1000000;
}

int initRobustMutex(pthread_mutex_t *mutex)
{
    pthread_mutexattr_t attributes;
    int rc = ::pthread_mutexattr_init(&attributes);
    if (rc == 0)
        rc = ::pthread_mutexattr_setpshared(&attributes, PTHREAD_PROCESS_SHARED);
    if (rc == 0)
        rc = ::pthread_mutexattr_setrobust(&attributes, PTHREAD_MUTEX_ROBUST);
    if (rc == 0)
        rc = ::pthread_mutex_init(mutex, &attributes);
    ::pthread_mutexattr_destroy(&attributes);
    return rc;
}

static LockStatus statusFrom(int rc, pthread_mutex_t *mutex, int *errorNumber)
{
    switch (rc) {
    case 0:
        return LockStatus::Locked;
    case EOWNERDEAD:
        // The previous owner died holding it. Marking it consistent keeps it usable; not doing so
        // before unlocking would leave it ENOTRECOVERABLE for ever.
        ::pthread_mutex_consistent(mutex);
        return LockStatus::RecoveredFromDeadOwner;
    case ETIMEDOUT:
    case EBUSY:
        return LockStatus::TimedOut;
    default:
        if (errorNumber)
            *errorNumber = rc;
        return LockStatus::Failed;
    }
}

LockStatus lockRobustMutex(pthread_mutex_t *mutex, const Deadline &deadline, int *errorNumber)
{
    const int rc = deadline.isInfinite()
        ? ::pthread_mutex_lock(mutex)
        : ::pthread_mutex_clocklock(mutex, CLOCK_MONOTONIC, &deadline.when());
    return statusFrom(rc, mutex, errorNumber);
}

LockStatus tryLockRobustMutex(pthread_mutex_t *mutex, int *errorNumber)
{
    return statusFrom(::pthread_mutex_trylock(mutex), mutex, errorNumber);
}

LockStatus waitForWake(WakeSequence *sequence, pthread_mutex_t *mutex, const Deadline &deadline)
{
    static_assert(sizeof(WakeSequence) == sizeof(int), "a futex word is 32 bits");
    const quint32 seen = sequence->load(std::memory_order_relaxed);
    ::pthread_mutex_unlock(mutex);
    // FUTEX_WAIT_BITSET takes an absolute CLOCK_MONOTONIC deadline; without FUTEX_PRIVATE_FLAG it
    // works between processes. EAGAIN (woken before we slept) and EINTR are ordinary wake-ups.
    const long rc = ::syscall(SYS_futex, reinterpret_cast<int *>(sequence), FUTEX_WAIT_BITSET, int(seen),
                              deadline.isInfinite() ? nullptr : &deadline.when(), nullptr, FUTEX_BITSET_MATCH_ANY);
    const bool timedOut = rc != 0 && errno == ETIMEDOUT;
    // Taking the mutex back has no deadline, as with pthread_cond_timedwait: holders keep it briefly.
    const LockStatus relocked = lockRobustMutex(mutex, Deadline::afterMs(-1));
    if (relocked == LockStatus::RecoveredFromDeadOwner)
        return relocked;
    return timedOut ? LockStatus::TimedOut : LockStatus::Locked;
}

void wakeWaiters(WakeSequence *sequence, int count)
{
    sequence->fetch_add(1, std::memory_order_release);
    ::syscall(SYS_futex, reinterpret_cast<int *>(sequence), FUTEX_WAKE, count, nullptr, nullptr, 0);
}

QString errnoText(int errorNumber)
{
    char buffer[256] = {};
    // GNU strerror_r returns the text (maybe not in buffer).
    const char *text = ::strerror_r(errorNumber, buffer, sizeof buffer);
    return QString::fromLocal8Bit(text);
}

} // namespace ShmScope
