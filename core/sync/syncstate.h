#pragma once

#include <QString>
#include <QVector>
#include <sys/types.h>

namespace ShmScope {

// The synchronisation objects of Python's multiprocessing / threading, as ShmScope builds them in
// shared memory. Each lives in its own segment "shmscope.sync.<NAME>" (the way POSIX named
// semaphores live as /dev/shm/sem.NAME), so any process can create or find it by name.
enum class SyncKind { Lock, RLock, Semaphore, BoundedSemaphore, Event, Condition, Barrier };

// Every wait takes a timeout in milliseconds; waiting without end must be asked for by name.
constexpr qint64 kWaitForever = -1;

// The outcome of a blocking call.
enum class SyncResult {
    Ok,       // acquired / flag set / notified / barrier passed
    TimedOut, // the timeout passed first (Event::wait: the flag stayed clear)
    Broken,   // Barrier only: Python's BrokenBarrierError (a timeout, an abort or a reset)
    Error     // misuse or a system error; the message says which in one line
};

// Everything an observer can see of one object, read without taking any of its locks
// (plain atomic loads from a read-only mapping), so watching never changes what is watched.
// Fields that do not apply to a kind stay 0 / false.
struct SyncState {
    QString name;           // NAME, without the "shmscope.sync." prefix
    QString kind;           // "Lock", "RLock", "Semaphore", "BoundedSemaphore", "Event", "Condition", "Barrier"
    bool held = false;      // Lock, RLock, Condition: its lock is held
    pid_t owner = 0;        // the holder's pid (Lock, RLock, Condition), 0 when free
    pid_t ownerTid = 0;     // the holder's thread id
    bool ownerAlive = true; // false: the holder died holding it; the next acquirer recovers it
    int depth = 0;          // RLock: how many times the owner has acquired it
    int waiting = 0;        // live processes blocked in acquire / wait right now (a waiter killed
                            // while blocked stops counting at once: waiters are kept by pid)
    int count = 0;          // Semaphore, BoundedSemaphore: the counter's value
    int initialCount = 0;   // Semaphore: the value given at creation
    int maxCount = 0;       // BoundedSemaphore: release beyond this is an error (Python: ValueError)
    bool flag = false;      // Event
    int parties = 0;        // Barrier
    int generation = 0;     // Barrier: rounds completed
    bool broken = false;    // Barrier: broken by a timeout or abort, until reset
    quint64 acquisitions = 0;        // successful acquire / wait-passes
    quint64 contentions = 0;         // acquires that found it taken and had to wait
    quint64 releases = 0;            // release / set / notify / post calls that did something
    // Hold times (Lock, RLock, Condition) are sampled so that acquiring reads no clock: the first
    // hold, and every hold after one of 20 us or more, is timed exactly with CLOCK_MONOTONIC; among
    // shorter holds one in 256 is timed and counted 256 times (an estimate over many holds).
    qint64 heldNsTotal = 0;          // total time held, over all completed holds
    qint64 heldSinceNs = 0;          // CLOCK_MONOTONIC when the current hold began; 0 when free or
                                     // when this hold is not timed
    quint64 ownerDiedRecoveries = 0; // times an acquirer found the owner dead and recovered it
    pid_t lastDeadOwner = 0;         // the pid of the last owner that died holding it
    pid_t creator = 0;
    qint64 createdNs = 0;            // CLOCK_MONOTONIC
    bool consistent = true;          // false when a writer kept changing it while it was read
};

// "Lock" ... "Barrier"; fromName accepts these (case-insensitive) and returns false otherwise.
QString syncKindName(SyncKind kind);
bool syncKindFromName(const QString &name, SyncKind *kind);

// "shmscope.sync.NAME" (as in /dev/shm), or an empty string and a one-line reason for a bad NAME.
QString syncSegmentName(const QString &name, QString *error = nullptr);

// Creates an object of any kind by name, for the CLI and the GUI. value is the Semaphore's initial
// count, the BoundedSemaphore's initial = maximum count, or the Barrier's parties (ignored otherwise).
bool createSyncObject(const QString &name, SyncKind kind, int value, QString *error);

// Reads one object's state by name without changing it (the segment is mapped read-only).
bool readSyncState(const QString &name, SyncState *state, QString *error);

// Every ShmScope sync object in shmDir (files "shmscope.sync.*"), sorted by name. Unreadable or
// foreign files are skipped.
QVector<SyncState> listSyncStates(const QString &shmDir = QStringLiteral("/dev/shm"));

// Removes the name (like sem_unlink): processes that have it open keep working on it.
bool removeSyncObject(const QString &name, QString *error);

} // namespace ShmScope
