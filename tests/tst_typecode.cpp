// Python's type codes: the seed table's facts, little-endian bytes, ctypes' silent wrap, repr text.
#include "typecode.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace ShmScope;

namespace {

const TypeCode &typeFor(char code)
{
    const TypeCode *type = findTypeCode(QLatin1Char(code));
    Q_ASSERT(type);
    return *type;
}

QByteArray bytesOf(const uchar *data, int size)
{
    return QByteArray(reinterpret_cast<const char *>(data), size);
}

} // namespace

class TestTypeCode : public QObject {
    Q_OBJECT

private slots:
    void table_data();
    void table();
    void tableOrderAndUnknownCodes();
    void roundTrip_data();
    void roundTrip();
    void exactBytes_data();
    void exactBytes();
    void wrap_data();
    void wrap();
    void floatIntoInteger_data();
    void floatIntoInteger();
    void badText_data();
    void badText();
    void variantValues_data();
    void variantValues();
    void floatRepr_data();
    void floatRepr();
    void characterRepr_data();
    void characterRepr();
    void decodeAnyNonZeroBoolAndInvalidWideChar();
};

void TestTypeCode::table_data()
{
    QTest::addColumn<char>("code");
    QTest::addColumn<QString>("cType");
    QTest::addColumn<QString>("pythonType");
    QTest::addColumn<int>("minimumSize");
    QTest::addColumn<int>("size");      // x86-64 Linux, measured with ctypes (PYTHON-FACTS.md)
    QTest::addColumn<int>("alignment");

    QTest::addRow("b") << 'b' << "signed char" << "int" << 1 << 1 << 1;
    QTest::addRow("B") << 'B' << "unsigned char" << "int" << 1 << 1 << 1;
    QTest::addRow("u") << 'u' << "wchar_t" << "str (1 char)" << 2 << 4 << 4;
    QTest::addRow("h") << 'h' << "signed short" << "int" << 2 << 2 << 2;
    QTest::addRow("H") << 'H' << "unsigned short" << "int" << 2 << 2 << 2;
    QTest::addRow("i") << 'i' << "signed int" << "int" << 2 << 4 << 4;
    QTest::addRow("I") << 'I' << "unsigned int" << "int" << 2 << 4 << 4;
    QTest::addRow("l") << 'l' << "signed long" << "int" << 4 << 8 << 8;
    QTest::addRow("L") << 'L' << "unsigned long" << "int" << 4 << 8 << 8;
    QTest::addRow("q") << 'q' << "signed long long" << "int" << 8 << 8 << 8;
    QTest::addRow("Q") << 'Q' << "unsigned long long" << "int" << 8 << 8 << 8;
    QTest::addRow("f") << 'f' << "float" << "float" << 4 << 4 << 4;
    QTest::addRow("d") << 'd' << "double" << "float" << 8 << 8 << 8;
    QTest::addRow("c") << 'c' << "char" << "bytes (1)" << 1 << 1 << 1;
    QTest::addRow("?") << '?' << "_Bool" << "bool" << 1 << 1 << 1;
}

void TestTypeCode::table()
{
    QFETCH(char, code);
    QFETCH(QString, cType);
    QFETCH(QString, pythonType);
    QFETCH(int, minimumSize);
    QFETCH(int, size);
    QFETCH(int, alignment);

    const TypeCode *type = findTypeCode(QLatin1Char(code));
    QVERIFY(type);
    QCOMPARE(type->code, code);
    QCOMPARE(QString::fromLatin1(type->cType), cType);
    QCOMPARE(QString::fromLatin1(type->pythonType), pythonType);
    QCOMPARE(type->minimumSize, minimumSize);
    QCOMPARE(type->size, size);
    QCOMPARE(type->alignment, alignment);
    QVERIFY(type->size >= type->minimumSize);
}

