#include "bytegridview.h"

#include "typecode.h"

#include <QFontDatabase>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <algorithm>
#include <chrono>
#include <limits>

namespace ShmScope {

namespace {
constexpr int kFadeIntervalMs = 33; // fading needs no more than ~30 frames per second
constexpr int kRowPadding = 3;
constexpr int kGroupGap = 8;        // an extra gap every 8 bytes, the eye's anchor in long rows

int cellChars(ByteGridView::DisplayMode mode)
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

QString byteString(ByteGridView::DisplayMode mode, uchar value)
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
}
} // namespace

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

qint64 ByteGridView::monotonicNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

ByteGridView::ByteGridView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setMouseTracking(true);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    setFrameShape(QFrame::NoFrame);
    m_font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_font.setPointSizeF(10.5);
    m_font.setStyleHint(QFont::Monospace);
    m_fadeTimer.setInterval(kFadeIntervalMs);
    connect(&m_fadeTimer, &QTimer::timeout, this, [this] {
        if (monotonicNs() - m_lastChangeNs > kFlashNs)
            m_fadeTimer.stop();
        viewport()->update();
    });
    updateMetrics();
}

ByteGridView::~ByteGridView() = default;

QString ByteGridView::displayModeName(DisplayMode mode)
{
    switch (mode) {
    case DisplayMode::Hex:
        return tr("Hexadecimal");
    case DisplayMode::Decimal:
        return tr("Decimal");
    case DisplayMode::Binary:
        return tr("Binary");
    case DisplayMode::Ascii:
        return tr("ASCII");
    }
    return {};
}

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

void ByteGridView::updateMetrics()
{
    const QFontMetrics metrics(m_font);
    m_charWidth = metrics.horizontalAdvance(QLatin1Char('0'));
    m_lineHeight = metrics.height();
    m_labelFont = font();
    m_labelFont.setPointSizeF(qMax(7.0, m_font.pointSizeF() - 2.0));
    m_labelHeight = QFontMetrics(m_labelFont).height();
    m_rowHeight = m_lineHeight + 2 * kRowPadding + (m_layout.isEmpty() ? 0 : m_labelHeight + 1);
    m_headerHeight = m_lineHeight + 10;
    m_offsetDigits = 8;
    for (qint64 size = m_segmentSize; size > 0xffffffffLL; size >>= 4)
        ++m_offsetDigits;
    rebuildTextCache();

    // As many bytes per row as fit, a multiple of 8: aligned fields (alignment = size <= 8) never straddle rows.
    const int width = viewport()->width();
    m_bytesPerRow = 8;
    for (int candidate : {16, 32, 64}) {
        const int saved = m_bytesPerRow;
        m_bytesPerRow = candidate;
        if (contentWidth() > width) {
            m_bytesPerRow = saved;
            break;
        }
    }
    updateScrollBars();
    viewport()->update();
}

int ByteGridView::cellWidth() const
{
    return (cellChars(m_mode) + 1) * m_charWidth;
}

int ByteGridView::cellX(int column) const
{
    const int bytesLeft = m_charWidth + (m_offsetDigits + 2) * m_charWidth;
    return bytesLeft + column * cellWidth() + (column / kGroupGap) * m_charWidth;
}

int ByteGridView::asciiX(int column) const
{
    return cellX(m_bytesPerRow) + m_charWidth + column * m_charWidth;
}

int ByteGridView::contentWidth() const
{
    return (m_mode == DisplayMode::Ascii ? cellX(m_bytesPerRow) : asciiX(m_bytesPerRow)) + m_charWidth;
}

qint64 ByteGridView::rowCount() const
{
    return (m_segmentSize + m_bytesPerRow - 1) / m_bytesPerRow;
}

int ByteGridView::visibleRowCount() const
{
    const int height = qMax(0, viewport()->height() - m_headerHeight);
    return (height + m_rowHeight - 1) / m_rowHeight;
}

void ByteGridView::updateScrollBars()
{
    const int fullRows = qMax(1, (viewport()->height() - m_headerHeight) / m_rowHeight);
    // One scroll step is one row; a QScrollBar holds an int, enough for 2^31 rows (16 GiB at 8 per row).
    const qint64 maximum = std::clamp(rowCount() - fullRows, qint64(0), qint64(std::numeric_limits<int>::max()));
    verticalScrollBar()->setRange(0, int(maximum));
    verticalScrollBar()->setPageStep(fullRows);
    verticalScrollBar()->setSingleStep(1);
    horizontalScrollBar()->setRange(0, qMax(0, contentWidth() - viewport()->width()));
    horizontalScrollBar()->setPageStep(viewport()->width());
    horizontalScrollBar()->setSingleStep(m_charWidth);
    emitVisibleRangeIfChanged();
}

