#include "experimentrunner.h"

#include "layout.h"
#include "oplog.h"
#include "processcontrol.h"
#include "segment.h"
#include "stepcontrol.h"
#include "sync/syncstate.h"

#include <QAtomicInt>
#include <QDir>
#include <QFileInfo>
#include <QEventLoop>
#include <QFile>
#include <QRegularExpression>
#include <QStandardPaths>
#include <unistd.h>

namespace ShmScope {

namespace {

constexpr int kOutputKeptBytes = 64 * 1024;
constexpr int kStartTimeoutMs = 10000;
constexpr qint64 kStepTimeoutMs = 10000;
constexpr int kOpLogCapacity = 1 << 16;

QString uniqueTag()
{
    static QAtomicInt counter;
    return QStringLiteral("x%1-%2").arg(::getpid()).arg(counter.fetchAndAddRelaxed(1));
}

} // namespace

QString workerRunStateName(WorkerRun::State state)
{
    switch (state) {
    case WorkerRun::State::NotStarted:
        return QStringLiteral("not started");
    case WorkerRun::State::Running:
        return QStringLiteral("running");
    case WorkerRun::State::Exited:
        return QStringLiteral("exited");
    case WorkerRun::State::Crashed:
        return QStringLiteral("killed");
    case WorkerRun::State::FailedToStart:
        return QStringLiteral("failed to start");
    }
    return QString();
}

ExperimentRunner::ExperimentRunner(const Experiment &experiment, const QString &workerProgram, QObject *parent)
    : QObject(parent)
    , m_experiment(experiment)
    , m_workerProgram(workerProgram)
    , m_tag(uniqueTag())
{
    qRegisterMetaType<ShmScope::ExperimentOutcome>();
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        QStringList stillRunning;
        for (const WorkerRun &run : m_workers) {
            if (run.state == WorkerRun::State::Running)
                stillRunning << run.label;
        }
        m_outcome.problems << QStringLiteral("timed out after %1 s; still running: %2")
                                  .arg(m_experiment.timeoutMs / 1000.0)
                                  .arg(stillRunning.join(QStringLiteral(", ")));
        finish(false);
    });
    connect(&m_autoStep, &QTimer::timeout, this, [this] {
        if (!hasSteppedWorkerWaiting())
            return;
        QString error;
        if (!stepRoundRobin(&error) && !error.isEmpty())
            m_outcome.problems << error;
    });
}

ExperimentRunner::~ExperimentRunner()
{
    killAll();
    removeAll();
}

QString ExperimentRunner::realSegmentName(const QString &segmentId) const
{
    return QStringLiteral("shmscope-%1-%2").arg(m_tag, segmentId);
}

QString ExperimentRunner::realSyncName(const QString &syncId) const
{
    return QStringLiteral("%1-%2").arg(m_tag, syncId);
}

Segment *ExperimentRunner::segment(const QString &segmentId) const
{
    for (size_t i = 0; i < m_segments.size(); ++i) {
        if (m_experiment.segments.at(int(i)).id == segmentId)
            return m_segments[i].get();
    }
    return nullptr;
}

