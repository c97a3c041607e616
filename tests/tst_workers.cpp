// The worker executables, run for real as separate processes. Every test checks the BYTES the
// workers left in shared memory (or the state of a sync object, read from its own bytes), never
// what the workers printed about themselves.

#include "oplog.h"
#include "segment.h"
#include "stepcontrol.h"
#include "sync/syncstate.h"

#include <QFileInfo>
#include <QProcess>
#include <QTest>
#include <csignal>
#include <cstring>
#include <memory>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace ShmScope;

namespace {

constexpr int kProcessTimeoutMs = 60000;

struct Finished {
    pid_t pid = 0;
    int exitCode = -1;
    QProcess::ExitStatus exitStatus = QProcess::NormalExit;
    QByteArray out;
    QByteArray err;
};

} // namespace

class WorkersTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

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
    void workerDiesWithItsParent();
    void workerExitsWhenItsParentIsAlreadyGone();
    void badArgumentsFailCleanly_data();
    void badArgumentsFailCleanly();

private:
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

    QString m_worker;
    int m_counter = 0;
    std::vector<std::unique_ptr<Segment>> m_segments;
    QStringList m_syncNames;
    QStringList m_logNames;
    std::vector<QProcess *> m_processes;
    std::vector<pid_t> m_forked; // children made with fork(), killed and reaped in cleanup()
};

// --- Fixture --------------------------------------------------------------------------------------

void WorkersTest::initTestCase()
{
    const QString binDir = qEnvironmentVariable("SHMSCOPE_BIN_DIR");
    QVERIFY2(!binDir.isEmpty(), "SHMSCOPE_BIN_DIR is not set (run through ctest)");
    m_worker = binDir + QStringLiteral("/shmscope-worker");
    QVERIFY2(QFileInfo(m_worker).isExecutable(), qPrintable(m_worker + QStringLiteral(" is not built")));
}

void WorkersTest::cleanup()
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

QString WorkersTest::uniqueName()
{
    return QStringLiteral("shmscope-test-%1-w%2").arg(getpid()).arg(++m_counter);
}

Segment *WorkersTest::createSegment(const QString &name, qint64 size)
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

bool WorkersTest::createSync(const QString &name, SyncKind kind, int value)
{
    m_syncNames << name; // removed in cleanup() even if creating it half failed
    QString error;
    if (!createSyncObject(name, kind, value, &error)) {
        qWarning("cannot create sync object %s: %s", qPrintable(name), qPrintable(error));
        return false;
    }
    return true;
}

bool WorkersTest::createLog(const QString &name)
{
    m_logNames << name;
    QString error;
    if (!OpLog::create(name, OpLog::kDefaultCapacity, &error)) {
        qWarning("cannot create op log %s: %s", qPrintable(name), qPrintable(error));
        return false;
    }
    return true;
}

QProcess *WorkersTest::startWorker(const QStringList &arguments)
{
    auto *process = new QProcess;
    m_processes.push_back(process);
    process->start(m_worker, arguments); // a program and its arguments: never a shell
    if (!process->waitForStarted(kProcessTimeoutMs))
        qWarning("worker did not start: %s", qPrintable(process->errorString()));
    return process;
}

Finished WorkersTest::finish(QProcess *process)
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

Finished WorkersTest::runWorker(const QStringList &arguments)
{
    return finish(startWorker(arguments));
}

SyncState WorkersTest::syncState(const QString &name)
{
    SyncState state;
    QString error;
    if (!readSyncState(name, &state, &error))
        qWarning("cannot read sync object %s: %s", qPrintable(name), qPrintable(error));
    return state;
}

