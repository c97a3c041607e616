#pragma once

#include "experiment/experimentrunner.h"
#include "stepcontrol.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QVector>

namespace ShmScope {

// One stepping worker as the step-through controller shows it: its tiny program, where it waits,
// and its private register.
struct SteppingWorker {
    int workerIndex = -1; // in ExperimentRunner::workers(), for stepWorker()
    QString label; // "A", "racer#2"
    qint64 pid = 0;
    int phase = 0;
    StepState state = StepState::NotStarted;
    QStringList program; // step names: LOAD, ADD, STORE
    QStringList programText; // "LOAD r ← counter", "ADD r ← r + 1", "STORE counter ← r"
    int nextStep = -1; // index in program of the step it waits before, -1 when none
    QString registerName; // "r"; empty until the worker has published one
    qint64 registerValue = 0;
    quint64 stepsDone = 0;
    QString lastStepDone;

    bool canStep() const { return state == StepState::Waiting; }
    bool operator==(const SteppingWorker &other) const;
};

// The stepping workers of an experiment, one row each, in the runner's order. setWorkers() merges a
// fresh reading and emits dataChanged only for the cells that changed; the set of rows changes
// only when the experiment does. follow(runner) reads the runner's workers and their step controls
// whenever the runner says something moved. QtCore only.
class SteppingModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { WorkerColumn, StateColumn, NextStepColumn, RegisterColumn, StepsColumn, ColumnCount };
    enum Role {
        ProgramTextRole = Qt::UserRole + 1, // QStringList
        NextStepRole, // int: index into the program, -1 when none
        CanStepRole, // bool
        WorkerIndexRole, // int: for ExperimentRunner::stepWorker
        RegisterRole, // QVariant: qint64, or invalid before the first LOAD
        ShortcutRole // QString: "1".."9" for the first nine rows, else empty
    };

    explicit SteppingModel(QObject *parent = nullptr);

    void follow(ExperimentRunner *runner); // nullptr: stop following, clear
    ExperimentRunner *runner() const { return m_runner; }
    void refresh(); // reads the runner again

    void setWorkers(const QVector<SteppingWorker> &workers);
    const QVector<SteppingWorker> &workers() const { return m_workers; }
    int rowOfWorker(int workerIndex) const;

    // What the runner and the step controls say now; previous keeps the register of a worker that
    // has exited (its step control is gone with it).
    static QVector<SteppingWorker> readWorkers(
        const ExperimentRunner &runner, const QVector<SteppingWorker> &previous = {});
    // "LOAD r ← counter" for the counter's LOAD on field "counter", "ACQUIRE lock", ...
    static QString describeStep(const QString &step, const QString &field, const QString &lock);
    static QString stateText(const SteppingWorker &worker);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant displayValue(const SteppingWorker &worker, int column) const;

    QPointer<ExperimentRunner> m_runner;
    QVector<QMetaObject::Connection> m_connections;
    QVector<SteppingWorker> m_workers;
};

} // namespace ShmScope
