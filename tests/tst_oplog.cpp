// The operation log: a lock-free ring written by several processes at once and read without ever
// blocking them. Checks that every entry is seen exactly once, that overrun is reported, and that
// no torn entry is ever returned.

#include "forkedchild.h"
#include "oplog.h"
#include "segment.h"

#include <QtTest>
#include <atomic>
#include <unistd.h>

using namespace ShmScope;
using ShmScopeTest::forkChild;
using ShmScopeTest::waitForChild;

class TestOpLog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cleanup();

    void entryRoundTrip_data();
    void entryRoundTrip();
    void tagIsCutAtACharacterBoundary();
    void opCodeNames();
    void concurrentWritersAreSeenExactlyOnce();
    void overrunIsReportedAndSkipped();
    void readerFallingBehindReportsLostEntries();
    void lappingWritersNeverYieldTornEntries();
    void claimedButUnwrittenSlotEndsTheBatchThenCountsLost();
    void readerFromNowSeesOnlyNewEntries();
    void readOnlyLogRefusesAppend();
    void badInputIsRefused_data();
    void badInputIsRefused();

private:
    QString uniqueName();
    QStringList m_names;
    int m_counter = 0;
};

QString TestOpLog::uniqueName()
{
    const QString name = QStringLiteral("shmscope-test-%1-%2").arg(::getpid()).arg(++m_counter);
    m_names << name;
    return name;
}

void TestOpLog::cleanup()
{
    for (const QString &name : std::as_const(m_names))
        OpLog::remove(name, nullptr);
    m_names.clear();
}

// Reads until the cursor reaches the head (or the timeout), accumulating every batch.
static OpLogReader::Batch drain(OpLogReader &reader, const OpLog &log, int timeoutMs = 10000)
{
    OpLogReader::Batch all;
    QElapsedTimer timer;
    timer.start();
    do {
        const OpLogReader::Batch batch = reader.readAvailable(4096, 50);
        all.entries += batch.entries;
        all.lostTotal += batch.lostTotal;
        all.lostAfterLast = batch.lostAfterLast;
    } while (reader.cursor() < log.head() && timer.elapsed() < timeoutMs);
    return all;
}

void TestOpLog::entryRoundTrip_data()
{
    QTest::addColumn<int>("op");
    QTest::addColumn<quint64>("target");
    QTest::addColumn<QVariant>("oldValue");
    QTest::addColumn<QVariant>("newValue");
    QTest::addColumn<QString>("tag");
    QTest::addRow("ints") << int(OpCode::Store) << quint64(16) << QVariant(qint64(41)) << QVariant(qint64(42))
                          << QStringLiteral("counter");
    QTest::addRow("negative") << int(OpCode::Add) << quint64(0) << QVariant(qint64(-2147483648LL))
                              << QVariant(qint64(-1)) << QStringLiteral("i");
    QTest::addRow("doubles") << int(OpCode::Write) << quint64(8) << QVariant(3.14) << QVariant(-0.5)
                             << QStringLiteral("temps");
    QTest::addRow("no values") << int(OpCode::Acquire) << ~quint64(0) << QVariant() << QVariant() << QString();
    QTest::addRow("long tag cut") << int(OpCode::Produce) << quint64(1) << QVariant(qint64(1))
                                  << QVariant(qint64(2)) << QStringLiteral("abcdefghijklmnop");
}

static OpValue toOpValue(const QVariant &value)
{
    if (!value.isValid())
        return OpValue::none();
    if (value.typeId() == QMetaType::Double)
        return OpValue::ofDouble(value.toDouble());
    return OpValue::ofInt(value.toLongLong());
}

