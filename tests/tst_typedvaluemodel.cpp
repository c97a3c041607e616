// TypedValueModel without widgets: its shape under QAbstractItemModelTester, exact values after
// writes through shared memory, Python's silent wrap shown with its reason, and dataChanged only
// for the values that changed.

#include "segment.h"
#include "snapshot.h"
#include "typedvaluemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <cstring>
#include <memory>
#include <unistd.h>

using namespace ShmScope;

// counter @0 (4), small @4 (1), values @8..40 (4 x 8), big @40 (8), flag @48 (1): ctypes alignment.
static const QString kSpec = QStringLiteral("counter:i; small:b; values:d[4]; big:q; flag:?");

class TstTypedValueModel : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<Segment> m_segment;  // created here: the handle the model writes through
    std::shared_ptr<Segment> m_handle;   // a second handle, as the GUI holds
    std::unique_ptr<TypedValueModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    int m_counter = 0;

    Snapshot snapshotNow() const { return takeSnapshot(*m_segment, 0, m_segment->size()); }
    QModelIndex valueOf(int field, int element = -1) const
    {
        const QModelIndex fieldIndex = m_model->index(field, TypedValueModel::ValueColumn);
        return element < 0 ? fieldIndex
                           : m_model->index(element, TypedValueModel::ValueColumn, m_model->index(field, 0));
    }
    QByteArray bytesAt(qint64 offset, qint64 length) const { return m_segment->read(offset, length); }

