// shmscope-worker KIND [options]: one process that changes shared memory in a known way, so that
// ShmScope (and its tests) can watch real processes race, lock, wait and die.

#include "workercommon.h"
#include "workerkinds.h"

#include <QCoreApplication>
#include <csignal>
#include <cstdio>
#include <iterator>

using namespace ShmScope::Worker;

namespace {

struct WorkerKind {
    const char *name;
    const char *summary;
    int (*run)(const QStringList &arguments);
};

const WorkerKind kKinds[] = {
    { "counter", "adds 1 to an integer field N times (LOAD, ADD, STORE), with or without a lock",
        runCounter },
    { "array", "writes an array field: sequential, sweep or random, a value or a pattern, at a rate",
        runArrayWriter },
    { "producer", "puts N items into a ring buffer guarded by two semaphores and a lock", runProducer },
    { "consumer", "takes N items from the ring buffer; reports their count and checksum", runConsumer },
    { "barrier", "waits at a barrier R rounds, optionally counting each round in a field", runBarrier },
    { "event-wait", "waits until an event is set", runEventWait },
    { "event-set", "sets an event, optionally after a delay", runEventSet },
    { "condition-wait", "waits on a condition until an integer field reaches a value (Python's wait_for)",
        runConditionWait },
    { "condition-notify", "sets an integer field under a condition's lock and notifies all waiters",
        runConditionNotify },
    { "holder", "holds a lock for a time, then releases it or dies holding it (--crash)", runHolder },
};

QString kindNames()
{
    QStringList names;
    for (const WorkerKind &kind : kKinds)
        names << QString::fromLatin1(kind.name);
    return names.join(QStringLiteral(", "));
}

void printUsage()
{
    QString text = QStringLiteral(
        "Usage: shmscope-worker KIND [options]   (shmscope-worker KIND --help for the options)\n\nKinds:\n");
    for (const WorkerKind &kind : kKinds)
        text += QStringLiteral("  %1 %2\n")
                    .arg(QString::fromLatin1(kind.name), -11)
                    .arg(QString::fromLatin1(kind.summary));
    text += QStringLiteral(
        "\nEvery worker prints a `progress ...` line every 100 ms and a final `summary ...` line, and dies\n"
        "with its parent. Exit codes: 0 done, 1 failure while running, 2 bad arguments, 3 segment, field\n"
        "or sync object not found, 4 parent already gone.\n");
    std::fputs(text.toLocal8Bit().constData(), stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    // Before anything else: a worker must never outlive the GUI or test that started it.
    ParentGuard::arm();
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    // A parent that stops reading our progress must not kill us by SIGPIPE in the middle of a
    // locked section; the lines are simply lost.
    std::signal(SIGPIPE, SIG_IGN);

    QCoreApplication app(argc, argv);
    QStringList arguments = QCoreApplication::arguments();
    arguments.removeFirst();
    try {
        if (arguments.isEmpty())
            failBadArguments(QStringLiteral("no worker kind given (one of: %1)").arg(kindNames()));
        const QString kindName = arguments.takeFirst();
        if (kindName == QLatin1String("--help") || kindName == QLatin1String("-h")) {
            printUsage();
            return ExitDone;
        }
        for (const WorkerKind &kind : kKinds) {
            if (kindName == QLatin1String(kind.name))
                return kind.run(arguments);
        }
        failBadArguments(QStringLiteral("unknown worker kind '%1' (one of: %2)").arg(kindName, kindNames()));
    } catch (const WorkerExit &exit) {
        if (!exit.message.isEmpty()) {
            // Exactly one line, whatever the message holds: parents show it as is.
            QString message = exit.message;
            message.replace(QLatin1Char('\n'), QLatin1Char(' '));
            std::fprintf(stderr, "shmscope-worker: %s\n", message.toLocal8Bit().constData());
        }
        return exit.exitCode;
    }
}
