// `shmscope --screenshot FILE` run as a user would: the real binary, offscreen. The PNG has the asked
// size and real content (many colours, text); bad arguments fail with one line and a non-zero code;
// the demo removes its segment and lock when the app exits.

#include "segment.h"

#include <QDir>
#include <QImage>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <unistd.h>

using namespace ShmScope;

class TstScreenshot : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static QString appPath()
    {
        const QString binDir = qEnvironmentVariable("SHMSCOPE_BIN_DIR", QCoreApplication::applicationDirPath());
        return binDir + QStringLiteral("/shmscope");
    }

    struct Run {
        int exitCode = -1;
        QString errorOutput;
        qint64 pid = 0;
    };

    static Run run(const QStringList &arguments)
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        process.setProcessEnvironment(environment);
        process.start(appPath(), arguments);
        Run result;
        if (!process.waitForStarted(10000))
            return result;
        result.pid = process.processId();
        if (!process.waitForFinished(60000)) {
            process.kill();
            process.waitForFinished();
            return result;
        }
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
        result.errorOutput = QString::fromLocal8Bit(process.readAllStandardError());
        return result;
    }

    // Not blank: a real window has hundreds of colours and plenty of bright text pixels on the dark theme.
    static void verifyRealContent(const QImage &image)
    {
        QSet<QRgb> colours;
        qint64 textPixels = 0;
        for (int y = 0; y < image.height(); y += 2) {
            const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
            for (int x = 0; x < image.width(); x += 2) {
                colours.insert(line[x]);
                if (qGray(line[x]) > 170)
                    ++textPixels;
            }
        }
        QVERIFY2(colours.size() > 300, qPrintable(QStringLiteral("%1 colours").arg(colours.size())));
        QVERIFY2(textPixels > 800, qPrintable(QStringLiteral("%1 text pixels").arg(textPixels)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFileInfo(appPath()).isExecutable(), qPrintable(appPath()));
    }

    void demoScreenshot_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QSize>("size");
        QTest::addRow("default size") << QStringList{} << QSize(1440, 900);
        QTest::addRow("1280x800") << QStringList{QStringLiteral("--size"), QStringLiteral("1280x800")} << QSize(1280, 800);
        QTest::addRow("full HD at 60 Hz")
            << QStringList{QStringLiteral("--size"), QStringLiteral("1920x1080"), QStringLiteral("--poll-hz"),
                           QStringLiteral("60")}
            << QSize(1920, 1080);
    }

    void demoScreenshot()
    {
        QFETCH(QStringList, extra);
        QFETCH(QSize, size);
        const QString file = m_dir.filePath(QStringLiteral("%1.png").arg(QTest::currentDataTag()));
        const Run result = run(QStringList{QStringLiteral("--screenshot"), file} + extra);
        QVERIFY2(result.exitCode == 0, qPrintable(result.errorOutput));
        QImage image(file);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), size);
        verifyRealContent(image.convertToFormat(QImage::Format_RGB32));
        // The demo cleaned up after itself: no segment or lock of that pid is left in /dev/shm.
        const QStringList left = QDir(QStringLiteral("/dev/shm"))
                                     .entryList({QStringLiteral("*shmscope-demo-%1*").arg(result.pid)}, QDir::Files);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1Char(' '))));
    }

    void attachScreenshot()
    {
        const QString name = QStringLiteral("shmscope-test-%1-shot").arg(::getpid());
        SegmentError error;
        std::unique_ptr<Segment> segment = Segment::create(name, 256, &error);
        QVERIFY2(segment, qPrintable(error.message));
        const qint32 one = 1;
        segment->write(0, &one, sizeof one);
        const QString file = m_dir.filePath(QStringLiteral("attach.png"));
        const Run result = run({QStringLiteral("--attach"), name, QStringLiteral("--layout"),
                                QStringLiteral("counter:i; values:d[4]"), QStringLiteral("--screenshot"), file,
                                QStringLiteral("--size"), QStringLiteral("1100x800")});
        SegmentError ignored;
        segment->unlink(&ignored);
        QVERIFY2(result.exitCode == 0, qPrintable(result.errorOutput));
        QImage image(file);
        QCOMPARE(image.size(), QSize(1100, 800));
        verifyRealContent(image.convertToFormat(QImage::Format_RGB32));
    }

    void badArgumentsFailWithOneLine_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("mentions");
        const QString file = QStringLiteral("/tmp/shmscope-never-written.png");
        QTest::addRow("size not WxH") << QStringList{"--screenshot", file, "--size", "big"} << 2 << "--size";
        QTest::addRow("size too small") << QStringList{"--screenshot", file, "--size", "10x10"} << 2 << "--size";
        QTest::addRow("size below the window's minimum")
            << QStringList{"--screenshot", file, "--size", "400x300"} << 1 << "smaller than the window";
        QTest::addRow("poll 0 Hz") << QStringList{"--poll-hz", "0"} << 2 << "--poll-hz";
        QTest::addRow("poll 500 Hz") << QStringList{"--poll-hz", "500"} << 2 << "--poll-hz";
        QTest::addRow("poll not a number") << QStringList{"--poll-hz", "fast"} << 2 << "--poll-hz";
        QTest::addRow("layout without attach") << QStringList{"--layout", "x:i"} << 2 << "--attach";
        QTest::addRow("bad layout") << QStringList{"--attach", "x", "--layout", "x:z"} << 2 << "unknown type code";
        QTest::addRow("unknown option") << QStringList{"--frobnicate"} << 2 << "frobnicate";
        QTest::addRow("stray argument") << QStringList{"extra"} << 2 << "extra";
        QTest::addRow("missing segment")
            << QStringList{"--attach", "shmscope-test-no-such-segment", "--screenshot", file} << 1
            << "shmscope-test-no-such-segment";
        QTest::addRow("unwritable folder") << QStringList{"--screenshot", "/nonexistent-dir/x.png"} << 1
                                           << "/nonexistent-dir";
    }

    void badArgumentsFailWithOneLine()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, mentions);
        const Run result = run(arguments);
        QCOMPARE(result.exitCode, exitCode);
        const QStringList lines = result.errorOutput.split(QLatin1Char('\n'), Qt::SkipEmptyParts)
                                      .filter(QStringLiteral("shmscope"));
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.constFirst().contains(mentions), qPrintable(lines.constFirst()));
        QVERIFY(!QFileInfo::exists(QStringLiteral("/tmp/shmscope-never-written.png")));
    }
};

QTEST_GUILESS_MAIN(TstScreenshot)
#include "tst_screenshot.moc"
