// The worker executables, run for real as separate processes. Every test checks the BYTES the
// workers left in shared memory (or the state of a sync object, read from its own bytes), never
// what the workers printed about themselves. Life, death and bad arguments: tst_workerlifecycle.

#include "workerfixture.h"

#include <QTest>

using namespace ShmScope;
using namespace ShmScopeTest;

class WorkersTest : public QObject, private WorkerFixture {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const QString why = findWorker();
        QVERIFY2(why.isEmpty(), qPrintable(why));
    }
    void cleanup() { cleanUp(); }

    void lockedCountersNeverLoseAnUpdate();
    void stepModeLostUpdateEndsAtOne();
    void stepModePerAccessLockStillLosesAnUpdate();
    void crashedHolderIsRecoveredByTheNextCounter();
    void producerConsumerPassEveryItemOnce_data();
    void producerConsumerPassEveryItemOnce();
    void barrierRoundsComplete();
    void eventWakesEveryWaiter();
    void conditionWakesWaitersWhenThePredicateHolds();
    void arrayWriterWritesItsPattern_data();
    void arrayWriterWritesItsPattern();
    void opLogRecordsEveryOperation();
};

// --- Counters -------------------------------------------------------------------------------------

void WorkersTest::lockedCountersNeverLoseAnUpdate()
{
    const QString segmentName = uniqueName();
    const QString lockName = uniqueName();
    Segment *segment = createSegment(segmentName, 8);
    QVERIFY(segment);
    QVERIFY(createSync(lockName, SyncKind::Lock));

    constexpr int kWorkers = 8;
    constexpr int kIterations = 100'000;
    std::vector<QProcess *> workers;
    for (int i = 0; i < kWorkers; ++i)
        workers.push_back(startWorker({ QStringLiteral("counter"), QStringLiteral("--segment"), segmentName,
            QStringLiteral("--layout"), QStringLiteral("counter:i"), QStringLiteral("--field"),
            QStringLiteral("counter"), QStringLiteral("--iterations"), QString::number(kIterations),
            QStringLiteral("--lock"), lockName }));
    for (QProcess *worker : workers) {
        const Finished done = finish(worker);
        QCOMPARE(done.exitStatus, QProcess::NormalExit);
        QCOMPARE(done.exitCode, 0);
    }
    QCOMPARE(readValue<qint32>(*segment, 0), kWorkers * kIterations);
    const SyncState lock = syncState(lockName);
    QCOMPARE(lock.acquisitions, quint64(kWorkers) * kIterations);
    QVERIFY(!lock.held);
}

// Starts two stepping counters on one field and plays the given schedule, one step at a time.
// Returns the steps done, "A.LOAD r=0" style, for the failure message.
static QStringList playSchedule(const QVector<pid_t> &pids, const QString &schedule)
{
    QStringList played;
    for (pid_t pid : pids) {
        StepStatus status;
        QString error;
        if (!waitUntilStopped(pid, kProcessTimeoutMs, &status, &error)) {
            played << QStringLiteral("worker %1 never stopped: %2").arg(pid).arg(error);
            return played;
        }
    }
    for (QChar who : schedule) {
        const pid_t pid = pids.at(who.unicode() - 'A');
        StepOutcome outcome;
        QString error;
        if (!releaseOneStep(pid, kProcessTimeoutMs, &outcome, &error)) {
            played << QStringLiteral("%1: %2").arg(who).arg(error);
            return played;
        }
        played << QStringLiteral("%1.%2").arg(who).arg(outcome.stepDone);
    }
    return played;
}

