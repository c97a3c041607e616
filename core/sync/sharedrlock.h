#pragma once

#include "synchandle.h"

namespace ShmScope {

// Python's RLock — the lock every multiprocessing.Value and Array carries by default. Re-entrant:
// the owning thread (pid + tid) may acquire it again, raising depth; it is free again when released
// as many times. Built on one robust process-shared mutex, so a dead owner is recovered like
// SharedLock's (depth starts again at 1 for the recovering acquirer).
class SharedRLock : public SyncHandle {
public:
    static std::unique_ptr<SharedRLock> create(const QString &name, QString *error);
    static std::unique_ptr<SharedRLock> open(const QString &name, QString *error);

    SyncResult acquire(qint64 timeoutMs, QString *error = nullptr);
    // Lowers depth by one, frees it at 0. False when this thread does not own it
    // (Python: RuntimeError: cannot release un-acquired lock).
    bool release(QString *error = nullptr);

    int depth() const;       // as seen by anyone
    bool isHeldByMe() const;

private:
    using SyncHandle::SyncHandle;
};

} // namespace ShmScope
