#pragma once

// The owned-lock logic that Lock, RLock and Condition's lock share: a robust process-shared mutex
// whose holder publishes itself (pid, tid, depth, since when) for observers. Internal to core/sync.

#include "syncstate.h"

namespace ShmScope {

struct SyncShared;

enum class Reentry { Refused, Allowed };

struct OwnedLockResult {
    SyncResult result = SyncResult::Error;
    bool recoveredFromDeadOwner = false;
    int depth = 0;
    QString error;
};

OwnedLockResult acquireOwnedLock(SyncShared &shared, const QString &name, qint64 timeoutMs, Reentry reentry);
// Releases one level (RLock) or the lock; false with a message when this thread is not the owner.
bool releaseOwnedLock(SyncShared &shared, const QString &name, int *depthAfter, QString *error);
bool ownedByCurrentThread(const SyncShared &shared);

// For Condition::wait(): the bookkeeping of giving the lock up while waiting and taking it back.
void publishReleased(SyncShared &shared);
void publishAcquired(SyncShared &shared, bool recoveredFromDeadOwner, qint64 nowCoarseNs);

} // namespace ShmScope
