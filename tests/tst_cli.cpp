// shmscope-cli end to end: the built binary run with QProcess (no shell), checked against the bytes in
// /dev/shm, against xxd, and against a real python3 process that filled a block with every type code.

#include "clirun.h"
#include "segment.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace ShmScope;
using namespace ShmScopeTest;

namespace {


constexpr int kTimeoutMs = 30000;

} // namespace

class TestCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void helpListsEveryCommand();
    void createWriteReadJsonRoundTrip();
    void writeWrapsLikePythonAndWarns();
    void writeValidatesEverythingBeforeWriting();
    void nonFiniteFloatsAreJsonNull();
    void readReportsFieldsBeyondTheEnd();
    void dumpMatchesXxd_data();
    void dumpMatchesXxd();
    void badInputFailsWithOneLineAndLeavesNothing_data();
    void badInputFailsWithOneLineAndLeavesNothing();
    void createRefusesAnExistingNameAndKeepsIt();
    void rmUnlinks();
    void pythonBlockIsDecodedListedAndItsProcessNamed();

private:
    CliResult runCli(const QStringList &arguments) const;
    QString newName(); // registered for cleanup
    QString shmPrefix() const;
    QStringList ourSegments() const; // this test's names in /dev/shm
    QByteArray segmentBytes(const QString &name) const;

    QString m_cli;
    QString m_python;
    QString m_xxd;
    int m_counter = 0;
    QStringList m_names;
};

void TestCli::initTestCase()
{
    const QString binDir = qEnvironmentVariable("SHMSCOPE_BIN_DIR");
    QVERIFY2(!binDir.isEmpty(), "SHMSCOPE_BIN_DIR is not set (ctest sets it)");
    m_cli = QDir(binDir).filePath(QStringLiteral("shmscope-cli"));
    QVERIFY2(QFileInfo(m_cli).isExecutable(), qPrintable(m_cli + QStringLiteral(" is not built")));
    m_python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    QVERIFY2(!m_python.isEmpty(), "python3 is not installed (.ci/setup installs it)");
    m_xxd = QStandardPaths::findExecutable(QStringLiteral("xxd"));
    QVERIFY2(!m_xxd.isEmpty(), "xxd is not installed (.ci/setup installs it)");
}

void TestCli::cleanup()
{
    // Runs after every test function, failed or not.
    for (const QString &name : std::as_const(m_names)) {
        if (QFileInfo::exists(QStringLiteral("/dev/shm/") + name)) {
            SegmentError error;
            Segment::unlinkByName(name, &error);
        }
    }
    m_names.clear();
}

CliResult TestCli::runCli(const QStringList &arguments) const
{
    return runProgram(m_cli, arguments, kTimeoutMs);
}

QString TestCli::shmPrefix() const
{
    return QStringLiteral("shmscope-test-%1-").arg(QCoreApplication::applicationPid());
}

QString TestCli::newName()
{
    const QString name = shmPrefix() + QString::number(++m_counter);
    m_names.append(name);
    return name;
}

QStringList TestCli::ourSegments() const
{
    // Only this process's names: other suites running in parallel (ctest -j2) change /dev/shm too.
    return QDir(QStringLiteral("/dev/shm"))
        .entryList({shmPrefix() + QLatin1Char('*')}, QDir::Files | QDir::System | QDir::Hidden, QDir::Name);
}

