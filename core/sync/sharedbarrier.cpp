#include "sharedbarrier.h"
namespace ShmScope {
std::unique_ptr<SharedBarrier> SharedBarrier::create(const QString &, int, QString *) { return nullptr; }
std::unique_ptr<SharedBarrier> SharedBarrier::open(const QString &, QString *) { return nullptr; }
SyncResult SharedBarrier::wait(qint64, int *, QString *) { return SyncResult::Error; }
bool SharedBarrier::reset(QString *) { return false; }
bool SharedBarrier::abort(QString *) { return false; }
int SharedBarrier::parties() const { return 0; }
int SharedBarrier::generation() const { return 0; }
int SharedBarrier::waiting() const { return 0; }
bool SharedBarrier::isBroken() const { return false; }
}
