#pragma once

#include "experiment.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace ShmScope {

// Where a malformed experiment file is wrong: "line 3, column 14" for JSON syntax, or a JSON path
// such as "$.phases[0].workers[1].kind" for a value that is well-formed but not allowed.
struct ExperimentError {
    QString place;
    QString reason;
    QString toString() const { return place.isEmpty() ? reason : place + QStringLiteral(": ") + reason; }
};

// The worker kinds an experiment may start (shmscope-worker's kinds, plus "command").
const QStringList &experimentWorkerKinds();
const QStringList &experimentSyncKinds();

std::optional<Experiment> parseExperiment(const QByteArray &json, ExperimentError *error);
std::optional<Experiment> loadExperimentFile(const QString &path, ExperimentError *error);

} // namespace ShmScope
