// The panels' widgets offscreen: the segment dialog creates a real segment (checked through core) and
// refuses bad input with a message; the blocks diagram draws two handles and a child's mapping.
// Set SHMSCOPE_SCREENSHOT_DIR to keep a PNG of every widget for a human to look at.

#include "blocksdiagram.h"
#include "cataloguemodel.h"
#include "layouteditor.h"
#include "processmanager.h"
#include "segmentspanel.h"
#include "segmentdialog.h"
#include "workspace.h"

#include "catalogue.h"
#include "segment.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QImage>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>
#include <unistd.h>

using namespace ShmScope;

namespace {

QString uniqueName()
{
    static int counter = 0;
    return QStringLiteral("shmscope-test-%1-panels-%2").arg(::getpid()).arg(++counter);
}

void saveScreenshot(QWidget *widget, const QString &fileName)
{
    const QString directory = qEnvironmentVariable("SHMSCOPE_SCREENSHOT_DIR");
    if (!directory.isEmpty())
        widget->grab().save(QDir(directory).filePath(fileName));
}

QPushButton *okButton(QDialog *dialog)
{
    return dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

} // namespace

class TestPanels : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cleanup();
    void createSegmentThroughDialog();
    void badInputKeepsOkDisabled_data();
    void badInputKeepsOkDisabled();
    void blocksDiagramShowsHandlesAndProcess();
    void segmentsPanelListsHandlesAndCatalogue();

private:
    QStringList m_names; // unlinked in cleanup(), even after a failure
};

void TestPanels::cleanup()
{
    for (const QString &name : qAsConst(m_names))
        Segment::unlinkByName(name, nullptr);
    m_names.clear();
}

void TestPanels::createSegmentThroughDialog()
{
    Workspace workspace;
    SegmentDialog dialog(SegmentDialog::Mode::Create, &workspace);
    const QString name = uniqueName();
    m_names << name;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    auto *nameEdit = dialog.findChild<QLineEdit *>(QStringLiteral("nameEdit"));
    QVERIFY(nameEdit);
    QTest::keyClicks(nameEdit, name);
    auto *spec = dialog.findChild<QLineEdit *>(QStringLiteral("layoutSpec"));
    QVERIFY(spec);
    spec->clear();
    QTest::keyClicks(spec, QStringLiteral("counter:i; temps:d[3]; tag:c[5]"));
    // i at 0, d[3] at 8..32, c[5] at 32..37, padded to 40 like a ctypes Structure.
    QCOMPARE(dialog.layoutEditor()->layout().size(), qint64(40));
    QCOMPARE(dialog.layoutEditor()->table()->rowCount(), 3);
    QCOMPARE(dialog.layoutEditor()->table()->item(1, LayoutEditor::OffsetColumn)->text(), QStringLiteral("8"));
    saveScreenshot(&dialog, QStringLiteral("segmentdialog-create.png"));

    QVERIFY2(okButton(&dialog)->isEnabled(), qPrintable(dialog.validationMessage()));
    QTest::mouseClick(okButton(&dialog), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(dialog.handleId() != 0);

    SegmentError error;
    const std::unique_ptr<Segment> attached = Segment::attach(name, &error);
    QVERIFY2(attached, qPrintable(error.message));
    QCOMPARE(attached->size(), qint64(40));
    QCOMPARE(workspace.handles().size(), 1);
    QCOMPARE(workspace.handles().constFirst().layout.toSpec(), QStringLiteral("counter:i; temps:d[3]; tag:c[5]"));
}

void TestPanels::badInputKeepsOkDisabled_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("expected"); // a part of the message

    QTest::addRow("empty name") << QString() << QStringLiteral("x:i") << QStringLiteral("enter a name");
    QTest::addRow("slash inside") << QStringLiteral("a/b") << QStringLiteral("x:i") << QStringLiteral("Name:");
    QTest::addRow("too long") << QString(300, QLatin1Char('n')) << QStringLiteral("x:i") << QStringLiteral("Name:");
    QTest::addRow("unknown code") << QStringLiteral("fine") << QStringLiteral("x:z") << QStringLiteral("unknown type code 'z'");
    QTest::addRow("nested array") << QStringLiteral("fine") << QStringLiteral("x:i[2][2]") << QStringLiteral("nested array");
    QTest::addRow("duplicate names") << QStringLiteral("fine") << QStringLiteral("x:i; x:d") << QStringLiteral("duplicate field name 'x'");
    QTest::addRow("no fields") << QStringLiteral("fine") << QString() << QStringLiteral("Size:");
}

