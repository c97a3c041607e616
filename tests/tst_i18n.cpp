// Languages: every entry of both .ts files is finished (and keeps its source's %1 placeholders), the
// .qm files are embedded, a CJK font renders 共享内存, and the main window switches between English and
// Simplified Chinese at run time — menus, dock titles, the About box — without being rebuilt.

#include "aboutdialog.h"
#include "classroomcontroller.h"
#include "languagemanager.h"
#include "mainwindow.h"

#include <QDockWidget>
#include <QFile>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QMenuBar>
#include <QRegularExpression>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QXmlStreamReader>

using namespace ShmScope;

namespace {

QString tsPath(const QString &language)
{
    return QStringLiteral(SHMSCOPE_SOURCE_DIR "/resources/translations/shmscope_") + language
           + QStringLiteral(".ts");
}

QStringList placeholdersOf(const QString &text)
{
    static const QRegularExpression placeholder(QStringLiteral("%L?\\d+|%n"));
    QStringList found;
    for (auto it = placeholder.globalMatch(text); it.hasNext();)
        found << it.next().captured();
    found.sort();
    found.removeDuplicates();
    return found;
}

QString menuTitle(MainWindow &window, int index)
{
    return window.menuBar()->actions().value(index) ? window.menuBar()->actions().at(index)->text() : QString();
}

QString dockTitle(MainWindow &window, const char *objectName)
{
    const auto *dock = window.findChild<QDockWidget *>(QString::fromLatin1(objectName));
    return dock ? dock->windowTitle() : QString();
}

// The main toolbar's display-mode buttons (the checkable ones), each fitting its whole text.
QStringList modeButtonTexts(MainWindow &window)
{
    QStringList texts;
    const auto *bar = window.findChild<QToolBar *>(QStringLiteral("MainToolBar"));
    if (!bar)
        return texts;
    for (QAction *action : bar->actions()) {
        const auto *button = qobject_cast<QToolButton *>(bar->widgetForAction(action));
        if (!action->isCheckable() || !button)
            continue;
        const bool fits = button->width() >= button->fontMetrics().horizontalAdvance(button->text());
        texts << (fits ? button->text() : QStringLiteral("clipped: ") + button->text());
    }
    return texts;
}

bool hasHan(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff)
            return true;
    }
    return false;
}

} // namespace

