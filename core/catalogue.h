#pragma once

#include <QDateTime>
#include <QString>
#include <QVector>
#include <sys/types.h>

namespace ShmScope {

// One process's mapping of a block, read from /proc/PID/maps.
struct ProcessMapping {
    pid_t pid = 0;
    QString command;     // /proc/PID/comm
    quintptr start = 0;
    quintptr end = 0;
    QString permissions; // "rw-s"
    qint64 fileOffset = 0;
    bool deleted = false; // mapped after unlink: "(deleted)" in maps
};

// One entry of /dev/shm.
struct CatalogueEntry {
    QString name;        // as in /dev/shm, no leading '/'
    qint64 size = 0;
    uint mode = 0;       // permission bits
    uint uid = 0;
    QString owner;       // user name
    QDateTime lastChange;
    quint64 inode = 0;
    // "python" (psm_*), "semaphore" (sem.*), a ShmScope object's ObjectHeader::kindName ("Lock",
    // "OpLog", ...), else "data".
    QString kind;
    QVector<ProcessMapping> mappings;
};

// Scans dir (default /dev/shm) and every readable /proc/*/maps. Never throws, skips vanished processes.
QVector<CatalogueEntry> scanCatalogue(const QString &shmDir = QStringLiteral("/dev/shm"));
// The mappings of one block, matched by inode (so unlinked-but-mapped blocks are found too).
QVector<ProcessMapping> scanMappings(quint64 inode);

} // namespace ShmScope
