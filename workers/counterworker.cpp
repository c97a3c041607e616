// counter: adds 1 to an integer field N times, the lesson of seed 004.
//   --lock L            ACQUIRE, LOAD, ADD, STORE, RELEASE: never loses an update
//   (no lock)           LOAD, ADD, STORE as three separate steps: another process can slip between
//   --per-access-lock L ACQUIRE, LOAD, RELEASE, ADD, ACQUIRE, STORE, RELEASE: Python's `v.value += 1`
//                       on a synchronized Value, which takes the lock for the read and again for the
//                       write, and so still loses updates.

#include "instruments.h"
#include "workercommon.h"
#include "workerkinds.h"
#include "workerlock.h"

#include <optional>

namespace ShmScope::Worker {

namespace {

enum class LockMode { None, WholeIncrement, PerAccess };

QStringList programOf(LockMode mode)
{
    switch (mode) {
    case LockMode::None:
        return { QStringLiteral("LOAD"), QStringLiteral("ADD"), QStringLiteral("STORE") };
    case LockMode::WholeIncrement:
        return { QStringLiteral("ACQUIRE"), QStringLiteral("LOAD"), QStringLiteral("ADD"),
            QStringLiteral("STORE"), QStringLiteral("RELEASE") };
    case LockMode::PerAccess:
        break;
    }
    return { QStringLiteral("ACQUIRE"), QStringLiteral("LOAD"), QStringLiteral("RELEASE"),
        QStringLiteral("ADD"), QStringLiteral("ACQUIRE"), QStringLiteral("STORE"),
        QStringLiteral("RELEASE") };
}

} // namespace

int runCounter(const QStringList &arguments)
{
    WorkerOptions options(QStringLiteral("counter"),
        QStringLiteral("Adds 1 to an integer field N times: LOAD r, ADD r, STORE r."));
    options.addValue(QStringLiteral("segment"), QStringLiteral("NAME"), QStringLiteral("The data segment."));
    options.addValue(
        QStringLiteral("layout"), QStringLiteral("SPEC"), QStringLiteral("Its layout, e.g. \"counter:i\"."));
    options.addValue(
        QStringLiteral("field"), QStringLiteral("F"), QStringLiteral("The integer field to count in."));
    options.addValue(QStringLiteral("index"), QStringLiteral("I"),
        QStringLiteral("Element of an array field (default 0)."));
    options.addValue(QStringLiteral("iterations"), QStringLiteral("N"), QStringLiteral("Increments to do."));
    options.addValue(QStringLiteral("lock"), QStringLiteral("LOCK"),
        QStringLiteral("Hold this Lock/RLock for each whole increment."));
    options.addValue(QStringLiteral("per-access-lock"), QStringLiteral("LOCK"),
        QStringLiteral("Take the lock for the read and again for the write (Python's v.value += 1)."));
    options.addValue(
        QStringLiteral("delay-us"), QStringLiteral("D"), QStringLiteral("Pause between LOAD and STORE."));
    options.parse(arguments);

    const qint64 iterations = options.integer(QStringLiteral("iterations"), 1, qint64(1) << 40);
    const qint64 delayUs = options.integer(QStringLiteral("delay-us"), 0, 10'000'000, 0);
    if (options.isSet(QStringLiteral("lock")) && options.isSet(QStringLiteral("per-access-lock")))
        failBadArguments(QStringLiteral("counter: give --lock or --per-access-lock, not both"));
    const BoundField bound = BoundField::bind(options.requiredText(QStringLiteral("segment")),
        options.requiredText(QStringLiteral("layout")), options.requiredText(QStringLiteral("field")));
    bound.requireInteger(QStringLiteral("a counter"));
    const int index = int(options.integer(QStringLiteral("index"), 0, bound.count() - 1, 0));

    LockMode mode = LockMode::None;
    std::optional<WorkerLock> lock;
    if (options.isSet(QStringLiteral("lock"))) {
        mode = LockMode::WholeIncrement;
        lock = WorkerLock::open(options.requiredText(QStringLiteral("lock")));
    } else if (options.isSet(QStringLiteral("per-access-lock"))) {
        mode = LockMode::PerAccess;
        lock = WorkerLock::open(options.requiredText(QStringLiteral("per-access-lock")));
    }

    Instruments instruments(options.common(), QStringLiteral("counter"), programOf(mode));
    if (lock && instruments.log())
        lock->handle().setOpLog(instruments.log()); // the lock records its own ACQUIRE / RELEASE
    IntegerCell cell(bound.address(index), bound.type());
    const quint64 offset = quint64(bound.offset(index));
    const QByteArray tag = Instruments::tagOf(bound.field().name);
    const bool logging = instruments.log() != nullptr;

    auto acquire = [&] {
        instruments.stopBefore("ACQUIRE");
        lock->acquire();
    };
    auto release = [&] {
        instruments.stopBefore("RELEASE");
        lock->release();
    };

    ProgressReporter progress(QStringLiteral("counter"), iterations, options.common().progressMs);
    for (qint64 done = 0; done < iterations; ++done) {
        if (mode != LockMode::None)
            acquire();

        instruments.stopBefore("LOAD");
        qint64 r = cell.load(); // the private register: from here on, the shared value may move on
        if (logging)
            instruments.record(OpCode::Load, offset, OpValue::none(), OpValue::ofInt(r), tag.constData());
        if (mode == LockMode::PerAccess)
            release();
        sleepMicroseconds(delayUs);

        instruments.stopBefore("ADD", r);
        ++r;
        if (logging)
            instruments.record(
                OpCode::Add, offset, OpValue::ofInt(r - 1), OpValue::ofInt(r), tag.constData());

        if (mode == LockMode::PerAccess)
            acquire();
        instruments.stopBefore("STORE", r);
        if (logging) {
            const qint64 overwritten = cell.exchange(r);
            instruments.record(
                OpCode::Store, offset, OpValue::ofInt(overwritten), OpValue::ofInt(r), tag.constData());
        } else {
            cell.store(r);
        }

        if (mode != LockMode::None)
            release();
        progress.setDone(done + 1);
    }
    progress.finish({ { QStringLiteral("final"), QString::number(cell.load()) } });
    if (lock)
        lock->handle().setOpLog(nullptr); // the log closes before the lock handle
    return ExitDone;
}

} // namespace ShmScope::Worker
