#include "processmanager.h"

#include "processcontrol.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTimer>
#include <csignal>
#include <cstring>

namespace ShmScope {

namespace {

QString quotedForDisplay(const QString &word)
{
    if (!word.isEmpty() && !word.contains(QRegularExpression(QStringLiteral("[\\s\"'\\\\$`]"))))
        return word;
    QString escaped = word;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

} // namespace

QString ProcessInfo::commandLine() const
{
    QStringList words{quotedForDisplay(program)};
    for (const QString &argument : arguments)
        words << quotedForDisplay(argument);
    return words.join(QLatin1Char(' '));
}

QString ProcessInfo::statusText() const
{
    switch (status) {
    case Status::Starting: return QStringLiteral("starting");
    case Status::Running: return QStringLiteral("running");
    case Status::Stopped: return QStringLiteral("stopped");
    case Status::Exited: return QStringLiteral("exited with code %1").arg(exitCode);
    case Status::Killed: return QStringLiteral("killed by %1").arg(signalName(signal));
    case Status::FailedToStart: return QStringLiteral("failed to start");
    }
    return QString();
}

ProcessManager::ProcessManager(QObject *parent)
    : QObject(parent)
    , m_stateTimer(new QTimer(this))
{
    m_stateTimer->setInterval(300);
    connect(m_stateTimer, &QTimer::timeout, this, &ProcessManager::refreshStates);
}

ProcessManager::~ProcessManager()
{
    terminateAll();
}

ProcessManager::Entry *ProcessManager::entry(int id)
{
    const int index = indexOf(id);
    return index < 0 ? nullptr : &m_entries[index];
}

const ProcessManager::Entry *ProcessManager::entry(int id) const
{
    const int index = indexOf(id);
    return index < 0 ? nullptr : &m_entries[index];
}

int ProcessManager::indexOf(int id) const
{
    for (int i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i].info.id == id)
            return i;
    }
    return -1;
}

int ProcessManager::aliveCount() const
{
    int alive = 0;
    for (const Entry &e : m_entries)
        alive += e.info.isAlive() ? 1 : 0;
    return alive;
}

QVector<ProcessInfo> ProcessManager::processes() const
{
    QVector<ProcessInfo> result;
    result.reserve(m_entries.size());
    for (const Entry &e : m_entries)
        result << e.info;
    return result;
}

ProcessInfo ProcessManager::process(int id) const
{
    const Entry *e = entry(id);
    return e ? e->info : ProcessInfo();
}

int ProcessManager::launchCommandLine(const QString &commandLine, QString *error)
{
    QStringList words = QProcess::splitCommand(commandLine);
    if (words.isEmpty()) {
        if (error)
            *error = tr("The command line is empty.");
        return -1;
    }
    const QString program = words.takeFirst();
    return launch(program, words);
}

int ProcessManager::launch(const QString &program, const QStringList &arguments, const QString &label)
{
    Entry e;
    e.info.id = m_nextId++;
    e.info.program = program;
    e.info.arguments = arguments;
    e.info.label = label.isEmpty() ? QFileInfo(program).fileName() : label;
    e.info.startedAt = QDateTime::currentDateTime();
    e.process = new QProcess(this);
    e.process->setProgram(program);
    e.process->setArguments(arguments);
    e.process->setProcessChannelMode(QProcess::MergedChannels);
    // Runs in the child between fork and exec: only async-signal-safe calls here.
    e.process->setChildProcessModifier(&prepareChildProcess); // own group; dies with us

    const int id = e.info.id;
    QProcess *process = e.process;
    connect(process, &QProcess::readyReadStandardOutput, this, [this, id] { readOutput(id); });
    connect(process, &QProcess::started, this, [this, id] {
        if (Entry *found = entry(id)) {
            found->info.pid = pid_t(found->process->processId());
            found->info.status = ProcessInfo::Status::Running;
            Q_EMIT processChanged(id);
        }
    });
    connect(process, &QProcess::finished, this, [this, id](int code, QProcess::ExitStatus status) {
        handleFinished(id, code, status == QProcess::CrashExit);
    });
    connect(process, &QProcess::errorOccurred, this, [this, id](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            handleStartFailure(id);
    });

    m_entries << e;
    Q_EMIT processAdded(id);
    process->start();
    if (!m_stateTimer->isActive())
        m_stateTimer->start();
    return id;
}

