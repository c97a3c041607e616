// How worker processes begin and end: they die with their parent (no orphans when the GUI is
// killed), refuse to start when their parent is already gone, and fail on bad arguments with one
// clear stderr line and an exit code, before touching any shared memory.

#include "workerfixture.h"

#include <QTest>

using namespace ShmScope;
using namespace ShmScopeTest;

class WorkerLifecycleTest : public QObject, private WorkerFixture {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const QString why = findWorker();
        QVERIFY2(why.isEmpty(), qPrintable(why));
    }
    void cleanup() { cleanUp(); }

    void workerDiesWithItsParent();
    void workerExitsWhenItsParentIsAlreadyGone();
    void terminatedSteppingWorkerLeavesNoStepControl();
    void badArgumentsFailCleanly_data();
    void badArgumentsFailCleanly();
};

// --- Life and death ---------------------------------------------------------------------------------

void WorkerLifecycleTest::workerDiesWithItsParent()
{
    const QString lockName = uniqueName();
    QVERIFY(createSync(lockName, SyncKind::Lock));
    // Orphans are re-parented to us instead of init, so we can reap the worker and see how it died.
    QCOMPARE(prctl(PR_SET_CHILD_SUBREAPER, 1), 0);

    // Everything the forked child needs is prepared before fork(): after it, only async-signal-safe
    // calls (fork, execv, write, pause, _exit).
    const QByteArray program = workerPath().toLocal8Bit();
    const QByteArray lockArgument = lockName.toLocal8Bit();
    const char *argv[] = { program.constData(), "holder", "--lock", lockArgument.constData(), "--hold-ms",
        "600000", nullptr };
    int pipeFds[2];
    QCOMPARE(pipe(pipeFds), 0);
    const pid_t parent = fork();
    if (parent == 0) {
        const pid_t worker = fork();
        if (worker == 0) {
            execv(argv[0], const_cast<char *const *>(argv));
            _exit(127);
        }
        (void)!write(pipeFds[1], &worker, sizeof worker);
        for (;;)
            pause();
    }
    adoptForked(parent);
    close(pipeFds[1]);
    pid_t worker = 0;
    const bool gotPid = read(pipeFds[0], &worker, sizeof worker) == qint64(sizeof worker);
    close(pipeFds[0]);
    QVERIFY(gotPid);
    adoptForked(worker); // if a check fails before its parent dies, cleanup() ends it

    // Holding the lock proves the worker runs (and armed its parent-death signal first thing).
    QTRY_COMPARE_WITH_TIMEOUT(syncState(lockName).owner, worker, kProcessTimeoutMs);
    QCOMPARE(kill(parent, SIGKILL), 0);
    int status = 0;
    QCOMPARE(waitpid(parent, &status, 0), parent);
    forgetForked(); // the parent is reaped; the worker is reaped below

    // QTRY_* evaluates its expression again after success, so the reaping is latched.
    int workerStatus = 0;
    bool reaped = false;
    auto reapWorker = [&] { return reaped || (reaped = waitpid(worker, &workerStatus, WNOHANG) == worker); };
    QTRY_VERIFY_WITH_TIMEOUT(reapWorker(), kProcessTimeoutMs);
    QVERIFY(WIFSIGNALED(workerStatus));
    QCOMPARE(WTERMSIG(workerStatus), SIGKILL);
}

void WorkerLifecycleTest::workerExitsWhenItsParentIsAlreadyGone()
{
    // --parent-pid names who must be our parent: anyone else means the real one died before the
    // worker could arm its death signal, so it must not run on as an orphan.
    const QString lockName = uniqueName();
    QVERIFY(createSync(lockName, SyncKind::Lock));
    const Finished done = runWorker(
        { QStringLiteral("holder"), QStringLiteral("--lock"), lockName, QStringLiteral("--hold-ms"),
            QStringLiteral("600000"), QStringLiteral("--parent-pid"), QStringLiteral("1") });
    QCOMPARE(done.exitStatus, QProcess::NormalExit);
    QCOMPARE(done.exitCode, 4);
    QVERIFY(done.err.startsWith("shmscope-worker: parent process 1 is gone"));
    QCOMPARE(syncState(lockName).acquisitions, quint64(0));

    // Named correctly, the same worker runs.
    const Finished named = runWorker(
        { QStringLiteral("holder"), QStringLiteral("--lock"), lockName, QStringLiteral("--hold-ms"),
            QStringLiteral("1"), QStringLiteral("--parent-pid"), QString::number(getpid()) });
    QCOMPARE(named.exitCode, 0);
    QCOMPARE(syncState(lockName).acquisitions, quint64(1));
}

