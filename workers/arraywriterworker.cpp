// array: writes the elements of a field one at a time, so a viewer sees a cursor move through the
// bytes: in order (sequential), back and forth (sweep) or anywhere (random), each write either one
// fixed value (--value, any type code) or a pattern (inc, dec, wave; numeric fields).

#include "instruments.h"
#include "workercommon.h"
#include "workerkinds.h"
#include "workerlock.h"

#include <QRandomGenerator>
#include <cmath>
#include <cstring>
#include <optional>
#include <unistd.h>

namespace ShmScope::Worker {

namespace {

constexpr double kPi = 3.14159265358979323846;

// The element written by write number k of a field of count elements.
int elementIndex(const QString &mode, qint64 k, int count, QRandomGenerator &random)
{
    if (count == 1)
        return 0;
    if (mode == QLatin1String("random"))
        return int(random.bounded(count));
    if (mode == QLatin1String("sweep")) {
        const qint64 period = 2 * qint64(count) - 2; // 0 1 2 3 2 1 | 0 1 2 3 2 1 ...
        const qint64 phase = k % period;
        return int(phase < count ? phase : period - phase);
    }
    return int(k % count); // sequential
}

// The value of write number k for a pattern: inc counts up, dec down, wave is a sine of amplitude
// 100 and a period of 32 writes (rounded for integer fields).
QVariant patternValue(const QString &pattern, qint64 k, bool integer)
{
    if (pattern == QLatin1String("inc"))
        return QVariant(k + 1);
    if (pattern == QLatin1String("dec"))
        return QVariant(-(k + 1));
    const double wave = 100.0 * std::sin(2.0 * kPi * double(k) / 32.0);
    return integer ? QVariant(qint64(std::lround(wave))) : QVariant(wave);
}

} // namespace

int runArrayWriter(const QStringList &arguments)
{
    WorkerOptions options(
        QStringLiteral("array"), QStringLiteral("Writes the elements of a field one at a time, at a rate."));
    options.addValue(QStringLiteral("segment"), QStringLiteral("NAME"), QStringLiteral("The data segment."));
    options.addValue(
        QStringLiteral("layout"), QStringLiteral("SPEC"), QStringLiteral("Its layout, e.g. \"temps:d[8]\"."));
    options.addValue(QStringLiteral("field"), QStringLiteral("F"), QStringLiteral("The field to write."));
    options.addValue(QStringLiteral("mode"), QStringLiteral("MODE"),
        QStringLiteral("sequential (default), sweep or random."));
    options.addValue(
        QStringLiteral("value"), QStringLiteral("V"), QStringLiteral("Write this value (a Python literal)."));
    options.addValue(
        QStringLiteral("pattern"), QStringLiteral("P"), QStringLiteral("Write inc, dec or wave."));
    options.addValue(QStringLiteral("rate"), QStringLiteral("HZ"),
        QStringLiteral("Writes per second (default 10; 0: as fast as possible)."));
    options.addValue(QStringLiteral("iterations"), QStringLiteral("N"),
        QStringLiteral("Writes to do (default: until stopped)."));
    options.addValue(QStringLiteral("lock"), QStringLiteral("LOCK"),
        QStringLiteral("Hold this Lock/RLock for each write."));
    options.parse(arguments);

    const QString mode = options.choice(QStringLiteral("mode"),
        { QStringLiteral("sequential"), QStringLiteral("sweep"), QStringLiteral("random") },
        QStringLiteral("sequential"));
    const QString source = options.oneOf({ QStringLiteral("value"), QStringLiteral("pattern") });
    const QString pattern = options.choice(QStringLiteral("pattern"),
        { QStringLiteral("inc"), QStringLiteral("dec"), QStringLiteral("wave") }, QString());
    const double rate = options.number(QStringLiteral("rate"), 0, 1e9, 10);
    const qint64 iterations
        = options.integer(QStringLiteral("iterations"), 1, qint64(1) << 40, ProgressReporter::Unbounded);
    const BoundField bound = BoundField::bind(options.requiredText(QStringLiteral("segment")),
        options.requiredText(QStringLiteral("layout")), options.requiredText(QStringLiteral("field")));
    const TypeCode &type = bound.type();

    uchar fixedBytes[8] = {};
    if (source == QLatin1String("value")) {
        const EncodeResult encoded = encodeValue(type, options.text(QStringLiteral("value")), fixedBytes);
        if (!encoded.ok)
            failBadArguments(
                QStringLiteral("array: --value for field '%1': %2").arg(bound.field().name, encoded.message));
    } else if (type.kind != ValueKind::SignedInt && type.kind != ValueKind::UnsignedInt
        && type.kind != ValueKind::Float) {
        failBadArguments(QStringLiteral("array: --pattern needs a numeric field; '%1' has type code '%2'")
                             .arg(bound.field().name, QChar::fromLatin1(type.code)));
    }

    std::optional<WorkerLock> lock;
    if (options.isSet(QStringLiteral("lock")))
        lock = WorkerLock::open(options.requiredText(QStringLiteral("lock")));
    const QStringList program = lock
        ? QStringList { QStringLiteral("ACQUIRE"), QStringLiteral("WRITE"), QStringLiteral("RELEASE") }
        : QStringList { QStringLiteral("WRITE") };
    Instruments instruments(options.common(), QStringLiteral("array"), program);
    if (lock && instruments.log())
        lock->handle().setOpLog(instruments.log());
    const QByteArray tag = Instruments::tagOf(bound.field().name);
    const bool integerField = type.kind != ValueKind::Float;

    QRandomGenerator random { quint32(getpid()) };
    const qint64 periodNs = rate > 0 ? qint64(1e9 / rate) : 0;
    qint64 nextNs = monotonicNs();
    ProgressReporter progress(QStringLiteral("array"), iterations, options.common().progressMs);
    for (qint64 k = 0; iterations == ProgressReporter::Unbounded || k < iterations; ++k) {
        const int index = elementIndex(mode, k, bound.count(), random);
        uchar bytes[8] = {};
        if (source == QLatin1String("value"))
            std::memcpy(bytes, fixedBytes, sizeof bytes);
        else
            encodeValue(type, patternValue(pattern, k, integerField), bytes); // wraps like ctypes

        if (lock) {
            instruments.stopBefore("ACQUIRE");
            lock->acquire();
        }
        // The register shows the value about to be written; a step register holds integers only.
        if (instruments.isStepping() && type.kind != ValueKind::Float)
            instruments.stopBefore("WRITE", opValueOf(type, bytes).toInt());
        else
            instruments.stopBefore("WRITE");
        uchar old[8] = {};
        exchangeElement(bound.address(index), type.size, bytes, old);
        if (instruments.log())
            instruments.record(OpCode::Write, quint64(bound.offset(index)), opValueOf(type, old),
                opValueOf(type, bytes), tag.constData());
        if (lock) {
            instruments.stopBefore("RELEASE");
            lock->release();
        }
        progress.setDone(k + 1);

        const bool last = iterations != ProgressReporter::Unbounded && k + 1 == iterations;
        if (periodNs > 0 && !last) { // a steady rate: catch up after a slow write instead of drifting
            nextNs += periodNs;
            sleepMicroseconds((nextNs - monotonicNs()) / 1000);
        }
    }
    progress.finish({ { QStringLiteral("mode"), mode } });
    if (lock)
        lock->handle().setOpLog(nullptr);
    return ExitDone;
}

} // namespace ShmScope::Worker
