// Layouts: the text form, ctypes' natural alignment, parse errors with position and reason,
// and decoding that reports (never reads) fields past the end of the bytes.
#include "layout.h"

#include <QTest>

using namespace ShmScope;

namespace {

// "name@offset" for every field, in order: one string compares the whole placement at once.
QString placement(const Layout &layout)
{
    QStringList parts;
    for (const LayoutField &field : layout.fields())
        parts << field.name + QLatin1Char('@') + QString::number(field.offset);
    return parts.join(QLatin1Char(' '));
}

QByteArray encoded(char code, const QString &text)
{
    const TypeCode *type = findTypeCode(QLatin1Char(code));
    QByteArray bytes(type->size, '\0');
    encodeValue(*type, text, reinterpret_cast<uchar *>(bytes.data()));
    return bytes;
}

} // namespace

class TestLayout : public QObject {
    Q_OBJECT

private slots:
    void goodSpecs_data();
    void goodSpecs();
    void badSpecs_data();
    void badSpecs();
    void fieldLookup();
    void fromFieldsComputesOffsets();
    void errorText();
    void decodeFieldsReadsEveryElement();
    void decodeFieldsBeyondEnd_data();
    void decodeFieldsBeyondEnd();
};

void TestLayout::goodSpecs_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("placement");
    QTest::addColumn<qint64>("size");
    QTest::addColumn<QString>("canonical"); // toSpec()

    QTest::addRow("seed example") << "counter:i; temps:d[3]; name:c[16]" << "counter@0 temps@8 name@32" << qint64(48)
                                  << "counter:i; temps:d[3]; name:c[16]";
    QTest::addRow("double aligned to 8") << "a:b; b:d" << "a@0 b@8" << qint64(16) << "a:b; b:d";
    QTest::addRow("int after 3 chars") << "c:c[3]; i:i" << "c@0 i@4" << qint64(8) << "c:c[3]; i:i";
    QTest::addRow("short between bytes") << "x:b;y:h;z:b" << "x@0 y@2 z@4" << qint64(6) << "x:b; y:h; z:b";
    QTest::addRow("end padded to largest alignment") << "a:q; b:b" << "a@0 b@8" << qint64(16) << "a:q; b:b";
    QTest::addRow("wchar is 4 bytes") << "a:u; b:c; c:u" << "a@0 b@4 c@8" << qint64(12) << "a:u; b:c; c:u";
    QTest::addRow("floats then double") << "a:f[3]; b:d" << "a@0 b@16" << qint64(24) << "a:f[3]; b:d";
    QTest::addRow("long is 8 bytes") << "a:h; b:l; c:L" << "a@0 b@8 c@16" << qint64(24) << "a:h; b:l; c:L";
    QTest::addRow("bool") << "flag:?; n:H" << "flag@0 n@2" << qint64(4) << "flag:?; n:H";
    QTest::addRow("one byte") << "single:c" << "single@0" << qint64(1) << "single:c";
    QTest::addRow("commas and blanks") << "  a : i [ 2 ] , b : ? " << "a@0 b@8" << qint64(12) << "a:i[2]; b:?";
    QTest::addRow("tabs and newlines") << "a:i;\n\tb:d\n" << "a@0 b@8" << qint64(16) << "a:i; b:d";
    QTest::addRow("trailing separator") << "a:i;" << "a@0" << qint64(4) << "a:i";
    QTest::addRow("empty entries") << "a:i;;, b:B" << "a@0 b@4" << qint64(8) << "a:i; b:B";
    QTest::addRow("array of one stays an array") << "a:i[1]" << "a@0" << qint64(4) << "a:i[1]";
    QTest::addRow("leading zeros in count") << "a:b[007]" << "a@0" << qint64(7) << "a:b[7]";
    QTest::addRow("names with digits and _") << "_x1:L; X_2:I" << "_x1@0 X_2@8" << qint64(16) << "_x1:L; X_2:I";
    QTest::addRow("names differ by case") << "a:b; A:B" << "a@0 A@1" << qint64(2) << "a:b; A:B";
    QTest::addRow("every code")
            << "b:b; B:B; u:u; h:h; H:H; i:i; I:I; l:l; L:L; q:q; Q:Q; f:f; d:d; c:c; t:?"
            << "b@0 B@1 u@4 h@8 H@10 i@12 I@16 l@24 L@32 q@40 Q@48 f@56 d@64 c@72 t@73" << qint64(80)
            << "b:b; B:B; u:u; h:h; H:H; i:i; I:I; l:l; L:L; q:q; Q:Q; f:f; d:d; c:c; t:?";
    QTest::addRow("largest count") << "a:b[2147483647]" << "a@0" << qint64(2147483647) << "a:b[2147483647]";
    QTest::addRow("largest count of doubles") << "x:c; a:d[2147483647]" << "x@0 a@8"
                                              << qint64(8) + qint64(8) * 2147483647 << "x:c; a:d[2147483647]";
}

