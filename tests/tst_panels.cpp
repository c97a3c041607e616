// The panels' widgets offscreen: the segment dialog creates a real segment (checked through core) and
// refuses bad input with a message; the blocks diagram draws two handles and a child's mapping.
// Set SHMSCOPE_SCREENSHOT_DIR to keep a PNG of every widget for a human to look at.

#include "blocksdiagram.h"
#include "cataloguemodel.h"
#include "launchdialog.h"
#include "layouteditor.h"
#include "processespanel.h"
#include "processmodel.h"
#include "syncpanel.h"
#include "syncstatemodel.h"
#include "sync/sharedlock.h"
#include "sync/sharedrlock.h"
#include "sync/sharedevent.h"
#include "processmanager.h"
#include "segmentspanel.h"
#include "segmentdialog.h"
#include "workspace.h"

#include "catalogue.h"
#include "segment.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <cstring>
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
    if (directory.isEmpty())
        return;
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest); // labels changed since the last layout
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
    void attachThroughDialog();
    void blocksDiagramShowsHandlesAndProcess();
    void segmentsPanelListsHandlesAndCatalogue();
    void syncPanelShowsLiveStates();
    void processesPanelPausesResumesKills();
    void launchDialogValidates();
    void launchDialogStartsCountersThatCountExactly();

private:
    QStringList m_names;     // unlinked in cleanup(), even after a failure
    QStringList m_syncNames; // removed in cleanup()
};

void TestPanels::cleanup()
{
    for (const QString &name : qAsConst(m_names))
        Segment::unlinkByName(name, nullptr);
    m_names.clear();
    for (const QString &name : qAsConst(m_syncNames))
        removeSyncObject(name, nullptr);
    m_syncNames.clear();
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

void TestPanels::attachThroughDialog()
{
    const QString name = uniqueName();
    m_names << name;
    SegmentError segmentError;
    const std::unique_ptr<Segment> theirs = Segment::create(name, 24, &segmentError);
    QVERIFY2(theirs, qPrintable(segmentError.message));

    Workspace workspace;
    SegmentDialog dialog(SegmentDialog::Mode::Attach, &workspace);
    dialog.setName(name + QStringLiteral("-missing"));
    QVERIFY(!okButton(&dialog)->isEnabled());
    const QString message = dialog.findChild<QLabel *>(QStringLiteral("messageLabel"))->text();
    QVERIFY2(message.contains(QLatin1String("FileNotFoundError")), qPrintable(message));

    dialog.setName(QLatin1Char('/') + name); // a leading '/' is optional, as for shm_open
    dialog.setSpec(QStringLiteral("a:i; b:d"));
    QVERIFY2(okButton(&dialog)->isEnabled(), qPrintable(dialog.validationMessage()));
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("sizeInfo"))->text(), QStringLiteral("24 bytes"));
    QTest::mouseClick(okButton(&dialog), Qt::LeftButton);
    QVERIFY(dialog.handleId() != 0);
    const OpenHandle *open = workspace.handle(dialog.handleId());
    QVERIFY(open);
    QVERIFY(!open->segment->createdHere());
    QCOMPARE(open->segment->inode(), theirs->inode());
    QCOMPARE(open->layout.toSpec(), QStringLiteral("a:i; b:d"));
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
    if (qEnvironmentVariableIsSet("SHMSCOPE_SCREENSHOT_DIR")) {
        QTest::qWait(120); // only for a picture of a pulse in flight; nothing is asserted on timing
        saveScreenshot(&diagram, QStringLiteral("blocksdiagram-write.png"));
    }
    QTRY_VERIFY_WITH_TIMEOUT(!diagram.isAnimating(), 5000); // settles, then costs nothing
    const QImage image = diagram.grab().toImage();
    saveScreenshot(&diagram, QStringLiteral("blocksdiagram.png"));
    QVERIFY2(inkFraction(image) > 0.05, "the diagram is blank");
    QVERIFY(hasColour(image, QColor(0xE6, 0x9F, 0x00))); // this window's handles
    QVERIFY(hasColour(image, QColor(0x00, 0x9E, 0x73))); // the child's mapping
    QVERIFY(hasColour(image, QColor(0x00, 0x72, 0xB2))); // the block
    diagram.resize(480, 280); // as small as a dock makes it: still drawn, still readable
    QVERIFY(inkFraction(diagram.grab().toImage()) > 0.05);
    saveScreenshot(&diagram, QStringLiteral("blocksdiagram-small.png"));
    diagram.resize(960, 540);

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

