#pragma once

#include "syncstate.h"

#include <memory>

namespace ShmScope {

class OpLog;
class ShmRegion;
struct SyncShared;

// What every sync object handle shares: the mapping of its segment, its name and kind, an
// observer's view of its state, and an optional operation log that acquire/release calls record
// into. A handle never unlinks its object (removeSyncObject() does, like sem_unlink); dropping the
// handle only unmaps it — after releasing a Lock, RLock or Condition lock this thread still holds
// through it, because a robust mutex that its dead owner no longer mapped could never be recovered.
// Handles are not copyable; move them with std::unique_ptr.
//
// A handle may be used by several threads of one process, and it stays valid in a fork()ed child
// (the mapping is inherited and pids are looked up fresh after fork).
class SyncHandle {
public:
    virtual ~SyncHandle();
    SyncHandle(const SyncHandle &) = delete;
    SyncHandle &operator=(const SyncHandle &) = delete;

    QString name() const;
    SyncKind kind() const;
    SyncState state() const; // the same lock-free read readSyncState() does

    // Records each operation of this handle (ACQUIRE, RELEASE, WAIT, SET, ...) into log when it is
    // not null; target is this object's id (a hash of its name), the tag its name. The log must
    // outlive the handle or be reset to nullptr first.
    void setOpLog(OpLog *log);
    OpLog *opLog() const { return m_opLog; }
    quint64 objectId() const { return m_objectId; }

protected:
    SyncHandle(std::unique_ptr<ShmRegion> region, SyncShared *shared, const QString &name);
    // Opens or creates the segment of NAME with the state struct initialised for kind;
    // the error names the object. Used by the subclasses' create() / open().
    static std::unique_ptr<ShmRegion> createRegion(const QString &name, SyncKind kind, int value,
                                                   QString *error);
    static std::unique_ptr<ShmRegion> openRegion(const QString &name, SyncKind expectedKind,
                                                 QString *error);
    static SyncShared *sharedOf(ShmRegion &region);

    void record(int opCode, qint64 oldValue, qint64 newValue) const;
    void setError(QString *error, const QString &message) const;

    std::unique_ptr<ShmRegion> m_region;
    SyncShared *m_shared = nullptr;
    QString m_name;
    OpLog *m_opLog = nullptr;
    quint64 m_objectId = 0;
};

} // namespace ShmScope