template <typename T>
T WorkersTest::readValue(const Segment &segment, qint64 offset)
{
    T value{};
    if (segment.read(offset, &value, sizeof value) != qint64(sizeof value))
        qWarning("short read at offset %lld", offset);
    return value;
}

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
        workers.push_back(startWorker({QStringLiteral("counter"), QStringLiteral("--segment"), segmentName,
                                       QStringLiteral("--layout"), QStringLiteral("counter:i"),
                                       QStringLiteral("--field"), QStringLiteral("counter"),
                                       QStringLiteral("--iterations"), QString::number(kIterations),
                                       QStringLiteral("--lock"), lockName}));
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
    const QStringList arguments{QStringLiteral("counter"), QStringLiteral("--segment"), segmentName,
                                QStringLiteral("--layout"), QStringLiteral("counter:i"),
                                QStringLiteral("--field"), QStringLiteral("counter"),
                                QStringLiteral("--iterations"), QStringLiteral("1"), QStringLiteral("--step")};
    QProcess *a = startWorker(arguments);
    QProcess *b = startWorker(arguments);

    // Seed 004's race, exactly: both read 0 before either writes, so one increment is lost.
    const QStringList played = playSchedule({pid_t(a->processId()), pid_t(b->processId())}, QStringLiteral("ABABAB"));
    QVERIFY2(played.size() == 6, qPrintable(played.join(QLatin1Char(' '))));
    QCOMPARE(played, (QStringList{QStringLiteral("A.LOAD"), QStringLiteral("B.LOAD"), QStringLiteral("A.ADD"),
                                  QStringLiteral("B.ADD"), QStringLiteral("A.STORE"), QStringLiteral("B.STORE")}));
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
    const QStringList arguments{QStringLiteral("counter"), QStringLiteral("--segment"), segmentName,
                                QStringLiteral("--layout"), QStringLiteral("counter:i"),
                                QStringLiteral("--field"), QStringLiteral("counter"),
                                QStringLiteral("--iterations"), QStringLiteral("1"),
                                QStringLiteral("--per-access-lock"), lockName, QStringLiteral("--step")};
    QProcess *a = startWorker(arguments);
    QProcess *b = startWorker(arguments);

    const QStringList played =
        playSchedule({pid_t(a->processId()), pid_t(b->processId())}, QStringLiteral("AAABBBABAAABBB"));
    QVERIFY2(played.size() == 14, qPrintable(played.join(QLatin1Char(' '))));
    QCOMPARE(played.mid(0, 3), (QStringList{QStringLiteral("A.ACQUIRE"), QStringLiteral("A.LOAD"), QStringLiteral("A.RELEASE")}));
    QCOMPARE(played.mid(8, 3), (QStringList{QStringLiteral("A.ACQUIRE"), QStringLiteral("A.STORE"), QStringLiteral("A.RELEASE")}));
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

    QProcess *holder = startWorker({QStringLiteral("holder"), QStringLiteral("--lock"), lockName,
                                    QStringLiteral("--hold-ms"), QStringLiteral("50"), QStringLiteral("--crash")});
    const pid_t holderPid = pid_t(holder->processId());
    const Finished crashed = finish(holder);
    QCOMPARE(crashed.exitStatus, QProcess::CrashExit); // killed by its own SIGKILL
    const SyncState orphaned = syncState(lockName);
    QVERIFY(orphaned.held);
    QCOMPARE(orphaned.owner, holderPid);

    // Python's lock would hang here forever; the robust mutex hands the counter EOWNERDEAD.
    const Finished counter = runWorker({QStringLiteral("counter"), QStringLiteral("--segment"), segmentName,
                                        QStringLiteral("--layout"), QStringLiteral("counter:i"),
                                        QStringLiteral("--field"), QStringLiteral("counter"),
                                        QStringLiteral("--iterations"), QStringLiteral("1000"),
                                        QStringLiteral("--lock"), lockName});
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
    const QStringList common{QStringLiteral("--segment"), segmentName, QStringLiteral("--layout"), layout,
                             QStringLiteral("--empty"), empty, QStringLiteral("--full"), full,
                             QStringLiteral("--lock"), lock};
    std::vector<QProcess *> workers;
    for (int c = 0; c < consumers; ++c)
        workers.push_back(startWorker(QStringList{QStringLiteral("consumer")} + common +
                                      QStringList{QStringLiteral("--items"), QString::number(total / consumers),
                                                  QStringLiteral("--count-field"), QStringLiteral("count"),
                                                  QStringLiteral("--checksum-field"), QStringLiteral("checksum")}));
    for (int p = 0; p < producers; ++p) // producer p puts p*N+1 .. (p+1)*N: every value once overall
        workers.push_back(startWorker(QStringList{QStringLiteral("producer")} + common +
                                      QStringList{QStringLiteral("--items"), QString::number(itemsEach),
                                                  QStringLiteral("--first"), QString::number(qint64(p) * itemsEach + 1)}));
    for (QProcess *worker : workers)
        QCOMPARE(finish(worker).exitCode, 0);

    QCOMPARE(readValue<qint64>(*segment, 8), total);                     // count
    QCOMPARE(readValue<qint64>(*segment, 16), total * (total + 1) / 2);  // checksum: 1 + 2 + ... + total
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
        workers.push_back(startWorker({QStringLiteral("barrier"), QStringLiteral("--barrier"), barrier,
                                       QStringLiteral("--rounds"), QString::number(kRounds),
                                       QStringLiteral("--segment"), segmentName,
                                       QStringLiteral("--layout"), QStringLiteral("arrivals:i[%1]").arg(kRounds),
                                       QStringLiteral("--field"), QStringLiteral("arrivals")}));
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
    QProcess *first = startWorker({QStringLiteral("event-wait"), QStringLiteral("--event"), event});
    QProcess *second = startWorker({QStringLiteral("event-wait"), QStringLiteral("--event"), event});
    QTRY_COMPARE_WITH_TIMEOUT(syncState(event).waiting, 2, kProcessTimeoutMs);
    QVERIFY(!syncState(event).flag);

    QCOMPARE(runWorker({QStringLiteral("event-set"), QStringLiteral("--event"), event}).exitCode, 0);
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
    const QStringList data{QStringLiteral("--condition"), condition, QStringLiteral("--segment"), segmentName,
                           QStringLiteral("--layout"), QStringLiteral("ready:i; woken:i"),
                           QStringLiteral("--field"), QStringLiteral("ready")};
    std::vector<QProcess *> waiters;
    for (int i = 0; i < kWaiters; ++i)
        waiters.push_back(startWorker(QStringList{QStringLiteral("condition-wait")} + data +
                                      QStringList{QStringLiteral("--count-field"), QStringLiteral("woken")}));
    QTRY_COMPARE_WITH_TIMEOUT(syncState(condition).waiting, kWaiters, kProcessTimeoutMs);
    QCOMPARE(readValue<qint32>(*segment, 4), 0); // nobody passed before the predicate held

    QCOMPARE(runWorker(QStringList{QStringLiteral("condition-notify")} + data).exitCode, 0);
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
    QTest::addRow("sequential inc") << QStringList{QStringLiteral("--pattern"), QStringLiteral("inc"), QStringLiteral("--iterations"), QStringLiteral("6")}
                                    << QVector<qint32>{1, 2, 3, 4, 5, 6};
    QTest::addRow("sequential wraps around")
        << QStringList{QStringLiteral("--pattern"), QStringLiteral("inc"), QStringLiteral("--iterations"), QStringLiteral("8")}
        << QVector<qint32>{7, 8, 3, 4, 5, 6};
    QTest::addRow("sweep turns at the ends") // indices 0 1 2 3 4 5 4 3 2 1 0 1
        << QStringList{QStringLiteral("--mode"), QStringLiteral("sweep"), QStringLiteral("--pattern"), QStringLiteral("dec"),
                       QStringLiteral("--iterations"), QStringLiteral("12")}
        << QVector<qint32>{-11, -12, -9, -8, -7, -6};
    QTest::addRow("one value everywhere")
        << QStringList{QStringLiteral("--value"), QStringLiteral("0x7f"), QStringLiteral("--iterations"), QStringLiteral("6")}
        << QVector<qint32>{127, 127, 127, 127, 127, 127};
    QTest::addRow("a value wraps like ctypes")
        << QStringList{QStringLiteral("--value"), QStringLiteral("4294967297"), QStringLiteral("--iterations"), QStringLiteral("2")}
        << QVector<qint32>{1, 1, 0, 0, 0, 0};
}

