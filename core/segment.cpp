#include "segment.h"

#include "faultguard.h"
#include "shmname.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <iterator>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace ShmScope {

namespace {

// glibc's shm_open() puts every name in this directory on Linux.
const char kShmDirectory[] = "/dev/shm";

bool fail(SegmentError *error, SegmentErrorKind kind, const QString &message)
{
    if (error) {
        error->kind = kind;
        error->message = message;
    }
    return false;
}

void succeed(SegmentError *error)
{
    if (error)
        *error = SegmentError();
}

// action is what we tried ("create", "attach to", "unlink"); the kinds follow Python's exceptions.
bool failFromErrno(SegmentError *error, int errorNumber, const QString &action, const QString &name)
{
    const QString subject = QStringLiteral("cannot %1 segment '%2': ").arg(action, name);
    switch (errorNumber) {
    case EEXIST:
        return fail(error, SegmentErrorKind::Exists, subject + QStringLiteral("it already exists"));
    case ENOENT:
        return fail(error, SegmentErrorKind::NotFound, subject + QStringLiteral("no such segment"));
    case EACCES:
    case EPERM:
        return fail(error, SegmentErrorKind::PermissionDenied, subject + QStringLiteral("permission denied"));
    case EINVAL:
    case ENAMETOOLONG:
        return fail(error, SegmentErrorKind::InvalidName,
            subject + QString::fromLocal8Bit(std::strerror(errorNumber)));
    case ENOSPC:
        return fail(error, SegmentErrorKind::NoRoom, subject + QStringLiteral("no room left in /dev/shm"));
    default:
        return fail(
            error, SegmentErrorKind::System, subject + QString::fromLocal8Bit(std::strerror(errorNumber)));
    }
}

bool normalizeOrFail(const QString &name, QString *normalized, SegmentError *error)
{
    QString reason;
    *normalized = normalizedShmName(name, &reason);
    if (normalized->isEmpty())
        return fail(error, SegmentErrorKind::InvalidName, reason);
    return true;
}

// Free bytes of the tmpfs behind /dev/shm, or -1 when unknown or unlimited (tmpfs nr_blocks=0
// reports zero blocks in all).
qint64 shmFreeBytes()
{
    struct statvfs fs;
    if (::statvfs(kShmDirectory, &fs) != 0 || fs.f_blocks == 0)
        return -1;
    return qint64(fs.f_bavail) * qint64(fs.f_frsize);
}

// "25276497920 bytes (23.5 GiB)": exact for scripts, readable for people.
QString byteCount(qint64 bytes)
{
    static const char *const units[] = { "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };
    QString text = QStringLiteral("%1 bytes").arg(bytes);
    double value = double(bytes);
    int unit = -1;
    while (value >= 1024 && unit + 1 < int(std::size(units))) {
        value /= 1024;
        ++unit;
    }
    if (unit >= 0)
        text += QStringLiteral(" (%1 %2)").arg(value, 0, 'f', 1).arg(QLatin1String(units[unit]));
    return text;
}

// pread/pwrite may transfer less than asked (signals, huge requests): loop until done or EOF.
template <typename Transfer> qint64 transferAll(Transfer transfer, qint64 length)
{
    qint64 done = 0;
    while (done < length) {
        const ssize_t n = transfer(done, size_t(length - done));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return done > 0 ? done : -1;
        }
        if (n == 0)
            break; // end of the object: it is shorter than we thought (truncated by someone)
        done += n;
    }
    return done;
}

} // namespace

