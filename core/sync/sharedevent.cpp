#include "sharedevent.h"
namespace ShmScope {
std::unique_ptr<SharedEvent> SharedEvent::create(const QString &, QString *) { return nullptr; }
std::unique_ptr<SharedEvent> SharedEvent::open(const QString &, QString *) { return nullptr; }
bool SharedEvent::set(QString *) { return false; }
bool SharedEvent::clear(QString *) { return false; }
bool SharedEvent::isSet() const { return false; }
SyncResult SharedEvent::wait(qint64, QString *) { return SyncResult::Error; }
}
