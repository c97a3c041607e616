#pragma once

#include "layout.h"
#include "snapshot.h"

#include <QAbstractScrollArea>
#include <QPixmap>
#include <QTimer>
#include <QVector>
#include <array>

namespace ShmScope {

// The bytes of a segment as a grid, custom-painted and virtualized: the view only knows the segment's
// size and the bytes of its visible window (handed in by the poller), so a 1 GiB segment costs what a
// screenful costs. Bytes are grouped and tinted by layout field, each group shows its decoded value,
// changed bytes flash and fade. It never reads shared memory itself.
class ByteGridView : public QAbstractScrollArea {
    Q_OBJECT
public:
    enum class DisplayMode { Hex, Decimal, Binary, Ascii };
    Q_ENUM(DisplayMode)
    static constexpr qint64 kFlashNs = 1'000'000'000; // a change stays visible for about a second

    explicit ByteGridView(QWidget *parent = nullptr);
    ~ByteGridView() override;

    void setSegmentSize(qint64 size); // 0: nothing to show
    qint64 segmentSize() const { return m_segmentSize; }
    void setLayout(const Layout &layout);
    const Layout &layout() const { return m_layout; }
    void setDisplayMode(DisplayMode mode);
    DisplayMode displayMode() const { return m_mode; }
    static QString displayModeName(DisplayMode mode);
    int bytesPerRow() const { return m_bytesPerRow; }

    // Bytes of the visible window from the poller; `changes` flash (not when fresh: a new window).
    void applySnapshot(const Snapshot &snapshot, const QVector<ByteRange> &changes, bool fresh);
    // The bytes the view shows now (full rows, one partial row included): what the poller must read.
    ByteRange visibleRange() const;

    ByteRange selection() const { return m_selection; }
    void setSelection(ByteRange range, bool scrollTo = true); // does not emit selectionChanged
    void scrollToOffset(qint64 offset);
    qint64 cursorOffset() const { return m_cursor; }

    // Geometry and content, for tooltips and tests.
    qint64 offsetAt(const QPoint &viewportPos) const; // -1 outside the byte cells
    QRect cellRect(qint64 offset) const;              // in viewport coordinates; null if not shown
    QString cellText(qint64 offset) const;            // "01", "1", "00000001", "." as drawn
    QString groupLabel(qint64 offset) const;          // the decoded value drawn over its group
    ByteRange groupRange(qint64 offset) const;        // the element holding offset, or {offset, 1}
    QString fieldNameAt(qint64 offset) const;         // "values[2]", empty outside the layout
    qreal flashLevel(qint64 offset) const;            // 1 just changed, fading to 0 over kFlashNs
    QString toolTipText(qint64 offset) const;
    quint64 paintCount() const { return m_paintCount; }
    qint64 lastSnapshotTakenNs() const { return m_snapshot.takenNs; }

    static qint64 monotonicNs(); // CLOCK_MONOTONIC, the clock of Snapshot::takenNs

Q_SIGNALS:
    void visibleRangeChanged(ShmScope::ByteRange range);
    void selectionChanged(ShmScope::ByteRange range); // by the user: mouse or keyboard
    void framePainted(quint64 paintCount);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    bool viewportEvent(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Colors;
    void updateMetrics();
    void updateScrollBars();
    void emitVisibleRangeIfChanged();
    void rebuildTextCache();
    int fieldIndexAt(qint64 offset) const;
    bool byteAvailable(qint64 offset) const;
    uchar byteAt(qint64 offset) const;
    qint64 rowCount() const;
    int visibleRowCount() const; // rows that fit, a partial last row included
    int cellX(int column) const; // left of the cell in content coordinates
    int asciiX(int column) const;
    int cellWidth() const;
    int contentWidth() const;
    void moveCursor(qint64 offset, bool extend);
    void paintHeader(QPainter &painter, const Colors &colors);
    void paintRow(QPainter &painter, const Colors &colors, qint64 row, int y, qint64 now);
    void paintGroups(QPainter &painter, const Colors &colors, qint64 rowOffset, int y, int rowBytes);

    qint64 m_segmentSize = 0;
    Layout m_layout;
    DisplayMode m_mode = DisplayMode::Hex;
    int m_bytesPerRow = 16;

    Snapshot m_snapshot;
    QVector<qint64> m_changedAtNs; // per byte of the snapshot's window: when it last changed
    qint64 m_lastChangeNs = 0;
    QTimer m_fadeTimer;            // runs only while something is fading
    ByteRange m_lastVisible{-1, -1};

    ByteRange m_selection;
    qint64 m_anchor = -1;
    qint64 m_cursor = -1;
    qint64 m_hovered = -1;
    bool m_dragging = false;
    quint64 m_paintCount = 0;

    // Metrics, from the fonts.
    QFont m_font;
    QFont m_labelFont;
    int m_charWidth = 8;
    int m_lineHeight = 16;
    int m_labelHeight = 12;
    int m_rowHeight = 20;
    int m_headerHeight = 24;
    int m_offsetDigits = 8;
    // Glyph atlases: the 256 byte texts pre-rendered side by side, in the normal and the dim colour,
    // so that painting a cell is one blit instead of one text layout (the grid's main cost).
    enum Ink { NormalInk, DimInk, InkCount };
    std::array<QPixmap, InkCount> m_byteAtlas;  // in the current mode
    std::array<QPixmap, InkCount> m_asciiAtlas; // for the ASCII pane
    void drawByte(QPainter &painter, const std::array<QPixmap, InkCount> &atlas, int glyphWidth, int x, int y,
                  uchar value, Ink ink) const;
};

} // namespace ShmScope