std::unique_ptr<Segment> Segment::create(const QString &name, qint64 size, SegmentError *error, mode_t mode)
{
    QString normalized;
    if (!normalizeOrFail(name, &normalized, error))
        return nullptr;
    if (size <= 0) {
        // Python: ValueError: 'size' must be a positive number different from zero
        fail(error, SegmentErrorKind::InvalidSize,
            QStringLiteral("cannot create segment '%1': 'size' must be a positive number different "
                           "from zero (got %2)")
                .arg(normalized)
                .arg(size));
        return nullptr;
    }
    // tmpfs allocates pages only when first touched, so an oversized ftruncate succeeds and the first
    // write past the free space dies of SIGBUS (CPython gh-114390). Refuse it here instead.
    const qint64 freeBytes = shmFreeBytes();
    if (freeBytes >= 0 && size > freeBytes) {
        fail(error, SegmentErrorKind::NoRoom,
            QStringLiteral("cannot create segment '%1': it needs %2 but %3 has only %4 free")
                .arg(normalized, byteCount(size), QLatin1String(kShmDirectory), byteCount(freeBytes)));
        return nullptr;
    }

    const QByteArray openName = shmOpenName(normalized);
    const int fd = ::shm_open(openName.constData(), O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC, mode);
    if (fd < 0) {
        failFromErrno(error, errno, QStringLiteral("create"), normalized);
        return nullptr;
    }
    // From here on the name exists: any failure must remove it again, so that a failed create leaves
    // nothing behind in /dev/shm.
    auto abandon = [&](const QString &step) {
        const int savedErrno = errno;
        ::shm_unlink(openName.constData());
        ::close(fd);
        failFromErrno(error, savedErrno, step, normalized);
        return nullptr;
    };
    // The umask narrowed the mode shm_open applied; the caller asked for exactly `mode`.
    if (::fchmod(fd, mode) != 0)
        return abandon(QStringLiteral("set the mode of"));
    if (::ftruncate(fd, off_t(size)) != 0)
        return abandon(QStringLiteral("size"));
    struct stat st;
    if (::fstat(fd, &st) != 0)
        return abandon(QStringLiteral("inspect"));
    void *mapping = ::mmap(nullptr, size_t(size), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (mapping == MAP_FAILED)
        return abandon(QStringLiteral("map"));

    std::unique_ptr<Segment> segment(new Segment);
    segment->m_name = normalized;
    segment->m_fd = fd;
    segment->m_data = static_cast<uchar *>(mapping);
    segment->m_size = size;
    segment->m_inode = quint64(st.st_ino);
    segment->m_createdHere = true;
    succeed(error);
    return segment;
}

std::unique_ptr<Segment> Segment::attach(const QString &name, SegmentError *error, bool readOnly)
{
    QString normalized;
    if (!normalizeOrFail(name, &normalized, error))
        return nullptr;
    const QString action = QStringLiteral("attach to");
    const int fd
        = ::shm_open(shmOpenName(normalized).constData(), (readOnly ? O_RDONLY : O_RDWR) | O_CLOEXEC, 0);
    if (fd < 0) {
        failFromErrno(error, errno, action, normalized);
        return nullptr;
    }
    struct stat st;
    if (::fstat(fd, &st) != 0) {
        failFromErrno(error, errno, action, normalized);
        ::close(fd);
        return nullptr;
    }
    if (!S_ISREG(st.st_mode)) {
        ::close(fd);
        fail(error, SegmentErrorKind::System,
            QStringLiteral("cannot attach to segment '%1': it is not a regular file").arg(normalized));
        return nullptr;
    }
    if (st.st_size <= 0) {
        // Python's mmap says "cannot mmap an empty file" here; say what it means.
        ::close(fd);
        fail(error, SegmentErrorKind::InvalidSize,
            QStringLiteral("cannot attach to segment '%1': its size is 0 (created but never sized, or "
                           "truncated to nothing)")
                .arg(normalized));
        return nullptr;
    }
    const int protection = readOnly ? PROT_READ : PROT_READ | PROT_WRITE;
    void *mapping = ::mmap(nullptr, size_t(st.st_size), protection, MAP_SHARED, fd, 0);
    if (mapping == MAP_FAILED) {
        failFromErrno(error, errno, action, normalized);
        ::close(fd);
        return nullptr;
    }

    std::unique_ptr<Segment> segment(new Segment);
    segment->m_name = normalized;
    segment->m_fd = fd;
    segment->m_data = static_cast<uchar *>(mapping);
    segment->m_size = qint64(st.st_size);
    segment->m_inode = quint64(st.st_ino);
    segment->m_readOnly = readOnly;
    succeed(error);
    return segment;
}

bool Segment::unlinkByName(const QString &name, SegmentError *error)
{
    QString normalized;
    if (!normalizeOrFail(name, &normalized, error))
        return false;
    if (::shm_unlink(shmOpenName(normalized).constData()) != 0)
        return failFromErrno(error, errno, QStringLiteral("unlink"), normalized);
    succeed(error);
    return true;
}

Segment::~Segment()
{
    if (m_data)
        ::munmap(m_data, size_t(m_size));
    if (m_fd >= 0)
        ::close(m_fd);
}

QString Segment::name() const
{
    return m_name;
}
qint64 Segment::size() const
{
    return m_size;
}
bool Segment::createdHere() const
{
    return m_createdHere;
}
bool Segment::isReadOnly() const
{
    return m_readOnly;
}
quintptr Segment::address() const
{
    return quintptr(m_data);
}
quint64 Segment::inode() const
{
    return m_inode;
}
uchar *Segment::data() const
{
    return m_data;
}

SegmentStatus Segment::status() const
{
    SegmentStatus status;
    status.mappedSize = m_size;
    status.inode = m_inode;
    struct stat st;
    if (::fstat(m_fd, &st) == 0) {
        status.currentSize = qint64(st.st_size);
        // The fd keeps the block alive after shm_unlink; the link count tells that the name is gone.
        status.unlinked = st.st_nlink == 0;
    }
    return status;
}

qint64 Segment::read(qint64 offset, void *destination, qint64 length) const
{
    if (offset < 0 || length < 0 || m_fd < 0) {
        errno = EINVAL;
        return -1;
    }
    auto *out = static_cast<char *>(destination);
    auto readThroughFd = [&](qint64 from) -> qint64 {
        // pread copies inside the kernel: past the current end it returns fewer bytes, where a load
        // from the truncated mapping would raise SIGBUS.
        const qint64 got = transferAll(
            [&](qint64 done, size_t count) {
                return ::pread(m_fd, out + from + done, count, off_t(offset + from + done));
            },
            length - from);
        return got < 0 ? (from > 0 ? from : -1) : from + got;
    };

    // Fast path: memcpy from our mapping, about 3x pread's speed on tmpfs (bench_snapshot), within
    // what the fstat says exists now. A truncation racing the copy raises SIGBUS, which the guard
    // turns into a retry through pread; so the no-SIGBUS promise holds either way.
    struct stat st;
    if (m_data && ::fstat(m_fd, &st) == 0) {
        const qint64 inMapping = qMin(qMin(m_size, qint64(st.st_size)) - offset, length);
        if (inMapping > 0 && copyFromMapping(out, m_data + offset, size_t(inMapping))) {
            // The rest lies beyond our mapping (the block grew since we mapped it) or beyond the end.
            return inMapping == length ? length : readThroughFd(inMapping);
        }
    }
    return readThroughFd(0);
}

QByteArray Segment::read(qint64 offset, qint64 length) const
{
    QByteArray bytes;
    // Allocate only for what exists: a caller's huge length (a CLI --length typo) must not abort.
    const qint64 available = qMin(length, status().currentSize - offset);
    if (offset < 0 || available <= 0)
        return bytes;
    bytes.resize(qsizetype(available));
    const qint64 n = read(offset, bytes.data(), available);
    bytes.resize(qsizetype(qMax<qint64>(n, 0)));
    return bytes;
}

qint64 Segment::write(qint64 offset, const void *source, qint64 length)
{
    if (offset < 0 || length < 0 || m_fd < 0) {
        errno = EINVAL;
        return -1;
    }
    if (m_readOnly) {
        errno = EBADF;
        return -1;
    }
    // pwrite past the end would grow the object again; a writer must never resize a block it did
    // not size, so clip to what is there now (a truncation racing this check can still be undone by
    // the write, which is no worse than a write a moment earlier).
    const qint64 currentSize = status().currentSize;
    if (offset >= currentSize)
        return 0;
    const qint64 count = qMin(length, currentSize - offset);
    const auto *in = static_cast<const char *>(source);
    return transferAll(
        [&](qint64 done, size_t n) { return ::pwrite(m_fd, in + done, n, off_t(offset + done)); }, count);
}

bool Segment::unlink(SegmentError *error)
{
    if (!m_createdHere)
        return fail(error, SegmentErrorKind::NotOwner,
            QStringLiteral("will not unlink segment '%1': this handle only attached to it; only "
                           "its creator removes the name")
                .arg(m_name));
    // The name may have been unlinked and reused by someone else since: never remove another block.
    struct stat st;
    const QByteArray path = QByteArray(kShmDirectory) + shmOpenName(m_name);
    if (::stat(path.constData(), &st) == 0 && quint64(st.st_ino) != m_inode)
        return fail(error, SegmentErrorKind::NotOwner,
            QStringLiteral("will not unlink segment '%1': the name now belongs to another block")
                .arg(m_name));
    if (::shm_unlink(shmOpenName(m_name).constData()) != 0)
        return failFromErrno(error, errno, QStringLiteral("unlink"), m_name);
    succeed(error);
    return true;
}

} // namespace ShmScope