ByteRange ByteGridView::visibleRange() const
{
    const qint64 first = qint64(verticalScrollBar()->value()) * m_bytesPerRow;
    const qint64 end = qMin(m_segmentSize, first + qint64(visibleRowCount()) * m_bytesPerRow);
    return {qMin(first, m_segmentSize), qMax<qint64>(0, end - first)};
}

void ByteGridView::emitVisibleRangeIfChanged()
{
    const ByteRange range = visibleRange();
    if (range == m_lastVisible)
        return;
    m_lastVisible = range;
    Q_EMIT visibleRangeChanged(range);
}

void ByteGridView::setSegmentSize(qint64 size)
{
    m_segmentSize = qMax<qint64>(0, size);
    m_snapshot = Snapshot();
    m_changedAtNs.clear();
    m_selection = {};
    m_cursor = m_anchor = -1;
    updateMetrics();
}

void ByteGridView::setLayout(const Layout &layout)
{
    m_layout = layout;
    updateMetrics();
}

void ByteGridView::setDisplayMode(DisplayMode mode)
{
    if (mode == m_mode)
        return;
    const qint64 top = visibleRange().offset;
    m_mode = mode;
    updateMetrics();
    scrollToOffset(top);
}

void ByteGridView::applySnapshot(const Snapshot &snapshot, const QVector<ByteRange> &changes, bool fresh)
{
    const bool sameWindow = snapshot.offset == m_snapshot.offset && snapshot.bytes.size() == m_snapshot.bytes.size();
    m_snapshot = snapshot;
    if (fresh || !sameWindow)
        m_changedAtNs.fill(0, snapshot.bytes.size());
    if (!fresh && !changes.isEmpty()) {
        const qint64 now = monotonicNs();
        for (const ByteRange &change : changes) {
            const qint64 end = qMin<qint64>(change.offset + change.length, m_changedAtNs.size());
            for (qint64 i = qMax<qint64>(0, change.offset); i < end; ++i)
                m_changedAtNs[i] = now;
        }
        m_lastChangeNs = now;
        if (!m_fadeTimer.isActive())
            m_fadeTimer.start();
    }
    // A poll result for the typed view or a probe alone leaves the grid's pixels as they are.
    if (fresh || !sameWindow || !changes.isEmpty())
        viewport()->update();
}

bool ByteGridView::byteAvailable(qint64 offset) const
{
    const qint64 index = offset - m_snapshot.offset;
    return index >= 0 && index < m_snapshot.bytes.size();
}

uchar ByteGridView::byteAt(qint64 offset) const
{
    return uchar(m_snapshot.bytes.at(int(offset - m_snapshot.offset)));
}

int ByteGridView::fieldIndexAt(qint64 offset) const
{
    const auto &fields = m_layout.fields();
    // Fields are laid out in ascending offsets: the last field starting at or before offset.
    auto it = std::upper_bound(fields.cbegin(), fields.cend(), offset,
                               [](qint64 value, const LayoutField &field) { return value < field.offset; });
    if (it == fields.cbegin())
        return -1;
    --it;
    return offset < it->end() ? int(it - fields.cbegin()) : -1;
}

ByteRange ByteGridView::groupRange(qint64 offset) const
{
    const int field = fieldIndexAt(offset);
    if (field < 0)
        return {offset, 1};
    const LayoutField &f = m_layout.fields().at(field);
    const qint64 element = (offset - f.offset) / f.type->size;
    return {f.offset + element * f.type->size, f.type->size};
}

QString ByteGridView::fieldNameAt(qint64 offset) const
{
    const int field = fieldIndexAt(offset);
    if (field < 0)
        return {};
    const LayoutField &f = m_layout.fields().at(field);
    if (!f.isArray)
        return f.name;
    return QStringLiteral("%1[%2]").arg(f.name).arg((offset - f.offset) / f.type->size);
}

QString ByteGridView::groupLabel(qint64 offset) const
{
    const int field = fieldIndexAt(offset);
    if (field < 0)
        return {};
    const ByteRange group = groupRange(offset);
    if (!byteAvailable(group.offset) || !byteAvailable(group.offset + group.length - 1))
        return {};
    const TypeCode &type = *m_layout.fields().at(field).type;
    const auto *bytes = reinterpret_cast<const uchar *>(m_snapshot.bytes.constData()) + (group.offset - m_snapshot.offset);
    // A one-byte character cell is too narrow for Python's b'h': the character alone says it.
    if (type.kind == ValueKind::Byte)
        return bytes[0] >= 0x20 && bytes[0] < 0x7f ? QString(QLatin1Char(char(bytes[0])))
                                                   : QStringLiteral("\\x%1").arg(bytes[0], 2, 16, QLatin1Char('0'));
    return formatValue(type, decodeValue(type, bytes));
}