void WorkerLifecycleTest::terminatedSteppingWorkerLeavesNoStepControl()
{
    const QString segmentName = uniqueName();
    QVERIFY(createSegment(segmentName, 4));
    QProcess *worker = startWorker(
        { QStringLiteral("counter"), QStringLiteral("--segment"), segmentName, QStringLiteral("--layout"),
            QStringLiteral("counter:i"), QStringLiteral("--field"), QStringLiteral("counter"),
            QStringLiteral("--iterations"), QStringLiteral("5"), QStringLiteral("--step") });
    const pid_t pid = pid_t(worker->processId());
    StepStatus status;
    QString error;
    QVERIFY2(waitUntilStopped(pid, kProcessTimeoutMs, &status, &error), qPrintable(error));
    const QString stepFile = QStringLiteral("/dev/shm/") + stepSegmentName(pid);
    QVERIFY(QFileInfo::exists(stepFile));

    worker->terminate(); // SIGTERM while it waits for a step, as the GUI's "stop" does
    const Finished done = finish(worker);
    QCOMPARE(done.exitStatus, QProcess::CrashExit);
    QVERIFY(!QFileInfo::exists(stepFile));
}

// --- Bad arguments ----------------------------------------------------------------------------------

void WorkerLifecycleTest::badArgumentsFailCleanly_data()
{
    // %SEG% is an 8-byte segment, %SEM% a Semaphore and %MISSING% a name nothing has.
    QTest::addColumn<QString>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    const QString counter = QStringLiteral("counter --segment %SEG% --layout c:i --field c --iterations ");
    QTest::addRow("no kind") << QString() << 2 << QStringLiteral("no worker kind given");
    QTest::addRow("bad kind") << QStringLiteral("juggler") << 2
                              << QStringLiteral("unknown worker kind 'juggler'");
    QTest::addRow("unknown option") << counter + QStringLiteral("5 --colour red") << 2
                                    << QStringLiteral("Unknown option 'colour'");
    QTest::addRow("stray argument") << counter + QStringLiteral("5 extra") << 2
                                    << QStringLiteral("unexpected argument 'extra'");
    QTest::addRow("missing segment") << QStringLiteral(
        "counter --segment %MISSING% --layout c:i --field c --iterations 5")
                                     << 3 << QStringLiteral("segment '%MISSING%' not found");
    QTest::addRow("bad segment name")
        << QStringLiteral("counter --segment a/b --layout c:i --field c --iterations 5") << 2
        << QStringLiteral("a/b");
    QTest::addRow("segment not given") << QStringLiteral("counter --layout c:i --field c --iterations 5") << 2
                                       << QStringLiteral("--segment is required");
    QTest::addRow("unknown field") << QStringLiteral(
        "counter --segment %SEG% --layout c:i --field nope --iterations 5")
                                   << 2 << QStringLiteral("field 'nope' is not in the layout");
    QTest::addRow("bad layout") << QStringLiteral(
        "counter --segment %SEG% --layout c:x --field c --iterations 5")
                                << 2 << QStringLiteral("unknown type code 'x'");
    QTest::addRow("non-integer field")
        << QStringLiteral("counter --segment %SEG% --layout c:d --field c --iterations 5") << 2
        << QStringLiteral("needs an integer field");
    QTest::addRow("field past the end")
        << QStringLiteral("counter --segment %SEG% --layout c:i[4] --field c --iterations 5") << 2
        << QStringLiteral("past the end of segment");
    QTest::addRow("iterations not a number")
        << counter + QStringLiteral("lots") << 2 << QStringLiteral("'lots' is not a whole number");
    QTest::addRow("iterations negative")
        << counter + QStringLiteral("-5") << 2 << QStringLiteral("out of range");
    QTest::addRow("iterations zero") << counter + QStringLiteral("0") << 2 << QStringLiteral("out of range");
    QTest::addRow("iterations missing") << QStringLiteral("counter --segment %SEG% --layout c:i --field c")
                                        << 2 << QStringLiteral("--iterations is required");
    QTest::addRow("delay not a number")
        << counter + QStringLiteral("5 --delay-us 1e3") << 2 << QStringLiteral("--delay-us '1e3'");
    QTest::addRow("missing lock") << counter + QStringLiteral("5 --lock %MISSING%") << 3
                                  << QStringLiteral("lock '%MISSING%' not found");
    QTest::addRow("lock that is a semaphore") << counter + QStringLiteral("5 --lock %SEM%") << 2
                                              << QStringLiteral("is a Semaphore, not a Lock or RLock");
    QTest::addRow("both lock modes") << counter + QStringLiteral("5 --lock %SEM% --per-access-lock %SEM%")
                                     << 2 << QStringLiteral("not both");
    QTest::addRow("missing op log") << counter + QStringLiteral("5 --log %MISSING%") << 3
                                    << QStringLiteral("op log '%MISSING%' not found");
    QTest::addRow("array mode unknown")
        << QStringLiteral("array --segment %SEG% --layout a:i[2] --field a --value 1 --mode zigzag") << 2
        << QStringLiteral("'zigzag' is not one of");
    QTest::addRow("array value and pattern")
        << QStringLiteral("array --segment %SEG% --layout a:i[2] --field a --value 1 --pattern inc") << 2
        << QStringLiteral("give exactly one of --value, --pattern");
    QTest::addRow("array value of the wrong type")
        << QStringLiteral("array --segment %SEG% --layout a:i[2] --field a --value 1.5") << 2
        << QStringLiteral("--value for field 'a'");
    QTest::addRow("array rate negative")
        << QStringLiteral("array --segment %SEG% --layout a:i[2] --field a --value 1 --rate -1") << 2
        << QStringLiteral("--rate '-1'");
    QTest::addRow("producer without semaphores")
        << QStringLiteral("producer --segment %SEG% --layout head:h;tail:h;items:i --items 5") << 2
        << QStringLiteral("--empty is required");
    QTest::addRow("barrier rounds zero")
        << QStringLiteral("barrier --barrier %SEM% --rounds 0") << 2 << QStringLiteral("out of range");
    QTest::addRow("barrier that is a semaphore")
        << QStringLiteral("barrier --barrier %SEM% --rounds 3") << 2 << QStringLiteral("not a Barrier");
    QTest::addRow("event missing") << QStringLiteral("event-wait --event %MISSING%") << 3
                                   << QStringLiteral("event '%MISSING%' not found");
    QTest::addRow("holder without hold time")
        << QStringLiteral("holder --lock %SEM%") << 2 << QStringLiteral("--hold-ms is required");
}