void WorkersTest::stepModeLostUpdateEndsAtOne()
{
    const QString segmentName = uniqueName();
    Segment *segment = createSegment(segmentName, 4);
    QVERIFY(segment);
    const QStringList arguments { QStringLiteral("counter"), QStringLiteral("--segment"), segmentName,
        QStringLiteral("--layout"), QStringLiteral("counter:i"), QStringLiteral("--field"),
        QStringLiteral("counter"), QStringLiteral("--iterations"), QStringLiteral("1"),
        QStringLiteral("--step") };
    QProcess *a = startWorker(arguments);
    QProcess *b = startWorker(arguments);

    // Seed 004's race, exactly: both read 0 before either writes, so one increment is lost.
    const QStringList played
        = playSchedule({ pid_t(a->processId()), pid_t(b->processId()) }, QStringLiteral("ABABAB"));
    QVERIFY2(played.size() == 6, qPrintable(played.join(QLatin1Char(' '))));
    QCOMPARE(played,
        (QStringList { QStringLiteral("A.LOAD"), QStringLiteral("B.LOAD"), QStringLiteral("A.ADD"),
            QStringLiteral("B.ADD"), QStringLiteral("A.STORE"), QStringLiteral("B.STORE") }));
    QCOMPARE(finish(a).exitCode, 0);
    QCOMPARE(finish(b).exitCode, 0);
    QCOMPARE(readValue<qint32>(*segment, 0), 1);
}

void WorkersTest::stepModePerAccessLockStillLosesAnUpdate()
{
    // Python's `v.value += 1` on a synchronized Value: the lock is taken for the read and again for
    // the write, so another process can read between them. Locked accesses, lost update all the same.
    const QString segmentName = uniqueName();
    const QString lockName = uniqueName();
    Segment *segment = createSegment(segmentName, 4);
    QVERIFY(segment);
    QVERIFY(createSync(lockName, SyncKind::RLock));
    const QStringList arguments { QStringLiteral("counter"), QStringLiteral("--segment"), segmentName,
        QStringLiteral("--layout"), QStringLiteral("counter:i"), QStringLiteral("--field"),
        QStringLiteral("counter"), QStringLiteral("--iterations"), QStringLiteral("1"),
        QStringLiteral("--per-access-lock"), lockName, QStringLiteral("--step") };
    QProcess *a = startWorker(arguments);
    QProcess *b = startWorker(arguments);

    const QStringList played
        = playSchedule({ pid_t(a->processId()), pid_t(b->processId()) }, QStringLiteral("AAABBBABAAABBB"));
    QVERIFY2(played.size() == 14, qPrintable(played.join(QLatin1Char(' '))));
    QCOMPARE(played.mid(0, 3),
        (QStringList { QStringLiteral("A.ACQUIRE"), QStringLiteral("A.LOAD"), QStringLiteral("A.RELEASE") }));
    QCOMPARE(played.mid(8, 3),
        (QStringList {
            QStringLiteral("A.ACQUIRE"), QStringLiteral("A.STORE"), QStringLiteral("A.RELEASE") }));
    QCOMPARE(finish(a).exitCode, 0);
    QCOMPARE(finish(b).exitCode, 0);
    QCOMPARE(readValue<qint32>(*segment, 0), 1);
    QCOMPARE(syncState(lockName).acquisitions, quint64(4));
}

void WorkersTest::crashedHolderIsRecoveredByTheNextCounter()
{
    const QString segmentName = uniqueName();
    const QString lockName = uniqueName();
    Segment *segment = createSegment(segmentName, 4);
    QVERIFY(segment);
    QVERIFY(createSync(lockName, SyncKind::Lock));

    QProcess *holder = startWorker({ QStringLiteral("holder"), QStringLiteral("--lock"), lockName,
        QStringLiteral("--hold-ms"), QStringLiteral("50"), QStringLiteral("--crash") });
    const pid_t holderPid = pid_t(holder->processId());
    const Finished crashed = finish(holder);
    QCOMPARE(crashed.exitStatus, QProcess::CrashExit); // killed by its own SIGKILL
    const SyncState orphaned = syncState(lockName);
    QVERIFY(orphaned.held);
    QCOMPARE(orphaned.owner, holderPid);

    // Python's lock would hang here forever; the robust mutex hands the counter EOWNERDEAD.
    const Finished counter = runWorker(
        { QStringLiteral("counter"), QStringLiteral("--segment"), segmentName, QStringLiteral("--layout"),
            QStringLiteral("counter:i"), QStringLiteral("--field"), QStringLiteral("counter"),
            QStringLiteral("--iterations"), QStringLiteral("1000"), QStringLiteral("--lock"), lockName });
    QCOMPARE(counter.exitCode, 0);
    QCOMPARE(readValue<qint32>(*segment, 0), 1000);
    const SyncState recovered = syncState(lockName);
    QCOMPARE(recovered.ownerDiedRecoveries, quint64(1));
    QCOMPARE(recovered.lastDeadOwner, holderPid);
    QVERIFY(!recovered.held);
}