QByteArray TestCli::segmentBytes(const QString &name) const
{
    QFile file(QStringLiteral("/dev/shm/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// ---- tests -----------------------------------------------------------------------------------

void TestCli::helpListsEveryCommand()
{
    const CliResult help = runCli({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    for (const char *command : {"list", "create", "dump", "read", "write", "who", "rm"})
        QVERIFY2(help.out.contains(QByteArray(QByteArray("\n  ") + command + ' ')), command);

    // Every command the overview lists (teammates' groups included) has its own usage text, and
    // `CMD --help` prints the same text as `help CMD`.
    const QStringList overviewLines = QString::fromUtf8(help.out).split(QLatin1Char('\n'));
    int commandCount = 0;
    for (const QString &line : overviewLines) {
        if (!line.startsWith(QStringLiteral("  ")) || line.at(2).isSpace())
            continue;
        const QString command = line.section(QLatin1Char(' '), 0, 0, QString::SectionSkipEmpty);
        const CliResult usage = runCli({QStringLiteral("help"), command});
        QVERIFY2(usage.exitCode == 0, qPrintable(command));
        QVERIFY2(usage.out.startsWith(QByteArray("usage: shmscope-cli " + command.toUtf8())), qPrintable(command));
        ++commandCount;
    }
    QVERIFY(commandCount >= 7);
    for (const char *command : {"list", "create", "dump", "read", "write", "who", "rm"}) {
        const CliResult usage = runCli({QString::fromLatin1(command), QStringLiteral("--help")});
        QCOMPARE(usage.exitCode, 0);
        QCOMPARE(usage.out, runCli({QStringLiteral("help"), QString::fromLatin1(command)}).out);
    }

    const CliResult unknown = runCli({QStringLiteral("frobnicate")});
    QVERIFY(unknown.exitCode != 0);
    QCOMPARE(unknown.errLines().size(), 1);
    QVERIFY(unknown.err.startsWith("shmscope-cli: unknown command 'frobnicate'"));
}

void TestCli::createWriteReadJsonRoundTrip()
{
    const QString name = newName();
    const QString layout = QStringLiteral("counter:i; temps:d[3]; flag:?; label:c[6]; wide:u; big:Q");
    CliResult result = runCli({QStringLiteral("create"), name, QStringLiteral("--layout"), layout,
                               QStringLiteral("--init"), QStringLiteral("counter=7"), QStringLiteral("--init"),
                               QStringLiteral("label=b'abc'")});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY(result.err.isEmpty());
    QCOMPARE(segmentBytes(name).size(), 56); // ctypes: i@0, d[3]@8, ?@32, c[6]@33, u@40, Q@48

    result = runCli({QStringLiteral("write"), name, QStringLiteral("--layout"), layout,
                     QStringLiteral("temps=1.5,-2.25,1e300"), QStringLiteral("flag=True"),
                     QStringLiteral("label[4]=z"), QStringLiteral("wide=\u20ac"),
                     QStringLiteral("big=18446744073709551615")});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY(result.err.isEmpty());

    result = runCli({QStringLiteral("read"), name, QStringLiteral("--layout"), layout, QStringLiteral("--json")});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(result.out, &parseError);
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));
    const QJsonObject root = document.object();
    QCOMPARE(root.value(QStringLiteral("segment")).toString(), name);
    QCOMPARE(root.value(QStringLiteral("size")).toInteger(), qint64(segmentBytes(name).size()));

    const QJsonArray fields = root.value(QStringLiteral("fields")).toArray();
    QCOMPARE(fields.size(), 6);
    const auto field = [&fields](int i) { return fields.at(i).toObject(); };
    QCOMPARE(field(0).value(QStringLiteral("name")).toString(), QStringLiteral("counter"));
    QCOMPARE(field(0).value(QStringLiteral("code")).toString(), QStringLiteral("i"));
    QCOMPARE(field(0).value(QStringLiteral("offset")).toInt(), 0);
    QCOMPARE(field(0).value(QStringLiteral("size")).toInt(), 4);
    QCOMPARE(field(0).value(QStringLiteral("count")).toInt(), 1);
    QCOMPARE(field(0).value(QStringLiteral("values")).toArray(), QJsonArray({7}));
    QCOMPARE(field(1).value(QStringLiteral("offset")).toInt(), 8);
    QCOMPARE(field(1).value(QStringLiteral("size")).toInt(), 24);
    QCOMPARE(field(1).value(QStringLiteral("values")).toArray(), QJsonArray({1.5, -2.25, 1e300}));
    QCOMPARE(field(2).value(QStringLiteral("values")).toArray(), QJsonArray({true}));
    // ctypes' c_char array .value = b'abc' stores the bytes and one NUL; [4] was written alone.
    QCOMPARE(field(3).value(QStringLiteral("values")).toArray(),
             QJsonArray({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
                         QString(QChar(0)), QStringLiteral("z"), QString(QChar(0))}));
    QCOMPARE(field(4).value(QStringLiteral("values")).toArray(), QJsonArray({QStringLiteral("\u20ac")}));
    QCOMPARE(field(5).value(QStringLiteral("code")).toString(), QStringLiteral("Q"));
    // QJsonDocument reads integers beyond qint64 as double; the exact text is checked instead.
    QVERIFY(result.out.contains("\"values\": [18446744073709551615]"));

    // The same bytes, little-endian, in the file itself.
    const QByteArray bytes = segmentBytes(name);
    QCOMPARE(bytes.left(4), QByteArray("\x07\x00\x00\x00", 4));
    QCOMPARE(bytes.mid(40, 4), QByteArray("\xac\x20\x00\x00", 4)); // wchar_t is UTF-32 here
}

void TestCli::writeWrapsLikePythonAndWarns()
{
    const QString name = newName();
    const QString layout = QStringLiteral("small:b; count:i");
    QCOMPARE(runCli({QStringLiteral("create"), name, QStringLiteral("--layout"), layout}).exitCode, 0);
    const CliResult write = runCli({QStringLiteral("write"), name, QStringLiteral("--layout"), layout,
                                    QStringLiteral("small=300"), QStringLiteral("count=2147483648")});
    QCOMPARE(write.exitCode, 0);
    // Python's Value('b', 300).value == 44 and Value('i', 2**31).value == -2147483648, silently.
    const QStringList warnings = write.errLines();
    QCOMPARE(warnings.size(), 2);
    QVERIFY2(warnings.at(0).startsWith(QStringLiteral("shmscope-cli: warning: small: 300"))
                 && warnings.at(0).endsWith(QStringLiteral("Python stores 44")),
             qPrintable(warnings.at(0)));
    QVERIFY2(warnings.at(1).endsWith(QStringLiteral("Python stores -2147483648")), qPrintable(warnings.at(1)));
    const QByteArray bytes = segmentBytes(name);
    QCOMPARE(quint8(bytes.at(0)), quint8(44));
    QCOMPARE(bytes.mid(4, 4), QByteArray("\x00\x00\x00\x80", 4));
}

void TestCli::writeValidatesEverythingBeforeWriting()
{
    const QString name = newName();
    const QString layout = QStringLiteral("a:i; b:i; c:d[2]");
    QCOMPARE(runCli({QStringLiteral("create"), name, QStringLiteral("--layout"), layout, QStringLiteral("--init"),
                     QStringLiteral("a=1"), QStringLiteral("--init"), QStringLiteral("b=2")})
                 .exitCode,
             0);
    const QByteArray before = segmentBytes(name);
    for (const QString &bad : {QStringLiteral("b=1.5"), QStringLiteral("nosuch=1"), QStringLiteral("c=1,2,3"),
                               QStringLiteral("c[2]=1"), QStringLiteral("garbage")}) {
        const CliResult write = runCli({QStringLiteral("write"), name, QStringLiteral("--layout"), layout,
                                        QStringLiteral("a=99"), bad});
        QVERIFY2(write.exitCode != 0, qPrintable(bad));
        QCOMPARE(write.errLines().size(), 1);
        QCOMPARE(segmentBytes(name), before); // a=99 came first, and was not written either
    }
}

void TestCli::nonFiniteFloatsAreJsonNull()
{
    const QString name = newName();
    const QString layout = QStringLiteral("a:d; b:f; c:d[2]");
    QCOMPARE(runCli({QStringLiteral("create"), name, QStringLiteral("--layout"), layout, QStringLiteral("--init"),
                     QStringLiteral("a=nan"), QStringLiteral("--init"), QStringLiteral("b=inf"),
                     QStringLiteral("--init"), QStringLiteral("c=-inf,0.25")})
                 .exitCode,
             0);
    const CliResult json = runCli({QStringLiteral("read"), name, QStringLiteral("--layout"), layout,
                                   QStringLiteral("--json")});
    QCOMPARE(json.exitCode, 0);
    QJsonParseError parseError;
    const QJsonArray fields =
        QJsonDocument::fromJson(json.out, &parseError).object().value(QStringLiteral("fields")).toArray();
    QVERIFY2(parseError.error == QJsonParseError::NoError, json.out.constData()); // no bare NaN in the text
    QCOMPARE(fields.at(0).toObject().value(QStringLiteral("values")).toArray(), QJsonArray({QJsonValue::Null}));
    QCOMPARE(fields.at(1).toObject().value(QStringLiteral("values")).toArray(), QJsonArray({QJsonValue::Null}));
    QCOMPARE(fields.at(2).toObject().value(QStringLiteral("values")).toArray(),
             QJsonArray({QJsonValue::Null, 0.25}));
    // The table shows them as Python prints them.
    const CliResult table = runCli({QStringLiteral("read"), name, QStringLiteral("--layout"), layout});
    QVERIFY2(table.out.contains(" nan\n") && table.out.contains(" inf\n") && table.out.contains("[-inf, 0.25]"),
             table.out.constData());
}

void TestCli::readReportsFieldsBeyondTheEnd()
{
    const QString name = newName();
    QCOMPARE(runCli({QStringLiteral("create"), name, QStringLiteral("6")}).exitCode, 0);
    const CliResult read = runCli({QStringLiteral("read"), name, QStringLiteral("--layout"),
                                   QStringLiteral("x:i; y:d"), QStringLiteral("--json")});
    QCOMPARE(read.exitCode, 0);
    QCOMPARE(read.errLines().size(), 1);
    QVERIFY(read.err.startsWith("shmscope-cli: warning: "));
    const QJsonArray fields = QJsonDocument::fromJson(read.out).object().value(QStringLiteral("fields")).toArray();
    QCOMPARE(fields.size(), 2);
    QCOMPARE(fields.at(0).toObject().value(QStringLiteral("values")).toArray(), QJsonArray({0}));
    QVERIFY(!fields.at(0).toObject().contains(QStringLiteral("beyond_end")));
    QCOMPARE(fields.at(1).toObject().value(QStringLiteral("beyond_end")).toBool(), true);
    QVERIFY(!fields.at(1).toObject().contains(QStringLiteral("values")));
}

void TestCli::dumpMatchesXxd_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("offset"); // -1: not given
    QTest::addColumn<int>("length"); // -1: not given
    QTest::addRow("1 byte") << 1 << -1 << -1;
    QTest::addRow("15 bytes") << 15 << -1 << -1;
    QTest::addRow("16 bytes") << 16 << -1 << -1;
    QTest::addRow("17 bytes") << 17 << -1 << -1;
    QTest::addRow("4 KiB") << 4096 << -1 << -1;
    QTest::addRow("offset 5") << 100 << 5 << -1;
    QTest::addRow("length 33") << 100 << -1 << 33;
    QTest::addRow("offset 16 length 7") << 100 << 16 << 7;
    QTest::addRow("length past the end") << 40 << 30 << 500;
    QTest::addRow("length 0") << 40 << -1 << 0;
}

void TestCli::dumpMatchesXxd()
{
    QFETCH(int, size);
    QFETCH(int, offset);
    QFETCH(int, length);
    const QString name = newName();
    SegmentError error;
    {
        const std::unique_ptr<Segment> segment = Segment::create(name, size, &error);
        QVERIFY2(segment, qPrintable(error.message));
        QByteArray pattern(size, Qt::Uninitialized);
        for (int i = 0; i < size; ++i)
            pattern[i] = char(i * 37 + 11); // printable and unprintable bytes alike
        QCOMPARE(segment->write(0, pattern.constData(), size), qint64(size));
    }

    QStringList cliArguments{QStringLiteral("dump"), name};
    QStringList xxdArguments;
    if (offset >= 0) {
        cliArguments << QStringLiteral("--offset") << QString::number(offset);
        xxdArguments << QStringLiteral("-s") << QString::number(offset);
    }
    if (length >= 0) {
        cliArguments << QStringLiteral("--length") << QString::number(length);
        xxdArguments << QStringLiteral("-l") << QString::number(length);
    }
    xxdArguments << QStringLiteral("/dev/shm/") + name;

    const CliResult dump = runCli(cliArguments);
    QVERIFY2(dump.exitCode == 0, dump.err.constData());
    QProcess xxd;
    xxd.start(m_xxd, xxdArguments);
    QVERIFY(xxd.waitForFinished(kTimeoutMs));
    QCOMPARE(xxd.exitCode(), 0);
    const QByteArray expected = xxd.readAllStandardOutput();
    QCOMPARE(dump.out, expected);
}

void TestCli::badInputFailsWithOneLineAndLeavesNothing_data()
{
    // "@" in the arguments stands for a fresh, unused segment name of this test.
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expectedMessage"); // part of the one stderr line

    const auto row = [](const char *tag, const QStringList &arguments, const char *message) {
        QTest::addRow("%s", tag) << arguments << QString::fromUtf8(message);
    };
    const QString create = QStringLiteral("create");
    const QString layout = QStringLiteral("--layout");
    const QString init = QStringLiteral("--init");
    const QString at = QStringLiteral("@");

    row("empty name", {create, QString(), QStringLiteral("16")}, "shared-memory name");
    row("slash inside name", {create, QStringLiteral("@/inner"), QStringLiteral("16")}, "shared-memory name");
    row("name over 255 bytes", {create, QStringLiteral("@") + QString(260, QLatin1Char('x')), QStringLiteral("16")},
        "shared-memory name");
    row("size 0", {create, at, QStringLiteral("0")}, "positive number different from zero");
    row("size negative", {create, at, QStringLiteral("-5")}, "invalid size '-5'");
    row("size garbage", {create, at, QStringLiteral("lots")}, "invalid size 'lots'");
    row("size bad suffix", {create, at, QStringLiteral("12Q")}, "invalid size '12Q'");
    row("size overflows", {create, at, QStringLiteral("99999999999999G")}, "too large");
    row("size no room", {create, at, QStringLiteral("1000000G")}, "has only");
    row("size missing", {create, at}, "missing SIZE");
    row("size below layout", {create, at, QStringLiteral("2"), layout, QStringLiteral("x:i")}, "smaller than the layout");
    row("unknown type code", {create, at, layout, QStringLiteral("x:z")}, "invalid layout");
    row("count zero", {create, at, layout, QStringLiteral("x:i[0]")}, "invalid layout");
    row("nested array", {create, at, layout, QStringLiteral("x:i[2][2]")}, "invalid layout");
    row("duplicate field", {create, at, layout, QStringLiteral("x:i; x:d")}, "invalid layout");
    row("empty layout", {create, at, layout, QString()}, "invalid layout");
    row("init float into int", {create, at, layout, QStringLiteral("x:b"), init, QStringLiteral("x=1.5")},
        "invalid --init");
    row("init unknown field", {create, at, layout, QStringLiteral("x:b"), init, QStringLiteral("y=1")},
        "no field 'y'");
    row("init too many values", {create, at, layout, QStringLiteral("x:i[2]"), init, QStringLiteral("x=1,2,3")},
        "holds 2 values");
    row("init index out of range", {create, at, layout, QStringLiteral("x:i[2]"), init, QStringLiteral("x[2]=1")},
        "out of range");
    row("init bad bool", {create, at, layout, QStringLiteral("x:?"), init, QStringLiteral("x=maybe")},
        "invalid --init");
    row("init without layout", {create, at, QStringLiteral("8"), init, QStringLiteral("x=1")}, "needs --layout");
    row("bad mode", {create, at, QStringLiteral("8"), QStringLiteral("--mode"), QStringLiteral("999")}, "invalid mode");
    row("unknown option", {create, at, QStringLiteral("8"), QStringLiteral("--bogus")}, "unknown option '--bogus'");
    row("extra argument", {create, at, QStringLiteral("8"), QStringLiteral("more")}, "unexpected argument");
    row("read missing segment", {QStringLiteral("read"), at, layout, QStringLiteral("x:i")}, "no such segment");
    row("read without layout", {QStringLiteral("read"), at}, "missing --layout");
    row("write missing segment", {QStringLiteral("write"), at, layout, QStringLiteral("x:i"), QStringLiteral("x=1")},
        "no such segment");
    row("dump missing segment", {QStringLiteral("dump"), at}, "no such segment");
    row("dump bad offset", {QStringLiteral("dump"), at, QStringLiteral("--offset"), QStringLiteral("x1")},
        "invalid offset");
    row("who missing segment", {QStringLiteral("who"), at}, "no such segment");
    row("rm missing segment", {QStringLiteral("rm"), at}, "no such segment");
}

void TestCli::badInputFailsWithOneLineAndLeavesNothing()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expectedMessage);
    const QString name = newName();
    for (QString &argument : arguments)
        argument.replace(QLatin1Char('@'), name);

    const QStringList before = ourSegments();
    const CliResult result = runCli(arguments);
    QVERIFY2(result.exitCode > 0, result.err.constData());
    const QStringList lines = result.errLines();
    QVERIFY2(lines.size() == 1, result.err.constData());
    QVERIFY2(lines.first().startsWith(QStringLiteral("shmscope-cli: ")), qPrintable(lines.first()));
    QVERIFY2(lines.first().contains(expectedMessage), qPrintable(lines.first()));
    QVERIFY(result.out.isEmpty());
    QCOMPARE(ourSegments(), before);
}

