#include "shmregion.h"

#include "robustmutex.h"

#include <cerrno>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ShmScope {

namespace {

QByteArray openName(const QString &shmName)
{
    return '/' + shmName.toUtf8();
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

QString describeOpenError(const QString &shmName, int errorNumber)
{
    switch (errorNumber) {
    case EEXIST:
        return QStringLiteral("'%1' exists").arg(shmName);
    case ENOENT:
        return QStringLiteral("'%1' not found").arg(shmName);
    case EACCES:
    case EPERM:
        return QStringLiteral("'%1': permission denied").arg(shmName);
    default:
        return QStringLiteral("'%1': %2").arg(shmName, errnoText(errorNumber));
    }
}

} // namespace

std::unique_ptr<ShmRegion> ShmRegion::createExclusive(const QString &shmName, qint64 size,
                                                      QString *error, mode_t mode)
{
    const QByteArray name = openName(shmName);
    const int fd = ::shm_open(name.constData(), O_RDWR | O_CREAT | O_EXCL, mode);
    if (fd < 0) {
        fail(error, describeOpenError(shmName, errno));
        return nullptr;
    }
    // posix_fallocate reserves the pages now, so a full /dev/shm is an error here rather than a
    // SIGBUS at the first touch later (CPython gh-114390).
    int rc = ::ftruncate(fd, size);
    if (rc == 0)
        rc = ::posix_fallocate(fd, 0, size);
    else
        rc = errno;
    if (rc != 0) {
        ::close(fd);
        ::shm_unlink(name.constData());
        fail(error, QStringLiteral("'%1': cannot reserve %2 bytes: %3").arg(shmName).arg(size).arg(errnoText(rc)));
        return nullptr;
    }
    void *data = ::mmap(nullptr, size_t(size), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    const int mapErrno = errno;
    ::close(fd);
    if (data == MAP_FAILED) {
        ::shm_unlink(name.constData());
        fail(error, QStringLiteral("'%1': mmap failed: %2").arg(shmName, errnoText(mapErrno)));
        return nullptr;
    }
    std::unique_ptr<ShmRegion> region(new ShmRegion);
    region->m_name = shmName;
    region->m_data = data;
    region->m_size = size;
    return region;
}

std::unique_ptr<ShmRegion> ShmRegion::open(const QString &shmName, qint64 minimumSize, bool readOnly,
                                           QString *error)
{
    const QByteArray name = openName(shmName);
    const int fd = ::shm_open(name.constData(), readOnly ? O_RDONLY : O_RDWR, 0);
    if (fd < 0) {
        fail(error, describeOpenError(shmName, errno));
        return nullptr;
    }
    struct stat info {};
    if (::fstat(fd, &info) != 0) {
        const int e = errno;
        ::close(fd);
        fail(error, describeOpenError(shmName, e));
        return nullptr;
    }
    if (info.st_size < minimumSize) {
        ::close(fd);
        fail(error, QStringLiteral("'%1' is %2 bytes, too small to be what was asked for (at least %3)")
                        .arg(shmName)
                        .arg(qint64(info.st_size))
                        .arg(minimumSize));
        return nullptr;
    }
    const qint64 size = info.st_size;
    void *data = ::mmap(nullptr, size_t(size), readOnly ? PROT_READ : PROT_READ | PROT_WRITE,
                        MAP_SHARED, fd, 0);
    const int mapErrno = errno;
    ::close(fd);
    if (data == MAP_FAILED) {
        fail(error, QStringLiteral("'%1': mmap failed: %2").arg(shmName, errnoText(mapErrno)));
        return nullptr;
    }
    std::unique_ptr<ShmRegion> region(new ShmRegion);
    region->m_name = shmName;
    region->m_data = data;
    region->m_size = size;
    region->m_readOnly = readOnly;
    return region;
}

bool ShmRegion::unlinkName(const QString &shmName, QString *error)
{
    if (::shm_unlink(openName(shmName).constData()) != 0)
        return fail(error, describeOpenError(shmName, errno));
    return true;
}

ShmRegion::~ShmRegion()
{
    if (m_data)
        ::munmap(m_data, size_t(m_size));
}

} // namespace ShmScope
