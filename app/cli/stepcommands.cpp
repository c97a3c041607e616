#include "stepcommands.h"

#include "stepcontrol.h"

namespace ShmScope::Cli {

namespace {

const OptionSpec kJson{QStringLiteral("json"), false};
const OptionSpec kStatus{QStringLiteral("status"), false};
const OptionSpec kList{QStringLiteral("list"), false};
const OptionSpec kTimeout{QStringLiteral("timeout"), true};
constexpr qint64 kDefaultTimeoutMs = 5000;

QString registersText(const QVector<StepRegister> &registers)
{
    QStringList parts;
    for (const StepRegister &reg : registers)
        parts << QStringLiteral("%1=%2").arg(reg.name).arg(reg.value);
    return parts.join(QLatin1Char(' '));
}

QVariant registersJson(const QVector<StepRegister> &registers)
{
    JsonObject object;
    for (const StepRegister &reg : registers)
        object.add(reg.name, reg.value);
    return QVariant::fromValue(object);
}

QVariant statusJson(const StepStatus &status)
{
    JsonObject object;
    object.add(QStringLiteral("pid"), qint64(status.pid))
        .add(QStringLiteral("state"), stepStateName(status.state))
        .add(QStringLiteral("waiting_at"), status.state == StepState::Waiting ? QVariant(status.waitingAt) : QVariant())
        .add(QStringLiteral("program_index"), status.programIndex)
        .add(QStringLiteral("registers"), registersJson(status.registers))
        .add(QStringLiteral("steps_done"), status.stepsDone)
        .add(QStringLiteral("last_step_done"), status.lastStepDone.isEmpty() ? QVariant() : QVariant(status.lastStepDone))
        .add(QStringLiteral("program"), QVariant(status.program));
    return QVariant::fromValue(object);
}

// "1234 waits at ADD r=0 (LOAD [ADD] STORE, 1 step done)"
QString statusText(const StepStatus &status)
{
    QString where;
    switch (status.state) {
    case StepState::Waiting:
        where = QStringLiteral("waits at ") + status.waitingAt;
        break;
    case StepState::Gone:
        where = QStringLiteral("is gone (it died; its step control was left behind)");
        break;
    default:
        where = QStringLiteral("is ") + stepStateName(status.state);
        break;
    }
    QString text = QStringLiteral("%1 %2").arg(status.pid).arg(where);
    const QString registers = registersText(status.registers);
    if (!registers.isEmpty())
        text += QLatin1Char(' ') + registers;
    QStringList program = status.program;
    if (status.state == StepState::Waiting && status.programIndex >= 0 && status.programIndex < program.size())
        program[status.programIndex] = QLatin1Char('[') + program[status.programIndex] + QLatin1Char(']');
    text += QStringLiteral(" (%1%2 %3 done)")
                .arg(program.isEmpty() ? QString() : program.join(QLatin1Char(' ')) + QStringLiteral(", "))
                .arg(status.stepsDone)
                .arg(status.stepsDone == 1 ? QStringLiteral("step") : QStringLiteral("steps"));
    return text;
}

bool parsePid(const QString &text, pid_t *pid)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value <= 0 || value > std::numeric_limits<pid_t>::max())
        return false;
    *pid = pid_t(value);
    return true;
}

int runStep(const Command &self, const QStringList &arguments)
{
    ParsedArguments args;
    int exitCode = ExitOk;
    if (!parseCommandLine(self, arguments, {kStatus, kList, kJson, kTimeout}, {QStringLiteral("PID")}, 0, &args,
                          &exitCode))
        return exitCode;
    const bool json = args.isSet(kJson.name);

    if (args.isSet(kList.name)) {
        if (!args.positional.isEmpty())
            return fail(QStringLiteral("step --list takes no PID"), ExitUsage);
        const QVector<StepStatus> workers = listSteppingWorkers();
        if (json) {
            QVariantList objects;
            for (const StepStatus &status : workers)
                objects.append(statusJson(status));
            JsonObject root;
            root.add(QStringLiteral("workers"), objects);
            printOut(toJson(QVariant::fromValue(root)));
        } else {
            QString text;
            for (const StepStatus &status : workers)
                text += statusText(status) + QLatin1Char('\n');
            printOut(text);
        }
        return ExitOk;
    }

    if (args.positional.isEmpty())
        return fail(QStringLiteral("step: missing PID; usage: %1 step PID").arg(programName()), ExitUsage);
    pid_t pid = 0;
    if (!parsePid(args.positional.at(0), &pid))
        return fail(QStringLiteral("invalid PID '%1': a process id is a positive whole number").arg(args.positional.at(0)),
                    ExitUsage);
    qint64 timeoutMs = kDefaultTimeoutMs;
    if (args.isSet(kTimeout.name)) {
        bool ok = false;
        timeoutMs = args.value(kTimeout.name).toLongLong(&ok);
        if (!ok || timeoutMs < 0)
            return fail(QStringLiteral("invalid --timeout '%1': milliseconds, 0 or more").arg(args.value(kTimeout.name)),
                        ExitUsage);
    }

    QString error;
    if (args.isSet(kStatus.name)) {
        StepStatus status;
        if (!stepStatusOf(pid, &status, &error))
            return fail(error);
        printOut(json ? toJson(statusJson(status)) : statusText(status) + QLatin1Char('\n'));
        return ExitOk;
    }

    StepOutcome outcome;
    if (!releaseOneStep(pid, timeoutMs, &outcome, &error))
        return fail(error);
    if (json) {
        JsonObject object;
        object.add(QStringLiteral("pid"), qint64(pid))
            .add(QStringLiteral("step_done"), outcome.stepDone)
            .add(QStringLiteral("registers_before"), registersJson(outcome.registersBefore))
            .add(QStringLiteral("after"), statusJson(outcome.after));
        printOut(toJson(QVariant::fromValue(object)));
        return ExitOk;
    }
    // "1234 LOAD r=0 -> waits at ADD": the step done with the registers it left behind.
    QString text = QStringLiteral("%1 %2").arg(pid).arg(outcome.stepDone);
    const QString registers = registersText(outcome.after.registers);
    if (!registers.isEmpty())
        text += QLatin1Char(' ') + registers;
    text += outcome.after.state == StepState::Waiting ? QStringLiteral(" -> waits at ") + outcome.after.waitingAt
                                                      : QStringLiteral(" -> exited");
    printOut(text + QLatin1Char('\n'));
    return ExitOk;
}

} // namespace

QVector<Command> stepCommands()
{
    return {
        {QStringLiteral("step"),
         QStringLiteral("step PID [--timeout MS] [--json]\n"
                        "step --status PID [--json]\n"
                        "step --list [--json]"),
         QStringLiteral("Let one step of a worker started with --step run, and show where it waits."),
         QStringLiteral("A worker in step mode stops before each visible step (counter: LOAD, ADD, STORE; lock:\n"
                        "ACQUIRE, RELEASE; ...). `step PID` lets exactly one step through, waits until the worker\n"
                        "reaches its next stop or exits (at most --timeout ms, default 5000) and prints the step\n"
                        "done with the worker's registers after it:  1234 LOAD r=0 -> waits at ADD\n"
                        "A worker that died is reported at once, never waited on. --status only reads where it\n"
                        "waits; --list shows every stepping worker.\n"
                        "\n"
                        "  A=$(shmscope-worker counter ... --step & echo $!)\n"
                        "  shmscope-cli step --status $A\n"
                        "  shmscope-cli step $A"),
         &runStep},
    };
}

} // namespace ShmScope::Cli
