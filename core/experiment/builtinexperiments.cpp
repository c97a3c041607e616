#include "builtinexperiments.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <algorithm>

namespace ShmScope {

namespace {
QString builtinDirectory()
{
    return QStringLiteral(":/experiments");
}
}

QVector<Experiment> builtinExperiments(QStringList *problems)
{
    QVector<Experiment> experiments;
    const QDir directory(builtinDirectory());
    const QStringList files = directory.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        ExperimentError error;
        std::optional<Experiment> experiment = loadExperimentFile(directory.filePath(file), &error);
        if (experiment)
            experiments << *experiment;
        else if (problems)
            *problems << error.toString();
    }
    std::stable_sort(experiments.begin(), experiments.end(),
                     [](const Experiment &a, const Experiment &b) { return a.number < b.number; });
    return experiments;
}

std::optional<Experiment> findExperiment(const QString &nameOrPath, ExperimentError *error)
{
    const QFileInfo file(nameOrPath);
    if (file.isFile())
        return loadExperimentFile(file.filePath(), error);
    bool isNumber = false;
    const int number = nameOrPath.toInt(&isNumber);
    const QVector<Experiment> experiments = builtinExperiments();
    for (const Experiment &experiment : experiments) {
        if (experiment.id == nameOrPath || (isNumber && experiment.number == number))
            return experiment;
    }
    if (error) {
        QStringList ids;
        for (const Experiment &experiment : experiments)
            ids << experiment.id;
        *error = ExperimentError{nameOrPath, QStringLiteral("no such file and no built-in experiment of that "
                                                            "name (built-ins: %1)")
                                                 .arg(ids.join(QStringLiteral(", ")))};
    }
    return std::nullopt;
}

QString workerProgramPath()
{
    const QString fromEnvironment = qEnvironmentVariable("SHMSCOPE_BIN_DIR");
    const QString directory = fromEnvironment.isEmpty() ? QCoreApplication::applicationDirPath() : fromEnvironment;
    return QDir(directory).filePath(QStringLiteral("shmscope-worker"));
}

} // namespace ShmScope
