// event-wait / event-set: Python's Event across processes. The waiters block until the setter
// raises the flag; the summary says whether the flag came (set=true) or the timeout did.

#include "instruments.h"
#include "workercommon.h"
#include "workerkinds.h"
#include "workerlock.h"

namespace ShmScope::Worker {

int runEventWait(const QStringList &arguments)
{
    WorkerOptions options(QStringLiteral("event-wait"), QStringLiteral("Waits until an Event is set."));
    options.addValue(QStringLiteral("event"), QStringLiteral("NAME"), QStringLiteral("The Event."));
    options.addValue(QStringLiteral("timeout-ms"), QStringLiteral("MS"),
        QStringLiteral("Give up after MS (default: wait forever)."));
    options.parse(arguments);

    const qint64 timeoutMs = options.integer(QStringLiteral("timeout-ms"), 0, qint64(1) << 40, kWaitForever);
    std::unique_ptr<SharedEvent> event = openEvent(options.requiredText(QStringLiteral("event")));
    Instruments instruments(options.common(), QStringLiteral("event-wait"), { QStringLiteral("WAIT") });
    event->setOpLog(instruments.log());

    ProgressReporter progress(QStringLiteral("event-wait"), 1, options.common().progressMs);
    instruments.stopBefore("WAIT");
    const qint64 startNs = monotonicNs();
    QString error;
    const SyncResult result = event->wait(timeoutMs, &error);
    if (result != SyncResult::Ok && result != SyncResult::TimedOut)
        failRuntime(QStringLiteral("cannot wait for event '%1': %2").arg(event->name(), error));
    const bool set = result == SyncResult::Ok;
    progress.setDone(set ? 1 : 0);
    progress.finish({ { QStringLiteral("set"), set ? QStringLiteral("true") : QStringLiteral("false") },
        { QStringLiteral("waited_ms"), QString::number((monotonicNs() - startNs) / 1'000'000) } });
    event->setOpLog(nullptr);
    return ExitDone;
}

int runEventSet(const QStringList &arguments)
{
    WorkerOptions options(QStringLiteral("event-set"), QStringLiteral("Sets (or clears) an Event."));
    options.addValue(QStringLiteral("event"), QStringLiteral("NAME"), QStringLiteral("The Event."));
    options.addValue(QStringLiteral("after-ms"), QStringLiteral("MS"),
        QStringLiteral("Wait MS before setting it (default 0)."));
    options.addFlag(QStringLiteral("clear"), QStringLiteral("Clear the flag instead of setting it."));
    options.parse(arguments);

    const qint64 afterMs = options.integer(QStringLiteral("after-ms"), 0, qint64(1) << 40, 0);
    const bool clearing = options.isSet(QStringLiteral("clear"));
    std::unique_ptr<SharedEvent> event = openEvent(options.requiredText(QStringLiteral("event")));
    Instruments instruments(options.common(), QStringLiteral("event-set"),
        { clearing ? QStringLiteral("CLEAR") : QStringLiteral("SET") });
    event->setOpLog(instruments.log());

    ProgressReporter progress(QStringLiteral("event-set"), 1, options.common().progressMs);
    sleepMicroseconds(afterMs * 1000);
    instruments.stopBefore(clearing ? "CLEAR" : "SET");
    QString error;
    if (!(clearing ? event->clear(&error) : event->set(&error)))
        failRuntime(
            QStringLiteral("cannot %1 event '%2': %3")
                .arg(clearing ? QStringLiteral("clear") : QStringLiteral("set"), event->name(), error));
    progress.setDone(1);
    progress.finish(
        { { QStringLiteral("flag"), event->isSet() ? QStringLiteral("true") : QStringLiteral("false") } });
    event->setOpLog(nullptr);
    return ExitDone;
}

} // namespace ShmScope::Worker
