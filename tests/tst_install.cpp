// The install tree: `cmake --install` into a fresh prefix holds the programs, the .desktop file, the icon and
// the AppStream metainfo, they name each other consistently, and the freedesktop validators accept them.
// The embedded icon (shmscope_resources) renders, in its palette, at the sizes desktops ask for.

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QtTest>

namespace {

const QString appId = QStringLiteral("io.github.shmscope.ShmScope");
const QString desktopPath = QStringLiteral("share/applications/") + appId + QStringLiteral(".desktop");
const QString metainfoPath = QStringLiteral("share/metainfo/") + appId + QStringLiteral(".metainfo.xml");
const QString iconPath = QStringLiteral("share/icons/hicolor/scalable/apps/") + appId + QStringLiteral(".svg");

struct ToolRun
{
    bool started = false;
    int exitCode = -1;
    QString output; // stdout and stderr together, as a person running the command would see them
};

ToolRun runTool(const QString &program, const QStringList &arguments)
{
    ToolRun run;
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForStarted()) {
        run.output = process.errorString();
        return run;
    }
    run.started = true;
    if (!process.waitForFinished(240000)) {
        process.kill();
        process.waitForFinished();
        run.output = QStringLiteral("did not finish within 4 minutes\n")
                     + QString::fromLocal8Bit(process.readAll());
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.output = QString::fromLocal8Bit(process.readAll());
    return run;
}

QString readText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

// The value of `key=` in a .desktop file's main group (the only group ours has).
QString desktopValue(const QString &desktopText, const QString &key)
{
    const QRegularExpression line(QStringLiteral("^") + QRegularExpression::escape(key)
                                      + QStringLiteral("=(.*)$"),
                                  QRegularExpression::MultilineOption);
    return line.match(desktopText).captured(1).trimmed();
}

} // namespace

class TestInstall : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void installedFile_data();
    void installedFile();
    void desktopFileValidates();
    void metainfoValidates();
    void installTreeValidates();
    void desktopEntryNamesInstalledFiles();
    void metainfoNamesInstalledFiles();
    void installedIconIsTheEmbeddedOne();

    void embeddedIconRenders_data();
    void embeddedIconRenders();

private:
    QString installed(const QString &relative) const { return m_prefix.filePath(relative); }
    void expectValidatorPasses(const QString &tool, const QString &debianPackage, const QStringList &arguments);

    QTemporaryDir m_prefix;
};

void TestInstall::initTestCase()
{
    QVERIFY2(m_prefix.isValid(), qPrintable(m_prefix.errorString()));
    const ToolRun install = runTool(QStringLiteral(SHMSCOPE_CMAKE_COMMAND),
                                    {QStringLiteral("--install"), QStringLiteral(SHMSCOPE_BUILD_DIR),
                                     QStringLiteral("--prefix"), m_prefix.path()});
    QVERIFY2(install.started, qPrintable(QStringLiteral("could not start cmake: ") + install.output));
    QVERIFY2(install.exitCode == 0,
             qPrintable(QStringLiteral("cmake --install failed (is the whole project built?):\n")
                        + install.output));
}

void TestInstall::installedFile_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("executable");

    // SHMSCOPE_INSTALLED_PROGRAMS lists the program targets this build defines (tests/CMakeLists.txt).
    const QStringList programs =
        QStringLiteral(SHMSCOPE_INSTALLED_PROGRAMS).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &program : programs)
        QTest::addRow("bin/%s", qPrintable(program)) << QStringLiteral("bin/") + program << true;
    QTest::addRow("desktop entry") << desktopPath << false;
    QTest::addRow("metainfo") << metainfoPath << false;
    QTest::addRow("scalable icon") << iconPath << false;
}

void TestInstall::installedFile()
{
    QFETCH(QString, path);
    QFETCH(bool, executable);

    const QFileInfo info(installed(path));
    QVERIFY2(info.isFile(), qPrintable(QStringLiteral("not installed: ") + path));
    QVERIFY2(info.size() > 0, qPrintable(QStringLiteral("installed empty: ") + path));
    QCOMPARE(info.isExecutable(), executable);
}

void TestInstall::expectValidatorPasses(const QString &tool, const QString &debianPackage,
                                        const QStringList &arguments)
{
    const QString program = QStandardPaths::findExecutable(tool);
    QVERIFY2(!program.isEmpty(), qPrintable(tool + QStringLiteral(" not found; apt-get install ") + debianPackage));
    const ToolRun run = runTool(program, arguments);
    QVERIFY2(run.started, qPrintable(QStringLiteral("could not start ") + tool + QStringLiteral(": ") + run.output));
    // Hints and pedantic notes still exit 0; warnings and errors do not.
    QVERIFY2(run.exitCode == 0,
             qPrintable(tool + QLatin1Char(' ') + arguments.join(QLatin1Char(' ')) + QStringLiteral(" exited ")
                        + QString::number(run.exitCode) + QStringLiteral(":\n") + run.output));
    if (!run.output.trimmed().isEmpty())
        qInfo("%s says:\n%s", qPrintable(tool), qPrintable(run.output.trimmed()));
}

void TestInstall::desktopFileValidates()
{
    expectValidatorPasses(QStringLiteral("desktop-file-validate"), QStringLiteral("desktop-file-utils"),
                          {installed(desktopPath)});
}

void TestInstall::metainfoValidates()
{
    // --no-net: CI has no network, and URL checks would make the result depend on it.
    expectValidatorPasses(QStringLiteral("appstreamcli"), QStringLiteral("appstream"),
                          {QStringLiteral("validate"), QStringLiteral("--no-net"), installed(metainfoPath)});
}

