#pragma once

#include "sync/syncstate.h"

#include <QString>
#include <QStringList>
#include <QVector>
#include <memory>
#include <sys/types.h>

namespace ShmScope {

class ShmRegion;
struct StepShared;

// Step mode: a worker stops before each visible step and waits for a controller to let exactly one
// step through, so that a race (seed 004's lost update) can be played move by move.
// Each stepping worker owns the segment "shmscope.step.<PID>" (ObjectHeader kind "StepControl").

enum class StepState { NotStarted, Running, Waiting, Exited, Gone };
QString stepStateName(StepState state); // "not started", "running", "waiting", "exited", "gone"

// A worker's private value shown beside its step: the counter's register r.
struct StepRegister {
    QString name;   // up to 16 bytes of UTF-8
    qint64 value = 0;
};

// What a controller sees of one worker.
struct StepStatus {
    pid_t pid = 0;
    StepState state = StepState::NotStarted;
    QString waitingAt;            // the step it waits before ("LOAD"), when Waiting
    int programIndex = -1;        // where waitingAt is in program, -1 if not in it
    quint64 stops = 0;            // stops reached so far
    quint64 stepsDone = 0;        // steps released and completed
    QString lastStepDone;         // the step most recently let through
    QVector<StepRegister> registers;
    QStringList program;          // the worker's steps in order, for the GUI to draw
    qint64 changedNs = 0;         // CLOCK_MONOTONIC of the last change
};

// The worker's side. One per process: createForSelf() makes "shmscope.step.<own pid>";
// destroying it marks the worker exited and removes the segment.
class StepControl {
public:
    static constexpr int kMaxRegisters = 8;
    static constexpr int kMaxProgramSteps = 32;

    static std::unique_ptr<StepControl> createForSelf(const QStringList &program, QString *error);
    ~StepControl();
    StepControl(const StepControl &) = delete;
    StepControl &operator=(const StepControl &) = delete;

    // Publishes "waiting before stepName, with these registers" and blocks until a controller
    // releases one step (Ok), timeoutMs passes (TimedOut) or something fails (Error).
    SyncResult waitAt(const QString &stepName, const QVector<StepRegister> &registers,
                      qint64 timeoutMs, QString *error = nullptr);
    // Publishes new register values without stopping (e.g. after the last step).
    void publishRegisters(const QVector<StepRegister> &registers);
    // The worker is done: controllers waiting for its next stop return "exited".
    void markExited();

    pid_t pid() const;

private:
    StepControl() = default;
    std::unique_ptr<ShmRegion> m_region;
    StepShared *m_shared = nullptr;
    bool m_exited = false;
};

// The controller's side, callable from any process.
struct StepOutcome {
    QString stepDone;             // the step that was let through ("LOAD")
    QVector<StepRegister> registersBefore;
    StepStatus after;             // Waiting at the next step, or Exited
};

// Lets exactly one step of worker pid run, then waits up to timeoutMs until it stops again or
// exits. Fails with one line when pid has no step control, has exited, died (kill(pid, 0) says
// ESRCH: reported, never waited on) or does not stop again in time.
bool releaseOneStep(pid_t pid, qint64 timeoutMs, StepOutcome *outcome, QString *error);
// Where pid waits, read without changing anything; state Gone when its process died.
bool stepStatusOf(pid_t pid, StepStatus *status, QString *error);
// Waits until pid is waiting at a stop (or exited), for controllers that start workers themselves.
bool waitUntilStopped(pid_t pid, qint64 timeoutMs, StepStatus *status, QString *error);
// Every "shmscope.step.*" in shmDir.
QVector<StepStatus> listSteppingWorkers(const QString &shmDir = QStringLiteral("/dev/shm"));
// Removes a dead worker's left-over segment.
bool removeStepControl(pid_t pid, QString *error);
QString stepSegmentName(pid_t pid);

} // namespace ShmScope