QString ByteGridView::cellText(qint64 offset) const
{
    if (offset < 0 || offset >= m_segmentSize || !byteAvailable(offset))
        return {};
    return byteString(m_mode, byteAt(offset)).trimmed();
}

qreal ByteGridView::flashLevel(qint64 offset) const
{
    const qint64 index = offset - m_snapshot.offset;
    if (index < 0 || index >= m_changedAtNs.size() || m_changedAtNs.at(index) == 0)
        return 0;
    const qint64 age = monotonicNs() - m_changedAtNs.at(index);
    return age >= kFlashNs ? 0.0 : 1.0 - qreal(age) / kFlashNs;
}

QRect ByteGridView::cellRect(qint64 offset) const
{
    const qint64 row = offset / m_bytesPerRow;
    const qint64 firstRow = verticalScrollBar()->value();
    if (offset < 0 || offset >= m_segmentSize || row < firstRow || row >= firstRow + visibleRowCount())
        return {};
    const int column = int(offset % m_bytesPerRow);
    const int x = cellX(column) - horizontalScrollBar()->value() - m_charWidth / 2;
    const int y = m_headerHeight + int(row - firstRow) * m_rowHeight;
    return {x, y, cellWidth(), m_rowHeight};
}

qint64 ByteGridView::offsetAt(const QPoint &pos) const
{
    if (pos.y() < m_headerHeight || m_segmentSize == 0)
        return -1;
    const int x = pos.x() + horizontalScrollBar()->value();
    int column = -1;
    for (int candidate = 0; candidate < m_bytesPerRow; ++candidate) {
        const int left = cellX(candidate) - m_charWidth / 2;
        if (x >= left && x < left + cellWidth() + (candidate % kGroupGap == kGroupGap - 1 ? m_charWidth : 0)) {
            column = candidate;
            break;
        }
        if (m_mode != DisplayMode::Ascii && x >= asciiX(candidate) && x < asciiX(candidate) + m_charWidth) {
            column = candidate;
            break;
        }
    }
    if (column < 0)
        return -1;
    const qint64 row = verticalScrollBar()->value() + (pos.y() - m_headerHeight) / m_rowHeight;
    const qint64 offset = row * m_bytesPerRow + column;
    return offset < m_segmentSize ? offset : -1;
}

QString ByteGridView::toolTipText(qint64 offset) const
{
    if (offset < 0 || offset >= m_segmentSize)
        return {};
    QStringList lines;
    lines << tr("Offset %1 (0x%2)").arg(offset).arg(offset, 0, 16);
    if (byteAvailable(offset)) {
        const uchar value = byteAt(offset);
        lines << tr("Byte 0x%1 = %2 = 0b%3")
                     .arg(value, 2, 16, QLatin1Char('0'))
                     .arg(value)
                     .arg(value, 8, 2, QLatin1Char('0'));
    }
    const int field = fieldIndexAt(offset);
    if (field >= 0) {
        const LayoutField &f = m_layout.fields().at(field);
        const ByteRange group = groupRange(offset);
        lines << tr("Field %1: %2 (%3), bytes %4–%5")
                     .arg(fieldNameAt(offset), QLatin1String(f.type->cType), QString(QLatin1Char(f.type->code)))
                     .arg(group.offset)
                     .arg(group.offset + group.length - 1);
        const QString value = groupLabel(offset);
        if (!value.isEmpty())
            lines << tr("Value %1").arg(value);
        if (group.length > 1)
            lines << tr("Little-endian: byte %1 is the least significant, byte %2 the most")
                         .arg(group.offset)
                         .arg(group.offset + group.length - 1);
    }
    return lines.join(QLatin1Char('\n'));
}

void ByteGridView::setSelection(ByteRange range, bool scrollTo)
{
    if (range.offset < 0 || range.offset >= m_segmentSize)
        range = {};
    range.length = qMin(range.length, m_segmentSize - range.offset);
    m_selection = range;
    if (range.length > 0) {
        m_anchor = range.offset;
        m_cursor = range.offset + range.length - 1;
        if (scrollTo)
            scrollToOffset(range.offset);
    }
    viewport()->update();
}