class TstI18n : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Before any window: the translator must see every constructor's tr() to switch later.
        QVERIFY(LanguageManager::instance()->setLanguage(QStringLiteral("en")));
    }

    void tsFileIsFinished_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addRow("en") << QStringLiteral("en");
        QTest::addRow("zh_CN") << QStringLiteral("zh_CN");
    }

    void tsFileIsFinished()
    {
        QFETCH(QString, language);
        QFile file(tsPath(language));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        QXmlStreamReader xml(&file);
        int messages = 0;
        QString context, source;
        QStringList problems;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("TS")) {
                QVERIFY(xml.attributes().value(QLatin1String("language")).startsWith(language)); // en_US, zh_CN
            } else if (xml.name() == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
                ++messages;
            } else if (xml.name() == QLatin1String("translation")) {
                const QString type = xml.attributes().value(QLatin1String("type")).toString();
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                if (!type.isEmpty())
                    problems << QStringLiteral("%1 (%2): \"%3\"").arg(type, context, source);
                else if (text.isEmpty())
                    problems << QStringLiteral("empty (%1): \"%2\"").arg(context, source);
                else if (placeholdersOf(text) != placeholdersOf(source))
                    problems << QStringLiteral("placeholders differ (%1): \"%2\" -> \"%3\"").arg(context, source, text);
                else if (language == QLatin1String("zh_CN") && hasHan(source))
                    problems << QStringLiteral("source is not English (%1): \"%2\"").arg(context, source);
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY2(messages > 400, "the .ts should hold every text of the GUI");
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void qmFilesAreEmbedded()
    {
        for (const QString &language : LanguageManager::languages()) {
            QFile qm(QStringLiteral(":/i18n/shmscope_") + language + QStringLiteral(".qm"));
            QVERIFY2(qm.open(QIODevice::ReadOnly), qPrintable(qm.fileName()));
            QVERIFY(qm.size() > 1000);
        }
        QVERIFY(!LanguageManager::instance()->setLanguage(QStringLiteral("fr"))); // refused, kept
        QCOMPARE(LanguageManager::instance()->language(), QStringLiteral("en"));
    }

    void cjkFontIsInstalled()
    {
        const QStringList families = QFontDatabase::families(QFontDatabase::SimplifiedChinese);
        QVERIFY2(!families.isEmpty(), "no Simplified Chinese font: install fonts-wqy-microhei");
        bool covered = false;
        for (const QString &family : families) {
            const QFontMetrics metrics{QFont(family)};
            covered = covered
                      || (metrics.inFontUcs4(U'共') && metrics.inFontUcs4(U'享') && metrics.inFontUcs4(U'锁'));
        }
        QVERIFY2(covered, qPrintable(families.join(QStringLiteral(", "))));
    }

    void mainWindowSwitchesLanguageAtRunTime()
    {
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(menuTitle(window, 0), QStringLiteral("&File"));
        QCOMPARE(dockTitle(window, "SegmentsDock"), QStringLiteral("Segments"));

        window.classroom()->setLanguage(QStringLiteral("zh_CN"));
        QCOMPARE(LanguageManager::instance()->language(), QStringLiteral("zh_CN"));
        QCOMPARE(LanguageManager::instance()->experimentLanguage(), QStringLiteral("zh"));
        QCOMPARE(menuTitle(window, 0), QStringLiteral("文件(&F)"));
        QCOMPARE(menuTitle(window, 1), QStringLiteral("视图(&V)"));
        QCOMPARE(dockTitle(window, "SegmentsDock"), QStringLiteral("共享内存段"));
        QCOMPARE(dockTitle(window, "SyncDock"), QStringLiteral("同步对象"));
        const QImage chinese = window.grab().toImage();
        QVERIFY(!chinese.isNull());
        QCOMPARE(chinese.size(), window.size() * chinese.devicePixelRatio());

        AboutDialog about;
        QVERIFY(about.bodyText().contains(QStringLiteral("MIT 许可证")));
        QVERIFY(about.bodyText().contains(QStringLiteral(SHMSCOPE_VERSION)));

        window.classroom()->setLanguage(QStringLiteral("en"));
        QCOMPARE(menuTitle(window, 0), QStringLiteral("&File"));
        QCOMPARE(dockTitle(window, "SegmentsDock"), QStringLiteral("Segments"));
        // The dialog retranslates itself on the LanguageChange event the application posts on.
        QTRY_VERIFY(about.bodyText().contains(QStringLiteral("MIT licence")));
        QVERIFY(!hasHan(about.bodyText()));
    }

    void displayModeButtonsShowWholeWords()
    {
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QStringList english{QStringLiteral("HEX"), QStringLiteral("DEC"), QStringLiteral("BIN"),
                                  QStringLiteral("ASCII")};
        QCOMPARE(modeButtonTexts(window), english);

        // Three characters of 十六进制 used to be shown: whole words, re-translated at run time.
        window.classroom()->setLanguage(QStringLiteral("zh_CN"));
        // The toolbar lays its buttons out again on the LayoutRequest the new texts post.
        QTRY_COMPARE(modeButtonTexts(window), (QStringList{QStringLiteral("十六进制"), QStringLiteral("十进制"),
                                                       QStringLiteral("二进制"), QStringLiteral("ASCII")}));
        const auto *bar = window.findChild<QToolBar *>(QStringLiteral("MainToolBar"));
        QVERIFY(bar);
        QVERIFY(bar->actions().size() > 2);
        bool hexToolTipFound = false;
        for (QAction *action : bar->actions())
            hexToolTipFound = hexToolTipFound || action->toolTip().startsWith(QStringLiteral("十六进制（"));
        QVERIFY(hexToolTipFound);

        window.classroom()->setLanguage(QStringLiteral("en"));
        QTRY_COMPARE(modeButtonTexts(window), english);
        // The View > Display Mode menu shares 十六进制 with the button yet must come back as the full word.
        QStringList actionTexts;
        for (const QAction *action : window.findChildren<QAction *>())
            actionTexts << action->text();
        QVERIFY(actionTexts.contains(QStringLiteral("Hexadecimal")));
        QVERIFY(!actionTexts.contains(QStringLiteral("十六进制")));
    }
};

QTEST_MAIN(TstI18n)
#include "tst_i18n.moc"
