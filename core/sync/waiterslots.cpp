#include "waiterslots.h"

#include "robustmutex.h"
#include "syncshared.h"

namespace ShmScope {

namespace {

int claimFreeSlot(SyncShared &shared, pid_t pid)
{
    for (int i = 0; i < kWaiterSlots; ++i) {
        qint32 expected = 0;
        if (shared.waiterPids[i].load(std::memory_order_relaxed) == 0
            && shared.waiterPids[i].compare_exchange_strong(expected, pid, std::memory_order_acq_rel)) {
            shared.waiterSlotsInUse.fetch_add(1, std::memory_order_relaxed);
            return i;
        }
    }
    return -1;
}

} // namespace

WaiterSlot::WaiterSlot(SyncShared &shared) : m_shared(shared), m_pid(currentPid())
{
    m_index = claimFreeSlot(shared, m_pid);
    if (m_index < 0) {
        // Full: dead waiters may be what fills it.
        purgeDeadWaiters(shared);
        m_index = claimFreeSlot(shared, m_pid);
    }
    if (m_index < 0)
        shared.waitingOverflow.fetch_add(1, std::memory_order_relaxed);
}

WaiterSlot::~WaiterSlot()
{
    if (m_forgotten)
        return;
    if (m_index < 0) {
        m_shared.waitingOverflow.fetch_sub(1, std::memory_order_relaxed);
        return;
    }
    qint32 expected = m_pid;
    if (m_shared.waiterPids[m_index].compare_exchange_strong(expected, 0, std::memory_order_acq_rel))
        m_shared.waiterSlotsInUse.fetch_sub(1, std::memory_order_relaxed);
}

int liveWaiterCount(const SyncShared &shared)
{
    int live = qMax(0, shared.waitingOverflow.load(std::memory_order_relaxed));
    for (const SharedI32 &slot : shared.waiterPids) {
        const pid_t pid = slot.load(std::memory_order_relaxed);
        if (pid != 0 && processIsAlive(pid))
            ++live;
    }
    return live;
}

int purgeDeadWaiters(SyncShared &shared)
{
    int live = qMax(0, shared.waitingOverflow.load(std::memory_order_relaxed));
    for (SharedI32 &slot : shared.waiterPids) {
        qint32 pid = slot.load(std::memory_order_relaxed);
        if (pid == 0)
            continue;
        if (processIsAlive(pid)) {
            ++live;
        } else if (slot.compare_exchange_strong(pid, 0, std::memory_order_acq_rel)) {
            shared.waiterSlotsInUse.fetch_sub(1, std::memory_order_relaxed);
        }
    }
    return live;
}

int waiterUpperBound(const SyncShared &shared)
{
    return qMax(0, shared.waiterSlotsInUse.load(std::memory_order_relaxed))
        + qMax(0, shared.waitingOverflow.load(std::memory_order_relaxed));
}

void clearWaiters(SyncShared &shared)
{
    for (SharedI32 &slot : shared.waiterPids)
        slot.store(0, std::memory_order_relaxed);
    shared.waiterSlotsInUse.store(0, std::memory_order_relaxed);
    shared.waitingOverflow.store(0, std::memory_order_relaxed);
}

} // namespace ShmScope