bool ExperimentRunner::prepare(QString *error)
{
    killAll();
    removeAll();
    m_outcome = ExperimentOutcome();
    m_outcome.experimentId = m_experiment.id;
    const auto failWith = [&](const QString &message) {
        if (error)
            *error = message;
        removeAll();
        return false;
    };

    for (const ExperimentSegment &spec : m_experiment.segments) {
        if (spec.external) {
            m_segments.push_back(nullptr);
            continue;
        }
        LayoutError layoutError;
        const std::optional<Layout> layout = Layout::parse(spec.layout, &layoutError);
        if (!layout)
            return failWith(QStringLiteral("segment %1: %2").arg(spec.id, layoutError.toString()));
        SegmentError segmentError;
        std::unique_ptr<Segment> segment = Segment::create(realSegmentName(spec.id), layout->size(), &segmentError);
        if (!segment)
            return failWith(segmentError.message);
        for (auto it = spec.init.cbegin(); it != spec.init.cend(); ++it) {
            const LayoutField *field = layout->field(it.key());
            for (int i = 0; field && i < it.value().size(); ++i) {
                QByteArray bytes(field->type->size, '\0');
                const EncodeResult encoded
                    = encodeValue(*field->type, it.value().at(i), reinterpret_cast<uchar *>(bytes.data()));
                if (!encoded.ok)
                    return failWith(QStringLiteral("segment %1, %2[%3]: %4").arg(spec.id, it.key()).arg(i).arg(encoded.message));
                segment->write(field->offset + qint64(i) * field->type->size, bytes.constData(), bytes.size());
            }
        }
        m_segments.push_back(std::move(segment));
    }

    for (const ExperimentSyncObject &spec : m_experiment.syncObjects) {
        SyncKind kind;
        if (!syncKindFromName(spec.kind, &kind))
            return failWith(QStringLiteral("sync object %1: unknown kind %2").arg(spec.id, spec.kind));
        QString syncError;
        if (!createSyncObject(realSyncName(spec.id), kind, spec.value, &syncError))
            return failWith(syncError);
    }

    QString logError;
    m_opLog = OpLog::create(m_tag, kOpLogCapacity, &logError);
    if (!m_opLog)
        return failWith(logError);

    m_workers.clear();
    for (int phase = 0; phase < m_experiment.phases.size(); ++phase) {
        for (const ExperimentWorker &worker : m_experiment.phases.at(phase).workers) {
            for (int copy = 0; copy < worker.copies; ++copy) {
                WorkerRun run;
                run.workerId = worker.id;
                run.copy = copy;
                run.label = worker.copies == 1 ? worker.id : QStringLiteral("%1#%2").arg(worker.id).arg(copy);
                run.phase = phase;
                run.step = worker.step;
                if (worker.kind == QLatin1String("command")) {
                    run.program = worker.program;
                    for (const QString &argument : worker.arguments)
                        run.arguments << substitute(argument);
                } else {
                    run.program = m_workerProgram;
                    run.arguments = workerArguments(worker);
                }
                m_workers.push_back(run);
            }
        }
    }
    m_phase = -1;
    m_prepared = true;
    return true;
}

QStringList ExperimentRunner::workerArguments(const ExperimentWorker &worker) const
{
    QStringList arguments{worker.kind};
    if (const ExperimentSegment *segment = m_experiment.segment(worker.segment)) {
        arguments << QStringLiteral("--segment") << realSegmentName(segment->id) << QStringLiteral("--layout")
                  << segment->layout;
    }
    for (auto it = worker.references.cbegin(); it != worker.references.cend(); ++it) {
        const bool isSync = m_experiment.syncObject(it.value()) != nullptr;
        arguments << QStringLiteral("--") + it.key()
                  << (isSync ? realSyncName(it.value()) : realSegmentName(it.value()));
    }
    for (const auto &option : worker.options) {
        arguments << QStringLiteral("--") + option.first;
        if (!option.second.isEmpty())
            arguments << option.second;
    }
    if (worker.step)
        arguments << QStringLiteral("--step");
    arguments << QStringLiteral("--log") << m_tag << QStringLiteral("--parent-pid") << QString::number(::getpid());
    return arguments;
}

QString ExperimentRunner::substitute(const QString &text) const
{
    static const QRegularExpression placeholder(QStringLiteral("\\{(segment|sync|layout|file):([^}]*)\\}"));
    QString result;
    qsizetype last = 0;
    auto it = placeholder.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        result += text.mid(last, match.capturedStart() - last);
        const QString kind = match.captured(1);
        const QString id = match.captured(2);
        if (kind == QLatin1String("segment")) {
            result += realSegmentName(id);
        } else if (kind == QLatin1String("sync")) {
            result += realSyncName(id);
        } else if (kind == QLatin1String("layout")) {
            const ExperimentSegment *segment = m_experiment.segment(id);
            result += segment ? segment->layout : QString();
        } else {
            result += extractBundledFile(id);
        }
        last = match.capturedEnd();
    }
    return result + text.mid(last);
}

