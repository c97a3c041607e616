#pragma once

#include "oplog.h"

#include <QString>
#include <cstring>

namespace ShmScope {

// One op-log entry as the timeline keeps it: 64 bytes, no heap (an OpLogEntry holds a QString), so
// that the memory cap can be stated as a plain count of entries.
struct TimelineEntry {
    qint64 timeNs = 0;
    quint64 index = 0;
    quint64 target = 0;
    qint64 oldBits = 0;
    qint64 newBits = 0;
    pid_t pid = 0;
    OpCode op = OpCode::Custom;
    quint8 oldType = OpValue::None;
    quint8 newType = OpValue::None;
    char tag[12] = {};
    quint16 lostBefore = 0; // saturates: the recorder counts the exact total separately
    bool writesMemory = false; // see TimelineRecorder: this entry put newValue into the segment
    quint8 reserved = 0;

    static TimelineEntry fromLogEntry(const OpLogEntry &entry);
    OpLogEntry toLogEntry() const;
    QString tagText() const;
    OpValue oldValue() const { return OpValue { OpValue::Type(oldType), oldBits }; }
    OpValue newValue() const { return OpValue { OpValue::Type(newType), newBits }; }
};
static_assert(sizeof(TimelineEntry) == 64, "the memory cap counts 64 bytes per entry");

// Ops that name a sync object (target = syncObjectId(name)) rather than a byte offset.
bool isSyncOp(OpCode op);

} // namespace ShmScope