void TestLayout::goodSpecs()
{
    QFETCH(QString, spec);
    QFETCH(QString, placement);
    QFETCH(qint64, size);
    QFETCH(QString, canonical);

    LayoutError error;
    const std::optional<Layout> layout = Layout::parse(spec, &error);
    QVERIFY2(layout, qPrintable(error.toString()));
    QCOMPARE(::placement(*layout), placement);
    QCOMPARE(layout->size(), size);
    QCOMPARE(layout->toSpec(), canonical);
    QVERIFY(!layout->isEmpty());

    // toSpec() round-trips: same names, types, counts and offsets.
    const std::optional<Layout> again = Layout::parse(layout->toSpec(), &error);
    QVERIFY2(again, qPrintable(error.toString()));
    QCOMPARE(again->fields().size(), layout->fields().size());
    for (int i = 0; i < layout->fields().size(); ++i) {
        const LayoutField &a = layout->fields().at(i);
        const LayoutField &b = again->fields().at(i);
        QCOMPARE(b.name, a.name);
        QCOMPARE(b.type, a.type);
        QCOMPARE(b.count, a.count);
        QCOMPARE(b.isArray, a.isArray);
        QCOMPARE(b.offset, a.offset);
        QCOMPARE(a.offset % a.type->alignment, 0);
    }
    QCOMPARE(again->size(), size);
}

