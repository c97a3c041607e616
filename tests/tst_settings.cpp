// Settings: what AppSettings writes a new instance reads back; a hand-edited bad value falls back
// instead of breaking the window; a window whose settings were restored saves poll rate, theme, zoom and
// dock layout at close and the next window comes back the same. Presentation mode makes the text at
// least 24 px (readable from the back of a room) and gives everything back when it ends.

#include "appsettings.h"
#include "bytegridview.h"
#include "classroomcontroller.h"
#include "classroomtheme.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "poller.h"
#include "zoomcontroller.h"

#include <QApplication>
#include <QDockWidget>
#include <QFontInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ShmScope;

class TstSettings : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // Never the user's own ~/.config/ShmScope.
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
        QVERIFY(LanguageManager::instance()->setLanguage(QStringLiteral("en")));
    }

    void init()
    {
        QSettings(QStringLiteral("ShmScope"), QStringLiteral("ShmScope")).clear();
    }

    void roundTrip()
    {
        {
            AppSettings settings;
            settings.setPollRateHz(60);
            settings.setTheme(ClassroomTheme::contrastLight());
            settings.setLanguage(QStringLiteral("zh_CN"));
            settings.setZoom(1.5);
            settings.setPresentation(true);
            settings.setLastExperiment(QStringLiteral("builtin:3"));
            settings.setWindowLayout(QByteArray("geometry"), QByteArray("state"));
        } // written when the QSettings ends
        QVERIFY(QFile::exists(m_dir.path() + QStringLiteral("/ShmScope/ShmScope.conf")));
        const AppSettings again;
        QCOMPARE(again.pollRateHz(30), 60);
        QCOMPARE(again.theme(), ClassroomTheme::contrastLight());
        QCOMPARE(again.language(), QStringLiteral("zh_CN"));
        QCOMPARE(again.zoom(), 1.5);
        QCOMPARE(again.presentation(), true);
        QCOMPARE(again.lastExperiment(), QStringLiteral("builtin:3"));
        QCOMPARE(again.windowGeometry(), QByteArray("geometry"));
        QCOMPARE(again.windowState(), QByteArray("state"));
    }

    void badValuesFallBack_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QVariant>("value");
        QTest::addRow("theme unknown") << QStringLiteral("view/theme") << QVariant(QStringLiteral("neon"));
        QTest::addRow("language unknown") << QStringLiteral("view/language") << QVariant(QStringLiteral("fr"));
        QTest::addRow("zoom huge") << QStringLiteral("view/zoom") << QVariant(99.0);
        QTest::addRow("zoom text") << QStringLiteral("view/zoom") << QVariant(QStringLiteral("big"));
        QTest::addRow("poll rate text") << QStringLiteral("view/pollRateHz") << QVariant(QStringLiteral("fast"));
        QTest::addRow("poll rate negative") << QStringLiteral("view/pollRateHz") << QVariant(-5);
    }

    void badValuesFallBack()
    {
        QFETCH(QString, key);
        QFETCH(QVariant, value);
        QSettings(QStringLiteral("ShmScope"), QStringLiteral("ShmScope")).setValue(key, value);
        const AppSettings settings;
        QCOMPARE(settings.theme(), ClassroomTheme::dark());
        QCOMPARE(settings.language(), QString());
        QVERIFY(settings.zoom() >= AppSettings::kMinimumZoom && settings.zoom() <= AppSettings::kMaximumZoom);
        QCOMPARE(settings.pollRateHz(30), 30);
    }

    void windowComesBackAsItWasClosed()
    {
        {
            MainWindow window;
            window.classroom()->restoreSettings(); // nothing saved yet: defaults
            QCOMPARE(window.poller()->rateHz(), Poller::kDefaultHz);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.setPollRate(60);
            window.classroom()->setTheme(ClassroomTheme::contrastLight());
            window.classroom()->zoom()->setZoom(1.3);
            window.findChild<QDockWidget *>(QStringLiteral("ProcessesDock"))->hide();
            window.close(); // saves
        }
        MainWindow window;
        QVERIFY(window.findChild<QDockWidget *>(QStringLiteral("ProcessesDock"))->isVisibleTo(&window));
        window.classroom()->restoreSettings();
        QCOMPARE(window.poller()->rateHz(), 60);
        QCOMPARE(window.classroom()->theme(), ClassroomTheme::contrastLight());
        QCOMPARE(qApp->palette().color(QPalette::Window), QColor(Qt::white));
        QCOMPARE(window.classroom()->zoom()->zoom(), 1.3);
        QVERIFY(!window.findChild<QDockWidget *>(QStringLiteral("ProcessesDock"))->isVisibleTo(&window));
        window.classroom()->zoom()->resetZoom();
        window.classroom()->setTheme(ClassroomTheme::dark());
    }

    void windowWithoutRestoreLeavesSettingsAlone()
    {
        {
            MainWindow window; // a test window or a --screenshot run
            window.setPollRate(7);
            window.close();
        }
        QCOMPARE(AppSettings().pollRateHz(30), 30);
    }

    void presentationModeIsReadableFromTheBack()
    {
        MainWindow window;
        window.resize(1920, 1080);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const int normalPixels = QFontInfo(qApp->font()).pixelSize();
        const int normalCell = window.byteGrid()->cellRect(0).height();

        window.classroom()->setPresentation(true);
        QVERIFY(window.classroom()->isPresentation());
        QVERIFY2(QFontInfo(qApp->font()).pixelSize() >= 24,
                 qPrintable(QString::number(QFontInfo(qApp->font()).pixelSize())));
        QCOMPARE(window.classroom()->theme(), ClassroomTheme::contrastDark());
        const auto *typedDock = window.findChild<QDockWidget *>(QStringLiteral("TypedValuesDock"));
        QVERIFY2(QFontInfo(typedDock->font()).pixelSize() >= 24,
                 qPrintable(QStringLiteral("dock title %1 px, own font %2")
                                .arg(QFontInfo(typedDock->font()).pixelSize())
                                .arg(typedDock->testAttribute(Qt::WA_SetFont))));
        // QDockWidget paints its title with its construction-time font unless its own font differs from
        // the application's; a theme's style sheet drops a widget's own font, and presenting sets one.
        const auto paintsTitleZoomed = [](const QDockWidget *dock) {
            return dock->testAttribute(Qt::WA_SetFont) && dock->font() != QApplication::font("QDockWidget")
                   && QFontInfo(dock->font()).pixelSize() >= 24;
        };
        QVERIFY(paintsTitleZoomed(typedDock));
        window.classroom()->setTheme(ClassroomTheme::contrastLight());
        QVERIFY(paintsTitleZoomed(typedDock));
        QVERIFY(paintsTitleZoomed(window.findChild<QDockWidget *>(QStringLiteral("BlocksDock"))));
        window.classroom()->setTheme(ClassroomTheme::contrastDark());
        QVERIFY(!window.findChild<QDockWidget *>(QStringLiteral("SegmentsDock"))->isVisible());
        window.byteGrid()->setSegmentSize(64); // the grid's own monospace font scales too
        QVERIFY(window.byteGrid()->cellRect(0).height() > normalCell || normalCell <= 0);
        const QRect cell = window.byteGrid()->cellRect(0);
        QVERIFY2(cell.height() >= 24, qPrintable(QString::number(cell.height())));

        window.classroom()->setPresentation(false);
        QCOMPARE(QFontInfo(qApp->font()).pixelSize(), normalPixels);
        QCOMPARE(window.classroom()->theme(), ClassroomTheme::dark());
        QTRY_VERIFY(window.findChild<QDockWidget *>(QStringLiteral("SegmentsDock"))->isVisible());
    }

    void zoomStepsAndBounds()
    {
        ZoomController zoom;
        const double base = QApplication::font().pointSizeF();
        zoom.zoomIn();
        QCOMPARE(zoom.zoom(), ZoomController::kStep);
        QVERIFY(QApplication::font().pointSizeF() > base);
        for (int i = 0; i < 50; ++i)
            zoom.zoomIn();
        QCOMPARE(zoom.zoom(), AppSettings::kMaximumZoom);
        for (int i = 0; i < 50; ++i)
            zoom.zoomOut();
        QCOMPARE(zoom.zoom(), AppSettings::kMinimumZoom);
        zoom.resetZoom();
        QCOMPARE(QApplication::font().pointSizeF(), base);
    }
};

QTEST_MAIN(TstSettings)
#include "tst_settings.moc"