void TestPanels::badInputKeepsOkDisabled()
{
    QFETCH(QString, name);
    QFETCH(QString, spec);
    QFETCH(QString, expected);

    Workspace workspace;
    SegmentDialog dialog(SegmentDialog::Mode::Create, &workspace);
    dialog.setName(name);
    dialog.layoutEditor()->specEdit()->clear();
    QTest::keyClicks(dialog.layoutEditor()->specEdit(), spec);
    if (spec.isEmpty())
        dialog.setSpec(QString());
    QVERIFY(!okButton(&dialog)->isEnabled());
    const QString message = dialog.findChild<QLabel *>(QStringLiteral("messageLabel"))->text();
    QVERIFY2(message.contains(expected), qPrintable(message));
    QTest::mouseClick(okButton(&dialog), Qt::LeftButton); // a disabled button does nothing
    QCOMPARE(dialog.handleId(), 0);
    QVERIFY(workspace.handles().isEmpty());
    if (QTest::currentDataTag() == QLatin1String("duplicate names"))
        saveScreenshot(&dialog, QStringLiteral("segmentdialog-invalid.png"));
}

// Fraction of pixels that differ from the top-left (background) pixel.
double inkFraction(const QImage &image)
{
    const QRgb background = image.pixel(0, 0);
    qint64 ink = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            ink += image.pixel(x, y) != background ? 1 : 0;
    }
    return double(ink) / (double(image.width()) * image.height());
}

// Whether some pixel is close to colour (the palette's pure colours appear in borders and bars).
bool hasColour(const QImage &image, const QColor &colour)
{
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor pixel = image.pixelColor(x, y);
            if (qAbs(pixel.red() - colour.red()) + qAbs(pixel.green() - colour.green()) + qAbs(pixel.blue() - colour.blue()) < 24)
                return true;
        }
    }
    return false;
}

