#pragma once

#include "synchandle.h"

namespace ShmScope {

// Python's Semaphore and BoundedSemaphore: a counter guarded by a robust process-shared mutex,
// waiters sleeping on a futex wake sequence, so the count and the number waiting are plain fields
// an observer can read. (sem_t would hide its waiters and cannot report who waits.)
class SharedSemaphore : public SyncHandle {
public:
    // value >= 0 (Python: ValueError: semaphore initial value must be >= 0).
    static std::unique_ptr<SharedSemaphore> create(const QString &name, int value, QString *error);
    // A BoundedSemaphore: releasing it past value is an error.
    static std::unique_ptr<SharedSemaphore> createBounded(const QString &name, int value,
                                                          QString *error);
    // Opens either kind.
    static std::unique_ptr<SharedSemaphore> open(const QString &name, QString *error);

    // Waits until the count is > 0, then lowers it.
    SyncResult acquire(qint64 timeoutMs, QString *error = nullptr);
    // Raises the count by n and wakes up to n waiters. Bounded: refused when the count would pass
    // the maximum (Python: ValueError: Semaphore released too many times), nothing changed.
    bool release(int n = 1, QString *error = nullptr);

    int count() const;
    bool isBounded() const;

private:
    using SyncHandle::SyncHandle;
};

} // namespace ShmScope
