// Real CPython on the other side of the segment: Python packs with ctypes and core decodes exactly,
// core encodes and Python unpacks exactly; sizes and ctypes' wrap checked against the interpreter.
// The Python half is tests/data/python_peer.py; it answers in JSON with repr() strings.
#include "layout.h"
#include "segment.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <memory>

using namespace ShmScope;

namespace {

constexpr int PythonTimeoutMs = 30000;

struct PythonRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

QString fieldNameFor(char code, const char *prefix)
{
    return QLatin1String(prefix) + (code == '?' ? QStringLiteral("bool") : QString(QLatin1Char(code)));
}

// One field per code holding one value, then one array per code: every alignment case in one layout.
QString everyCodeSpec()
{
    QStringList parts;
    for (const TypeCode &type : allTypeCodes())
        parts << fieldNameFor(type.code, "v_") + QLatin1Char(':') + QLatin1Char(type.code);
    for (const TypeCode &type : allTypeCodes())
        parts << fieldNameFor(type.code, "a_") + QLatin1Char(':') + QLatin1Char(type.code) + QStringLiteral("[11]");
    return parts.join(QStringLiteral("; "));
}

// What core writes for Python to read: in-range boundaries and values ctypes would wrap.
const QList<QPair<char, QStringList>> &coreTexts()
{
    static const QList<QPair<char, QStringList>> texts = {
        {'b', {QStringLiteral("300"), QStringLiteral("-129"), QStringLiteral("127"), QStringLiteral("-128"),
               QStringLiteral("0x7f")}},
        {'B', {QStringLiteral("256"), QStringLiteral("-1"), QStringLiteral("255")}},
        {'u', {QStringLiteral("a"), QStringLiteral("€"), QStringLiteral("😀"), QStringLiteral("'\\n'"),
               QStringLiteral("'")}},
        {'h', {QStringLiteral("40000"), QStringLiteral("-32768")}},
        {'H', {QStringLiteral("65536"), QStringLiteral("-1"), QStringLiteral("65535")}},
        {'i', {QStringLiteral("2147483648"), QStringLiteral("99999999999999999999999"), QStringLiteral("-7"),
               QStringLiteral("True")}},
        {'I', {QStringLiteral("-1"), QStringLiteral("4294967296")}},
        {'l', {QStringLiteral("9223372036854775808"), QStringLiteral("-1")}},
        {'L', {QStringLiteral("-1"), QStringLiteral("18446744073709551621")}},
        {'q', {QStringLiteral("-9223372036854775809"), QStringLiteral("0x7fffffffffffffff")}},
        {'Q', {QStringLiteral("18446744073709551621"), QStringLiteral("-99999999999999999999999")}},
        {'f', {QStringLiteral("3.14"), QStringLiteral("1e300"), QStringLiteral("-0.0"), QStringLiteral("inf"),
               QStringLiteral("nan"), QStringLiteral("16777217")}},
        {'d', {QStringLiteral("3.14"), QStringLiteral("0.1"), QStringLiteral("1e16"), QStringLiteral("-1e-5"),
               QStringLiteral("5e-324"), QStringLiteral("-inf")}},
        {'c', {QStringLiteral("a"), QStringLiteral("b'\\xe9'"), QStringLiteral("\\"), QStringLiteral("'")}},
        {'?', {QStringLiteral("True"), QStringLiteral("False"), QStringLiteral("1"), QStringLiteral("0")}},
    };
    return texts;
}

// Python literals, also what a ShmScope user types: ctypes' wrap, refusals, float rounding.
const QList<QPair<char, const char *>> &storeRows()
{
    static const QList<QPair<char, const char *>> rows = {
        {'b', "300"}, {'b', "-129"}, {'b', "0x1ff"}, {'b', "-0x80"}, {'B', "256"}, {'B', "-1"},
        {'h', "40000"}, {'h', "-40000"}, {'H', "-1"}, {'H', "0x10000"},
        {'i', "2147483648"}, {'i', "-2147483649"}, {'i', "99999999999999999999999"}, {'i', "True"},
        {'i', "1_000_000"}, {'I', "-1"}, {'I', "4294967296"}, {'I', "0b11111111111111111111111111111111111"},
        {'l', "9223372036854775808"}, {'L', "-1"}, {'L', "0o1777777777777777777777"},
        {'q', "-9223372036854775809"}, {'q', "-0x10"}, {'Q', "18446744073709551621"},
        {'Q', "-99999999999999999999999"},
        {'b', "1606938044258990275541962092341162602522202993782792835301376"},
        {'i', "3.5"}, {'B', "1e3"}, {'Q', "-0.5"}, {'q', "inf"},
        {'f', "3.14"}, {'f', "1e300"}, {'f', "-1e300"}, {'f', "16777217"}, {'f', "1e-50"}, {'f', "0.1"},
        {'d', "0.1"}, {'d', "1e400"}, {'d', "-0.0"}, {'d', "5e-324"}, {'d', "123456789012345678901234567890"},
        {'d', "9999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999"
              "9999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999"
              "9999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999"
              "999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999"},
    };
    return rows;
}

QString storeArgument(char code, const QString &text)
{
    return QLatin1Char(code) + QLatin1Char('=') + text;
}

} // namespace

