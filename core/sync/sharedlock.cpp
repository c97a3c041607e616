#include "sharedlock.h"
namespace ShmScope {
std::unique_ptr<SharedLock> SharedLock::create(const QString &, QString *) { return nullptr; }
std::unique_ptr<SharedLock> SharedLock::open(const QString &, QString *) { return nullptr; }
SyncResult SharedLock::acquire(qint64, QString *) { return SyncResult::Error; }
bool SharedLock::release(QString *) { return false; }
bool SharedLock::isHeldByMe() const { return false; }
}
