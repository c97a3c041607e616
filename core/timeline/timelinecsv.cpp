#include "timelinecsv.h"

#include "timelinerecorder.h"

#include <QFile>
#include <QSaveFile>

namespace ShmScope {

namespace {

// RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.
QString csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"'))
        && !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace

QString timelineCsvHeader()
{
    return QStringLiteral("index,time_ns,seconds,pid,op,target,tag,old,new,lost_before");
}

bool writeTimelineCsv(const TimelineRecorder &recorder, QIODevice *device, QString *error)
{
    const qint64 originNs = recorder.entryCount() > 0 ? recorder.entry(0).timeNs : 0;
    QByteArray chunk = timelineCsvHeader().toUtf8() + '\n';
    for (qsizetype i = 0; i < recorder.entryCount(); ++i) {
        const TimelineEntry &entry = recorder.entry(i);
        const QString target = isSyncOp(entry.op)
            ? QStringLiteral("0x%1").arg(entry.target, 16, 16, QLatin1Char('0'))
            : QString::number(entry.target);
        const QStringList fields { QString::number(entry.index), QString::number(entry.timeNs),
            QString::number(double(entry.timeNs - originNs) / 1e9, 'f', 9), QString::number(entry.pid),
            opCodeName(entry.op), target, csvField(entry.tagText()), csvField(entry.oldValue().toString()),
            csvField(entry.newValue().toString()), QString::number(entry.lostBefore) };
        chunk += fields.join(QLatin1Char(',')).toUtf8() + '\n';
        if (chunk.size() > (1 << 16) || i + 1 == recorder.entryCount()) {
            if (device->write(chunk) != chunk.size()) {
                if (error)
                    *error = QStringLiteral("cannot write the CSV: %1").arg(device->errorString());
                return false;
            }
            chunk.clear();
        }
    }
    if (!chunk.isEmpty() && device->write(chunk) != chunk.size()) {
        if (error)
            *error = QStringLiteral("cannot write the CSV: %1").arg(device->errorString());
        return false;
    }
    return true;
}

bool writeTimelineCsvFile(const TimelineRecorder &recorder, const QString &path, QString *error)
{
    // QSaveFile: a failed export never leaves half a file in place of a good one.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        if (error)
            *error = QStringLiteral("cannot open %1: %2").arg(path, file.errorString());
        return false;
    }
    if (!writeTimelineCsv(recorder, &file, error)) {
        file.cancelWriting();
        return false;
    }
    if (!file.commit()) {
        if (error)
            *error = QStringLiteral("cannot save %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace ShmScope
