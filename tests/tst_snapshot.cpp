// Snapshots of a segment and the byte diff between two of them: what the live views flash.
#include "segment.h"
#include "snapshot.h"

#include <QTest>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace ShmScope;

using Ranges = QVector<ByteRange>;
Q_DECLARE_METATYPE(Ranges)

namespace {

QByteArray withBytesChanged(QByteArray bytes, const QVector<qint64> &offsets)
{
    for (qint64 offset : offsets)
        bytes[offset] = char(bytes.at(offset) ^ 0x5a);
    return bytes;
}

QByteArray pattern(int size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (int i = 0; i < size; ++i)
        bytes[i] = char((i * 31 + 7) & 0xff);
    return bytes;
}

QString describe(const Ranges &ranges)
{
    QStringList parts;
    for (const ByteRange &range : ranges)
        parts << QStringLiteral("[%1,+%2)").arg(range.offset).arg(range.length);
    return parts.join(QLatin1Char(' '));
}

} // namespace

class TestSnapshot : public QObject {
    Q_OBJECT

private slots:
    void cleanup();
    void diffCases_data();
    void diffCases();
    void diffFindsEveryScatteredChange();
    void takeAndRefreshSnapshot();
    void snapshotAfterTruncationIsShorter();
    void snapshotReportsUnlinked();
    void updateSnapshotMatchesRefreshAndDiff_data();
    void updateSnapshotMatchesRefreshAndDiff();
    void updateSnapshotFollowsSizeChanges();

private:
    QString uniqueName();
    QStringList m_names;
    int m_counter = 0;
};

QString TestSnapshot::uniqueName()
{
    const QString name = QStringLiteral("shmscope-test-%1-snap%2").arg(::getpid()).arg(++m_counter);
    m_names.append(name);
    return name;
}

void TestSnapshot::cleanup()
{
    for (const QString &name : std::as_const(m_names))
        ::shm_unlink(QByteArray('/' + name.toUtf8()).constData());
    m_names.clear();
}

void TestSnapshot::diffCases_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QByteArray>("after");
    QTest::addColumn<Ranges>("expected");

    // 10,000 bytes spans two whole 4 KiB blocks and a partial one, and ends off a word boundary.
    const QByteArray base = pattern(10000);
    QTest::addRow("none") << base << base << Ranges {};
    QTest::addRow("both empty") << QByteArray() << QByteArray() << Ranges {};
    QTest::addRow("one byte") << base << withBytesChanged(base, { 5000 }) << Ranges { { 5000, 1 } };
    QTest::addRow("first byte") << base << withBytesChanged(base, { 0 }) << Ranges { { 0, 1 } };
    QTest::addRow("last byte") << base << withBytesChanged(base, { 9999 }) << Ranges { { 9999, 1 } };
    QTest::addRow("adjacent merged") << base << withBytesChanged(base, { 100, 101, 102, 103 })
                                     << Ranges { { 100, 4 } };
    QTest::addRow("gap of one kept apart")
        << base << withBytesChanged(base, { 100, 102 }) << Ranges { { 100, 1 }, { 102, 1 } };
    QTest::addRow("run across a word boundary")
        << base << withBytesChanged(base, { 6, 7, 8, 9 }) << Ranges { { 6, 4 } };
    QTest::addRow("run across a 4 KiB block boundary")
        << base << withBytesChanged(base, { 4094, 4095, 4096, 4097 }) << Ranges { { 4094, 4 } };
    QVector<qint64> longRun;
    for (qint64 i = 3000; i < 9000; ++i)
        longRun << i;
    QTest::addRow("long run over blocks")
        << base << withBytesChanged(base, longRun) << Ranges { { 3000, 6000 } };
    QTest::addRow("ascending order") << base << withBytesChanged(base, { 9000, 17, 4100 })
                                     << Ranges { { 17, 1 }, { 4100, 1 }, { 9000, 1 } };
    QTest::addRow("grown") << base << (base + QByteArray(50, 'x')) << Ranges { { 10000, 50 } };
    QTest::addRow("shrunk") << base << base.left(9000) << Ranges { { 9000, 1000 } };
    QTest::addRow("shrunk with a change")
        << base << withBytesChanged(base.left(9000), { 8999 }) << Ranges { { 8999, 1001 } };
    QTest::addRow("from empty") << QByteArray() << base.left(7) << Ranges { { 0, 7 } };
    QTest::addRow("to empty") << base.left(7) << QByteArray() << Ranges { { 0, 7 } };
}

