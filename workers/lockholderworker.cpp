// holder: takes a lock and keeps it for a while, so others can be seen queueing behind it; with
// --crash it dies by SIGKILL while holding it — no destructor, no unlock — the case Python's own
// locks never recover from. ShmScope's robust mutex hands the next acquirer EOWNERDEAD instead,
// and the lock's state counts the recovery.

#include "instruments.h"
#include "workercommon.h"
#include "workerkinds.h"
#include "workerlock.h"

#include <signal.h>
#include <unistd.h>

namespace ShmScope::Worker {

int runHolder(const QStringList &arguments)
{
    WorkerOptions options(
        QStringLiteral("holder"), QStringLiteral("Holds a lock for a time, or dies holding it."));
    options.addValue(
        QStringLiteral("lock"), QStringLiteral("LOCK"), QStringLiteral("The Lock or RLock to hold."));
    options.addValue(QStringLiteral("hold-ms"), QStringLiteral("MS"), QStringLiteral("How long to hold it."));
    options.addValue(QStringLiteral("repeat"), QStringLiteral("N"),
        QStringLiteral("Acquire and hold N times (default 1)."));
    options.addFlag(
        QStringLiteral("crash"), QStringLiteral("Die by SIGKILL while holding it (the first time)."));
    options.parse(arguments);

    const qint64 holdMs = options.integer(QStringLiteral("hold-ms"), 0, qint64(1) << 40);
    const qint64 repeat = options.integer(QStringLiteral("repeat"), 1, qint64(1) << 40, 1);
    const bool crash = options.isSet(QStringLiteral("crash"));
    WorkerLock lock = WorkerLock::open(options.requiredText(QStringLiteral("lock")));
    Instruments instruments(options.common(), QStringLiteral("holder"),
        { QStringLiteral("ACQUIRE"), crash ? QStringLiteral("CRASH") : QStringLiteral("RELEASE") });
    lock.handle().setOpLog(instruments.log());

    ProgressReporter progress(QStringLiteral("holder"), repeat, options.common().progressMs);
    for (qint64 k = 0; k < repeat; ++k) {
        instruments.stopBefore("ACQUIRE");
        lock.acquire();
        sleepMicroseconds(holdMs * 1000);
        if (crash) {
            instruments.stopBefore("CRASH");
            printLine(QStringLiteral("crash pid=%1 lock=%2").arg(getpid()).arg(lock.name()));
            raise(SIGKILL); // the owner vanishes with the mutex locked
        }
        instruments.stopBefore("RELEASE");
        lock.release();
        progress.setDone(k + 1);
    }
    progress.finish({ { QStringLiteral("held_ms"), QString::number(holdMs * repeat) } });
    lock.handle().setOpLog(nullptr);
    return ExitDone;
}

} // namespace ShmScope::Worker