void ProcessManager::handleStartFailure(int id)
{
    Entry *e = entry(id);
    if (!e)
        return;
    e->info.status = ProcessInfo::Status::FailedToStart;
    const QString reason = e->process->errorString();
    e->info.errorText = tr("Cannot start \"%1\": %2").arg(e->info.program, reason);
    e->info.outputTail << e->info.errorText;
    e->info.finishedAt = QDateTime::currentDateTime();
    Q_EMIT processChanged(id);
}

void ProcessManager::handleFinished(int id, int exitCode, bool crashed)
{
    readOutput(id);
    Entry *e = entry(id);
    if (!e)
        return;
    if (!e->partialLine.isEmpty()) {
        const QString rest = QString::fromLocal8Bit(e->partialLine);
        e->partialLine.clear();
        handleLine(*e, rest);
    }
    // After a crash QProcess reports the signal number as the exit code (forkfd's info.status).
    if (crashed) {
        e->info.status = ProcessInfo::Status::Killed;
        e->info.signal = exitCode;
    } else {
        e->info.status = ProcessInfo::Status::Exited;
        e->info.exitCode = exitCode;
    }
    e->info.finishedAt = QDateTime::currentDateTime();
    Q_EMIT processChanged(id);
}

void ProcessManager::readOutput(int id)
{
    Entry *e = entry(id);
    if (!e || !e->process)
        return;
    e->partialLine += e->process->readAllStandardOutput();
    int start = 0;
    bool any = false;
    for (int newline = e->partialLine.indexOf('\n'); newline >= 0;
         newline = e->partialLine.indexOf('\n', start)) {
        QByteArray line = e->partialLine.mid(start, newline - start);
        if (line.endsWith('\r'))
            line.chop(1);
        handleLine(*e, QString::fromLocal8Bit(line));
        start = newline + 1;
        any = true;
    }
    e->partialLine.remove(0, start);
    // A process that prints without newlines must not grow the buffer without end.
    if (e->partialLine.size() > 64 * 1024) {
        handleLine(*e, QString::fromLocal8Bit(e->partialLine));
        e->partialLine.clear();
        any = true;
    }
    if (any)
        Q_EMIT processChanged(id);
}

void ProcessManager::handleLine(Entry &e, const QString &line)
{
    ++e.info.outputLineCount;
    e.info.outputTail << line;
    if (e.info.outputTail.size() > kOutputTailLines)
        e.info.outputTail.removeFirst();

    // Worker lines: "progress pid=.. kind=.. done=.. total=.. ops_per_s=.." and "summary ...".
    if (line.startsWith(QLatin1String("progress "))) {
        const QStringList words = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (const QString &word : words) {
            const int equals = word.indexOf(QLatin1Char('='));
            if (equals <= 0)
                continue;
            const QStringView key = QStringView(word).left(equals);
            const QStringView value = QStringView(word).mid(equals + 1);
            bool ok = false;
            if (key == QLatin1String("ops_per_s")) {
                const double ops = value.toDouble(&ok);
                if (ok)
                    e.info.opsPerSecond = ops;
            } else if (key == QLatin1String("done")) {
                const qint64 done = value.toLongLong(&ok);
                if (ok)
                    e.info.done = done;
            } else if (key == QLatin1String("total")) {
                const qint64 total = value.toLongLong(&ok);
                if (ok)
                    e.info.total = total;
            }
        }
    } else if (line.startsWith(QLatin1String("summary"))) {
        e.info.summary = line;
    }
    Q_EMIT outputLine(e.info.id, line);
}

