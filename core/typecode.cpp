#include "typecode.h"

#include "pythonliteral.h"

#include <QByteArray>
#include <QtEndian>

#include <cmath>
#include <cstring>
#include <limits>

namespace ShmScope {

namespace {

template<typename C>
constexpr TypeCode entry(char code, ValueKind kind, const char *cType, const char *pythonType, int minimumSize)
{
    return TypeCode{code, kind, cType, pythonType, minimumSize, int(sizeof(C)), int(alignof(C))};
}

int bitCount(const TypeCode &type)
{
    return type.size * 8;
}

quint64 lowBitsMask(int bits)
{
    return bits >= 64 ? ~quint64(0) : (quint64(1) << bits) - 1;
}

quint64 readLittleEndian(const uchar *bytes, int size)
{
    switch (size) {
    case 1: return bytes[0];
    case 2: return qFromLittleEndian<quint16>(bytes);
    case 4: return qFromLittleEndian<quint32>(bytes);
    case 8: return qFromLittleEndian<quint64>(bytes);
    }
    Q_UNREACHABLE();
    return 0;
}

void writeLittleEndian(quint64 value, int size, uchar *out)
{
    switch (size) {
    case 1: out[0] = uchar(value); return;
    case 2: qToLittleEndian<quint16>(quint16(value), out); return;
    case 4: qToLittleEndian<quint32>(quint32(value), out); return;
    case 8: qToLittleEndian<quint64>(value, out); return;
    }
    Q_UNREACHABLE();
}

qint64 signExtend(quint64 bits, int bitWidth)
{
    if (bitWidth >= 64)
        return qint64(bits);
    const quint64 signBit = quint64(1) << (bitWidth - 1);
    return qint64((bits ^ signBit) - signBit);
}

QString describe(const TypeCode &type)
{
    return QLatin1Char(type.code) + QStringLiteral(" (") + QLatin1String(type.cType) + QLatin1Char(')');
}

// Echoes what the user typed, shortened when it is long (a 400-digit number stays readable).
QString shownText(const QString &text)
{
    if (text.size() <= 40)
        return text;
    return text.left(20) + QStringLiteral("…") + text.right(8) + QStringLiteral(" (")
            + QString::number(text.size()) + QStringLiteral(" characters)");
}

QString rangeText(const TypeCode &type)
{
    const int bits = bitCount(type);
    if (type.kind == ValueKind::UnsignedInt)
        return QStringLiteral("0..") + QString::number(lowBitsMask(bits));
    const quint64 maxMagnitude = quint64(1) << (bits - 1);
    return QLatin1Char('-') + QString::number(maxMagnitude) + QStringLiteral("..")
            + QString::number(maxMagnitude - 1);
}

EncodeResult failure(QString message)
{
    EncodeResult result;
    result.message = std::move(message);
    return result;
}

// The integer as ctypes stores it: the low bits, silently (PyLong_AsUnsignedLongMask and friends).
EncodeResult storeInteger(const TypeCode &type, const PythonLiteral::Integer &value, const QString &shown,
                          uchar *out)
{
    const int bits = bitCount(type);
    const quint64 storedBits = value.low64Bits() & lowBitsMask(bits);
    const quint64 maxPositive = type.kind == ValueKind::UnsignedInt ? lowBitsMask(bits)
                                                                    : (quint64(1) << (bits - 1)) - 1;
    bool fits = !value.magnitudeOver64Bits;
    if (fits && value.negative && value.magnitudeLow64 != 0)
        fits = type.kind == ValueKind::SignedInt && value.magnitudeLow64 <= maxPositive + 1;
    else if (fits)
        fits = value.magnitudeLow64 <= maxPositive;

    EncodeResult result;
    result.ok = true;
    result.wrapped = !fits;
    result.stored = type.kind == ValueKind::UnsignedInt ? QVariant::fromValue<quint64>(storedBits)
                                                        : QVariant::fromValue<qint64>(signExtend(storedBits, bits));
    writeLittleEndian(storedBits, type.size, out);
    if (result.wrapped)
        result.message = shown + QStringLiteral(" does not fit in ") + QLatin1String(type.cType)
                + QStringLiteral(" (") + rangeText(type) + QStringLiteral("): Python stores ")
                + formatValue(type, result.stored);
    return result;
}

EncodeResult storeFloat(const TypeCode &type, double value, const QString &shown, uchar *out)
{
    EncodeResult result;
    result.ok = true;
    if (type.size == int(sizeof(float))) {
        // ctypes casts the double to float: a finite value beyond FLT_MAX becomes inf, silently.
        const float narrowed = float(value);
        quint32 bits;
        std::memcpy(&bits, &narrowed, sizeof bits);
        writeLittleEndian(bits, 4, out);
        result.stored = double(narrowed);
        if (std::isfinite(value) && std::isinf(narrowed)) {
            result.wrapped = true;
            result.message = shown + QStringLiteral(" does not fit in float (largest ")
                    + PythonLiteral::floatRepr(double(std::numeric_limits<float>::max()))
                    + QStringLiteral("): Python stores ") + PythonLiteral::floatRepr(double(narrowed));
        }
    } else {
        quint64 bits;
        std::memcpy(&bits, &value, sizeof bits);
        writeLittleEndian(bits, 8, out);
        result.stored = value;
    }
    return result;
}

EncodeResult storeBool(bool value, uchar *out)
{
    out[0] = value ? 1 : 0;
    EncodeResult result;
    result.ok = true;
    result.stored = value;
    return result;
}

EncodeResult storeCharacter(const TypeCode &type, qint64 codePoint, const QString &shown, uchar *out)
{
    if (type.kind == ValueKind::Byte) {
        if (codePoint < 0 || codePoint > 0xFF)
            return failure(shown + QStringLiteral(" is not one byte: ") + describe(type)
                           + QStringLiteral(" holds one character U+0000..U+00FF (Python: bytes of length 1, "
                                            "e.g. b'a'; TypeError: one character bytes, bytearray or "
                                            "integer expected)"));
        out[0] = uchar(codePoint);
        EncodeResult result;
        result.ok = true;
        result.stored = QString(QChar(char16_t(codePoint)));
        return result;
    }
    if (codePoint < 0 || codePoint > 0x10FFFF)
        return failure(shown + QStringLiteral(" is not one character: ") + describe(type)
                       + QStringLiteral(" holds one code point (Python: TypeError: one character unicode "
                                        "string expected)"));
    writeLittleEndian(quint64(codePoint), type.size, out);
    EncodeResult result;
    result.ok = true;
    result.stored = PythonLiteral::characterString(char32_t(codePoint));
    return result;
}

bool isIntegerKind(ValueKind kind)
{
    return kind == ValueKind::SignedInt || kind == ValueKind::UnsignedInt;
}

QString floatIntoIntegerMessage(const QString &shown, const TypeCode &type)
{
    return shown + QStringLiteral(" is a float; ") + describe(type)
            + QStringLiteral(" needs an integer (Python: TypeError: 'float' object cannot be interpreted "
                             "as an integer)");
}

} // namespace

const QVector<TypeCode> &allTypeCodes()
{
    static const QVector<TypeCode> codes = {
        entry<signed char>('b', ValueKind::SignedInt, "signed char", "int", 1),
        entry<unsigned char>('B', ValueKind::UnsignedInt, "unsigned char", "int", 1),
        entry<wchar_t>('u', ValueKind::WideChar, "wchar_t", "str (1 char)", 2),
        entry<short>('h', ValueKind::SignedInt, "signed short", "int", 2),
        entry<unsigned short>('H', ValueKind::UnsignedInt, "unsigned short", "int", 2),
        entry<int>('i', ValueKind::SignedInt, "signed int", "int", 2),
        entry<unsigned int>('I', ValueKind::UnsignedInt, "unsigned int", "int", 2),
        entry<long>('l', ValueKind::SignedInt, "signed long", "int", 4),
        entry<unsigned long>('L', ValueKind::UnsignedInt, "unsigned long", "int", 4),
        entry<long long>('q', ValueKind::SignedInt, "signed long long", "int", 8),
        entry<unsigned long long>('Q', ValueKind::UnsignedInt, "unsigned long long", "int", 8),
        entry<float>('f', ValueKind::Float, "float", "float", 4),
        entry<double>('d', ValueKind::Float, "double", "float", 8),
        entry<char>('c', ValueKind::Byte, "char", "bytes (1)", 1),
        entry<bool>('?', ValueKind::Bool, "_Bool", "bool", 1),
    };
    return codes;
}

const TypeCode *findTypeCode(QChar code)
{
    for (const TypeCode &type : allTypeCodes()) {
        if (QLatin1Char(type.code) == code)
            return &type;
    }
    return nullptr;
}

QVariant decodeValue(const TypeCode &type, const uchar *littleEndianBytes)
{
    const quint64 bits = readLittleEndian(littleEndianBytes, type.size);
    switch (type.kind) {
    case ValueKind::SignedInt:
        return QVariant::fromValue<qint64>(signExtend(bits, bitCount(type)));
    case ValueKind::UnsignedInt:
        return QVariant::fromValue<quint64>(bits);
    case ValueKind::Float:
        if (type.size == int(sizeof(float))) {
            const quint32 narrowBits = quint32(bits);
            float value;
            std::memcpy(&value, &narrowBits, sizeof value);
            return double(value);
        } else {
            double value;
            std::memcpy(&value, &bits, sizeof value);
            return value;
        }
    case ValueKind::Byte:
        return QString(QChar(char16_t(bits)));
    case ValueKind::WideChar: {
        // Beyond U+10FFFF Python's read raises ValueError; we show U+FFFD instead of failing.
        const char32_t codePoint = bits <= 0x10FFFF ? char32_t(bits) : char32_t(QChar::ReplacementCharacter);
        return PythonLiteral::characterString(codePoint);
    }
    case ValueKind::Bool:
        return bits != 0; // struct '?' and ctypes c_bool read any non-zero byte as True
    }
    return {};
}

EncodeResult encodeValue(const TypeCode &type, const QString &text, uchar *out)
{
    const QString typed = text.trimmed();
    const QString shown = shownText(typed);
    const bool isCharacterCode = type.kind == ValueKind::Byte || type.kind == ValueKind::WideChar;
    // A lone blank is a character too, so a one-character text is taken as typed.
    if (typed.isEmpty() && !(isCharacterCode && text.size() == 1))
        return failure(QStringLiteral("empty value for ") + describe(type));

    if (isCharacterCode) {
        const QStringView literal = text.size() == 1 ? QStringView(text) : QStringView(typed);
        const qint64 codePoint = PythonLiteral::parseCharacter(literal, type.kind == ValueKind::Byte);
        if (codePoint < 0)
            return failure(QLatin1Char('\'') + shown + QStringLiteral("' is not one character; ")
                           + describe(type) + (type.kind == ValueKind::Byte
                                   ? QStringLiteral(" takes one byte such as a, b'a' or b'\\xe9'")
                                   : QStringLiteral(" takes one character such as a, 'a' or '\\u20ac'")));
        return storeCharacter(type, codePoint, shown, out);
    }

    bool boolean = false;
    const bool isBool = PythonLiteral::parseBool(typed, &boolean);
    PythonLiteral::Integer integer;
    const bool isInteger = !isBool && PythonLiteral::parseInteger(typed, &integer);
    double floating = 0;
    const bool isFloat = !isBool && !isInteger && PythonLiteral::parseFloat(typed, &floating);
    if (isBool) { // bool is an int in Python: Value('i', True) holds 1
        integer.magnitudeLow64 = boolean ? 1 : 0;
        integer.approximate = boolean ? 1 : 0;
    }

    switch (type.kind) {
    case ValueKind::SignedInt:
    case ValueKind::UnsignedInt:
        if (isFloat)
            return failure(floatIntoIntegerMessage(shown, type));
        if (!isBool && !isInteger)
            return failure(QLatin1Char('\'') + shown + QStringLiteral("' is not an integer; ") + describe(type)
                           + QStringLiteral(" takes decimal or 0x hex text such as 42, -7 or 0x2a"));
        return storeInteger(type, integer, shown, out);
    case ValueKind::Float:
        if (!isBool && !isInteger && !isFloat)
            return failure(QLatin1Char('\'') + shown + QStringLiteral("' is not a number; ") + describe(type)
                           + QStringLiteral(" takes text such as 3.14, -1e3, 42, inf or nan"));
        if ((isInteger || isBool) && std::isinf(integer.approximate))
            return failure(shown + QStringLiteral(" is too large for ") + describe(type)
                           + QStringLiteral(" (Python: OverflowError: int too large to convert to float)"));
        return storeFloat(type, isFloat ? floating : integer.approximate, shown, out);
    case ValueKind::Bool:
        if (isBool)
            return storeBool(boolean, out);
        if (isInteger && !integer.magnitudeOver64Bits
            && (integer.magnitudeLow64 == 0 || (integer.magnitudeLow64 == 1 && !integer.negative)))
            return storeBool(integer.magnitudeLow64 == 1, out);
        return failure(QLatin1Char('\'') + shown + QStringLiteral("' is not a bool; ") + describe(type)
                       + QStringLiteral(" takes True, False, 1 or 0"));
    case ValueKind::Byte:
    case ValueKind::WideChar:
        break; // handled above
    }
    return failure(QStringLiteral("unsupported type code"));
}

EncodeResult encodeValue(const TypeCode &type, const QVariant &value, uchar *out)
{
    switch (value.typeId()) {
    case QMetaType::QString:
        return encodeValue(type, value.toString(), out);
    case QMetaType::QChar:
        return encodeValue(type, QString(value.toChar()), out);
    case QMetaType::QByteArray: {
        const QByteArray bytes = value.toByteArray();
        if (type.kind == ValueKind::Byte && bytes.size() == 1)
            return storeCharacter(type, uchar(bytes[0]), PythonLiteral::bytesRepr(uchar(bytes[0])), out);
        return encodeValue(type, QString::fromLatin1(bytes), out);
    }
    case QMetaType::Bool:
        if (type.kind == ValueKind::Bool)
            return storeBool(value.toBool(), out);
        return encodeValue(type, value.toBool() ? QStringLiteral("True") : QStringLiteral("False"), out);
    case QMetaType::Double:
    case QMetaType::Float: {
        const double number = value.toDouble();
        const QString shown = PythonLiteral::floatRepr(number);
        if (isIntegerKind(type.kind))
            return failure(floatIntoIntegerMessage(shown, type));
        if (type.kind == ValueKind::Float)
            return storeFloat(type, number, shown, out);
        if (type.kind == ValueKind::Bool)
            return storeBool(number != 0, out);
        return failure(shown + QStringLiteral(" is not one character; ") + describe(type)
                       + QStringLiteral(" takes one character"));
    }
    case QMetaType::ULongLong:
    case QMetaType::ULong:
    case QMetaType::UInt:
    case QMetaType::UShort:
    case QMetaType::UChar:
        return encodeValue(type, QString::number(value.toULongLong()), out);
    case QMetaType::LongLong:
    case QMetaType::Long:
    case QMetaType::Int:
    case QMetaType::Short:
    case QMetaType::SChar:
    case QMetaType::Char:
        if (type.kind == ValueKind::Byte) { // c_char(65) is b'A', as ctypes allows
            const qint64 number = value.toLongLong();
            return storeCharacter(type, number, QString::number(number), out);
        }
        return encodeValue(type, QString::number(value.toLongLong()), out);
    default:
        return failure(QStringLiteral("cannot store a value of type ") + QLatin1String(value.typeName())
                       + QStringLiteral(" in ") + describe(type));
    }
}

QString formatValue(const TypeCode &type, const QVariant &value)
{
    switch (type.kind) {
    case ValueKind::SignedInt:
        return QString::number(value.toLongLong());
    case ValueKind::UnsignedInt:
        return QString::number(value.toULongLong());
    case ValueKind::Float:
        return PythonLiteral::floatRepr(value.toDouble());
    case ValueKind::Bool:
        return value.toBool() ? QStringLiteral("True") : QStringLiteral("False");
    case ValueKind::Byte: {
        const QString text = value.toString();
        return PythonLiteral::bytesRepr(text.isEmpty() ? 0 : uchar(text[0].unicode()));
    }
    case ValueKind::WideChar:
        return PythonLiteral::strRepr(PythonLiteral::firstCodePoint(value.toString()));
    }
    return value.toString();
}

} // namespace ShmScope
