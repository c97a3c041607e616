// The timeline's rewind: bytes at any moment rebuilt from keyframes plus the logged writes, lock
// holders from ACQUIRE/RELEASE, memory under its cap, and the log as CSV. The rewinds are checked
// against snapshots polled while a real shmscope-worker wrote.

#include "layout.h"
#include "oplog.h"
#include "segment.h"
#include "snapshot.h"
#include "stepcontrol.h"
#include "timeline/timelinecsv.h"
#include "timeline/timelinerecorder.h"

#include <QBuffer>
#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>
#include <ctime>
#include <memory>
#include <unistd.h>

using namespace ShmScope;

Q_DECLARE_METATYPE(ShmScope::OpValue)

namespace {

constexpr qint64 kStepTimeoutMs = 10000;

qint64 monotonicNow()
{
    timespec now {};
    ::clock_gettime(CLOCK_MONOTONIC, &now);
    return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

QString workerProgram()
{
    return QDir(qEnvironmentVariable("SHMSCOPE_BIN_DIR")).filePath(QStringLiteral("shmscope-worker"));
}

OpLogEntry entryOf(quint64 index, qint64 timeNs, pid_t pid, OpCode op, quint64 target, OpValue oldValue,
    OpValue newValue, const QString &tag)
{
    OpLogEntry entry;
    entry.index = index;
    entry.timeNs = timeNs;
    entry.pid = pid;
    entry.op = op;
    entry.target = target;
    entry.oldValue = oldValue;
    entry.newValue = newValue;
    entry.tag = tag;
    return entry;
}

Layout layoutOf(const QString &spec)
{
    LayoutError error;
    const std::optional<Layout> layout = Layout::parse(spec, &error);
    return layout ? *layout : Layout();
}

} // namespace

// One polled moment: the whole segment, stamped with the moment its read began.
struct Polled {
    qint64 timeNs;
    QByteArray bytes;
};

class TestTimeline : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void writesAreEncodedAtTheirWidth_data();
    void writesAreEncodedAtTheirWidth();
    void registerAddIsNotAMemoryWrite();
    void entriesArrivingOutOfOrderAreMerged();
    void nothingBeforeTheFirstKeyframe();
    void unloggedWriteIsKeptFromThePoll();
    void scrubbingBackReproducesSteppedWorkerExactly();
    void scrubbingBackReproducesFreeRunningWorker();
    void lockHoldersFollowAcquireAndRelease();
    void realLockHasOneHolderAtATime();
    void memoryStaysUnderTheCap();
    void csvHasHeaderAndOneLinePerEntry();
    void csvFileIsWritten();

private:
    QString uniqueName();
    QProcess *startWorker(const QStringList &arguments);
    QVector<OpLogEntry> drain(OpLogReader &reader);
    // One poll of the GUI's timeline feed in miniature: the log drained first, then the segment copied
    // (a snapshot is the truth as of its read's start) and handed to the recorder.
    Polled pollInto(TimelineRecorder &recorder, int track, OpLogReader &reader, const Segment &segment);

    int m_counter = 0;
    QStringList m_segments;
    QStringList m_logs;
    std::vector<std::unique_ptr<QProcess>> m_processes;
};

void TestTimeline::initTestCase()
{
    QVERIFY2(QFileInfo(workerProgram()).isExecutable(), qPrintable(workerProgram()));
}

void TestTimeline::cleanup()
{
    for (auto &process : m_processes) {
        if (process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished(5000);
        }
    }
    m_processes.clear();
    for (const QString &name : std::as_const(m_segments)) {
        SegmentError ignored;
        Segment::unlinkByName(name, &ignored);
    }
    for (const QString &name : std::as_const(m_logs)) {
        QString ignored;
        OpLog::remove(name, &ignored);
    }
    m_segments.clear();
    m_logs.clear();
}

QString TestTimeline::uniqueName()
{
    return QStringLiteral("shmscope-test-%1-%2").arg(::getpid()).arg(++m_counter);
}

QProcess *TestTimeline::startWorker(const QStringList &arguments)
{
    auto process = std::make_unique<QProcess>();
    process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process->start(workerProgram(),
        arguments + QStringList { QStringLiteral("--parent-pid"), QString::number(::getpid()) });
    if (!process->waitForStarted(10000))
        return nullptr;
    m_processes.push_back(std::move(process));
    return m_processes.back().get();
}