void WorkersTest::arrayWriterWritesItsPattern()
{
    QFETCH(QStringList, arguments);
    QFETCH(QVector<qint32>, expected);
    const QString segmentName = uniqueName();
    Segment *segment = createSegment(segmentName, 4 * 6);
    QVERIFY(segment);
    const Finished done = runWorker(QStringList{QStringLiteral("array"), QStringLiteral("--segment"), segmentName,
                                                QStringLiteral("--layout"), QStringLiteral("a:i[6]"),
                                                QStringLiteral("--field"), QStringLiteral("a"),
                                                QStringLiteral("--rate"), QStringLiteral("0")} + arguments);
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

    const Finished done = runWorker({QStringLiteral("counter"), QStringLiteral("--segment"), segmentName,
                                     QStringLiteral("--layout"), QStringLiteral("pad:q; counter:q"),
                                     QStringLiteral("--field"), QStringLiteral("counter"),
                                     QStringLiteral("--iterations"), QString::number(kIterations),
                                     QStringLiteral("--lock"), lockName, QStringLiteral("--log"), logName});
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

// --- Life and death ---------------------------------------------------------------------------------

void WorkersTest::workerDiesWithItsParent()
{
    const QString lockName = uniqueName();
    QVERIFY(createSync(lockName, SyncKind::Lock));
    // Orphans are re-parented to us instead of init, so we can reap the worker and see how it died.
    QCOMPARE(prctl(PR_SET_CHILD_SUBREAPER, 1), 0);

    // Everything the forked child needs is prepared before fork(): after it, only async-signal-safe
    // calls (fork, execv, write, pause, _exit).
    const QByteArray program = m_worker.toLocal8Bit();
    const QByteArray lockArgument = lockName.toLocal8Bit();
    const char *argv[] = {program.constData(), "holder", "--lock", lockArgument.constData(),
                          "--hold-ms", "600000", nullptr};
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
    m_forked.push_back(parent);
    close(pipeFds[1]);
    pid_t worker = 0;
    const bool gotPid = read(pipeFds[0], &worker, sizeof worker) == qint64(sizeof worker);
    close(pipeFds[0]);
    QVERIFY(gotPid);
    m_forked.push_back(worker); // if a check fails before its parent dies, cleanup() ends it

    // Holding the lock proves the worker runs (and armed its parent-death signal first thing).
    QTRY_COMPARE_WITH_TIMEOUT(syncState(lockName).owner, worker, kProcessTimeoutMs);
    QCOMPARE(kill(parent, SIGKILL), 0);
    int status = 0;
    QCOMPARE(waitpid(parent, &status, 0), parent);
    m_forked.clear(); // the parent is reaped; the worker is reaped below

    // QTRY_* evaluates its expression again after success, so the reaping is latched.
    int workerStatus = 0;
    bool reaped = false;
    auto reapWorker = [&] { return reaped || (reaped = waitpid(worker, &workerStatus, WNOHANG) == worker); };
    QTRY_VERIFY_WITH_TIMEOUT(reapWorker(), kProcessTimeoutMs);
    QVERIFY(WIFSIGNALED(workerStatus));
    QCOMPARE(WTERMSIG(workerStatus), SIGKILL);
}

void WorkersTest::workerExitsWhenItsParentIsAlreadyGone()
{
    // --parent-pid names who must be our parent: anyone else means the real one died before the
    // worker could arm its death signal, so it must not run on as an orphan.
    const QString lockName = uniqueName();
    QVERIFY(createSync(lockName, SyncKind::Lock));
    const Finished done = runWorker({QStringLiteral("holder"), QStringLiteral("--lock"), lockName,
                                     QStringLiteral("--hold-ms"), QStringLiteral("600000"),
                                     QStringLiteral("--parent-pid"), QStringLiteral("1")});
    QCOMPARE(done.exitStatus, QProcess::NormalExit);
    QCOMPARE(done.exitCode, 4);
    QVERIFY(done.err.startsWith("shmscope-worker: parent process 1 is gone"));
    QCOMPARE(syncState(lockName).acquisitions, quint64(0));

    // Named correctly, the same worker runs.
    const Finished named = runWorker({QStringLiteral("holder"), QStringLiteral("--lock"), lockName,
                                      QStringLiteral("--hold-ms"), QStringLiteral("1"),
                                      QStringLiteral("--parent-pid"), QString::number(getpid())});
    QCOMPARE(named.exitCode, 0);
    QCOMPARE(syncState(lockName).acquisitions, quint64(1));
}

// --- Bad arguments ----------------------------------------------------------------------------------

void WorkersTest::badArgumentsFailCleanly_data()
{
    // %SEG% is an 8-byte segment, %SEM% a Semaphore and %MISSING% a name nothing has.
    QTest::addColumn<QString>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    const QString counter = QStringLiteral("counter --segment %SEG% --layout c:i --field c --iterations ");
    QTest::addRow("no kind") << QString() << 2 << QStringLiteral("no worker kind given");
    QTest::addRow("bad kind") << QStringLiteral("juggler") << 2 << QStringLiteral("unknown worker kind 'juggler'");
    QTest::addRow("unknown option") << counter + QStringLiteral("5 --colour red") << 2 << QStringLiteral("Unknown option 'colour'");
    QTest::addRow("stray argument") << counter + QStringLiteral("5 extra") << 2 << QStringLiteral("unexpected argument 'extra'");
    QTest::addRow("missing segment")
        << QStringLiteral("counter --segment %MISSING% --layout c:i --field c --iterations 5") << 3
        << QStringLiteral("segment '%MISSING%' not found");
    QTest::addRow("bad segment name")
        << QStringLiteral("counter --segment a/b --layout c:i --field c --iterations 5") << 2 << QStringLiteral("a/b");
    QTest::addRow("segment not given") << QStringLiteral("counter --layout c:i --field c --iterations 5") << 2
                                       << QStringLiteral("--segment is required");
    QTest::addRow("unknown field")
        << QStringLiteral("counter --segment %SEG% --layout c:i --field nope --iterations 5") << 2
        << QStringLiteral("field 'nope' is not in the layout");
    QTest::addRow("bad layout") << QStringLiteral("counter --segment %SEG% --layout c:x --field c --iterations 5") << 2
                                << QStringLiteral("unknown type code 'x'");
    QTest::addRow("non-integer field")
        << QStringLiteral("counter --segment %SEG% --layout c:d --field c --iterations 5") << 2
        << QStringLiteral("needs an integer field");
    QTest::addRow("field past the end")
        << QStringLiteral("counter --segment %SEG% --layout c:i[4] --field c --iterations 5") << 2
        << QStringLiteral("past the end of segment");
    QTest::addRow("iterations not a number") << counter + QStringLiteral("lots") << 2 << QStringLiteral("'lots' is not a whole number");
    QTest::addRow("iterations negative") << counter + QStringLiteral("-5") << 2 << QStringLiteral("out of range");
    QTest::addRow("iterations zero") << counter + QStringLiteral("0") << 2 << QStringLiteral("out of range");
    QTest::addRow("iterations missing") << QStringLiteral("counter --segment %SEG% --layout c:i --field c") << 2
                                        << QStringLiteral("--iterations is required");
    QTest::addRow("delay not a number") << counter + QStringLiteral("5 --delay-us 1e3") << 2 << QStringLiteral("--delay-us '1e3'");
    QTest::addRow("missing lock") << counter + QStringLiteral("5 --lock %MISSING%") << 3 << QStringLiteral("lock '%MISSING%' not found");
    QTest::addRow("lock that is a semaphore") << counter + QStringLiteral("5 --lock %SEM%") << 2 << QStringLiteral("is a Semaphore, not a Lock or RLock");
    QTest::addRow("both lock modes") << counter + QStringLiteral("5 --lock %SEM% --per-access-lock %SEM%") << 2 << QStringLiteral("not both");
    QTest::addRow("missing op log") << counter + QStringLiteral("5 --log %MISSING%") << 3 << QStringLiteral("op log '%MISSING%' not found");
    QTest::addRow("array mode unknown")
        << QStringLiteral("array --segment %SEG% --layout a:i[2] --field a --value 1 --mode zigzag") << 2 << QStringLiteral("'zigzag' is not one of");
    QTest::addRow("array value and pattern")
        << QStringLiteral("array --segment %SEG% --layout a:i[2] --field a --value 1 --pattern inc") << 2
        << QStringLiteral("give exactly one of --value, --pattern");
    QTest::addRow("array value of the wrong type")
        << QStringLiteral("array --segment %SEG% --layout a:i[2] --field a --value 1.5") << 2 << QStringLiteral("--value for field 'a'");
    QTest::addRow("array rate negative")
        << QStringLiteral("array --segment %SEG% --layout a:i[2] --field a --value 1 --rate -1") << 2 << QStringLiteral("--rate '-1'");
    QTest::addRow("producer without semaphores")
        << QStringLiteral("producer --segment %SEG% --layout head:h;tail:h;items:i --items 5") << 2 << QStringLiteral("--empty is required");
    QTest::addRow("barrier rounds zero") << QStringLiteral("barrier --barrier %SEM% --rounds 0") << 2 << QStringLiteral("out of range");
    QTest::addRow("barrier that is a semaphore") << QStringLiteral("barrier --barrier %SEM% --rounds 3") << 2 << QStringLiteral("not a Barrier");
    QTest::addRow("event missing") << QStringLiteral("event-wait --event %MISSING%") << 3 << QStringLiteral("event '%MISSING%' not found");
    QTest::addRow("holder without hold time") << QStringLiteral("holder --lock %SEM%") << 2 << QStringLiteral("--hold-ms is required");
}

void WorkersTest::badArgumentsFailCleanly()
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

QTEST_GUILESS_MAIN(WorkersTest)
#include "tst_workers.moc"
