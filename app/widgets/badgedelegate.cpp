#include "badgedelegate.h"

#include <QApplication>
#include <QPainter>

namespace ShmScope {

BadgeDelegate::BadgeDelegate(int role, std::function<QColor(int)> colourFor, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_role(role)
    , m_colourFor(std::move(colourFor))
{
}

QColor BadgeDelegate::okabeIto(int index)
{
    static const QColor colours[] = {
        QColor(0xE6, 0x9F, 0x00), QColor(0x56, 0xB4, 0xE9), QColor(0x00, 0x9E, 0x73), QColor(0xF0, 0xE4, 0x42),
        QColor(0x00, 0x72, 0xB2), QColor(0xD5, 0x5E, 0x00), QColor(0xCC, 0x79, 0xA7), QColor(0x99, 0x99, 0x99),
    };
    return colours[qBound(0, index, 7)];
}

void BadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // The background (selection, alternate rows) as usual, then the pill instead of the text.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    const QString text = index.data(Qt::DisplayRole).toString();
    if (text.isEmpty())
        return;
    const QColor colour = m_colourFor(index.data(m_role).toInt());
    const QFontMetrics metrics(option.font);
    const int padding = metrics.height() / 2;
    const int height = qMin(option.rect.height() - 4, metrics.height() + 4);
    const int width = qMin(option.rect.width() - 6, metrics.horizontalAdvance(text) + 2 * padding + height / 2);
    const QRect pill(option.rect.left() + 3, option.rect.center().y() - height / 2 + 1, width, height);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QColor fill = colour;
    fill.setAlphaF(0.18f);
    painter->setPen(QPen(colour, 1.2));
    painter->setBrush(fill);
    painter->drawRoundedRect(QRectF(pill).adjusted(0.5, 0.5, -0.5, -0.5), height / 2.0, height / 2.0);
    // A solid dot says the colour even where the fill is faint.
    const int dot = height / 3;
    painter->setPen(Qt::NoPen);
    painter->setBrush(colour);
    painter->drawEllipse(QRect(pill.left() + padding / 2 + 1, pill.center().y() - dot / 2, dot, dot));
    painter->setPen(option.state & QStyle::State_Selected ? option.palette.color(QPalette::HighlightedText)
                                                          : option.palette.color(QPalette::Text));
    painter->drawText(pill.adjusted(padding / 2 + dot + 5, 0, -padding / 2, 0), Qt::AlignVCenter | Qt::AlignLeft,
                      metrics.elidedText(text, Qt::ElideRight, pill.width() - padding - dot - 5));
    painter->restore();
}

QSize BadgeDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const QFontMetrics metrics(option.font);
    size.setWidth(size.width() + metrics.height() * 2);
    size.setHeight(qMax(size.height(), metrics.height() + 8));
    return size;
}

} // namespace ShmScope
