#pragma once

// The bytes of a sync object in shared memory: internal to core/sync. Every kind uses the same
// struct, so that one observer function reads them all.

#include "../objectheader.h"
#include "robustmutex.h"
#include "syncstate.h"

#include <atomic>
#include <cstddef>
#include <pthread.h>

namespace ShmScope {

constexpr quint32 kSyncSharedVersion = 3;
constexpr int kSyncNameBytes = 232;

using SharedI32 = std::atomic<qint32>;
using SharedU64 = std::atomic<quint64>;
using SharedI64 = std::atomic<qint64>;
static_assert(SharedI32::is_always_lock_free && SharedU64::is_always_lock_free
                  && SharedI64::is_always_lock_free,
              "atomics in shared memory must be lock-free to be address-free between processes");

// Layout version 3. Fields are written only by the holder of `mutex` (except the Lock's waiting
// and contention counters, which are atomic read-modify-writes), inside a seqlock (`stateSeq`, odd
// while a change is under way) so observers can take a consistent copy without locking anything.
struct SyncShared {
    ObjectHeader header;
    quint32 kind = 0; // SyncKind
    quint32 reserved = 0;
    // The mutex and what its holder writes on every acquire share cache lines, so that a lock
    // handed between processes moves two lines between cores, not four.
    // Lock, RLock, Condition: the lock itself. Other kinds: the guard of the fields below.
    alignas(64) pthread_mutex_t mutex;
    std::atomic<quint32> stateSeq{0};
    SharedI32 held{0};
    SharedI32 ownerPid{0};
    SharedI32 ownerTid{0};
    SharedI32 depth{0};
    SharedI32 waiting{0};
    // second line
    SharedU64 acquisitions{0};
    SharedU64 releases{0};
    SharedI64 heldSinceNs{0};
    SharedI64 heldNsTotal{0};
    SharedU64 contentions{0};
    SharedI32 count{0};
    SharedI32 guardPid{0}; // who holds the guard mutex right now (kinds whose mutex is a guard)
    SharedI32 flag{0};
    SharedI32 generation{0};
    SharedI32 broken{0};
    SharedI32 resetEpoch{0};
    // cold: set at creation, or touched only on rare events
    alignas(64) WakeSequence condition{0}; // unused by Lock and RLock
    SharedI32 initialCount{0};
    SharedI32 maxCount{0};
    SharedI32 parties{0};
    SharedI32 lastDeadOwner{0};
    SharedI32 creator{0};
    SharedU64 ownerDiedRecoveries{0};
    SharedI64 createdNs{0};
    char name[kSyncNameBytes] = {};
};
static_assert(offsetof(SyncShared, waiting) + sizeof(SharedI32) <= 128, "hot fields share the mutex's line");
static_assert(offsetof(SyncShared, resetEpoch) + sizeof(SharedI32) <= 192, "second hot line");

// Cheap updates for fields only the mutex holder writes: no locked instruction needed.
template<typename T, typename D>
inline void bumpOwned(std::atomic<T> &field, D delta)
{
    field.store(field.load(std::memory_order_relaxed) + T(delta), std::memory_order_relaxed);
}
template<typename T, typename V>
inline void setOwned(std::atomic<T> &field, V value)
{
    field.store(T(value), std::memory_order_relaxed);
}

// The seqlock around a change of the observable fields (the mutex must be held).
class StateWrite {
public:
    explicit StateWrite(SyncShared &shared) : m_shared(shared)
    {
        const quint32 seq = m_shared.stateSeq.load(std::memory_order_relaxed);
        // An owner that died mid-change left it odd: start from the next even value.
        m_next = (seq | 1u) + 1u;
        m_shared.stateSeq.store(m_next - 1u, std::memory_order_relaxed);
        std::atomic_thread_fence(std::memory_order_release);
    }
    ~StateWrite() { m_shared.stateSeq.store(m_next, std::memory_order_release); }
    StateWrite(const StateWrite &) = delete;
    StateWrite &operator=(const StateWrite &) = delete;

private:
    SyncShared &m_shared;
    quint32 m_next;
};

// Fills state from shared without writing anything.
void readSharedState(const SyncShared &shared, SyncState *state);

} // namespace ShmScope
