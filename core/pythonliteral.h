#pragma once

#include <QString>
#include <QStringView>
#include <QtGlobal>

// How Python spells numbers and one-character strings, in both directions: the text a user types
// (a Python literal) and the text Python prints (repr). Used by the type codes.
namespace ShmScope::PythonLiteral {

// An integer literal of any length: decimal, 0x/0o/0b, a sign, '_' between digits (as Python allows).
// Only the value modulo 2^64 is kept, plus whether the magnitude needed more than 64 bits: that is all
// a C integer of at most 64 bits can store, and what ctypes keeps when it wraps.
struct Integer {
    bool negative = false;
    quint64 magnitudeLow64 = 0;      // |value| mod 2^64
    bool magnitudeOver64Bits = false; // |value| >= 2^64
    double approximate = 0;          // the value as a float, correctly rounded for decimal text
    quint64 low64Bits() const { return negative ? quint64(0) - magnitudeLow64 : magnitudeLow64; }
};
bool parseInteger(QStringView text, Integer *out);

// A float literal: 3.14, -1e3, .5, 5., inf, -infinity, nan (case-insensitive, like float()).
// Text that is an integer literal is not a float literal.
bool parseFloat(QStringView text, double *out);

// True/False (also true/false, as a convenience).
bool parseBool(QStringView text, bool *out);

// One character: a bare character, or a quoted literal with escapes: 'a', '\n', '\x00', '\u20ac'.
// For bytes (code 'c') also b'a', b'\xe9'. Returns the code point, or -1.
qint64 parseCharacter(QStringView text, bool bytesLiteral);

// repr() of a float: shortest text that reads back to the same double, Python's switch to exponent
// form below 1e-4 and from 1e16, ".0" on integral values: 3.14, 1e+16, 1e-05, 3.0, -0.0, inf, nan.
QString floatRepr(double value);

// repr() of a one-character str ('a', '\n', "'") and of a one-byte bytes (b'a', b'\xe9').
QString strRepr(char32_t codePoint);
QString bytesRepr(uchar byte);

// One code point as a QString and back. Unlike QString::fromUcs4()/toUcs4() these keep a lone
// surrogate (Python's str may hold '\ud800') instead of turning it into U+FFFD.
QString characterString(char32_t codePoint);
char32_t firstCodePoint(const QString &text); // 0 for an empty text

} // namespace ShmScope::PythonLiteral