void TestTypeCode::tableOrderAndUnknownCodes()
{
    QString order;
    for (const TypeCode &type : allTypeCodes())
        order += QLatin1Char(type.code);
    QCOMPARE(order, QStringLiteral("bBuhHiIlLqQfdc?"));

    for (QChar unknown : {QChar(u'x'), QChar(u'z'), QChar(u'D'), QChar(u'1'), QChar(u' '), QChar(0x20AC)})
        QVERIFY2(!findTypeCode(unknown), qPrintable(QString(unknown)));
}

void TestTypeCode::roundTrip_data()
{
    QTest::addColumn<char>("code");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("hexBytes");
    QTest::addColumn<QString>("shown"); // what Python prints

    QTest::addRow("b min") << 'b' << "-128" << QByteArray("80") << "-128";
    QTest::addRow("b max") << 'b' << "127" << QByteArray("7f") << "127";
    QTest::addRow("b hex") << 'b' << "0x7f" << QByteArray("7f") << "127";
    QTest::addRow("B min") << 'B' << "0" << QByteArray("00") << "0";
    QTest::addRow("B max") << 'B' << "255" << QByteArray("ff") << "255";
    QTest::addRow("u ascii") << 'u' << "a" << QByteArray("61000000") << "'a'";
    QTest::addRow("u euro") << 'u' << QStringLiteral("€") << QByteArray("ac200000") << QStringLiteral("'€'");
    QTest::addRow("u astral") << 'u' << QStringLiteral("😀") << QByteArray("00f60100") << QStringLiteral("'😀'");
    QTest::addRow("u escaped") << 'u' << "'\\n'" << QByteArray("0a000000") << "'\\n'";
    QTest::addRow("h min") << 'h' << "-32768" << QByteArray("0080") << "-32768";
    QTest::addRow("h max") << 'h' << "32767" << QByteArray("ff7f") << "32767";
    QTest::addRow("H max") << 'H' << "65535" << QByteArray("ffff") << "65535";
    QTest::addRow("i min") << 'i' << "-2147483648" << QByteArray("00000080") << "-2147483648";
    QTest::addRow("i max") << 'i' << "2147483647" << QByteArray("ffffff7f") << "2147483647";
    QTest::addRow("i underscores") << 'i' << "1_000_000" << QByteArray("40420f00") << "1000000";
    QTest::addRow("i True") << 'i' << "True" << QByteArray("01000000") << "1";
    QTest::addRow("I max") << 'I' << "4294967295" << QByteArray("ffffffff") << "4294967295";
    QTest::addRow("l min") << 'l' << "-9223372036854775808" << QByteArray("0000000000000080")
                           << "-9223372036854775808";
    QTest::addRow("L max") << 'L' << "18446744073709551615" << QByteArray("ffffffffffffffff")
                           << "18446744073709551615";
    QTest::addRow("q max") << 'q' << "9223372036854775807" << QByteArray("ffffffffffffff7f")
                           << "9223372036854775807";
    QTest::addRow("q negative hex") << 'q' << "-0x10" << QByteArray("f0ffffffffffffff") << "-16";
    QTest::addRow("Q max") << 'Q' << "0xffffffffffffffff" << QByteArray("ffffffffffffffff")
                           << "18446744073709551615";
    QTest::addRow("f 3.14 rounds to float") << 'f' << "3.14" << QByteArray("c3f54840") << "3.140000104904175";
    QTest::addRow("f half") << 'f' << "0.5" << QByteArray("0000003f") << "0.5";
    QTest::addRow("f largest") << 'f' << "3.4028234663852886e+38" << QByteArray("ffff7f7f")
                               << "3.4028234663852886e+38";
    QTest::addRow("f smallest subnormal") << 'f' << "1e-45" << QByteArray("01000000") << "1.401298464324817e-45";
    QTest::addRow("f integer text") << 'f' << "16777217" << QByteArray("0000804b") << "16777216.0";
    QTest::addRow("d 3.14") << 'd' << "3.14" << QByteArray("1f85eb51b81e0940") << "3.14";
    QTest::addRow("d 0.1") << 'd' << "0.1" << QByteArray("9a9999999999b93f") << "0.1";
    QTest::addRow("d negative zero") << 'd' << "-0.0" << QByteArray("0000000000000080") << "-0.0";
    QTest::addRow("d 1e16") << 'd' << "1e16" << QByteArray("0080e03779c34143") << "1e+16";
    QTest::addRow("d 1e-5") << 'd' << "1e-5" << QByteArray("f168e388b5f8e43e") << "1e-05";
    QTest::addRow("d smallest subnormal") << 'd' << "5e-324" << QByteArray("0100000000000000") << "5e-324";
    QTest::addRow("d largest") << 'd' << "1.7976931348623157e308" << QByteArray("ffffffffffffef7f")
                               << "1.7976931348623157e+308";
    QTest::addRow("d 1e3 from int text") << 'd' << "1000" << QByteArray("0000000000408f40") << "1000.0";
    QTest::addRow("d inf") << 'd' << "inf" << QByteArray("000000000000f07f") << "inf";
    QTest::addRow("d -inf") << 'd' << "-Infinity" << QByteArray("000000000000f0ff") << "-inf";
    QTest::addRow("d nan") << 'd' << "nan" << QByteArray("000000000000f87f") << "nan";
    QTest::addRow("d 1e400 is inf like float()") << 'd' << "1e400" << QByteArray("000000000000f07f") << "inf";
    QTest::addRow("c letter") << 'c' << "a" << QByteArray("61") << "b'a'";
    QTest::addRow("c latin-1") << 'c' << QStringLiteral("é") << QByteArray("e9") << "b'\\xe9'";
    QTest::addRow("c bytes literal") << 'c' << "b'\\x00'" << QByteArray("00") << "b'\\x00'";
    QTest::addRow("c blank") << 'c' << " " << QByteArray("20") << "b' '";
    QTest::addRow("c quote") << 'c' << "'" << QByteArray("27") << "b\"'\"";
    QTest::addRow("? True") << '?' << "True" << QByteArray("01") << "True";
    QTest::addRow("? False") << '?' << "False" << QByteArray("00") << "False";
    QTest::addRow("? 1") << '?' << "1" << QByteArray("01") << "True";
    QTest::addRow("? 0") << '?' << "0" << QByteArray("00") << "False";
}

