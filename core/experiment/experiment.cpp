#include "experiment.h"

#include <cmath>

namespace ShmScope {

QString LocalizedText::forLanguage(const QString &languageCode) const
{
    if (languageCode.startsWith(QLatin1String("zh")) && !chinese.isEmpty())
        return chinese;
    return english;
}

const ExperimentSegment *Experiment::segment(const QString &segmentId) const
{
    for (const ExperimentSegment &candidate : segments) {
        if (candidate.id == segmentId)
            return &candidate;
    }
    return nullptr;
}

const ExperimentSyncObject *Experiment::syncObject(const QString &syncId) const
{
    for (const ExperimentSyncObject &candidate : syncObjects) {
        if (candidate.id == syncId)
            return &candidate;
    }
    return nullptr;
}

QString groupedNumber(double value)
{
    if (!std::isfinite(value) || value != std::floor(value) || std::fabs(value) >= 1e15)
        return QString::number(value, 'g', 6);
    const qint64 whole = qint64(value);
    QString digits = QString::number(whole < 0 ? -whole : whole);
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, QLatin1Char(','));
    return whole < 0 ? QLatin1Char('-') + digits : digits;
}

} // namespace ShmScope
