#include "steppingmodel.h"

#include "experiment/experimentrunner.h"

namespace ShmScope {

namespace {

const ExperimentWorker *workerSpec(const ExperimentRunner &runner, const WorkerRun &run)
{
    const QVector<ExperimentPhase> &phases = runner.experiment().phases;
    if (run.phase < 0 || run.phase >= phases.size())
        return nullptr;
    for (const ExperimentWorker &worker : phases.at(run.phase).workers) {
        if (worker.id == run.workerId)
            return &worker;
    }
    return nullptr;
}

QString optionValue(const ExperimentWorker &worker, const QString &name)
{
    for (const auto &option : worker.options) {
        if (option.first == name)
            return option.second;
    }
    return QString();
}

// The program a worker will publish, known before it starts, so that a card can show it at once.
QStringList expectedProgram(const ExperimentWorker &worker)
{
    if (worker.kind == QLatin1String("counter")) {
        if (worker.references.contains(QStringLiteral("lock")))
            return { QStringLiteral("ACQUIRE"), QStringLiteral("LOAD"), QStringLiteral("ADD"),
                QStringLiteral("STORE"), QStringLiteral("RELEASE") };
        if (worker.references.contains(QStringLiteral("per-access-lock")))
            return { QStringLiteral("ACQUIRE"), QStringLiteral("LOAD"), QStringLiteral("RELEASE"),
                QStringLiteral("ADD"), QStringLiteral("ACQUIRE"), QStringLiteral("STORE"),
                QStringLiteral("RELEASE") };
        return { QStringLiteral("LOAD"), QStringLiteral("ADD"), QStringLiteral("STORE") };
    }
    return {};
}

} // namespace

bool SteppingWorker::operator==(const SteppingWorker &other) const
{
    return workerIndex == other.workerIndex && label == other.label && pid == other.pid
        && phase == other.phase && state == other.state && program == other.program
        && programText == other.programText && nextStep == other.nextStep
        && registerName == other.registerName && registerValue == other.registerValue
        && stepsDone == other.stepsDone && lastStepDone == other.lastStepDone;
}

SteppingModel::SteppingModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void SteppingModel::follow(ExperimentRunner *runner)
{
    for (const QMetaObject::Connection &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    m_runner = runner;
    if (runner) {
        m_connections << connect(runner, &ExperimentRunner::workerChanged, this, &SteppingModel::refresh)
                      << connect(runner, &ExperimentRunner::stepped, this, &SteppingModel::refresh)
                      << connect(runner, &ExperimentRunner::phaseStarted, this, &SteppingModel::refresh)
                      << connect(runner, &ExperimentRunner::finished, this, &SteppingModel::refresh);
    }
    refresh();
}

void SteppingModel::refresh()
{
    setWorkers(m_runner ? readWorkers(*m_runner, m_workers) : QVector<SteppingWorker>());
}

QString SteppingModel::describeStep(const QString &step, const QString &field, const QString &lock)
{
    const QString cell = field.isEmpty() ? QStringLiteral("value") : field;
    const QString lockName = lock.isEmpty() ? QStringLiteral("lock") : lock;
    if (step == QLatin1String("LOAD"))
        return QStringLiteral("LOAD r ← %1").arg(cell);
    if (step == QLatin1String("ADD"))
        return QStringLiteral("ADD r ← r + 1");
    if (step == QLatin1String("STORE"))
        return QStringLiteral("STORE %1 ← r").arg(cell);
    if (step == QLatin1String("WRITE"))
        return QStringLiteral("WRITE %1[i] ← v").arg(cell);
    if (step == QLatin1String("ACQUIRE"))
        return QStringLiteral("ACQUIRE %1").arg(lockName);
    if (step == QLatin1String("RELEASE"))
        return QStringLiteral("RELEASE %1").arg(lockName);
    if (step == QLatin1String("WAIT"))
        return QStringLiteral("WAIT on %1").arg(lockName);
    if (step == QLatin1String("NOTIFY"))
        return QStringLiteral("NOTIFY all waiters");
    return step;
}

QVector<SteppingWorker> SteppingModel::readWorkers(
    const ExperimentRunner &runner, const QVector<SteppingWorker> &previous)
{
    QVector<SteppingWorker> workers;
    const std::vector<WorkerRun> &runs = runner.workers();
    for (size_t i = 0; i < runs.size(); ++i) {
        const WorkerRun &run = runs[i];
        if (!run.step)
            continue;
        SteppingWorker worker;
        worker.workerIndex = int(i);
        worker.label = run.label;
        worker.pid = run.pid;
        worker.phase = run.phase;
        const ExperimentWorker *spec = workerSpec(runner, run);
        QString field;
        QString lock;
        if (spec) {
            field = optionValue(*spec, QStringLiteral("field"));
            lock = spec->references.value(
                QStringLiteral("lock"), spec->references.value(QStringLiteral("per-access-lock")));
            worker.program = expectedProgram(*spec);
        }
        for (const SteppingWorker &before : previous) {
            if (before.workerIndex == worker.workerIndex && before.pid == worker.pid) {
                worker.registerName = before.registerName;
                worker.registerValue = before.registerValue;
                worker.stepsDone = before.stepsDone;
                worker.lastStepDone = before.lastStepDone;
                if (!before.program.isEmpty())
                    worker.program = before.program;
            }
        }

        switch (run.state) {
        case WorkerRun::State::NotStarted:
            worker.state = StepState::NotStarted;
            break;
        case WorkerRun::State::Running: {
            worker.state = StepState::Running;
            StepStatus status;
            if (stepStatusOf(pid_t(run.pid), &status, nullptr)) {
                worker.state = status.state;
                if (!status.program.isEmpty())
                    worker.program = status.program;
                worker.stepsDone = status.stepsDone;
                worker.lastStepDone = status.lastStepDone;
                if (status.state == StepState::Waiting)
                    worker.nextStep = status.programIndex >= 0
                        ? status.programIndex
                        : int(worker.program.indexOf(status.waitingAt));
                worker.registerName.clear();
                for (const StepRegister &reg : std::as_const(status.registers)) {
                    worker.registerName = reg.name;
                    worker.registerValue = reg.value;
                }
            }
            break;
        }
        case WorkerRun::State::Exited:
        case WorkerRun::State::Crashed:
        case WorkerRun::State::FailedToStart:
            worker.state = run.state == WorkerRun::State::Exited ? StepState::Exited : StepState::Gone;
            break;
        }
        for (const QString &step : std::as_const(worker.program))
            worker.programText << describeStep(step, field, lock);
        workers << worker;
    }
    return workers;
}

QString SteppingModel::stateText(const SteppingWorker &worker)
{
    switch (worker.state) {
    case StepState::NotStarted:
        return tr("not started");
    case StepState::Running:
        return tr("running");
    case StepState::Waiting:
        return tr("waiting");
    case StepState::Exited:
        return tr("done");
    case StepState::Gone:
        return tr("gone");
    }
    return QString();
}

void SteppingModel::setWorkers(const QVector<SteppingWorker> &workers)
{
    bool sameRows = workers.size() == m_workers.size();
    for (int row = 0; sameRows && row < workers.size(); ++row)
        sameRows = workers.at(row).workerIndex == m_workers.at(row).workerIndex;
    if (!sameRows) {
        beginResetModel();
        m_workers = workers;
        endResetModel();
        return;
    }
    for (int row = 0; row < workers.size(); ++row) {
        const SteppingWorker before = m_workers.at(row);
        if (before == workers.at(row))
            continue;
        m_workers[row] = workers.at(row);
        int first = -1;
        int last = -1;
        for (int column = 0; column < ColumnCount; ++column) {
            if (displayValue(before, column) != displayValue(workers.at(row), column)) {
                first = first < 0 ? column : first;
                last = column;
            }
        }
        // The roles (program, next step, can step) belong to the whole row: repaint it all then.
        const bool rolesChanged = before.programText != workers.at(row).programText
            || before.nextStep != workers.at(row).nextStep || before.canStep() != workers.at(row).canStep();
        if (rolesChanged) {
            first = 0;
            last = ColumnCount - 1;
        }
        if (first >= 0)
            Q_EMIT dataChanged(index(row, first), index(row, last));
    }
}

int SteppingModel::rowOfWorker(int workerIndex) const
{
    for (int row = 0; row < m_workers.size(); ++row) {
        if (m_workers.at(row).workerIndex == workerIndex)
            return row;
    }
    return -1;
}

int SteppingModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_workers.size());
}

int SteppingModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SteppingModel::displayValue(const SteppingWorker &worker, int column) const
{
    switch (column) {
    case WorkerColumn:
        return worker.label;
    case StateColumn:
        return stateText(worker);
    case NextStepColumn:
        return worker.nextStep >= 0 && worker.nextStep < worker.programText.size()
            ? worker.programText.at(worker.nextStep)
            : QString();
    case RegisterColumn:
        return worker.registerName.isEmpty()
            ? QStringLiteral("r = ?")
            : QStringLiteral("%1 = %2").arg(worker.registerName).arg(worker.registerValue);
    case StepsColumn:
        return worker.stepsDone;
    default:
        return QVariant();
    }
}

QVariant SteppingModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const SteppingWorker &worker = m_workers.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(worker, index.column());
    case Qt::ToolTipRole:
        return tr("%1 (pid %2): %3")
            .arg(worker.label)
            .arg(worker.pid)
            .arg(worker.programText.join(QStringLiteral("; ")));
    case ProgramTextRole:
        return worker.programText;
    case NextStepRole:
        return worker.nextStep;
    case CanStepRole:
        return worker.canStep();
    case WorkerIndexRole:
        return worker.workerIndex;
    case RegisterRole:
        return worker.registerName.isEmpty() ? QVariant() : QVariant(worker.registerValue);
    case ShortcutRole:
        return index.row() < 9 ? QString::number(index.row() + 1) : QString();
    default:
        return QVariant();
    }
}

QVariant SteppingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case WorkerColumn:
        return tr("Worker");
    case StateColumn:
        return tr("State");
    case NextStepColumn:
        return tr("Next step");
    case RegisterColumn:
        return tr("Register");
    case StepsColumn:
        return tr("Steps done");
    default:
        return QVariant();
    }
}

} // namespace ShmScope