QVector<OpLogEntry> TestTimeline::drain(OpLogReader &reader)
{
    QVector<OpLogEntry> all;
    for (;;) {
        const OpLogReader::Batch batch = reader.readAvailable();
        all += batch.entries;
        if (batch.entries.isEmpty())
            return all;
    }
}

Polled TestTimeline::pollInto(TimelineRecorder &recorder, int track, OpLogReader &reader, const Segment &segment)
{
    recorder.addEntries(drain(reader));
    const qint64 readStartNs = monotonicNow();
    const Snapshot snapshot = takeSnapshot(segment, 0, segment.size());
    recorder.addSnapshot(track, readStartNs, snapshot.bytes);
    return Polled { readStartNs, snapshot.bytes };
}

void TestTimeline::writesAreEncodedAtTheirWidth_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<OpValue>("value");
    QTest::addColumn<QByteArray>("expected");
    QTest::addRow("i") << "x:i" << OpValue::ofInt(1) << QByteArray::fromHex("01000000");
    QTest::addRow("i negative") << "x:i" << OpValue::ofInt(-2) << QByteArray::fromHex("feffffff");
    QTest::addRow("b wraps like ctypes") << "x:b" << OpValue::ofInt(300) << QByteArray::fromHex("2c");
    QTest::addRow("H") << "x:H" << OpValue::ofInt(0xBEEF) << QByteArray::fromHex("efbe");
    QTest::addRow("q") << "x:q" << OpValue::ofInt(Q_INT64_C(0x0102030405060708))
                       << QByteArray::fromHex("0807060504030201");
    QTest::addRow("d") << "x:d" << OpValue::ofDouble(3.14) << QByteArray::fromHex("1f85eb51b81e0940");
    QTest::addRow("f") << "x:f" << OpValue::ofDouble(1.5) << QByteArray::fromHex("0000c03f");
    QTest::addRow("c") << "x:c" << OpValue::ofInt('A') << QByteArray("A");
}

void TestTimeline::writesAreEncodedAtTheirWidth()
{
    QFETCH(QString, spec);
    QFETCH(OpValue, value);
    QFETCH(QByteArray, expected);
    // The field sits after a guard byte array, so a write too wide would show in the guard.
    const Layout layout = layoutOf(QStringLiteral("guard:B[8]; ") + spec + QStringLiteral("; tail:B[8]"));
    QVERIFY(!layout.isEmpty());
    const LayoutField *field = layout.field(QStringLiteral("x"));
    TimelineRecorder recorder;
    const int track = recorder.addSegment(QStringLiteral("data"), layout);
    recorder.addSnapshot(track, 100, QByteArray(int(layout.size()), '\xAA'));
    recorder.addEntries({ entryOf(
        0, 200, 7, OpCode::Write, quint64(field->offset), OpValue::none(), value, QStringLiteral("x")) });

    QByteArray wanted(int(layout.size()), '\xAA');
    wanted.replace(int(field->offset), expected.size(), expected);
    QCOMPARE(recorder.bytesAt(track, 199), QByteArray(int(layout.size()), '\xAA'));
    QCOMPARE(recorder.bytesAt(track, 200).toHex(), wanted.toHex());
}

void TestTimeline::registerAddIsNotAMemoryWrite()
{
    // The counter's LOAD, ADD, STORE: the ADD changes the register r only; a barrier's atomic ADD
    // (no LOAD before it) changes memory.
    const Layout layout = layoutOf(QStringLiteral("counter:i; arrived:i"));
    TimelineRecorder recorder;
    const int track = recorder.addSegment(QStringLiteral("data"), layout);
    recorder.addSnapshot(track, 100, QByteArray::fromHex("0500000000000000"));
    recorder.addEntries({
        entryOf(0, 200, 7, OpCode::Load, 0, OpValue::none(), OpValue::ofInt(5), QStringLiteral("counter")),
        entryOf(1, 300, 7, OpCode::Add, 0, OpValue::ofInt(5), OpValue::ofInt(6), QStringLiteral("counter")),
        entryOf(2, 400, 7, OpCode::Store, 0, OpValue::ofInt(5), OpValue::ofInt(6), QStringLiteral("counter")),
        entryOf(3, 500, 8, OpCode::Add, 4, OpValue::ofInt(0), OpValue::ofInt(1), QStringLiteral("arrived")),
        entryOf(4, 600, 7, OpCode::Add, 0, OpValue::ofInt(6), OpValue::ofInt(9), QStringLiteral("counter")),
    });
    QCOMPARE(
        recorder.bytesAt(track, 350).toHex(), QByteArray("0500000000000000")); // after ADD: memory still 5
    QCOMPARE(recorder.bytesAt(track, 400).toHex(), QByteArray("0600000000000000"));
    QCOMPARE(recorder.bytesAt(track, 500).toHex(), QByteArray("0600000001000000"));
    // After its STORE, the same process's next ADD without a LOAD is a memory write again.
    QCOMPARE(recorder.bytesAt(track, 600).toHex(), QByteArray("0900000001000000"));
}

