#pragma once

#include "experiment.h"

#include <QElapsedTimer>
#include <QObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>
#include <memory>
#include <vector>

namespace ShmScope {

class OpLog;
class Segment;

// One started process of an experiment: a copy of one worker line.
struct WorkerRun {
    enum class State { NotStarted, Running, Exited, Crashed, FailedToStart };
    QString workerId;
    int copy = 0;
    QString label;          // "racer#3", or the id when there is one copy
    int phase = 0;
    bool step = false;
    QString program;
    QStringList arguments;
    State state = State::NotStarted;
    qint64 pid = 0;
    int exitCode = 0;
    int exitSignal = 0;     // the signal that killed it (Crashed)
    QByteArray output;      // stdout + stderr, bounded (the newest kept)
    QString error;          // why it failed to start, or its last stderr line
};
QString workerRunStateName(WorkerRun::State state);

struct ExpectationOutcome {
    ExperimentExpectation expectation;
    QString subject;        // "data.counter", "lock.ownerDiedRecoveries", "manager output"
    bool evaluated = false; // false: the value could not be read (the reason is in text)
    double observed = 0;
    bool passed = false;
    QString text;           // "counter == 20,000: observed 12,887 — 7,113 updates lost"
};

struct ExperimentOutcome {
    QString experimentId;
    bool finished = false;  // ran to its end (not stopped, not timed out)
    bool passed = false;    // finished, every expectation held, no worker failed
    QVector<ExpectationOutcome> expectations;
    QStringList problems;   // workers that failed, a timeout, python3 missing, ...
    qint64 elapsedMs = 0;
    quint64 operationsLogged = 0;
};

// Runs one experiment: makes its segments, sync objects and operation log, starts each phase's
// workers (shmscope-worker, or a command such as python3) with arguments only, never a shell,
// drives stepped workers when asked to, then checks the expectations and cleans up. Used by the
// GUI (signals, step by step) and by `shmscope-cli experiment run` (runToEnd).
class ExperimentRunner : public QObject {
    Q_OBJECT
public:
    // workerProgram: the shmscope-worker executable.
    ExperimentRunner(const Experiment &experiment, const QString &workerProgram, QObject *parent = nullptr);
    ~ExperimentRunner() override; // stops every process and removes everything it made

    const Experiment &experiment() const { return m_experiment; }
    void setLanguage(const QString &languageCode) { m_language = languageCode; }

    // Creates the initial state (segments with their initial values, sync objects, the log).
    bool prepare(QString *error);
    // Starts the first phase (prepare() first). Later phases start when the previous one ended.
    void start();
    // Kills the workers and removes everything, then prepares the initial state again.
    bool reset(QString *error);
    // Kills the workers; the outcome is marked not finished.
    void stop();

    bool isRunning() const { return m_running; }
    int currentPhase() const { return m_phase; }
    const std::vector<WorkerRun> &workers() const { return m_workers; }
    const ExperimentOutcome &outcome() const { return m_outcome; }

    QString realSegmentName(const QString &segmentId) const;
    QString realSyncName(const QString &syncId) const;
    QString opLogName() const { return m_tag; }
    Segment *segment(const QString &segmentId) const; // nullptr for external segments not yet made

    // Step-through: release one step of a stepped worker (by index in workers()).
    bool stepWorker(int workerIndex, QString *error);
    // Releases one step of the next waiting stepped worker after the last one stepped.
    bool stepRoundRobin(QString *error);
    // > 0: release a step round robin every intervalMs ("run" with the speed slider); 0 pauses.
    void setAutoStepInterval(int intervalMs);

    // Headless: runs the experiment to its end in a local event loop and returns the outcome.
    static ExperimentOutcome runToEnd(const Experiment &experiment, const QString &workerProgram,
                                      const QString &languageCode = QStringLiteral("en"));

Q_SIGNALS:
    void phaseStarted(int phase);
    void workerChanged(int workerIndex);
    void workerOutput(int workerIndex, const QString &line);
    void stepped(int workerIndex, const QString &stepDone);
    void finished(const ShmScope::ExperimentOutcome &outcome);

private:
    void startPhase(int phase);
    void launch(int workerIndex);
    void onProcessFinished(int workerIndex, int exitCode, QProcess::ExitStatus status);
    void maybeEndPhase();
    void finish(bool ranToEnd);
    void evaluate();
    bool evaluateOne(const ExperimentExpectation &expectation, ExpectationOutcome *outcome);
    void runSchedule();
    void killAll();
    void removeAll();
    QStringList workerArguments(const ExperimentWorker &worker) const;
    QString substitute(const QString &text) const;
    QString extractBundledFile(const QString &relativePath) const;
    bool hasSteppedWorkerWaiting() const;

    Experiment m_experiment;
    QString m_workerProgram;
    QString m_language = QStringLiteral("en");
    QString m_tag; // unique per runner: names its segments, sync objects and log
    std::vector<std::unique_ptr<Segment>> m_segments; // index-aligned with experiment.segments
    std::unique_ptr<OpLog> m_opLog;
    std::vector<WorkerRun> m_workers;
    std::vector<std::unique_ptr<QProcess>> m_processes;
    std::unique_ptr<QTemporaryDir> m_bundleDir;
    QTimer m_timeout;
    QTimer m_autoStep;
    QElapsedTimer m_clock;
    ExperimentOutcome m_outcome;
    int m_phase = -1;
    int m_lastStepped = -1;
    bool m_prepared = false;
    bool m_running = false;
    bool m_driveSteps = false; // headless: play the schedule, then round robin, without a student
};

} // namespace ShmScope

Q_DECLARE_METATYPE(ShmScope::ExperimentOutcome)
