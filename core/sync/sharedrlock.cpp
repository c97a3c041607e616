#include "sharedrlock.h"
namespace ShmScope {
std::unique_ptr<SharedRLock> SharedRLock::create(const QString &, QString *) { return nullptr; }
std::unique_ptr<SharedRLock> SharedRLock::open(const QString &, QString *) { return nullptr; }
SyncResult SharedRLock::acquire(qint64, QString *) { return SyncResult::Error; }
bool SharedRLock::release(QString *) { return false; }
int SharedRLock::depth() const { return 0; }
bool SharedRLock::isHeldByMe() const { return false; }
}
