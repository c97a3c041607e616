#include "layout.h"

#include <QByteArray>
#include <QHash>

#include <limits>

namespace ShmScope {

namespace {

constexpr qint64 MaximumCount = std::numeric_limits<qint32>::max();

qint64 alignUp(qint64 offset, int alignment)
{
    return (offset + alignment - 1) / alignment * alignment;
}

bool isNameStart(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            || c == QLatin1Char('_');
}

bool isNameChar(QChar c)
{
    return isNameStart(c) || (c >= QLatin1Char('0') && c <= QLatin1Char('9'));
}

bool isSeparator(QChar c)
{
    return c == QLatin1Char(';') || c == QLatin1Char(',');
}

QString allCodesText()
{
    QString codes;
    for (const TypeCode &type : allTypeCodes())
        codes += (codes.isEmpty() ? QString() : QStringLiteral(" ")) + QLatin1Char(type.code);
    return codes;
}

// A hand-written scanner: each error knows exactly where it happened.
class Parser {
public:
    Parser(const QString &spec, LayoutError *error) : m_spec(spec), m_error(error) {}

    std::optional<Layout> parse()
    {
        QVector<LayoutField> fields;
        QHash<QString, int> namePositions;
        while (true) {
            skipSpaces();
            if (atEnd())
                break;
            if (isSeparator(peek())) { // empty entries ("a:i;;b:d" or a trailing ';') are harmless
                ++m_pos;
                continue;
            }
            const int namePosition = m_pos;
            LayoutField field;
            if (!parseField(&field))
                return std::nullopt;
            if (namePositions.contains(field.name))
                return failed(namePosition, QStringLiteral("duplicate field name '") + field.name
                                    + QStringLiteral("' (first at position ")
                                    + QString::number(namePositions.value(field.name)) + QLatin1Char(')'));
            namePositions.insert(field.name, namePosition);
            fields.append(field);
            skipSpaces();
            if (atEnd())
                break;
            if (!isSeparator(peek()))
                return failed(m_pos, QStringLiteral("unexpected '") + peek() + QStringLiteral("' after field '")
                                    + field.name + QStringLiteral("': expected ';' or ','"));
            ++m_pos;
        }
        if (fields.isEmpty())
            return failed(0, QStringLiteral("empty layout"));

        qint64 offset = 0;
        for (const LayoutField &field : std::as_const(fields)) {
            // count <= 2^31-1 and size <= 8 keep each term far below 2^63; only a runaway sum could overflow.
            offset = alignUp(offset, field.type->alignment);
            if (offset > std::numeric_limits<qint64>::max() / 2 - field.byteSize())
                return failed(0, QStringLiteral("total size overflows"));
            offset += field.byteSize();
        }
        return Layout::fromFields(fields);
    }

private:
    std::nullopt_t failed(int position, const QString &reason)
    {
        fail(position, reason);
        return std::nullopt;
    }
    bool atEnd() const { return m_pos >= m_spec.size(); }
    QChar peek() const { return atEnd() ? QChar() : m_spec[m_pos]; }
    void skipSpaces()
    {
        while (!atEnd() && peek().isSpace())
            ++m_pos;
    }
    // The brackets as written, "[2][2]", up to the next separator.
    QString arrayText(int bracket) const
    {
        int end = bracket;
        while (end < m_spec.size() && !isSeparator(m_spec[end]))
            ++end;
        return m_spec.mid(bracket, end - bracket).trimmed();
    }
    QString describeHere() const
    {
        return atEnd() ? QStringLiteral("the end") : QLatin1Char('\'') + peek() + QLatin1Char('\'');
    }

    bool fail(int position, const QString &reason)
    {
        if (m_error) {
            m_error->position = position;
            m_error->reason = reason;
        }
        return false;
    }

    bool parseField(LayoutField *field)
    {
        if (!isNameStart(peek()))
            return fail(m_pos, QStringLiteral("expected a field name (letters, digits and _, not starting "
                                              "with a digit), found ") + describeHere());
        const int nameStart = m_pos;
        while (!atEnd() && isNameChar(peek()))
            ++m_pos;
        field->name = m_spec.mid(nameStart, m_pos - nameStart);

        skipSpaces();
        if (peek() != QLatin1Char(':'))
            return fail(m_pos, QStringLiteral("expected ':' after field name '") + field->name
                                       + QStringLiteral("', found ") + describeHere());
        ++m_pos;
        skipSpaces();

        const int codeStart = m_pos;
        while (!atEnd() && (isNameChar(peek()) || peek() == QLatin1Char('?')))
            ++m_pos;
        const QString code = m_spec.mid(codeStart, m_pos - codeStart);
        if (code.isEmpty())
            return fail(codeStart, QStringLiteral("missing type code after '") + field->name
                                           + QStringLiteral(":' (one of ") + allCodesText() + QLatin1Char(')'));
        field->type = code.size() == 1 ? findTypeCode(code[0]) : nullptr;
        if (!field->type)
            return fail(codeStart, QStringLiteral("unknown type code '") + code
                                           + QStringLiteral("' (Python: TypeError: this type has no size); "
                                                            "codes are one character: ")
                                           + allCodesText());

        skipSpaces();
        if (peek() != QLatin1Char('['))
            return true;
        const int bracket = m_pos;
        ++m_pos;
        if (!parseCount(field))
            return false;
        field->isArray = true;
        skipSpaces();
        if (peek() == QLatin1Char('['))
            return fail(m_pos, QStringLiteral("nested array ") + code + arrayText(bracket)
                                       + QStringLiteral(": an Array is one-dimensional (Python: Array('i', "
                                                        "[[1, 2], [3, 4]]) raises TypeError: 'list' object "
                                                        "cannot be interpreted as an integer); use one flat "
                                                        "array of the product"));
        return true;
    }