void TestCli::createRefusesAnExistingNameAndKeepsIt()
{
    const QString name = newName();
    const QString layout = QStringLiteral("x:i");
    QCOMPARE(runCli({QStringLiteral("create"), name, QStringLiteral("--layout"), layout, QStringLiteral("--init"),
                     QStringLiteral("x=5")})
                 .exitCode,
             0);
    const CliResult again = runCli({QStringLiteral("create"), name, QStringLiteral("64")});
    QVERIFY(again.exitCode != 0);
    QCOMPARE(again.errLines().size(), 1);
    QVERIFY2(again.err.contains("already exists"), again.err.constData()); // Python: FileExistsError
    QCOMPARE(segmentBytes(name), QByteArray("\x05\x00\x00\x00", 4));
}

void TestCli::rmUnlinks()
{
    const QString name = newName();
    QCOMPARE(runCli({QStringLiteral("create"), name, QStringLiteral("1K")}).exitCode, 0);
    QCOMPARE(QFileInfo(QStringLiteral("/dev/shm/") + name).size(), qint64(1024));
    QCOMPARE(runCli({QStringLiteral("rm"), QLatin1Char('/') + name}).exitCode, 0); // leading '/' is optional
    QVERIFY(!QFileInfo::exists(QStringLiteral("/dev/shm/") + name));
    const CliResult again = runCli({QStringLiteral("rm"), name});
    QVERIFY(again.exitCode != 0);
    QCOMPARE(again.errLines().size(), 1);
}