void TestTimeline::entriesArrivingOutOfOrderAreMerged()
{
    const Layout layout = layoutOf(QStringLiteral("v:i[2]"));
    TimelineRecorder recorder;
    const int track = recorder.addSegment(QStringLiteral("data"), layout);
    recorder.addSnapshot(track, 100, QByteArray(8, '\0'));
    recorder.addEntries(
        { entryOf(1, 300, 7, OpCode::Write, 0, OpValue::none(), OpValue::ofInt(3), QString()) });
    recorder.addEntries(
        { entryOf(0, 200, 8, OpCode::Write, 0, OpValue::none(), OpValue::ofInt(2), QString()) });
    QCOMPARE(recorder.entryCount(), 2);
    QCOMPARE(recorder.entry(0).timeNs, 200);
    QCOMPARE(recorder.bytesAt(track, 250).toHex(), QByteArray("0200000000000000"));
    QCOMPARE(recorder.bytesAt(track, 300).toHex(), QByteArray("0300000000000000"));
    QCOMPARE(recorder.pids(), (QVector<pid_t> { 7, 8 }));
}

void TestTimeline::nothingBeforeTheFirstKeyframe()
{
    TimelineRecorder recorder;
    const int track = recorder.addSegment(QStringLiteral("data"), layoutOf(QStringLiteral("v:i")));
    bool available = true;
    QVERIFY(recorder.bytesAt(track, 1000, &available).isEmpty());
    QVERIFY(!available);
    recorder.addSnapshot(track, 500, QByteArray(4, '\x01'));
    QVERIFY(recorder.bytesAt(track, 499, &available).isEmpty());
    QVERIFY(!available);
    QCOMPARE(recorder.bytesAt(track, 500, &available), QByteArray(4, '\x01'));
    QVERIFY(available);
    QVERIFY(recorder.bytesAt(7, 500, &available).isEmpty()); // no such track
    QVERIFY(!available);
}

void TestTimeline::unloggedWriteIsKeptFromThePoll()
{
    // A Python script writes without a log: only polling sees it, and the rewind keeps it.
    const Layout layout = layoutOf(QStringLiteral("v:i[2]"));
    TimelineRecorder recorder(TimelineRecorder::kDefaultMemoryCap, 1000);
    const int track = recorder.addSegment(QStringLiteral("data"), layout);
    recorder.addSnapshot(track, 100, QByteArray::fromHex("0100000002000000"));
    recorder.addEntries({entryOf(0, 150, 7, OpCode::Write, 0, OpValue::none(), OpValue::ofInt(5), QString())});
    recorder.addSnapshot(track, 200, QByteArray::fromHex("0500000002000000")); // explained by the WRITE
    recorder.addSnapshot(track, 300, QByteArray::fromHex("0500000009000000")); // nobody logged v[1] = 9
    QCOMPARE(recorder.keyframeCount(track), 2);
    QCOMPARE(recorder.unexplainedSnapshots(), quint64(1));
    QCOMPARE(recorder.polledChanges(), (std::deque<qint64>{300}));
    QCOMPARE(recorder.bytesAt(track, 250).toHex(), QByteArray("0500000002000000"));
    QCOMPARE(recorder.bytesAt(track, 300).toHex(), QByteArray("0500000009000000"));
}

