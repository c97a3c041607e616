#include "timelineentry.h"

#include <algorithm>
#include <limits>

namespace ShmScope {

TimelineEntry TimelineEntry::fromLogEntry(const OpLogEntry &entry)
{
    TimelineEntry kept;
    kept.timeNs = entry.timeNs;
    kept.index = entry.index;
    kept.target = entry.target;
    kept.oldBits = entry.oldValue.bits;
    kept.newBits = entry.newValue.bits;
    kept.oldType = entry.oldValue.type;
    kept.newType = entry.newValue.type;
    kept.pid = entry.pid;
    kept.op = entry.op;
    kept.lostBefore = quint16(std::min<quint64>(entry.lostBefore, std::numeric_limits<quint16>::max()));
    const QByteArray tag = entry.tag.toUtf8().left(int(sizeof kept.tag));
    std::memcpy(kept.tag, tag.constData(), size_t(tag.size()));
    return kept;
}

OpLogEntry TimelineEntry::toLogEntry() const
{
    OpLogEntry entry;
    entry.index = index;
    entry.timeNs = timeNs;
    entry.pid = pid;
    entry.op = op;
    entry.target = target;
    entry.oldValue = oldValue();
    entry.newValue = newValue();
    entry.tag = tagText();
    entry.lostBefore = lostBefore;
    return entry;
}

QString TimelineEntry::tagText() const
{
    return QString::fromUtf8(tag, int(strnlen(tag, sizeof tag)));
}

bool isSyncOp(OpCode op)
{
    switch (op) {
    case OpCode::Acquire:
    case OpCode::Release:
    case OpCode::Wait:
    case OpCode::Post:
    case OpCode::Set:
    case OpCode::Clear:
    case OpCode::Notify:
    case OpCode::Barrier:
        return true;
    default:
        return false;
    }
}

} // namespace ShmScope