void TestTypeCode::roundTrip()
{
    QFETCH(char, code);
    QFETCH(QString, text);
    QFETCH(QByteArray, hexBytes);
    QFETCH(QString, shown);
    const TypeCode &type = typeFor(code);

    uchar bytes[8] = {};
    const EncodeResult result = encodeValue(type, text, bytes);
    QVERIFY2(result.ok, qPrintable(result.message));
    QVERIFY(!result.wrapped);
    QVERIFY2(result.message.isEmpty(), qPrintable(result.message));
    QCOMPARE(bytesOf(bytes, type.size).toHex(), hexBytes);
    QCOMPARE(formatValue(type, result.stored), shown);

    const QVariant decoded = decodeValue(type, bytes);
    QCOMPARE(formatValue(type, decoded), shown);
    const QMetaType::Type expectedType = type.kind == ValueKind::SignedInt ? QMetaType::LongLong
            : type.kind == ValueKind::UnsignedInt                          ? QMetaType::ULongLong
            : type.kind == ValueKind::Float                                ? QMetaType::Double
            : type.kind == ValueKind::Bool                                 ? QMetaType::Bool
                                                                           : QMetaType::QString;
    QCOMPARE(decoded.typeId(), int(expectedType));
    if (!(type.kind == ValueKind::Float && std::isnan(decoded.toDouble())))
        QCOMPARE(decoded, result.stored);

    // What Python prints reads back to the same bytes.
    uchar again[8] = {};
    const EncodeResult reparsed = encodeValue(type, shown, again);
    QVERIFY2(reparsed.ok, qPrintable(reparsed.message));
    QCOMPARE(bytesOf(again, type.size).toHex(), hexBytes);
}