// A stepped array writer: each step is one WRITE, logged before the worker stops again, so a
// snapshot taken between steps is a fixed point the rewind must hit exactly.
void TestTimeline::scrubbingBackReproducesSteppedWorkerExactly()
{
    const QString spec = QStringLiteral("values:i[16]; temps:d[4]");
    const Layout layout = layoutOf(spec);
    const QString name = uniqueName();
    const QString logName = uniqueName();
    SegmentError segmentError;
    std::unique_ptr<Segment> segment = Segment::create(name, layout.size(), &segmentError);
    QVERIFY2(segment, qPrintable(segmentError.message));
    m_segments << name;
    QString error;
    std::unique_ptr<OpLog> log = OpLog::create(logName, 4096, &error);
    QVERIFY2(log, qPrintable(error));
    m_logs << logName;
    OpLogReader reader(*log);

    constexpr int kWrites = 120;
    constexpr int kKeyframeEvery = 16;
    TimelineRecorder recorder(TimelineRecorder::kDefaultMemoryCap, kKeyframeEvery);
    const int track = recorder.addSegment(name, layout);
    QVector<Polled> polled;
    const auto poll = [&] { polled << pollInto(recorder, track, reader, *segment); };
    poll();

    QProcess *worker = startWorker({ QStringLiteral("array"), QStringLiteral("--segment"), name,
        QStringLiteral("--layout"), spec, QStringLiteral("--field"), QStringLiteral("values"),
        QStringLiteral("--mode"), QStringLiteral("random"), QStringLiteral("--pattern"),
        QStringLiteral("wave"), QStringLiteral("--rate"), QStringLiteral("0"), QStringLiteral("--iterations"),
        QString::number(kWrites), QStringLiteral("--step"), QStringLiteral("--log"), logName });
    QVERIFY(worker);
    const pid_t pid = pid_t(worker->processId());
    StepStatus status;
    QVERIFY2(waitUntilStopped(pid, kStepTimeoutMs, &status, &error), qPrintable(error));
    for (int step = 0; step < kWrites; ++step) {
        StepOutcome outcome;
        QVERIFY2(releaseOneStep(pid, kStepTimeoutMs, &outcome, &error), qPrintable(error));
        QCOMPARE(outcome.stepDone, QStringLiteral("WRITE"));
        poll();
    }
    QVERIFY(worker->waitForFinished(kStepTimeoutMs));
    QCOMPARE(worker->exitCode(), 0);
    poll();

    // Every polled moment comes back byte for byte, and the log explained every change.
    int rebuiltFromWrites = 0;
    for (const Polled &moment : std::as_const(polled)) {
        bool available = false;
        QCOMPARE(recorder.bytesAt(track, moment.timeNs, &available).toHex(), moment.bytes.toHex());
        QVERIFY(available);
        if (moment.bytes != polled.first().bytes)
            ++rebuiltFromWrites;
    }
    QVERIFY(rebuiltFromWrites > kWrites / 2);
    QCOMPARE(recorder.unexplainedSnapshots(), quint64(0));
    QVERIFY2(recorder.keyframeCount(track) < polled.size() / 4,
        qPrintable(QStringLiteral("%1 keyframes for %2 snapshots")
                       .arg(recorder.keyframeCount(track))
                       .arg(polled.size())));
    // Between two polls there was exactly one WRITE: just before it, the previous poll's bytes.
    int writesSeen = 0;
    for (qsizetype i = 0; i < recorder.entryCount(); ++i) {
        const TimelineEntry &entry = recorder.entry(i);
        if (entry.op != OpCode::Write)
            continue;
        const auto after = std::find_if(polled.cbegin(), polled.cend(),
            [&](const Polled &moment) { return moment.timeNs >= entry.timeNs; });
        QVERIFY(after != polled.cbegin() && after != polled.cend());
        QCOMPARE(recorder.bytesAt(track, entry.timeNs - 1), (after - 1)->bytes);
        QCOMPARE(recorder.bytesAt(track, entry.timeNs), after->bytes);
        ++writesSeen;
    }
    QCOMPARE(writesSeen, kWrites);
    // The final bytes in shared memory are the rebuilt end.
    QCOMPARE(recorder.bytesAt(track, recorder.latestNs()), segment->read(0, segment->size()));
}

