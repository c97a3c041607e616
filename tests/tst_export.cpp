// Export for slides: the main window and a single dock as PNG (loads, the window's size, not one flat
// colour) and as SVG (QSvgRenderer reads it, same size); a bad name or an unwritable folder gets one
// message and writes nothing; the operation log refuses cleanly when there is no timeline.

#include "classroomcontroller.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "viewexporter.h"

#include <QDockWidget>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>

using namespace ShmScope;

namespace {
int distinctColours(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7) {
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    }
    return int(colours.size());
}
} // namespace

class TstExport : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;

    QWidget *target(const QString &which) const
    {
        if (which == QLatin1String("window"))
            return m_window.get();
        return m_window->findChild<QDockWidget *>(which);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(LanguageManager::instance()->setLanguage(QStringLiteral("en")));
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanupTestCase() { m_window.reset(); }

    void exportsPngAndSvg_data()
    {
        QTest::addColumn<QString>("which");
        QTest::addRow("main window") << QStringLiteral("window");
        QTest::addRow("sync dock") << QStringLiteral("SyncDock");
        QTest::addRow("segments dock") << QStringLiteral("SegmentsDock");
    }

    void exportsPngAndSvg()
    {
        QFETCH(QString, which);
        QWidget *widget = target(which);
        QVERIFY(widget);
        QString error;
        const QString png = m_dir.filePath(which + QStringLiteral(".png"));
        QVERIFY2(m_window->classroom()->exportView(widget, png, &error), qPrintable(error));
        const QImage image(png);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), widget->size() * widget->devicePixelRatioF());
        QVERIFY2(distinctColours(image) > 3, "the PNG is blank");

        const QString svg = m_dir.filePath(which + QStringLiteral(".svg"));
        QVERIFY2(m_window->classroom()->exportView(widget, svg, &error), qPrintable(error));
        QSvgRenderer renderer(svg);
        QVERIFY(renderer.isValid());
        // The view box is in the widget's pixels; width and height are physical units at the screen's dpi.
        QCOMPARE(renderer.viewBox().size(), widget->size());
        QVERIFY(qAbs(renderer.defaultSize().width() * widget->height() - renderer.defaultSize().height() * widget->width())
                <= widget->width() + widget->height());
        QImage drawn(widget->size(), QImage::Format_ARGB32);
        drawn.fill(Qt::transparent);
        QPainter painter(&drawn);
        renderer.render(&painter);
        painter.end();
        QVERIFY2(distinctColours(drawn) > 3, "the SVG draws nothing");
    }

    void badTargetsAreRefused_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message");
        QTest::addRow("no suffix") << m_dir.filePath(QStringLiteral("slide")) << QStringLiteral(".png or .svg");
        QTest::addRow("jpeg") << m_dir.filePath(QStringLiteral("slide.jpg")) << QStringLiteral(".png or .svg");
        QTest::addRow("png, no folder") << QStringLiteral("/nonexistent-folder/slide.png")
                                        << QStringLiteral("Cannot write");
        QTest::addRow("svg, no folder") << QStringLiteral("/nonexistent-folder/slide.svg")
                                        << QStringLiteral("Cannot write");
    }

    void badTargetsAreRefused()
    {
        QFETCH(QString, path);
        QFETCH(QString, message);
        QString error;
        QVERIFY(!ViewExporter::exportView(m_window.get(), path, &error));
        QVERIFY2(error.contains(message), qPrintable(error));
        QVERIFY(!QFile::exists(path));
    }

    void emptyWidgetIsRefused()
    {
        QWidget empty;
        empty.resize(0, 0);
        QString error;
        QVERIFY(!ViewExporter::exportPng(&empty, m_dir.filePath(QStringLiteral("empty.png")), &error));
        QVERIFY(error.contains(QStringLiteral("nothing to export")));
    }

    void operationLogNeedsATimeline()
    {
        QString error;
        const QString csv = m_dir.filePath(QStringLiteral("log.csv"));
        const bool hasTimeline = !m_window->findChildren<QWidget *>(QStringLiteral("TimelinePanel")).isEmpty();
        const bool written = m_window->classroom()->exportOperationLog(csv, &error);
        if (!written) {
            QVERIFY2(error.contains(QStringLiteral("timeline")) || hasTimeline, qPrintable(error));
            QVERIFY(!error.isEmpty());
        } else {
            QFile file(csv);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY(file.readLine().contains(','));
        }
    }
};

QTEST_MAIN(TstExport)
#include "tst_export.moc"