void TestTypeCode::exactBytes_data()
{
    QTest::addColumn<char>("code");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("expected");

    QTest::addRow("Value('i', 1)") << 'i' << "1" << QByteArray::fromHex("01000000");
    QTest::addRow("Value('i', -2)") << 'i' << "-2" << QByteArray::fromHex("feffffff");
    QTest::addRow("Value('H', 0x1234)") << 'H' << "0x1234" << QByteArray::fromHex("3412");
    QTest::addRow("Value('q', 0x0102030405060708)") << 'q' << "0x0102030405060708"
                                                   << QByteArray::fromHex("0807060504030201");
    QTest::addRow("Value('d', 3.14)") << 'd' << "3.14" << QByteArray::fromHex("1f85eb51b81e0940");
    QTest::addRow("Value('f', 1.0)") << 'f' << "1.0" << QByteArray::fromHex("0000803f");
    QTest::addRow("Value('u', 'A')") << 'u' << "A" << QByteArray::fromHex("41000000");
}

void TestTypeCode::exactBytes()
{
    QFETCH(char, code);
    QFETCH(QString, text);
    QFETCH(QByteArray, expected);
    const TypeCode &type = typeFor(code);

    uchar bytes[8];
    std::fill(std::begin(bytes), std::end(bytes), uchar(0xAA));
    QVERIFY(encodeValue(type, text, bytes).ok);
    QCOMPARE(bytesOf(bytes, type.size), expected);
    for (int i = type.size; i < 8; ++i)
        QCOMPARE(bytes[i], uchar(0xAA)); // exactly type.size bytes written
}

void TestTypeCode::wrap_data()
{
    QTest::addColumn<char>("code");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("stored"); // ctypes' value, checked against CPython in tst_python_interop
    QTest::addColumn<QByteArray>("hexBytes");
    QTest::addColumn<QString>("message");

    QTest::addRow("Value('b', 300)") << 'b' << "300" << "44" << QByteArray("2c")
                                     << "300 does not fit in signed char (-128..127): Python stores 44";
    QTest::addRow("b -129") << 'b' << "-129" << "127" << QByteArray("7f")
                            << "-129 does not fit in signed char (-128..127): Python stores 127";
    QTest::addRow("b 0x1ff") << 'b' << "0x1ff" << "-1" << QByteArray("ff")
                             << "0x1ff does not fit in signed char (-128..127): Python stores -1";
    QTest::addRow("B 256") << 'B' << "256" << "0" << QByteArray("00")
                           << "256 does not fit in unsigned char (0..255): Python stores 0";
    QTest::addRow("B -1") << 'B' << "-1" << "255" << QByteArray("ff")
                          << "-1 does not fit in unsigned char (0..255): Python stores 255";
    QTest::addRow("h 40000") << 'h' << "40000" << "-25536" << QByteArray("409c")
                             << "40000 does not fit in signed short (-32768..32767): Python stores -25536";
    QTest::addRow("H -1") << 'H' << "-1" << "65535" << QByteArray("ffff")
                          << "-1 does not fit in unsigned short (0..65535): Python stores 65535";
    QTest::addRow("Value('i', 2**31)") << 'i' << "2147483648" << "-2147483648" << QByteArray("00000080")
                                       << "2147483648 does not fit in signed int (-2147483648..2147483647): "
                                          "Python stores -2147483648";
    QTest::addRow("I -1") << 'I' << "-1" << "4294967295" << QByteArray("ffffffff")
                          << "-1 does not fit in unsigned int (0..4294967295): Python stores 4294967295";
    QTest::addRow("I 2**32") << 'I' << "4294967296" << "0" << QByteArray("00000000")
                             << "Python stores 0";
    QTest::addRow("l 2**63") << 'l' << "9223372036854775808" << "-9223372036854775808"
                             << QByteArray("0000000000000080") << "does not fit in signed long (";
    QTest::addRow("L -1") << 'L' << "-1" << "18446744073709551615" << QByteArray("ffffffffffffffff")
                          << "Python stores 18446744073709551615";
    QTest::addRow("q 2**63") << 'q' << "9223372036854775808" << "-9223372036854775808"
                             << QByteArray("0000000000000080")
                             << "9223372036854775808 does not fit in signed long long "
                                "(-9223372036854775808..9223372036854775807): Python stores -9223372036854775808";
    QTest::addRow("q -2**63-1") << 'q' << "-9223372036854775809" << "9223372036854775807"
                                << QByteArray("ffffffffffffff7f") << "Python stores 9223372036854775807";
    QTest::addRow("Q 2**64+5") << 'Q' << "18446744073709551621" << "5" << QByteArray("0500000000000000")
                               << "18446744073709551621 does not fit in unsigned long long "
                                  "(0..18446744073709551615): Python stores 5";
    QTest::addRow("Q -1") << 'Q' << "-1" << "18446744073709551615" << QByteArray("ffffffffffffffff")
                          << "Python stores 18446744073709551615";
    QTest::addRow("i huge decimal") << 'i' << "99999999999999999999999" << "-159383553" << QByteArray("ffff7ff6")
                                    << "99999999999999999999999 does not fit in signed int "
                                       "(-2147483648..2147483647): Python stores -159383553";
    QTest::addRow("Q huge negative decimal") << 'Q' << "-99999999999999999999999" << "18246367653188861953"
                                             << QByteArray("01008009b51e38fd") << "Python stores 18246367653188861953";
    QTest::addRow("b 2**200") << 'b'
                              << "1606938044258990275541962092341162602522202993782792835301376"
                              << "0" << QByteArray("00") << "(61 characters)";
    QTest::addRow("f 1e300 overflows to inf") << 'f' << "1e300" << "inf" << QByteArray("0000807f")
                                              << "1e300 does not fit in float (largest 3.4028234663852886e+38): "
                                                 "Python stores inf";
}

