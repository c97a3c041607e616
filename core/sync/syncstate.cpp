#include "syncstate.h"
namespace ShmScope {
QString syncKindName(SyncKind) { return {}; }
bool syncKindFromName(const QString &, SyncKind *) { return false; }
QString syncSegmentName(const QString &, QString *) { return {}; }
bool createSyncObject(const QString &, SyncKind, int, QString *) { return false; }
bool readSyncState(const QString &, SyncState *, QString *) { return false; }
QVector<SyncState> listSyncStates(const QString &) { return {}; }
bool removeSyncObject(const QString &, QString *) { return false; }
}