void TestLayout::badSpecs_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<int>("position");
    QTest::addColumn<QString>("reason");

    QTest::addRow("empty") << "" << 0 << "empty layout";
    QTest::addRow("blanks") << "   " << 0 << "empty layout";
    QTest::addRow("only separators") << " ; , ;" << 0 << "empty layout";
    QTest::addRow("unknown code") << "a:x" << 2 << "unknown type code 'x' (Python: TypeError: this type has no size)";
    QTest::addRow("unknown code later") << "a:i; bb:z[2]" << 8 << "unknown type code 'z'";
    QTest::addRow("word for a code") << "a:int" << 2 << "unknown type code 'int'";
    QTest::addRow("missing colon") << "a i" << 2 << "expected ':' after field name 'a'";
    QTest::addRow("name only") << "abc" << 3 << "expected ':' after field name 'abc', found the end";
    QTest::addRow("dash in name") << "a-b:i" << 1 << "expected ':'";
    QTest::addRow("missing code") << "a:" << 2 << "missing type code after 'a:'";
    QTest::addRow("missing code before separator") << "a: ;b:i" << 3 << "missing type code";
    QTest::addRow("name starts with digit") << "1a:i" << 0 << "expected a field name";
    QTest::addRow("missing name") << "a:i; :d" << 5 << "expected a field name";
    QTest::addRow("non-ASCII name") << QStringLiteral("é:i") << 0 << "expected a field name";
    QTest::addRow("count zero") << "a:i[0]" << 4 << "count must be > 0 (a:i[0])";
    QTest::addRow("count negative") << "a:i[-3]" << 4 << "count must be > 0 (a:i[-3])";
    QTest::addRow("count negative zero") << "a:d[-0]" << 4 << "count must be > 0";
    QTest::addRow("count word") << "a:i[x]" << 4 << "the count of 'a' is not a number: found 'x'";
    QTest::addRow("count empty") << "a:i[]" << 4 << "is not a number: found ']'";
    QTest::addRow("count fraction") << "a:i[2.5]" << 5 << "expected ']' after the count of 'a', found '.'";
    QTest::addRow("count unclosed") << "a:i[3" << 5 << "expected ']' after the count of 'a', found the end";
    QTest::addRow("count 2^31") << "a:i[2147483648]" << 4 << "count 2147483648 is too large (at most 2147483647)";
    QTest::addRow("count of 20 digits") << "a:i[99999999999999999999]" << 4 << "is too large";
    QTest::addRow("nested array") << "a:i[2][2]" << 6
                                  << "nested array i[2][2]: an Array is one-dimensional (Python: Array('i', "
                                     "[[1, 2], [3, 4]]) raises TypeError: 'list' object cannot be interpreted "
                                     "as an integer)";
    QTest::addRow("nested array with blanks") << "m:d[3] [4]; n:i" << 7 << "nested array d[3] [4]";
    QTest::addRow("duplicate name") << "a:i; a:d" << 5 << "duplicate field name 'a' (first at position 0)";
    QTest::addRow("duplicate after others") << "x:b; y:b;  x:b" << 11 << "duplicate field name 'x'";
    QTest::addRow("missing separator") << "a:i b:i" << 4 << "unexpected 'b' after field 'a': expected ';' or ','";
    QTest::addRow("stray bracket") << "a:i]" << 3 << "unexpected ']'";
    QTest::addRow("trailing garbage") << "a:i[2] x" << 7 << "unexpected 'x'";
    QTest::addRow("second colon") << "a:i:d" << 3 << "unexpected ':'";
}

void TestLayout::badSpecs()
{
    QFETCH(QString, spec);
    QFETCH(int, position);
    QFETCH(QString, reason);

    LayoutError error;
    const std::optional<Layout> layout = Layout::parse(spec, &error);
    QVERIFY(!layout);
    QVERIFY2(error.reason.contains(reason), qPrintable(error.reason));
    QCOMPARE(error.position, position);
    QVERIFY(!error.reason.contains(QLatin1Char('\n')));
    QVERIFY(!Layout::parse(spec, nullptr)); // no error out-parameter is fine too
}

void TestLayout::fieldLookup()
{
    const std::optional<Layout> layout = Layout::parse(QStringLiteral("counter:i; temps:d[3]"), nullptr);
    QVERIFY(layout);
    const LayoutField *temps = layout->field(QStringLiteral("temps"));
    QVERIFY(temps);
    QCOMPARE(temps->count, 3);
    QCOMPARE(temps->byteSize(), qint64(24));
    QCOMPARE(temps->end(), qint64(32));
    QCOMPARE(temps->type->code, 'd');
    QVERIFY(!layout->field(QStringLiteral("Temps")));
    QVERIFY(!layout->field(QString()));
}

void TestLayout::fromFieldsComputesOffsets()
{
    LayoutField flag;
    flag.name = QStringLiteral("flag");
    flag.type = findTypeCode(QLatin1Char('?'));
    LayoutField values;
    values.name = QStringLiteral("values");
    values.type = findTypeCode(QLatin1Char('Q'));
    values.count = 2;
    values.isArray = true;
    values.offset = 1; // ignored: fromFields places every field
    const Layout layout = Layout::fromFields({flag, values});
    QCOMPARE(placement(layout), QStringLiteral("flag@0 values@8"));
    QCOMPARE(layout.size(), qint64(24));
    QCOMPARE(layout.toSpec(), QStringLiteral("flag:?; values:Q[2]"));

    QVERIFY(Layout().isEmpty());
    QCOMPARE(Layout().size(), qint64(0));
}