// A free-running counter (LOAD, ADD, STORE) polled while it runs: every polled image comes back,
// and the end rebuilt from the log equals the bytes the worker left.
void TestTimeline::scrubbingBackReproducesFreeRunningWorker()
{
    const QString spec = QStringLiteral("counter:i; other:q");
    const Layout layout = layoutOf(spec);
    const QString name = uniqueName();
    const QString logName = uniqueName();
    SegmentError segmentError;
    std::unique_ptr<Segment> segment = Segment::create(name, layout.size(), &segmentError);
    QVERIFY2(segment, qPrintable(segmentError.message));
    m_segments << name;
    QString error;
    std::unique_ptr<OpLog> log = OpLog::create(logName, 1 << 16, &error);
    QVERIFY2(log, qPrintable(error));
    m_logs << logName;
    OpLogReader reader(*log);

    TimelineRecorder recorder(TimelineRecorder::kDefaultMemoryCap, 512);
    const int track = recorder.addSegment(name, layout);
    QVector<Polled> polled;
    const auto poll = [&] { polled << pollInto(recorder, track, reader, *segment); };
    poll();
    constexpr int kIterations = 5000;
    QProcess *worker = startWorker({ QStringLiteral("counter"), QStringLiteral("--segment"), name,
        QStringLiteral("--layout"), spec, QStringLiteral("--field"), QStringLiteral("counter"),
        QStringLiteral("--iterations"), QString::number(kIterations), QStringLiteral("--log"), logName });
    QVERIFY(worker);
    QTRY_VERIFY_WITH_TIMEOUT((poll(), worker->state() == QProcess::NotRunning), 30000);
    QCOMPARE(worker->exitCode(), 0);
    poll();

    for (const Polled &moment : std::as_const(polled))
        QCOMPARE(recorder.bytesAt(track, moment.timeNs).toHex(), moment.bytes.toHex());
    QCOMPARE(recorder.entriesLost(), quint64(0));
    // LOAD + ADD + STORE per increment, plus START and EXIT.
    QCOMPARE(recorder.entryCount(), qsizetype(3 * kIterations + 2));
    const QByteArray end = segment->read(0, segment->size());
    QCOMPARE(qFromLittleEndian<qint32>(end.constData()), kIterations);
    QCOMPARE(recorder.bytesAt(track, recorder.latestNs()).toHex(), end.toHex());
    // Rewound to just after the k-th STORE, the counter holds k: the register ADDs never leaked in.
    int stores = 0;
    for (qsizetype i = 0; i < recorder.entryCount(); ++i) {
        const TimelineEntry &entry = recorder.entry(i);
        if (entry.op == OpCode::Store && ++stores % 97 == 0) {
            const QByteArray bytes = recorder.bytesAt(track, entry.timeNs);
            QCOMPARE(qFromLittleEndian<qint32>(bytes.constData()), stores);
        }
    }
    QCOMPARE(stores, kIterations);
}

void TestTimeline::lockHoldersFollowAcquireAndRelease()
{
    TimelineRecorder recorder;
    recorder.addLock(QStringLiteral("x1-lock"), QStringLiteral("lock"));
    recorder.addLock(QStringLiteral("x1-cond"), QStringLiteral("cond"));
    const quint64 lock = syncObjectId(QStringLiteral("x1-lock"));
    const quint64 cond = syncObjectId(QStringLiteral("x1-cond"));
    const quint64 semaphore = syncObjectId(QStringLiteral("x1-sem"));
    recorder.addEntries({
        entryOf(0, 100, 7, OpCode::Acquire, lock, OpValue::ofInt(0), OpValue::ofInt(1),
            QStringLiteral("x1-lock")),
        entryOf(1, 200, 7, OpCode::Release, lock, OpValue::ofInt(1), OpValue::ofInt(0),
            QStringLiteral("x1-lock")),
        entryOf(2, 250, 8, OpCode::Acquire, lock, OpValue::ofInt(0), OpValue::ofInt(1),
            QStringLiteral("x1-lock")),
        entryOf(3, 300, 9, OpCode::Acquire, cond, OpValue::ofInt(0), OpValue::ofInt(1),
            QStringLiteral("x1-cond")),
        entryOf(
            4, 400, 9, OpCode::Wait, cond, OpValue::ofInt(1), OpValue::ofInt(0), QStringLiteral("x1-cond")),
        entryOf(5, 450, 10, OpCode::Acquire, semaphore, OpValue::ofInt(2), OpValue::ofInt(1),
            QStringLiteral("x1-sem")),
    });
    const auto holderAt = [&](int lane, qint64 t) { return recorder.locksAt(t).value(lane).holder; };
    QCOMPARE(recorder.locksAt(0).size(), 2); // the semaphore's ACQUIRE makes no lock lane
    QCOMPARE(recorder.locksAt(0).at(0).name, QStringLiteral("lock"));
    QCOMPARE(holderAt(0, 99), pid_t(0));
    QCOMPARE(holderAt(0, 100), pid_t(7));
    QCOMPARE(holderAt(0, 199), pid_t(7));
    QCOMPARE(holderAt(0, 200), pid_t(0));
    QCOMPARE(holderAt(0, 1000), pid_t(8)); // still held at the end
    QCOMPARE(recorder.locksAt(1000).at(0).sinceNs, 250);
    QCOMPARE(holderAt(1, 350), pid_t(9));
    QCOMPARE(holderAt(1, 400), pid_t(0)); // a Condition's wait gives the lock up
    QCOMPARE(recorder.lockHistory().intervals(lock).size(), 2);

    // A RELEASE lost to an overrun (or a holder that died): the next ACQUIRE ends the old hold.
    recorder.addEntries({entryOf(7, 1100, 11, OpCode::Acquire, lock, OpValue::ofInt(0), OpValue::ofInt(1),
                                 QStringLiteral("x1-lock"))});
    QCOMPARE(holderAt(0, 1099), pid_t(8));
    QCOMPARE(holderAt(0, 1100), pid_t(11));
    QCOMPARE(recorder.lockHistory().intervals(lock).at(1).endNs, 1100);
}

