#pragma once

#include "experimentparser.h"

#include <QVector>

namespace ShmScope {

// The experiments that ship with ShmScope, one per seed lesson, compiled into the program as Qt
// resources under ":/experiments/" (see resources/experiments/). Sorted by their number.
QVector<Experiment> builtinExperiments(QStringList *problems = nullptr);

// An experiment named by a built-in id ("lost-update"), its number ("4"), or a path to a file.
std::optional<Experiment> findExperiment(const QString &nameOrPath, ExperimentError *error);

// The shmscope-worker executable that experiments start: $SHMSCOPE_BIN_DIR, else beside the
// running program.
QString workerProgramPath();

} // namespace ShmScope
