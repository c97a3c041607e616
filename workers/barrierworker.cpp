// barrier: R rounds of "do my part, then wait for everyone" (Python's Barrier). With a field, each
// round adds 1 to it before the wait — to element [round] of an array field of at least R elements,
// or to a plain field — and after the wait checks that all parties did: a barrier that let one
// through early is caught here, not just suspected.

#include "instruments.h"
#include "workercommon.h"
#include "workerkinds.h"
#include "workerlock.h"

#include <optional>

namespace ShmScope::Worker {

int runBarrier(const QStringList &arguments)
{
    WorkerOptions options(QStringLiteral("barrier"), QStringLiteral("Waits at a barrier for R rounds."));
    options.addValue(QStringLiteral("barrier"), QStringLiteral("NAME"), QStringLiteral("The Barrier."));
    options.addValue(QStringLiteral("rounds"), QStringLiteral("R"), QStringLiteral("Rounds to pass."));
    options.addValue(QStringLiteral("segment"), QStringLiteral("NAME"),
        QStringLiteral("Optional: a data segment counting arrivals."));
    options.addValue(QStringLiteral("layout"), QStringLiteral("SPEC"), QStringLiteral("Its layout."));
    options.addValue(QStringLiteral("field"), QStringLiteral("F"),
        QStringLiteral("Integer field: element [round] (or the field) gets 1 per arrival."));
    options.addValue(
        QStringLiteral("delay-us"), QStringLiteral("D"), QStringLiteral("Work before each arrival."));
    options.parse(arguments);

    const qint64 rounds = options.integer(QStringLiteral("rounds"), 1, qint64(1) << 40);
    const qint64 delayUs = options.integer(QStringLiteral("delay-us"), 0, 10'000'000, 0);
    std::optional<BoundField> field;
    if (options.isSet(QStringLiteral("segment")) || options.isSet(QStringLiteral("field"))) {
        field = BoundField::bind(options.requiredText(QStringLiteral("segment")),
            options.requiredText(QStringLiteral("layout")), options.requiredText(QStringLiteral("field")));
        field->requireInteger(QStringLiteral("a barrier's round count"));
    }
    const bool perRound = field && field->count() >= rounds && field->count() > 1;
    std::unique_ptr<SharedBarrier> barrier = openBarrier(options.requiredText(QStringLiteral("barrier")));
    const int parties = barrier->parties();

    Instruments instruments(options.common(), QStringLiteral("barrier"),
        field ? QStringList { QStringLiteral("ADD"), QStringLiteral("WAIT") }
              : QStringList { QStringLiteral("WAIT") });
    barrier->setOpLog(instruments.log());
    const QByteArray tag = field ? Instruments::tagOf(field->field().name) : QByteArray();

    ProgressReporter progress(QStringLiteral("barrier"), rounds, options.common().progressMs);
    for (qint64 round = 0; round < rounds; ++round) {
        sleepMicroseconds(delayUs);
        qint64 arrivedBefore = 0;
        uchar *address = nullptr;
        if (field) {
            const int index = perRound ? int(round) : 0;
            address = field->address(index);
            instruments.stopBefore("ADD");
            // Every party adds at once: an atomic add, since the race is not this lesson.
            switch (field->type().size) {
            case 1:
                arrivedBefore = __atomic_fetch_add(address, quint8(1), __ATOMIC_SEQ_CST);
                break;
            case 2:
                arrivedBefore
                    = __atomic_fetch_add(reinterpret_cast<quint16 *>(address), quint16(1), __ATOMIC_SEQ_CST);
                break;
            case 4:
                arrivedBefore
                    = __atomic_fetch_add(reinterpret_cast<quint32 *>(address), quint32(1), __ATOMIC_SEQ_CST);
                break;
            default:
                arrivedBefore = qint64(
                    __atomic_fetch_add(reinterpret_cast<quint64 *>(address), quint64(1), __ATOMIC_SEQ_CST));
                break;
            }
            instruments.record(OpCode::Add, quint64(field->offset(index)), OpValue::ofInt(arrivedBefore),
                OpValue::ofInt(arrivedBefore + 1), tag.constData());
        }
        instruments.stopBefore("WAIT");
        QString error;
        const SyncResult result = barrier->wait(kWaitForever, nullptr, &error);
        if (result == SyncResult::Broken)
            failRuntime(QStringLiteral("barrier '%1' is broken (round %2): %3")
                            .arg(barrier->name())
                            .arg(round + 1)
                            .arg(error));
        if (result != SyncResult::Ok)
            failRuntime(QStringLiteral("cannot wait at barrier '%1': %2").arg(barrier->name(), error));
        if (perRound) {
            // Everyone added to this round's element before anyone passed: it must hold all parties.
            const qint64 arrived = IntegerCell(address, field->type()).load();
            if (arrived < parties)
                failRuntime(QStringLiteral("round %1 passed the barrier with only %2 of %3 parties arrived")
                                .arg(round + 1)
                                .arg(arrived)
                                .arg(parties));
        }
        progress.setDone(round + 1);
    }
    progress.finish({ { QStringLiteral("parties"), QString::number(parties) },
        { QStringLiteral("generation"), QString::number(barrier->generation()) } });
    barrier->setOpLog(nullptr);
    return ExitDone;
}

} // namespace ShmScope::Worker