// --- Producer / consumer, barrier, event ------------------------------------------------------------

void WorkersTest::producerConsumerPassEveryItemOnce_data()
{
    QTest::addColumn<int>("producers");
    QTest::addColumn<int>("consumers");
    QTest::addColumn<int>("itemsEach");
    QTest::addRow("one producer, one consumer") << 1 << 1 << 20000;
    QTest::addRow("two producers, two consumers") << 2 << 2 << 10000;
    QTest::addRow("one producer, four consumers") << 1 << 4 << 8000;
}

void WorkersTest::producerConsumerPassEveryItemOnce()
{
    QFETCH(int, producers);
    QFETCH(int, consumers);
    QFETCH(int, itemsEach);
    constexpr int kSlots = 16;
    const QString layout = QStringLiteral("head:i; tail:i; count:q; checksum:q; items:q[16]");
    const QString segmentName = uniqueName();
    const QString empty = uniqueName();
    const QString full = uniqueName();
    const QString lock = uniqueName();
    Segment *segment = createSegment(segmentName, 24 + 8 * kSlots);
    QVERIFY(segment);
    QVERIFY(createSync(empty, SyncKind::Semaphore, kSlots));
    QVERIFY(createSync(full, SyncKind::Semaphore, 0));
    QVERIFY(createSync(lock, SyncKind::Lock));

    const qint64 total = qint64(producers) * itemsEach;
    QCOMPARE(total % consumers, qint64(0));
    const QStringList common { QStringLiteral("--segment"), segmentName, QStringLiteral("--layout"), layout,
        QStringLiteral("--empty"), empty, QStringLiteral("--full"), full, QStringLiteral("--lock"), lock };
    std::vector<QProcess *> workers;
    for (int c = 0; c < consumers; ++c)
        workers.push_back(startWorker(QStringList { QStringLiteral("consumer") } + common
            + QStringList { QStringLiteral("--items"), QString::number(total / consumers),
                QStringLiteral("--count-field"), QStringLiteral("count"), QStringLiteral("--checksum-field"),
                QStringLiteral("checksum") }));
    for (int p = 0; p < producers; ++p) // producer p puts p*N+1 .. (p+1)*N: every value once overall
        workers.push_back(startWorker(QStringList { QStringLiteral("producer") } + common
            + QStringList { QStringLiteral("--items"), QString::number(itemsEach), QStringLiteral("--first"),
                QString::number(qint64(p) * itemsEach + 1) }));
    for (QProcess *worker : workers)
        QCOMPARE(finish(worker).exitCode, 0);

    QCOMPARE(readValue<qint64>(*segment, 8), total); // count
    QCOMPARE(readValue<qint64>(*segment, 16), total * (total + 1) / 2); // checksum: 1 + 2 + ... + total
    QCOMPARE(readValue<qint32>(*segment, 0), readValue<qint32>(*segment, 4)); // head == tail: empty ring
    QCOMPARE(syncState(empty).count, kSlots);
    QCOMPARE(syncState(full).count, 0);
}

void WorkersTest::barrierRoundsComplete()
{
    constexpr int kParties = 3;
    constexpr int kRounds = 40;
    const QString segmentName = uniqueName();
    const QString barrier = uniqueName();
    Segment *segment = createSegment(segmentName, 4 * kRounds);
    QVERIFY(segment);
    QVERIFY(createSync(barrier, SyncKind::Barrier, kParties));

    std::vector<QProcess *> workers;
    for (int i = 0; i < kParties; ++i)
        workers.push_back(startWorker({ QStringLiteral("barrier"), QStringLiteral("--barrier"), barrier,
            QStringLiteral("--rounds"), QString::number(kRounds), QStringLiteral("--segment"), segmentName,
            QStringLiteral("--layout"), QStringLiteral("arrivals:i[%1]").arg(kRounds),
            QStringLiteral("--field"), QStringLiteral("arrivals") }));
    for (QProcess *worker : workers)
        QCOMPARE(finish(worker).exitCode, 0); // each checked after every round that all had arrived
    for (int round = 0; round < kRounds; ++round)
        QCOMPARE(readValue<qint32>(*segment, 4 * round), kParties);
    const SyncState state = syncState(barrier);
    QCOMPARE(state.generation, kRounds);
    QCOMPARE(state.waiting, 0);
    QVERIFY(!state.broken);
}

