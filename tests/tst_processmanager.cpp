// ProcessManager and ProcessModel against real child processes: statuses, signals named, output and
// progress parsed, and no child left behind by terminateAll().

#include "processmanager.h"
#include "processmodel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <cerrno>
#include <csignal>

using namespace ShmScope;

namespace {

constexpr int kTimeoutMs = 10000;

bool pidIsGone(pid_t pid)
{
    return ::kill(pid, 0) == -1 && errno == ESRCH;
}

// The state letter of /proc/PID/stat: 'T' when stopped.
QChar procState(pid_t pid)
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return QChar();
    const QByteArray line = file.readAll();
    const int paren = line.lastIndexOf(')');
    return paren > 0 && paren + 2 < line.size() ? QLatin1Char(line.at(paren + 2)) : QChar();
}

QString python()
{
    return QStringLiteral("python3");
}

} // namespace

class TestProcessManager : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void signalNames_data();
    void signalNames();
    void exitCodeAndOutput();
    void pauseResumeKill();
    void terminateIsNamed();
    void progressLinesAreParsed();
    void missingProgramFailsClearly();
    void commandLineIsSplitWithoutShell();
    void emptyCommandLineIsRefused();
    void terminateAllLeavesNoChild();
    void removeOnlyFinished();
    void modelFollowsManager();
};

void TestProcessManager::signalNames_data()
{
    QTest::addColumn<int>("number");
    QTest::addColumn<QString>("name");
    QTest::addRow("kill") << int(SIGKILL) << QStringLiteral("SIGKILL");
    QTest::addRow("term") << int(SIGTERM) << QStringLiteral("SIGTERM");
    QTest::addRow("segv") << int(SIGSEGV) << QStringLiteral("SIGSEGV");
    QTest::addRow("bus") << int(SIGBUS) << QStringLiteral("SIGBUS");
    QTest::addRow("unknown") << 1000 << QStringLiteral("signal 1000");
}

void TestProcessManager::signalNames()
{
    QFETCH(int, number);
    QFETCH(QString, name);
    QCOMPARE(signalName(number), name);
}

void TestProcessManager::exitCodeAndOutput()
{
    ProcessManager manager;
    const int id = manager.launch(python(), {QStringLiteral("-c"),
                                             QStringLiteral("import sys; print('hello'); print('err', file=sys.stderr); sys.exit(3)")});
    QTRY_COMPARE_WITH_TIMEOUT(manager.process(id).status, ProcessInfo::Status::Exited, kTimeoutMs);
    const ProcessInfo info = manager.process(id);
    QCOMPARE(info.exitCode, 3);
    QCOMPARE(info.statusText(), QStringLiteral("exited with code 3"));
    QVERIFY(info.outputTail.contains(QStringLiteral("hello")));
    QVERIFY(info.outputTail.contains(QStringLiteral("err")));
    QVERIFY(info.pid > 0);
    QCOMPARE(manager.aliveCount(), 0);
}

void TestProcessManager::pauseResumeKill()
{
    ProcessManager manager;
    const int id = manager.launch(QStringLiteral("sleep"), {QStringLiteral("60")});
    QTRY_COMPARE_WITH_TIMEOUT(manager.process(id).status, ProcessInfo::Status::Running, kTimeoutMs);
    const pid_t pid = manager.process(id).pid;

    QVERIFY(manager.pause(id));
    QCOMPARE(manager.process(id).status, ProcessInfo::Status::Stopped);
    QCOMPARE(manager.process(id).statusText(), QStringLiteral("stopped"));
    // The kernel agrees.
    QTRY_COMPARE_WITH_TIMEOUT(procState(pid), QLatin1Char('T'), kTimeoutMs);
    QCOMPARE(manager.process(id).status, ProcessInfo::Status::Stopped);

    QVERIFY(manager.resume(id));
    QCOMPARE(manager.process(id).status, ProcessInfo::Status::Running);
    QTRY_VERIFY_WITH_TIMEOUT(procState(pid) != QLatin1Char('T'), kTimeoutMs);

    QVERIFY(manager.kill(id));
    QTRY_COMPARE_WITH_TIMEOUT(manager.process(id).status, ProcessInfo::Status::Killed, kTimeoutMs);
    QCOMPARE(manager.process(id).signal, int(SIGKILL));
    QCOMPARE(manager.process(id).statusText(), QStringLiteral("killed by SIGKILL"));
    QVERIFY(pidIsGone(pid));
    // A finished process cannot be signalled again.
    QVERIFY(!manager.pause(id));
    QVERIFY(!manager.kill(id));
}