void ByteGridView::scrollToOffset(qint64 offset)
{
    if (offset < 0 || offset >= m_segmentSize)
        return;
    const qint64 row = offset / m_bytesPerRow;
    const qint64 first = verticalScrollBar()->value();
    const int fullRows = qMax(1, (viewport()->height() - m_headerHeight) / m_rowHeight);
    if (row < first)
        verticalScrollBar()->setValue(int(qMin<qint64>(row, std::numeric_limits<int>::max())));
    else if (row >= first + fullRows)
        verticalScrollBar()->setValue(int(qMin<qint64>(row - fullRows + 1, std::numeric_limits<int>::max())));
}

void ByteGridView::moveCursor(qint64 offset, bool extend)
{
    if (m_segmentSize == 0)
        return;
    offset = qBound<qint64>(0, offset, m_segmentSize - 1);
    m_cursor = offset;
    if (!extend || m_anchor < 0)
        m_anchor = offset;
    const qint64 first = qMin(m_anchor, m_cursor);
    m_selection = {first, qMax(m_anchor, m_cursor) - first + 1};
    scrollToOffset(offset);
    viewport()->update();
    Q_EMIT selectionChanged(m_selection);
}

void ByteGridView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    const qint64 top = visibleRange().offset;
    const int before = m_bytesPerRow;
    updateMetrics();
    if (before != m_bytesPerRow)
        verticalScrollBar()->setValue(int(qMin<qint64>(top / m_bytesPerRow, std::numeric_limits<int>::max())));
}

void ByteGridView::scrollContentsBy(int, int)
{
    emitVisibleRangeIfChanged();
    viewport()->update();
}

void ByteGridView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange)
        updateMetrics();
}

bool ByteGridView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipText(offsetAt(help->pos()));
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, viewport(), cellRect(offsetAt(help->pos())));
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void ByteGridView::mousePressEvent(QMouseEvent *event)
{
    const qint64 offset = offsetAt(event->position().toPoint());
    if (event->button() != Qt::LeftButton || offset < 0)
        return;
    m_dragging = true;
    moveCursor(offset, event->modifiers() & Qt::ShiftModifier);
}

void ByteGridView::mouseMoveEvent(QMouseEvent *event)
{
    const qint64 offset = offsetAt(event->position().toPoint());
    if (m_dragging && offset >= 0 && offset != m_cursor)
        moveCursor(offset, true);
    if (offset != m_hovered) {
        m_hovered = offset;
        viewport()->update();
    }
}

void ByteGridView::mouseReleaseEvent(QMouseEvent *)
{
    m_dragging = false;
}

void ByteGridView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const qint64 offset = offsetAt(event->position().toPoint());
    if (offset < 0)
        return;
    const ByteRange group = groupRange(offset);
    m_anchor = group.offset;
    m_cursor = group.offset + group.length - 1;
    m_selection = group;
    viewport()->update();
    Q_EMIT selectionChanged(m_selection);
}

void ByteGridView::leaveEvent(QEvent *event)
{
    QAbstractScrollArea::leaveEvent(event);
    m_hovered = -1;
    viewport()->update();
}

void ByteGridView::keyPressEvent(QKeyEvent *event)
{
    const bool extend = event->modifiers() & Qt::ShiftModifier;
    const bool control = event->modifiers() & Qt::ControlModifier;
    const qint64 cursor = m_cursor < 0 ? visibleRange().offset : m_cursor;
    const qint64 page = qint64(qMax(1, verticalScrollBar()->pageStep())) * m_bytesPerRow;
    switch (event->key()) {
    case Qt::Key_Left:
        moveCursor(cursor - 1, extend);
        break;
    case Qt::Key_Right:
        moveCursor(cursor + 1, extend);
        break;
    case Qt::Key_Up:
        moveCursor(cursor - m_bytesPerRow, extend);
        break;
    case Qt::Key_Down:
        moveCursor(cursor + m_bytesPerRow, extend);
        break;
    case Qt::Key_PageUp:
        moveCursor(cursor - page, extend);
        break;
    case Qt::Key_PageDown:
        moveCursor(cursor + page, extend);
        break;
    case Qt::Key_Home:
        moveCursor(control ? 0 : cursor - cursor % m_bytesPerRow, extend);
        break;
    case Qt::Key_End:
        moveCursor(control ? m_segmentSize - 1 : cursor - cursor % m_bytesPerRow + m_bytesPerRow - 1, extend);
        break;
    default:
        QAbstractScrollArea::keyPressEvent(event);
    }
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
    if (m_mode != DisplayMode::Ascii) {
        painter.setPen(colors.separator);
        const int x = asciiX(0) - m_charWidth / 2;
        painter.drawLine(x, y, x, y + m_rowHeight);
    }
}

} // namespace ShmScope