void TestCli::pythonBlockIsDecodedListedAndItsProcessNamed()
{
    const QString name = newName();
    const QString script = QFINDTESTDATA("data/shm_every_code.py");
    QVERIFY2(!script.isEmpty(), "tests/data/shm_every_code.py not found");

    QProcess python;
    python.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    python.start(m_python, {script, name});
    QVERIFY(python.waitForStarted(kTimeoutMs));
    const auto stopPython = qScopeGuard([&python] {
        if (python.state() != QProcess::NotRunning) {
            python.kill();
            python.waitForFinished();
        }
    });
    QTRY_VERIFY_WITH_TIMEOUT(python.canReadLine() || python.state() == QProcess::NotRunning, kTimeoutMs);
    const QJsonObject peer = QJsonDocument::fromJson(python.readLine()).object();
    QVERIFY2(!peer.isEmpty(), "python3 printed no JSON line");
    const qint64 pythonPid = peer.value(QStringLiteral("pid")).toInteger();
    QVERIFY(pythonPid > 0);
    const QString layout = peer.value(QStringLiteral("layout")).toString();

    // read --json decodes every code as Python itself reads it back.
    const CliResult read = runCli({QStringLiteral("read"), name, QStringLiteral("--layout"), layout,
                                   QStringLiteral("--json")});
    QVERIFY2(read.exitCode == 0, read.err.constData());
    QVERIFY(read.err.isEmpty());
    const QJsonObject decoded = QJsonDocument::fromJson(read.out).object();
    QCOMPARE(decoded.value(QStringLiteral("size")).toInteger(), peer.value(QStringLiteral("size")).toInteger());
    const QJsonObject expectedValues = peer.value(QStringLiteral("values")).toObject();
    const QJsonArray fields = decoded.value(QStringLiteral("fields")).toArray();
    QCOMPARE(fields.size(), expectedValues.size());
    for (const QJsonValue &fieldValue : fields) {
        const QJsonObject field = fieldValue.toObject();
        const QString fieldName = field.value(QStringLiteral("name")).toString();
        QVERIFY2(field.value(QStringLiteral("values")) == expectedValues.value(fieldName),
                 qPrintable(fieldName + QStringLiteral(": ")
                            + QString::fromUtf8(QJsonDocument(field).toJson(QJsonDocument::Compact))));
    }

    // list --json and who name the python process, with a shared read-write mapping.
    const CliResult list = runCli({QStringLiteral("list"), QStringLiteral("--json")});
    QVERIFY2(list.exitCode == 0, list.err.constData());
    QJsonObject entry;
    const QJsonArray segments = QJsonDocument::fromJson(list.out).object().value(QStringLiteral("segments")).toArray();
    for (const QJsonValue &segment : segments) {
        if (segment.toObject().value(QStringLiteral("name")).toString() == name)
            entry = segment.toObject();
    }
    QVERIFY2(!entry.isEmpty(), "list --json does not show the python block");
    QCOMPARE(entry.value(QStringLiteral("size")).toInteger(), peer.value(QStringLiteral("size")).toInteger());
    QCOMPARE(entry.value(QStringLiteral("mode")).toString(), QStringLiteral("0600")); // SharedMemory's default
    const QJsonArray mappings = entry.value(QStringLiteral("mappings")).toArray();
    QCOMPARE(mappings.size(), 1);
    QCOMPARE(mappings.at(0).toObject().value(QStringLiteral("pid")).toInteger(), pythonPid);
    QCOMPARE(mappings.at(0).toObject().value(QStringLiteral("permissions")).toString(), QStringLiteral("rw-s"));

    const CliResult who = runCli({QStringLiteral("who"), name});
    QVERIFY2(who.exitCode == 0, who.err.constData());
    QVERIFY2(who.out.startsWith(QByteArray("pid " + QByteArray::number(pythonPid) + ' ')), who.out.constData());
    const QString start = mappings.at(0).toObject().value(QStringLiteral("start")).toString().mid(2);
    QVERIFY2(who.out.contains(QByteArray(start.toLatin1() + '-')), who.out.constData());

    const CliResult whoJson = runCli({QStringLiteral("who"), name, QStringLiteral("--json")});
    QVERIFY2(whoJson.exitCode == 0, whoJson.err.constData());
    const QJsonObject whoRoot = QJsonDocument::fromJson(whoJson.out).object();
    QCOMPARE(whoRoot.value(QStringLiteral("segment")).toString(), name);
    QCOMPARE(whoRoot.value(QStringLiteral("inode")).toInteger(), entry.value(QStringLiteral("inode")).toInteger());
    QCOMPARE(whoRoot.value(QStringLiteral("mappings")).toArray(), mappings);

    const CliResult listText = runCli({QStringLiteral("list")});
    QVERIFY2(listText.exitCode == 0, listText.err.constData());
    QVERIFY(listText.out.contains(QByteArray("\n" + name.toUtf8() + ' ')));
    QVERIFY(listText.out.contains(QByteArray("    pid " + QByteArray::number(pythonPid) + ' ')));

    // Python checks the JSON too, exactly (its json keeps 64-bit integers), then unlinks its block.
    python.write(read.out);
    python.closeWriteChannel();
    QVERIFY(python.waitForFinished(kTimeoutMs));
    const QByteArray verdict = python.readAllStandardOutput().trimmed();
    QVERIFY2(python.exitCode() == 0, verdict.constData());
    QCOMPARE(verdict, QByteArray("match"));
    QVERIFY(!QFileInfo::exists(QStringLiteral("/dev/shm/") + name));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