void WorkersTest::eventWakesEveryWaiter()
{
    const QString event = uniqueName();
    QVERIFY(createSync(event, SyncKind::Event));
    QProcess *first = startWorker({ QStringLiteral("event-wait"), QStringLiteral("--event"), event });
    QProcess *second = startWorker({ QStringLiteral("event-wait"), QStringLiteral("--event"), event });
    QTRY_COMPARE_WITH_TIMEOUT(syncState(event).waiting, 2, kProcessTimeoutMs);
    QVERIFY(!syncState(event).flag);

    QCOMPARE(runWorker({ QStringLiteral("event-set"), QStringLiteral("--event"), event }).exitCode, 0);
    QCOMPARE(finish(first).exitCode, 0);
    QCOMPARE(finish(second).exitCode, 0);
    const SyncState state = syncState(event);
    QVERIFY(state.flag);
    QCOMPARE(state.waiting, 0);
}

void WorkersTest::conditionWakesWaitersWhenThePredicateHolds()
{
    constexpr int kWaiters = 3;
    const QString segmentName = uniqueName();
    const QString condition = uniqueName();
    Segment *segment = createSegment(segmentName, 8);
    QVERIFY(segment);
    QVERIFY(createSync(condition, SyncKind::Condition));
    const QStringList data { QStringLiteral("--condition"), condition, QStringLiteral("--segment"),
        segmentName, QStringLiteral("--layout"), QStringLiteral("ready:i; woken:i"),
        QStringLiteral("--field"), QStringLiteral("ready") };
    std::vector<QProcess *> waiters;
    for (int i = 0; i < kWaiters; ++i)
        waiters.push_back(startWorker(QStringList { QStringLiteral("condition-wait") } + data
            + QStringList { QStringLiteral("--count-field"), QStringLiteral("woken") }));
    QTRY_COMPARE_WITH_TIMEOUT(syncState(condition).waiting, kWaiters, kProcessTimeoutMs);
    QCOMPARE(readValue<qint32>(*segment, 4), 0); // nobody passed before the predicate held

    QCOMPARE(runWorker(QStringList { QStringLiteral("condition-notify") } + data).exitCode, 0);
    for (QProcess *waiter : waiters)
        QCOMPARE(finish(waiter).exitCode, 0);
    QCOMPARE(readValue<qint32>(*segment, 0), 1);
    QCOMPARE(readValue<qint32>(*segment, 4), kWaiters);
    QVERIFY(!syncState(condition).held);
}

// --- Array writer and op log ------------------------------------------------------------------------

void WorkersTest::arrayWriterWritesItsPattern_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QVector<qint32>>("expected");
    QTest::addRow("sequential inc") << QStringList { QStringLiteral("--pattern"), QStringLiteral("inc"),
        QStringLiteral("--iterations"), QStringLiteral("6") }
                                    << QVector<qint32> { 1, 2, 3, 4, 5, 6 };
    QTest::addRow("sequential wraps around") << QStringList { QStringLiteral("--pattern"),
        QStringLiteral("inc"), QStringLiteral("--iterations"), QStringLiteral("8") }
                                             << QVector<qint32> { 7, 8, 3, 4, 5, 6 };
    QTest::addRow("sweep turns at the ends") // indices 0 1 2 3 4 5 4 3 2 1 0 1
        << QStringList { QStringLiteral("--mode"), QStringLiteral("sweep"), QStringLiteral("--pattern"),
               QStringLiteral("dec"), QStringLiteral("--iterations"), QStringLiteral("12") }
        << QVector<qint32> { -11, -12, -9, -8, -7, -6 };
    QTest::addRow("one value everywhere") << QStringList { QStringLiteral("--value"), QStringLiteral("0x7f"),
        QStringLiteral("--iterations"), QStringLiteral("6") }
                                          << QVector<qint32> { 127, 127, 127, 127, 127, 127 };
    QTest::addRow("a value wraps like ctypes") << QStringList { QStringLiteral("--value"),
        QStringLiteral("4294967297"), QStringLiteral("--iterations"), QStringLiteral("2") }
                                               << QVector<qint32> { 1, 1, 0, 0, 0, 0 };
}

