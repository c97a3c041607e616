// ByteGridView with QTest: a change written through core reaches the grid through the poller (text and
// flash of that very offset), little-endian order is what is drawn, hover and clicks map offsets to
// fields and back, selection follows the typed view both ways, and a 1 GiB segment stays virtual.

#include "bytegridview.h"
#include "mainwindow.h"
#include "poller.h"
#include "segment.h"
#include "typedvaluemodel.h"
#include "typedvalueview.h"

#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <memory>
#include <unistd.h>

using namespace ShmScope;

static const QString kSpec = QStringLiteral("counter:i; values:d[4]"); // counter @0, values @8..40

class TstByteGridView : public QObject {
    Q_OBJECT

private:
    QString m_name;
    std::unique_ptr<Segment> m_segment; // the "other process": writes through its own handle
    int m_counter = 0;

    static Layout layout()
    {
        LayoutError error;
        return *Layout::parse(kSpec, &error);
    }

    // A grid fed by a real poller, wired like the main window wires it.
    struct LiveGrid {
        ByteGridView grid;
        Poller poller;
        std::shared_ptr<Segment> handle;
        explicit LiveGrid(const QString &name)
        {
            SegmentError error;
            handle = Segment::attach(name, &error);
            grid.resize(900, 400);
            grid.setLayout(layout());
            grid.setSegmentSize(handle->size());
            QObject::connect(&poller, &Poller::polled, &grid, [this](const PollResult &result) {
                grid.applySnapshot(result.visible, result.visibleChanges, result.fresh);
            });
            QObject::connect(&grid, &ByteGridView::visibleRangeChanged, &poller,
                             [this](ByteRange range) { poller.setVisibleRange(range); });
            poller.setSegment(handle);
            poller.setVisibleRange(grid.visibleRange());
            poller.setRateHz(60);
            grid.show();
            poller.start();
        }
    };

private Q_SLOTS:
    void init()
    {
        m_name = QStringLiteral("shmscope-test-%1-grid%2").arg(::getpid()).arg(++m_counter);
        SegmentError error;
        m_segment = Segment::create(m_name, 4096, &error);
        QVERIFY2(m_segment, qPrintable(error.message));
    }

    void cleanup()
    {
        if (m_segment) {
            SegmentError ignored;
            m_segment->unlink(&ignored);
        }
        m_segment.reset();
    }

    void valueOneIsDrawnLittleEndian()
    {
        LiveGrid live(m_name);
        const qint32 one = 1; // Value('i', 1)
        QCOMPARE(m_segment->write(0, &one, sizeof one), qint64(4));
        QTRY_COMPARE_WITH_TIMEOUT(live.grid.cellText(0), QStringLiteral("01"), 5000);
        QCOMPARE(live.grid.cellText(1), QStringLiteral("00"));
        QCOMPARE(live.grid.cellText(2), QStringLiteral("00"));
        QCOMPARE(live.grid.cellText(3), QStringLiteral("00"));
        QCOMPARE(live.grid.groupLabel(0), QStringLiteral("1"));
        QCOMPARE(live.grid.groupLabel(3), QStringLiteral("1")); // every byte of the group shows one value
    }

    void changeByAnotherHandleFlashesThatOffset()
    {
        LiveGrid live(m_name);
        QTRY_COMPARE_WITH_TIMEOUT(live.grid.cellText(17), QStringLiteral("00"), 5000); // first poll drawn
        QCOMPARE(live.grid.flashLevel(17), 0.0); // a first snapshot flashes nothing
        const quint64 paintsBefore = live.grid.paintCount();
        const double value = 2.0; // values[1] = 2.0 -> 00 00 00 00 00 00 00 40
        QCOMPARE(m_segment->write(16, &value, sizeof value), qint64(8));
        QTRY_COMPARE_WITH_TIMEOUT(live.grid.cellText(23), QStringLiteral("40"), 5000);
        QVERIFY(live.grid.flashLevel(23) > 0.0);
        QCOMPARE(live.grid.flashLevel(22), 0.0); // unchanged bytes of the same double do not flash
        QCOMPARE(live.grid.flashLevel(0), 0.0);
        QCOMPARE(live.grid.groupLabel(16), QStringLiteral("2.0"));
        QTRY_VERIFY_WITH_TIMEOUT(live.grid.paintCount() > paintsBefore, 5000); // and it was painted
        // The flash fades out within about a second.
        QTRY_COMPARE_WITH_TIMEOUT(live.grid.flashLevel(23), 0.0, 3000);
    }