    bool parseCount(LayoutField *field)
    {
        skipSpaces();
        const int countStart = m_pos;
        const bool negative = peek() == QLatin1Char('-');
        if (negative || peek() == QLatin1Char('+'))
            ++m_pos;
        const int digitsStart = m_pos;
        while (!atEnd() && peek() >= QLatin1Char('0') && peek() <= QLatin1Char('9'))
            ++m_pos;
        const QString countText = m_spec.mid(countStart, m_pos - countStart);
        if (m_pos == digitsStart)
            return fail(countStart, QStringLiteral("the count of '") + field->name
                                            + QStringLiteral("' is not a number: found ") + describeHere());
        const int digitsEnd = m_pos;
        skipSpaces();
        if (peek() != QLatin1Char(']'))
            return fail(m_pos, QStringLiteral("expected ']' after the count of '") + field->name
                                       + QStringLiteral("', found ") + describeHere());

        // Measure the number, not the text: leading zeros are harmless, 30 digits are not.
        QStringView digits = QStringView(m_spec).mid(digitsStart, digitsEnd - digitsStart);
        while (digits.size() > 1 && digits.front() == QLatin1Char('0'))
            digits = digits.mid(1);
        const qint64 count = digits.size() > 10 ? MaximumCount + 1 : digits.toLongLong();
        if (count == 0 || negative)
            return fail(countStart, QStringLiteral("count must be > 0 (") + field->name + QLatin1Char(':')
                                            + QLatin1Char(field->type->code) + QLatin1Char('[')
                                            + countText + QStringLiteral("])"));
        if (count > MaximumCount)
            return fail(countStart, QStringLiteral("count ") + countText
                                            + QStringLiteral(" is too large (at most 2147483647)"));
        field->count = int(count);
        ++m_pos; // ']'
        return true;
    }

    const QString &m_spec;
    LayoutError *m_error;
    int m_pos = 0;
};

} // namespace

QString LayoutError::toString() const
{
    return QStringLiteral("position ") + QString::number(position) + QStringLiteral(": ") + reason;
}

std::optional<Layout> Layout::parse(const QString &spec, LayoutError *error)
{
    return Parser(spec, error).parse();
}

Layout Layout::fromFields(QVector<LayoutField> fields)
{
    Layout layout;
    qint64 offset = 0;
    for (LayoutField &field : fields) {
        field.offset = alignUp(offset, field.type->alignment);
        offset = field.end();
    }
    layout.m_fields = std::move(fields);
    return layout;
}

const LayoutField *Layout::field(const QString &name) const
{
    for (const LayoutField &candidate : m_fields) {
        if (candidate.name == name)
            return &candidate;
    }
    return nullptr;
}

qint64 Layout::size() const
{
    if (m_fields.isEmpty())
        return 0;
    int largestAlignment = 1;
    for (const LayoutField &field : m_fields)
        largestAlignment = qMax(largestAlignment, field.type->alignment);
    // A ctypes Structure pads its end so that an array of it keeps every member aligned.
    return alignUp(m_fields.last().end(), largestAlignment);
}

QString Layout::toSpec() const
{
    QString spec;
    for (const LayoutField &field : m_fields) {
        if (!spec.isEmpty())
            spec += QStringLiteral("; ");
        spec += field.name + QLatin1Char(':') + QLatin1Char(field.type->code);
        if (field.isArray)
            spec += QLatin1Char('[') + QString::number(field.count) + QLatin1Char(']');
    }
    return spec;
}

QVector<DecodedField> decodeFields(const Layout &layout, const QByteArray &segmentBytes)
{
    QVector<DecodedField> decoded;
    decoded.reserve(layout.fields().size());
    const auto *bytes = reinterpret_cast<const uchar *>(segmentBytes.constData());
    for (const LayoutField &field : layout.fields()) {
        DecodedField result;
        result.field = &field;
        result.beyondEnd = field.end() > segmentBytes.size();
        if (!result.beyondEnd) {
            result.values.reserve(field.count);
            for (int i = 0; i < field.count; ++i)
                result.values.append(decodeValue(*field.type, bytes + field.offset + qint64(i) * field.type->size));
        }
        decoded.append(result);
    }
    return decoded;
}

} // namespace ShmScope