void TestSnapshot::diffCases()
{
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    QFETCH(Ranges, expected);
    const Ranges actual = diffBytes(before, after);
    QVERIFY2(actual == expected, qPrintable(describe(actual) + QStringLiteral(" != ") + describe(expected)));
}

void TestSnapshot::diffFindsEveryScatteredChange()
{
    // Against a byte-by-byte reference: every offset pattern of a few changes in 3 words near a
    // block boundary, where word and block fast paths meet.
    const QByteArray base = pattern(8192 + 16);
    for (int mask = 1; mask < (1 << 12); mask += 7) {
        QVector<qint64> offsets;
        for (int bit = 0; bit < 12; ++bit)
            if (mask & (1 << bit))
                offsets << 4090 + bit;
        const QByteArray after = withBytesChanged(base, offsets);
        Ranges reference;
        for (qint64 i = 0; i < base.size(); ++i) {
            if (base.at(i) == after.at(i))
                continue;
            if (!reference.isEmpty() && reference.last().offset + reference.last().length == i)
                ++reference.last().length;
            else
                reference.append(ByteRange { i, 1 });
        }
        const Ranges actual = diffBytes(base, after);
        QVERIFY2(actual == reference,
            qPrintable(
                QStringLiteral("mask %1: %2 != %3").arg(mask).arg(describe(actual), describe(reference))));
    }
}

void TestSnapshot::takeAndRefreshSnapshot()
{
    const QString name = uniqueName();
    SegmentError error;
    auto segment = Segment::create(name, 4096, &error);
    QVERIFY2(segment, qPrintable(error.message));
    const QByteArray bytes = pattern(4096);
    segment->write(0, bytes.constData(), bytes.size());

    Snapshot snapshot = takeSnapshot(*segment, 100, 1000);
    QCOMPARE(snapshot.offset, 100);
    QCOMPARE(snapshot.bytes, bytes.mid(100, 1000));
    QCOMPARE(snapshot.segmentSize, 4096);
    QVERIFY(!snapshot.unlinked);
    QVERIFY(snapshot.takenNs > 0);

    const Snapshot before = snapshot; // shares the buffer until the refresh detaches it
    segment->write(150, "AB", 2);
    refreshSnapshot(*segment, snapshot);
    QVERIFY(snapshot.takenNs >= before.takenNs);
    QCOMPARE(before.bytes, bytes.mid(100, 1000));
    QCOMPARE(diffBytes(before.bytes, snapshot.bytes), (Ranges { { 50, 2 } }));

    // Once unshared, a refresh of the same window allocates nothing.
    const auto buffer = quintptr(snapshot.bytes.constData());
    segment->write(1099, "C", 1);
    refreshSnapshot(*segment, snapshot);
    QCOMPARE(quintptr(snapshot.bytes.constData()), buffer);
    QCOMPARE(snapshot.bytes.back(), 'C');

    // A window past the end holds only what exists, and allocates no more than that.
    QCOMPARE(takeSnapshot(*segment, 4000, 1000).bytes, bytes.mid(4000));
    const Snapshot huge = takeSnapshot(*segment, 0, qint64(1) << 50);
    QCOMPARE(huge.bytes, segment->read(0, 4096));
    QCOMPARE(huge.bytes.size(), 4096);
    QCOMPARE(huge.requestedLength, qint64(1) << 50);
    QVERIFY(takeSnapshot(*segment, 5000, 10).bytes.isEmpty());
}

void TestSnapshot::snapshotAfterTruncationIsShorter()
{
    const QString name = uniqueName();
    SegmentError error;
    auto segment = Segment::create(name, 65536, &error);
    QVERIFY(segment);
    const QByteArray bytes = pattern(65536);
    segment->write(0, bytes.constData(), bytes.size());
    Snapshot snapshot = takeSnapshot(*segment, 0, 65536);
    const QByteArray before = snapshot.bytes;

    // Another process shrinks the block under us.
    const QByteArray openName = '/' + name.toUtf8();
    const pid_t child = ::fork();
    if (child == 0) {
        const int fd = ::shm_open(openName.constData(), O_RDWR, 0);
        ::_exit(fd >= 0 && ::ftruncate(fd, 3000) == 0 ? 0 : 1);
    }
    int status = 0;
    QCOMPARE(::waitpid(child, &status, 0), child);
    QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);

    refreshSnapshot(*segment, snapshot);
    QCOMPARE(snapshot.segmentSize, 3000);
    QCOMPARE(snapshot.bytes, bytes.left(3000));
    QCOMPARE(diffBytes(before, snapshot.bytes), (Ranges { { 3000, 65536 - 3000 } }));

    // Grown again, the window comes back to its full requested length (the new bytes are zero).
    const int fd = ::shm_open(openName.constData(), O_RDWR, 0);
    QVERIFY(fd >= 0);
    QCOMPARE(::ftruncate(fd, 65536), 0);
    ::close(fd);
    refreshSnapshot(*segment, snapshot);
    QCOMPARE(snapshot.bytes.size(), 65536);
    QCOMPARE(snapshot.bytes.mid(3000), QByteArray(65536 - 3000, '\0'));
}