void TestOpLog::entryRoundTrip()
{
    QFETCH(int, op);
    QFETCH(quint64, target);
    QFETCH(QVariant, oldValue);
    QFETCH(QVariant, newValue);
    QFETCH(QString, tag);
    QString error;
    auto log = OpLog::create(uniqueName(), 16, &error);
    QVERIFY2(log, qPrintable(error));
    const qint64 before = log->createdNs();
    QCOMPARE(log->append(OpCode(op), target, toOpValue(oldValue), toOpValue(newValue), tag), quint64(0));

    OpLogReader reader(*log);
    const OpLogReader::Batch batch = reader.readAvailable();
    QCOMPARE(batch.entries.size(), 1);
    QCOMPARE(batch.lostTotal, quint64(0));
    const OpLogEntry &entry = batch.entries.first();
    QCOMPARE(entry.index, quint64(0));
    QCOMPARE(int(entry.op), op);
    QCOMPARE(entry.target, target);
    QCOMPARE(entry.pid, ::getpid());
    QVERIFY(entry.timeNs >= before);
    QCOMPARE(entry.oldValue.type, toOpValue(oldValue).type);
    QCOMPARE(entry.oldValue.bits, toOpValue(oldValue).bits);
    QCOMPARE(entry.newValue.bits, toOpValue(newValue).bits);
    QCOMPARE(entry.tag, tag.left(12));
    if (oldValue.typeId() == QMetaType::Double)
        QCOMPARE(entry.oldValue.toString(), QString::number(oldValue.toDouble()));
    QVERIFY(reader.readAvailable().entries.isEmpty());
}

void TestOpLog::tagIsCutAtACharacterBoundary()
{
    auto log = OpLog::create(uniqueName(), 16, nullptr);
    QVERIFY(log);
    // 11 ASCII bytes, then a 2-byte character that would straddle the 12-byte limit.
    log->append(OpCode::Custom, 0, OpValue::none(), OpValue::none(), QStringLiteral("abcdefghijké"));
    OpLogReader reader(*log);
    QCOMPARE(reader.readAvailable().entries.first().tag, QStringLiteral("abcdefghijk"));
}

void TestOpLog::opCodeNames()
{
    QCOMPARE(opCodeName(OpCode::Load), QStringLiteral("LOAD"));
    QCOMPARE(opCodeName(OpCode::Release), QStringLiteral("RELEASE"));
    QCOMPARE(opCodeName(OpCode(999)), QStringLiteral("OP999"));
    OpCode op;
    QVERIFY(opCodeFromName(QStringLiteral("store"), &op));
    QCOMPARE(op, OpCode::Store);
    QVERIFY(!opCodeFromName(QStringLiteral("JUMP"), &op));
}

void TestOpLog::concurrentWritersAreSeenExactlyOnce()
{
    constexpr int kWriters = 4;
    constexpr int kPerWriter = 10000;
    const QString name = uniqueName();
    auto log = OpLog::create(name, kWriters * kPerWriter, nullptr);
    QVERIFY(log);
    OpLogReader reader(*log);

    QVector<pid_t> writers;
    for (int w = 0; w < kWriters; ++w) {
        writers << forkChild([&, w] {
            auto mine = OpLog::open(name, nullptr);
            if (!mine)
                return 2;
            for (int i = 0; i < kPerWriter; ++i)
                mine->append(OpCode::Store, quint64(w), OpValue::ofInt(i), OpValue::ofInt(i + 1), "writer");
            return 0;
        });
    }
    // Read while they write: the reader never blocks them, and still misses nothing.
    OpLogReader::Batch all;
    QElapsedTimer timer;
    timer.start();
    while (all.entries.size() < kWriters * kPerWriter && timer.elapsed() < 30000) {
        const OpLogReader::Batch batch = reader.readAvailable(1000, 5000);
        all.entries += batch.entries;
        all.lostTotal += batch.lostTotal;
    }
    for (pid_t writer : std::as_const(writers))
        QCOMPARE(waitForChild(writer), 0);

    QCOMPARE(all.lostTotal, quint64(0));
    QCOMPARE(all.entries.size(), kWriters * kPerWriter);
    QVector<int> nextPerWriter(kWriters, 0);
    for (int i = 0; i < all.entries.size(); ++i) {
        const OpLogEntry &entry = all.entries[i];
        QCOMPARE(entry.index, quint64(i)); // every seq exactly once, in order
        QVERIFY(entry.target < quint64(kWriters));
        // Each writer's own entries appear in the order it wrote them.
        QCOMPARE(entry.oldValue.toInt(), qint64(nextPerWriter[int(entry.target)]++));
        QCOMPARE(entry.newValue.toInt(), entry.oldValue.toInt() + 1);
    }
    for (int w = 0; w < kWriters; ++w)
        QCOMPARE(nextPerWriter[w], kPerWriter);
    QCOMPARE(log->head(), quint64(kWriters * kPerWriter));
}

