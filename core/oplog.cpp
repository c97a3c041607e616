#include "oplog.h"

#include "objectheader.h"
#include "sync/robustmutex.h"
#include "sync/shmregion.h"
#include "sync/syncstate.h"

#include <QLocale>
#include <QThread>
#include <atomic>
#include <cstring>
#include <new>

namespace ShmScope {

namespace {

constexpr quint32 kOpLogVersion = 1;
constexpr int kMaxCapacity = 1 << 24;
constexpr int kTagBytes = 12;
constexpr int kPayloadWords = 7;
constexpr int kPublishWaitMs = 1000;
const QString kSegmentPrefix = QStringLiteral("shmscope.log.");

struct OpName {
    OpCode op;
    const char *name;
};
constexpr OpName kOpNames[] = {
    {OpCode::Load, "LOAD"},       {OpCode::Add, "ADD"},         {OpCode::Store, "STORE"},
    {OpCode::Write, "WRITE"},     {OpCode::Read, "READ"},       {OpCode::Acquire, "ACQUIRE"},
    {OpCode::Release, "RELEASE"}, {OpCode::Wait, "WAIT"},       {OpCode::Post, "POST"},
    {OpCode::Set, "SET"},         {OpCode::Clear, "CLEAR"},     {OpCode::Notify, "NOTIFY"},
    {OpCode::Produce, "PRODUCE"}, {OpCode::Consume, "CONSUME"}, {OpCode::Barrier, "BARRIER"},
    {OpCode::Step, "STEP"},       {OpCode::Start, "START"},     {OpCode::Exit, "EXIT"},
    {OpCode::Custom, "CUSTOM"},
};

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

// FNV-1a, 32 bits: enough to tell a torn entry (two writers lapping each other on one slot) from
// a whole one.
quint32 checksumOf(quint64 index, const quint64 *words, int wordCount, quint32 lastHalfWord)
{
    quint32 hash = 2166136261u;
    auto mix = [&hash](quint64 value, int bytes) {
        for (int i = 0; i < bytes; ++i) {
            hash ^= quint32((value >> (8 * i)) & 0xff);
            hash *= 16777619u;
        }
    };
    mix(index, 8);
    for (int i = 0; i < wordCount; ++i)
        mix(words[i], 8);
    mix(lastHalfWord, 4);
    return hash;
}

int roundUpToPowerOfTwo(int value)
{
    int result = 1;
    while (result < value)
        result <<= 1;
    return result;
}

} // namespace

// The header of the ring: the head on its own cache line, so that readers polling it do not slow
// writers' claims more than necessary.
struct OpLogShared {
    ObjectHeader header;
    quint32 capacity = 0;
    quint32 slotSize = 0;
    qint64 createdNs = 0;
    qint32 creator = 0;
    char reserved[12] = {};
    alignas(64) std::atomic<quint64> head{0};
    char padding[56] = {};
};
static_assert(sizeof(OpLogShared) == 128, "part of the shared format");

// One entry, one cache line. words: 0 time, 1 target, 2 old bits, 3 new bits,
// 4 pid | op << 32 | old type << 48 | new type << 56, 5 tag[0..7], 6 tag[8..11] | checksum << 32.
struct OpLogSlot {
    std::atomic<quint64> seq{0}; // 2*index+1 while written, 2*index+2 when complete
    std::atomic<quint64> words[kPayloadWords];
};
static_assert(sizeof(OpLogSlot) == 64, "part of the shared format");
static_assert(std::atomic<quint64>::is_always_lock_free, "address-free atomics needed in shared memory");

QString opCodeName(OpCode op)
{
    for (const OpName &entry : kOpNames) {
        if (entry.op == op)
            return QString::fromLatin1(entry.name);
    }
    return QStringLiteral("OP%1").arg(int(op));
}

bool opCodeFromName(const QString &name, OpCode *op)
{
    for (const OpName &entry : kOpNames) {
        if (name.compare(QLatin1String(entry.name), Qt::CaseInsensitive) == 0) {
            *op = entry.op;
            return true;
        }
    }
    return false;
}

OpValue OpValue::ofDouble(double v)
{
    OpValue value;
    value.type = Double;
    std::memcpy(&value.bits, &v, sizeof v);
    return value;
}

double OpValue::toDouble() const
{
    if (type == Int)
        return double(bits);
    double v = 0;
    std::memcpy(&v, &bits, sizeof v);
    return v;
}

QString OpValue::toString() const
{
    switch (type) {
    case Int:
        return QString::number(bits);
    case Double:
        return QString::number(toDouble(), 'g', QLocale::FloatingPointShortest);
    case None:
        break;
    }
    return QString();
}

quint64 syncObjectId(const QString &name)
{
    quint64 hash = 14695981039346656037ull;
    const QByteArray bytes = name.toUtf8();
    for (char c : bytes) {
        hash ^= quint8(c);
        hash *= 1099511628211ull;
    }
    return hash;
}

QString OpLog::segmentName(const QString &name, QString *error)
{
    if (name.isEmpty()) {
        fail(error, QStringLiteral("an operation log name must not be empty"));
        return {};
    }
    if (name.contains(QLatin1Char('/')) || name.contains(QChar(0))) {
        fail(error, QStringLiteral("invalid operation log name '%1': no '/' or NUL allowed").arg(name));
        return {};
    }
    const QString shmName = kSegmentPrefix + name;
    if (shmName.toUtf8().size() > 255) {
        fail(error, QStringLiteral("operation log name too long: '%1' would exceed 255 bytes").arg(shmName));
        return {};
    }
    return shmName;
}

std::unique_ptr<OpLog> OpLog::create(const QString &name, int capacity, QString *error)
{
    QString reason;
    const QString shmName = segmentName(name, &reason);
    if (shmName.isEmpty()) {
        fail(error, reason);
        return nullptr;
    }
    if (capacity < 1 || capacity > kMaxCapacity) {
        fail(error, QStringLiteral("operation log capacity must be 1 .. %1 entries, not %2").arg(kMaxCapacity).arg(capacity));
        return nullptr;
    }
    const int slotCount = roundUpToPowerOfTwo(capacity);
    const qint64 size = qint64(sizeof(OpLogShared)) + qint64(slotCount) * qint64(sizeof(OpLogSlot));
    auto region = ShmRegion::createExclusive(shmName, size, &reason);
    if (!region) {
        fail(error, reason.endsWith(QLatin1String("exists"))
                        ? QStringLiteral("operation log '%1' already exists").arg(name)
                        : QStringLiteral("cannot create operation log '%1': %2").arg(name, reason));
        return nullptr;
    }
    auto *shared = new (region->data()) OpLogShared;
    std::memset(&shared->header, 0, sizeof shared->header);
    shared->capacity = quint32(slotCount);
    shared->slotSize = sizeof(OpLogSlot);
    shared->createdNs = monotonicNowNs();
    shared->creator = currentPid();
    auto *slotArray = reinterpret_cast<OpLogSlot *>(static_cast<char *>(region->data()) + sizeof(OpLogShared));
    for (int i = 0; i < slotCount; ++i)
        new (&slotArray[i]) OpLogSlot;
    shared->header.version = kOpLogVersion;
    std::memcpy(shared->header.kindName, "OpLog", 5);
    reinterpret_cast<std::atomic<quint64> *>(shared->header.magic)->store(objectMagicWord(), std::memory_order_release);

    std::unique_ptr<OpLog> log(new OpLog);
    log->m_region = std::move(region);
    log->m_shared = shared;
    log->m_slots = slotArray;
    log->m_name = name;
    return log;
}

static std::unique_ptr<OpLog> openLog(const QString &name, bool readOnly, QString *error)
{
    QString reason;
    const QString shmName = OpLog::segmentName(name, &reason);
    if (shmName.isEmpty()) {
        fail(error, reason);
        return nullptr;
    }
    auto region = ShmRegion::open(shmName, sizeof(OpLogShared), readOnly, &reason);
    if (!region) {
        fail(error, reason.endsWith(QLatin1String("not found"))
                        ? QStringLiteral("no operation log named '%1'").arg(name)
                        : QStringLiteral("cannot open operation log '%1': %2").arg(name, reason));
        return nullptr;
    }
    const auto *shared = static_cast<const OpLogShared *>(region->data());
    const auto *magic = reinterpret_cast<const std::atomic<quint64> *>(shared->header.magic);
    const Deadline deadline = Deadline::afterMs(kPublishWaitMs);
    while (magic->load(std::memory_order_acquire) != objectMagicWord() && !deadline.hasPassed())
        QThread::msleep(1);
    const qint64 expectedSize = qint64(sizeof(OpLogShared)) + qint64(shared->capacity) * qint64(sizeof(OpLogSlot));
    if (magic->load(std::memory_order_acquire) != objectMagicWord() || shared->header.version != kOpLogVersion
        || objectKindName(shared->header) != QLatin1String("OpLog") || shared->slotSize != sizeof(OpLogSlot)
        || shared->capacity == 0 || (shared->capacity & (shared->capacity - 1)) != 0
        || region->size() < expectedSize) {
        fail(error, QStringLiteral("'%1' is not a ShmScope operation log (or of another version)").arg(shmName));
        return nullptr;
    }
    return OpLog::fromRegion(std::move(region), name, readOnly);
}

std::unique_ptr<OpLog> OpLog::fromRegion(std::unique_ptr<ShmRegion> region, const QString &name, bool readOnly)
{
    std::unique_ptr<OpLog> log(new OpLog);
    log->m_shared = static_cast<OpLogShared *>(region->data());
    log->m_slots = reinterpret_cast<OpLogSlot *>(static_cast<char *>(region->data()) + sizeof(OpLogShared));
    log->m_region = std::move(region);
    log->m_name = name;
    log->m_readOnly = readOnly;
    return log;
}

std::unique_ptr<OpLog> OpLog::open(const QString &name, QString *error)
{
    return openLog(name, false, error);
}

std::unique_ptr<OpLog> OpLog::openReadOnly(const QString &name, QString *error)
{
    return openLog(name, true, error);
}

bool OpLog::remove(const QString &name, QString *error)
{
    QString reason;
    const QString shmName = segmentName(name, &reason);
    if (shmName.isEmpty())
        return fail(error, reason);
    if (!ShmRegion::unlinkName(shmName, &reason)) {
        return fail(error, reason.endsWith(QLatin1String("not found"))
                               ? QStringLiteral("no operation log named '%1'").arg(name)
                               : QStringLiteral("cannot remove operation log '%1': %2").arg(name, reason));
    }
    return true;
}

OpLog::~OpLog() = default;

quint64 OpLog::append(OpCode op, quint64 target, OpValue oldValue, OpValue newValue, const char *tag)
{
    if (m_readOnly)
        return ~quint64(0);
    const quint64 index = m_shared->head.fetch_add(1, std::memory_order_relaxed);
    OpLogSlot &slot = m_slots[index & (m_shared->capacity - 1)];

    quint64 words[kPayloadWords] = {};
    words[0] = quint64(monotonicNowNs());
    words[1] = target;
    words[2] = quint64(oldValue.bits);
    words[3] = quint64(newValue.bits);
    words[4] = quint64(quint32(currentPid())) | quint64(quint16(op)) << 32 | quint64(oldValue.type) << 48
        | quint64(newValue.type) << 56;
    char tagBytes[kTagBytes] = {};
    if (tag)
        std::memcpy(tagBytes, tag, strnlen(tag, kTagBytes));
    std::memcpy(&words[5], tagBytes, 8);
    quint32 tagTail = 0;
    std::memcpy(&tagTail, tagBytes + 8, 4);
    const quint32 checksum = checksumOf(index, words, 6, tagTail);
    words[6] = quint64(tagTail) | quint64(checksum) << 32;

    const quint64 writing = 2 * index + 1;
    slot.seq.store(writing, std::memory_order_relaxed);
    std::atomic_thread_fence(std::memory_order_release);
    for (int i = 0; i < kPayloadWords; ++i)
        slot.words[i].store(words[i], std::memory_order_relaxed);
    // If a writer a whole ring later claimed this slot meanwhile, its stamp wins and ours is lost;
    // the checksum catches the rare torn mix readers could otherwise see.
    quint64 expected = writing;
    slot.seq.compare_exchange_strong(expected, writing + 1, std::memory_order_release, std::memory_order_relaxed);
    return index;
}

quint64 OpLog::append(OpCode op, quint64 target, OpValue oldValue, OpValue newValue, const QString &tag)
{
    // Cut at a character boundary so the tag stays valid UTF-8.
    QByteArray bytes = tag.toUtf8();
    if (bytes.size() > kTagBytes) {
        int cut = kTagBytes;
        while (cut > 0 && (quint8(bytes.at(cut)) & 0xC0) == 0x80)
            --cut;
        bytes.truncate(cut);
    }
    return append(op, target, oldValue, newValue, bytes.constData());
}

QString OpLog::name() const
{
    return m_name;
}

int OpLog::capacity() const
{
    return int(m_shared->capacity);
}

quint64 OpLog::head() const
{
    return m_shared->head.load(std::memory_order_acquire);
}

qint64 OpLog::createdNs() const
{
    return m_shared->createdNs;
}

OpLogReader::OpLogReader(const OpLog &log, Start from)
    : m_log(log), m_cursor(from == Start::Now ? log.head() : 0)
{
}

OpLogReader::Batch OpLogReader::readAvailable(int maxEntries, qint64 staleMs)
{
    Batch batch;
    const quint64 capacity = m_log.m_shared->capacity;
    const quint64 head = m_log.head();
    quint64 lost = 0;
    if (head - m_cursor > capacity) {
        // The writers lapped us: everything older than one ring is gone.
        lost += head - capacity - m_cursor;
        m_cursor = head - capacity;
    }
    while (m_cursor < head && batch.entries.size() < maxEntries) {
        const OpLogSlot &slot = m_log.m_slots[m_cursor & (capacity - 1)];
        const quint64 complete = 2 * m_cursor + 2;
        const quint64 before = slot.seq.load(std::memory_order_acquire);
        if (before < complete) {
            // Claimed but not finished: wait for it, unless its writer seems to have died.
            const qint64 now = monotonicNowNs();
            if (m_pendingIndex != m_cursor) {
                m_pendingIndex = m_cursor;
                m_pendingSinceNs = now;
                break;
            }
            if (now - m_pendingSinceNs < staleMs * 1000000)
                break;
            ++lost;
            ++m_cursor;
            continue;
        }
        if (before > complete) { // overwritten by a later lap
            ++lost;
            ++m_cursor;
            continue;
        }
        quint64 words[kPayloadWords];
        for (int i = 0; i < kPayloadWords; ++i)
            words[i] = slot.words[i].load(std::memory_order_relaxed);
        std::atomic_thread_fence(std::memory_order_acquire);
        const quint64 after = slot.seq.load(std::memory_order_relaxed);
        const quint32 tagTail = quint32(words[6]);
        if (after != before || checksumOf(m_cursor, words, 6, tagTail) != quint32(words[6] >> 32)) {
            ++lost;
            ++m_cursor;
            continue;
        }
        OpLogEntry entry;
        entry.index = m_cursor;
        entry.timeNs = qint64(words[0]);
        entry.target = words[1];
        entry.oldValue.bits = qint64(words[2]);
        entry.newValue.bits = qint64(words[3]);
        entry.pid = pid_t(quint32(words[4]));
        entry.op = OpCode(quint16(words[4] >> 32));
        entry.oldValue.type = OpValue::Type(quint8(words[4] >> 48));
        entry.newValue.type = OpValue::Type(quint8(words[4] >> 56));
        char tagBytes[kTagBytes];
        std::memcpy(tagBytes, &words[5], 8);
        std::memcpy(tagBytes + 8, &tagTail, 4);
        entry.tag = QString::fromUtf8(tagBytes, int(strnlen(tagBytes, kTagBytes)));
        entry.lostBefore = lost;
        batch.lostTotal += lost;
        lost = 0;
        batch.entries.append(entry);
        ++m_cursor;
    }
    batch.lostAfterLast = lost;
    batch.lostTotal += lost;
    m_lostTotal += batch.lostTotal;
    return batch;
}

} // namespace ShmScope
