// The blocks diagram's geometry and painting: where the cards, the block and the arrows go for the
// widget's size, and how each is drawn. Everything scales with m_scale (shapes) and m_textScale (fonts),
// both times the classroom zoom.

#include "blocksdiagram.h"

#include "blocksdiagramstyle.h"
#include "cataloguemodel.h"
#include "zoomfactor.h"

#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QSet>
#include <cmath>

namespace ShmScope {

using namespace BlocksStyle;

void BlocksDiagram::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    layoutNodes();
}

void BlocksDiagram::layoutNodes()
{
    const double fit = qBound(0.6, qMin(width() / 900.0, height() / 520.0), 2.0);
    // Text shrinks less than the shapes: a small dock still reads. The fonts are set in points here, so
    // they would not follow the application font's zoom (presentation mode): both scales take it on.
    const double zoom = currentZoom();
    m_scale = fit * zoom;
    const double unzoomedText = qBound(0.85, fit, 2.0);
    m_textScale = unzoomedText * zoom;
    const double margin = 16 * m_scale;
    // ...but only as large as a card still holds a mapping's address and the block its caption: a zoomed
    // dock that stayed small keeps its picture whole (never smaller than unzoomed).
    const double contentWidth = width() - 2 * margin;
    const double cardInnerWidth = contentWidth * 0.28 - 24 * m_scale;
    const double blockInnerWidth = qMin(contentWidth * 0.3, 320 * m_scale) - 28 * m_scale;
    QFont mono = font();
    mono.setFamily(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    mono.setPointSizeF(8.5 * m_textScale);
    const double addressWidth = QFontMetricsF(mono).horizontalAdvance(tr("at %1").arg(hexAddress(0x7f0000000000)));
    const double captionWidth = QFontMetricsF(captionFont()).horizontalAdvance(tr("memory block"));
    // 10% to spare: glyph widths do not shrink in proportion at every point size (hinting).
    const double widest = 1.1 * qMax(addressWidth / qMax(1.0, cardInnerWidth), captionWidth / qMax(1.0, blockInnerWidth));
    if (widest > 1.0)
        m_textScale = qMax(unzoomedText, m_textScale / widest);
    const double titleHeight = QFontMetricsF(titleFont()).height() + QFontMetricsF(subtitleFont()).height() + 14 * m_scale;
    const QSize button = m_anotherButton->sizeHint();
    m_anotherButton->move(int(margin), height() - int(margin) - button.height());
    m_anotherButton->resize(button);

    const QRectF content = QRectF(rect()).adjusted(margin, margin + titleHeight, -margin,
                                                   -margin - button.height() - 8 * m_scale);
    const double columnWidth = content.width() * 0.28;
    m_leftColumn = QRectF(content.left(), content.top(), columnWidth, content.height());
    m_rightColumn = QRectF(content.right() - columnWidth, content.top(), columnWidth, content.height());
    const double blockWidth = qMin(content.width() * 0.3, 320 * m_scale);
    const double blockHeight = qMin(content.height() * 0.8, 168 * m_scale);
    m_blockRect = QRectF(content.center().x() - blockWidth / 2, content.center().y() - blockHeight / 2, blockWidth, blockHeight);

    const double headerHeight = QFontMetricsF(columnHeaderFont()).height() + 6 * m_scale;
    for (const NodeKind kind : {NodeKind::WindowHandle, NodeKind::Process}) {
        const QRectF column = (kind == NodeKind::WindowHandle ? m_leftColumn : m_rightColumn).adjusted(0, headerHeight, 0, 0);
        QVector<Node *> nodes;
        for (Node &node : m_nodes) {
            if (node.kind == kind)
                nodes << &node;
        }
        if (nodes.isEmpty())
            continue;
        const double gap = 10 * m_scale;
        const double cardHeight = qMin(70 * m_scale, (column.height() - gap * (nodes.size() - 1)) / nodes.size());
        const double total = cardHeight * nodes.size() + gap * (nodes.size() - 1);
        double y = column.center().y() - total / 2;
        for (Node *node : qAsConst(nodes)) {
            node->rect = QRectF(column.left(), y, column.width(), cardHeight);
            y += cardHeight + gap;
        }
    }
}

QFont BlocksDiagram::titleFont() const
{
    QFont title = font();
    title.setPointSizeF(13 * m_textScale);
    title.setBold(true);
    return title;
}

QFont BlocksDiagram::columnHeaderFont() const
{
    QFont header = font();
    header.setPointSizeF(9 * m_textScale);
    header.setBold(true);
    header.setCapitalization(QFont::AllUppercase);
    header.setLetterSpacing(QFont::PercentageSpacing, 106);
    return header;
}

QFont BlocksDiagram::captionFont() const
{
    QFont caption = font();
    caption.setPointSizeF(8.5 * m_textScale);
    caption.setCapitalization(QFont::AllUppercase);
    caption.setLetterSpacing(QFont::PercentageSpacing, 108);
    caption.setBold(true);
    return caption;
}

QFont BlocksDiagram::subtitleFont() const
{
    QFont subtitle = font();
    subtitle.setPointSizeF(9.5 * m_textScale);
    return subtitle;
}

QPainterPath BlocksDiagram::arrowPath(const Node &node) const
{
    // Spread the arrow ends along the block's edge, in the order the cards are stacked.
    const bool left = node.kind == NodeKind::WindowHandle;
    int index = 0;
    int count = 0;
    for (const Node &other : m_nodes) {
        if (other.kind != node.kind)
            continue;
        if (other.key == node.key)
            index = count;
        ++count;
    }
    const double inset = m_blockRect.height() * 0.18;
    const double span = m_blockRect.height() - 2 * inset;
    const double endY = m_blockRect.top() + inset + span * (count == 1 ? 0.5 : double(index) / (count - 1));
    const QPointF start = left ? QPointF(node.rect.right(), node.rect.center().y()) : QPointF(node.rect.left(), node.rect.center().y());
    const double arrowHead = 9 * m_scale;
    const QPointF end = left ? QPointF(m_blockRect.left() - arrowHead, endY) : QPointF(m_blockRect.right() + arrowHead, endY);
    const double pull = std::abs(end.x() - start.x()) * 0.5;
    QPainterPath path(start);
    path.cubicTo(start + QPointF(left ? pull : -pull, 0), end + QPointF(left ? -pull : pull, 0), end);
    return path;
}

const BlocksDiagram::Node *BlocksDiagram::nodeAt(const QPointF &position) const
{
    for (const Node &node : m_nodes) {
        if (node.vanishedMs < 0 && node.rect.contains(position))
            return &node;
    }
    return nullptr;
}
void BlocksDiagram::paintEvent(QPaintEvent *)
{
    layoutNodes();
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.fillRect(rect(), palette().color(QPalette::Base));
    if (m_inode == 0) {
        paintEmpty(painter);
        return;
    }

    // Title: what the picture says.
    const double margin = 16 * m_scale;
    const QFont titleFont = this->titleFont();
    const QFont subtitleFont = this->subtitleFont();
    const QFontMetricsF titleMetrics(titleFont);
    const QFontMetricsF subtitleMetrics(subtitleFont);
    painter.setFont(titleFont);
    painter.setPen(palette().color(QPalette::Text));
    const int handles = windowHandleCount() + processMappingCount();
    painter.drawText(QRectF(margin, margin, width() - 2 * margin, titleMetrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
                     titleMetrics.elidedText(handles == 1 ? tr("One block, 1 handle") : tr("One block, %1 handles").arg(handles),
                                             Qt::ElideRight, width() - 2 * margin));
    painter.setFont(subtitleFont);
    painter.setPen(mix(palette().color(QPalette::Text), palette().color(QPalette::Base), 0.35));
    const QString subtitle = tr("Each handle maps the same bytes at its own address: shm_a is shm_b → False, "
                                "yet a write through one is read through all.");
    painter.drawText(QRectF(margin, margin + titleMetrics.height() + 2 * m_scale, width() - 2 * margin, subtitleMetrics.height()),
                     Qt::AlignLeft | Qt::AlignVCenter, subtitleMetrics.elidedText(subtitle, Qt::ElideRight, width() - 2 * margin));

    // Column headers, just above their stack of cards.
    const QFont headerFont = columnHeaderFont();
    const double headerHeight = QFontMetricsF(headerFont).height();
    // The palette's colours read on white when darkened, and on a dark theme as they are.
    const bool lightBackground = palette().color(QPalette::Base).lightnessF() > 0.5;
    auto stackTop = [this](NodeKind kind, const QRectF &column) {
        double top = column.center().y() - 40 * m_scale;
        bool first = true;
        for (const Node &node : qAsConst(m_nodes)) {
            if (node.kind == kind) {
                top = first ? node.rect.top() : qMin(top, node.rect.top());
                first = false;
            }
        }
        return top;
    };
    painter.setFont(headerFont);
    painter.setPen(lightBackground ? kHandleColour.darker(125) : kHandleColour);
    const double leftTop = stackTop(NodeKind::WindowHandle, m_leftColumn);
    const QFontMetricsF headerMetrics(headerFont);
    painter.drawText(QRectF(m_leftColumn.left(), leftTop - headerHeight - 4 * m_scale, m_leftColumn.width(), headerHeight),
                     Qt::AlignLeft | Qt::AlignBottom,
                     headerMetrics.elidedText(tr("This window"), Qt::ElideRight, m_leftColumn.width()));
    painter.setPen(lightBackground ? kProcessColour.darker(115) : kProcessColour.lighter(115));
    const double rightTop = stackTop(NodeKind::Process, m_rightColumn);
    painter.drawText(QRectF(m_rightColumn.left(), rightTop - headerHeight - 4 * m_scale, m_rightColumn.width(), headerHeight),
                     Qt::AlignLeft | Qt::AlignBottom,
                     headerMetrics.elidedText(tr("Other processes"), Qt::ElideRight, m_rightColumn.width()));
    if (processMappingCount() == 0) {
        painter.setFont(subtitleFont);
        painter.setPen(mix(palette().color(QPalette::Text), palette().color(QPalette::Base), 0.45));
        painter.drawText(QRectF(m_rightColumn.left(), rightTop, m_rightColumn.width(), 80 * m_scale),
                         Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                         tr("None yet. Start a worker, or in Python:\nSharedMemory('%1')").arg(m_blockName));
    }

    for (const Node &node : qAsConst(m_nodes))
        paintArrow(painter, node);
    paintBlock(painter);
    for (const Node &node : qAsConst(m_nodes))
        paintNode(painter, node);
    paintPulses(painter);
}

void BlocksDiagram::paintEmpty(QPainter &painter)
{
    QFont big = font();
    big.setPointSizeF(12 * m_textScale);
    painter.setFont(big);
    painter.setPen(mix(palette().color(QPalette::Text), palette().color(QPalette::Base), 0.4));
    painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                     tr("Create or attach a segment to see every handle on its block."));
}

void BlocksDiagram::paintBlock(QPainter &painter)
{
    const qint64 t = now();
    const double flash = fadeOut(t - m_blockFlashMs, kFlashMs);
    const QColor base = palette().color(QPalette::Base);
    const double radius = 12 * m_scale;

    // A soft shadow gives the one block its weight in the picture.
    painter.setPen(Qt::NoPen);
    painter.setBrush(withAlpha(Qt::black, 0.08));
    painter.drawRoundedRect(m_blockRect.translated(0, 3 * m_scale), radius, radius);

    QLinearGradient fill(m_blockRect.topLeft(), m_blockRect.bottomLeft());
    fill.setColorAt(0, mix(base, kBlockColour, 0.10));
    fill.setColorAt(1, mix(base, kBlockColour, 0.20));
    painter.setBrush(fill);
    painter.setPen(QPen(m_blockUnlinked ? kDeletedColour : kBlockColour, 2.2 * m_scale,
                        m_blockUnlinked ? Qt::DashLine : Qt::SolidLine));
    painter.drawRoundedRect(m_blockRect, radius, radius);
    if (flash > 0) {
        painter.setPen(QPen(withAlpha(kWriteColour, flash), 5 * m_scale));
        painter.setBrush(withAlpha(kWriteColour, 0.12 * flash));
        painter.drawRoundedRect(m_blockRect.adjusted(-2 * m_scale, -2 * m_scale, 2 * m_scale, 2 * m_scale), radius, radius);
    }

    const QRectF inner = m_blockRect.adjusted(14 * m_scale, 12 * m_scale, -14 * m_scale, -12 * m_scale);
    const QFont caption = captionFont();
    painter.setFont(caption);
    painter.setPen(kBlockColour);
    const double captionHeight = QFontMetricsF(caption).height();
    painter.drawText(QRectF(inner.left(), inner.top(), inner.width(), captionHeight), Qt::AlignHCenter,
                     QFontMetricsF(caption).elidedText(m_blockUnlinked ? tr("memory block · unlinked") : tr("memory block"),
                                                       Qt::ElideRight, inner.width()));

    QFont nameFont = font();
    nameFont.setPointSizeF(14 * m_textScale);
    nameFont.setBold(true);
    // A long name first gets a smaller font, and only then an ellipsis in the middle.
    while (nameFont.pointSizeF() > 10 * m_textScale
           && QFontMetricsF(nameFont).horizontalAdvance(m_blockName) > inner.width())
        nameFont.setPointSizeF(nameFont.pointSizeF() - 0.5);
    painter.setFont(nameFont);
    painter.setPen(palette().color(QPalette::Text));
    const QFontMetricsF nameMetrics(nameFont);
    const QRectF nameRect(inner.left(), inner.top() + captionHeight + 4 * m_scale, inner.width(), nameMetrics.height());
    painter.drawText(nameRect, Qt::AlignHCenter, nameMetrics.elidedText(m_blockName, Qt::ElideMiddle, inner.width()));

    QFont detailFont = font();
    detailFont.setPointSizeF(10 * m_textScale);
    painter.setFont(detailFont);
    painter.setPen(mix(palette().color(QPalette::Text), base, 0.25));
    const double lineHeight = QFontMetricsF(detailFont).height();
    QSet<pid_t> pids;
    for (const Node &node : qAsConst(m_nodes)) {
        if (node.vanishedMs < 0)
            pids.insert(node.pid);
    }
    QStringList lines{m_blockSize < 1024 ? tr("%L1 bytes").arg(m_blockSize)
                                         : tr("%L1 bytes (%2)").arg(m_blockSize).arg(CatalogueModel::formatSize(m_blockSize)),
                      tr("inode %1").arg(m_inode),
                      pids.size() == 1 ? tr("mapped in 1 process") : tr("mapped in %1 processes").arg(pids.size())};
    // Whatever does not fit above the strip is left out: the strip's labels first, then the last lines.
    const double stripHeight = qMax(8.0, 14 * m_scale);
    const double top = nameRect.bottom() + 6 * m_scale;
    double room = inner.bottom() - stripHeight - captionHeight - 4 * m_scale - top;
    bool stripLabels = true;
    if (lines.size() * lineHeight > room) {
        stripLabels = false;
        room += captionHeight + 2 * m_scale;
    }
    while (!lines.isEmpty() && lines.size() * lineHeight > room)
        lines.removeLast();
    double y = top;
    for (const QString &line : qAsConst(lines)) {
        painter.drawText(QRectF(inner.left(), y, inner.width(), lineHeight), Qt::AlignHCenter,
                         QFontMetricsF(detailFont).elidedText(line, Qt::ElideRight, inner.width()));
        y += lineHeight;
    }

    // The bytes as a strip from offset 0 to the end: changed ranges light up where they are.
    const QRectF strip(inner.left(), inner.bottom() - stripHeight, inner.width(), stripHeight);
    painter.setPen(Qt::NoPen);
    painter.setBrush(mix(base, kBlockColour, 0.32));
    painter.drawRoundedRect(strip, 3 * m_scale, 3 * m_scale);
    if (flash > 0 && m_blockSize > 0) {
        painter.setBrush(withAlpha(kWriteColour, flash));
        if (m_changedRanges.isEmpty()) {
            painter.drawRoundedRect(strip, 3 * m_scale, 3 * m_scale);
        } else {
            for (const ByteRange &range : qAsConst(m_changedRanges)) {
                const double x0 = strip.left() + strip.width() * double(range.offset) / double(m_blockSize);
                const double w = qMax(3.0 * m_scale, strip.width() * double(range.length) / double(m_blockSize));
                painter.drawRect(QRectF(qMin(x0, strip.right() - w), strip.top(), w, strip.height()));
            }
        }
    }
    if (!stripLabels)
        return;
    painter.setFont(caption);
    painter.setPen(mix(palette().color(QPalette::Text), base, 0.45));
    painter.drawText(QRectF(strip.left(), strip.top() - captionHeight - 2 * m_scale, strip.width(), captionHeight),
                     Qt::AlignLeft, QStringLiteral("0"));
    painter.drawText(QRectF(strip.left(), strip.top() - captionHeight - 2 * m_scale, strip.width(), captionHeight),
                     Qt::AlignRight, QString::number(m_blockSize));
}

void BlocksDiagram::paintArrow(QPainter &painter, const Node &node)
{
    const qint64 t = now();
    double opacity = qMin(1.0, double(t - node.appearedMs) / kFadeMs);
    if (node.vanishedMs >= 0)
        opacity *= 1.0 - qMin(1.0, double(t - node.vanishedMs) / kFadeMs);
    const QColor colour = node.deleted ? kDeletedColour : node.kind == NodeKind::WindowHandle ? kHandleColour : kProcessColour;
    const QPainterPath path = arrowPath(node);
    painter.save();
    painter.setOpacity(opacity);
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(colour, 2.2 * m_scale, node.deleted ? Qt::DashLine : Qt::SolidLine, Qt::RoundCap));
    painter.drawPath(path);
    // The head points at the block.
    const QPointF tip = path.currentPosition();
    const double direction = node.kind == NodeKind::WindowHandle ? 1.0 : -1.0;
    const double size = 9 * m_scale;
    QPolygonF head;
    head << tip + QPointF(direction * size, 0) << tip + QPointF(0, -size * 0.55) << tip + QPointF(0, size * 0.55);
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    painter.drawPolygon(head);
    painter.restore();
}