class TestPythonInterop : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void sizesMatchCPython();
    void pythonWritesCoreReads();
    void coreWritesPythonReads();
    void storedValueMatchesCtypes_data();
    void storedValueMatchesCtypes();

private:
    QString uniqueName();
    PythonRun runPython(const QStringList &arguments);

    QString m_script;
    QString m_segmentName; // unlinked in cleanup() whatever happened
    std::unique_ptr<QProcess> m_peer;
    QHash<QString, QJsonObject> m_ctypesAnswers; // "code=text" -> CPython's {"repr", "wrapped"} or {"error"}
};

void TestPythonInterop::initTestCase()
{
    m_script = QFINDTESTDATA("data/python_peer.py");
    QVERIFY2(!m_script.isEmpty(), "tests/data/python_peer.py not found");
    const PythonRun version = runPython({QStringLiteral("--version")});
    QVERIFY2(version.exitCode == 0, "python3 must be on PATH");

    // One interpreter answers every row of storedValueMatchesCtypes (starting Python is the slow part).
    QStringList arguments = {m_script, QStringLiteral("store")};
    for (const auto &[code, text] : storeRows())
        arguments << storeArgument(code, QString::fromLatin1(text));
    const PythonRun run = runPython(arguments);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(run.err, QByteArray());
    const QJsonArray answers = QJsonDocument::fromJson(run.out).array();
    QCOMPARE(answers.size(), storeRows().size());
    for (int i = 0; i < answers.size(); ++i)
        m_ctypesAnswers.insert(arguments.at(i + 2), answers.at(i).toObject());
}

void TestPythonInterop::cleanup()
{
    if (m_peer) {
        if (m_peer->state() != QProcess::NotRunning) {
            m_peer->closeWriteChannel(); // the peer unlinks its segment on EOF
            if (!m_peer->waitForFinished(10000)) {
                m_peer->kill();
                m_peer->waitForFinished(10000);
            }
        }
        m_peer.reset();
    }
    if (!m_segmentName.isEmpty() && QFile::exists(QStringLiteral("/dev/shm/") + m_segmentName))
        Segment::unlinkByName(m_segmentName, nullptr);
    m_segmentName.clear();
}

QString TestPythonInterop::uniqueName()
{
    static int counter = 0;
    m_segmentName = QStringLiteral("shmscope-test-%1-%2").arg(QCoreApplication::applicationPid()).arg(++counter);
    return m_segmentName;
}

