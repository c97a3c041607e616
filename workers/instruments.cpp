#include "instruments.h"

#include <QFileInfo>
#include <csignal>
#include <cstring>
#include <unistd.h>

namespace ShmScope::Worker {

namespace {

// The step control's file, for the signal handler: stopping a stepping worker (the GUI's "stop",
// Ctrl+C) must not leave "shmscope.step.<pid>" behind in /dev/shm for ever.
char g_stepControlPath[96];

void removeStepControlAndDie(int signalNumber)
{
    ::unlink(g_stepControlPath); // async-signal-safe, unlike anything that runs destructors
    ::signal(signalNumber, SIG_DFL);
    ::raise(signalNumber);
}

void removeStepControlOnTermination(pid_t pid)
{
    const QByteArray path = QStringLiteral("/dev/shm/%1").arg(stepSegmentName(pid)).toLocal8Bit();
    std::strncpy(g_stepControlPath, path.constData(), sizeof g_stepControlPath - 1);
    struct sigaction action = {};
    action.sa_handler = removeStepControlAndDie;
    sigemptyset(&action.sa_mask);
    for (int signalNumber : { SIGTERM, SIGINT, SIGHUP })
        sigaction(signalNumber, &action, nullptr);
}

} // namespace

Instruments::Instruments(const CommonOptions &common, const QString &kind, const QStringList &program)
    : m_kind(kind)
{
    QString error;
    if (!common.logName.isEmpty()) {
        QString nameError;
        const QString segment = OpLog::segmentName(common.logName, &nameError);
        if (segment.isEmpty())
            failBadArguments(QStringLiteral("bad op log name '%1': %2").arg(common.logName, nameError));
        m_log = OpLog::open(common.logName, &error);
        if (!m_log) {
            if (!QFileInfo::exists(QStringLiteral("/dev/shm/") + segment))
                failNotFound(QStringLiteral("op log '%1' not found").arg(common.logName));
            failRuntime(error);
        }
        record(OpCode::Start, 0, OpValue::none(), OpValue::none(), tagOf(kind).constData());
    }
    if (common.step) {
        m_step = StepControl::createForSelf(program, &error);
        if (!m_step)
            failRuntime(QStringLiteral("cannot start step mode: %1").arg(error));
        removeStepControlOnTermination(m_step->pid());
    }
}

Instruments::~Instruments()
{
    record(OpCode::Exit, 0, OpValue::none(), OpValue::none(), tagOf(m_kind).constData());
}

void Instruments::waitAt(const char *step, const qint64 *registerValue)
{
    QVector<StepRegister> registers;
    if (registerValue)
        registers.append(StepRegister { QStringLiteral("r"), *registerValue });
    QString error;
    // No timeout: a stepping worker waits for its controller as long as its parent lives.
    if (m_step->waitAt(QString::fromLatin1(step), registers, kWaitForever, &error) != SyncResult::Ok)
        failRuntime(QStringLiteral("step mode failed before %1: %2").arg(QString::fromLatin1(step), error));
}

} // namespace ShmScope::Worker