void TestTypeCode::wrap()
{
    QFETCH(char, code);
    QFETCH(QString, text);
    QFETCH(QString, stored);
    QFETCH(QByteArray, hexBytes);
    QFETCH(QString, message);
    const TypeCode &type = typeFor(code);

    uchar bytes[8] = {};
    const EncodeResult result = encodeValue(type, text, bytes);
    QVERIFY2(result.ok, qPrintable(result.message));
    QVERIFY(result.wrapped);
    QCOMPARE(formatValue(type, result.stored), stored);
    QCOMPARE(bytesOf(bytes, type.size).toHex(), hexBytes);
    QCOMPARE(formatValue(type, decodeValue(type, bytes)), stored);
    QVERIFY2(result.message.contains(message), qPrintable(result.message));
}

void TestTypeCode::floatIntoInteger_data()
{
    QTest::addColumn<char>("code");
    QTest::addColumn<QString>("text");
    for (const TypeCode &type : allTypeCodes()) {
        if (type.kind != ValueKind::SignedInt && type.kind != ValueKind::UnsignedInt)
            continue;
        for (const char *text : {"3.5", "1e3", "-0.5", "5.", ".5", "inf", "nan"})
            QTest::addRow("%c %s", type.code, text) << type.code << QString::fromLatin1(text);
    }
}

void TestTypeCode::floatIntoInteger()
{
    QFETCH(char, code);
    QFETCH(QString, text);
    const TypeCode &type = typeFor(code);

    uchar bytes[8];
    std::fill(std::begin(bytes), std::end(bytes), uchar(0xAA));
    const EncodeResult result = encodeValue(type, text, bytes);
    QVERIFY(!result.ok);
    QVERIFY2(result.message.contains(QLatin1String("TypeError: 'float' object cannot be interpreted as an integer")),
             qPrintable(result.message));
    QVERIFY2(result.message.contains(QLatin1String(type.cType)), qPrintable(result.message));
    QCOMPARE(bytesOf(bytes, 8), QByteArray(8, char(0xAA))); // nothing written

    const EncodeResult fromVariant = encodeValue(type, QVariant(3.5), bytes);
    QVERIFY(!fromVariant.ok);
    QVERIFY(fromVariant.message.contains(QLatin1String("'float' object cannot be interpreted as an integer")));
}