void TestSnapshot::snapshotReportsUnlinked()
{
    const QString name = uniqueName();
    SegmentError error;
    auto segment = Segment::create(name, 64, &error);
    QVERIFY(segment);
    QVERIFY(segment->unlink(&error));
    const Snapshot snapshot = takeSnapshot(*segment, 0, 64);
    QVERIFY(snapshot.unlinked);
    QCOMPARE(snapshot.bytes, QByteArray(64, '\0'));
}

void TestSnapshot::updateSnapshotMatchesRefreshAndDiff_data()
{
    QTest::addColumn<qint64>("windowOffset");
    QTest::addColumn<qint64>("windowLength");
    QTest::addColumn<QVector<qint64>>("changes");

    QTest::addRow("no change") << qint64(0) << qint64(20000) << QVector<qint64> {};
    QTest::addRow("first and last byte") << qint64(0) << qint64(20000) << QVector<qint64> { 0, 19999 };
    QTest::addRow("across a block boundary")
        << qint64(0) << qint64(20000) << QVector<qint64> { 4095, 4096, 4097, 12000 };
    QTest::addRow("inner window") << qint64(1000) << qint64(5000)
                                  << QVector<qint64> { 999, 1000, 5999, 6000 };
    QTest::addRow("window to the end") << qint64(16000) << qint64(4480) << QVector<qint64> { 20479 };
}

void TestSnapshot::updateSnapshotMatchesRefreshAndDiff()
{
    QFETCH(qint64, windowOffset);
    QFETCH(qint64, windowLength);
    QFETCH(QVector<qint64>, changes);
    const QString name = uniqueName();
    SegmentError error;
    auto segment = Segment::create(name, 20480, &error);
    QVERIFY(segment);
    const QByteArray bytes = pattern(20480);
    segment->write(0, bytes.constData(), bytes.size());

    Snapshot snapshot = takeSnapshot(*segment, windowOffset, windowLength);
    const QByteArray before = snapshot.bytes;
    const QByteArray after = withBytesChanged(bytes, changes);
    segment->write(0, after.constData(), after.size());

    const Ranges ranges = updateSnapshot(*segment, snapshot);
    QCOMPARE(snapshot.bytes, after.mid(windowOffset, windowLength));
    QCOMPARE(ranges, diffBytes(before, snapshot.bytes));
    QCOMPARE(snapshot.segmentSize, 20480);
    // Nothing changed since: nothing reported, nothing reallocated.
    const auto buffer = quintptr(snapshot.bytes.constData());
    QVERIFY(updateSnapshot(*segment, snapshot).isEmpty());
    QCOMPARE(quintptr(snapshot.bytes.constData()), buffer);
}

void TestSnapshot::updateSnapshotFollowsSizeChanges()
{
    const QString name = uniqueName();
    SegmentError error;
    auto segment = Segment::create(name, 8192, &error);
    QVERIFY(segment);
    const QByteArray bytes = pattern(8192);
    segment->write(0, bytes.constData(), bytes.size());
    Snapshot snapshot = takeSnapshot(*segment, 0, 8192);

    const QByteArray openName = '/' + name.toUtf8();
    const int fd = ::shm_open(openName.constData(), O_RDWR, 0);
    QVERIFY(fd >= 0);
    QCOMPARE(::ftruncate(fd, 100), 0);
    QCOMPARE(updateSnapshot(*segment, snapshot), (Ranges { { 100, 8092 } }));
    QCOMPARE(snapshot.bytes, bytes.left(100));
    QCOMPARE(snapshot.segmentSize, 100);

    QCOMPARE(::ftruncate(fd, 8192), 0);
    ::close(fd);
    // Regrown: the bytes past 100 came back as zeros, of which those that were zero before did not
    // change from the window's point of view, but the window grew, so all of the tail is reported.
    QCOMPARE(updateSnapshot(*segment, snapshot), (Ranges { { 100, 8092 } }));
    QCOMPARE(snapshot.bytes, bytes.left(100) + QByteArray(8092, '\0'));
}

QTEST_APPLESS_MAIN(TestSnapshot)
#include "tst_snapshot.moc"
