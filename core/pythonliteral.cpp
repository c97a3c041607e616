#include "pythonliteral.h"

#include <QLocale>
#include <QRegularExpression>

#include <cmath>

namespace ShmScope::PythonLiteral {

namespace {

int digitValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= '0' && u <= '9')
        return u - '0';
    if (u >= 'a' && u <= 'z')
        return u - 'a' + 10;
    if (u >= 'A' && u <= 'Z')
        return u - 'A' + 10;
    return 99;
}

QString hexDigits(quint32 value, int width)
{
    return QStringLiteral("%1").arg(value, width, 16, QLatin1Char('0'));
}

// Python's str.isprintable(): everything but the Unicode categories Other and Separator, except space.
bool isPythonPrintable(char32_t codePoint)
{
    if (codePoint == U' ')
        return true;
    switch (QChar::category(codePoint)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Other_PrivateUse:
    case QChar::Other_NotAssigned:
    case QChar::Separator_Space:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return false;
    default:
        return true;
    }
}

// Decodes the inside of a quoted literal; -1 unless it is exactly one character.
qint64 decodeQuotedCharacter(QStringView inner, bool bytesLiteral)
{
    QList<char32_t> decoded;
    for (qsizetype i = 0; i < inner.size();) {
        if (inner[i] != QLatin1Char('\\')) {
            if (inner[i].isHighSurrogate() && i + 1 < inner.size() && inner[i + 1].isLowSurrogate()) {
                decoded.append(QChar::surrogateToUcs4(inner[i], inner[i + 1]));
                i += 2;
            } else {
                decoded.append(inner[i++].unicode());
            }
            continue;
        }
        if (++i >= inner.size())
            return -1;
        const QChar escape = inner[i++];
        int hexWidth = 0;
        switch (escape.unicode()) {
        case '\\': decoded.append(U'\\'); break;
        case '\'': decoded.append(U'\''); break;
        case '"': decoded.append(U'"'); break;
        case 'a': decoded.append(7); break;
        case 'b': decoded.append(8); break;
        case 'f': decoded.append(12); break;
        case 'n': decoded.append(10); break;
        case 'r': decoded.append(13); break;
        case 't': decoded.append(9); break;
        case 'v': decoded.append(11); break;
        case 'x': hexWidth = 2; break;
        case 'u': hexWidth = bytesLiteral ? -1 : 4; break;
        case 'U': hexWidth = bytesLiteral ? -1 : 8; break;
        default:
            if (escape >= QLatin1Char('0') && escape <= QLatin1Char('7')) { // octal, up to 3 digits
                char32_t value = char32_t(escape.unicode() - '0');
                for (int n = 1; n < 3 && i < inner.size() && inner[i] >= QLatin1Char('0')
                                && inner[i] <= QLatin1Char('7'); ++n)
                    value = value * 8 + char32_t(inner[i++].unicode() - '0');
                decoded.append(value);
                break;
            }
            return -1;
        }
        if (hexWidth < 0)
            return -1;
        if (hexWidth > 0) {
            if (i + hexWidth > inner.size())
                return -1;
            char32_t value = 0;
            for (int n = 0; n < hexWidth; ++n) {
                const int digit = digitValue(inner[i++]);
                if (digit > 15)
                    return -1;
                value = value * 16 + char32_t(digit);
            }
            if (value > 0x10FFFF)
                return -1;
            decoded.append(value);
        }
    }
    return decoded.size() == 1 ? qint64(decoded.first()) : -1;
}

} // namespace