void TestProcessManager::terminateIsNamed()
{
    ProcessManager manager;
    const int id = manager.launch(QStringLiteral("sleep"), {QStringLiteral("60")});
    QTRY_COMPARE_WITH_TIMEOUT(manager.process(id).status, ProcessInfo::Status::Running, kTimeoutMs);
    // Stopped first: terminate() must still end it (it follows SIGTERM with SIGCONT).
    QVERIFY(manager.pause(id));
    QVERIFY(manager.terminate(id));
    QTRY_COMPARE_WITH_TIMEOUT(manager.process(id).status, ProcessInfo::Status::Killed, kTimeoutMs);
    QCOMPARE(manager.process(id).statusText(), QStringLiteral("killed by SIGTERM"));
}

void TestProcessManager::progressLinesAreParsed()
{
    ProcessManager manager;
    QSignalSpy lines(&manager, &ProcessManager::outputLine);
    const int id = manager.launch(python(), {QStringLiteral("-c"), QStringLiteral(
        "print('progress pid=1 kind=counter done=10 total=100 ops_per_s=1500.5')\n"
        "print('progress pid=1 kind=counter done=40 total=100 ops_per_s=2500000')\n"
        "print('summary pid=1 kind=counter done=100 total=100')")}, QStringLiteral("counter"));
    QTRY_COMPARE_WITH_TIMEOUT(manager.process(id).status, ProcessInfo::Status::Exited, kTimeoutMs);
    const ProcessInfo info = manager.process(id);
    QCOMPARE(info.label, QStringLiteral("counter"));
    QCOMPARE(info.opsPerSecond, 2500000.0);
    QCOMPARE(info.done, qint64(40));
    QCOMPARE(info.total, qint64(100));
    QCOMPARE(info.summary, QStringLiteral("summary pid=1 kind=counter done=100 total=100"));
    QCOMPARE(lines.count(), 3);
    QCOMPARE(ProcessModel::formatRate(info.opsPerSecond), QStringLiteral("2.50 M/s"));
    QCOMPARE(ProcessModel::formatRate(1500.5), QStringLiteral("1.5 k/s"));
    QCOMPARE(ProcessModel::formatRate(-1), QStringLiteral("—"));
}

void TestProcessManager::missingProgramFailsClearly()
{
    ProcessManager manager;
    const QString program = QStringLiteral("/nonexistent/shmscope-no-such-program");
    const int id = manager.launch(program, {});
    QTRY_COMPARE_WITH_TIMEOUT(manager.process(id).status, ProcessInfo::Status::FailedToStart, kTimeoutMs);
    const ProcessInfo info = manager.process(id);
    QVERIFY2(info.errorText.contains(program), qPrintable(info.errorText));
    QCOMPARE(info.statusText(), QStringLiteral("failed to start"));
    QVERIFY(!info.isAlive());
    QVERIFY(!manager.kill(id));
}

void TestProcessManager::commandLineIsSplitWithoutShell()
{
    ProcessManager manager;
    QString error;
    // A shell would expand $HOME and run the ';'; without one they are plain words printed back.
    // splitCommand knows double quotes only (a single quote is an ordinary character).
    const int id = manager.launchCommandLine(
        QStringLiteral("python3 -c \"import sys; print(sys.argv[1:])\" $HOME ; \"a b\""), &error);
    QVERIFY2(id > 0, qPrintable(error));
    QCOMPARE(manager.process(id).program, QStringLiteral("python3"));
    QCOMPARE(manager.process(id).arguments.size(), 5);
    QTRY_COMPARE_WITH_TIMEOUT(manager.process(id).status, ProcessInfo::Status::Exited, kTimeoutMs);
    QCOMPARE(manager.process(id).outputTail.constLast(), QStringLiteral("['$HOME', ';', 'a b']"));
}

void TestProcessManager::emptyCommandLineIsRefused()
{
    ProcessManager manager;
    QString error;
    QCOMPARE(manager.launchCommandLine(QStringLiteral("   "), &error), -1);
    QVERIFY(!error.isEmpty());
    QCOMPARE(manager.count(), 0);
}

