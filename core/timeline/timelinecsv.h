#pragma once

#include <QString>

class QIODevice;

namespace ShmScope {

class TimelineRecorder;

// The recorded log as CSV, one line per entry in time order, for a spreadsheet or pandas:
//   index,time_ns,seconds,pid,op,target,tag,old,new,lost_before
// seconds counts from the first entry; target is a byte offset, or for sync ops the object's id
// in hex; old/new are empty when the entry has no such value.
QString timelineCsvHeader();
bool writeTimelineCsv(const TimelineRecorder &recorder, QIODevice *device, QString *error);
bool writeTimelineCsvFile(const TimelineRecorder &recorder, const QString &path, QString *error);

} // namespace ShmScope