bool parseInteger(QStringView text, Integer *out)
{
    Integer result;
    qsizetype i = 0;
    if (i < text.size() && (text[i] == QLatin1Char('+') || text[i] == QLatin1Char('-')))
        result.negative = text[i++] == QLatin1Char('-');
    int base = 10;
    if (i + 1 < text.size() && text[i] == QLatin1Char('0')) {
        const char16_t prefix = text[i + 1].toLower().unicode();
        base = prefix == 'x' ? 16 : prefix == 'o' ? 8 : prefix == 'b' ? 2 : 10;
        if (base != 10)
            i += 2;
    }
    const qsizetype digitsStart = i;
    bool previousWasDigit = base != 10; // Python allows "0x_ff", never "_1" or "1__0" or "1_"
    long double approximate = 0;
    QString decimalDigits;
    for (; i < text.size(); ++i) {
        if (text[i] == QLatin1Char('_')) {
            if (!previousWasDigit || i + 1 >= text.size() || digitValue(text[i + 1]) >= base)
                return false;
            previousWasDigit = false;
            continue;
        }
        const int digit = digitValue(text[i]);
        if (digit >= base)
            return false;
        previousWasDigit = true;
        const quint64 before = result.magnitudeLow64;
        result.magnitudeLow64 = before * quint64(base) + quint64(digit); // wraps modulo 2^64
        if (before > (~quint64(0) - quint64(digit)) / quint64(base))
            result.magnitudeOver64Bits = true;
        approximate = approximate * base + digit;
        if (base == 10)
            decimalDigits.append(text[i]);
    }
    if (i == digitsStart || !previousWasDigit)
        return false;
    if (base == 10) // correctly rounded, like Python's int -> float
        result.approximate = QLocale::c().toDouble(decimalDigits);
    else
        result.approximate = double(approximate);
    if (result.negative)
        result.approximate = -result.approximate;
    *out = result;
    return true;
}

bool parseFloat(QStringView text, double *out)
{
    static const QRegularExpression special(
            QStringLiteral("^[+-]?(inf|infinity|nan)$"), QRegularExpression::CaseInsensitiveOption);
    if (special.match(text).hasMatch()) {
        const bool negative = text.startsWith(QLatin1Char('-'));
        if (text.endsWith(QLatin1Char('n'), Qt::CaseInsensitive))
            *out = negative ? -std::nan("") : std::nan("");
        else
            *out = negative ? -HUGE_VAL : HUGE_VAL;
        return true;
    }
    // A '.' or an exponent is what makes it a float; digits may be grouped with single '_'.
    static const QRegularExpression number(QStringLiteral(
            "^[+-]?(?:D\\.(?:D)?|\\.D|D)(?:[eE][+-]?D)?$").replace(QStringLiteral("D"),
                                                               QStringLiteral("[0-9](?:_?[0-9])*")));
    if (!number.match(text).hasMatch())
        return false;
    if (!text.contains(QLatin1Char('.')) && !text.contains(QLatin1Char('e'), Qt::CaseInsensitive))
        return false;
    QString plain = text.toString();
    plain.remove(QLatin1Char('_'));
    bool ok = false;
    // On overflow Qt answers inf (and on underflow 0) with ok == false: exactly what float() gives.
    *out = QLocale::c().toDouble(plain, &ok);
    return true;
}

bool parseBool(QStringView text, bool *out)
{
    if (text == u"True" || text == u"true") {
        *out = true;
        return true;
    }
    if (text == u"False" || text == u"false") {
        *out = false;
        return true;
    }
    return false;
}

qint64 parseCharacter(QStringView text, bool bytesLiteral)
{
    if (text.size() == 1)
        return text[0].unicode();
    if (text.size() == 2 && text[0].isHighSurrogate() && text[1].isLowSurrogate())
        return QChar::surrogateToUcs4(text[0], text[1]);
    QStringView quoted = text;
    if (bytesLiteral && (text.startsWith(QLatin1Char('b')) || text.startsWith(QLatin1Char('B'))))
        quoted = text.mid(1);
    if (quoted.size() < 3)
        return -1;
    const QChar quote = quoted.front();
    if ((quote != QLatin1Char('\'') && quote != QLatin1Char('"')) || quoted.back() != quote)
        return -1;
    return decodeQuotedCharacter(quoted.mid(1, quoted.size() - 2), bytesLiteral);
}

