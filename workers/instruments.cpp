#include "instruments.h"

#include <QFileInfo>

namespace ShmScope::Worker {

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
