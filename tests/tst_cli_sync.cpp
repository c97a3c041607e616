// shmscope-cli's sync, step and log groups end to end: the built binaries run with QProcess (never a
// shell), every claim checked against shared memory itself (core's Segment and readSyncState), and
// every bad input answered with exactly one stderr line and nothing left in /dev/shm.

#include "clirun.h"
#include "oplog.h"
#include "segment.h"
#include "stepcontrol.h"
#include "sync/sharedlock.h"
#include "sync/syncstate.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>
#include <sys/wait.h>
#include <unistd.h>

using namespace ShmScope;
using namespace ShmScopeTest;

namespace {


constexpr int kTimeoutMs = 30000;

// A pid that named a process a moment ago and names none now (reaped at once).
pid_t deadPid()
{
    const pid_t pid = ::fork();
    if (pid == 0)
        ::_exit(0);
    ::waitpid(pid, nullptr, 0);
    return pid;
}

} // namespace

class TestCliSync : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void createShowListRemoveEveryKind_data();
    void createShowListRemoveEveryKind();
    void showSeesAHolderWithoutChangingIt();
    void stepPlaysTheLostUpdate();
    void logPrintsWhatAWorkerDid();
    void badInputFailsWithOneLineAndLeavesNothing_data();
    void badInputFailsWithOneLineAndLeavesNothing();

private:
    CliResult runCli(const QStringList &arguments) const;
    QProcess *startWorker(const QStringList &arguments);
    QString newName(); // registered for cleanup as a sync object, segment and log name
    QStringList leftInShm() const; // /dev/shm entries carrying this test's prefix

    QString m_cli;
    QString m_worker;
    int m_counter = 0;
    QStringList m_names;
    QList<QProcess *> m_workers;
};

void TestCliSync::initTestCase()
{
    const QString binDir = qEnvironmentVariable("SHMSCOPE_BIN_DIR");
    QVERIFY2(!binDir.isEmpty(), "SHMSCOPE_BIN_DIR is not set (ctest sets it)");
    m_cli = QDir(binDir).filePath(QStringLiteral("shmscope-cli"));
    m_worker = QDir(binDir).filePath(QStringLiteral("shmscope-worker"));
    QVERIFY2(QFileInfo(m_cli).isExecutable(), qPrintable(m_cli + QStringLiteral(" is not built")));
    QVERIFY2(QFileInfo(m_worker).isExecutable(), qPrintable(m_worker + QStringLiteral(" is not built")));
}

void TestCliSync::cleanup()
{
    // After every test, passed or failed: no worker keeps running, no name stays in /dev/shm.
    for (QProcess *worker : std::as_const(m_workers)) {
        const pid_t pid = pid_t(worker->processId());
        if (worker->state() != QProcess::NotRunning) {
            worker->kill();
            worker->waitForFinished(5000);
        }
        if (pid > 0)
            removeStepControl(pid, nullptr); // a killed stepping worker leaves its step control
        delete worker;
    }
    m_workers.clear();
    for (const QString &name : std::as_const(m_names)) {
        removeSyncObject(name, nullptr);
        Segment::unlinkByName(name, nullptr);
        OpLog::remove(name, nullptr);
    }
    m_names.clear();
    QCOMPARE(leftInShm(), QStringList());
}

CliResult TestCliSync::runCli(const QStringList &arguments) const
{
    return runProgram(m_cli, arguments, kTimeoutMs);
}

QProcess *TestCliSync::startWorker(const QStringList &arguments)
{
    auto *process = new QProcess;
    m_workers.append(process);
    process->start(m_worker, arguments);
    process->waitForStarted(kTimeoutMs);
    return process;
}

QString TestCliSync::newName()
{
    const QString name = QStringLiteral("shmscope-test-%1-c%2").arg(::getpid()).arg(++m_counter);
    m_names << name;
    return name;
}

QStringList TestCliSync::leftInShm() const
{
    const QString prefix = QStringLiteral("shmscope-test-%1-").arg(::getpid());
    QStringList left;
    const QStringList entries = QDir(QStringLiteral("/dev/shm")).entryList(QDir::Files | QDir::System);
    for (const QString &entry : entries) {
        if (entry.contains(prefix))
            left << entry;
    }
    return left;
}

