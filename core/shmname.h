#pragma once

#include <QString>

namespace ShmScope {

// POSIX shared-memory names: one optional leading '/', no other '/', not empty, at most 255 bytes
// (NAME_MAX of the file under /dev/shm). Returns the name without the leading '/' — the way it
// appears in /dev/shm and in Python's SharedMemory.name — or an empty string and a one-line reason.
QString normalizedShmName(const QString &name, QString *error = nullptr);

// The name as shm_open() wants it: "/" + normalized name.
QByteArray shmOpenName(const QString &normalizedName);

} // namespace ShmScope
