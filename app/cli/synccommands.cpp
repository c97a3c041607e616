#include "synccommands.h"

#include "sync/robustmutex.h"
#include "sync/syncstate.h"

namespace ShmScope::Cli {

namespace {

const OptionSpec kJson{QStringLiteral("json"), false};

QString kindList()
{
    return QStringLiteral("Lock, RLock, Semaphore, BoundedSemaphore, Event, Condition, Barrier");
}

QString durationText(qint64 ns)
{
    if (ns < 1000000)
        return QStringLiteral("%1 µs").arg(double(ns) / 1e3, 0, 'f', 1);
    if (ns < 1000000000)
        return QStringLiteral("%1 ms").arg(double(ns) / 1e6, 0, 'f', 1);
    return QStringLiteral("%1 s").arg(double(ns) / 1e9, 0, 'f', 3);
}

bool usesCount(const QString &kind)
{
    return kind == QLatin1String("Semaphore") || kind == QLatin1String("BoundedSemaphore");
}

bool usesOwner(const QString &kind)
{
    return kind == QLatin1String("Lock") || kind == QLatin1String("RLock") || kind == QLatin1String("Condition");
}

// The one-phrase summary `sync list` shows per object.
QString stateSummary(const SyncState &state)
{
    if (usesOwner(state.kind)) {
        if (!state.held)
            return QStringLiteral("free");
        QString text = QStringLiteral("held by %1").arg(state.owner);
        if (state.kind == QLatin1String("RLock"))
            text += QStringLiteral(" depth %1").arg(state.depth);
        if (!state.ownerAlive)
            text += QStringLiteral(" (owner dead)");
        return text;
    }
    if (usesCount(state.kind)) {
        return state.kind == QLatin1String("BoundedSemaphore")
            ? QStringLiteral("count %1/%2").arg(state.count).arg(state.maxCount)
            : QStringLiteral("count %1").arg(state.count);
    }
    if (state.kind == QLatin1String("Event"))
        return state.flag ? QStringLiteral("set") : QStringLiteral("clear");
    if (state.kind == QLatin1String("Barrier")) {
        return QStringLiteral("%1/%2 waiting, generation %3%4")
            .arg(state.waiting)
            .arg(state.parties)
            .arg(state.generation)
            .arg(state.broken ? QStringLiteral(", broken") : QString());
    }
    return QString();
}

QVariant stateJson(const SyncState &state)
{
    JsonObject object;
    object.add(QStringLiteral("name"), state.name).add(QStringLiteral("kind"), state.kind);
    if (usesOwner(state.kind)) {
        object.add(QStringLiteral("held"), state.held)
            .add(QStringLiteral("owner"), state.held ? QVariant(qint64(state.owner)) : QVariant())
            .add(QStringLiteral("owner_tid"), state.held ? QVariant(qint64(state.ownerTid)) : QVariant())
            .add(QStringLiteral("owner_alive"), state.held ? QVariant(state.ownerAlive) : QVariant())
            .add(QStringLiteral("depth"), state.depth)
            .add(QStringLiteral("held_since_ns"), state.held && state.heldSinceNs > 0 ? QVariant(state.heldSinceNs) : QVariant());
    }
    if (usesCount(state.kind)) {
        object.add(QStringLiteral("count"), state.count).add(QStringLiteral("initial"), state.initialCount);
        if (state.kind == QLatin1String("BoundedSemaphore"))
            object.add(QStringLiteral("max"), state.maxCount);
    }
    if (state.kind == QLatin1String("Event"))
        object.add(QStringLiteral("flag"), state.flag);
    if (state.kind == QLatin1String("Barrier")) {
        object.add(QStringLiteral("parties"), state.parties)
            .add(QStringLiteral("generation"), state.generation)
            .add(QStringLiteral("broken"), state.broken);
    }
    object.add(QStringLiteral("waiting"), state.waiting)
        .add(QStringLiteral("acquisitions"), state.acquisitions)
        .add(QStringLiteral("contentions"), state.contentions)
        .add(QStringLiteral("releases"), state.releases)
        .add(QStringLiteral("held_ns_total"), state.heldNsTotal)
        .add(QStringLiteral("owner_died_recoveries"), state.ownerDiedRecoveries)
        .add(QStringLiteral("last_dead_owner"), state.lastDeadOwner ? QVariant(qint64(state.lastDeadOwner)) : QVariant())
        .add(QStringLiteral("creator"), qint64(state.creator))
        .add(QStringLiteral("consistent"), state.consistent);
    return QVariant::fromValue(object);
}

QString stateText(const SyncState &state)
{
    QStringList lines;
    auto line = [&lines](const char *label, const QString &value) {
        lines << QStringLiteral("%1 %2").arg(QLatin1String(label), -14).arg(value);
    };
    line("name:", state.name);
    line("kind:", state.kind);
    line("state:", stateSummary(state));
    if (usesOwner(state.kind) && state.held) {
        line("owner:", QStringLiteral("pid %1, thread %2%3")
                           .arg(state.owner)
                           .arg(state.ownerTid)
                           .arg(state.ownerAlive ? QString() : QStringLiteral(" — dead; the next acquirer recovers it")));
        // Short holds are timed one in 256 (see SyncState): an untimed one has no start time.
        line("held for:", state.heldSinceNs > 0
                              ? durationText(qMax<qint64>(0, monotonicNowNs() - state.heldSinceNs))
                              : QStringLiteral("not timed (a short hold; one in 256 is)"));
    }
    if (usesCount(state.kind))
        line("initial:", QString::number(state.initialCount));
    line("waiting:", QString::number(state.waiting));
    line("acquisitions:", QString::number(state.acquisitions));
    line("contentions:", QString::number(state.contentions));
    line("releases:", QString::number(state.releases));
    if (usesOwner(state.kind))
        line("time held:", durationText(state.heldNsTotal));
    line("recoveries:", state.ownerDiedRecoveries == 0
                            ? QStringLiteral("0")
                            : QStringLiteral("%1 (last dead owner: pid %2)").arg(state.ownerDiedRecoveries).arg(state.lastDeadOwner));
    line("creator:", QStringLiteral("pid %1").arg(state.creator));
    if (!state.consistent)
        line("note:", QStringLiteral("it changed while being read; values may be from different moments"));
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

// ---- sync create / show / rm / list ------------------------------------------------------------

const Command kCreate{QStringLiteral("sync create"), QStringLiteral("sync create NAME KIND [N]"), QString(), QString(), {}};
const Command kShow{QStringLiteral("sync show"), QStringLiteral("sync show NAME [--json]"), QString(), QString(), {}};
const Command kRm{QStringLiteral("sync rm"), QStringLiteral("sync rm NAME"), QString(), QString(), {}};
const Command kList{QStringLiteral("sync list"), QStringLiteral("sync list [--json]"), QString(), QString(), {}};

int runCreate(const QStringList &arguments)
{
    ParsedArguments args;
    int exitCode = ExitOk;
    if (!parseCommandLine(kCreate, arguments, {},
                          {QStringLiteral("NAME"), QStringLiteral("KIND"), QStringLiteral("N")}, 2, &args, &exitCode))
        return exitCode;
    const QString name = args.positional.at(0);
    SyncKind kind;
    if (!syncKindFromName(args.positional.at(1), &kind))
        return fail(QStringLiteral("unknown kind '%1': one of %2").arg(args.positional.at(1), kindList()), ExitUsage);

    const bool takesValue = kind == SyncKind::Semaphore || kind == SyncKind::BoundedSemaphore || kind == SyncKind::Barrier;
    int value = 1; // Python's Semaphore() and BoundedSemaphore() start at 1
    if (args.positional.size() > 2) {
        if (!takesValue) {
            return fail(QStringLiteral("%1 takes no N (N is a semaphore's value or a barrier's parties)")
                            .arg(syncKindName(kind)),
                        ExitUsage);
        }
        bool ok = false;
        value = args.positional.at(2).toInt(&ok);
        if (!ok)
            return fail(QStringLiteral("invalid N '%1': not a whole number").arg(args.positional.at(2)), ExitUsage);
    } else if (kind == SyncKind::Barrier) {
        return fail(QStringLiteral("sync create: a Barrier needs N, its number of parties"), ExitUsage);
    }
    QString error;
    if (!createSyncObject(name, kind, value, &error))
        return fail(error);
    return ExitOk;
}

int runShow(const QStringList &arguments)
{
    ParsedArguments args;
    int exitCode = ExitOk;
    if (!parseCommandLine(kShow, arguments, {kJson}, {QStringLiteral("NAME")}, 1, &args, &exitCode))
        return exitCode;
    SyncState state;
    QString error;
    if (!readSyncState(args.positional.at(0), &state, &error))
        return fail(error);
    printOut(args.isSet(kJson.name) ? toJson(stateJson(state)) : stateText(state));
    return ExitOk;
}

int runRm(const QStringList &arguments)
{
    ParsedArguments args;
    int exitCode = ExitOk;
    if (!parseCommandLine(kRm, arguments, {}, {QStringLiteral("NAME")}, 1, &args, &exitCode))
        return exitCode;
    QString error;
    if (!removeSyncObject(args.positional.at(0), &error))
        return fail(error);
    return ExitOk;
}

int runList(const QStringList &arguments)
{
    ParsedArguments args;
    int exitCode = ExitOk;
    if (!parseCommandLine(kList, arguments, {kJson}, {}, 0, &args, &exitCode))
        return exitCode;
    const QVector<SyncState> states = listSyncStates();
    if (args.isSet(kJson.name)) {
        QVariantList objects;
        for (const SyncState &state : states)
            objects.append(stateJson(state));
        JsonObject root;
        root.add(QStringLiteral("sync_objects"), objects);
        printOut(toJson(QVariant::fromValue(root)));
        return ExitOk;
    }
    int nameWidth = 4;
    for (const SyncState &state : states)
        nameWidth = qMax(nameWidth, int(state.name.size()));
    QString text = QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                       .arg(QStringLiteral("NAME"), -nameWidth)
                       .arg(QStringLiteral("KIND"), -16)
                       .arg(QStringLiteral("WAITING"), 7)
                       .arg(QStringLiteral("ACQUIRED"), 10)
                       .arg(QStringLiteral("RECOVERED"), 9)
                       .arg(QStringLiteral("STATE"));
    for (const SyncState &state : states) {
        text += QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                    .arg(state.name, -nameWidth)
                    .arg(state.kind, -16)
                    .arg(state.waiting, 7)
                    .arg(state.acquisitions, 10)
                    .arg(state.ownerDiedRecoveries, 9)
                    .arg(stateSummary(state));
    }
    printOut(text);
    return ExitOk;
}

int runSync(const Command &self, const QStringList &arguments)
{
    if (arguments.isEmpty())
        return fail(QStringLiteral("sync: missing what to do (create, show, rm or list); usage: %1 %2")
                        .arg(programName(), self.synopsis.section(QLatin1Char('\n'), 0, 0)),
                    ExitUsage);
    const QString action = arguments.first();
    const QStringList rest = arguments.mid(1);
    if (action == QLatin1String("create"))
        return runCreate(rest);
    if (action == QLatin1String("show"))
        return runShow(rest);
    if (action == QLatin1String("rm"))
        return runRm(rest);
    if (action == QLatin1String("list"))
        return runList(rest);
    if (action == QLatin1String("--help") || action == QLatin1String("-h")) {
        printOut(commandUsage(self));
        return ExitOk;
    }
    return fail(QStringLiteral("sync: unknown action '%1' (create, show, rm or list)").arg(action), ExitUsage);
}

} // namespace

QVector<Command> syncCommands()
{
    return {
        {QStringLiteral("sync"),
         QStringLiteral("sync create NAME KIND [N]\n"
                        "sync show NAME [--json]\n"
                        "sync rm NAME\n"
                        "sync list [--json]"),
         QStringLiteral("Create, inspect and remove named Lock/RLock/Semaphore/Event/Condition/Barrier objects."),
         QStringLiteral("KIND is one of Lock, RLock, Semaphore, BoundedSemaphore, Event, Condition, Barrier\n"
                        "(any case). N is a Semaphore's initial value (default 1, like Python), a\n"
                        "BoundedSemaphore's initial and maximum value, or a Barrier's parties (required).\n"
                        "Each object lives in /dev/shm/shmscope.sync.NAME, the way POSIX named semaphores\n"
                        "live in /dev/shm/sem.NAME. `show` and `list` read the state without taking any lock,\n"
                        "so watching never changes what is watched. `rm` removes the name; processes that\n"
                        "have it open keep using it.\n"
                        "\n"
                        "  shmscope-cli sync create mylock Lock\n"
                        "  shmscope-cli sync create slots Semaphore 4\n"
                        "  shmscope-cli sync create rounds Barrier 3\n"
                        "  shmscope-cli sync show mylock --json"),
         &runSync},
    };
}

} // namespace ShmScope::Cli