void TestCliSync::createShowListRemoveEveryKind_data()
{
    QTest::addColumn<QString>("kind"); // as typed: any case is accepted
    QTest::addColumn<QString>("n");
    QTest::addColumn<QString>("expectedKind");
    QTest::addColumn<QString>("field"); // a kind-specific JSON field and its expected value
    QTest::addColumn<QVariant>("value");
    QTest::newRow("Lock") << "Lock" << "" << "Lock" << "held" << QVariant(false);
    QTest::newRow("RLock, lower case") << "rlock" << "" << "RLock" << "depth" << QVariant(0);
    QTest::newRow("Semaphore 3") << "Semaphore" << "3" << "Semaphore" << "count" << QVariant(3);
    QTest::newRow("Semaphore default 1") << "Semaphore" << "" << "Semaphore" << "initial" << QVariant(1);
    QTest::newRow("BoundedSemaphore 2") << "BoundedSemaphore" << "2" << "BoundedSemaphore" << "max" << QVariant(2);
    QTest::newRow("Event") << "Event" << "" << "Event" << "flag" << QVariant(false);
    QTest::newRow("Condition") << "CONDITION" << "" << "Condition" << "held" << QVariant(false);
    QTest::newRow("Barrier 3") << "Barrier" << "3" << "Barrier" << "parties" << QVariant(3);
}

