#include "workercommon.h"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <limits>
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

namespace ShmScope::Worker {

namespace {

pid_t g_parentAtStart = 0;

QString optionLabel(const QString &name)
{
    return QStringLiteral("--") + name;
}

} // namespace

void failBadArguments(const QString &message)
{
    throw WorkerExit { ExitBadArguments, message };
}
void failNotFound(const QString &message)
{
    throw WorkerExit { ExitNotFound, message };
}
void failRuntime(const QString &message)
{
    throw WorkerExit { ExitFailure, message };
}

// --- ParentGuard ----------------------------------------------------------------------------------

void ParentGuard::arm()
{
    g_parentAtStart = getppid();
    // SIGKILL, not SIGTERM: a worker blocked in a futex or a step wait must go without cooperation.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
}

void ParentGuard::verify(pid_t expectedParent)
{
    const pid_t expected = expectedParent > 0 ? expectedParent : g_parentAtStart;
    // Orphans are re-parented (to init or a subreaper): a changed parent means ours is gone, and
    // the death signal armed too late will never come.
    if (getppid() != expected)
        throw WorkerExit { ExitParentGone, QStringLiteral("parent process %1 is gone").arg(expected) };
}

// --- WorkerOptions --------------------------------------------------------------------------------

WorkerOptions::WorkerOptions(const QString &kind, const QString &description)
    : m_kind(kind)
{
    m_parser.setApplicationDescription(description);
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    m_parser.addHelpOption();
    addValue(QStringLiteral("parent-pid"), QStringLiteral("PID"),
        QStringLiteral("Exit at once unless PID is our parent (closes the start-up race)."));
    addFlag(QStringLiteral("step"),
        QStringLiteral("Stop before each visible step until a controller releases it."));
    addValue(QStringLiteral("log"), QStringLiteral("NAME"),
        QStringLiteral("Record every operation in this op log."));
    addValue(QStringLiteral("progress-ms"), QStringLiteral("MS"),
        QStringLiteral("Period of the progress line (default 100)."));
}

void WorkerOptions::addValue(const QString &name, const QString &valueName, const QString &description)
{
    m_parser.addOption(QCommandLineOption(name, description, valueName));
}

void WorkerOptions::addFlag(const QString &name, const QString &description)
{
    m_parser.addOption(QCommandLineOption(name, description));
}

void WorkerOptions::parse(const QStringList &arguments)
{
    // QCommandLineParser wants the program name first.
    QStringList all { QStringLiteral("shmscope-worker ") + m_kind };
    all += arguments;
    if (!m_parser.parse(all))
        failBadArguments(m_kind + QStringLiteral(": ") + m_parser.errorText());
    if (m_parser.isSet(QStringLiteral("help"))) {
        // QCommandLineParser names the binary by its path; say how to call this kind instead.
        QString help = m_parser.helpText();
        help = QStringLiteral("Usage: shmscope-worker %1 [options]").arg(m_kind)
            + help.mid(help.indexOf(QLatin1Char('\n')));
        std::fputs(help.toLocal8Bit().constData(), stdout);
        throw WorkerExit { ExitDone, QString() };
    }
    if (!m_parser.positionalArguments().isEmpty())
        failBadArguments(QStringLiteral("%1: unexpected argument '%2'")
                             .arg(m_kind, m_parser.positionalArguments().constFirst()));
    m_common.parentPid
        = pid_t(integer(QStringLiteral("parent-pid"), 1, std::numeric_limits<pid_t>::max(), 0));
    m_common.step = isSet(QStringLiteral("step"));
    m_common.logName = text(QStringLiteral("log"));
    m_common.progressMs = int(integer(QStringLiteral("progress-ms"), 10, 60'000, 100));
    ParentGuard::verify(m_common.parentPid);
}

bool WorkerOptions::isSet(const QString &name) const
{
    return m_parser.isSet(name);
}

QString WorkerOptions::text(const QString &name) const
{
    return m_parser.value(name);
}

QString WorkerOptions::requiredText(const QString &name) const
{
    if (!m_parser.isSet(name))
        failBadArguments(QStringLiteral("%1: %2 is required").arg(m_kind, optionLabel(name)));
    const QString value = m_parser.value(name);
    if (value.isEmpty())
        failBadArguments(QStringLiteral("%1: %2 must not be empty").arg(m_kind, optionLabel(name)));
    return value;
}

qint64 WorkerOptions::integer(
    const QString &name, qint64 minimum, qint64 maximum, std::optional<qint64> fallback) const
{
    if (!m_parser.isSet(name)) {
        if (!fallback)
            failBadArguments(QStringLiteral("%1: %2 is required").arg(m_kind, optionLabel(name)));
        return *fallback;
    }
    const QString value = m_parser.value(name);
    bool ok = false;
    const qint64 parsed = value.toLongLong(&ok);
    if (!ok)
        failBadArguments(
            QStringLiteral("%1: %2 '%3' is not a whole number").arg(m_kind, optionLabel(name), value));
    if (parsed < minimum || parsed > maximum)
        failBadArguments(QStringLiteral("%1: %2 %3 is out of range (%4 to %5)")
                             .arg(m_kind, optionLabel(name), value)
                             .arg(minimum)
                             .arg(maximum));
    return parsed;
}

double WorkerOptions::number(const QString &name, double minimum, double maximum, double fallback) const
{
    if (!m_parser.isSet(name))
        return fallback;
    const QString value = m_parser.value(name);
    bool ok = false;
    const double parsed = value.toDouble(&ok);
    if (!ok || !(parsed >= minimum && parsed <= maximum)) // also refuses nan
        failBadArguments(QStringLiteral("%1: %2 '%3' must be a number from %4 to %5")
                             .arg(m_kind, optionLabel(name), value)
                             .arg(minimum)
                             .arg(maximum));
    return parsed;
}

QString WorkerOptions::choice(const QString &name, const QStringList &allowed, const QString &fallback) const
{
    if (!m_parser.isSet(name))
        return fallback;
    const QString value = m_parser.value(name);
    if (!allowed.contains(value))
        failBadArguments(QStringLiteral("%1: %2 '%3' is not one of: %4")
                             .arg(m_kind, optionLabel(name), value, allowed.join(QStringLiteral(", "))));
    return value;
}

QString WorkerOptions::oneOf(const QStringList &names) const
{
    QStringList given;
    for (const QString &name : names) {
        if (m_parser.isSet(name))
            given << optionLabel(name);
    }
    if (given.size() != 1) {
        QStringList labels;
        for (const QString &name : names)
            labels << optionLabel(name);
        failBadArguments(
            QStringLiteral("%1: give exactly one of %2").arg(m_kind, labels.join(QStringLiteral(", "))));
    }
    return given.constFirst().mid(2);
}

// --- Progress -------------------------------------------------------------------------------------

qint64 monotonicNs()
{
    timespec now {};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

void sleepMicroseconds(qint64 microseconds)
{
    if (microseconds <= 0)
        return;
    timespec delay { time_t(microseconds / 1'000'000), long(microseconds % 1'000'000) * 1000 };
    while (nanosleep(&delay, &delay) != 0 && errno == EINTR) { }
}

void printLine(const QString &line)
{
    // One fputs per line: stdio's stream lock keeps the progress thread's lines whole.
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fputs(bytes.constData(), stdout);
    std::fflush(stdout);
}

ProgressReporter::ProgressReporter(QString kind, qint64 total, int periodMs)
    : m_kind(std::move(kind))
    , m_total(total)
    , m_periodMs(periodMs)
    , m_startNs(monotonicNs())
{
    m_thread = std::thread([this] { run(); });
}

ProgressReporter::~ProgressReporter()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

QString ProgressReporter::totalText() const
{
    return m_total == Unbounded ? QStringLiteral("unbounded") : QString::number(m_total);
}

void ProgressReporter::run()
{
    const QString head = QStringLiteral("progress pid=%1 kind=%2 ").arg(getpid()).arg(m_kind);
    qint64 lastDone = 0;
    qint64 lastNs = m_startNs;
    std::unique_lock<std::mutex> lock(m_mutex);
    while (!m_wake.wait_for(lock, std::chrono::milliseconds(m_periodMs), [this] { return m_stopping; })) {
        const qint64 nowNs = monotonicNs();
        const qint64 done = m_done.load(std::memory_order_relaxed);
        const double seconds = double(nowNs - lastNs) / 1e9;
        const qint64 rate = seconds > 0 ? qint64(double(done - lastDone) / seconds) : 0;
        printLine(
            head + QStringLiteral("done=%1 total=%2 ops_per_s=%3").arg(done).arg(totalText()).arg(rate));
        lastDone = done;
        lastNs = nowNs;
    }
}

void ProgressReporter::finish(const std::vector<std::pair<QString, QString>> &extra)
{
    if (m_finished)
        return;
    m_finished = true;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();

    const qint64 elapsedNs = monotonicNs() - m_startNs;
    const qint64 done = m_done.load(std::memory_order_relaxed);
    const qint64 rate = elapsedNs > 0 ? qint64(double(done) * 1e9 / double(elapsedNs)) : 0;
    QString line = QStringLiteral("summary pid=%1 kind=%2 done=%3 total=%4 elapsed_ms=%5 ops_per_s=%6")
                       .arg(getpid())
                       .arg(m_kind)
                       .arg(done)
                       .arg(totalText())
                       .arg(elapsedNs / 1'000'000)
                       .arg(rate);
    for (const auto &[key, value] : extra)
        line += QLatin1Char(' ') + key + QLatin1Char('=') + value;
    printLine(line);
}

// --- BoundField -----------------------------------------------------------------------------------

BoundField BoundField::bind(const QString &segmentName, const QString &layoutSpec, const QString &fieldName)
{
    BoundField bound;
    LayoutError layoutError;
    std::optional<Layout> layout = Layout::parse(layoutSpec, &layoutError);
    if (!layout)
        failBadArguments(QStringLiteral("bad layout '%1': %2").arg(layoutSpec, layoutError.toString()));
    bound.m_layout = std::move(*layout);
    bound.selectField(fieldName, layoutSpec);

    SegmentError segmentError;
    std::unique_ptr<Segment> segment = Segment::attach(segmentName, &segmentError);
    if (!segment) {
        if (segmentError.kind == SegmentErrorKind::NotFound)
            failNotFound(QStringLiteral("segment '%1' not found").arg(segmentName));
        if (segmentError.kind == SegmentErrorKind::InvalidName)
            failBadArguments(segmentError.message);
        failRuntime(segmentError.message);
    }
    bound.m_segment = std::move(segment);
    bound.m_segmentName = bound.m_segment->name();
    bound.checkFits();
    return bound;
}

BoundField BoundField::sibling(const QString &fieldName) const
{
    BoundField bound = *this;
    bound.selectField(fieldName, m_layout.toSpec());
    bound.checkFits();
    return bound;
}

void BoundField::selectField(const QString &fieldName, const QString &layoutSpec)
{
    m_fieldIndex = -1;
    const QVector<LayoutField> &fields = m_layout.fields();
    for (int i = 0; i < fields.size(); ++i) {
        if (fields.at(i).name == fieldName)
            m_fieldIndex = i;
    }
    if (m_fieldIndex < 0)
        failBadArguments(QStringLiteral("field '%1' is not in the layout '%2'").arg(fieldName, layoutSpec));
}

void BoundField::checkFits() const
{
    if (field().end() > m_segment->size())
        failBadArguments(QStringLiteral("field '%1' ends at byte %2, past the end of segment '%3' (%4 bytes)")
                             .arg(field().name)
                             .arg(field().end())
                             .arg(m_segmentName)
                             .arg(m_segment->size()));
}

uchar *BoundField::address(int index) const
{
    return m_segment->data() + offset(index);
}

qint64 BoundField::offset(int index) const
{
    return field().offset + qint64(index) * type().size;
}

bool BoundField::isInteger() const
{
    return type().kind == ValueKind::SignedInt || type().kind == ValueKind::UnsignedInt;
}

void BoundField::requireInteger(const QString &purpose) const
{
    if (!isInteger())
        failBadArguments(QStringLiteral("field '%1' has type code '%2' (%3): %4 needs an integer field")
                             .arg(field().name, QChar::fromLatin1(type().code),
                                 QString::fromLatin1(type().cType), purpose));
}

// --- IntegerCell ----------------------------------------------------------------------------------

IntegerCell::IntegerCell(uchar *address, const TypeCode &type)
    : m_address(address)
    , m_size(type.size)
    , m_signed(type.kind == ValueKind::SignedInt)
{ }

qint64 IntegerCell::load() const
{
    switch (m_size) {
    case 1: {
        const auto raw = __atomic_load_n(reinterpret_cast<quint8 *>(m_address), __ATOMIC_RELAXED);
        return m_signed ? qint64(qint8(raw)) : qint64(raw);
    }
    case 2: {
        const auto raw = __atomic_load_n(reinterpret_cast<quint16 *>(m_address), __ATOMIC_RELAXED);
        return m_signed ? qint64(qint16(raw)) : qint64(raw);
    }
    case 4: {
        const auto raw = __atomic_load_n(reinterpret_cast<quint32 *>(m_address), __ATOMIC_RELAXED);
        return m_signed ? qint64(qint32(raw)) : qint64(raw);
    }
    default:
        return qint64(__atomic_load_n(reinterpret_cast<quint64 *>(m_address), __ATOMIC_RELAXED));
    }
}

void IntegerCell::store(qint64 value)
{
    switch (m_size) {
    case 1:
        __atomic_store_n(reinterpret_cast<quint8 *>(m_address), quint8(value), __ATOMIC_RELAXED);
        break;
    case 2:
        __atomic_store_n(reinterpret_cast<quint16 *>(m_address), quint16(value), __ATOMIC_RELAXED);
        break;
    case 4:
        __atomic_store_n(reinterpret_cast<quint32 *>(m_address), quint32(value), __ATOMIC_RELAXED);
        break;
    default:
        __atomic_store_n(reinterpret_cast<quint64 *>(m_address), quint64(value), __ATOMIC_RELAXED);
        break;
    }
}

qint64 IntegerCell::exchange(qint64 value)
{
    switch (m_size) {
    case 1: {
        const auto old
            = __atomic_exchange_n(reinterpret_cast<quint8 *>(m_address), quint8(value), __ATOMIC_RELAXED);
        return m_signed ? qint64(qint8(old)) : qint64(old);
    }
    case 2: {
        const auto old
            = __atomic_exchange_n(reinterpret_cast<quint16 *>(m_address), quint16(value), __ATOMIC_RELAXED);
        return m_signed ? qint64(qint16(old)) : qint64(old);
    }
    case 4: {
        const auto old
            = __atomic_exchange_n(reinterpret_cast<quint32 *>(m_address), quint32(value), __ATOMIC_RELAXED);
        return m_signed ? qint64(qint32(old)) : qint64(old);
    }
    default:
        return qint64(
            __atomic_exchange_n(reinterpret_cast<quint64 *>(m_address), quint64(value), __ATOMIC_RELAXED));
    }
}

void exchangeElement(uchar *address, int size, const uchar *bytes, uchar *old)
{
    // x86-64 and every Linux target we build for are little-endian, like the layout's bytes.
    switch (size) {
    case 1: {
        const quint8 value = bytes[0];
        old[0] = __atomic_exchange_n(address, value, __ATOMIC_RELAXED);
        break;
    }
    case 2: {
        quint16 value, previous;
        std::memcpy(&value, bytes, 2);
        previous = __atomic_exchange_n(reinterpret_cast<quint16 *>(address), value, __ATOMIC_RELAXED);
        std::memcpy(old, &previous, 2);
        break;
    }
    case 4: {
        quint32 value, previous;
        std::memcpy(&value, bytes, 4);
        previous = __atomic_exchange_n(reinterpret_cast<quint32 *>(address), value, __ATOMIC_RELAXED);
        std::memcpy(old, &previous, 4);
        break;
    }
    default: {
        quint64 value, previous;
        std::memcpy(&value, bytes, 8);
        previous = __atomic_exchange_n(reinterpret_cast<quint64 *>(address), value, __ATOMIC_RELAXED);
        std::memcpy(old, &previous, 8);
        break;
    }
    }
}

OpValue opValueOf(const TypeCode &type, const uchar *littleEndianBytes)
{
    const QVariant value = decodeValue(type, littleEndianBytes);
    switch (type.kind) {
    case ValueKind::Float:
        return OpValue::ofDouble(value.toDouble());
    case ValueKind::SignedInt:
    case ValueKind::Bool:
        return OpValue::ofInt(value.toLongLong());
    case ValueKind::UnsignedInt:
        return OpValue::ofInt(qint64(value.toULongLong()));
    case ValueKind::Byte:
    case ValueKind::WideChar:
        break;
    }
    const QString text = value.toString(); // c and u decode to one character: log its code
    return OpValue::ofInt(text.isEmpty() ? 0 : qint64(text.toUcs4().value(0)));
}

} // namespace ShmScope::Worker