void TestTypeCode::badText_data()
{
    QTest::addColumn<char>("code");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reason");

    QTest::addRow("i garbage") << 'i' << "abc" << "'abc' is not an integer; i (signed int)";
    QTest::addRow("i empty") << 'i' << "" << "empty value for i (signed int)";
    QTest::addRow("i blanks") << 'i' << "   " << "empty value for i";
    QTest::addRow("i trailing letters") << 'i' << "12abc" << "is not an integer";
    QTest::addRow("i bare 0x") << 'i' << "0x" << "is not an integer";
    QTest::addRow("i double underscore") << 'i' << "1__0" << "is not an integer";
    QTest::addRow("i trailing underscore") << 'i' << "10_" << "is not an integer";
    QTest::addRow("i double sign") << 'i' << "--1" << "is not an integer";
    QTest::addRow("i thousands comma") << 'i' << "1,000" << "is not an integer";
    QTest::addRow("i bad hex digit") << 'i' << "0xfg" << "is not an integer";
    QTest::addRow("B bad binary digit") << 'B' << "0b102" << "is not an integer; B (unsigned char)";
    QTest::addRow("d garbage") << 'd' << "pi" << "'pi' is not a number; d (double)";
    QTest::addRow("d lone exponent") << 'd' << "1e" << "is not a number";
    QTest::addRow("d thousands comma") << 'd' << "1,000.5" << "is not a number";
    QTest::addRow("d two points") << 'd' << "1.2.3" << "is not a number";
    QTest::addRow("d huge int") << 'd' << QString(400, QLatin1Char('9'))
                                << "(Python: OverflowError: int too large to convert to float)";
    QTest::addRow("f garbage") << 'f' << "x1" << "is not a number; f (float)";
    QTest::addRow("? maybe") << '?' << "maybe" << "'maybe' is not a bool; ? (_Bool) takes True, False, 1 or 0";
    QTest::addRow("? 2") << '?' << "2" << "is not a bool";
    QTest::addRow("? -1") << '?' << "-1" << "is not a bool";
    QTest::addRow("c two characters") << 'c' << "ab" << "'ab' is not one character; c (char)";
    QTest::addRow("c beyond latin-1") << 'c' << QStringLiteral("€")
                                      << "one character bytes, bytearray or integer expected";
    QTest::addRow("c bytes literal of two") << 'c' << "b'ab'" << "is not one character";
    QTest::addRow("c bad escape") << 'c' << "b'\\xZZ'" << "is not one character";
    QTest::addRow("c empty") << 'c' << "" << "empty value for c (char)";
    QTest::addRow("u two characters") << 'u' << "ab" << "'ab' is not one character; u (wchar_t)";
    QTest::addRow("u empty quotes") << 'u' << "''" << "is not one character";
    QTest::addRow("u unterminated") << 'u' << "'a" << "is not one character";
    QTest::addRow("u beyond unicode") << 'u' << "'\\U00110000'" << "is not one character";
}

void TestTypeCode::badText()
{
    QFETCH(char, code);
    QFETCH(QString, text);
    QFETCH(QString, reason);
    const TypeCode &type = typeFor(code);

    uchar bytes[8];
    std::fill(std::begin(bytes), std::end(bytes), uchar(0xAA));
    const EncodeResult result = encodeValue(type, text, bytes);
    QVERIFY(!result.ok);
    QVERIFY(!result.wrapped);
    QVERIFY2(result.message.contains(reason), qPrintable(result.message));
    QVERIFY2(!result.message.contains(QLatin1Char('\n')), "one line");
    QVERIFY2(result.message.size() < 300, qPrintable(result.message));
    QCOMPARE(bytesOf(bytes, 8), QByteArray(8, char(0xAA)));
}