void TestPanels::blocksDiagramShowsHandlesAndProcess()
{
    Workspace workspace;
    const QString name = uniqueName();
    m_names << name;
    QString error;
    const int first = workspace.createSegment(name, 4096, Layout(), &error, QStringLiteral("shm_a"));
    QVERIFY2(first != 0, qPrintable(error));

    BlocksDiagram diagram(&workspace);
    diagram.setAutoRefreshInterval(0);
    diagram.resize(960, 540);
    diagram.show();
    QVERIFY(QTest::qWaitForWindowExposed(&diagram));
    QCOMPARE(diagram.windowHandleCount(), 1);

    // The button opens shm_b: a second mapping of the same block, at another address.
    auto *another = diagram.findChild<QPushButton *>(QStringLiteral("anotherHandleButton"));
    QVERIFY(another);
    QTest::mouseClick(another, Qt::LeftButton);
    QCOMPARE(workspace.handles().size(), 2);
    QCOMPARE(workspace.handles().at(1).label, QStringLiteral("shm_b"));
    QVERIFY(workspace.handles().at(0).segment->address() != workspace.handles().at(1).segment->address());
    QCOMPARE(workspace.handles().at(0).segment->inode(), workspace.handles().at(1).segment->inode());
    QCOMPARE(diagram.windowHandleCount(), 2);

    // A child process maps the block too (plain mmap: no resource tracker to unlink it behind us).
    ProcessManager processes;
    const int child = processes.launch(QStringLiteral("python3"), {QStringLiteral("-c"), QStringLiteral(
        "import mmap, os, sys, time\n"
        "fd = os.open('/dev/shm/' + sys.argv[1], os.O_RDWR)\n"
        "m = mmap.mmap(fd, 0)\n"
        "print('mapped', flush=True)\n"
        "time.sleep(60)\n"), name});
    QTRY_VERIFY_WITH_TIMEOUT(processes.process(child).outputTail.contains(QStringLiteral("mapped")), 10000);
    diagram.refreshMappings();
    // Our own two mappings are drawn as the handles, not again as a process.
    QCOMPARE(diagram.processMappingCount(), 1);

    // A write through shm_b flashes; the picture is drawn in any state of the animation.
    QByteArray two(1, char(2));
    QCOMPARE(workspace.handles().at(1).segment->write(4095, two.constData(), 1), qint64(1));
    QCOMPARE(workspace.handles().at(0).segment->read(4095, 1), two); // shm_a sees it
    diagram.noteWriteThroughHandle(workspace.handles().at(1).id);
    diagram.noteBytesChanged({ByteRange{4095, 1}});
    QVERIFY(diagram.isAnimating());
    QTest::qWait(120); // only for the picture of a pulse in flight; nothing is asserted on timing
    saveScreenshot(&diagram, QStringLiteral("blocksdiagram-write.png"));
    QTRY_VERIFY_WITH_TIMEOUT(!diagram.isAnimating(), 5000); // settles, then costs nothing
    const QImage image = diagram.grab().toImage();
    saveScreenshot(&diagram, QStringLiteral("blocksdiagram.png"));
    QVERIFY2(inkFraction(image) > 0.05, "the diagram is blank");
    QVERIFY(hasColour(image, QColor(0xE6, 0x9F, 0x00))); // this window's handles
    QVERIFY(hasColour(image, QColor(0x00, 0x9E, 0x73))); // the child's mapping
    QVERIFY(hasColour(image, QColor(0x00, 0x72, 0xB2))); // the block

    // The child exits: its mapping leaves the picture.
    processes.terminateAll(500);
    diagram.refreshMappings();
    QCOMPARE(diagram.processMappingCount(), 0);
}

void TestPanels::segmentsPanelListsHandlesAndCatalogue()
{
    Workspace workspace;
    const QString created = uniqueName();
    const QString foreign = uniqueName();
    m_names << created << foreign;
    SegmentError segmentError;
    // A segment made by "someone else", which this window only attaches to.
    const std::unique_ptr<Segment> other = Segment::create(foreign, 64, &segmentError);
    QVERIFY2(other, qPrintable(segmentError.message));
    QString error;
    const int mine = workspace.createSegment(created, 0, *Layout::parse(QStringLiteral("counter:i; temps:d[4]"), nullptr), &error, QStringLiteral("shm_a"));
    QVERIFY2(mine != 0, qPrintable(error));
    const int attached = workspace.attachSegment(foreign, Layout(), false, &error);
    QVERIFY2(attached != 0, qPrintable(error));

    SegmentsPanel panel(&workspace);
    panel.setAutoRefreshInterval(0);
    panel.resize(900, 560);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setCatalogue(scanCatalogue());
    QVERIFY(panel.catalogueModel()->rowOf(created) >= 0);
    QVERIFY(panel.catalogueModel()->rowOf(foreign) >= 0);

    // Unlink is offered for what we created, never for what we only attached to.
    workspace.setCurrent(attached);
    QVERIFY(!panel.unlinkAction()->isEnabled());
    QVERIFY(panel.closeAction()->isEnabled());
    workspace.setCurrent(mine);
    QVERIFY(panel.unlinkAction()->isEnabled());
    saveScreenshot(&panel, QStringLiteral("segmentspanel.png"));

    panel.setConfirmUnlink(false);
    panel.unlinkAction()->trigger();
    QVERIFY(Segment::attach(created, &segmentError) == nullptr);
    QCOMPARE(segmentError.kind, SegmentErrorKind::NotFound);
    QVERIFY(!panel.unlinkAction()->isEnabled()); // already gone
    QCOMPARE(workspace.handles().size(), 2);     // and still mapped here
}

QTEST_MAIN(TestPanels)
#include "tst_panels.moc"
