// producer / consumer: the bounded buffer of every operating-systems course, in a segment.
// Layout e.g. "head:i; tail:i; items:q[16]" — head and tail are slot indices (0 .. capacity-1),
// items the ring. Two semaphores count the slots: EMPTY (created with the capacity) and FULL
// (created with 0); a lock guards head, tail and the slot being moved.
//   producer: WAIT empty, ACQUIRE, PRODUCE items[head], head = (head + 1) % capacity, RELEASE, POST full
//   consumer: WAIT full,  ACQUIRE, CONSUME items[tail], tail = (tail + 1) % capacity, RELEASE, POST empty
// Producer p puts the values first, first+1, ... (default 1 .. N). Consumers add what they took to
// --count-field and --checksum-field (the sum of the values) inside the lock, so the totals in the
// segment are exact for any number of consumers: N items 1..N end at count N, checksum N(N+1)/2.

#include "instruments.h"
#include "workercommon.h"
#include "workerkinds.h"
#include "workerlock.h"

#include <optional>

namespace ShmScope::Worker {

namespace {

enum class Role { Producer, Consumer };

struct RingBuffer {
    std::optional<BoundField> items;
    IntegerCell head;
    IntegerCell tail;
    qint64 headOffset = 0;
    qint64 tailOffset = 0;
    std::optional<IntegerCell> count; // consumer totals, when asked for
    std::optional<IntegerCell> checksum;
    qint64 countOffset = 0;
    qint64 checksumOffset = 0;
};

IntegerCell integerCell(const BoundField &field, const QString &purpose, qint64 *offset)
{
    field.requireInteger(purpose);
    *offset = field.offset();
    return IntegerCell(field.address(), field.type());
}

void addOptions(WorkerOptions &options, Role role)
{
    options.addValue(
        QStringLiteral("segment"), QStringLiteral("NAME"), QStringLiteral("The segment holding the ring."));
    options.addValue(QStringLiteral("layout"), QStringLiteral("SPEC"),
        QStringLiteral("Its layout, e.g. \"head:i; tail:i; items:q[16]\"."));
    options.addValue(QStringLiteral("items-field"), QStringLiteral("F"),
        QStringLiteral("The ring array (default items)."));
    options.addValue(QStringLiteral("head-field"), QStringLiteral("F"),
        QStringLiteral("Next slot to fill (default head)."));
    options.addValue(QStringLiteral("tail-field"), QStringLiteral("F"),
        QStringLiteral("Next slot to empty (default tail)."));
    options.addValue(
        QStringLiteral("empty"), QStringLiteral("SEM"), QStringLiteral("Semaphore counting empty slots."));
    options.addValue(
        QStringLiteral("full"), QStringLiteral("SEM"), QStringLiteral("Semaphore counting full slots."));
    options.addValue(QStringLiteral("lock"), QStringLiteral("LOCK"),
        QStringLiteral("Lock guarding head, tail and slots."));
    options.addValue(QStringLiteral("items"), QStringLiteral("N"), QStringLiteral("Items to move."));
    if (role == Role::Producer) {
        options.addValue(QStringLiteral("first"), QStringLiteral("V"),
            QStringLiteral("Value of the first item (default 1)."));
    } else {
        options.addValue(QStringLiteral("count-field"), QStringLiteral("F"),
            QStringLiteral("Add the number of items taken here."));
        options.addValue(QStringLiteral("checksum-field"), QStringLiteral("F"),
            QStringLiteral("Add the sum of the items taken here."));
    }
    options.addValue(
        QStringLiteral("delay-us"), QStringLiteral("D"), QStringLiteral("Pause after each item."));
}

QString fieldOption(const WorkerOptions &options, const QString &name, const QString &fallback)
{
    return options.isSet(name) ? options.requiredText(name) : fallback;
}

RingBuffer bindRing(const WorkerOptions &options, Role role)
{
    const QString segment = options.requiredText(QStringLiteral("segment"));
    const QString layout = options.requiredText(QStringLiteral("layout"));
    RingBuffer ring;
    ring.items = BoundField::bind(
        segment, layout, fieldOption(options, QStringLiteral("items-field"), QStringLiteral("items")));
    auto bind = [&](const QString &option, const QString &fallback) {
        return ring.items->sibling(fieldOption(options, option, fallback));
    };
    ring.items->requireInteger(QStringLiteral("a ring buffer's items"));
    const BoundField head = bind(QStringLiteral("head-field"), QStringLiteral("head"));
    const BoundField tail = bind(QStringLiteral("tail-field"), QStringLiteral("tail"));
    ring.head = integerCell(head, QStringLiteral("a ring buffer's head"), &ring.headOffset);
    ring.tail = integerCell(tail, QStringLiteral("a ring buffer's tail"), &ring.tailOffset);
    if (role == Role::Consumer) {
        if (options.isSet(QStringLiteral("count-field"))) {
            const BoundField count = bind(QStringLiteral("count-field"), QString());
            ring.count = integerCell(count, QStringLiteral("a count"), &ring.countOffset);
        }
        if (options.isSet(QStringLiteral("checksum-field"))) {
            const BoundField checksum = bind(QStringLiteral("checksum-field"), QString());
            ring.checksum = integerCell(checksum, QStringLiteral("a checksum"), &ring.checksumOffset);
        }
    }
    return ring;
}

// A slot index read from shared memory: anything out of range means the segment was not set up
// as a ring (or another program wrote over it); continuing would write outside the array.
int slotIndex(qint64 value, int capacity, const char *which)
{
    if (value < 0 || value >= capacity)
        failRuntime(
            QStringLiteral("ring buffer %1 is %2, outside 0..%3: the segment is not a ring of this layout")
                .arg(QString::fromLatin1(which))
                .arg(value)
                .arg(capacity - 1));
    return int(value);
}

int runRingWorker(const QStringList &arguments, Role role)
{
    const bool producing = role == Role::Producer;
    const QString kind = producing ? QStringLiteral("producer") : QStringLiteral("consumer");
    WorkerOptions options(kind,
        producing ? QStringLiteral("Puts N items into a ring buffer in shared memory.")
                  : QStringLiteral("Takes N items from a ring buffer in shared memory."));
    addOptions(options, role);
    options.parse(arguments);

    const qint64 items = options.integer(QStringLiteral("items"), 1, qint64(1) << 40);
    const qint64 first
        = producing ? options.integer(QStringLiteral("first"), -(qint64(1) << 62), qint64(1) << 62, 1) : 0;
    const qint64 delayUs = options.integer(QStringLiteral("delay-us"), 0, 10'000'000, 0);
    RingBuffer ring = bindRing(options, role);
    const int capacity = ring.items->count();
    std::unique_ptr<SharedSemaphore> empty
        = openSemaphore(options.requiredText(QStringLiteral("empty")), QStringLiteral("semaphore"));
    std::unique_ptr<SharedSemaphore> full
        = openSemaphore(options.requiredText(QStringLiteral("full")), QStringLiteral("semaphore"));
    WorkerLock lock = WorkerLock::open(options.requiredText(QStringLiteral("lock")));
    SharedSemaphore &waitOn = producing ? *empty : *full;
    SharedSemaphore &postTo = producing ? *full : *empty;
    const char *waitStep = producing ? "WAIT_EMPTY" : "WAIT_FULL";
    const char *moveStep = producing ? "PRODUCE" : "CONSUME";
    const char *postStep = producing ? "POST_FULL" : "POST_EMPTY";
    const QStringList program { QString::fromLatin1(waitStep), QStringLiteral("ACQUIRE"),
        QString::fromLatin1(moveStep), QStringLiteral("RELEASE"), QString::fromLatin1(postStep) };

    Instruments instruments(options.common(), kind, program);
    for (SyncHandle *handle :
        { static_cast<SyncHandle *>(empty.get()), static_cast<SyncHandle *>(full.get()), &lock.handle() })
        handle->setOpLog(instruments.log()); // they record WAIT / ACQUIRE / RELEASE / POST themselves
    const QByteArray itemsTag = Instruments::tagOf(ring.items->field().name);
    const bool logging = instruments.log() != nullptr;

    qint64 taken = 0;
    qint64 sum = 0;
    ProgressReporter progress(kind, items, options.common().progressMs);
    for (qint64 k = 0; k < items; ++k) {
        instruments.stopBefore(waitStep);
        QString error;
        if (waitOn.acquire(kWaitForever, &error) != SyncResult::Ok)
            failRuntime(QStringLiteral("cannot wait on semaphore '%1': %2").arg(waitOn.name(), error));
        instruments.stopBefore("ACQUIRE");
        lock.acquire();

        instruments.stopBefore(moveStep);
        IntegerCell &position = producing ? ring.head : ring.tail;
        const int slot = slotIndex(position.load(), capacity, producing ? "head" : "tail");
        IntegerCell item(ring.items->address(slot), ring.items->type());
        const quint64 slotOffset = quint64(ring.items->offset(slot));
        if (producing) {
            const qint64 value = first + k;
            const qint64 old = item.exchange(value);
            if (logging)
                instruments.record(OpCode::Produce, slotOffset, OpValue::ofInt(old), OpValue::ofInt(value),
                    itemsTag.constData());
        } else {
            const qint64 value = item.load();
            ++taken;
            sum += value;
            if (logging)
                instruments.record(OpCode::Consume, slotOffset, OpValue::ofInt(value), OpValue::none(),
                    itemsTag.constData());
            if (ring.count)
                ring.count->store(ring.count->load() + 1);
            if (ring.checksum)
                ring.checksum->store(ring.checksum->load() + value);
        }
        position.store((slot + 1) % capacity);

        instruments.stopBefore("RELEASE");
        lock.release();
        instruments.stopBefore(postStep);
        if (!postTo.release(1, &error))
            failRuntime(QStringLiteral("cannot post semaphore '%1': %2").arg(postTo.name(), error));
        progress.setDone(k + 1);
        sleepMicroseconds(delayUs);
    }
    std::vector<std::pair<QString, QString>> extra;
    if (!producing)
        extra = { { QStringLiteral("count"), QString::number(taken) },
            { QStringLiteral("checksum"), QString::number(sum) } };
    progress.finish(extra);
    for (SyncHandle *handle :
        { static_cast<SyncHandle *>(empty.get()), static_cast<SyncHandle *>(full.get()), &lock.handle() })
        handle->setOpLog(nullptr);
    return ExitDone;
}

} // namespace

int runProducer(const QStringList &arguments)
{
    return runRingWorker(arguments, Role::Producer);
}
int runConsumer(const QStringList &arguments)
{
    return runRingWorker(arguments, Role::Consumer);
}

} // namespace ShmScope::Worker