void TestProcessManager::terminateAllLeavesNoChild()
{
    ProcessManager manager;
    // One that ignores SIGTERM (needs the SIGKILL after the grace), one stopped, one with a child of its own.
    const int stubborn = manager.launch(python(), {QStringLiteral("-c"), QStringLiteral(
        "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); print('ready', flush=True); time.sleep(60)")});
    const int stopped = manager.launch(QStringLiteral("sleep"), {QStringLiteral("60")});
    const int parent = manager.launch(python(), {QStringLiteral("-c"), QStringLiteral(
        "import subprocess, time; p = subprocess.Popen(['sleep', '60']); print('child', p.pid, flush=True); time.sleep(60)")});

    QTRY_VERIFY_WITH_TIMEOUT(manager.process(stubborn).outputTail.contains(QStringLiteral("ready")), kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(manager.process(stopped).status, ProcessInfo::Status::Running, kTimeoutMs);
    QVERIFY(manager.pause(stopped));
    QTRY_VERIFY_WITH_TIMEOUT(!manager.process(parent).outputTail.isEmpty(), kTimeoutMs);
    const QString childLine = manager.process(parent).outputTail.constFirst();
    QVERIFY2(childLine.startsWith(QLatin1String("child ")), qPrintable(childLine));
    const pid_t grandchild = pid_t(childLine.mid(6).toInt());
    QVERIFY(grandchild > 0);

    const QVector<pid_t> pids{manager.process(stubborn).pid, manager.process(stopped).pid, manager.process(parent).pid, grandchild};
    manager.terminateAll(300);

    QCOMPARE(manager.aliveCount(), 0);
    QCOMPARE(manager.process(stubborn).statusText(), QStringLiteral("killed by SIGKILL"));
    QCOMPARE(manager.process(stopped).statusText(), QStringLiteral("killed by SIGTERM"));
    // The leaders are reaped by terminateAll itself; the grandchild is re-parented and reaped by init,
    // which takes a moment.
    for (int i = 0; i < 3; ++i)
        QVERIFY2(pidIsGone(pids[i]), qPrintable(QString::number(pids[i])));
    QTRY_VERIFY_WITH_TIMEOUT(pidIsGone(grandchild), kTimeoutMs);
}

void TestProcessManager::removeOnlyFinished()
{
    ProcessManager manager;
    QSignalSpy removed(&manager, &ProcessManager::processRemoved);
    const int done = manager.launch(QStringLiteral("true"), {});
    const int running = manager.launch(QStringLiteral("sleep"), {QStringLiteral("60")});
    QTRY_COMPARE_WITH_TIMEOUT(manager.process(done).status, ProcessInfo::Status::Exited, kTimeoutMs);
    QVERIFY(!manager.remove(running));
    manager.removeFinished();
    QCOMPARE(removed.count(), 1);
    QCOMPARE(manager.count(), 1);
    QCOMPARE(manager.process(running).id, running);
    QCOMPARE(manager.process(done).id, 0);
}

void TestProcessManager::modelFollowsManager()
{
    ProcessManager manager;
    ProcessModel model(&manager);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    const int first = manager.launch(QStringLiteral("sleep"), {QStringLiteral("60")}, QStringLiteral("sleeper"));
    const int second = manager.launch(QStringLiteral("true"), {});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.idAt(0), first);
    QCOMPARE(model.index(0, ProcessModel::NameColumn).data().toString(), QStringLiteral("sleeper"));

    QTRY_COMPARE_WITH_TIMEOUT(model.index(1, ProcessModel::StatusColumn).data().toString(),
                              QStringLiteral("exited with code 0"), kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(model.index(0, ProcessModel::StatusColumn).data().toString(),
                              QStringLiteral("running"), kTimeoutMs);
    QCOMPARE(model.index(0, ProcessModel::PidColumn).data().toString(), QString::number(manager.process(first).pid));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(manager.pause(first));
    QVERIFY(!changed.isEmpty());
    QCOMPARE(changed.constFirst().at(0).toModelIndex().row(), 0); // only the paused row
    QCOMPARE(changed.constFirst().at(1).toModelIndex().row(), 0);
    QCOMPARE(model.index(0, ProcessModel::StatusColumn).data(ProcessModel::StatusRole).toInt(),
             int(ProcessInfo::Status::Stopped));

    manager.removeFinished();
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.idAt(0), first);
    QCOMPARE(model.rowOf(second), -1);
    manager.terminateAll(200);
    QCOMPARE(model.index(0, 0).data(ProcessModel::AliveRole).toBool(), false);
}

QTEST_GUILESS_MAIN(TestProcessManager)
#include "tst_processmanager.moc"