// Bundled scripts live in the resources (":/experiments/..."); programs such as python3 need a
// real file, so they are copied out once per runner.
QString ExperimentRunner::extractBundledFile(const QString &relativePath) const
{
    if (!m_bundleDir)
        const_cast<ExperimentRunner *>(this)->m_bundleDir = std::make_unique<QTemporaryDir>();
    QString source = QStringLiteral(":/experiments/") + relativePath;
    if (!m_experiment.sourcePath.isEmpty() && !m_experiment.sourcePath.startsWith(QLatin1Char(':')))
        source = QFileInfo(m_experiment.sourcePath).dir().filePath(relativePath);
    const QString target = m_bundleDir->filePath(QFileInfo(relativePath).fileName());
    if (!QFile::exists(target))
        QFile::copy(source, target);
    return target;
}

void ExperimentRunner::start()
{
    if (!m_prepared) {
        QString error;
        if (!prepare(&error)) {
            m_outcome.problems << error;
            finish(false);
            return;
        }
    }
    m_running = true;
    m_clock.start();
    m_timeout.start(m_experiment.timeoutMs);
    startPhase(0);
}

void ExperimentRunner::startPhase(int phase)
{
    m_phase = phase;
    // A class stepping by hand takes its time: while the student is the scheduler there is no
    // timeout; the phases that run by themselves get the whole timeout each.
    const bool byHand = !m_driveSteps && std::any_of(m_workers.cbegin(), m_workers.cend(), [phase](const WorkerRun &run) {
        return run.phase == phase && run.step;
    });
    if (byHand)
        m_timeout.stop();
    else
        m_timeout.start(m_experiment.timeoutMs);
    Q_EMIT phaseStarted(phase);
    for (size_t i = 0; i < m_workers.size(); ++i) {
        if (m_workers[i].phase == phase)
            launch(int(i));
    }
    if (m_driveSteps)
        runSchedule();
    maybeEndPhase();
}

void ExperimentRunner::launch(int workerIndex)
{
    WorkerRun &run = m_workers[size_t(workerIndex)];
    if (QStandardPaths::findExecutable(run.program).isEmpty() && !QFileInfo(run.program).isExecutable()) {
        run.state = WorkerRun::State::FailedToStart;
        run.error = QStringLiteral("%1 not found: install it (e.g. apt-get install %1) to run this part")
                        .arg(QFileInfo(run.program).fileName());
        m_outcome.problems << QStringLiteral("%1: %2").arg(run.label, run.error);
        Q_EMIT workerChanged(workerIndex);
        return;
    }
    if (m_processes.size() < m_workers.size())
        m_processes.resize(m_workers.size());
    auto process = std::make_unique<QProcess>();
    QProcess *raw = process.get();
    connect(raw, &QProcess::readyReadStandardOutput, this, [this, raw, workerIndex] {
        WorkerRun &target = m_workers[size_t(workerIndex)];
        const QByteArray chunk = raw->readAllStandardOutput() + raw->readAllStandardError();
        target.output += chunk;
        if (target.output.size() > kOutputKeptBytes)
            target.output.remove(0, target.output.size() - kOutputKeptBytes);
        const QList<QByteArray> lines = chunk.split('\n');
        for (const QByteArray &line : lines) {
            if (!line.isEmpty())
                Q_EMIT workerOutput(workerIndex, QString::fromUtf8(line));
        }
    });
    connect(raw, &QProcess::readyReadStandardError, raw, &QProcess::readyReadStandardOutput);
    connect(raw, &QProcess::finished, this, [this, workerIndex](int exitCode, QProcess::ExitStatus status) {
        onProcessFinished(workerIndex, exitCode, status);
    });
    raw->setChildProcessModifier(&prepareChildProcess); // below the window's priority; dies with us
    raw->start(run.program, run.arguments);
    if (!raw->waitForStarted(kStartTimeoutMs)) {
        run.state = WorkerRun::State::FailedToStart;
        run.error = raw->errorString();
        m_outcome.problems << QStringLiteral("%1: cannot start %2: %3").arg(run.label, run.program, run.error);
        Q_EMIT workerChanged(workerIndex);
        return;
    }
    run.pid = raw->processId();
    run.state = WorkerRun::State::Running;
    m_processes[size_t(workerIndex)] = std::move(process);
    Q_EMIT workerChanged(workerIndex);
}

