#include "catalogue.h"

#include "objectheader.h"

#include <QHash>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace ShmScope {

namespace {

const char kDefaultShmDirectory[] = "/dev/shm";

// Closes a descriptor or directory stream on every path out of a function.
struct FdCloser {
    int fd;
    ~FdCloser()
    {
        if (fd >= 0)
            ::close(fd);
    }
};
struct DirCloser {
    DIR *dir;
    ~DirCloser()
    {
        if (dir)
            ::closedir(dir);
    }
};

// Reads a whole small file of /proc (its size is reported as 0, so stat cannot tell how much).
// Returns false when the process vanished or hides its maps from us.
bool readProcFile(const char *path, QByteArray *contents)
{
    const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    FdCloser closer { fd };
    contents->resize(0);
    qsizetype used = 0;
    for (;;) {
        if (contents->size() - used < 16384)
            contents->resize(qMax<qsizetype>(65536, contents->size() * 2));
        const ssize_t n = ::read(fd, contents->data() + used, size_t(contents->size() - used));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        if (n == 0)
            break;
        used += n;
    }
    contents->resize(used);
    return true;
}

QString processCommand(pid_t pid)
{
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%d/comm", int(pid));
    QByteArray comm;
    if (!readProcFile(path, &comm))
        return QString();
    return QString::fromLocal8Bit(comm.trimmed());
}

QString userName(uid_t uid, QHash<uint, QString> *cache)
{
    const auto cached = cache->constFind(uint(uid));
    if (cached != cache->constEnd())
        return *cached;
    struct passwd entry;
    struct passwd *found = nullptr;
    char buffer[4096];
    QString name;
    if (::getpwuid_r(uid, &entry, buffer, sizeof buffer, &found) == 0 && found)
        name = QString::fromLocal8Bit(found->pw_name);
    else
        name = QString::number(uid); // no passwd entry (a container's uid): show the number, as ls does
    cache->insert(uint(uid), name);
    return name;
}

QString blockKind(const QByteArray &name, int directoryFd, qint64 size)
{
    // Python's SharedMemory names its blocks psm_ + 8 hex digits; glibc's sem_open puts a named
    // semaphore in /dev/shm as sem.NAME.
    if (name.startsWith("psm_"))
        return QStringLiteral("python");
    if (name.startsWith("sem."))
        return QStringLiteral("semaphore");
    if (size < qint64(sizeof(ObjectHeader)))
        return QStringLiteral("data");
    // pread, never mmap: the block may be truncated while we look, and a mapping would SIGBUS.
    const int fd = ::openat(directoryFd, name.constData(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return QStringLiteral("data");
    FdCloser closer { fd };
    ObjectHeader header;
    if (::pread(fd, &header, sizeof header, 0) == ssize_t(sizeof header) && isShmScopeObject(header))
        return objectKindName(header);
    return QStringLiteral("data");
}

// One mapping of a /dev/shm file, as one line of /proc/PID/maps tells it:
// "7f2a1c000000-7f2a1c001000 rw-s 00000000 00:1a 1234567   /dev/shm/name (deleted)"
struct MapsLine {
    quintptr start = 0;
    quintptr end = 0;
    char permissions[5] = {};
    qint64 offset = 0;
    dev_t device = 0;
    quint64 inode = 0;
    bool deleted = false;
};

bool parseMapsLine(const char *line, const char *lineEnd, MapsLine *out)
{
    unsigned long long start, end, offset, inode;
    unsigned int major, minor;
    char permissions[5];
    int consumed = 0;
    // The line is not NUL-terminated inside the buffer; sscanf stops at the path, which we never
    // parse with it, and the fields before the path are bounded by the kernel's format.
    if (std::sscanf(line, "%llx-%llx %4s %llx %x:%x %llu%n", &start, &end, permissions, &offset, &major,
            &minor, &inode, &consumed)
        != 7)
        return false;
    if (line + consumed > lineEnd)
        return false;
    out->start = quintptr(start);
    out->end = quintptr(end);
    std::memcpy(out->permissions, permissions, sizeof permissions);
    out->offset = qint64(offset);
    out->device = makedev(major, minor);
    out->inode = quint64(inode);
    static const char deletedMark[] = " (deleted)";
    const size_t markLength = sizeof deletedMark - 1;
    out->deleted = size_t(lineEnd - line) >= markLength
        && std::memcmp(lineEnd - markLength, deletedMark, markLength) == 0;
    return true;
}

// Calls onMapping(pid, line) for every mapping of a file under /dev/shm on `device`, in every
// process whose maps we may read. Each maps file is read once; only lines naming /dev/shm/ are parsed.
template <typename OnMapping> void forEachShmMapping(dev_t device, OnMapping onMapping)
{
    DIR *proc = ::opendir("/proc");
    if (!proc)
        return;
    DirCloser closer { proc };
    QByteArray maps;
    static const char needle[] = "/dev/shm/";
    const size_t needleLength = sizeof needle - 1;
    while (const dirent *entry = ::readdir(proc)) {
        char *digitsEnd = nullptr;
        const long pid = std::strtol(entry->d_name, &digitsEnd, 10);
        if (pid <= 0 || *digitsEnd != '\0')
            continue;
        char path[64];
        std::snprintf(path, sizeof path, "/proc/%ld/maps", pid);
        if (!readProcFile(path, &maps)) // vanished, or not ours to read: skip silently
            continue;
        const char *begin = maps.constData();
        const char *end = begin + maps.size();
        const char *cursor = begin;
        while (const void *hit = ::memmem(cursor, size_t(end - cursor), needle, needleLength)) {
            const char *at = static_cast<const char *>(hit);
            const char *lineStart = at;
            while (lineStart > begin && lineStart[-1] != '\n')
                --lineStart;
            const char *lineEnd = static_cast<const char *>(std::memchr(at, '\n', size_t(end - at)));
            if (!lineEnd)
                lineEnd = end;
            MapsLine line;
            if (parseMapsLine(lineStart, lineEnd, &line) && line.device == device)
                onMapping(pid_t(pid), line);
            cursor = lineEnd;
        }
    }
}

ProcessMapping toProcessMapping(pid_t pid, const MapsLine &line, QHash<pid_t, QString> *commands)
{
    ProcessMapping mapping;
    mapping.pid = pid;
    auto command = commands->constFind(pid);
    if (command == commands->constEnd())
        command = commands->insert(pid, processCommand(pid));
    mapping.command = *command;
    mapping.start = line.start;
    mapping.end = line.end;
    mapping.permissions = QString::fromLatin1(line.permissions);
    mapping.fileOffset = line.offset;
    mapping.deleted = line.deleted;
    return mapping;
}

} // namespace

QVector<CatalogueEntry> scanCatalogue(const QString &shmDir)
{
    QVector<CatalogueEntry> entries;
    const QByteArray directoryPath = shmDir.toLocal8Bit();
    DIR *directory = ::opendir(directoryPath.constData());
    if (!directory)
        return entries;
    DirCloser closer { directory };
    const int directoryFd = ::dirfd(directory);
    struct stat directoryStat;
    if (::fstat(directoryFd, &directoryStat) != 0)
        return entries;

    QHash<uint, QString> userNames;
    QHash<quint64, int> entryByInode;
    while (const dirent *item = ::readdir(directory)) {
        const QByteArray name(item->d_name);
        if (name == "." || name == "..")
            continue;
        struct stat st;
        // A block may be unlinked between readdir and fstatat: skip it, it is gone.
        if (::fstatat(directoryFd, item->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode))
            continue;
        CatalogueEntry entry;
        entry.name = QString::fromLocal8Bit(name);
        entry.size = qint64(st.st_size);
        entry.mode = uint(st.st_mode & 07777);
        entry.uid = uint(st.st_uid);
        entry.owner = userName(st.st_uid, &userNames);
        entry.lastChange
            = QDateTime::fromMSecsSinceEpoch(qint64(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1000000);
        entry.inode = quint64(st.st_ino);
        entry.kind = blockKind(name, directoryFd, entry.size);
        entryByInode.insert(entry.inode, int(entries.size()));
        entries.append(entry);
    }

    QHash<pid_t, QString> commands;
    forEachShmMapping(directoryStat.st_dev, [&](pid_t pid, const MapsLine &line) {
        const auto found = entryByInode.constFind(line.inode);
        if (found == entryByInode.constEnd())
            return;
        ProcessMapping mapping = toProcessMapping(pid, line, &commands);
        // A live inode keeps its number, so this is the listed block. "(deleted)" then only means
        // the name it was mapped through is gone: glibc's sem_open maps a temporary file and links it
        // to sem.NAME afterwards. The block itself still has a name.
        mapping.deleted = false;
        entries[*found].mappings.append(mapping);
    });
    return entries;
}

QVector<ProcessMapping> scanMappings(quint64 inode)
{
    QVector<ProcessMapping> mappings;
    struct stat directoryStat;
    if (::stat(kDefaultShmDirectory, &directoryStat) != 0)
        return mappings;
    QHash<pid_t, QString> commands;
    forEachShmMapping(directoryStat.st_dev, [&](pid_t pid, const MapsLine &line) {
        if (line.inode == inode)
            mappings.append(toProcessMapping(pid, line, &commands));
    });
    return mappings;
}

} // namespace ShmScope
