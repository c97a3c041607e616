#include "sharedsemaphore.h"
namespace ShmScope {
std::unique_ptr<SharedSemaphore> SharedSemaphore::create(const QString &, int, QString *) { return nullptr; }
std::unique_ptr<SharedSemaphore> SharedSemaphore::createBounded(const QString &, int, QString *) { return nullptr; }
std::unique_ptr<SharedSemaphore> SharedSemaphore::open(const QString &, QString *) { return nullptr; }
SyncResult SharedSemaphore::acquire(qint64, QString *) { return SyncResult::Error; }
bool SharedSemaphore::release(int, QString *) { return false; }
int SharedSemaphore::count() const { return 0; }
bool SharedSemaphore::isBounded() const { return false; }
}
