#pragma once

#include "synchandle.h"

namespace ShmScope {

// Python's Event: a flag that set() raises and clear() lowers; wait() blocks until it is set.
class SharedEvent : public SyncHandle {
public:
    static std::unique_ptr<SharedEvent> create(const QString &name, QString *error);
    static std::unique_ptr<SharedEvent> open(const QString &name, QString *error);

    bool set(QString *error = nullptr);   // wakes every waiter
    bool clear(QString *error = nullptr);
    bool isSet() const;
    // Ok when the flag is (or becomes) set within timeoutMs, TimedOut otherwise
    // (Python's wait() returning True / False).
    SyncResult wait(qint64 timeoutMs, QString *error = nullptr);

private:
    using SyncHandle::SyncHandle;
};

} // namespace ShmScope
