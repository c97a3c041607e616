#pragma once

// The look of the blocks diagram, shared by its logic (blocksdiagram.cpp) and its painting
// (blocksdiagrampainting.cpp).

#include <QColor>
#include <QString>

namespace ShmScope::BlocksStyle {

// Okabe–Ito: distinguishable with every common colour-vision deficiency.
inline const QColor kBlockColour(0x00, 0x72, 0xB2);   // blue
inline const QColor kHandleColour(0xE6, 0x9F, 0x00);  // orange: this window's handles
inline const QColor kProcessColour(0x00, 0x9E, 0x73); // bluish green: other processes
inline const QColor kWriteColour(0xD5, 0x5E, 0x00);   // vermillion: a write, flashing
inline const QColor kDeletedColour(0x99, 0x99, 0x99);

constexpr qint64 kFadeMs = 450;  // a handle appearing or leaving
constexpr qint64 kFlashMs = 900; // the glow after a write
constexpr qint64 kPulseMs = 650; // a dot travelling along one arrow

// 1 at age 0, easing to 0 at spanMs.
inline double fadeOut(qint64 ageMs, qint64 spanMs)
{
    if (ageMs < 0 || ageMs >= spanMs)
        return 0.0;
    const double t = double(ageMs) / double(spanMs);
    return (1.0 - t) * (1.0 - t);
}

inline QColor withAlpha(QColor colour, double alpha)
{
    colour.setAlphaF(float(qBound(0.0, alpha, 1.0)));
    return colour;
}

inline QColor mix(const QColor &a, const QColor &b, double t)
{
    t = qBound(0.0, t, 1.0);
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

inline QString hexAddress(quintptr address)
{
    return QStringLiteral("0x%1").arg(address, 12, 16, QLatin1Char('0'));
}

} // namespace ShmScope::BlocksStyle