void TestTimeline::realLockHasOneHolderAtATime()
{
    const QString spec = QStringLiteral("counter:i");
    const Layout layout = layoutOf(spec);
    const QString name = uniqueName();
    const QString logName = uniqueName();
    const QString lockName = uniqueName();
    SegmentError segmentError;
    std::unique_ptr<Segment> segment = Segment::create(name, layout.size(), &segmentError);
    QVERIFY2(segment, qPrintable(segmentError.message));
    m_segments << name;
    QString error;
    QVERIFY2(createSyncObject(lockName, SyncKind::Lock, 1, &error), qPrintable(error));
    std::unique_ptr<OpLog> log = OpLog::create(logName, 1 << 16, &error);
    QVERIFY2(log, qPrintable(error));
    m_logs << logName;
    auto removeLock = qScopeGuard([&] {
        QString ignored;
        removeSyncObject(lockName, &ignored);
    });
    OpLogReader reader(*log);
    TimelineRecorder recorder;
    recorder.addLock(lockName, QStringLiteral("lock"));

    constexpr int kIterations = 300;
    QVector<QProcess *> workers;
    QSet<pid_t> pids; // QProcess forgets a pid once the process has finished
    for (int i = 0; i < 2; ++i) {
        workers << startWorker({ QStringLiteral("counter"), QStringLiteral("--segment"), name,
            QStringLiteral("--layout"), spec, QStringLiteral("--field"), QStringLiteral("counter"),
            QStringLiteral("--iterations"), QString::number(kIterations), QStringLiteral("--lock"), lockName,
            QStringLiteral("--log"), logName });
        QVERIFY(workers.last());
        pids.insert(pid_t(workers.last()->processId()));
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        (recorder.addEntries(drain(reader)),
            workers[0]->state() == QProcess::NotRunning && workers[1]->state() == QProcess::NotRunning),
        30000);
    recorder.addEntries(drain(reader));
    QCOMPARE(qFromLittleEndian<qint32>(segment->read(0, 4).constData()), 2 * kIterations);

    const quint64 target = syncObjectId(lockName);
    const QVector<LockInterval> &intervals = recorder.lockHistory().intervals(target);
    QCOMPARE(intervals.size(), 2 * kIterations);
    for (qsizetype i = 0; i < intervals.size(); ++i) {
        QVERIFY(pids.contains(intervals.at(i).holder));
        QVERIFY(intervals.at(i).endNs >= intervals.at(i).startNs);
        if (i > 0) // RELEASE is logged while still held: the next hold starts after it
            QVERIFY2(intervals.at(i - 1).endNs <= intervals.at(i).startNs, qPrintable(QString::number(i)));
        const qint64 middle = (intervals.at(i).startNs + intervals.at(i).endNs) / 2;
        QCOMPARE(recorder.locksAt(middle).at(0).holder, intervals.at(i).holder);
    }
}