bool ProcessManager::sendSignal(Entry &e, int signalNumber)
{
    if (!e.info.isAlive() || e.info.pid <= 0)
        return false;
    // The child made itself a group leader before exec; signal the whole group so that a script's
    // own children pause and die with it. Fall back to the pid if the group is already gone.
    return signalProcessGroup(e.info.pid, signalNumber);
}

bool ProcessManager::pause(int id)
{
    Entry *e = entry(id);
    if (!e || !sendSignal(*e, SIGSTOP))
        return false;
    e->info.status = ProcessInfo::Status::Stopped;
    e->settleUntilMs = QDateTime::currentMSecsSinceEpoch() + 500;
    Q_EMIT processChanged(id);
    return true;
}

bool ProcessManager::resume(int id)
{
    Entry *e = entry(id);
    if (!e || !sendSignal(*e, SIGCONT))
        return false;
    e->info.status = ProcessInfo::Status::Running;
    e->settleUntilMs = QDateTime::currentMSecsSinceEpoch() + 500;
    Q_EMIT processChanged(id);
    return true;
}

bool ProcessManager::terminate(int id)
{
    Entry *e = entry(id);
    if (!e || !sendSignal(*e, SIGTERM))
        return false;
    // A stopped process only acts on SIGTERM once continued.
    sendSignal(*e, SIGCONT);
    return true;
}

bool ProcessManager::kill(int id)
{
    Entry *e = entry(id);
    return e && sendSignal(*e, SIGKILL);
}

bool ProcessManager::remove(int id)
{
    const int index = indexOf(id);
    if (index < 0 || m_entries[index].info.isAlive())
        return false;
    QProcess *process = m_entries[index].process;
    m_entries.removeAt(index);
    if (process) {
        process->disconnect(this);
        process->deleteLater();
    }
    Q_EMIT processRemoved(id);
    return true;
}

void ProcessManager::removeFinished()
{
    QVector<int> finished;
    for (const Entry &e : m_entries) {
        if (!e.info.isAlive())
            finished << e.info.id;
    }
    for (int id : finished)
        remove(id);
}

void ProcessManager::terminateAll(int graceMs)
{
    QVector<int> alive;
    for (Entry &e : m_entries) {
        if (e.info.isAlive() && e.info.pid > 0) {
            sendSignal(e, SIGTERM);
            sendSignal(e, SIGCONT);
            alive << e.info.id;
        }
    }
    const QDeadlineTimer grace(graceMs);
    for (int id : qAsConst(alive)) {
        if (Entry *e = entry(id))
            e->process->waitForFinished(int(qMax<qint64>(1, grace.remainingTime())));
    }
    for (int id : qAsConst(alive)) {
        Entry *e = entry(id);
        if (e && e->process->state() != QProcess::NotRunning) {
            sendSignal(*e, SIGKILL);
            e->process->waitForFinished(5000);
        }
    }
    // The leaders are reaped; grandchildren left in their groups (a script's own children) go too.
    // A group id cannot be reused while any member lives, so this only reaches what we started.
    for (const Entry &e : qAsConst(m_entries)) {
        if (e.info.pid > 0)
            killProcessGroup(e.info.pid);
    }
    m_stateTimer->stop();
}

void ProcessManager::refreshStates()
{
    bool anyAlive = false;
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    for (Entry &e : m_entries) {
        if (e.info.status != ProcessInfo::Status::Running && e.info.status != ProcessInfo::Status::Stopped)
            continue;
        anyAlive = true;
        if (nowMs < e.settleUntilMs)
            continue;
        const QChar state = processStateLetter(e.info.pid);
        ProcessInfo::Status now = e.info.status;
        if (state == QLatin1Char('T') || state == QLatin1Char('t'))
            now = ProcessInfo::Status::Stopped;
        else if (!state.isNull() && state != QLatin1Char('Z') && state != QLatin1Char('X'))
            now = ProcessInfo::Status::Running;
        if (now != e.info.status) {
            e.info.status = now;
            Q_EMIT processChanged(e.info.id);
        }
    }
    if (!anyAlive && aliveCount() == 0)
        m_stateTimer->stop();
}

} // namespace ShmScope
