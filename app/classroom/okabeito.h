#pragma once

#include <QColor>

namespace ShmScope::OkabeIto {

// Okabe & Ito's palette (2008, "Color Universal Design"): eight colours that stay distinct for
// viewers with protanopia, deuteranopia or tritanopia, which is roughly one boy in twelve in a class.
// Views colour workers with workerColor(i) so that worker i is the same colour in every panel.
inline QColor color(int index)
{
    static const QRgb kColors[] = {
        0xE69F00, // orange
        0x56B4E9, // sky blue
        0x009E73, // bluish green
        0xF0E442, // yellow
        0x0072B2, // blue
        0xD55E00, // vermillion
        0xCC79A7, // reddish purple
        0x000000, // black
    };
    constexpr int count = int(sizeof kColors / sizeof kColors[0]);
    return QColor(kColors[((index % count) + count) % count]);
}

// Worker i's colour: the seven chromatic colours in turn (black would vanish on a dark theme).
inline QColor workerColor(int workerIndex)
{
    constexpr int chromatic = 7;
    return color(((workerIndex % chromatic) + chromatic) % chromatic);
}

} // namespace ShmScope::OkabeIto