QString floatRepr(double value)
{
    if (std::isnan(value))
        return QStringLiteral("nan");
    const QString sign = std::signbit(value) ? QStringLiteral("-") : QString();
    if (std::isinf(value))
        return sign + QStringLiteral("inf");
    if (value == 0)
        return sign + QStringLiteral("0.0");

    // Shortest round-trip digits, "d.ddde+XX", then laid out the way Python's repr does.
    const QString scientific = QString::number(std::fabs(value), 'e', QLocale::FloatingPointShortest);
    const qsizetype ePos = scientific.indexOf(QLatin1Char('e'));
    QString digits = scientific.left(ePos);
    digits.remove(QLatin1Char('.'));
    const int exponent = scientific.mid(ePos + 1).toInt();

    if (exponent < -4 || exponent >= 16) {
        QString mantissa = digits.left(1);
        if (digits.size() > 1)
            mantissa += QLatin1Char('.') + digits.mid(1);
        const QString exponentDigits = QString::number(std::abs(exponent)).rightJustified(2, QLatin1Char('0'));
        return sign + mantissa + QLatin1Char('e') + (exponent < 0 ? QLatin1Char('-') : QLatin1Char('+'))
                + exponentDigits;
    }
    if (exponent < 0)
        return sign + QStringLiteral("0.") + QString(-exponent - 1, QLatin1Char('0')) + digits;
    const int integerDigits = exponent + 1;
    if (digits.size() <= integerDigits)
        return sign + digits + QString(integerDigits - digits.size(), QLatin1Char('0')) + QStringLiteral(".0");
    return sign + digits.left(integerDigits) + QLatin1Char('.') + digits.mid(integerDigits);
}

QString strRepr(char32_t codePoint)
{
    QString body;
    switch (codePoint) {
    case U'\\': body = QStringLiteral("\\\\"); break;
    case U'\t': body = QStringLiteral("\\t"); break;
    case U'\n': body = QStringLiteral("\\n"); break;
    case U'\r': body = QStringLiteral("\\r"); break;
    case U'\'': return QStringLiteral("\"'\""); // Python switches quotes rather than escaping
    default:
        if (codePoint < 0x7F && codePoint >= 0x20)
            body = QChar(char16_t(codePoint));
        else if (codePoint <= 0xFF && (codePoint < 0xA0 || !isPythonPrintable(codePoint)))
            body = QStringLiteral("\\x") + hexDigits(codePoint, 2);
        else if (!isPythonPrintable(codePoint))
            body = codePoint <= 0xFFFF ? QStringLiteral("\\u") + hexDigits(codePoint, 4)
                                       : QStringLiteral("\\U") + hexDigits(codePoint, 8);
        else
            body = characterString(codePoint);
    }
    return QLatin1Char('\'') + body + QLatin1Char('\'');
}

QString bytesRepr(uchar byte)
{
    QString body;
    switch (byte) {
    case '\\': body = QStringLiteral("\\\\"); break;
    case '\t': body = QStringLiteral("\\t"); break;
    case '\n': body = QStringLiteral("\\n"); break;
    case '\r': body = QStringLiteral("\\r"); break;
    case '\'': return QStringLiteral("b\"'\"");
    default:
        body = byte >= 0x20 && byte < 0x7F ? QString(QLatin1Char(char(byte)))
                                           : QStringLiteral("\\x") + hexDigits(byte, 2);
    }
    return QStringLiteral("b'") + body + QLatin1Char('\'');
}

QString characterString(char32_t codePoint)
{
    if (codePoint < 0x10000)
        return QString(QChar(char16_t(codePoint)));
    const QChar pair[2] = {QChar::highSurrogate(codePoint), QChar::lowSurrogate(codePoint)};
    return QString(pair, 2);
}

char32_t firstCodePoint(const QString &text)
{
    if (text.isEmpty())
        return 0;
    if (text.size() >= 2 && text[0].isHighSurrogate() && text[1].isLowSurrogate())
        return QChar::surrogateToUcs4(text[0], text[1]);
    return text[0].unicode();
}

} // namespace ShmScope::PythonLiteral
