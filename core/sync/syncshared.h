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

constexpr quint32 kSyncSharedVersion = 4;
constexpr int kSyncNameBytes = 232;
// Processes that can be counted as waiting on one object by pid (see waiterslots.h); waiters past
// this many are only counted, so a killed one among them would stay counted.
constexpr int kWaiterSlots = 64;

using SharedI32 = std::atomic<qint32>;
using SharedU64 = std::atomic<quint64>;
using SharedI64 = std::atomic<qint64>;
static_assert(SharedI32::is_always_lock_free && SharedU64::is_always_lock_free
                  && SharedI64::is_always_lock_free,
              "atomics in shared memory must be lock-free to be address-free between processes");

// Layout version 4.
//
// Lock, RLock and Condition (the "owned" kinds): an uncontended acquire + release writes only the
// first cache line, which the mutex's own compare-and-swap has just brought to this core: owner,
// depth, acquisitions and the hold-timing countdown, each with one plain store (only the holder
// writes them). The owner word is the single store that publishes "held by pid/tid" (release
// order, after depth), so observers need no seqlock for it. Releases are not stored per release:
// releases = acquisitions - depth - abandonedDepth (levels a dead owner never released).
//
// Hold times are sampled so that the fast path reads no clock (see ownedlock.cpp): a timed hold
// writes heldSinceNs / heldNsTotal on the second line.
//
// Everything else (guard kinds' fields, contention, recoveries) changes under `mutex` inside a
// seqlock (`stateSeq`, odd while a change is under way) so observers copy it consistently without
// locking anything. waiting is not a counter but a table of waiter pids, so that a waiter killed
// while blocked stops counting the moment it is dead.
struct SyncShared {
    ObjectHeader header;
    quint32 kind = 0; // SyncKind
    quint32 reserved = 0;

    // First line. Lock, RLock, Condition: the lock itself. Other kinds: the guard of the fields.
    alignas(64) pthread_mutex_t mutex;
    SharedU64 owner{0};         // (pid << 32) | tid of the holder, 0 when free (owned kinds)
    SharedI32 depth{0};         // RLock: times the owner holds it; Lock, Condition: 1 while held
    SharedI32 untilTimedHold{0}; // acquisitions left before the next timed hold; -1: this one is
    SharedU64 acquisitions{0};

    // Second line: contended path, timed holds, guard kinds.
    alignas(64) std::atomic<quint32> stateSeq{0};
    SharedI32 waiterSlotsInUse{0}; // slots holding a pid, live or dead (wake decisions)
    SharedU64 contentions{0};
    SharedU64 releases{0}; // guard kinds: release/set/barrier passes; owned kinds: notifies only
    SharedI64 heldSinceNs{0}; // CLOCK_MONOTONIC start of the current hold if it is timed, else 0
    SharedI64 heldNsTotal{0};
    SharedI32 timedHoldWeight{1}; // holds the next timed hold stands for (1, or the sampling period)
    SharedI32 count{0};
    SharedI32 guardPid{0}; // who holds the guard mutex right now (kinds whose mutex is a guard)
    SharedI32 flag{0};
    SharedI32 generation{0};
    SharedI32 broken{0};

    // Cold: set at creation, or touched only on rare events.
    alignas(64) WakeSequence condition{0}; // unused by Lock and RLock
    SharedI32 resetEpoch{0};
    SharedI32 initialCount{0};
    SharedI32 maxCount{0};
    SharedI32 parties{0};
    SharedI32 lastDeadOwner{0};
    SharedI32 creator{0};
    SharedI32 waitingOverflow{0}; // waiters that found every slot taken
    SharedU64 ownerDiedRecoveries{0};
    SharedU64 abandonedDepth{0};
    SharedI64 createdNs{0};
    alignas(64) SharedI32 waiterPids[kWaiterSlots] = {};
    char name[kSyncNameBytes] = {};
};
static_assert(sizeof(pthread_mutex_t) == 40, "the owned-lock fast path fits the mutex's cache line");
static_assert(offsetof(SyncShared, acquisitions) + sizeof(SharedU64) == offsetof(SyncShared, mutex) + 64,
              "owner, depth, countdown and acquisitions share the mutex's cache line");
static_assert(offsetof(SyncShared, broken) + sizeof(SharedI32) <= offsetof(SyncShared, stateSeq) + 64,
              "second line");

inline pid_t ownerPidOf(quint64 word)
{
    return pid_t(word >> 32);
}
inline pid_t ownerTidOf(quint64 word)
{
    return pid_t(word & 0xffffffffu);
}

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