void TestPanels::syncPanelShowsLiveStates()
{
    const QString prefix = uniqueName();
    QString error;
    const QString lockName = prefix + QStringLiteral("-lock");
    const QString rlockName = prefix + QStringLiteral("-rlock");
    const QString eventName = prefix + QStringLiteral("-event");
    const QString semaphoreName = prefix + QStringLiteral("-slots");
    const QString barrierName = prefix + QStringLiteral("-barrier");
    m_syncNames << lockName << rlockName << eventName << semaphoreName << barrierName;

    std::unique_ptr<SharedLock> lock = SharedLock::create(lockName, &error);
    QVERIFY2(lock, qPrintable(error));
    QCOMPARE(lock->acquire(0, &error), SyncResult::Ok);
    std::unique_ptr<SharedRLock> rlock = SharedRLock::create(rlockName, &error);
    QVERIFY2(rlock, qPrintable(error));
    for (int i = 0; i < 3; ++i)
        QCOMPARE(rlock->acquire(0, &error), SyncResult::Ok);
    std::unique_ptr<SharedEvent> event = SharedEvent::create(eventName, &error);
    QVERIFY2(event, qPrintable(error));
    QVERIFY(event->set(&error));
    QVERIFY2(createSyncObject(semaphoreName, SyncKind::Semaphore, 2, &error), qPrintable(error));
    QVERIFY2(createSyncObject(barrierName, SyncKind::Barrier, 3, &error), qPrintable(error));

    SyncPanel panel;
    panel.setAutoRefreshInterval(0);
    // Only this test's objects: other suites may run beside us.
    auto ours = [&] {
        QVector<SyncState> states;
        for (const SyncState &state : listSyncStates()) {
            if (state.name.startsWith(prefix))
                states << state;
        }
        return states;
    };
    panel.setStates(ours());
    panel.resize(980, 320);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));

    SyncStateModel *model = panel.model();
    QStringList shown;
    for (const SyncState &state : model->states())
        shown << state.name;
    QStringList expected{barrierName, eventName, lockName, rlockName, semaphoreName};
    std::sort(expected.begin(), expected.end());
    QCOMPARE(shown, expected);
    const int lockRow = model->rowOf(lockName);
    QCOMPARE(model->index(lockRow, SyncStateModel::StateColumn).data().toString(), QStringLiteral("held"));
    QCOMPARE(model->index(lockRow, SyncStateModel::OwnerColumn).data().toString(), QString::number(QCoreApplication::applicationPid()));
    const int rlockRow = model->rowOf(rlockName);
    QCOMPARE(model->index(rlockRow, SyncStateModel::DepthColumn).data().toInt(), 3);
    QCOMPARE(model->index(model->rowOf(eventName), SyncStateModel::StateColumn).data().toString(), QStringLiteral("set"));
    QCOMPARE(model->index(model->rowOf(semaphoreName), SyncStateModel::StateColumn).data().toString(), QStringLiteral("2 available"));
    QCOMPARE(panel.lockNames(), (QStringList{lockName, rlockName}));
    saveScreenshot(&panel, QStringLiteral("syncpanel.png"));

    // Released: the next reading shows it free, in place.
    QVERIFY(lock->release(&error));
    panel.setStates(ours());
    QCOMPARE(model->rowOf(lockName), lockRow);
    QCOMPARE(model->index(lockRow, SyncStateModel::StateColumn).data().toString(), QStringLiteral("free"));
    for (int i = 0; i < 3; ++i)
        QVERIFY(rlock->release(&error));
}

