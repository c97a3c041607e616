#pragma once

// Shared by bytegridview.cpp (geometry, input) and bytegridpainting.cpp (drawing); not an API.

#include "bytegridview.h"

#include <QPalette>

namespace ShmScope::ByteGrid {

constexpr int kRowPadding = 3;
constexpr int kGroupGap = 8;        // an extra gap every 8 bytes, the eye's anchor in long rows

inline int cellChars(ByteGridView::DisplayMode mode)
{
    switch (mode) {
    case ByteGridView::DisplayMode::Hex:
        return 2;
    case ByteGridView::DisplayMode::Decimal:
        return 3;
    case ByteGridView::DisplayMode::Binary:
        return 8;
    case ByteGridView::DisplayMode::Ascii:
        return 1;
    }
    return 2;
}

inline QString byteString(ByteGridView::DisplayMode mode, uchar value)
{
    switch (mode) {
    case ByteGridView::DisplayMode::Hex:
        return QStringLiteral("%1").arg(value, 2, 16, QLatin1Char('0')).toUpper();
    case ByteGridView::DisplayMode::Decimal:
        return QStringLiteral("%1").arg(value, 3, 10, QLatin1Char(' '));
    case ByteGridView::DisplayMode::Binary:
        return QStringLiteral("%1").arg(value, 8, 2, QLatin1Char('0'));
    case ByteGridView::DisplayMode::Ascii:
        break;
    }
    return value >= 0x20 && value < 0x7f ? QString(QLatin1Char(char(value))) : QStringLiteral("·");
}

} // namespace ShmScope::ByteGrid

namespace ShmScope {

struct ByteGridView::Colors {
    bool dark;
    QColor background, alternate, header, headerText, offsetText, text, dimText, missingText, selection,
        selectionBorder, flash, cursor, hover, separator;

    explicit Colors(const QPalette &palette)
    {
        const QColor base = palette.color(QPalette::Base);
        dark = base.lightness() < 128;
        background = base;
        alternate = dark ? base.lighter(112) : base.darker(103);
        header = palette.color(QPalette::Window);
        headerText = palette.color(QPalette::PlaceholderText);
        offsetText = dark ? QColor(0x7d, 0x86, 0x96) : QColor(0x6a, 0x73, 0x7d);
        text = palette.color(QPalette::Text);
        dimText = dark ? QColor(0x5a, 0x61, 0x6e) : QColor(0xb0, 0xb5, 0xbc);
        missingText = dimText;
        selection = palette.color(QPalette::Highlight);
        selection.setAlpha(110);
        selectionBorder = palette.color(QPalette::Highlight);
        flash = QColor(0xff, 0xc4, 0x2e);
        cursor = palette.color(QPalette::Text);
        hover = dark ? QColor(255, 255, 255, 40) : QColor(0, 0, 0, 28);
        separator = dark ? QColor(255, 255, 255, 22) : QColor(0, 0, 0, 22);
    }
};

} // namespace ShmScope
