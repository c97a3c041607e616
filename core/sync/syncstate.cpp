#include "syncstate.h"

#include "../objectheader.h"
#include "robustmutex.h"
#include "sharedbarrier.h"
#include "sharedcondition.h"
#include "sharedevent.h"
#include "sharedlock.h"
#include "sharedrlock.h"
#include "sharedsemaphore.h"
#include "shmregion.h"
#include "syncshared.h"
#include "waiterslots.h"

#include <QDir>
#include <QThread>
#include <algorithm>
#include <cstring>

namespace ShmScope {

namespace {

const QString kSegmentPrefix = QStringLiteral("shmscope.sync.");
constexpr int kMaxShmNameBytes = 255; // NAME_MAX of the file under /dev/shm
// Observers retry a copy that a writer changed under them this often, then report it as
// inconsistent rather than wait: watching must never slow the watched.
constexpr int kConsistentReadAttempts = 64;

struct KindName {
    SyncKind kind;
    const char *name;
};
constexpr KindName kKindNames[] = {
    {SyncKind::Lock, "Lock"},
    {SyncKind::RLock, "RLock"},
    {SyncKind::Semaphore, "Semaphore"},
    {SyncKind::BoundedSemaphore, "BoundedSemaphore"},
    {SyncKind::Event, "Event"},
    {SyncKind::Condition, "Condition"},
    {SyncKind::Barrier, "Barrier"},
};

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

template<typename T>
T relaxed(const std::atomic<T> &field)
{
    return field.load(std::memory_order_relaxed);
}

bool isOwnedKind(SyncKind kind)
{
    return kind == SyncKind::Lock || kind == SyncKind::RLock || kind == SyncKind::Condition;
}

void copyFields(const SyncShared &shared, quint64 owner, SyncState *state)
{
    const bool ownedKind = isOwnedKind(SyncKind(shared.kind));
    state->held = ownedKind && owner != 0;
    state->owner = state->held ? ownerPidOf(owner) : 0;
    state->ownerTid = state->held ? ownerTidOf(owner) : 0;
    state->depth = state->held || !ownedKind ? relaxed(shared.depth) : 0;
    state->count = relaxed(shared.count);
    state->initialCount = relaxed(shared.initialCount);
    state->maxCount = relaxed(shared.maxCount);
    state->flag = relaxed(shared.flag) != 0;
    state->parties = relaxed(shared.parties);
    state->generation = relaxed(shared.generation);
    state->broken = relaxed(shared.broken) != 0;
    state->acquisitions = relaxed(shared.acquisitions);
    state->contentions = relaxed(shared.contentions);
    state->releases = relaxed(shared.releases);
    if (ownedKind) {
        // Lock releases are not stored one by one (see syncshared.h): every level taken was given
        // back, except the current depth and what dead owners abandoned.
        state->releases += state->acquisitions - quint64(qMax(0, state->depth))
            - relaxed(shared.abandonedDepth);
    }
    state->heldNsTotal = relaxed(shared.heldNsTotal);
    state->heldSinceNs = state->held || !ownedKind ? relaxed(shared.heldSinceNs) : 0;
    state->ownerDiedRecoveries = relaxed(shared.ownerDiedRecoveries);
    state->lastDeadOwner = relaxed(shared.lastDeadOwner);
    state->creator = relaxed(shared.creator);
    state->createdNs = relaxed(shared.createdNs);
}

} // namespace

void readSharedState(const SyncShared &shared, SyncState *state)
{
    state->kind = syncKindName(SyncKind(shared.kind));
    state->consistent = false;
    for (int attempt = 0; attempt < kConsistentReadAttempts; ++attempt) {
        const quint32 before = shared.stateSeq.load(std::memory_order_acquire);
        if (before & 1u) {
            QThread::yieldCurrentThread();
            continue;
        }
        // The owned kinds' fast path writes no seqlock: the owner word and the acquisition count,
        // read on both sides of the copy, catch a hold that began or ended meanwhile.
        const quint64 acquisitionsBefore = shared.acquisitions.load(std::memory_order_acquire);
        const quint64 owner = shared.owner.load(std::memory_order_acquire);
        copyFields(shared, owner, state);
        std::atomic_thread_fence(std::memory_order_acquire);
        if (shared.owner.load(std::memory_order_relaxed) == owner
            && shared.acquisitions.load(std::memory_order_relaxed) == acquisitionsBefore
            && shared.stateSeq.load(std::memory_order_relaxed) == before) {
            state->consistent = true;
            break;
        }
    }
    if (!state->consistent)
        copyFields(shared, shared.owner.load(std::memory_order_acquire), state);
    // Waiters are pids; one that died while blocked is not waiting any more.
    state->waiting = liveWaiterCount(shared);
    // A holder that died still shows as holder until the next acquirer recovers the lock.
    state->ownerAlive = state->owner == 0 || processIsAlive(state->owner);
}

QString syncKindName(SyncKind kind)
{
    for (const KindName &entry : kKindNames) {
        if (entry.kind == kind)
            return QString::fromLatin1(entry.name);
    }
    return QStringLiteral("unknown");
}

bool syncKindFromName(const QString &name, SyncKind *kind)
{
    for (const KindName &entry : kKindNames) {
        if (name.compare(QLatin1String(entry.name), Qt::CaseInsensitive) == 0) {
            *kind = entry.kind;
            return true;
        }
    }
    return false;
}

QString syncSegmentName(const QString &name, QString *error)
{
    if (name.isEmpty()) {
        fail(error, QStringLiteral("a sync object name must not be empty"));
        return {};
    }
    if (name.contains(QLatin1Char('/')) || name.contains(QChar(0))) {
        fail(error, QStringLiteral("invalid sync object name '%1': no '/' or NUL allowed").arg(name));
        return {};
    }
    const QString shmName = kSegmentPrefix + name;
    if (shmName.toUtf8().size() > kMaxShmNameBytes) {
        fail(error, QStringLiteral("sync object name too long: '%1' would exceed %2 bytes")
                        .arg(shmName)
                        .arg(kMaxShmNameBytes));
        return {};
    }
    return shmName;
}

bool createSyncObject(const QString &name, SyncKind kind, int value, QString *error)
{
    switch (kind) {
    case SyncKind::Lock:
        return SharedLock::create(name, error) != nullptr;
    case SyncKind::RLock:
        return SharedRLock::create(name, error) != nullptr;
    case SyncKind::Semaphore:
        return SharedSemaphore::create(name, value, error) != nullptr;
    case SyncKind::BoundedSemaphore:
        return SharedSemaphore::createBounded(name, value, error) != nullptr;
    case SyncKind::Event:
        return SharedEvent::create(name, error) != nullptr;
    case SyncKind::Condition:
        return SharedCondition::create(name, error) != nullptr;
    case SyncKind::Barrier:
        return SharedBarrier::create(name, value, error) != nullptr;
    }
    return fail(error, QStringLiteral("unknown sync object kind"));
}

bool readSyncState(const QString &name, SyncState *state, QString *error)
{
    QString reason;
    const QString shmName = syncSegmentName(name, &reason);
    if (shmName.isEmpty())
        return fail(error, reason);
    // Read-only mapping: an observer cannot change the object even by mistake.
    auto region = ShmRegion::open(shmName, sizeof(SyncShared), true, &reason);
    if (!region) {
        return fail(error, reason.endsWith(QLatin1String("not found"))
                               ? QStringLiteral("no sync object named '%1'").arg(name)
                               : QStringLiteral("cannot read sync object '%1': %2").arg(name, reason));
    }
    const auto *shared = static_cast<const SyncShared *>(region->data());
    const auto *magic = reinterpret_cast<const std::atomic<quint64> *>(shared->header.magic);
    quint64 expected = 0;
    std::memcpy(&expected, kObjectMagic, sizeof expected);
    if (magic->load(std::memory_order_acquire) != expected || shared->header.version != kSyncSharedVersion
        || syncKindName(SyncKind(shared->kind)) != objectKindName(shared->header)) {
        return fail(error, QStringLiteral("'%1' is not a ShmScope sync object (or not finished yet)").arg(shmName));
    }
    *state = SyncState();
    readSharedState(*shared, state);
    state->name = name;
    return true;
}

QVector<SyncState> listSyncStates(const QString &shmDir)
{
    QVector<SyncState> states;
    const QStringList files = QDir(shmDir).entryList({kSegmentPrefix + QLatin1Char('*')},
                                                     QDir::Files | QDir::System, QDir::Name);
    for (const QString &file : files) {
        SyncState state;
        if (readSyncState(file.mid(kSegmentPrefix.size()), &state, nullptr))
            states.append(state);
    }
    return states;
}

bool removeSyncObject(const QString &name, QString *error)
{
    QString reason;
    const QString shmName = syncSegmentName(name, &reason);
    if (shmName.isEmpty())
        return fail(error, reason);
    if (!ShmRegion::unlinkName(shmName, &reason)) {
        return fail(error, reason.endsWith(QLatin1String("not found"))
                               ? QStringLiteral("no sync object named '%1'").arg(name)
                               : QStringLiteral("cannot remove sync object '%1': %2").arg(name, reason));
    }
    return true;
}

} // namespace ShmScope