void ExperimentRunner::onProcessFinished(int workerIndex, int exitCode, QProcess::ExitStatus status)
{
    WorkerRun &run = m_workers[size_t(workerIndex)];
    if (QProcess *process = size_t(workerIndex) < m_processes.size() ? m_processes[size_t(workerIndex)].get() : nullptr) {
        run.output += process->readAllStandardOutput() + process->readAllStandardError();
    }
    if (status == QProcess::CrashExit) {
        run.state = WorkerRun::State::Crashed;
        run.exitSignal = exitCode; // QProcess reports the signal number as the exit code of a crash
    } else {
        run.state = WorkerRun::State::Exited;
        run.exitCode = exitCode;
        if (exitCode != 0) {
            const QList<QByteArray> lines = run.output.trimmed().split('\n');
            run.error = QString::fromUtf8(lines.isEmpty() ? QByteArray() : lines.last());
            if (m_running)
                m_outcome.problems << QStringLiteral("%1 exited with code %2: %3").arg(run.label).arg(exitCode).arg(run.error);
        }
    }
    if (run.step) {
        QString ignored;
        removeStepControl(pid_t(run.pid), &ignored); // a worker killed at a stop leaves its control behind
    }
    Q_EMIT workerChanged(workerIndex);
    maybeEndPhase();
}

void ExperimentRunner::maybeEndPhase()
{
    if (!m_running)
        return;
    for (const WorkerRun &run : m_workers) {
        if (run.phase == m_phase && run.state == WorkerRun::State::Running)
            return;
    }
    if (m_phase + 1 < m_experiment.phases.size()) {
        QMetaObject::invokeMethod(this, [this] { startPhase(m_phase + 1); }, Qt::QueuedConnection);
        return;
    }
    finish(true);
}

bool ExperimentRunner::hasSteppedWorkerWaiting() const
{
    for (const WorkerRun &run : m_workers) {
        if (run.step && run.state == WorkerRun::State::Running)
            return true;
    }
    return false;
}

bool ExperimentRunner::stepWorker(int workerIndex, QString *error)
{
    if (workerIndex < 0 || size_t(workerIndex) >= m_workers.size()) {
        if (error)
            *error = QStringLiteral("no worker %1").arg(workerIndex);
        return false;
    }
    const WorkerRun &run = m_workers[size_t(workerIndex)];
    if (!run.step || run.state != WorkerRun::State::Running) {
        if (error)
            *error = QStringLiteral("%1 is not a running stepped worker").arg(run.label);
        return false;
    }
    StepStatus status;
    if (!waitUntilStopped(pid_t(run.pid), kStepTimeoutMs, &status, error))
        return false;
    if (status.state != StepState::Waiting)
        return false; // it has just exited: nothing left to release
    StepOutcome outcome;
    if (!releaseOneStep(pid_t(run.pid), kStepTimeoutMs, &outcome, error))
        return false;
    m_lastStepped = workerIndex;
    Q_EMIT stepped(workerIndex, outcome.stepDone);
    return true;
}

bool ExperimentRunner::stepRoundRobin(QString *error)
{
    const int count = int(m_workers.size());
    for (int offset = 1; offset <= count; ++offset) {
        const int index = (m_lastStepped + offset + count) % count;
        const WorkerRun &run = m_workers[size_t(index)];
        if (!run.step || run.state != WorkerRun::State::Running)
            continue;
        // A worker just started, or still inside its last step, is waited for until it stops again.
        StepStatus status;
        if (waitUntilStopped(pid_t(run.pid), kStepTimeoutMs, &status, nullptr) && status.state == StepState::Waiting)
            return stepWorker(index, error);
    }
    if (error)
        error->clear();
    return false;
}