void TestTypeCode::variantValues_data()
{
    QTest::addColumn<char>("code");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<bool>("wrapped");
    QTest::addColumn<QString>("stored");

    QTest::addRow("qint64 300 into b") << 'b' << QVariant::fromValue<qint64>(300) << true << true << "44";
    QTest::addRow("int -1 into I") << 'I' << QVariant(-1) << true << true << "4294967295";
    QTest::addRow("quint64 max into q") << 'q' << QVariant::fromValue<quint64>(~quint64(0)) << true << true << "-1";
    QTest::addRow("bool into i") << 'i' << QVariant(true) << true << false << "1";
    QTest::addRow("bool into ?") << '?' << QVariant(false) << true << false << "False";
    QTest::addRow("double into d") << 'd' << QVariant(0.1) << true << false << "0.1";
    QTest::addRow("int into d") << 'd' << QVariant(7) << true << false << "7.0";
    QTest::addRow("double into ?") << '?' << QVariant(0.5) << true << false << "True";
    QTest::addRow("double into i") << 'i' << QVariant(2.0) << false << false << "";
    QTest::addRow("string into h") << 'h' << QVariant(QStringLiteral("40000")) << true << true << "-25536";
    QTest::addRow("int 65 into c, as c_char(65)") << 'c' << QVariant(65) << true << false << "b'A'";
    QTest::addRow("int 300 into c") << 'c' << QVariant(300) << false << false << "";
    QTest::addRow("byte array into c") << 'c' << QVariant(QByteArray("\xff", 1)) << true << false << "b'\\xff'";
    QTest::addRow("QChar into u") << 'u' << QVariant(QChar(0x3C0)) << true << false << QStringLiteral("'π'");
    QTest::addRow("list into i") << 'i' << QVariant(QVariantList{1, 2}) << false << false << "";
}

void TestTypeCode::variantValues()
{
    QFETCH(char, code);
    QFETCH(QVariant, value);
    QFETCH(bool, ok);
    QFETCH(bool, wrapped);
    QFETCH(QString, stored);
    const TypeCode &type = typeFor(code);

    uchar bytes[8] = {};
    const EncodeResult result = encodeValue(type, value, bytes);
    QCOMPARE(result.ok, ok);
    QCOMPARE(result.wrapped, wrapped);
    if (!ok) {
        QVERIFY(!result.message.isEmpty());
        return;
    }
    QCOMPARE(formatValue(type, result.stored), stored);
    QCOMPARE(formatValue(type, decodeValue(type, bytes)), stored);
}

void TestTypeCode::floatRepr_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("repr"); // CPython 3.11 repr()

    QTest::addRow("3.14") << 3.14 << "3.14";
    QTest::addRow("0.1") << 0.1 << "0.1";
    QTest::addRow("one third") << 1.0 / 3 << "0.3333333333333333";
    QTest::addRow("integral") << 100.0 << "100.0";
    QTest::addRow("1e15 stays fixed") << 1e15 << "1000000000000000.0";
    QTest::addRow("1e16 switches") << 1e16 << "1e+16";
    QTest::addRow("long integral") << 123456789012345678.0 << "1.2345678901234568e+17";
    QTest::addRow("1e-4 stays fixed") << 1e-4 << "0.0001";
    QTest::addRow("1e-5 switches") << 1e-5 << "1e-05";
    QTest::addRow("1.5e-7") << 1.5e-7 << "1.5e-07";
    QTest::addRow("subnormal") << 2.5e-310 << "2.5e-310";
    QTest::addRow("min subnormal") << 5e-324 << "5e-324";
    QTest::addRow("max") << std::numeric_limits<double>::max() << "1.7976931348623157e+308";
    QTest::addRow("float 3.14") << double(3.14f) << "3.140000104904175";
    QTest::addRow("zero") << 0.0 << "0.0";
    QTest::addRow("negative zero") << -0.0 << "-0.0";
    QTest::addRow("negative") << -2.5 << "-2.5";
    QTest::addRow("inf") << std::numeric_limits<double>::infinity() << "inf";
    QTest::addRow("-inf") << -std::numeric_limits<double>::infinity() << "-inf";
    QTest::addRow("nan") << std::numeric_limits<double>::quiet_NaN() << "nan";
    QTest::addRow("-nan prints nan") << -std::numeric_limits<double>::quiet_NaN() << "nan";
}