void TestCliSync::createShowListRemoveEveryKind()
{
    QFETCH(QString, kind);
    QFETCH(QString, n);
    QFETCH(QString, expectedKind);
    QFETCH(QString, field);
    QFETCH(QVariant, value);
    const QString name = newName();

    QStringList create{QStringLiteral("sync"), QStringLiteral("create"), name, kind};
    if (!n.isEmpty())
        create << n;
    const CliResult created = runCli(create);
    QVERIFY2(created.exitCode == 0, created.err.constData());
    QVERIFY(created.err.isEmpty());
    QVERIFY(QFileInfo::exists(QStringLiteral("/dev/shm/") + syncSegmentName(name)));

    // What the CLI shows is what an observer reads from shared memory.
    SyncState state;
    QString error;
    QVERIFY2(readSyncState(name, &state, &error), qPrintable(error));
    QCOMPARE(state.kind, expectedKind);

    const CliResult shown = runCli({QStringLiteral("sync"), QStringLiteral("show"), name, QStringLiteral("--json")});
    QVERIFY2(shown.exitCode == 0, shown.err.constData());
    const QJsonObject object = shown.json();
    QCOMPARE(object.value(QStringLiteral("name")).toString(), name);
    QCOMPARE(object.value(QStringLiteral("kind")).toString(), expectedKind);
    QCOMPARE(object.value(field).toVariant(), value);
    QCOMPARE(object.value(QStringLiteral("waiting")).toInt(-1), 0);
    QCOMPARE(object.value(QStringLiteral("acquisitions")).toInt(-1), 0);
    QCOMPARE(object.value(QStringLiteral("creator")).toInt(), state.creator);

    const CliResult text = runCli({QStringLiteral("sync"), QStringLiteral("show"), name});
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.contains(QStringLiteral("kind:          %1").arg(expectedKind).toUtf8()));

    const CliResult listed = runCli({QStringLiteral("sync"), QStringLiteral("list")});
    QCOMPARE(listed.exitCode, 0);
    bool found = false;
    for (const QByteArray &line : listed.out.split('\n')) {
        const QList<QByteArray> words = line.simplified().split(' ');
        if (words.size() >= 2 && words.at(0) == name.toUtf8()) {
            QCOMPARE(words.at(1), expectedKind.toUtf8());
            found = true;
        }
    }
    QVERIFY2(found, listed.out.constData());
    const CliResult listedJson = runCli({QStringLiteral("sync"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(listedJson.exitCode, 0);
    int matches = 0;
    const QJsonArray objects = listedJson.json().value(QStringLiteral("sync_objects")).toArray();
    for (const QJsonValue &entry : objects) {
        if (entry.toObject().value(QStringLiteral("name")).toString() == name) {
            QCOMPARE(entry.toObject().value(QStringLiteral("kind")).toString(), expectedKind);
            ++matches;
        }
    }
    QCOMPARE(matches, 1);

    const CliResult removed = runCli({QStringLiteral("sync"), QStringLiteral("rm"), name});
    QVERIFY2(removed.exitCode == 0, removed.err.constData());
    QVERIFY(!QFileInfo::exists(QStringLiteral("/dev/shm/") + syncSegmentName(name)));
    const CliResult gone = runCli({QStringLiteral("sync"), QStringLiteral("show"), name});
    QVERIFY(gone.exitCode != 0);
    QCOMPARE(gone.errLines().size(), 1);
}

void TestCliSync::showSeesAHolderWithoutChangingIt()
{
    const QString name = newName();
    QVERIFY(runCli({QStringLiteral("sync"), QStringLiteral("create"), name, QStringLiteral("Lock")}).exitCode == 0);
    QString error;
    auto lock = SharedLock::open(name, &error);
    QVERIFY2(lock, qPrintable(error));
    QCOMPARE(lock->acquire(1000), SyncResult::Ok);

    const CliResult shown = runCli({QStringLiteral("sync"), QStringLiteral("show"), name, QStringLiteral("--json")});
    QVERIFY2(shown.exitCode == 0, shown.err.constData());
    const QJsonObject object = shown.json();
    QCOMPARE(object.value(QStringLiteral("held")).toBool(), true);
    QCOMPARE(object.value(QStringLiteral("owner")).toInt(), int(::getpid()));
    QCOMPARE(object.value(QStringLiteral("owner_alive")).toBool(), true);
    QCOMPARE(object.value(QStringLiteral("depth")).toInt(), 1);
    QCOMPARE(object.value(QStringLiteral("acquisitions")).toInt(), 1);
    // The first hold of a lock is always timed: its start is shown.
    QVERIFY(object.value(QStringLiteral("held_since_ns")).toDouble() > 0);
    const CliResult text = runCli({QStringLiteral("sync"), QStringLiteral("show"), name});
    QVERIFY(text.out.contains(QStringLiteral("held by %1").arg(::getpid()).toUtf8()));

    // Watching changed nothing: still ours, released by us alone.
    QVERIFY(lock->isHeldByMe());
    QVERIFY(lock->release());
    SyncState state;
    QVERIFY(readSyncState(name, &state, nullptr));
    QVERIFY(!state.held);
    QCOMPARE(state.acquisitions, quint64(1));
    QCOMPARE(state.releases, quint64(1));
}

void TestCliSync::stepPlaysTheLostUpdate()
{
    const QString segmentName = newName();
    SegmentError segmentError;
    std::unique_ptr<Segment> segment = Segment::create(segmentName, 4, &segmentError);
    QVERIFY2(segment, qPrintable(segmentError.message));
    const QStringList arguments{QStringLiteral("counter"), QStringLiteral("--segment"), segmentName,
                                QStringLiteral("--layout"), QStringLiteral("counter:i"), QStringLiteral("--field"),
                                QStringLiteral("counter"), QStringLiteral("--iterations"), QStringLiteral("1"),
                                QStringLiteral("--step")};
    const QVector<QProcess *> workers{startWorker(arguments), startWorker(arguments)};
    const QStringList pids{QString::number(workers[0]->processId()), QString::number(workers[1]->processId())};

    // Both stop before their first step; `step --status` only reads where they wait.
    for (const QString &pid : pids) {
        QTRY_VERIFY_WITH_TIMEOUT(runCli({QStringLiteral("step"), QStringLiteral("--status"), pid, QStringLiteral("--json")})
                                         .json()
                                         .value(QStringLiteral("state"))
                                     == QLatin1String("waiting"),
                                 kTimeoutMs);
        const CliResult status = runCli({QStringLiteral("step"), QStringLiteral("--status"), pid});
        QCOMPARE(status.exitCode, 0);
        QVERIFY2(status.out.startsWith(QByteArray(pid.toUtf8() + " waits at LOAD")), status.out.constData());
    }
    const CliResult again = runCli({QStringLiteral("step"), QStringLiteral("--status"), pids[0], QStringLiteral("--json")});
    QCOMPARE(again.json().value(QStringLiteral("steps_done")).toInt(-1), 0);

    // Seed 004's race, one step at a time: A.LOAD B.LOAD A.ADD B.ADD A.STORE B.STORE.
    const QStringList expected{QStringLiteral("LOAD"), QStringLiteral("LOAD"), QStringLiteral("ADD"),
                               QStringLiteral("ADD"), QStringLiteral("STORE"), QStringLiteral("STORE")};
    for (int i = 0; i < expected.size(); ++i) {
        const QString &pid = pids[i % 2];
        const CliResult stepped = runCli({QStringLiteral("step"), pid, QStringLiteral("--json")});
        QVERIFY2(stepped.exitCode == 0, stepped.err.constData());
        QCOMPARE(stepped.json().value(QStringLiteral("step_done")).toString(), expected[i]);
        QCOMPARE(stepped.json().value(QStringLiteral("pid")).toInteger(), pid.toLongLong());
    }
    for (QProcess *worker : workers) {
        QVERIFY(worker->waitForFinished(kTimeoutMs));
        QCOMPARE(worker->exitStatus(), QProcess::NormalExit);
        QCOMPARE(worker->exitCode(), 0);
    }
    // Both loaded 0 before either stored: one update lost, in the bytes themselves.
    qint32 value = -1;
    QCOMPARE(segment->read(0, &value, sizeof value), qint64(sizeof value));
    QCOMPARE(value, 1);
    // An exited worker is stepped no more: one clear line.
    const CliResult afterExit = runCli({QStringLiteral("step"), pids[0]});
    QVERIFY(afterExit.exitCode != 0);
    QCOMPARE(afterExit.errLines().size(), 1);
}

void TestCliSync::logPrintsWhatAWorkerDid()
{
    const QString logName = newName();
    const QString segmentName = newName();
    QVERIFY(runCli({QStringLiteral("log"), QStringLiteral("create"), logName}).exitCode == 0);
    SegmentError segmentError;
    std::unique_ptr<Segment> segment = Segment::create(segmentName, 8, &segmentError);
    QVERIFY2(segment, qPrintable(segmentError.message));
    QProcess *worker = startWorker({QStringLiteral("counter"), QStringLiteral("--segment"), segmentName,
                                    QStringLiteral("--layout"), QStringLiteral("counter:q"), QStringLiteral("--field"),
                                    QStringLiteral("counter"), QStringLiteral("--iterations"), QStringLiteral("3"),
                                    QStringLiteral("--log"), logName});
    const qint64 workerPid = worker->processId();
    QVERIFY(worker->waitForFinished(kTimeoutMs));
    QCOMPARE(worker->exitCode(), 0);
    qint64 final = -1;
    QCOMPARE(segment->read(0, &final, sizeof final), qint64(sizeof final));
    QCOMPARE(final, qint64(3));

    // JSON Lines: every STORE the worker did, with the values the bytes went through.
    const CliResult json = runCli({QStringLiteral("log"), logName, QStringLiteral("--json")});
    QVERIFY2(json.exitCode == 0, json.err.constData());
    QList<qint64> stored;
    QSet<qint64> pids;
    qint64 lastIndex = -1;
    for (const QByteArray &line : json.out.split('\n')) {
        if (line.isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonObject entry = QJsonDocument::fromJson(line, &parseError).object();
        QVERIFY2(parseError.error == QJsonParseError::NoError, line.constData());
        QVERIFY(!entry.contains(QStringLiteral("overrun")));
        const qint64 index = entry.value(QStringLiteral("index")).toInteger(-1);
        QVERIFY(index > lastIndex); // in order, none twice
        lastIndex = index;
        pids.insert(entry.value(QStringLiteral("pid")).toInteger());
        if (entry.value(QStringLiteral("op")).toString() == QLatin1String("STORE")) {
            QCOMPARE(entry.value(QStringLiteral("old")).toInteger(), qint64(stored.size()));
            stored << entry.value(QStringLiteral("new")).toInteger();
        }
    }
    QCOMPARE(stored, (QList<qint64>{1, 2, 3}));
    QCOMPARE(pids, QSet<qint64>{workerPid}); // the worker wrote it all

    // The text form has a line per entry: the same STOREs, readable.
    const CliResult text = runCli({QStringLiteral("log"), logName});
    QCOMPARE(text.exitCode, 0);
    QCOMPARE(text.out.count("STORE"), 3);
    QVERIFY(text.out.contains("2 -> 3"));
    QCOMPARE(text.out.count('\n'), json.out.count('\n'));

    QCOMPARE(runCli({QStringLiteral("log"), QStringLiteral("rm"), logName}).exitCode, 0);
    QVERIFY(!QFileInfo::exists(QStringLiteral("/dev/shm/") + OpLog::segmentName(logName)));
}

void TestCliSync::badInputFailsWithOneLineAndLeavesNothing_data()
{
    QTest::addColumn<QStringList>("arguments"); // NAME: a fresh name, DEAD: a dead pid, SELF: ours
    QTest::addColumn<QString>("expectedText");
    QTest::newRow("unknown kind") << QStringList{"sync", "create", "NAME", "Spinlock"} << "unknown kind";
    QTest::newRow("slash in name") << QStringList{"sync", "create", "a/b", "Lock"} << "invalid sync object name";
    QTest::newRow("empty name") << QStringList{"sync", "create", "", "Lock"} << "must not be empty";
    QTest::newRow("name too long") << QStringList{"sync", "create", QString(300, QLatin1Char('x')), "Lock"}
                                   << "too long";
    QTest::newRow("barrier without parties") << QStringList{"sync", "create", "NAME", "Barrier"} << "parties";
    QTest::newRow("barrier of 0") << QStringList{"sync", "create", "NAME", "Barrier", "0"} << "at least 1";
    QTest::newRow("negative semaphore") << QStringList{"sync", "create", "NAME", "Semaphore", "-1"} << ">= 0";
    QTest::newRow("N not a number") << QStringList{"sync", "create", "NAME", "Semaphore", "many"} << "not a whole number";
    QTest::newRow("N for a Lock") << QStringList{"sync", "create", "NAME", "Lock", "2"} << "takes no N";
    QTest::newRow("show missing") << QStringList{"sync", "show", "NAME"} << "no sync object named";
    QTest::newRow("show missing json") << QStringList{"sync", "show", "NAME", "--json"} << "no sync object named";
    QTest::newRow("rm missing") << QStringList{"sync", "rm", "NAME"} << "no sync object named";
    QTest::newRow("show without name") << QStringList{"sync", "show"} << "sync show: missing";
    QTest::newRow("unknown action") << QStringList{"sync", "lock", "NAME"} << "unknown action";
    QTest::newRow("step dead pid") << QStringList{"step", "DEAD"} << "no process DEAD";
    QTest::newRow("step status dead pid") << QStringList{"step", "--status", "DEAD"} << "no process DEAD";
    QTest::newRow("step a live pid not stepping") << QStringList{"step", "SELF"} << "not in step mode";
    QTest::newRow("step not a pid") << QStringList{"step", "abc"} << "invalid PID";
    QTest::newRow("step pid 0") << QStringList{"step", "0"} << "invalid PID";
    QTest::newRow("step without pid") << QStringList{"step"} << "missing PID";
    QTest::newRow("log missing") << QStringList{"log", "NAME"} << "no operation log named 'NAME'";
    QTest::newRow("log missing json") << QStringList{"log", "NAME", "--json"} << "no operation log named";
}

void TestCliSync::badInputFailsWithOneLineAndLeavesNothing()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expectedText);
    const QString name = newName();
    const QString dead = QString::number(deadPid());
    const QString self = QString::number(::getpid());
    for (QString &argument : arguments)
        argument.replace(QLatin1String("NAME"), name).replace(QLatin1String("DEAD"), dead).replace(QLatin1String("SELF"), self);
    expectedText.replace(QLatin1String("NAME"), name).replace(QLatin1String("DEAD"), dead);

    const CliResult result = runCli(arguments);
    QVERIFY2(result.exitCode > 0, result.err.constData());
    QVERIFY2(result.errLines().size() == 1, result.err.constData());
    QVERIFY2(result.err.contains(expectedText.toUtf8()), result.err.constData());
    QVERIFY(result.out.isEmpty());
    QCOMPARE(leftInShm(), QStringList()); // refused whole: nothing was made
}

QTEST_GUILESS_MAIN(TestCliSync)
#include "tst_cli_sync.moc"
