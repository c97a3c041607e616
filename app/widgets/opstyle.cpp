#include "opstyle.h"

#include <QPainter>

namespace ShmScope {

QColor opColour(OpCode op)
{
    switch (op) {
    case OpCode::Load:
    case OpCode::Read:
        return QColor(0x4d, 0xa3, 0xff);
    case OpCode::Add:
        return QColor(0xff, 0xb0, 0x3b);
    case OpCode::Store:
    case OpCode::Write:
    case OpCode::Produce:
        return QColor(0xff, 0x5c, 0x5c);
    case OpCode::Consume:
        return QColor(0xff, 0x9e, 0xc4);
    case OpCode::Acquire:
        return QColor(0x3f, 0xd0, 0x6a);
    case OpCode::Release:
        return QColor(0x2a, 0x9d, 0x8f);
    case OpCode::Wait:
    case OpCode::Barrier:
        return QColor(0xb3, 0x88, 0xff);
    case OpCode::Post:
    case OpCode::Set:
    case OpCode::Clear:
    case OpCode::Notify:
        return QColor(0xf7, 0x8f, 0xd8);
    default:
        return QColor(0x6b, 0x72, 0x7f);
    }
}

// The letter in a tick's box: unique per op, so that ADD and ACQUIRE, STORE and START differ.
QString opLetter(OpCode op)
{
    switch (op) {
    case OpCode::Load:
        return QStringLiteral("L");
    case OpCode::Add:
        return QStringLiteral("+");
    case OpCode::Store:
        return QStringLiteral("S");
    case OpCode::Write:
        return QStringLiteral("W");
    case OpCode::Read:
        return QStringLiteral("R");
    case OpCode::Acquire:
        return QStringLiteral("A");
    case OpCode::Release:
        return QStringLiteral("r");
    case OpCode::Wait:
        return QStringLiteral("z");
    case OpCode::Post:
        return QStringLiteral("P");
    case OpCode::Set:
        return QStringLiteral("E");
    case OpCode::Clear:
        return QStringLiteral("e");
    case OpCode::Notify:
        return QStringLiteral("N");
    case OpCode::Produce:
        return QStringLiteral("p");
    case OpCode::Consume:
        return QStringLiteral("c");
    case OpCode::Barrier:
        return QStringLiteral("B");
    case OpCode::Start:
        return QStringLiteral("▸");
    case OpCode::Exit:
        return QStringLiteral("■");
    default:
        return QStringLiteral("·");
    }
}

// When many ops share a pixel, the one that changes memory or a lock is the one to show.
int opTickPriority(OpCode op)
{
    switch (op) {
    case OpCode::Store:
    case OpCode::Write:
    case OpCode::Produce:
        return 4;
    case OpCode::Acquire:
    case OpCode::Release:
        return 3;
    case OpCode::Load:
    case OpCode::Read:
    case OpCode::Consume:
        return 2;
    case OpCode::Start:
    case OpCode::Exit:
        return 0;
    default:
        return 1;
    }
}

// A small padlock before a lock lane's name (no emoji font is needed).
void paintPadlock(QPainter &painter, const QPoint &topLeft, const QColor &colour)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(QPen(colour, 1.6));
    painter.setBrush(Qt::NoBrush);
    painter.drawArc(QRectF(topLeft.x() + 2, topLeft.y(), 8, 9), 0, 180 * 16);
    painter.drawLine(QPointF(topLeft.x() + 2, topLeft.y() + 4.5), QPointF(topLeft.x() + 2, topLeft.y() + 7));
    painter.drawLine(
        QPointF(topLeft.x() + 10, topLeft.y() + 4.5), QPointF(topLeft.x() + 10, topLeft.y() + 7));
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    painter.drawRoundedRect(QRectF(topLeft.x(), topLeft.y() + 7, 12, 9), 2, 2);
    painter.restore();
}

} // namespace ShmScope
