#pragma once

// The two ways a worker lets itself be watched closely: step mode (stop before each visible step
// until a controller releases it) and the op log (every operation recorded). Both cost one
// predictable branch per step when they are off, so the benchmark measures the plain loop.

#include "oplog.h"
#include "stepcontrol.h"
#include "workercommon.h"

#include <QStringList>
#include <memory>

namespace ShmScope::Worker {

class Instruments {
public:
    // program: the worker's steps in order, drawn by the GUI beside the one it waits at.
    // Throws WorkerExit when the step control or the log cannot be opened.
    Instruments(const CommonOptions &common, const QString &kind, const QStringList &program);
    ~Instruments(); // records EXIT; the step control's end tells controllers we exited

    bool isStepping() const { return m_step != nullptr; }
    OpLog *log() const { return m_log.get(); }

    // Stepping: publishes "waiting before step" (with the register r when given) and blocks until
    // one step is released. Otherwise returns at once.
    void stopBefore(const char *step)
    {
        if (m_step)
            waitAt(step, nullptr);
    }
    void stopBefore(const char *step, qint64 registerValue)
    {
        if (m_step)
            waitAt(step, &registerValue);
    }

    void record(OpCode op, quint64 target, OpValue oldValue, OpValue newValue, const char *tag = nullptr)
    {
        if (m_log)
            m_log->append(op, target, oldValue, newValue, tag);
    }
    // Tags are at most 11 bytes in the log; keep the bytes once instead of converting per entry.
    static QByteArray tagOf(const QString &name) { return name.toUtf8().left(11); }

private:
    void waitAt(const char *step, const qint64 *registerValue);

    std::unique_ptr<StepControl> m_step;
    std::unique_ptr<OpLog> m_log;
    QString m_kind;
};

} // namespace ShmScope::Worker
