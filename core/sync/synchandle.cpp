#include "synchandle.h"
#include "shmregion.h"
namespace ShmScope {
SyncHandle::SyncHandle(std::unique_ptr<ShmRegion> region, SyncShared *shared, const QString &name)
    : m_region(std::move(region)), m_shared(shared), m_name(name) {}
SyncHandle::~SyncHandle() = default;
QString SyncHandle::name() const { return m_name; }
SyncKind SyncHandle::kind() const { return SyncKind::Lock; }
SyncState SyncHandle::state() const { return {}; }
void SyncHandle::setOpLog(OpLog *log) { m_opLog = log; }
}