void TestLayout::errorText()
{
    LayoutError error;
    QVERIFY(!Layout::parse(QStringLiteral("a:i; b:x"), &error));
    QVERIFY2(error.toString().startsWith(QLatin1String("position 7: unknown type code 'x'")),
             qPrintable(error.toString()));
}

void TestLayout::decodeFieldsReadsEveryElement()
{
    const std::optional<Layout> layout = Layout::parse(QStringLiteral("n:b; temps:d[3]; name:c[3]; w:u"), nullptr);
    QVERIFY(layout);
    QByteArray bytes(int(layout->size()), '\0');
    auto put = [&bytes](qint64 offset, const QByteArray &value) { bytes.replace(int(offset), value.size(), value); };
    put(0, encoded('b', QStringLiteral("-5")));
    put(8, encoded('d', QStringLiteral("1.5")));
    put(16, encoded('d', QStringLiteral("-0.25")));
    put(24, encoded('d', QStringLiteral("1e100")));
    put(32, QByteArray("ab\xe9", 3));
    put(36, encoded('u', QStringLiteral("€")));

    const QVector<DecodedField> decoded = decodeFields(*layout, bytes);
    QCOMPARE(decoded.size(), 4);
    QCOMPARE(decoded[0].field, &layout->fields()[0]);
    QCOMPARE(decoded[0].values, QVariantList{QVariant::fromValue<qint64>(-5)});
    QCOMPARE(decoded[1].values, (QVariantList{1.5, -0.25, 1e100}));
    QCOMPARE(decoded[2].values, (QVariantList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("é")}));
    QCOMPARE(decoded[3].values, QVariantList{QStringLiteral("€")});
    for (const DecodedField &field : decoded)
        QVERIFY(!field.beyondEnd);
}

void TestLayout::decodeFieldsBeyondEnd_data()
{
    QTest::addColumn<int>("byteCount");
    QTest::addColumn<QString>("beyond"); // '1' where the field is beyond the end

    // a:i@0..4  b:d[2]@8..24  c:c[4]@24..28, size 32
    QTest::addRow("all bytes") << 32 << "000";
    QTest::addRow("exactly to the last field's end") << 28 << "000";
    QTest::addRow("last field cut by one byte") << 27 << "001";
    QTest::addRow("array ends exactly at the end") << 24 << "001";
    QTest::addRow("array cut in its second element") << 20 << "011";
    QTest::addRow("only the first field") << 4 << "011";
    QTest::addRow("first field cut") << 3 << "111";
    QTest::addRow("no bytes at all") << 0 << "111";
}

void TestLayout::decodeFieldsBeyondEnd()
{
    QFETCH(int, byteCount);
    QFETCH(QString, beyond);
    const std::optional<Layout> layout = Layout::parse(QStringLiteral("a:i; b:d[2]; c:c[4]"), nullptr);
    QVERIFY(layout);
    QCOMPARE(layout->size(), qint64(32));
    QByteArray bytes(byteCount, '\x01');

    const QVector<DecodedField> decoded = decodeFields(*layout, bytes);
    QCOMPARE(decoded.size(), 3);
    for (int i = 0; i < decoded.size(); ++i) {
        const bool isBeyond = beyond.at(i) == QLatin1Char('1');
        QCOMPARE(decoded[i].beyondEnd, isBeyond);
        QCOMPARE(decoded[i].field, &layout->fields()[i]);
        QCOMPARE(decoded[i].values.size(), isBeyond ? 0 : layout->fields()[i].count);
    }
    if (!beyond.startsWith(QLatin1Char('1')))
        QCOMPARE(decoded[0].values.first(), QVariant::fromValue<qint64>(0x01010101));
}

QTEST_GUILESS_MAIN(TestLayout)
#include "tst_layout.moc"
