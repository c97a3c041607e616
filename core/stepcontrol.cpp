#include "stepcontrol.h"

#include "objectheader.h"
#include "sync/robustmutex.h"
#include "sync/shmregion.h"

#include <QDir>
#include <QThread>
#include <atomic>
#include <cstring>
#include <new>

namespace ShmScope {

namespace {

constexpr quint32 kStepVersion = 2;
constexpr int kTextWords = 2; // 16 bytes of UTF-8 per step or register name
constexpr int kPublishWaitMs = 1000;
// Controllers wait in slices this long, so that a worker that dies is noticed quickly even
// though a dead process never signals the condition.
constexpr qint64 kLivenessSliceMs = 50;
// Publishing never waits for a controller; it only takes the mutex that controllers hold briefly.
// Longer than this means a stopped controller: give up rather than hang the worker.
constexpr qint64 kPublishLockTimeoutMs = 10000;
const QString kSegmentPrefix = QStringLiteral("shmscope.step.");

using TextWords = std::atomic<quint64>[kTextWords];

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

void storeText(TextWords &words, const QString &text)
{
    QByteArray bytes = text.toUtf8();
    if (bytes.size() > 16) {
        int cut = 16;
        while (cut > 0 && (quint8(bytes.at(cut)) & 0xC0) == 0x80)
            --cut;
        bytes.truncate(cut);
    }
    char buffer[16] = {};
    std::memcpy(buffer, bytes.constData(), size_t(bytes.size()));
    for (int i = 0; i < kTextWords; ++i) {
        quint64 word = 0;
        std::memcpy(&word, buffer + 8 * i, 8);
        words[i].store(word, std::memory_order_relaxed);
    }
}

QString loadText(const TextWords &words)
{
    char buffer[16];
    for (int i = 0; i < kTextWords; ++i) {
        const quint64 word = words[i].load(std::memory_order_relaxed);
        std::memcpy(buffer + 8 * i, &word, 8);
    }
    return QString::fromUtf8(buffer, int(strnlen(buffer, sizeof buffer)));
}

} // namespace

// Layout version 2 of "shmscope.step.<PID>". Written by whoever holds `mutex`, inside the seqlock
// `stateSeq`, so status readers need no lock.
struct StepShared {
    ObjectHeader header;
    pthread_mutex_t mutex;
    WakeSequence changed{0}; // woken on every change
    std::atomic<quint32> stateSeq{0};
    std::atomic<qint32> pid{0};
    std::atomic<qint32> state{0};      // StepState
    std::atomic<qint32> goTokens{0};   // steps released and not yet taken by the worker
    std::atomic<qint32> programIndex{-1};
    std::atomic<qint32> programCount{0};
    std::atomic<qint32> registerCount{0};
    std::atomic<quint64> stops{0};
    std::atomic<quint64> stepsDone{0};
    std::atomic<qint64> changedNs{0};
    TextWords waitingAt;
    TextWords lastStepDone;
    struct Register {
        TextWords name;
        std::atomic<qint64> value{0};
    } registers[StepControl::kMaxRegisters];
    TextWords program[StepControl::kMaxProgramSteps];
};

namespace {

class StepWrite {
public:
    explicit StepWrite(StepShared &shared) : m_shared(shared)
    {
        m_next = (m_shared.stateSeq.load(std::memory_order_relaxed) | 1u) + 1u;
        m_shared.stateSeq.store(m_next - 1u, std::memory_order_relaxed);
        std::atomic_thread_fence(std::memory_order_release);
    }
    ~StepWrite()
    {
        m_shared.changedNs.store(monotonicNowNs(), std::memory_order_relaxed);
        m_shared.stateSeq.store(m_next, std::memory_order_release);
    }
    StepWrite(const StepWrite &) = delete;
    StepWrite &operator=(const StepWrite &) = delete;

private:
    StepShared &m_shared;
    quint32 m_next;
};

QVector<StepRegister> loadRegisters(const StepShared &shared)
{
    QVector<StepRegister> registers;
    const int count = qBound(0, shared.registerCount.load(std::memory_order_relaxed), StepControl::kMaxRegisters);
    for (int i = 0; i < count; ++i)
        registers.append({loadText(shared.registers[i].name), shared.registers[i].value.load(std::memory_order_relaxed)});
    return registers;
}

void storeRegisters(StepShared &shared, const QVector<StepRegister> &registers)
{
    const int count = qMin(int(registers.size()), int(StepControl::kMaxRegisters));
    for (int i = 0; i < count; ++i) {
        storeText(shared.registers[i].name, registers[i].name);
        shared.registers[i].value.store(registers[i].value, std::memory_order_relaxed);
    }
    shared.registerCount.store(count, std::memory_order_relaxed);
}

void copyStatus(const StepShared &shared, StepStatus *status)
{
    status->pid = shared.pid.load(std::memory_order_relaxed);
    status->state = StepState(shared.state.load(std::memory_order_relaxed));
    status->waitingAt = loadText(shared.waitingAt);
    status->programIndex = shared.programIndex.load(std::memory_order_relaxed);
    status->stops = shared.stops.load(std::memory_order_relaxed);
    status->stepsDone = shared.stepsDone.load(std::memory_order_relaxed);
    status->lastStepDone = loadText(shared.lastStepDone);
    status->registers = loadRegisters(shared);
    status->program.clear();
    const int programCount = qBound(0, shared.programCount.load(std::memory_order_relaxed), StepControl::kMaxProgramSteps);
    for (int i = 0; i < programCount; ++i)
        status->program.append(loadText(shared.program[i]));
    status->changedNs = shared.changedNs.load(std::memory_order_relaxed);
}

// A consistent copy without locking; a worker that keeps changing it is read as it is.
void readStatus(const StepShared &shared, StepStatus *status)
{
    for (int attempt = 0; attempt < 64; ++attempt) {
        const quint32 before = shared.stateSeq.load(std::memory_order_acquire);
        if (before & 1u) {
            QThread::yieldCurrentThread();
            continue;
        }
        copyStatus(shared, status);
        std::atomic_thread_fence(std::memory_order_acquire);
        if (shared.stateSeq.load(std::memory_order_relaxed) == before)
            break;
    }
    if (status->state != StepState::Exited && !processIsAlive(status->pid))
        status->state = StepState::Gone;
}

bool isPublished(const StepShared &shared)
{
    return reinterpret_cast<const std::atomic<quint64> *>(shared.header.magic)->load(std::memory_order_acquire)
        == objectMagicWord();
}

// Opens a worker's step control; waits briefly for a creator that is still filling it in.
std::unique_ptr<ShmRegion> openStepRegion(pid_t pid, bool readOnly, QString *error)
{
    if (pid <= 0) {
        fail(error, QStringLiteral("%1 is not a process id").arg(pid));
        return nullptr;
    }
    QString reason;
    auto region = ShmRegion::open(stepSegmentName(pid), sizeof(StepShared), readOnly, &reason);
    if (!region) {
        fail(error, reason.endsWith(QLatin1String("not found"))
                        ? (processIsAlive(pid) ? QStringLiteral("process %1 is not in step mode").arg(pid)
                                               : QStringLiteral("no process %1 (and no step control for it)").arg(pid))
                        : QStringLiteral("cannot open the step control of process %1: %2").arg(pid).arg(reason));
        return nullptr;
    }
    const auto *shared = static_cast<const StepShared *>(region->data());
    const Deadline deadline = Deadline::afterMs(kPublishWaitMs);
    while (!isPublished(*shared) && !deadline.hasPassed())
        QThread::msleep(1);
    if (!isPublished(*shared) || shared->header.version != kStepVersion
        || objectKindName(shared->header) != QLatin1String("StepControl")) {
        fail(error, QStringLiteral("'%1' is not a ShmScope step control (or of another version)").arg(stepSegmentName(pid)));
        return nullptr;
    }
    return region;
}

// Holds a step control's mutex for a scope (recovering it if a worker died holding it).
class StepLock {
public:
    StepLock(StepShared &shared, const Deadline &deadline) : m_shared(shared)
    {
        const LockStatus status = lockRobustMutex(&shared.mutex, deadline, &m_errorNumber);
        m_locked = status == LockStatus::Locked || status == LockStatus::RecoveredFromDeadOwner;
        m_timedOut = status == LockStatus::TimedOut;
    }
    ~StepLock()
    {
        if (m_locked)
            ::pthread_mutex_unlock(&m_shared.mutex);
    }
    StepLock(const StepLock &) = delete;
    StepLock &operator=(const StepLock &) = delete;
    bool isLocked() const { return m_locked; }
    bool timedOut() const { return m_timedOut; }
    int errorNumber() const { return m_errorNumber; }
    // Waits for a change, at most until deadline and never longer than one liveness slice.
    LockStatus waitForChange(const Deadline &deadline)
    {
        qint64 slice = kLivenessSliceMs;
        if (!deadline.isInfinite())
            slice = qMin(slice, deadline.remainingMs());
        return waitForWake(&m_shared.changed, &m_shared.mutex, Deadline::afterMs(slice));
    }

private:
    StepShared &m_shared;
    bool m_locked = false;
    bool m_timedOut = false;
    int m_errorNumber = 0;
};

} // namespace

QString stepStateName(StepState state)
{
    switch (state) {
    case StepState::NotStarted:
        return QStringLiteral("not started");
    case StepState::Running:
        return QStringLiteral("running");
    case StepState::Waiting:
        return QStringLiteral("waiting");
    case StepState::Exited:
        return QStringLiteral("exited");
    case StepState::Gone:
        return QStringLiteral("gone");
    }
    return QStringLiteral("unknown");
}

QString stepSegmentName(pid_t pid)
{
    return kSegmentPrefix + QString::number(pid);
}

std::unique_ptr<StepControl> StepControl::createForSelf(const QStringList &program, QString *error)
{
    if (program.size() > kMaxProgramSteps) {
        fail(error, QStringLiteral("a step program has at most %1 steps, not %2").arg(kMaxProgramSteps).arg(program.size()));
        return nullptr;
    }
    const pid_t self = currentPid();
    const QString shmName = stepSegmentName(self);
    QString reason;
    auto region = ShmRegion::createExclusive(shmName, sizeof(StepShared), &reason);
    if (!region && reason.endsWith(QLatin1String("exists"))) {
        // Left behind by an earlier process that had our pid and was killed: it is dead, since the
        // pid is ours now.
        ShmRegion::unlinkName(shmName, nullptr);
        region = ShmRegion::createExclusive(shmName, sizeof(StepShared), &reason);
    }
    if (!region) {
        fail(error, QStringLiteral("cannot create the step control: %1").arg(reason));
        return nullptr;
    }
    auto *shared = new (region->data()) StepShared;
    std::memset(&shared->header, 0, sizeof shared->header);
    const int rc = initRobustMutex(&shared->mutex);
    if (rc != 0) {
        ShmRegion::unlinkName(shmName, nullptr);
        fail(error, QStringLiteral("cannot create the step control: %1").arg(errnoText(rc)));
        return nullptr;
    }
    shared->pid.store(self, std::memory_order_relaxed);
    shared->state.store(int(StepState::Running), std::memory_order_relaxed);
    for (int i = 0; i < program.size(); ++i)
        storeText(shared->program[i], program[i]);
    shared->programCount.store(int(program.size()), std::memory_order_relaxed);
    shared->changedNs.store(monotonicNowNs(), std::memory_order_relaxed);
    shared->header.version = kStepVersion;
    std::memcpy(shared->header.kindName, "StepControl", 11);
    reinterpret_cast<std::atomic<quint64> *>(shared->header.magic)->store(objectMagicWord(), std::memory_order_release);

    std::unique_ptr<StepControl> control(new StepControl);
    control->m_region = std::move(region);
    control->m_shared = shared;
    return control;
}

StepControl::~StepControl()
{
    markExited();
    // Only the process that made it removes it (a fork()ed child holding a copy does not).
    if (m_shared->pid.load(std::memory_order_relaxed) == currentPid())
        ShmRegion::unlinkName(m_region->name(), nullptr);
}

pid_t StepControl::pid() const
{
    return m_shared->pid.load(std::memory_order_relaxed);
}

SyncResult StepControl::waitAt(const QString &stepName, const QVector<StepRegister> &registers, qint64 timeoutMs,
                               QString *error)
{
    const Deadline deadline = Deadline::afterMs(timeoutMs);
    StepLock lock(*m_shared, deadline);
    if (!lock.isLocked()) {
        if (lock.timedOut())
            return SyncResult::TimedOut;
        fail(error, QStringLiteral("step control: %1").arg(errnoText(lock.errorNumber())));
        return SyncResult::Error;
    }
    {
        StepWrite write(*m_shared);
        storeText(m_shared->waitingAt, stepName);
        storeRegisters(*m_shared, registers);
        int index = -1;
        const int programCount = m_shared->programCount.load(std::memory_order_relaxed);
        for (int i = 0; i < programCount && index < 0; ++i) {
            if (loadText(m_shared->program[i]) == stepName)
                index = i;
        }
        m_shared->programIndex.store(index, std::memory_order_relaxed);
        m_shared->state.store(int(StepState::Waiting), std::memory_order_relaxed);
        m_shared->stops.fetch_add(1, std::memory_order_relaxed);
    }
    wakeWaiters(&m_shared->changed, kWakeAll);
    while (m_shared->goTokens.load(std::memory_order_relaxed) == 0) {
        const LockStatus status = waitForWake(&m_shared->changed, &m_shared->mutex, deadline);
        if (status == LockStatus::TimedOut && m_shared->goTokens.load(std::memory_order_relaxed) == 0)
            return SyncResult::TimedOut; // still waiting at stepName, as published
        if (status == LockStatus::Failed) {
            fail(error, QStringLiteral("step control: waiting failed"));
            return SyncResult::Error;
        }
    }
    {
        StepWrite write(*m_shared);
        m_shared->goTokens.fetch_sub(1, std::memory_order_relaxed);
        m_shared->state.store(int(StepState::Running), std::memory_order_relaxed);
        storeText(m_shared->lastStepDone, stepName);
        m_shared->stepsDone.fetch_add(1, std::memory_order_relaxed);
    }
    wakeWaiters(&m_shared->changed, kWakeAll);
    return SyncResult::Ok;
}

void StepControl::publishRegisters(const QVector<StepRegister> &registers)
{
    StepLock lock(*m_shared, Deadline::afterMs(kPublishLockTimeoutMs));
    if (!lock.isLocked())
        return;
    {
        StepWrite write(*m_shared);
        storeRegisters(*m_shared, registers);
    }
    wakeWaiters(&m_shared->changed, kWakeAll);
}

void StepControl::markExited()
{
    if (m_exited)
        return;
    m_exited = true;
    StepLock lock(*m_shared, Deadline::afterMs(kPublishLockTimeoutMs));
    if (!lock.isLocked())
        return;
    {
        StepWrite write(*m_shared);
        m_shared->state.store(int(StepState::Exited), std::memory_order_relaxed);
        storeText(m_shared->waitingAt, QString());
        m_shared->programIndex.store(-1, std::memory_order_relaxed);
    }
    wakeWaiters(&m_shared->changed, kWakeAll);
}

bool stepStatusOf(pid_t pid, StepStatus *status, QString *error)
{
    auto region = openStepRegion(pid, true, error);
    if (!region)
        return false;
    *status = StepStatus();
    readStatus(*static_cast<const StepShared *>(region->data()), status);
    return true;
}

bool waitUntilStopped(pid_t pid, qint64 timeoutMs, StepStatus *status, QString *error)
{
    const Deadline deadline = Deadline::afterMs(timeoutMs);
    // The worker may not have made its step control yet: look again until the deadline.
    std::unique_ptr<ShmRegion> region;
    QString reason;
    while (!(region = openStepRegion(pid, false, &reason))) {
        if (deadline.hasPassed() || !processIsAlive(pid))
            return fail(error, reason);
        QThread::msleep(5);
    }
    auto *shared = static_cast<StepShared *>(region->data());
    StepLock lock(*shared, deadline);
    if (!lock.isLocked())
        return fail(error, QStringLiteral("process %1: its step control stayed busy").arg(pid));
    for (;;) {
        const auto state = StepState(shared->state.load(std::memory_order_relaxed));
        if (state == StepState::Waiting || state == StepState::Exited)
            break;
        if (!processIsAlive(pid))
            return fail(error, QStringLiteral("process %1 died before its first stop").arg(pid));
        if (deadline.hasPassed())
            return fail(error, QStringLiteral("process %1 did not stop within %2 ms").arg(pid).arg(timeoutMs));
        lock.waitForChange(deadline);
    }
    if (status)
        copyStatus(*shared, status);
    return true;
}

bool releaseOneStep(pid_t pid, qint64 timeoutMs, StepOutcome *outcome, QString *error)
{
    auto region = openStepRegion(pid, false, error);
    if (!region)
        return false;
    auto *shared = static_cast<StepShared *>(region->data());
    if (StepState(shared->state.load(std::memory_order_relaxed)) == StepState::Exited)
        return fail(error, QStringLiteral("process %1 has exited").arg(pid));
    if (!processIsAlive(pid))
        return fail(error, QStringLiteral("process %1 is gone (it died; its step control was left behind)").arg(pid));

    const Deadline deadline = Deadline::afterMs(timeoutMs);
    StepLock lock(*shared, deadline);
    if (!lock.isLocked())
        return fail(error, QStringLiteral("process %1: its step control stayed busy").arg(pid));
    // A worker on its way to a stop, or another controller's step still in flight: let it settle
    // first, so that one call lets exactly one step through.
    while (StepState(shared->state.load(std::memory_order_relaxed)) != StepState::Waiting
           || shared->goTokens.load(std::memory_order_relaxed) > 0) {
        if (StepState(shared->state.load(std::memory_order_relaxed)) == StepState::Exited)
            return fail(error, QStringLiteral("process %1 has exited").arg(pid));
        if (!processIsAlive(pid))
            return fail(error, QStringLiteral("process %1 died").arg(pid));
        if (deadline.hasPassed())
            return fail(error, QStringLiteral("process %1 is not waiting at a step").arg(pid));
        lock.waitForChange(deadline);
    }
    StepOutcome result;
    result.stepDone = loadText(shared->waitingAt);
    result.registersBefore = loadRegisters(*shared);
    const quint64 stopsBefore = shared->stops.load(std::memory_order_relaxed);
    {
        StepWrite write(*shared);
        shared->goTokens.fetch_add(1, std::memory_order_relaxed);
    }
    wakeWaiters(&shared->changed, kWakeAll);
    for (;;) {
        const auto state = StepState(shared->state.load(std::memory_order_relaxed));
        if (state == StepState::Exited)
            break;
        if (state == StepState::Waiting && shared->stops.load(std::memory_order_relaxed) > stopsBefore)
            break;
        if (!processIsAlive(pid))
            return fail(error, QStringLiteral("process %1 died during step %2").arg(pid).arg(result.stepDone));
        if (deadline.hasPassed()) {
            return fail(error, QStringLiteral("process %1 did not reach its next stop within %2 ms after %3")
                                   .arg(pid)
                                   .arg(timeoutMs)
                                   .arg(result.stepDone));
        }
        lock.waitForChange(deadline);
    }
    copyStatus(*shared, &result.after);
    if (outcome)
        *outcome = result;
    return true;
}

QVector<StepStatus> listSteppingWorkers(const QString &shmDir)
{
    QVector<StepStatus> workers;
    const QStringList files = QDir(shmDir).entryList({kSegmentPrefix + QLatin1Char('*')}, QDir::Files | QDir::System,
                                                     QDir::Name);
    for (const QString &file : files) {
        bool ok = false;
        const pid_t pid = pid_t(file.mid(kSegmentPrefix.size()).toInt(&ok));
        StepStatus status;
        if (ok && stepStatusOf(pid, &status, nullptr))
            workers.append(status);
    }
    return workers;
}

bool removeStepControl(pid_t pid, QString *error)
{
    StepStatus status;
    if (stepStatusOf(pid, &status, nullptr) && status.state != StepState::Gone && status.state != StepState::Exited)
        return fail(error, QStringLiteral("process %1 is alive and stepping: its step control is in use").arg(pid));
    QString reason;
    if (!ShmRegion::unlinkName(stepSegmentName(pid), &reason))
        return fail(error, QStringLiteral("no step control for process %1").arg(pid));
    return true;
}

} // namespace ShmScope
