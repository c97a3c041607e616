#pragma once

#include "oplog.h"

#include <QColor>
#include <QPoint>
#include <QString>

class QPainter;

namespace ShmScope {

// How an operation looks wherever it is drawn (timeline ticks, legend): its colour, a one-letter
// mark unique per op, and which op wins when several share one pixel.
QColor opColour(OpCode op);
QString opLetter(OpCode op);
int opTickPriority(OpCode op);
// A small padlock glyph (no emoji font needed), 12 x 16 pixels from topLeft.
void paintPadlock(QPainter &painter, const QPoint &topLeft, const QColor &colour);

} // namespace ShmScope