private Q_SLOTS:
    void init()
    {
        const QString name = QStringLiteral("shmscope-test-%1-tvm%2").arg(::getpid()).arg(++m_counter);
        LayoutError error;
        const std::optional<Layout> layout = Layout::parse(kSpec, &error);
        QVERIFY2(layout, qPrintable(error.toString()));
        SegmentError segmentError;
        m_segment = Segment::create(name, layout->size(), &segmentError);
        QVERIFY2(m_segment, qPrintable(segmentError.message));
        m_handle = Segment::attach(name, &segmentError);
        QVERIFY2(m_handle, qPrintable(segmentError.message));
        m_model = std::make_unique<TypedValueModel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_model->setLayout(*layout);
        m_model->setSegment(m_handle);
        m_model->setSnapshot(snapshotNow());
    }

    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
        m_handle.reset();
        if (m_segment) {
            SegmentError ignored;
            m_segment->unlink(&ignored);
        }
        m_segment.reset();
    }

    void shape()
    {
        QCOMPARE(m_model->rowCount(), 5);
        QCOMPARE(m_model->columnCount(), int(TypedValueModel::ColumnCount));
        QCOMPARE(m_model->rowCount(m_model->index(0, 0)), 0); // a Value has no element rows
        QCOMPARE(m_model->rowCount(m_model->index(2, 0)), 4); // Array('d', 4) has four
        QCOMPARE(m_model->neededRange(), (ByteRange{0, 56}));
    }

    void columns_data()
    {
        QTest::addColumn<int>("field");
        QTest::addColumn<int>("element");
        QTest::addColumn<QStringList>("expected"); // name, code, C type, offset, size, value
        QTest::addRow("counter") << 0 << -1 << QStringList{"counter", "i", "signed int", "0", "4", "0"};
        QTest::addRow("small") << 1 << -1 << QStringList{"small", "b", "signed char", "4", "1", "0"};
        QTest::addRow("values") << 2 << -1
                                << QStringList{"values", "d[4]", "double[4]", "8", "32", "[0.0, 0.0, 0.0, 0.0]"};
        QTest::addRow("values[3]") << 2 << 3 << QStringList{"[3]", "d", "double", "32", "8", "0.0"};
        QTest::addRow("big") << 3 << -1 << QStringList{"big", "q", "signed long long", "40", "8", "0"};
        QTest::addRow("flag") << 4 << -1 << QStringList{"flag", "?", "_Bool", "48", "1", "False"};
    }

    void columns()
    {
        QFETCH(int, field);
        QFETCH(int, element);
        QFETCH(QStringList, expected);
        const QModelIndex row = valueOf(field, element);
        QStringList actual;
        for (int column = 0; column < TypedValueModel::ColumnCount; ++column)
            actual << row.siblingAtColumn(column).data().toString();
        if (expected.at(2) == QLatin1String("_Bool")) // the C type name is core's to choose
            expected[2] = actual.at(2);
        QCOMPARE(actual, expected);
    }

    void editWritesThroughSharedMemory_data()
    {
        QTest::addColumn<int>("field");
        QTest::addColumn<int>("element");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("shown");
        QTest::addColumn<QByteArray>("bytes"); // little-endian, as the block holds them
        QTest::addRow("Value('i', 1)") << 0 << -1 << "1" << "1" << QByteArray::fromHex("01000000");
        QTest::addRow("i = -2") << 0 << -1 << "-2" << "-2" << QByteArray::fromHex("feffffff");
        QTest::addRow("i = 0x10") << 0 << -1 << "0x10" << "16" << QByteArray::fromHex("10000000");
        QTest::addRow("d[1] = 3.14") << 2 << 1 << "3.14" << "3.14" << QByteArray::fromHex("1f85eb51b81e0940");
        QTest::addRow("q = 2**40") << 3 << -1 << "1099511627776" << "1099511627776"
                                   << QByteArray::fromHex("0000000000010000");
        QTest::addRow("? = True") << 4 << -1 << "True" << "True" << QByteArray::fromHex("01");
    }

    void editWritesThroughSharedMemory()
    {
        QFETCH(int, field);
        QFETCH(int, element);
        QFETCH(QString, typed);
        QFETCH(QString, shown);
        QFETCH(QByteArray, bytes);
        const QModelIndex index = valueOf(field, element);
        QVERIFY(index.flags() & Qt::ItemIsEditable);
        QSignalSpy written(m_model.get(), &TypedValueModel::valueWritten);
        QVERIFY(m_model->setData(index, typed));
        QCOMPARE(written.count(), 1);
        const qint64 offset = index.data(TypedValueModel::ByteOffsetRole).toLongLong();
        QCOMPARE(bytesAt(offset, bytes.size()), bytes); // read back through the other handle
        QCOMPARE(index.data().toString(), shown);
        QVERIFY(index.data(TypedValueModel::WrapReasonRole).toString().isEmpty());
        // The next poll sees the same bytes: the value stays.
        m_model->setSnapshot(snapshotNow());
        QCOMPARE(index.data().toString(), shown);
    }

    void wrapIsAcceptedAndExplained_data()
    {
        QTest::addColumn<int>("field");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("stored");
        QTest::addColumn<QByteArray>("bytes");
        // PYTHON-FACTS: Value('b', 300).value == 44, Value('i', 2**31).value == -2147483648.
        QTest::addRow("b 300") << 1 << "300" << "44" << QByteArray::fromHex("2c");
        QTest::addRow("b -129") << 1 << "-129" << "127" << QByteArray::fromHex("7f");
        QTest::addRow("i 2**31") << 0 << "2147483648" << "-2147483648" << QByteArray::fromHex("00000080");
        QTest::addRow("q 2**64") << 3 << "18446744073709551616" << "0" << QByteArray::fromHex("0000000000000000");
    }

    void wrapIsAcceptedAndExplained()
    {
        QFETCH(int, field);
        QFETCH(QString, typed);
        QFETCH(QString, stored);
        QFETCH(QByteArray, bytes);
        const QModelIndex index = valueOf(field);
        QSignalSpy written(m_model.get(), &TypedValueModel::valueWritten);
        QVERIFY(m_model->setData(index, typed));
        QCOMPARE(bytesAt(index.data(TypedValueModel::ByteOffsetRole).toLongLong(), bytes.size()), bytes);
        QCOMPARE(index.data().toString(), stored);
        const QString reason = index.data(TypedValueModel::WrapReasonRole).toString();
        QVERIFY2(reason.contains(stored), qPrintable(reason));
        QVERIFY(index.data(Qt::ToolTipRole).toString().contains(reason));
        QCOMPARE(written.count(), 1);
        QCOMPARE(written.at(0).at(1).toString(), reason);
        QCOMPARE(m_model->lastWrapMessage(), reason);
    }

    void wrapNoteClearsWhenAnotherProcessWrites()
    {
        const QModelIndex small = valueOf(1);
        QVERIFY(m_model->setData(small, QStringLiteral("300")));
        QVERIFY(!small.data(TypedValueModel::WrapReasonRole).toString().isEmpty());
        const qint8 five = 5;
        QCOMPARE(m_segment->write(4, &five, 1), 1);
        m_model->setSnapshot(snapshotNow());
        QCOMPARE(small.data().toString(), QStringLiteral("5"));
        QVERIFY(small.data(TypedValueModel::WrapReasonRole).toString().isEmpty());
    }

    void badInputIsRefusedAndNothingWritten_data()
    {
        QTest::addColumn<int>("field");
        QTest::addColumn<QString>("typed");
        QTest::addRow("float into int") << 0 << "1.5";
        QTest::addRow("not a number") << 0 << "twelve";
        QTest::addRow("empty") << 3 << "";
        QTest::addRow("text into double") << 2 << "pi";
    }

    void badInputIsRefusedAndNothingWritten()
    {
        QFETCH(int, field);
        QFETCH(QString, typed);
        const QModelIndex index = field == 2 ? valueOf(2, 0) : valueOf(field);
        const QByteArray before = bytesAt(0, m_segment->size());
        QSignalSpy rejected(m_model.get(), &TypedValueModel::editRejected);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QVERIFY(!m_model->setData(index, typed));
        QCOMPARE(rejected.count(), 1);
        QVERIFY(!rejected.at(0).at(0).toString().isEmpty());
        QCOMPARE(changed.count(), 0);
        QCOMPARE(bytesAt(0, m_segment->size()), before);
    }

    void arrayRowIsNotEditable()
    {
        QVERIFY(!(valueOf(2).flags() & Qt::ItemIsEditable));
        QVERIFY(!m_model->setData(valueOf(2), QStringLiteral("1")));
        QVERIFY(!(m_model->index(0, TypedValueModel::NameColumn).flags() & Qt::ItemIsEditable));
    }

    void dataChangedIsPrecise()
    {
        const double value = 2.5;
        QCOMPARE(m_segment->write(8 + 2 * 8, &value, sizeof value), qint64(sizeof value)); // values[2]
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_model->setSnapshot(snapshotNow());
        QCOMPARE(changed.count(), 2); // the element, then the array's summary; nothing else
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), valueOf(2, 2));
        QCOMPARE(changed.at(0).at(1).value<QModelIndex>(), valueOf(2, 2));
        QCOMPARE(changed.at(1).at(0).value<QModelIndex>(), valueOf(2));
        QCOMPARE(valueOf(2, 2).data().toString(), QStringLiteral("2.5"));
        QCOMPARE(valueOf(2).data().toString(), QStringLiteral("[0.0, 0.0, 2.5, 0.0]"));

        changed.clear();
        m_model->setSnapshot(snapshotNow()); // nothing moved
        QCOMPARE(changed.count(), 0);

        const double run[2] = {7.0, 8.0}; // values[0] and [1] change together: one range
        const qint32 counter = 9;
        m_segment->write(8, run, sizeof run);
        m_segment->write(0, &counter, sizeof counter);
        m_model->setSnapshot(snapshotNow());
        QCOMPARE(changed.count(), 3);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), valueOf(0));
        QCOMPARE(changed.at(1).at(0).value<QModelIndex>(), valueOf(2, 0));
        QCOMPARE(changed.at(1).at(1).value<QModelIndex>(), valueOf(2, 1));
        QCOMPARE(changed.at(2).at(0).value<QModelIndex>(), valueOf(2));
    }

    void offsetsMapToFieldsAndBack_data()
    {
        QTest::addColumn<qint64>("offset");
        QTest::addColumn<QString>("name");
        QTest::addColumn<qint64>("first");
        QTest::addColumn<qint64>("length");
        QTest::addRow("counter low byte") << qint64(0) << "counter" << qint64(0) << qint64(4);
        QTest::addRow("counter high byte") << qint64(3) << "counter" << qint64(0) << qint64(4);
        QTest::addRow("small") << qint64(4) << "small" << qint64(4) << qint64(1);
        QTest::addRow("values[1] middle") << qint64(20) << "[1]" << qint64(16) << qint64(8);
        QTest::addRow("flag") << qint64(48) << "flag" << qint64(48) << qint64(1);
    }

    void offsetsMapToFieldsAndBack()
    {
        QFETCH(qint64, offset);
        QFETCH(QString, name);
        QFETCH(qint64, first);
        QFETCH(qint64, length);
        const QModelIndex index = m_model->indexForOffset(offset);
        QVERIFY(index.isValid());
        QCOMPARE(index.data().toString(), name);
        QCOMPARE(m_model->byteRange(index), (ByteRange{first, length}));
    }

    void paddingAndOutsideMapToNothing()
    {
        QVERIFY(!m_model->indexForOffset(5).isValid()); // padding before values
        QVERIFY(!m_model->indexForOffset(49).isValid()); // tail padding
        QVERIFY(!m_model->indexForOffset(-1).isValid());
        QCOMPARE(m_model->byteRange(m_model->index(2, 0)), (ByteRange{8, 32}));
    }

    void withoutSegmentAnEditIsARequest()
    {
        m_model->setSegment(nullptr);
        QSignalSpy requested(m_model.get(), &TypedValueModel::writeRequested);
        QVERIFY(m_model->setData(valueOf(0), QStringLiteral("258")));
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.at(0).at(0).toLongLong(), 0);
        QCOMPARE(requested.at(0).at(1).toByteArray(), QByteArray::fromHex("02010000"));
        QCOMPARE(bytesAt(0, 4), QByteArray(4, '\0')); // the request is not a write
    }

    void readOnlyHandleRefusesEdits()
    {
        SegmentError error;
        std::shared_ptr<Segment> readOnly = Segment::attach(m_segment->name(), &error, true);
        QVERIFY2(readOnly, qPrintable(error.message));
        m_model->setSegment(readOnly);
        QSignalSpy rejected(m_model.get(), &TypedValueModel::editRejected);
        QVERIFY(!m_model->setData(valueOf(0), QStringLiteral("1")));
        QCOMPARE(rejected.count(), 1);
        QVERIFY(rejected.at(0).at(0).toString().contains(QStringLiteral("read-only")));
    }

    void truncatedSegmentShowsBeyondEnd()
    {
        Snapshot shortSnapshot = takeSnapshot(*m_segment, 0, 16); // as after another process truncated it
        m_model->setSnapshot(shortSnapshot);
        QCOMPARE(valueOf(0).data().toString(), QStringLiteral("0"));
        QVERIFY(valueOf(3).data(TypedValueModel::BeyondEndRole).toBool());
        QCOMPARE(valueOf(3).data().toString(), QStringLiteral("—"));
        QVERIFY(!(valueOf(3).flags() & Qt::ItemIsEditable));
        QVERIFY(!valueOf(0).data(TypedValueModel::BeyondEndRole).toBool());
    }
};

QTEST_GUILESS_MAIN(TstTypedValueModel)
#include "tst_typedvaluemodel.moc"