void WorkersTest::arrayWriterWritesItsPattern()
{
    QFETCH(QStringList, arguments);
    QFETCH(QVector<qint32>, expected);
    const QString segmentName = uniqueName();
    Segment *segment = createSegment(segmentName, 4 * 6);
    QVERIFY(segment);
    const Finished done
        = runWorker(QStringList { QStringLiteral("array"), QStringLiteral("--segment"), segmentName,
                        QStringLiteral("--layout"), QStringLiteral("a:i[6]"), QStringLiteral("--field"),
                        QStringLiteral("a"), QStringLiteral("--rate"), QStringLiteral("0") }
            + arguments);
    QCOMPARE(done.exitCode, 0);
    QVector<qint32> values;
    for (int i = 0; i < 6; ++i)
        values << readValue<qint32>(*segment, 4 * i);
    QCOMPARE(values, expected);
}

void WorkersTest::opLogRecordsEveryOperation()
{
    constexpr int kIterations = 200;
    const QString segmentName = uniqueName();
    const QString lockName = uniqueName();
    const QString logName = uniqueName();
    Segment *segment = createSegment(segmentName, 16);
    QVERIFY(segment);
    QVERIFY(createSync(lockName, SyncKind::Lock));
    QVERIFY(createLog(logName));

    const Finished done = runWorker({ QStringLiteral("counter"), QStringLiteral("--segment"), segmentName,
        QStringLiteral("--layout"), QStringLiteral("pad:q; counter:q"), QStringLiteral("--field"),
        QStringLiteral("counter"), QStringLiteral("--iterations"), QString::number(kIterations),
        QStringLiteral("--lock"), lockName, QStringLiteral("--log"), logName });
    QCOMPARE(done.exitCode, 0);
    QCOMPARE(readValue<qint64>(*segment, 8), qint64(kIterations));

    QString error;
    std::unique_ptr<OpLog> log = OpLog::openReadOnly(logName, &error);
    QVERIFY2(log, qPrintable(error));
    OpLogReader reader(*log);
    const OpLogReader::Batch batch = reader.readAvailable(100'000);
    QCOMPARE(batch.lostTotal, quint64(0));
    QMap<OpCode, int> perOp;
    qint64 expectedStore = 1;
    qint64 lastTimeNs = 0;
    for (const OpLogEntry &entry : batch.entries) {
        ++perOp[entry.op];
        QCOMPARE(entry.pid, done.pid); // the lock's entries too: recorded by the worker's handle
        QVERIFY(entry.timeNs >= lastTimeNs);
        lastTimeNs = entry.timeNs;
        if (entry.op == OpCode::Load || entry.op == OpCode::Store)
            QCOMPARE(entry.target, quint64(8)); // the byte offset of `counter`
        if (entry.op == OpCode::Store) {
            QCOMPARE(entry.oldValue.toInt(), expectedStore - 1);
            QCOMPARE(entry.newValue.toInt(), expectedStore);
            ++expectedStore;
        }
    }
    QCOMPARE(perOp.value(OpCode::Start), 1);
    QCOMPARE(perOp.value(OpCode::Acquire), kIterations);
    QCOMPARE(perOp.value(OpCode::Load), kIterations);
    QCOMPARE(perOp.value(OpCode::Add), kIterations);
    QCOMPARE(perOp.value(OpCode::Store), kIterations);
    QCOMPARE(perOp.value(OpCode::Release), kIterations);
    QCOMPARE(perOp.value(OpCode::Exit), 1);
}

QTEST_GUILESS_MAIN(WorkersTest)
#include "tst_workers.moc"