void BlocksDiagram::paintNode(QPainter &painter, const Node &node)
{
    const qint64 t = now();
    double opacity = qMin(1.0, double(t - node.appearedMs) / kFadeMs);
    if (node.vanishedMs >= 0)
        opacity *= 1.0 - qMin(1.0, double(t - node.vanishedMs) / kFadeMs);
    const QColor colour = node.deleted ? kDeletedColour : node.kind == NodeKind::WindowHandle ? kHandleColour : kProcessColour;
    const QColor base = palette().color(QPalette::Base);
    const double radius = 8 * m_scale;
    const double flash = fadeOut(t - node.flashMs, kFlashMs);
    const QRectF card = node.rect;

    painter.save();
    painter.setOpacity(opacity);
    painter.setPen(Qt::NoPen);
    painter.setBrush(withAlpha(Qt::black, 0.06));
    painter.drawRoundedRect(card.translated(0, 2 * m_scale), radius, radius);
    painter.setBrush(mix(base, colour, 0.12));
    painter.setPen(QPen(colour, 1.6 * m_scale, node.deleted ? Qt::DashLine : Qt::SolidLine));
    painter.drawRoundedRect(card, radius, radius);
    if (flash > 0) {
        painter.setPen(QPen(withAlpha(kWriteColour, flash), 4 * m_scale));
        painter.setBrush(Qt::NoBrush);
        painter.drawRoundedRect(card.adjusted(-1.5 * m_scale, -1.5 * m_scale, 1.5 * m_scale, 1.5 * m_scale), radius, radius);
    }
    // An accent bar on the side that faces away from the block.
    const double bar = 5 * m_scale;
    const bool left = node.kind == NodeKind::WindowHandle;
    QPainterPath accent;
    accent.addRoundedRect(left ? QRectF(card.left(), card.top(), bar * 2, card.height())
                               : QRectF(card.right() - bar * 2, card.top(), bar * 2, card.height()), radius, radius);
    QPainterPath clip;
    clip.addRect(left ? QRectF(card.left(), card.top(), bar, card.height()) : QRectF(card.right() - bar, card.top(), bar, card.height()));
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    painter.drawPath(accent.intersected(clip));

    const QRectF inner = card.adjusted(left ? bar + 9 * m_scale : 10 * m_scale, 5 * m_scale,
                                       left ? -10 * m_scale : -(bar + 9 * m_scale), -5 * m_scale);
    // A crowded column (many processes, or presentation mode's large text) gets smaller card text rather
    // than a title and an address spilling over the card's edges.
    double cardTextScale = m_textScale;
    {
        QFont title = font();
        title.setPointSizeF(11 * cardTextScale);
        title.setBold(true);
        QFont detail = font();
        detail.setPointSizeF(8.5 * cardTextScale);
        const double needed = QFontMetricsF(title).height() + QFontMetricsF(detail).height();
        if (needed > inner.height() && inner.height() > 0)
            cardTextScale *= inner.height() / needed;
    }
    QFont titleFont = font();
    titleFont.setPointSizeF(qMax(1.0, 11 * cardTextScale));
    titleFont.setBold(true);
    QFont detailFont = font();
    detailFont.setPointSizeF(qMax(1.0, 8.5 * cardTextScale));
    QFont monoFont = detailFont;
    monoFont.setFamily(QStringLiteral("monospace"));
    monoFont.setStyleHint(QFont::Monospace);
    const QFontMetricsF titleMetrics(titleFont);
    const QFontMetricsF detailMetrics(detailFont);
    const bool roomForThree = inner.height() >= titleMetrics.height() + 2 * detailMetrics.height();

    double y = inner.top() + qMax(0.0, (inner.height() - titleMetrics.height()
                                          - (roomForThree ? 2 : 1) * detailMetrics.height()) / 2);
    painter.setPen(palette().color(QPalette::Text));
    painter.setFont(titleFont);
    QString title = node.title;
    if (node.deleted)
        title += tr(" (deleted)");
    painter.drawText(QRectF(inner.left(), y, inner.width(), titleMetrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
                     titleMetrics.elidedText(title, Qt::ElideRight, inner.width()));
    y += titleMetrics.height();
    painter.setFont(detailFont);
    painter.setPen(mix(palette().color(QPalette::Text), base, 0.3));
    if (roomForThree) {
        painter.drawText(QRectF(inner.left(), y, inner.width(), detailMetrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
                         detailMetrics.elidedText(node.detail, Qt::ElideRight, inner.width()));
        y += detailMetrics.height();
    }
    // The address, and the mapping's permissions as /proc/PID/maps prints them when there is room.
    const QString address = tr("at %1").arg(hexAddress(node.address));
    if (QFontMetricsF(monoFont).horizontalAdvance(address) + detailMetrics.horizontalAdvance(node.permissions) + 8 * m_scale
        < inner.width())
        painter.drawText(QRectF(inner.left(), y, inner.width(), detailMetrics.height()), Qt::AlignRight | Qt::AlignVCenter,
                         node.permissions);
    painter.setFont(monoFont);
    painter.setPen(palette().color(QPalette::Text));
    painter.drawText(QRectF(inner.left(), y, inner.width(), detailMetrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
                     address);
    painter.restore();
}

void BlocksDiagram::paintPulses(QPainter &painter)
{
    const qint64 t = now();
    painter.save();
    painter.setPen(Qt::NoPen);
    for (const Pulse &pulse : qAsConst(m_pulses)) {
        const Node *node = nullptr;
        for (const Node &candidate : qAsConst(m_nodes)) {
            if (candidate.key == pulse.nodeKey)
                node = &candidate;
        }
        if (!node)
            continue;
        const double progress = qBound(0.0, double(t - pulse.startMs) / kPulseMs, 1.0);
        // Ease in and out, so the dot leaves and arrives gently.
        const double eased = progress * progress * (3 - 2 * progress);
        const QPainterPath path = arrowPath(*node);
        const QPointF point = path.pointAtPercent(pulse.inward ? eased : 1.0 - eased);
        const double radius = 7 * m_scale;
        QRadialGradient glow(point, radius * 2.2);
        glow.setColorAt(0, withAlpha(kWriteColour, 0.95));
        glow.setColorAt(0.35, withAlpha(kWriteColour, 0.6));
        glow.setColorAt(1, withAlpha(kWriteColour, 0));
        painter.setBrush(glow);
        painter.drawEllipse(point, radius * 2.2, radius * 2.2);
        painter.setBrush(QColor(Qt::white));
        painter.drawEllipse(point, radius * 0.35, radius * 0.35);
    }
    painter.restore();
}


} // namespace ShmScope