void TestOpLog::overrunIsReportedAndSkipped()
{
    auto log = OpLog::create(uniqueName(), 16, nullptr);
    QVERIFY(log);
    QCOMPARE(log->capacity(), 16);
    for (int i = 0; i < 100; ++i)
        log->append(OpCode::Add, 0, OpValue::ofInt(i), OpValue::ofInt(i + 1));
    OpLogReader reader(*log);
    const OpLogReader::Batch batch = reader.readAvailable();
    QCOMPARE(batch.lostTotal, quint64(84));
    QCOMPARE(batch.entries.size(), 16);
    QCOMPARE(batch.entries.first().lostBefore, quint64(84));
    QCOMPARE(batch.entries.first().index, quint64(84));
    QCOMPARE(batch.entries.last().index, quint64(99));
    QCOMPARE(batch.entries.last().oldValue.toInt(), qint64(99));
    QCOMPARE(reader.lostTotal(), quint64(84));
}

void TestOpLog::readerFallingBehindReportsLostEntries()
{
    auto log = OpLog::create(uniqueName(), 10, nullptr); // rounded up to 16
    QVERIFY(log);
    QCOMPARE(log->capacity(), 16);
    OpLogReader reader(*log);
    for (int i = 0; i < 5; ++i)
        log->append(OpCode::Add, 0, OpValue::ofInt(i), OpValue::none());
    QCOMPARE(reader.readAvailable().entries.size(), 5);
    for (int i = 5; i < 55; ++i)
        log->append(OpCode::Add, 0, OpValue::ofInt(i), OpValue::none());
    const OpLogReader::Batch batch = reader.readAvailable();
    QCOMPARE(batch.lostTotal, quint64(55 - 16 - 5));
    QCOMPARE(batch.entries.size(), 16);
    QCOMPARE(batch.entries.first().oldValue.toInt(), qint64(39));
}

void TestOpLog::lappingWritersNeverYieldTornEntries()
{
    constexpr int kWriters = 4;
    constexpr int kPerWriter = 50000;
    const QString name = uniqueName();
    auto log = OpLog::create(name, 4, nullptr); // tiny on purpose: writers lap each other and the reader
    QVERIFY(log);
    OpLogReader reader(*log);
    QVector<pid_t> writers;
    for (int w = 0; w < kWriters; ++w) {
        writers << forkChild([&, w] {
            auto mine = OpLog::open(name, nullptr);
            for (int i = 0; i < kPerWriter; ++i) {
                // Redundant on purpose, so the test can tell a torn entry without the checksum.
                mine->append(OpCode::Write, quint64(w), OpValue::ofInt(i), OpValue::ofInt(i * 7 + w), "lap");
            }
            return 0;
        });
    }
    quint64 returned = 0;
    quint64 lost = 0;
    int torn = 0;
    auto check = [&](const OpLogReader::Batch &batch) {
        lost += batch.lostTotal;
        for (const OpLogEntry &entry : batch.entries) {
            ++returned;
            if (entry.newValue.toInt() != entry.oldValue.toInt() * 7 + qint64(entry.target)
                || entry.tag != QLatin1String("lap") || entry.op != OpCode::Write)
                ++torn;
        }
    };
    bool writersRunning = true;
    while (writersRunning) {
        check(reader.readAvailable(4096, 1000));
        writersRunning = false;
        for (pid_t writer : std::as_const(writers))
            writersRunning = writersRunning || ::kill(writer, 0) == 0;
        writersRunning = writersRunning && log->head() < quint64(kWriters * kPerWriter);
    }
    for (pid_t writer : std::as_const(writers))
        QCOMPARE(waitForChild(writer), 0);
    check(drain(reader, *log));
    QCOMPARE(torn, 0);
    QVERIFY(lost > 0); // a 4-slot ring cannot keep up with 200,000 entries
    QCOMPARE(returned + lost, log->head()); // every index accounted for exactly once
}