PythonRun TestPythonInterop::runPython(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral("python3"), arguments);
    process.closeWriteChannel();
    PythonRun run;
    if (!process.waitForFinished(PythonTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        run.err = "timed out";
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

void TestPythonInterop::sizesMatchCPython()
{
    const PythonRun run = runPython({m_script, QStringLiteral("sizes")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(run.err, QByteArray());
    const QJsonObject answer = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(answer.size(), allTypeCodes().size());
    for (const TypeCode &type : allTypeCodes()) {
        const QJsonObject python = answer.value(QString(QLatin1Char(type.code))).toObject();
        QVERIFY2(!python.isEmpty(), qPrintable(QString(QLatin1Char(type.code))));
        QCOMPARE(type.size, python.value(QLatin1String("ctypesSize")).toInt());
        QCOMPARE(type.alignment, python.value(QLatin1String("ctypesAlignment")).toInt());
        if (!python.value(QLatin1String("structSize")).isNull())
            QCOMPARE(type.size, python.value(QLatin1String("structSize")).toInt());
        if (!python.value(QLatin1String("arrayItemSize")).isNull())
            QCOMPARE(type.size, python.value(QLatin1String("arrayItemSize")).toInt());
    }
}

void TestPythonInterop::pythonWritesCoreReads()
{
    const QString name = uniqueName();
    const QString spec = everyCodeSpec();
    m_peer = std::make_unique<QProcess>();
    m_peer->start(QStringLiteral("python3"), {m_script, QStringLiteral("make"), name, spec});
    QTRY_VERIFY_WITH_TIMEOUT(m_peer->canReadLine() || m_peer->state() == QProcess::NotRunning, PythonTimeoutMs);
    QVERIFY2(m_peer->canReadLine(), m_peer->readAllStandardError().constData());
    const QJsonObject python = QJsonDocument::fromJson(m_peer->readLine()).object();
    QVERIFY(!python.isEmpty());

    SegmentError error;
    const std::unique_ptr<Segment> segment = Segment::attach(name, &error, /*readOnly=*/true);
    QVERIFY2(segment, qPrintable(error.message));
    QVERIFY(!segment->createdHere());

    LayoutError layoutError;
    const std::optional<Layout> layout = Layout::parse(spec, &layoutError);
    QVERIFY2(layout, qPrintable(layoutError.toString()));
    QCOMPARE(layout->size(), qint64(python.value(QLatin1String("size")).toInt())); // ctypes.sizeof
    QCOMPARE(segment->size(), layout->size());

    const QByteArray bytes = segment->read(0, segment->size());
    QCOMPARE(bytes.toHex(), python.value(QLatin1String("hex")).toString().toLatin1());

    const QVector<DecodedField> decoded = decodeFields(*layout, bytes);
    const QJsonArray pythonFields = python.value(QLatin1String("fields")).toArray();
    QCOMPARE(decoded.size(), pythonFields.size());
    int valuesCompared = 0;
    for (int i = 0; i < decoded.size(); ++i) {
        const QJsonObject pythonField = pythonFields.at(i).toObject();
        const LayoutField &field = *decoded[i].field;
        QCOMPARE(field.name, pythonField.value(QLatin1String("name")).toString());
        QCOMPARE(field.offset, qint64(pythonField.value(QLatin1String("offset")).toInt())); // ctypes' offset
        QVERIFY(!decoded[i].beyondEnd);
        const QJsonArray reprs = pythonField.value(QLatin1String("repr")).toArray();
        QCOMPARE(decoded[i].values.size(), reprs.size());
        for (int n = 0; n < reprs.size(); ++n) {
            QCOMPARE(formatValue(*field.type, decoded[i].values[n]), reprs.at(n).toString());
            ++valuesCompared;
        }
    }
    QCOMPARE(valuesCompared, allTypeCodes().size() * 12);

    m_peer->closeWriteChannel();
    QVERIFY(m_peer->waitForFinished(PythonTimeoutMs));
    QCOMPARE(m_peer->exitCode(), 0);
    QCOMPARE(m_peer->readAllStandardError(), QByteArray());
    QVERIFY(!QFile::exists(QStringLiteral("/dev/shm/") + name)); // Python, the creator, unlinked it
    QVERIFY(segment->status().unlinked);                          // our handle still maps the block
}

void TestPythonInterop::coreWritesPythonReads()
{
    QStringList parts;
    for (const auto &[code, texts] : coreTexts())
        parts << fieldNameFor(code, "w_") + QLatin1Char(':') + QLatin1Char(code) + QLatin1Char('[')
                        + QString::number(texts.size()) + QLatin1Char(']');
    const QString spec = parts.join(QStringLiteral("; "));
    const std::optional<Layout> layout = Layout::parse(spec, nullptr);
    QVERIFY(layout);

    QByteArray image(int(layout->size()), '\0');
    QStringList expected; // formatValue of what core stored, in field order
    int wrappedCount = 0;
    for (int f = 0; f < layout->fields().size(); ++f) {
        const LayoutField &field = layout->fields()[f];
        const QStringList &texts = coreTexts()[f].second;
        for (int n = 0; n < texts.size(); ++n) {
            auto *out = reinterpret_cast<uchar *>(image.data()) + field.offset + qint64(n) * field.type->size;
            const EncodeResult result = encodeValue(*field.type, texts[n], out);
            QVERIFY2(result.ok, qPrintable(result.message));
            wrappedCount += result.wrapped ? 1 : 0;
            expected << formatValue(*field.type, result.stored);
        }
    }
    QVERIFY(wrappedCount >= 15);

    const QString name = uniqueName();
    SegmentError error;
    const std::unique_ptr<Segment> segment = Segment::create(name, layout->size(), &error);
    QVERIFY2(segment, qPrintable(error.message));
    QCOMPARE(segment->write(0, image.constData(), image.size()), qint64(image.size()));

    const PythonRun run = runPython({m_script, QStringLiteral("read"), name, spec});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(run.err, QByteArray()); // no resource_tracker warning about a "leaked" segment
    QVERIFY(QFile::exists(QStringLiteral("/dev/shm/") + name)); // Python only attached: it must not unlink

    const QJsonObject python = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(qint64(python.value(QLatin1String("size")).toInt()), layout->size());
    QCOMPARE(python.value(QLatin1String("hex")).toString().toLatin1(), image.toHex());
    QStringList pythonReprs;
    const QJsonArray pythonFields = python.value(QLatin1String("fields")).toArray();
    QCOMPARE(pythonFields.size(), layout->fields().size());
    for (int f = 0; f < pythonFields.size(); ++f) {
        const QJsonObject pythonField = pythonFields.at(f).toObject();
        QCOMPARE(qint64(pythonField.value(QLatin1String("offset")).toInt()), layout->fields()[f].offset);
        for (const QJsonValue &repr : pythonField.value(QLatin1String("repr")).toArray())
            pythonReprs << repr.toString();
    }
    QCOMPARE(pythonReprs, expected);

    QVERIFY2(segment->unlink(&error), qPrintable(error.message));
    QVERIFY(!QFile::exists(QStringLiteral("/dev/shm/") + name));
}

void TestPythonInterop::storedValueMatchesCtypes_data()
{
    QTest::addColumn<char>("code");
    QTest::addColumn<QString>("text"); // a Python literal, also what a ShmScope user types

    for (const auto &[code, text] : storeRows())
        QTest::addRow("%c=%.40s", code, text) << code << QString::fromLatin1(text);
}

void TestPythonInterop::storedValueMatchesCtypes()
{
    QFETCH(char, code);
    QFETCH(QString, text);
    const TypeCode *type = findTypeCode(QLatin1Char(code));

    const QJsonObject python = m_ctypesAnswers.value(storeArgument(code, text));
    QVERIFY(!python.isEmpty());

    uchar bytes[8] = {};
    const EncodeResult result = encodeValue(*type, text, bytes);
    if (python.contains(QLatin1String("error"))) {
        const QString pythonError = python.value(QLatin1String("error")).toString();
        QVERIFY2(!result.ok, qPrintable(QStringLiteral("Python refused: ") + pythonError));
        QVERIFY2(result.message.contains(pythonError),
                 qPrintable(result.message + QStringLiteral(" / ") + pythonError));
        return;
    }
    QVERIFY2(result.ok, qPrintable(result.message));
    const QString pythonRepr = python.value(QLatin1String("repr")).toString();
    QCOMPARE(formatValue(*type, result.stored), pythonRepr);
    QCOMPARE(formatValue(*type, decodeValue(*type, bytes)), pythonRepr);
    if (type->kind == ValueKind::SignedInt || type->kind == ValueKind::UnsignedInt)
        QCOMPARE(result.wrapped, python.value(QLatin1String("wrapped")).toBool());
}

QTEST_GUILESS_MAIN(TestPythonInterop)
#include "tst_python_interop.moc"
