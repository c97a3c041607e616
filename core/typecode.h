#pragma once

#include <QString>
#include <QVariant>
#include <QVector>

namespace ShmScope {

enum class ValueKind { SignedInt, UnsignedInt, Float, Byte, WideChar, Bool };

// One of Python's type codes (multiprocessing / array / struct native), with the facts of the seed
// table (minimum size) and of this machine (real size and alignment, from the C compiler).
struct TypeCode {
    char code;
    ValueKind kind;
    const char *cType;      // "signed int"
    const char *pythonType; // "int", "float", "str (1 char)", "bytes (1)", "bool"
    int minimumSize;        // what the seed's table says (C's minimum)
    int size;               // sizeof here
    int alignment;          // alignof here (ctypes natural alignment)
};

// b B u h H i I l L q Q f d, then c and ?.
const QVector<TypeCode> &allTypeCodes();
const TypeCode *findTypeCode(QChar code); // nullptr when Python would say "this type has no size"

// Values are QVariant: qint64 (signed), quint64 (unsigned), double (f, d), bool (?),
// QString of one character (c: the byte as latin-1; u: one code point).
QVariant decodeValue(const TypeCode &type, const uchar *littleEndianBytes);

struct EncodeResult {
    bool ok = false;
    bool wrapped = false; // an out-of-range integer stored modulo 2^bits, as ctypes does silently
    QVariant stored;      // what Python would read back
    QString message;      // one line: the error (naming the type, and Python's error where it has one), or the wrap
                          // explained: "300 does not fit in signed char (-128..127): Python stores 44"
};

// Parses text the way a user types a Python literal (decimal of any length, 0x/0o/0b, '_' between
// digits, floats incl. inf/nan/1e3, True/False, one character or its repr such as b'\xe9' or '\n')
// and writes exactly type.size little-endian bytes to out when ok; out is untouched on error.
EncodeResult encodeValue(const TypeCode &type, const QString &text, uchar *out);
EncodeResult encodeValue(const TypeCode &type, const QVariant &value, uchar *out);

// The value as Python would print it: 44, 3.14, True, 'a', b'a'.
QString formatValue(const TypeCode &type, const QVariant &value);

} // namespace ShmScope
