#include "experiment.h"

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

} // namespace ShmScope
