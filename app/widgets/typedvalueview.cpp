#include "typedvalueview.h"

#include "bytegridview.h"
#include "typedvaluemodel.h"

#include <QApplication>
#include <QHeaderView>
#include <QPainter>
#include <QStyledItemDelegate>

namespace ShmScope {

namespace {
class TypedValueDelegate : public QStyledItemDelegate {
public:
    explicit TypedValueDelegate(TypedValueView *view)
        : QStyledItemDelegate(view)
        , m_view(view)
    {
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem styled = option;
        initStyleOption(&styled, index);
        if (index.column() == TypedValueModel::ValueColumn) {
            const qreal level = m_view->flashLevel(index);
            if (level > 0) {
                QColor flash(0xff, 0xc4, 0x2e);
                flash.setAlphaF(0.45 * level);
                painter->fillRect(option.rect, flash);
            }
            if (!index.data(TypedValueModel::WrapReasonRole).toString().isEmpty()) {
                styled.palette.setColor(QPalette::Text, QColor(0xff, 0xb3, 0x47));
                styled.text += QStringLiteral("  ⚠ wrapped");
            }
            if (index.data(TypedValueModel::BeyondEndRole).toBool())
                styled.palette.setColor(QPalette::Text, option.palette.color(QPalette::PlaceholderText));
            styled.font.setFamilies({QStringLiteral("monospace")});
        } else if (index.column() != TypedValueModel::NameColumn) {
            styled.palette.setColor(QPalette::Text, option.palette.color(QPalette::PlaceholderText));
        }
        QStyle *style = styled.widget ? styled.widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &styled, painter, styled.widget);
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        size.setHeight(size.height() + 8); // room to breathe: values are read at a glance
        return size;
    }

private:
    TypedValueView *m_view;
};
} // namespace

TypedValueView::TypedValueView(QWidget *parent)
    : QTreeView(parent)
{
    setItemDelegate(new TypedValueDelegate(this));
    setAlternatingRowColors(true);
    setUniformRowHeights(true);
    setAllColumnsShowFocus(true);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                    | QAbstractItemView::AnyKeyPressed);
    m_fadeTimer.setInterval(50);
    connect(&m_fadeTimer, &QTimer::timeout, this, [this] {
        const qint64 now = ByteGridView::monotonicNs();
        for (auto it = m_changedAtNs.begin(); it != m_changedAtNs.end();) {
            if (now - it.value() > ByteGridView::kFlashNs)
                it = m_changedAtNs.erase(it);
            else
                ++it;
        }
        if (m_changedAtNs.isEmpty())
            m_fadeTimer.stop();
        viewport()->update();
    });
}

void TypedValueView::setTypedModel(TypedValueModel *model)
{
    setModel(model);
    connect(model, &QAbstractItemModel::dataChanged, this, &TypedValueView::valuesChanged);
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        m_changedAtNs.clear();
        expandAll();
    });
    header()->setStretchLastSection(true);
    header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(TypedValueModel::ValueColumn, QHeaderView::Stretch);
    expandAll();
}

quint64 TypedValueView::keyOf(const QModelIndex &index)
{
    const auto field = quint64(index.data(TypedValueModel::FieldIndexRole).toInt());
    const auto element = quint64(index.data(TypedValueModel::ElementIndexRole).toInt() + 1);
    return (field << 32) | element;
}

void TypedValueView::valuesChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    if (m_flashSuppressed || topLeft.column() > TypedValueModel::ValueColumn
        || bottomRight.column() < TypedValueModel::ValueColumn)
        return;
    const qint64 now = ByteGridView::monotonicNs();
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row)
        m_changedAtNs.insert(keyOf(topLeft.siblingAtRow(row)), now);
    if (!m_fadeTimer.isActive())
        m_fadeTimer.start();
}

qreal TypedValueView::flashLevel(const QModelIndex &index) const
{
    const auto it = m_changedAtNs.constFind(keyOf(index));
    if (it == m_changedAtNs.cend())
        return 0;
    const qint64 age = ByteGridView::monotonicNs() - it.value();
    return age >= ByteGridView::kFlashNs ? 0.0 : 1.0 - qreal(age) / ByteGridView::kFlashNs;
}

} // namespace ShmScope