void TestTimeline::memoryStaysUnderTheCap()
{
    constexpr qint64 kCap = 1024 * 1024;
    constexpr int kElements = 1024;
    const Layout layout = layoutOf(QStringLiteral("v:i[%1]").arg(kElements));
    TimelineRecorder recorder(kCap, 1000);
    const int track = recorder.addSegment(QStringLiteral("data"), layout);

    // A reference image kept beside it, written the same way, checked at the polled moments.
    QByteArray live(int(layout.size()), '\0');
    QVector<Polled> polled;
    qint64 now = 1000;
    quint64 index = 0;
    recorder.addSnapshot(track, now, live);
    polled << Polled { now, live };
    qint64 peak = 0;
    for (int batch = 0; batch < 200; ++batch) {
        QVector<OpLogEntry> entries;
        for (int k = 0; k < 500; ++k) {
            const int element = int((index * 7919) % kElements);
            const qint32 value = qint32(index);
            qToLittleEndian<qint32>(value, live.data() + element * 4);
            entries << entryOf(index++, ++now, 42, OpCode::Write, quint64(element * 4), OpValue::none(),
                OpValue::ofInt(value), QStringLiteral("v"));
        }
        recorder.addEntries(entries);
        peak = qMax(peak, recorder.memoryBytes());
        recorder.addSnapshot(track, ++now, live);
        polled << Polled { now, live };
        peak = qMax(peak, recorder.memoryBytes());
    }
    QVERIFY2(peak <= kCap, qPrintable(QStringLiteral("peak %1 > cap %2").arg(peak).arg(kCap)));
    QVERIFY(recorder.entriesDropped() > 0); // 100,000 entries × 64 bytes would not have fitted
    QVERIFY(recorder.earliestNs() > polled.first().timeNs);
    // What is left of the history still rewinds exactly.
    int checked = 0;
    for (const Polled &moment : std::as_const(polled)) {
        if (moment.timeNs < recorder.earliestNs())
            continue;
        QCOMPARE(recorder.bytesAt(track, moment.timeNs), moment.bytes);
        ++checked;
    }
    QVERIFY(checked >= 10);
}

void TestTimeline::csvHasHeaderAndOneLinePerEntry()
{
    TimelineRecorder recorder;
    const quint64 lock = syncObjectId(QStringLiteral("x1-lock"));
    recorder.addEntries({
        entryOf(0, 1'000'000'000, 7, OpCode::Load, 0, OpValue::none(), OpValue::ofInt(5),
            QStringLiteral("counter")),
        entryOf(1, 1'500'000'000, 7, OpCode::Write, 8, OpValue::ofDouble(0.5), OpValue::ofDouble(3.25),
            QStringLiteral("a,\"b\"")),
        entryOf(2, 2'000'000'000, 8, OpCode::Acquire, lock, OpValue::ofInt(0), OpValue::ofInt(1),
            QStringLiteral("x1-lock")),
    });
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QString error;
    QVERIFY2(writeTimelineCsv(recorder, &buffer, &error), qPrintable(error));
    const QStringList lines = QString::fromUtf8(buffer.data()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1 + 3);
    QCOMPARE(lines.at(0), timelineCsvHeader());
    QCOMPARE(lines.at(1), QStringLiteral("0,1000000000,0.000000000,7,LOAD,0,counter,,5,0"));
    QCOMPARE(lines.at(2), QStringLiteral("1,1500000000,0.500000000,7,WRITE,8,\"a,\"\"b\"\"\",0.5,3.25,0"));
    QCOMPARE(lines.at(3),
        QStringLiteral("2,2000000000,1.000000000,8,ACQUIRE,0x%1,x1-lock,0,1,0")
            .arg(lock, 16, 16, QLatin1Char('0')));
}

void TestTimeline::csvFileIsWritten()
{
    TimelineRecorder recorder;
    QTemporaryDir directory;
    QString error;
    const QString path = directory.filePath(QStringLiteral("log.csv"));
    QVERIFY2(writeTimelineCsvFile(recorder, path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), timelineCsvHeader().toUtf8() + '\n'); // empty log: the header only
    QVERIFY(
        !writeTimelineCsvFile(recorder, directory.filePath(QStringLiteral("missing/dir/log.csv")), &error));
    QVERIFY2(error.contains(QLatin1String("missing/dir")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestTimeline)
#include "tst_timeline.moc"
