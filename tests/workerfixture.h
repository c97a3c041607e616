#pragma once

// What the worker suites share: unique names for segments, sync objects and op logs that are all
// removed after each test (passed or failed), and worker processes started with arguments only,
// never through a shell, and never left running.

#include "oplog.h"
#include "segment.h"
#include "stepcontrol.h"
#include "sync/syncstate.h"

#include <QFileInfo>
#include <QProcess>
#include <QTest>
#include <csignal>
#include <memory>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace ShmScopeTest {

using namespace ShmScope;

constexpr int kProcessTimeoutMs = 60000;

struct Finished {
    pid_t pid = 0;
    int exitCode = -1;
    QProcess::ExitStatus exitStatus = QProcess::NormalExit;
    QByteArray out;
    QByteArray err;
};

class WorkerFixture {
public:
    QString findWorker(); // empty, or why shmscope-worker cannot be run
    void cleanUp(); // from the suite's cleanup(): kills, reaps and unlinks what the test made

    QString uniqueName();
    // Each returns null / false after a qWarning saying why; tests QVERIFY them.
    Segment *createSegment(const QString &name, qint64 size);
    bool createSync(const QString &name, SyncKind kind, int value = 0);
    bool createLog(const QString &name);
    QProcess *startWorker(const QStringList &arguments);
    Finished finish(QProcess *process);
    Finished runWorker(const QStringList &arguments);
    SyncState syncState(const QString &name);
    template <typename T> T readValue(const Segment &segment, qint64 offset);
    void adoptForked(pid_t pid) { m_forked.push_back(pid); }
    void forgetForked() { m_forked.clear(); }
    const QString &workerPath() const { return m_worker; }

private:
    QString m_worker;
    int m_counter = 0;
    std::vector<std::unique_ptr<Segment>> m_segments;
    QStringList m_syncNames;
    QStringList m_logNames;
    std::vector<QProcess *> m_processes;
    std::vector<pid_t> m_forked; // children made with fork(), killed and reaped in cleanUp()
};

inline QString WorkerFixture::findWorker()
{
    const QString binDir = qEnvironmentVariable("SHMSCOPE_BIN_DIR");
    if (binDir.isEmpty())
        return QStringLiteral("SHMSCOPE_BIN_DIR is not set (run through ctest)");
    m_worker = binDir + QStringLiteral("/shmscope-worker");
    if (!QFileInfo(m_worker).isExecutable())
        return m_worker + QStringLiteral(" is not built");
    return QString();
}

inline void WorkerFixture::cleanUp()
{
    // Runs after every test, passed or failed: no worker and no name is left behind.
    for (pid_t pid : m_forked) {
        kill(pid, SIGKILL);
        waitpid(pid, nullptr, 0);
    }
    m_forked.clear();
    prctl(PR_SET_CHILD_SUBREAPER, 0);
    for (QProcess *process : m_processes) {
        const pid_t pid = pid_t(process->processId());
        if (process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished(5000);
        }
        if (pid > 0)
            removeStepControl(pid, nullptr); // a killed stepping worker leaves its step segment
        delete process;
    }
    m_processes.clear();
    for (const std::unique_ptr<Segment> &segment : m_segments)
        segment->unlink(nullptr);
    m_segments.clear();
    for (const QString &name : std::as_const(m_syncNames))
        removeSyncObject(name, nullptr);
    m_syncNames.clear();
    for (const QString &name : std::as_const(m_logNames))
        OpLog::remove(name, nullptr);
    m_logNames.clear();
}

inline QString WorkerFixture::uniqueName()
{
    return QStringLiteral("shmscope-test-%1-w%2").arg(getpid()).arg(++m_counter);
}

inline Segment *WorkerFixture::createSegment(const QString &name, qint64 size)
{
    SegmentError error;
    std::unique_ptr<Segment> segment = Segment::create(name, size, &error);
    if (!segment) {
        qWarning("cannot create test segment %s: %s", qPrintable(name), qPrintable(error.message));
        return nullptr;
    }
    m_segments.push_back(std::move(segment));
    return m_segments.back().get();
}

inline bool WorkerFixture::createSync(const QString &name, SyncKind kind, int value)
{
    m_syncNames << name; // removed in cleanup() even if creating it half failed
    QString error;
    if (!createSyncObject(name, kind, value, &error)) {
        qWarning("cannot create sync object %s: %s", qPrintable(name), qPrintable(error));
        return false;
    }
    return true;
}

inline bool WorkerFixture::createLog(const QString &name)
{
    m_logNames << name;
    QString error;
    if (!OpLog::create(name, OpLog::kDefaultCapacity, &error)) {
        qWarning("cannot create op log %s: %s", qPrintable(name), qPrintable(error));
        return false;
    }
    return true;
}

inline QProcess *WorkerFixture::startWorker(const QStringList &arguments)
{
    auto *process = new QProcess;
    m_processes.push_back(process);
    process->start(m_worker, arguments); // a program and its arguments: never a shell
    if (!process->waitForStarted(kProcessTimeoutMs))
        qWarning("worker did not start: %s", qPrintable(process->errorString()));
    return process;
}

inline Finished WorkerFixture::finish(QProcess *process)
{
    Finished result;
    result.pid = pid_t(process->processId()); // 0 once it has finished
    if (!process->waitForFinished(kProcessTimeoutMs)) {
        qWarning("worker %lld did not finish in time: killed", qint64(process->processId()));
        process->kill();
        process->waitForFinished(5000);
    }
    result.exitCode = process->exitCode();
    result.exitStatus = process->exitStatus();
    result.out = process->readAllStandardOutput();
    result.err = process->readAllStandardError();
    return result;
}

inline Finished WorkerFixture::runWorker(const QStringList &arguments)
{
    return finish(startWorker(arguments));
}

inline SyncState WorkerFixture::syncState(const QString &name)
{
    SyncState state;
    QString error;
    if (!readSyncState(name, &state, &error))
        qWarning("cannot read sync object %s: %s", qPrintable(name), qPrintable(error));
    return state;
}

template <typename T> T WorkerFixture::readValue(const Segment &segment, qint64 offset)
{
    T value {};
    if (segment.read(offset, &value, sizeof value) != qint64(sizeof value))
        qWarning("short read at offset %lld", offset);
    return value;
}

} // namespace ShmScopeTest