void TestInstall::installTreeValidates()
{
    // validate-tree also checks that the metainfo's launchable finds the installed .desktop file.
    expectValidatorPasses(QStringLiteral("appstreamcli"), QStringLiteral("appstream"),
                          {QStringLiteral("validate-tree"), QStringLiteral("--no-net"), m_prefix.path()});
}

void TestInstall::desktopEntryNamesInstalledFiles()
{
    const QString desktop = readText(installed(desktopPath));
    QVERIFY2(!desktop.isEmpty(), "the .desktop file is missing or empty");

    // Exec is looked up on PATH, so it must be a bare program name that the tree installs into bin/.
    const QString exec = desktopValue(desktop, QStringLiteral("Exec")).section(QLatin1Char(' '), 0, 0);
    QVERIFY2(!exec.contains(QLatin1Char('/')), qPrintable(QStringLiteral("Exec is a path: ") + exec));
    QVERIFY2(QFileInfo(installed(QStringLiteral("bin/") + exec)).isExecutable(),
             qPrintable(QStringLiteral("Exec names a program that is not installed: ") + exec));

    // Icon is a theme name: hicolor/scalable/apps/<Icon>.svg must exist.
    const QString icon = desktopValue(desktop, QStringLiteral("Icon"));
    QCOMPARE(icon, appId);
    QVERIFY(QFileInfo::exists(installed(iconPath)));
}

void TestInstall::metainfoNamesInstalledFiles()
{
    const QString metainfo = readText(installed(metainfoPath));
    QVERIFY2(!metainfo.isEmpty(), "the metainfo file is missing or empty");

    QVERIFY(metainfo.contains(QStringLiteral("<id>") + appId + QStringLiteral("</id>")));
    QVERIFY(metainfo.contains(QStringLiteral("<launchable type=\"desktop-id\">") + appId
                              + QStringLiteral(".desktop</launchable>")));

    // Every <binary> the metainfo promises is installed, and both user-facing programs are promised.
    const QRegularExpression binaryTag(QStringLiteral("<binary>([^<]+)</binary>"));
    QStringList binaries;
    for (auto it = binaryTag.globalMatch(metainfo); it.hasNext();)
        binaries << it.next().captured(1);
    QCOMPARE(binaries, QStringList({QStringLiteral("shmscope"), QStringLiteral("shmscope-cli")}));
    for (const QString &binary : std::as_const(binaries))
        QVERIFY2(QFileInfo(installed(QStringLiteral("bin/") + binary)).isExecutable(),
                 qPrintable(QStringLiteral("metainfo provides a binary that is not installed: ") + binary));

    QVERIFY(metainfo.contains(QStringLiteral("<release version=\"" SHMSCOPE_VERSION "\"")));
}

void TestInstall::installedIconIsTheEmbeddedOne()
{
    QFile embedded(QStringLiteral(":/icons/shmscope.svg"));
    QVERIFY2(embedded.open(QIODevice::ReadOnly), "shmscope_resources does not embed :/icons/shmscope.svg");
    QFile onDisk(installed(iconPath));
    QVERIFY2(onDisk.open(QIODevice::ReadOnly), qPrintable(onDisk.errorString()));
    QCOMPARE(onDisk.readAll(), embedded.readAll());
}

void TestInstall::embeddedIconRenders_data()
{
    // Points in the icon's 64-unit design grid, and the Okabe–Ito colour each must show.
    QTest::addColumn<int>("size");
    QTest::addColumn<QPointF>("designPoint");
    QTest::addColumn<QColor>("expected");

    for (const int size : {16, 32, 256}) {
        QTest::addRow("%dpx shared cell yellow", size) << size << QPointF(32, 48) << QColor(0xF0, 0xE4, 0x42);
        QTest::addRow("%dpx block blue", size) << size << QPointF(32, 58) << QColor(0x00, 0x72, 0xB2);
        QTest::addRow("%dpx left process orange", size) << size << QPointF(12, 12) << QColor(0xE6, 0x9F, 0x00);
        QTest::addRow("%dpx right process green", size) << size << QPointF(52, 12) << QColor(0x00, 0x9E, 0x73);
        QTest::addRow("%dpx top centre transparent", size) << size << QPointF(32, 2) << QColor(Qt::transparent);
    }
}

void TestInstall::embeddedIconRenders()
{
    QFETCH(int, size);
    QFETCH(QPointF, designPoint);
    QFETCH(QColor, expected);

    QSvgRenderer renderer(QStringLiteral(":/icons/shmscope.svg"));
    QVERIFY(renderer.isValid());
    QImage image(size, size, QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    renderer.render(&painter, QRectF(0, 0, size, size));
    painter.end();

    // The pixel that covers the design point (truncation, not rounding, which could step onto a neighbour).
    const QPoint pixel(int(designPoint.x() * size / 64), int(designPoint.y() * size / 64));
    const QColor actual = image.pixelColor(pixel);
    // Sample points sit inside shapes, away from anti-aliased edges, so the colour is exact but for rounding.
    const auto close = [](int a, int b) { return qAbs(a - b) <= 2; };
    QVERIFY2(close(actual.alpha(), expected.alpha())
                 && (expected.alpha() == 0
                     || (close(actual.red(), expected.red()) && close(actual.green(), expected.green())
                         && close(actual.blue(), expected.blue()))),
             qPrintable(QStringLiteral("pixel (%1, %2) is %3, expected %4")
                            .arg(pixel.x())
                            .arg(pixel.y())
                            .arg(actual.name(QColor::HexArgb), expected.name(QColor::HexArgb))));
}

QTEST_MAIN(TestInstall)
#include "tst_install.moc"