    void displayModes_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("text");
        QTest::addRow("hex") << int(ByteGridView::DisplayMode::Hex) << "2A";
        QTest::addRow("decimal") << int(ByteGridView::DisplayMode::Decimal) << "42";
        QTest::addRow("binary") << int(ByteGridView::DisplayMode::Binary) << "00101010";
        QTest::addRow("ascii") << int(ByteGridView::DisplayMode::Ascii) << "*";
    }

    void displayModes()
    {
        QFETCH(int, mode);
        QFETCH(QString, text);
        ByteGridView grid;
        grid.resize(900, 400);
        grid.setLayout(layout());
        grid.setSegmentSize(64);
        grid.setDisplayMode(ByteGridView::DisplayMode(mode));
        Snapshot snapshot;
        snapshot.bytes = QByteArray(64, '\0');
        snapshot.bytes[5] = 42;
        grid.applySnapshot(snapshot, {}, true);
        QCOMPARE(grid.cellText(5), text);
        QVERIFY(grid.bytesPerRow() % 8 == 0); // aligned fields never straddle a row
    }

    void hoverAndClickMapOffsetsToFields_data()
    {
        QTest::addColumn<qint64>("offset");
        QTest::addColumn<QString>("field");
        QTest::addColumn<qint64>("groupStart");
        QTest::addColumn<qint64>("groupLength");
        QTest::addRow("counter") << qint64(2) << "counter" << qint64(0) << qint64(4);
        QTest::addRow("padding") << qint64(5) << "" << qint64(5) << qint64(1);
        QTest::addRow("values[0]") << qint64(8) << "values[0]" << qint64(8) << qint64(8);
        QTest::addRow("values[3]") << qint64(39) << "values[3]" << qint64(32) << qint64(8);
        QTest::addRow("past layout") << qint64(100) << "" << qint64(100) << qint64(1);
    }

    void hoverAndClickMapOffsetsToFields()
    {
        QFETCH(qint64, offset);
        QFETCH(QString, field);
        QFETCH(qint64, groupStart);
        QFETCH(qint64, groupLength);
        ByteGridView grid;
        grid.resize(900, 400);
        grid.setLayout(layout());
        grid.setSegmentSize(4096);
        grid.show();
        QVERIFY(QTest::qWaitForWindowExposed(&grid));

        const QRect cell = grid.cellRect(offset);
        QVERIFY(!cell.isNull());
        QCOMPARE(grid.offsetAt(cell.center()), offset);
        QCOMPARE(grid.fieldNameAt(offset), field);
        const QString tip = grid.toolTipText(offset);
        QVERIFY2(tip.contains(QStringLiteral("Offset %1").arg(offset)), qPrintable(tip));
        if (!field.isEmpty())
            QVERIFY2(tip.contains(field), qPrintable(tip));

        QSignalSpy selected(&grid, &ByteGridView::selectionChanged);
        QTest::mouseClick(grid.viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(selected.count(), 1);
        QCOMPARE(selected.at(0).at(0).value<ByteRange>(), (ByteRange{offset, 1}));
        QTest::mouseDClick(grid.viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(grid.selection(), (ByteRange{groupStart, groupLength}));
        QCOMPARE(selected.constLast().at(0).value<ByteRange>(), (ByteRange{groupStart, groupLength}));
    }

    void keyboardMovesAndExtendsTheSelection()
    {
        ByteGridView grid;
        grid.resize(900, 400);
        grid.setSegmentSize(4096);
        grid.show();
        grid.setFocus();
        grid.setSelection({0, 1});
        QSignalSpy selected(&grid, &ByteGridView::selectionChanged);
        QTest::keyClick(&grid, Qt::Key_Right);
        QCOMPARE(grid.selection(), (ByteRange{1, 1}));
        QTest::keyClick(&grid, Qt::Key_Down, Qt::ShiftModifier);
        QCOMPARE(grid.selection(), (ByteRange{1, qint64(grid.bytesPerRow()) + 1}));
        QTest::keyClick(&grid, Qt::Key_End, Qt::ControlModifier);
        QCOMPARE(grid.selection(), (ByteRange{4095, 1}));
        QCOMPARE(grid.visibleRange().offset + grid.visibleRange().length, qint64(4096)); // scrolled to it
        QCOMPARE(selected.count(), 3);
    }

    void gigabyteSegmentStaysVirtual()
    {
        ByteGridView grid;
        grid.resize(1200, 800);
        QSignalSpy visible(&grid, &ByteGridView::visibleRangeChanged);
        grid.setSegmentSize(qint64(1) << 30);
        const ByteRange range = grid.visibleRange();
        QCOMPARE(range.offset, 0);
        QVERIFY(range.length > 0 && range.length < 64 * 1024); // a screenful, not a gigabyte
        // Rows are counted, not allocated: the scroll range covers every row of the gigabyte.
        QCOMPARE(qint64(grid.verticalScrollBar()->maximum()) + grid.verticalScrollBar()->pageStep(),
                 (qint64(1) << 30) / grid.bytesPerRow());
        grid.scrollToOffset((qint64(1) << 30) - 1);
        QVERIFY(grid.visibleRange().offset > (qint64(1) << 30) - 64 * 1024);
        QVERIFY(visible.count() >= 2);
    }

    void typedViewAndGridSelectEachOther()
    {
        MainWindow window;
        QString error;
        QVERIFY2(window.attachSegment(m_name, layout(), &error), qPrintable(error));
        TypedValueModel *model = window.typedModel();
        const QModelIndex values2 = model->index(2, 0, model->index(1, 0)); // values[2]
        window.typedView()->setCurrentIndex(values2);
        QCOMPARE(window.byteGrid()->selection(), (ByteRange{24, 8}));

        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.byteGrid()->scrollToOffset(1);
        const QRect counterCell = window.byteGrid()->cellRect(1);
        QVERIFY(!counterCell.isNull());
        QSignalSpy selected(window.byteGrid(), &ByteGridView::selectionChanged);
        QTest::mouseClick(window.byteGrid()->viewport(), Qt::LeftButton, {}, counterCell.center());
        QCOMPARE(selected.count(), 1);
        QCOMPARE(window.byteGrid()->selection(), (ByteRange{1, 1}));
        QCOMPARE(window.typedView()->currentIndex().siblingAtColumn(0), model->index(0, 0));
        window.shutdown();
    }

    void editInTypedViewReachesSharedMemoryAndGrid()
    {
        MainWindow window;
        QString error;
        QVERIFY2(window.attachSegment(m_name, layout(), &error), qPrintable(error));
        window.show();
        TypedValueModel *model = window.typedModel();
        QTRY_VERIFY_WITH_TIMEOUT(window.hasPolled(), 5000);
        QVERIFY(model->setData(model->index(0, TypedValueModel::ValueColumn), QStringLiteral("258")));
        QCOMPARE(m_segment->read(0, 4), QByteArray::fromHex("02010000"));
        QTRY_COMPARE_WITH_TIMEOUT(window.byteGrid()->cellText(1), QStringLiteral("01"), 5000);
        QCOMPARE(window.byteGrid()->cellText(0), QStringLiteral("02"));
        window.shutdown();
    }
};

QTEST_MAIN(TstByteGridView)
#include "tst_bytegridview.moc"
