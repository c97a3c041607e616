// ByteGridView's drawing: glyph atlases, field groups, flashes, selection. Geometry lives in
// bytegridview.cpp; both share bytegridview_p.h.

#include "bytegridview_p.h"

#include "typecode.h"

#include <QPainter>
#include <QScrollBar>

namespace ShmScope {

using namespace ByteGrid;

namespace {
// A box with softened corners from a handful of fillRects: QPainter's rounded rectangles go through
// the path rasterizer and cost 20x more, which at ~100 groups a screen was most of a frame.
void fillSoftBox(QPainter &painter, const QRect &box, const QColor &fill, const QColor &border)
{
    const int l = box.left(), t = box.top(), r = box.right(), b = box.bottom();
    painter.fillRect(QRect(QPoint(l + 1, t + 1), QPoint(r - 1, b - 1)), fill);
    painter.fillRect(QRect(QPoint(l + 2, t), QPoint(r - 2, t)), border);
    painter.fillRect(QRect(QPoint(l + 2, b), QPoint(r - 2, b)), border);
    painter.fillRect(QRect(QPoint(l, t + 2), QPoint(l, b - 2)), border);
    painter.fillRect(QRect(QPoint(r, t + 2), QPoint(r, b - 2)), border);
    for (const QPoint &corner : {QPoint(l + 1, t + 1), QPoint(r - 1, t + 1), QPoint(l + 1, b - 1), QPoint(r - 1, b - 1)})
        painter.fillRect(QRect(corner, QSize(1, 1)), border);
}

// One hue per field, readable on dark and light backgrounds.
QColor fieldHue(int field)
{
    static const QColor hues[] = {QColor(0x4f, 0xa3, 0xf7), QColor(0x4c, 0xc3, 0x8a), QColor(0xc7, 0x8b, 0xf0),
                                  QColor(0xf2, 0xa6, 0x3b), QColor(0x3e, 0xc1, 0xc9), QColor(0xf0, 0x6b, 0x8a),
                                  QColor(0xa8, 0xc2, 0x4a), QColor(0x9a, 0xa5, 0xff)};
    return hues[field % int(std::size(hues))];
}} // namespace

void ByteGridView::rebuildTextCache()
{
    const Colors colors(palette());
    const qreal ratio = devicePixelRatioF();
    const auto render = [&](DisplayMode mode, int glyphWidth, const QColor &ink) {
        QPixmap atlas(QSize(glyphWidth * 256, m_lineHeight) * ratio);
        atlas.setDevicePixelRatio(ratio);
        atlas.fill(Qt::transparent);
        QPainter painter(&atlas);
        painter.setFont(m_font);
        painter.setPen(ink);
        for (int value = 0; value < 256; ++value)
            painter.drawText(QRect(value * glyphWidth, 0, glyphWidth, m_lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
                             byteString(mode, uchar(value)));
        return atlas;
    };
    const int byteWidth = cellChars(m_mode) * m_charWidth;
    m_byteAtlas[NormalInk] = render(m_mode, byteWidth, colors.text);
    m_byteAtlas[DimInk] = render(m_mode, byteWidth, colors.dimText);
    m_asciiAtlas[NormalInk] = render(DisplayMode::Ascii, m_charWidth, colors.text);
    m_asciiAtlas[DimInk] = render(DisplayMode::Ascii, m_charWidth, colors.dimText);
}

void ByteGridView::drawByte(QPainter &painter, const std::array<QPixmap, InkCount> &atlas, int glyphWidth, int x,
                            int y, uchar value, Ink ink) const
{
    const qreal ratio = atlas[ink].devicePixelRatio();
    painter.drawPixmap(QRectF(x, y, glyphWidth, m_lineHeight), atlas[ink],
                       QRectF(value * glyphWidth * ratio, 0, glyphWidth * ratio, m_lineHeight * ratio));
}
void ByteGridView::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    const Colors colors(palette());
    painter.fillRect(viewport()->rect(), colors.background);

    if (m_segmentSize == 0) {
        painter.setPen(colors.headerText);
        painter.drawText(viewport()->rect(), Qt::AlignCenter,
                         tr("No segment open\nFile ▸ New Segment (Ctrl+N) or Attach (Ctrl+O)"));
        ++m_paintCount;
        Q_EMIT framePainted(m_paintCount);
        return;
    }

    painter.setFont(m_font);
    const qint64 now = monotonicNs();
    const qint64 firstRow = verticalScrollBar()->value();
    const qint64 lastRow = qMin(rowCount(), firstRow + visibleRowCount());
    painter.translate(-horizontalScrollBar()->value(), 0);
    for (qint64 row = firstRow; row < lastRow; ++row)
        paintRow(painter, colors, row, m_headerHeight + int(row - firstRow) * m_rowHeight, now);
    painter.resetTransform();
    paintHeader(painter, colors);
    ++m_paintCount;
    Q_EMIT framePainted(m_paintCount);
}

void ByteGridView::paintHeader(QPainter &painter, const Colors &colors)
{
    const QRect band(0, 0, viewport()->width(), m_headerHeight);
    painter.fillRect(band, colors.header);
    painter.setPen(colors.separator);
    painter.drawLine(band.bottomLeft(), band.bottomRight());
    painter.translate(-horizontalScrollBar()->value(), 0);
    painter.setFont(m_labelFont);
    painter.setPen(colors.headerText);
    const QRect textBand(0, 0, 0, m_headerHeight);
    painter.drawText(textBand.adjusted(m_charWidth, 0, m_charWidth * (m_offsetDigits + 1), 0),
                     Qt::AlignVCenter | Qt::AlignLeft, tr("OFFSET"));
    for (int column = 0; column < m_bytesPerRow; ++column) {
        const QRect cell(cellX(column), 0, cellChars(m_mode) * m_charWidth, m_headerHeight);
        painter.drawText(cell, Qt::AlignCenter, QStringLiteral("%1").arg(column, 2, 16, QLatin1Char('0')).toUpper());
    }
    if (m_mode != DisplayMode::Ascii)
        painter.drawText(QRect(asciiX(0), 0, m_bytesPerRow * m_charWidth, m_headerHeight),
                         Qt::AlignVCenter | Qt::AlignLeft, tr("ASCII"));
    painter.resetTransform();
}

void ByteGridView::paintGroups(QPainter &painter, const Colors &colors, qint64 rowOffset, int y, int rowBytes)
{
    const int textWidth = cellChars(m_mode) * m_charWidth;
    const QFontMetrics labelMetrics(m_labelFont);
    painter.setFont(m_labelFont);
    qint64 offset = rowOffset;
    while (offset < rowOffset + rowBytes) {
        const int field = fieldIndexAt(offset);
        if (field < 0) {
            ++offset;
            continue;
        }
        const ByteRange group = groupRange(offset);
        const qint64 end = qMin(group.offset + group.length, rowOffset + rowBytes);
        const int firstColumn = int(offset - rowOffset);
        const int lastColumn = int(end - 1 - rowOffset);
        const QRect box(cellX(firstColumn) - m_charWidth / 2 + 1, y + 1,
                        cellX(lastColumn) + textWidth - cellX(firstColumn) + m_charWidth - 2, m_rowHeight - 2);
        QColor hue = fieldHue(field);
        const qint64 element = (group.offset - m_layout.fields().at(field).offset) / group.length;
        QColor fill = hue;
        fill.setAlpha(colors.dark ? (element % 2 ? 34 : 52) : (element % 2 ? 30 : 46));
        QColor border = hue;
        border.setAlpha(group.offset <= m_hovered && m_hovered < group.offset + group.length ? 230 : 110);
        fillSoftBox(painter, box, fill, border);

        const QString label = groupLabel(group.offset);
        if (!label.isEmpty()) {
            const QRect labelRect(box.left() + 2, y + kRowPadding + m_lineHeight, box.width() - 4, m_labelHeight);
            painter.setPen(colors.dark ? hue.lighter(135) : hue.darker(150));
            // An elided "b…" says nothing: a label that does not fit is left to the tooltip.
            const QString shown = labelMetrics.elidedText(label, Qt::ElideRight, labelRect.width());
            if (shown == label || shown.size() >= 4)
                painter.drawText(labelRect, Qt::AlignCenter, shown);
        }
        offset = end;
    }
    painter.setFont(m_font);
}

void ByteGridView::paintRow(QPainter &painter, const Colors &colors, qint64 row, int y, qint64 now)
{
    const qint64 rowOffset = row * m_bytesPerRow;
    const int rowBytes = int(qMin<qint64>(m_bytesPerRow, m_segmentSize - rowOffset));
    const int width = contentWidth() + horizontalScrollBar()->value() + viewport()->width();
    if (row % 2)
        painter.fillRect(QRect(0, y, width, m_rowHeight), colors.alternate);

    painter.setPen(colors.offsetText);
    painter.drawText(QRect(m_charWidth, y + kRowPadding, m_offsetDigits * m_charWidth + m_charWidth, m_lineHeight),
                     Qt::AlignLeft | Qt::AlignVCenter,
                     QStringLiteral("%1").arg(rowOffset, m_offsetDigits, 16, QLatin1Char('0')));

    if (!m_layout.isEmpty())
        paintGroups(painter, colors, rowOffset, y, rowBytes);

    // Selection, as one band per row.
    const qint64 selectionEnd = m_selection.offset + m_selection.length;
    if (m_selection.length > 0 && selectionEnd > rowOffset && m_selection.offset < rowOffset + rowBytes) {
        const int a = int(qMax(m_selection.offset, rowOffset) - rowOffset);
        const int b = int(qMin(selectionEnd, rowOffset + rowBytes) - 1 - rowOffset);
        const QRect band(cellX(a) - m_charWidth / 2 + 2, y + 2, cellX(b) - cellX(a) + cellWidth() - 4, m_rowHeight - 4);
        fillSoftBox(painter, band, colors.selection, colors.selectionBorder);
        if (m_mode != DisplayMode::Ascii)
            painter.fillRect(QRect(asciiX(a), y + 2, (b - a + 1) * m_charWidth, m_rowHeight - 4), colors.selection);
    }

    const int textY = y + kRowPadding + (m_lineHeight - QFontMetrics(m_font).height()) / 2;
    for (int column = 0; column < rowBytes; ++column) {
        const qint64 offset = rowOffset + column;
        const int x = cellX(column);
        if (!byteAvailable(offset)) {
            painter.setPen(colors.missingText);
            painter.drawText(QPoint(x, textY + QFontMetrics(m_font).ascent()), QString(cellChars(m_mode), QLatin1Char('-')));
            continue;
        }
        const uchar value = byteAt(offset);
        const qint64 changedAt = m_changedAtNs.value(int(offset - m_snapshot.offset));
        if (changedAt > 0 && now - changedAt < kFlashNs) {
            QColor flash = colors.flash;
            flash.setAlphaF(0.7 * (1.0 - qreal(now - changedAt) / kFlashNs));
            painter.fillRect(QRect(x - m_charWidth / 2 + 1, y + 2, cellWidth() - 2, m_lineHeight + 2 * kRowPadding - 3), flash);
            if (m_mode != DisplayMode::Ascii)
                painter.fillRect(QRect(asciiX(column), y + 2, m_charWidth, m_lineHeight + 2 * kRowPadding - 3), flash);
        }
        drawByte(painter, m_byteAtlas, cellChars(m_mode) * m_charWidth, x, textY, value,
                 value == 0 ? DimInk : NormalInk);
        if (m_mode != DisplayMode::Ascii) {
            const bool printable = value >= 0x20 && value < 0x7f;
            drawByte(painter, m_asciiAtlas, m_charWidth, asciiX(column), textY, value, printable ? NormalInk : DimInk);
        }
    }
    if (m_cursor >= rowOffset && m_cursor < rowOffset + rowBytes && hasFocus()) {
        const int column = int(m_cursor - rowOffset);
        painter.setPen(QPen(colors.cursor, 1));
        painter.drawRect(QRect(cellX(column) - m_charWidth / 2 + 1, y + 1, cellWidth() - 3, m_rowHeight - 3));
    }
    // The cell under the mouse pointer, outlined: on a projector the teacher's pointer is what the class follows.
    if (m_hovered >= rowOffset && m_hovered < rowOffset + rowBytes) {
        const int column = int(m_hovered - rowOffset);
        painter.setPen(QPen(palette().color(QPalette::Highlight), 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRect(cellX(column) - m_charWidth / 2 + 2, y + 2, cellWidth() - 4, m_rowHeight - 4));
    }
    if (m_mode != DisplayMode::Ascii) {
        painter.setPen(colors.separator);
        const int x = asciiX(0) - m_charWidth / 2;
        painter.drawLine(x, y, x, y + m_rowHeight);
    }
}

} // namespace ShmScope
