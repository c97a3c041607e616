// The panels' widgets offscreen: the segment dialog creates a real segment (checked through core) and
// refuses bad input with a message; the blocks diagram draws two handles and a child's mapping.
// Set SHMSCOPE_SCREENSHOT_DIR to keep a PNG of every widget for a human to look at.

#include "layouteditor.h"
#include "segmentdialog.h"
#include "workspace.h"

#include "segment.h"

#include <QDialogButtonBox>
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

QTEST_MAIN(TestPanels)
#include "tst_panels.moc"