void TestPanels::processesPanelPausesResumesKills()
{
    ProcessManager manager;
    ProcessesPanel panel(&manager);
    panel.resize(900, 420);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));

    LaunchRequest request;
    request.program = QStringLiteral("python3");
    request.label = QStringLiteral("ticker");
    request.arguments = {QStringLiteral("-c"), QStringLiteral(
        "import time\n"
        "for i in range(1, 10**6):\n"
        "    print(f'progress pid=0 kind=ticker done={i} total=1000 ops_per_s={i * 1000}', flush=True)\n"
        "    time.sleep(0.05)\n")};
    LaunchRequest exits;
    exits.program = QStringLiteral("python3");
    exits.arguments = {QStringLiteral("-c"), QStringLiteral("import sys; print('bye'); sys.exit(7)")};
    exits.label = QStringLiteral("exits");
    const QVector<int> ids = panel.launch({exits, request});
    QCOMPARE(ids.size(), 2);
    const int id = ids.at(1);
    QTRY_COMPARE_WITH_TIMEOUT(manager.process(ids.at(0)).statusText(), QStringLiteral("exited with code 7"), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(manager.process(id).done >= 3, 10000);
    panel.selectId(id);
    QCOMPARE(panel.selectedId(), id);
    QVERIFY(panel.pauseAction()->isEnabled());

    // Keyboard: Ctrl+P pauses, Ctrl+R resumes, Ctrl+K kills, while the panel has focus.
    panel.view()->setFocus();
    QTest::keyClick(panel.view(), Qt::Key_P, Qt::ControlModifier);
    QCOMPARE(manager.process(id).status, ProcessInfo::Status::Stopped);
    QVERIFY(panel.resumeAction()->isEnabled());
    saveScreenshot(&panel, QStringLiteral("processespanel.png"));
    QTest::keyClick(panel.view(), Qt::Key_R, Qt::ControlModifier);
    QCOMPARE(manager.process(id).status, ProcessInfo::Status::Running);
    QTest::keyClick(panel.view(), Qt::Key_K, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(manager.process(id).statusText(), QStringLiteral("killed by SIGKILL"), 10000);
    QVERIFY(!panel.killAction()->isEnabled());
    const QModelIndex status = panel.model()->index(panel.model()->rowOf(id), ProcessModel::StatusColumn);
    QCOMPARE(status.data().toString(), QStringLiteral("killed by SIGKILL"));
    QVERIFY(panel.model()->index(panel.model()->rowOf(id), ProcessModel::OpsColumn).data().toString().endsWith(QLatin1String("/s")));
    QVERIFY(panel.findChild<QPlainTextEdit *>(QStringLiteral("processOutput"))->toPlainText().contains(QLatin1String("progress pid=0")));
}

void TestPanels::launchDialogValidates()
{
    LaunchDialog dialog;
    dialog.setKind(QStringLiteral("holder"));
    QVERIFY(dialog.validationMessage().contains(QLatin1String("Lock")));
    QVERIFY(!okButton(&dialog)->isEnabled());
    QVERIFY(dialog.requests().isEmpty());
    dialog.setLock(QStringLiteral("some-lock"));
    QVERIFY2(dialog.validationMessage().isEmpty(), qPrintable(dialog.validationMessage()));
    const QVector<LaunchRequest> holder = dialog.requests();
    QCOMPARE(holder.size(), 1);
    QCOMPARE(holder.constFirst().arguments.mid(0, 3), (QStringList{QStringLiteral("holder"), QStringLiteral("--lock"), QStringLiteral("some-lock")}));
    QVERIFY(holder.constFirst().arguments.contains(QStringLiteral("--parent-pid")));

    dialog.setKind(QStringLiteral("counter"));
    QVERIFY(dialog.validationMessage().contains(QLatin1String("Segment")));
    QVERIFY(!okButton(&dialog)->isEnabled());

    dialog.setCommandLine(QString());
    QVERIFY(!okButton(&dialog)->isEnabled());
    dialog.setCommandLine(QStringLiteral("python3 script.py \"a name\""));
    QVERIFY(okButton(&dialog)->isEnabled());
    const QVector<LaunchRequest> command = dialog.requests();
    QCOMPARE(command.size(), 1);
    QCOMPARE(command.constFirst().program, QStringLiteral("python3"));
    QCOMPARE(command.constFirst().arguments, (QStringList{QStringLiteral("script.py"), QStringLiteral("a name")}));
}

void TestPanels::launchDialogStartsCountersThatCountExactly()
{
    Workspace workspace;
    const QString name = uniqueName();
    const QString lockName = name + QStringLiteral("-lock");
    m_names << name;
    m_syncNames << lockName;
    QString error;
    const Layout layout = *Layout::parse(QStringLiteral("counter:i; temps:d[4]"), nullptr);
    QVERIFY2(workspace.createSegment(name, 0, layout, &error) != 0, qPrintable(error));
    QVERIFY2(createSyncObject(lockName, SyncKind::Lock, 0, &error), qPrintable(error));

    LaunchDialog dialog;
    dialog.setSegments({LaunchSegment{name, layout.toSpec()}});
    dialog.setKind(QStringLiteral("counter"));
    dialog.setSegment(name);
    dialog.setField(QStringLiteral("counter"));
    dialog.setLock(lockName);
    dialog.setIterations(5000);
    dialog.findChild<QSpinBox *>(QStringLiteral("copiesSpin"))->setValue(2);
    dialog.resize(640, 620);
    saveScreenshot(&dialog, QStringLiteral("launchdialog.png"));
    QVERIFY2(dialog.validationMessage().isEmpty(), qPrintable(dialog.validationMessage()));
    const QVector<LaunchRequest> requests = dialog.requests();
    QCOMPARE(requests.size(), 2);
    QVERIFY2(QFileInfo(requests.constFirst().program).isExecutable(),
             qPrintable(QStringLiteral("shmscope-worker not found at %1 (set SHMSCOPE_BIN_DIR)").arg(requests.constFirst().program)));

    ProcessManager manager;
    ProcessesPanel panel(&manager, &workspace);
    const QVector<int> ids = panel.launch(requests);
    for (int id : ids) {
        QTRY_VERIFY_WITH_TIMEOUT(!manager.process(id).isAlive(), 30000);
        QVERIFY2(manager.process(id).statusText() == QStringLiteral("exited with code 0"),
                 qPrintable(manager.process(id).outputTail.join(QLatin1Char('\n'))));
    }
    // Under the lock not one increment is lost: the bytes in shared memory say 10000.
    const QByteArray bytes = workspace.handles().constFirst().segment->read(0, 4);
    qint32 counter = 0;
    std::memcpy(&counter, bytes.constData(), sizeof counter);
    QCOMPARE(counter, 10000);
}

QTEST_MAIN(TestPanels)
#include "tst_panels.moc"
