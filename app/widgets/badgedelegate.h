#pragma once

#include <QColor>
#include <QStyledItemDelegate>
#include <functional>

namespace ShmScope {

// Draws a cell as a coloured pill with its text ("held", "running", "killed by SIGKILL"): the colour
// comes from an integer role of the model (a badge or a status) through colourFor, so QtCore-only
// models never hold colours.
class BadgeDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    BadgeDelegate(int role, std::function<QColor(int)> colourFor, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // Okabe–Ito, the palette every ShmScope picture uses.
    static QColor okabeIto(int index); // 0 orange, 1 sky blue, 2 bluish green, 3 yellow, 4 blue, 5 vermillion, 6 reddish purple, 7 grey

private:
    int m_role;
    std::function<QColor(int)> m_colourFor;
};

} // namespace ShmScope
