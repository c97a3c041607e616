#pragma once

// Who waits on a sync object, by pid: internal to core/sync.
//
// A plain "waiting" counter lies after a waiter is SIGKILLed while blocked: nobody is left to count
// it down, so it stays counted for ever, and a Barrier would open one party early. Instead each
// waiter claims a slot of SyncShared::waiterPids with compare-and-swap and clears it when it stops
// waiting; a slot whose pid is dead (kill(pid, 0) == ESRCH, or a zombie) is not a waiter. Observers
// (read-only mappings) skip dead slots; processes with write access purge them.

#include <sys/types.h>

namespace ShmScope {

struct SyncShared;

// Holds one slot for the scope of a wait. The slot is cleared on destruction unless forget() was
// called (a Barrier whose generation opened, or that was reset, has cleared the table itself).
class WaiterSlot {
public:
    explicit WaiterSlot(SyncShared &shared);
    ~WaiterSlot();
    WaiterSlot(const WaiterSlot &) = delete;
    WaiterSlot &operator=(const WaiterSlot &) = delete;

    void forget() { m_forgotten = true; }

private:
    SyncShared &m_shared;
    int m_index = -1; // -1: every slot was taken; counted in waitingOverflow instead
    pid_t m_pid = 0;
    bool m_forgotten = false;
};

// Waiters whose process is alive, plus the overflow count. Writes nothing.
int liveWaiterCount(const SyncShared &shared);
// Clears the slots of dead processes; returns how many live waiters remain (overflow included).
int purgeDeadWaiters(SyncShared &shared);
// Cheap upper bound for wake decisions: slots in use, dead ones included, plus the overflow.
int waiterUpperBound(const SyncShared &shared);
// Empties the table (a Barrier opening a generation, or reset()).
void clearWaiters(SyncShared &shared);

} // namespace ShmScope