void TestOpLog::claimedButUnwrittenSlotEndsTheBatchThenCountsLost()
{
    const QString name = uniqueName();
    auto log = OpLog::create(name, 16, nullptr);
    QVERIFY(log);
    log->append(OpCode::Load, 0, OpValue::ofInt(1), OpValue::none());
    // A writer that claimed index 1 and died before writing it: bump the head (byte 64 of the
    // segment, after the 32-byte ObjectHeader and the ring's own fields) by hand.
    SegmentError segmentError;
    auto raw = Segment::attach(OpLog::segmentName(name), &segmentError);
    QVERIFY2(raw, qPrintable(segmentError.message));
    reinterpret_cast<std::atomic<quint64> *>(raw->data() + 64)->fetch_add(1);
    log->append(OpCode::Store, 0, OpValue::ofInt(2), OpValue::none());

    OpLogReader reader(*log);
    OpLogReader::Batch batch = reader.readAvailable(4096, 0);
    QCOMPARE(batch.entries.size(), 1); // stops before the unfinished slot: it may still come
    QCOMPARE(reader.cursor(), quint64(1));
    batch = reader.readAvailable(4096, 0); // still unfinished after staleMs: its writer is gone
    QCOMPARE(batch.entries.size(), 1);
    QCOMPARE(batch.entries.first().index, quint64(2));
    QCOMPARE(batch.entries.first().lostBefore, quint64(1));
}

void TestOpLog::readerFromNowSeesOnlyNewEntries()
{
    auto log = OpLog::create(uniqueName(), 16, nullptr);
    QVERIFY(log);
    log->append(OpCode::Load, 0, OpValue::none(), OpValue::none());
    OpLogReader reader(*log, OpLogReader::Start::Now);
    QVERIFY(reader.readAvailable().entries.isEmpty());
    log->append(OpCode::Store, 0, OpValue::none(), OpValue::none());
    const OpLogReader::Batch batch = reader.readAvailable();
    QCOMPARE(batch.entries.size(), 1);
    QCOMPARE(batch.entries.first().op, OpCode::Store);
}

void TestOpLog::readOnlyLogRefusesAppend()
{
    const QString name = uniqueName();
    auto log = OpLog::create(name, 16, nullptr);
    QVERIFY(log);
    QString error;
    auto observer = OpLog::openReadOnly(name, &error);
    QVERIFY2(observer, qPrintable(error));
    QCOMPARE(observer->append(OpCode::Load, 0, OpValue::none(), OpValue::none()), ~quint64(0));
    QCOMPARE(log->head(), quint64(0));
    log->append(OpCode::Load, 0, OpValue::none(), OpValue::none());
    OpLogReader reader(*observer);
    QCOMPARE(reader.readAvailable().entries.size(), 1);
}

void TestOpLog::badInputIsRefused_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("expectedText");
    QTest::newRow("capacity 0") << QStringLiteral("capacity-0") << QStringLiteral("capacity must be");
    QTest::newRow("capacity huge") << QStringLiteral("capacity-huge") << QStringLiteral("capacity must be");
    QTest::newRow("empty name") << QStringLiteral("empty") << QStringLiteral("must not be empty");
    QTest::newRow("slash") << QStringLiteral("slash") << QStringLiteral("no '/'");
    QTest::newRow("missing") << QStringLiteral("missing") << QStringLiteral("no operation log named");
    QTest::newRow("twice") << QStringLiteral("twice") << QStringLiteral("already exists");
    QTest::newRow("remove missing") << QStringLiteral("remove-missing") << QStringLiteral("no operation log named");
}

void TestOpLog::badInputIsRefused()
{
    QFETCH(QString, action);
    QFETCH(QString, expectedText);
    const QString name = uniqueName();
    QString error;
    bool ok = true;
    if (action == QLatin1String("capacity-0"))
        ok = OpLog::create(name, 0, &error) != nullptr;
    else if (action == QLatin1String("capacity-huge"))
        ok = OpLog::create(name, 1 << 30, &error) != nullptr;
    else if (action == QLatin1String("empty"))
        ok = OpLog::create(QString(), 16, &error) != nullptr;
    else if (action == QLatin1String("slash"))
        ok = OpLog::open(QStringLiteral("x/y"), &error) != nullptr;
    else if (action == QLatin1String("missing"))
        ok = OpLog::open(name, &error) != nullptr;
    else if (action == QLatin1String("twice")) {
        auto first = OpLog::create(name, 16, nullptr);
        QVERIFY(first);
        ok = OpLog::create(name, 16, &error) != nullptr;
    } else if (action == QLatin1String("remove-missing"))
        ok = OpLog::remove(name, &error);
    QVERIFY(!ok);
    QVERIFY2(error.contains(expectedText), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestOpLog)
#include "tst_oplog.moc"