void WorkerLifecycleTest::badArgumentsFailCleanly()
{
    QFETCH(QString, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const QString segmentName = uniqueName();
    const QString semaphore = uniqueName();
    const QString missing = uniqueName();
    Segment *segment = createSegment(segmentName, 8);
    QVERIFY(segment);
    QVERIFY(createSync(semaphore, SyncKind::Semaphore, 1));
    const QByteArray before = segment->read(0, 8);
    auto substitute = [&](QString text) {
        return text.replace(QStringLiteral("%SEG%"), segmentName)
            .replace(QStringLiteral("%SEM%"), semaphore)
            .replace(QStringLiteral("%MISSING%"), missing);
    };

    const Finished done = runWorker(substitute(arguments).split(QLatin1Char(' '), Qt::SkipEmptyParts));
    QCOMPARE(done.exitStatus, QProcess::NormalExit);
    QCOMPARE(done.exitCode, exitCode);
    QVERIFY2(done.out.isEmpty(), done.out.constData()); // failed before doing anything
    QVERIFY2(done.err.startsWith("shmscope-worker: "), done.err.constData());
    QCOMPARE(done.err.count('\n'), 1); // one line
    QVERIFY2(QString::fromLocal8Bit(done.err).contains(substitute(message)), done.err.constData());
    QCOMPARE(segment->read(0, 8), before); // and left the data alone
}

QTEST_GUILESS_MAIN(WorkerLifecycleTest)
#include "tst_workerlifecycle.moc"
