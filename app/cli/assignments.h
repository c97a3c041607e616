#pragma once

// FIELD=V[,V...] and FIELD[INDEX]=V, as `write` and `create --init` take them: parsed and encoded in
// full before a single byte is written, so that one bad value leaves the segment untouched.

#include "layout.h"

#include <QByteArray>
#include <QStringList>
#include <QVector>

namespace ShmScope::Cli {

struct PlannedWrite {
    qint64 offset = 0;
    QByteArray bytes; // little-endian, exactly as Python would store them
};

struct AssignmentPlan {
    QVector<PlannedWrite> writes;
    QStringList warnings; // values that wrapped: "counter: 300 does not fit in signed char ...: Python stores 44"
};

// segmentSize < 0 skips the "field lies beyond the end" check (create: the size is the layout's own).
bool planAssignments(const Layout &layout, const QStringList &assignments, qint64 segmentSize,
                     AssignmentPlan *plan, QString *error);

} // namespace ShmScope::Cli
