#include "bytegridview_p.h"

#include "typecode.h"
#include "zoomfactor.h"

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

using namespace ByteGrid;

namespace {
constexpr int kFadeIntervalMs = 33; // fading needs no more than ~30 frames per second
} // namespace

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

void ByteGridView::updateMetrics()
{
    m_font.setPointSizeF(10.5 * currentZoom()); // the classroom zoom (presentation mode) scales the bytes too
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

} // namespace ShmScope
