#pragma once

#include <QMap>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVector>

namespace ShmScope {

// A text in the two languages of the classroom. English is required; Chinese falls back to it.
struct LocalizedText {
    QString english;
    QString chinese;
    QString forLanguage(const QString &languageCode) const; // "zh..." -> chinese when present
};

// A data segment the experiment creates; `id` is the name used inside the experiment file, the real
// /dev/shm name is made unique per run.
struct ExperimentSegment {
    QString id;
    QString layout;                    // layout spec, e.g. "counter:i; values:d[4]"
    QMap<QString, QStringList> init;   // field -> element values as text
    bool external = false;             // made by a worker of the experiment (e.g. a Python script),
                                       // not by the runner; the runner still picks its name
};

struct ExperimentSyncObject {
    QString id;
    QString kind;   // Lock, RLock, Semaphore, BoundedSemaphore, Event, Condition, Barrier
    int value = 1;  // semaphore value, barrier parties
};

// One worker line of the file; `copies` processes are started from it.
struct ExperimentWorker {
    QString id;
    QString kind;                        // a shmscope-worker kind, or "command"
    QString segment;                     // id of an ExperimentSegment (adds --segment and --layout)
    QMap<QString, QString> references;   // option -> sync or segment id (lock, event, barrier, log...)
    QVector<QPair<QString, QString>> options; // other --option value pairs, in file order ("" = flag)
    QString program;                     // kind == "command": program and arguments; "{segment:ID}"
    QStringList arguments;               //   and "{sync:ID}" are replaced by the real names
    int copies = 1;
    bool step = false;                   // started with --step: the student is the scheduler
};

struct ExperimentPhase {
    LocalizedText title;
    LocalizedText narrative;
    QVector<ExperimentWorker> workers;
    // For stepped workers run without a student: the order in which their steps are released
    // ("a", "b", "a", ... by worker id, "id#2" for one copy). Stops left after it run round robin.
    QStringList schedule;
};

// A checked claim about the final state: a field element, a sync object's counter, or a number a
// worker printed (first capture group of `outputPattern`).
struct ExperimentExpectation {
    QString segment; // with field (+ index)
    QString field;
    int index = 0;
    QString sync;    // with property (acquisitions, contentions, ownerDiedRecoveries, generation, ...)
    QString property;
    QString worker;  // with outputPattern
    QString outputPattern;
    QString op;      // == != < <= > >=
    double value = 0;
    LocalizedText description; // "{observed}", "{expected}" and "{difference}" are filled in
};

struct Experiment {
    QString id;
    int number = 0;           // order among the built-ins (1..12), 0 for a user's file
    LocalizedText title;
    LocalizedText lesson;     // which seed lesson it makes visible
    LocalizedText narrative;
    LocalizedText prediction; // the question the "predict" box asks, if any
    QVector<ExperimentSegment> segments;
    QVector<ExperimentSyncObject> syncObjects;
    QVector<ExperimentPhase> phases;
    QVector<ExperimentExpectation> expectations;
    int timeoutMs = 60000;
    QString sourcePath;

    const ExperimentSegment *segment(const QString &segmentId) const;
    const ExperimentSyncObject *syncObject(const QString &syncId) const;
};

// "12,887": a class reads grouped digits faster than a run of them. Non-integers keep 6 digits.
QString groupedNumber(double value);

} // namespace ShmScope
