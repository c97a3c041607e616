#pragma once

#include "synchandle.h"

namespace ShmScope {

// Python's Barrier: parties processes call wait(); the last to arrive releases them all and the
// generation counts up by one. A wait that times out breaks the barrier for everyone (Python:
// BrokenBarrierError) until reset().
//
// A party killed while it waits has left the barrier, as a Python thread whose wait() is
// interrupted leaves it (`finally: self._count -= 1`): it no longer counts as arrived, so the round
// still needs `parties` live arrivals (it never opens early) and the barrier is not broken.
// Multiprocessing's own Barrier keeps counting such a party and opens the next round one early.
class SharedBarrier : public SyncHandle {
public:
    static std::unique_ptr<SharedBarrier> create(const QString &name, int parties, QString *error);
    static std::unique_ptr<SharedBarrier> open(const QString &name, QString *error);

    // Ok with *arrivalIndex in 0 .. parties-1 (Python's return value); Broken when the barrier was
    // or became broken; TimedOut is never returned (a timeout breaks it: Broken).
    SyncResult wait(qint64 timeoutMs, int *arrivalIndex = nullptr, QString *error = nullptr);
    // Python's reset(): waiters now get Broken, the barrier is whole and empty again.
    bool reset(QString *error = nullptr);
    // Python's abort(): breaks it for everyone.
    bool abort(QString *error = nullptr);

    int parties() const;
    int generation() const;
    int waiting() const; // live parties waiting now
    bool isBroken() const;

private:
    using SyncHandle::SyncHandle;
};

} // namespace ShmScope
