#pragma once

#include "processcontrol.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVector>
#include <sys/types.h>

class QProcess;
class QTimer;

namespace ShmScope {

// What the user sees of one process this window started. Plain data, copied to models and views.
struct ProcessInfo {
    enum class Status {
        Starting,      // QProcess::start() called, exec not confirmed yet
        Running,
        Stopped,       // SIGSTOP (ours or anyone's): state 'T' in /proc/PID/stat
        Exited,        // exit(exitCode)
        Killed,        // terminated by signal `signal`
        FailedToStart  // the program is missing or not executable: see errorText
    };

    int id = 0;              // stable key in this manager, never reused
    pid_t pid = 0;           // 0 until started
    QString program;
    QStringList arguments;
    QString label;           // "counter", or the program's file name
    Status status = Status::Starting;
    int exitCode = 0;        // Exited
    int signal = 0;          // Killed
    QString errorText;       // FailedToStart, one line
    QStringList outputTail;  // last lines of stdout + stderr, oldest first
    int outputLineCount = 0; // lines seen in all (the tail keeps only the last ones)
    double opsPerSecond = -1; // from the last `progress ... ops_per_s=X` line; -1 before any
    qint64 done = -1;         // from progress lines (done=.. total=..); -1 when unknown
    qint64 total = -1;
    QString summary;          // the worker's final `summary ...` line, if any
    QDateTime startedAt;
    QDateTime finishedAt;

    bool isAlive() const { return status == Status::Starting || status == Status::Running || status == Status::Stopped; }
    QString commandLine() const; // program and arguments, quoted where needed (for display only)
    QString statusText() const;  // "running", "stopped", "exited with code 3", "killed by SIGKILL", ...
};

// Starts processes without a shell (program + arguments), watches them, and makes sure none outlives
// the window: every child gets PR_SET_PDEATHSIG, runs in its own process group (so pause and kill reach
// the children a `python3 script.py` spawns), and terminateAll() ends them all on quit.
// QtCore only, so it is tested without widgets.
class ProcessManager : public QObject {
    Q_OBJECT
public:
    explicit ProcessManager(QObject *parent = nullptr);
    ~ProcessManager() override; // calls terminateAll()

    // Starts program with arguments. Returns the new id; a program that cannot start still gets an
    // entry (status FailedToStart, errorText) so the user sees why.
    int launch(const QString &program, const QStringList &arguments, const QString &label = QString());
    // Splits a command line the way QProcess::splitCommand does (quotes, no shell: no pipes, no $VAR)
    // and launches it. Returns -1 with *error set for an empty line.
    int launchCommandLine(const QString &commandLine, QString *error);

    bool pause(int id);     // SIGSTOP to the process group
    bool resume(int id);    // SIGCONT
    bool terminate(int id); // SIGTERM (+ SIGCONT, so that a stopped process sees it)
    bool kill(int id);      // SIGKILL
    // Forgets a finished process (a live one is refused).
    bool remove(int id);
    void removeFinished();

    // SIGTERM to every live process, then SIGKILL to those still alive after graceMs; returns when
    // every child is reaped (so no zombie and no orphan is left). The window calls it on quit.
    void terminateAll(int graceMs = 1000);

    QVector<ProcessInfo> processes() const; // in launch order
    ProcessInfo process(int id) const;      // id 0 when unknown
    int indexOf(int id) const;
    int count() const { return int(m_entries.size()); }
    int aliveCount() const;

    static constexpr int kOutputTailLines = 200;

Q_SIGNALS:
    void processAdded(int id);
    void processChanged(int id);
    void processRemoved(int id);
    void outputLine(int id, const QString &line);

private:
    struct Entry {
        ProcessInfo info;
        QProcess *process = nullptr;
        QByteArray partialLine;
        qint64 settleUntilMs = 0; // after our own SIGSTOP/SIGCONT, until the kernel has acted
    };

    Entry *entry(int id);
    const Entry *entry(int id) const;
    bool sendSignal(Entry &e, int signalNumber);
    void readOutput(int id);
    void handleLine(Entry &e, const QString &line);
    void handleFinished(int id, int exitCode, bool crashed);
    void handleStartFailure(int id);
    void refreshStates(); // stops and continues made by anyone, read from /proc/PID/stat

    QVector<Entry> m_entries;
    int m_nextId = 1;
    QTimer *m_stateTimer = nullptr;
};

} // namespace ShmScope
