#include "sharedcondition.h"
namespace ShmScope {
std::unique_ptr<SharedCondition> SharedCondition::create(const QString &, QString *) { return nullptr; }
std::unique_ptr<SharedCondition> SharedCondition::open(const QString &, QString *) { return nullptr; }
SyncResult SharedCondition::acquire(qint64, QString *) { return SyncResult::Error; }
bool SharedCondition::release(QString *) { return false; }
bool SharedCondition::isHeldByMe() const { return false; }
SyncResult SharedCondition::wait(qint64, QString *) { return SyncResult::Error; }
bool SharedCondition::notify(int, QString *) { return false; }
bool SharedCondition::notifyAll(QString *) { return false; }
qint64 SharedCondition::nowMs() { return 0; }
}