void TestTypeCode::floatRepr()
{
    QFETCH(double, value);
    QFETCH(QString, repr);
    QCOMPARE(formatValue(typeFor('d'), value), repr);
}

void TestTypeCode::characterRepr_data()
{
    QTest::addColumn<char>("code");
    QTest::addColumn<QString>("character");
    QTest::addColumn<QString>("repr"); // CPython 3.11 repr()

    QTest::addRow("u letter") << 'u' << "a" << "'a'";
    QTest::addRow("u quote") << 'u' << "'" << "\"'\"";
    QTest::addRow("u double quote") << 'u' << "\"" << "'\"'";
    QTest::addRow("u backslash") << 'u' << "\\" << "'\\\\'";
    QTest::addRow("u newline") << 'u' << "\n" << "'\\n'";
    QTest::addRow("u nul") << 'u' << QString(QChar(0)) << "'\\x00'";
    QTest::addRow("u DEL") << 'u' << QString(QChar(0x7F)) << "'\\x7f'";
    QTest::addRow("u C1 control") << 'u' << QString(QChar(0x85)) << "'\\x85'";
    QTest::addRow("u no-break space") << 'u' << QString(QChar(0xA0)) << "'\\xa0'";
    QTest::addRow("u e acute") << 'u' << QStringLiteral("é") << QStringLiteral("'é'");
    QTest::addRow("u line separator") << 'u' << QString(QChar(0x2028)) << "'\\u2028'";
    QTest::addRow("u lone surrogate") << 'u' << QString(QChar(0xD800)) << "'\\ud800'";
    QTest::addRow("u private use astral") << 'u' << QString::fromUcs4(U"\U000F0000", 1) << "'\\U000f0000'";
    QTest::addRow("c letter") << 'c' << "a" << "b'a'";
    QTest::addRow("c quote") << 'c' << "'" << "b\"'\"";
    QTest::addRow("c backslash") << 'c' << "\\" << "b'\\\\'";
    QTest::addRow("c tab") << 'c' << "\t" << "b'\\t'";
    QTest::addRow("c DEL") << 'c' << QString(QChar(0x7F)) << "b'\\x7f'";
    QTest::addRow("c high byte") << 'c' << QString(QChar(0xE9)) << "b'\\xe9'";
}

void TestTypeCode::characterRepr()
{
    QFETCH(char, code);
    QFETCH(QString, character);
    QFETCH(QString, repr);
    const TypeCode &type = typeFor(code);
    QCOMPARE(formatValue(type, character), repr);

    // The repr is also accepted as input and means the same character.
    uchar bytes[8] = {};
    const EncodeResult result = encodeValue(type, repr, bytes);
    QVERIFY2(result.ok, qPrintable(result.message));
    QCOMPARE(result.stored.toString(), character);
}

void TestTypeCode::decodeAnyNonZeroBoolAndInvalidWideChar()
{
    const uchar two[1] = {2};
    QCOMPARE(decodeValue(typeFor('?'), two), QVariant(true)); // struct.unpack('?', b'\x02') == (True,)

    const uchar beyondUnicode[4] = {0xff, 0xff, 0xff, 0xff};
    // CPython raises ValueError reading this; we show U+FFFD rather than fail.
    QCOMPARE(decodeValue(typeFor('u'), beyondUnicode).toString(), QString(QChar::ReplacementCharacter));
}

QTEST_GUILESS_MAIN(TestTypeCode)
#include "tst_typecode.moc"