void ExperimentRunner::setAutoStepInterval(int intervalMs)
{
    if (intervalMs <= 0) {
        m_autoStep.stop();
        return;
    }
    m_autoStep.start(intervalMs);
}

void ExperimentRunner::runSchedule()
{
    const QStringList &schedule = m_experiment.phases.at(m_phase).schedule;
    for (const QString &entry : schedule) {
        const QString label = entry.endsWith(QLatin1String("#0")) ? entry.chopped(2) : entry;
        auto it = std::find_if(m_workers.begin(), m_workers.end(), [&](const WorkerRun &run) {
            return run.phase == m_phase && (run.label == label || run.label == entry);
        });
        QString error;
        if (it == m_workers.end() || !stepWorker(int(it - m_workers.begin()), &error)) {
            m_outcome.problems << QStringLiteral("schedule step %1: %2").arg(entry, error);
            break;
        }
    }
    // Whatever the schedule left runs round robin, one step at a time.
    setAutoStepInterval(1);
}

void ExperimentRunner::finish(bool ranToEnd)
{
    if (!m_running)
        return;
    m_running = false;
    m_timeout.stop();
    m_autoStep.stop();
    if (!ranToEnd)
        killAll();
    evaluate();
    m_outcome.finished = ranToEnd;
    m_outcome.elapsedMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    m_outcome.operationsLogged = m_opLog ? m_opLog->head() : 0;
    bool allHeld = true;
    for (const ExpectationOutcome &outcome : m_outcome.expectations)
        allHeld = allHeld && outcome.passed;
    m_outcome.passed = ranToEnd && allHeld && m_outcome.problems.isEmpty();
    Q_EMIT finished(m_outcome);
}

void ExperimentRunner::stop()
{
    if (!m_running)
        return;
    m_outcome.problems << QStringLiteral("stopped before the end");
    finish(false);
}

bool ExperimentRunner::reset(QString *error)
{
    m_running = false;
    m_timeout.stop();
    m_autoStep.stop();
    return prepare(error);
}

void ExperimentRunner::killAll()
{
    const bool wasRunning = m_running;
    m_running = false; // the finished() signals of the killed must not start the next phase
    for (size_t i = 0; i < m_processes.size(); ++i) {
        QProcess *process = m_processes[i].get();
        if (process && process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished(2000);
        }
    }
    m_processes.clear();
    m_running = wasRunning;
}

void ExperimentRunner::removeAll()
{
    QString ignored;
    for (const WorkerRun &run : m_workers) {
        if (run.step && run.pid > 0)
            removeStepControl(pid_t(run.pid), &ignored);
    }
    m_segments.clear();
    for (const ExperimentSegment &spec : m_experiment.segments) {
        SegmentError unused;
        Segment::unlinkByName(realSegmentName(spec.id), &unused); // external ones too: the run made them
    }
    for (const ExperimentSyncObject &spec : m_experiment.syncObjects)
        removeSyncObject(realSyncName(spec.id), &ignored);
    if (m_opLog) {
        m_opLog.reset();
        OpLog::remove(m_tag, &ignored);
    }
    m_prepared = false;
}

ExperimentOutcome ExperimentRunner::runToEnd(const Experiment &experiment, const QString &workerProgram,
                                             const QString &languageCode)
{
    ExperimentRunner runner(experiment, workerProgram);
    runner.setLanguage(languageCode);
    runner.m_driveSteps = true;
    QString error;
    if (!runner.prepare(&error)) {
        ExperimentOutcome outcome;
        outcome.experimentId = experiment.id;
        outcome.problems << error;
        return outcome;
    }
    QEventLoop loop;
    connect(&runner, &ExperimentRunner::finished, &loop, &QEventLoop::quit);
    runner.start();
    if (runner.isRunning())
        loop.exec();
    return runner.outcome();
}

} // namespace ShmScope
