#include "synchandle.h"

#include "../oplog.h"
#include "ownedlock.h"
#include "robustmutex.h"
#include "shmregion.h"
#include "syncshared.h"

#include <QThread>
#include <cstring>
#include <new>

namespace ShmScope {

namespace {

// A creator fills the struct and then publishes the magic; an opener that comes in between sees
// zeroes, and waits this long for the magic before calling the file foreign.
constexpr int kPublishWaitMs = 1000;

bool waitForPublishedHeader(const SyncShared *shared)
{
    const auto *magic = reinterpret_cast<const std::atomic<quint64> *>(shared->header.magic);
    const Deadline deadline = Deadline::afterMs(kPublishWaitMs);
    while (magic->load(std::memory_order_acquire) != objectMagicWord()) {
        if (deadline.hasPassed())
            return false;
        QThread::msleep(1);
    }
    return true;
}

bool kindMatches(quint32 stored, SyncKind expected)
{
    const auto actual = SyncKind(stored);
    if (expected == SyncKind::Semaphore)
        return actual == SyncKind::Semaphore || actual == SyncKind::BoundedSemaphore;
    return actual == expected;
}

} // namespace

SyncHandle::SyncHandle(std::unique_ptr<ShmRegion> region, SyncShared *shared, const QString &name)
    : m_region(std::move(region)), m_shared(shared), m_name(name), m_objectId(syncObjectId(name))
{
}

SyncHandle::~SyncHandle()
{
    // A robust mutex can only be marked "owner died" by the kernel while its owner still maps it:
    // unmapping a held lock would make it unrecoverable, so the handle lets go first.
    const auto kind = SyncKind(m_shared->kind);
    const bool isOwnedLock = kind == SyncKind::Lock || kind == SyncKind::RLock || kind == SyncKind::Condition;
    if (isOwnedLock && !m_region->isReadOnly() && ownedByCurrentThread(*m_shared)) {
        setOwned(m_shared->depth, 1);
        releaseOwnedLock(*m_shared, m_name, nullptr, nullptr);
    }
}

QString SyncHandle::name() const
{
    return m_name;
}

SyncKind SyncHandle::kind() const
{
    return SyncKind(m_shared->kind);
}

SyncState SyncHandle::state() const
{
    SyncState result;
    readSharedState(*m_shared, &result);
    result.name = m_name;
    return result;
}

void SyncHandle::setOpLog(OpLog *log)
{
    m_opLog = log;
}

SyncShared *SyncHandle::sharedOf(ShmRegion &region)
{
    return static_cast<SyncShared *>(region.data());
}

std::unique_ptr<ShmRegion> SyncHandle::createRegion(const QString &name, SyncKind kind, int value,
                                                    QString *error)
{
    QString reason;
    const QString shmName = syncSegmentName(name, &reason);
    if (shmName.isEmpty()) {
        if (error)
            *error = reason;
        return nullptr;
    }
    if ((kind == SyncKind::Semaphore || kind == SyncKind::BoundedSemaphore) && value < 0) {
        if (error)
            *error = QStringLiteral("semaphore initial value must be >= 0, not %1").arg(value);
        return nullptr;
    }
    if (kind == SyncKind::Barrier && value < 1) {
        if (error)
            *error = QStringLiteral("a barrier needs at least 1 party, not %1").arg(value);
        return nullptr;
    }
    auto region = ShmRegion::createExclusive(shmName, sizeof(SyncShared), &reason);
    if (!region) {
        if (error)
            *error = reason.endsWith(QLatin1String("exists"))
                ? QStringLiteral("sync object '%1' already exists").arg(name)
                : QStringLiteral("cannot create sync object '%1': %2").arg(name, reason);
        return nullptr;
    }
    auto *shared = new (region->data()) SyncShared;
    std::memset(&shared->header, 0, sizeof shared->header); // no magic yet: openers wait for it
    shared->kind = quint32(kind);
    const int rc = initRobustMutex(&shared->mutex);
    if (rc != 0) {
        ShmRegion::unlinkName(shmName, nullptr);
        if (error)
            *error = QStringLiteral("cannot create sync object '%1': %2").arg(name, errnoText(rc));
        return nullptr;
    }
    switch (kind) {
    case SyncKind::Semaphore:
        setOwned(shared->count, value);
        setOwned(shared->initialCount, value);
        break;
    case SyncKind::BoundedSemaphore:
        setOwned(shared->count, value);
        setOwned(shared->initialCount, value);
        setOwned(shared->maxCount, value);
        break;
    case SyncKind::Barrier:
        setOwned(shared->parties, value);
        break;
    default:
        break;
    }
    setOwned(shared->creator, currentPid());
    setOwned(shared->createdNs, monotonicNowNs());
    const QByteArray nameBytes = name.toUtf8();
    std::memcpy(shared->name, nameBytes.constData(), size_t(qMin<qsizetype>(nameBytes.size(), kSyncNameBytes - 1)));

    // "BoundedSemaphore" fills kindName's 16 bytes exactly: NUL-padded, not NUL-terminated.
    const QByteArray kindName = syncKindName(kind).toLatin1();
    shared->header.version = kSyncSharedVersion;
    std::memcpy(shared->header.kindName, kindName.constData(),
                size_t(qMin<qsizetype>(kindName.size(), sizeof shared->header.kindName)));
    // The magic goes last: once an opener sees it, everything above is in place.
    reinterpret_cast<std::atomic<quint64> *>(shared->header.magic)->store(objectMagicWord(), std::memory_order_release);
    return region;
}

std::unique_ptr<ShmRegion> SyncHandle::openRegion(const QString &name, SyncKind expectedKind,
                                                  QString *error)
{
    QString reason;
    const QString shmName = syncSegmentName(name, &reason);
    if (shmName.isEmpty()) {
        if (error)
            *error = reason;
        return nullptr;
    }
    auto region = ShmRegion::open(shmName, sizeof(SyncShared), false, &reason);
    if (!region) {
        if (error)
            *error = reason.endsWith(QLatin1String("not found"))
                ? QStringLiteral("no sync object named '%1'").arg(name)
                : QStringLiteral("cannot open sync object '%1': %2").arg(name, reason);
        return nullptr;
    }
    const SyncShared *shared = sharedOf(*region);
    if (!waitForPublishedHeader(shared) || shared->header.version != kSyncSharedVersion) {
        if (error)
            *error = QStringLiteral("'%1' is not a ShmScope sync object (or of another version)").arg(shmName);
        return nullptr;
    }
    if (!kindMatches(shared->kind, expectedKind)) {
        if (error)
            *error = QStringLiteral("sync object '%1' is a %2, not a %3")
                         .arg(name, objectKindName(shared->header), syncKindName(expectedKind));
        return nullptr;
    }
    return region;
}

void SyncHandle::record(int opCode, qint64 oldValue, qint64 newValue) const
{
    if (!m_opLog)
        return;
    m_opLog->append(OpCode(opCode), m_objectId, OpValue::ofInt(oldValue), OpValue::ofInt(newValue), m_name);
}

void SyncHandle::setError(QString *error, const QString &message) const
{
    if (error)
        *error = message;
}

} // namespace ShmScope
