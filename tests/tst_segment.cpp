// Segment: the lifecycle of one POSIX shared-memory block, every error Python would raise (in
// meaning), and the promise that a reader survives another process truncating or unlinking it.
#include "faultguard.h"
#include "segment.h"

#include <QDir>
#include <QFileInfo>
#include <QTest>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <functional>
#include <signal.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace ShmScope;

Q_DECLARE_METATYPE(ShmScope::SegmentErrorKind)

namespace {

QString devShmPath(const QString &name)
{
    return QStringLiteral("/dev/shm/") + name;
}

bool existsInDevShm(const QString &name)
{
    return QFileInfo::exists(devShmPath(name));
}

// Runs body in a forked child and returns its exit code (-1 if it died of a signal). The child only
// makes POSIX calls and our own core calls, then _exit()s: no Qt event loop, no test macros.
int exitCodeOfChild(const std::function<int()> &body)
{
    const pid_t pid = ::fork();
    if (pid == 0)
        ::_exit(body());
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) { }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

QByteArray pattern(int size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (int i = 0; i < size; ++i)
        bytes[i] = char((i * 7 + 3) & 0xff);
    return bytes;
}

} // namespace

class TestSegment : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void createAttachWriteReadUnlink();
    void createSetsExactMode_data();
    void createSetsExactMode();
    void readOnlyAttachCannotWrite();
    void unlinkByName();

    void createExistingNameFails();
    void attachMissingNameFails();
    void permissionDenied_data();
    void permissionDenied();
    void invalidName_data();
    void invalidName();
    void invalidSize_data();
    void invalidSize();
    void noRoomIsRefusedUpFront();
    void attachEmptyObjectFails();
    void attachedHandleNeverUnlinks();
    void creatorDoesNotUnlinkAReusedName();
    void failedCreateLeavesNothing_data();
    void failedCreateLeavesNothing();

    void readerSurvivesTruncationByAnotherProcess();
    void readerSurvivesUnlinkByAnotherProcess();
    void readerSurvivesRepeatedResizing();
    void guardedCopyTurnsSigbusIntoFalse();
    void unguardedAccessStillDiesOfSigbus();

private:
    QString uniqueName();
    QStringList m_names;
    int m_counter = 0;
};

QString TestSegment::uniqueName()
{
    const QString name = QStringLiteral("shmscope-test-%1-seg%2").arg(::getpid()).arg(++m_counter);
    m_names.append(name);
    return name;
}

void TestSegment::initTestCase()
{
    // QtTest installs a crash handler for SIGBUS that runs gdb; unguardedAccessStillDiesOfSigbus
    // checks that the fault guard hands an unguarded SIGBUS to the previous action, and the plain
    // default action (death by SIGBUS) is the one to see.
    ::signal(SIGBUS, SIG_DFL);
}

void TestSegment::cleanup()
{
    // Runs after every test function, failed or not: /dev/shm must end as it began.
    for (const QString &name : std::as_const(m_names))
        ::shm_unlink(QByteArray('/' + name.toUtf8()).constData());
    m_names.clear();
}

void TestSegment::createAttachWriteReadUnlink()
{
    const QString name = uniqueName();
    SegmentError error;
    auto shmA = Segment::create(QLatin1Char('/') + name, 4096, &error);
    QVERIFY2(shmA, qPrintable(error.message));
    QVERIFY(!error.isError());
    QCOMPARE(shmA->name(), name);
    QCOMPARE(shmA->size(), 4096);
    QVERIFY(shmA->createdHere());
    QVERIFY(!shmA->isReadOnly());
    QVERIFY(shmA->data());
    QCOMPARE(shmA->address(), quintptr(shmA->data()));

    struct stat st;
    QCOMPARE(::stat(QFile::encodeName(devShmPath(name)).constData(), &st), 0);
    QCOMPARE(qint64(st.st_size), 4096);
    QCOMPARE(shmA->inode(), quint64(st.st_ino));
    // Like Python's SharedMemory(create=True): a new block is all zero.
    QCOMPARE(shmA->read(0, 4096), QByteArray(4096, '\0'));

    // shm_b: a second handle on the same block, mapped at another address.
    auto shmB = Segment::attach(name, &error);
    QVERIFY2(shmB, qPrintable(error.message));
    QVERIFY(!shmB->createdHere());
    QCOMPARE(shmB->inode(), shmA->inode());
    QCOMPARE(shmB->size(), 4096);
    QVERIFY(shmB->address() != shmA->address());

    const QByteArray hello("hello, block");
    QCOMPARE(shmA->write(4096 - hello.size(), hello.constData(), hello.size()), hello.size());
    QCOMPARE(shmB->read(4096 - hello.size(), hello.size()), hello);
    QCOMPARE(
        QByteArray(reinterpret_cast<const char *>(shmB->data()) + 4096 - hello.size(), hello.size()), hello);
    shmB->data()[0] = 2; // shm_b.buf[0] = 2 is read through shm_a
    QCOMPARE(shmA->read(0, 1), QByteArray(1, '\2'));
    // Reading past the end returns what exists.
    QCOMPARE(shmA->read(4090, 100).size(), 6);
    QCOMPARE(shmA->read(5000, 10).size(), 0);
    QCOMPARE(shmA->read(0, qint64(1) << 50).size(), 4096); // no 1 PiB allocation for a typo
    QCOMPARE(shmA->read(-1, 10).size(), 0);
    QCOMPARE(shmA->write(4095, "!?", 2), 1); // writes never grow the block
    QByteArray tail = hello;
    tail.back() = '!';

    const SegmentStatus status = shmB->status();
    QCOMPARE(status.mappedSize, 4096);
    QCOMPARE(status.currentSize, 4096);
    QVERIFY(!status.unlinked);
    QCOMPARE(status.inode, shmA->inode());

    shmB.reset(); // close: unmaps, never unlinks
    QVERIFY(existsInDevShm(name));

    QVERIFY2(shmA->unlink(&error), qPrintable(error.message));
    QVERIFY(!existsInDevShm(name));
    QVERIFY(shmA->status().unlinked);
    QCOMPARE(shmA->read(4096 - hello.size(), hello.size()), tail); // still mapped, still readable
}

void TestSegment::createSetsExactMode_data()
{
    QTest::addColumn<uint>("mode");
    QTest::addRow("default 0600") << 0600u;
    QTest::addRow("0640") << 0640u;
    QTest::addRow("0666") << 0666u;
    QTest::addRow("0400") << 0400u;
}

void TestSegment::createSetsExactMode()
{
    QFETCH(uint, mode);
    const QString name = uniqueName();
    // A restrictive umask must not narrow the mode the caller asked for.
    const mode_t oldUmask = ::umask(077);
    SegmentError error;
    auto segment = mode == 0600u ? Segment::create(name, 100, &error)
                                 : Segment::create(name, 100, &error, mode_t(mode));
    ::umask(oldUmask);
    QVERIFY2(segment, qPrintable(error.message));
    struct stat st;
    QCOMPARE(::stat(QFile::encodeName(devShmPath(name)).constData(), &st), 0);
    QCOMPARE(uint(st.st_mode & 07777), mode);
    QCOMPARE(uint(st.st_uid), uint(::geteuid()));
}

void TestSegment::readOnlyAttachCannotWrite()
{
    const QString name = uniqueName();
    SegmentError error;
    auto creator = Segment::create(name, 64, &error);
    QVERIFY2(creator, qPrintable(error.message));
    QCOMPARE(creator->write(0, "abc", 3), 3);

    auto reader = Segment::attach(name, &error, true);
    QVERIFY2(reader, qPrintable(error.message));
    QVERIFY(reader->isReadOnly());
    QCOMPARE(reader->read(0, 3), QByteArray("abc"));
    QCOMPARE(reader->write(0, "xyz", 3), -1);
    QCOMPARE(creator->read(0, 3), QByteArray("abc"));
}

void TestSegment::unlinkByName()
{
    const QString name = uniqueName();
    SegmentError error;
    QVERIFY(Segment::create(name, 10, &error));
    QVERIFY(existsInDevShm(name)); // the handle is gone, the name stays
    QVERIFY2(Segment::unlinkByName(QLatin1Char('/') + name, &error), qPrintable(error.message));
    QVERIFY(!existsInDevShm(name));

    QVERIFY(!Segment::unlinkByName(name, &error));
    QCOMPARE(error.kind, SegmentErrorKind::NotFound);
    QVERIFY2(error.message.contains(name), qPrintable(error.message));
}

void TestSegment::createExistingNameFails()
{
    const QString name = uniqueName();
    SegmentError error;
    auto first = Segment::create(name, 128, &error);
    QVERIFY(first);
    QVERIFY(!Segment::create(name, 256, &error));
    QCOMPARE(error.kind, SegmentErrorKind::Exists); // Python: FileExistsError
    QVERIFY2(error.message.contains(name) && error.message.contains(QLatin1String("exists")),
        qPrintable(error.message));
    // The failed create must not remove or resize the block that was there.
    QVERIFY(existsInDevShm(name));
    QCOMPARE(first->status().currentSize, 128);
    QVERIFY(!first->status().unlinked);
}

void TestSegment::attachMissingNameFails()
{
    const QString name = uniqueName();
    SegmentError error;
    QVERIFY(!Segment::attach(name, &error));
    QCOMPARE(error.kind, SegmentErrorKind::NotFound); // Python: FileNotFoundError
    QVERIFY2(error.message.contains(name), qPrintable(error.message));
    QVERIFY(!existsInDevShm(name)); // attaching never creates
}

void TestSegment::permissionDenied_data()
{
    QTest::addColumn<uint>("mode");
    QTest::addColumn<bool>("readOnly");
    QTest::addColumn<bool>("denied");
    // Modes that give the same answer whether the asker is the owner (a non-root run) or another
    // user (root's child as 'nobody'): the owner and "other" bits agree.
    QTest::addRow("0000 read-write") << 0000u << false << true;
    QTest::addRow("0000 read-only") << 0000u << true << true;
    QTest::addRow("0444 read-write") << 0444u << false << true;
    QTest::addRow("0444 read-only (allowed)") << 0444u << true << false;
    QTest::addRow("0606 read-write (allowed)") << 0606u << false << false;
}

void TestSegment::permissionDenied()
{
    QFETCH(uint, mode);
    QFETCH(bool, readOnly);
    QFETCH(bool, denied);
    const QString name = uniqueName();
    SegmentError error;
    auto owned = Segment::create(name, 64, &error, mode_t(mode));
    QVERIFY2(owned, qPrintable(error.message));

    // Root (CAP_DAC_OVERRIDE) ignores file modes, so ask as another user: a child that drops to
    // 'nobody' (65534) when we are root; otherwise the segment belongs to us and the owner bits apply.
    int pipeFds[2];
    QCOMPARE(::pipe(pipeFds), 0);
    const int kindInChild = exitCodeOfChild([&]() {
        ::close(pipeFds[0]);
        if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0 || ::geteuid() == 0))
            return 100;
        SegmentError childError;
        auto handle = Segment::attach(name, &childError, readOnly);
        const QByteArray message = childError.message.toUtf8();
        if (::write(pipeFds[1], message.constData(), size_t(message.size())) < 0)
            return 101;
        return int(childError.kind);
    });
    ::close(pipeFds[1]);
    char buffer[1024];
    const ssize_t got = ::read(pipeFds[0], buffer, sizeof buffer);
    ::close(pipeFds[0]);
    const QString message = QString::fromUtf8(buffer, int(qMax<ssize_t>(got, 0)));

    QVERIFY2(kindInChild != 100, "could not drop to uid 65534");
    const SegmentErrorKind expected = denied ? SegmentErrorKind::PermissionDenied : SegmentErrorKind::None;
    QCOMPARE(SegmentErrorKind(kindInChild), expected); // Python: PermissionError
    if (denied)
        QVERIFY2(message.contains(name) && message.contains(QLatin1String("permission denied")),
            qPrintable(message));
}

void TestSegment::invalidName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addRow("empty") << QString();
    QTest::addRow("slash only") << QStringLiteral("/");
    QTest::addRow("slash inside") << QStringLiteral("shmscope-test/inner");
    QTest::addRow("double slash") << QStringLiteral("//shmscope-test");
    QTest::addRow("too long") << QString(256, QLatin1Char('s'));
    QTest::addRow("dot dot") << QStringLiteral("..");
}

void TestSegment::invalidName()
{
    QFETCH(QString, name);
    const QStringList before = QDir(QStringLiteral("/dev/shm")).entryList(QDir::Files);
    SegmentError error;
    QVERIFY(!Segment::create(name, 16, &error));
    QCOMPARE(error.kind, SegmentErrorKind::InvalidName);
    QVERIFY(!error.message.isEmpty());
    QVERIFY(!Segment::attach(name, &error));
    QCOMPARE(error.kind, SegmentErrorKind::InvalidName);
    QVERIFY(!Segment::unlinkByName(name, &error));
    QCOMPARE(error.kind, SegmentErrorKind::InvalidName);
    QCOMPARE(QDir(QStringLiteral("/dev/shm")).entryList(QDir::Files), before);
}

void TestSegment::invalidSize_data()
{
    QTest::addColumn<qint64>("size");
    QTest::addRow("zero") << qint64(0);
    QTest::addRow("negative") << qint64(-1);
}

void TestSegment::invalidSize()
{
    QFETCH(qint64, size);
    const QString name = uniqueName();
    SegmentError error;
    QVERIFY(!Segment::create(name, size, &error));
    QCOMPARE(error.kind, SegmentErrorKind::InvalidSize);
    QVERIFY2(error.message.contains(QLatin1String("'size' must be a positive number different from zero"))
            && error.message.contains(name),
        qPrintable(error.message));
    QVERIFY(!existsInDevShm(name));
}

void TestSegment::noRoomIsRefusedUpFront()
{
    struct statvfs fs;
    QCOMPARE(::statvfs("/dev/shm", &fs), 0);
    QVERIFY2(fs.f_blocks > 0, "this test needs a size-limited tmpfs on /dev/shm");
    const qint64 freeBytes = qint64(fs.f_bavail) * qint64(fs.f_frsize);
    const QString name = uniqueName();
    SegmentError error;
    // Python's ftruncate would succeed here and the first write past the free space would SIGBUS.
    QVERIFY(!Segment::create(name, freeBytes + (qint64(1) << 30), &error));
    QCOMPARE(error.kind, SegmentErrorKind::NoRoom);
    QVERIFY2(error.message.contains(name) && error.message.contains(QLatin1String("free")),
        qPrintable(error.message));
    QVERIFY(!existsInDevShm(name));
}

void TestSegment::attachEmptyObjectFails()
{
    const QString name = uniqueName();
    // shm_open(O_CREAT) without ftruncate: a name with zero bytes behind it.
    const int fd = ::shm_open(QByteArray('/' + name.toUtf8()).constData(), O_CREAT | O_EXCL | O_RDWR, 0600);
    QVERIFY(fd >= 0);
    ::close(fd);
    SegmentError error;
    QVERIFY(!Segment::attach(name, &error));
    QCOMPARE(error.kind, SegmentErrorKind::InvalidSize);
    QVERIFY2(error.message.contains(name) && error.message.contains(QLatin1String("size is 0")),
        qPrintable(error.message));
    QVERIFY(existsInDevShm(name)); // not ours to remove
}

void TestSegment::attachedHandleNeverUnlinks()
{
    const QString name = uniqueName();
    SegmentError error;
    auto creator = Segment::create(name, 32, &error);
    QVERIFY(creator);
    auto attached = Segment::attach(name, &error);
    QVERIFY(attached);
    QVERIFY(!attached->unlink(&error));
    QCOMPARE(error.kind, SegmentErrorKind::NotOwner);
    QVERIFY2(error.message.contains(name), qPrintable(error.message));
    QVERIFY(existsInDevShm(name));
    attached.reset(); // closing an attached handle leaves the name too
    QVERIFY(existsInDevShm(name));
}

void TestSegment::creatorDoesNotUnlinkAReusedName()
{
    const QString name = uniqueName();
    SegmentError error;
    auto first = Segment::create(name, 32, &error);
    QVERIFY(first);
    QVERIFY(Segment::unlinkByName(name, &error)); // someone else removes it...
    auto second = Segment::create(name, 64, &error); // ...and makes a new block of the same name
    QVERIFY(second);
    QVERIFY(!first->unlink(&error));
    QCOMPARE(error.kind, SegmentErrorKind::NotOwner);
    QVERIFY(existsInDevShm(name));
    QVERIFY(!second->status().unlinked);
}

void TestSegment::failedCreateLeavesNothing_data()
{
    QTest::addColumn<int>("resource");
    QTest::addColumn<qint64>("size");
    // ftruncate past RLIMIT_FSIZE fails with EFBIG; mmap past RLIMIT_AS fails with ENOMEM. Both come
    // after shm_open made the name, which must then be removed again.
    QTest::addRow("ftruncate fails") << int(RLIMIT_FSIZE) << (qint64(1) << 20);
    QTest::addRow("mmap fails") << int(RLIMIT_AS) << (qint64(1) << 32);
}

void TestSegment::failedCreateLeavesNothing()
{
    QFETCH(int, resource);
    QFETCH(qint64, size);
    const QString name = uniqueName();
    const int kindInChild = exitCodeOfChild([&]() {
        ::signal(SIGXFSZ, SIG_IGN); // exceeding RLIMIT_FSIZE raises SIGXFSZ before returning EFBIG
        struct rlimit limit;
        ::getrlimit(resource, &limit);
        if (resource == RLIMIT_AS) {
            // Leave room for what the child uses now plus a little, not for the mapping.
            long pages = 0;
            if (FILE *statm = std::fopen("/proc/self/statm", "r")) {
                if (std::fscanf(statm, "%ld", &pages) != 1)
                    pages = 0;
                std::fclose(statm);
            }
            limit.rlim_cur = rlim_t(pages) * rlim_t(::sysconf(_SC_PAGESIZE)) + (rlim_t(16) << 20);
        } else {
            limit.rlim_cur = 4096;
        }
        if (::setrlimit(resource, &limit) != 0)
            return 100;
        SegmentError error;
        auto segment = Segment::create(name, size, &error);
        return segment ? 0 : int(error.kind);
    });
    QCOMPARE(SegmentErrorKind(kindInChild), SegmentErrorKind::System);
    QVERIFY(!existsInDevShm(name));
}

void TestSegment::readerSurvivesTruncationByAnotherProcess()
{
    const QString name = uniqueName();
    constexpr int size = 65536;
    SegmentError error;
    auto creator = Segment::create(name, size, &error);
    QVERIFY(creator);
    const QByteArray bytes = pattern(size);
    QCOMPARE(creator->write(0, bytes.constData(), size), size);
    auto reader = Segment::attach(name, &error, true);
    QVERIFY(reader);

    const QByteArray openName = '/' + name.toUtf8();
    QCOMPARE(exitCodeOfChild([&]() {
        const int fd = ::shm_open(openName.constData(), O_RDWR, 0);
        return fd >= 0 && ::ftruncate(fd, 1000) == 0 ? 0 : 1;
    }),
        0);

    // A load from reader->data() + 5000 would now be SIGBUS; the handle's reads are short instead.
    const SegmentStatus status = reader->status();
    QCOMPARE(status.mappedSize, size);
    QCOMPARE(status.currentSize, 1000);
    QVERIFY(!status.unlinked);
    QCOMPARE(reader->read(0, size), bytes.left(1000));
    QCOMPARE(reader->read(5000, 100), QByteArray());
    char buffer[64];
    QCOMPARE(reader->read(990, buffer, sizeof buffer), 10);
    QCOMPARE(QByteArray(buffer, 10), bytes.mid(990, 10));

    // A writer cannot regrow the block behind the other process's back.
    QCOMPARE(creator->write(5000, "x", 1), 0);
    QCOMPARE(creator->write(995, "0123456789", 10), 5);
    QCOMPARE(creator->status().currentSize, 1000);
    QCOMPARE(reader->read(995, 10), QByteArray("01234"));
}

void TestSegment::readerSurvivesUnlinkByAnotherProcess()
{
    const QString name = uniqueName();
    SegmentError error;
    auto creator = Segment::create(name, 8192, &error);
    QVERIFY(creator);
    const QByteArray bytes = pattern(8192);
    creator->write(0, bytes.constData(), bytes.size());
    auto reader = Segment::attach(name, &error, true);
    QVERIFY(reader);

    const QByteArray openName = '/' + name.toUtf8();
    QCOMPARE(exitCodeOfChild([&]() { return ::shm_unlink(openName.constData()) == 0 ? 0 : 1; }), 0);

    QVERIFY(!existsInDevShm(name));
    const SegmentStatus status = reader->status(); // "unlinked, still mapped"
    QVERIFY(status.unlinked);
    QCOMPARE(status.currentSize, 8192);
    QCOMPARE(reader->read(0, 8192), bytes);
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(reader->data()), 8192), bytes);
    // Writes through one handle still reach the other: the block lives while it is mapped.
    QCOMPARE(creator->write(0, "Z", 1), 1);
    QCOMPARE(reader->read(0, 1), QByteArray("Z"));
    // The creator's unlink now finds no name.
    QVERIFY(!creator->unlink(&error));
    QCOMPARE(error.kind, SegmentErrorKind::NotFound);
}

void TestSegment::readerSurvivesRepeatedResizing()
{
    // Another process shrinks and regrows the block as fast as it can while we read it whole: some
    // reads race a truncation mid-copy (the fast path's SIGBUS, caught and redone through pread).
    const QString name = uniqueName();
    constexpr qint64 size = qint64(1) << 20;
    SegmentError error;
    auto segment = Segment::create(name, size, &error);
    QVERIFY(segment);
    const QByteArray openName = '/' + name.toUtf8();
    const pid_t child = ::fork();
    if (child == 0) {
        const int fd = ::shm_open(openName.constData(), O_RDWR, 0);
        for (int i = 0; fd >= 0 && i < 3000; ++i) {
            if (::ftruncate(fd, 4096) != 0 || ::ftruncate(fd, size) != 0)
                ::_exit(1);
        }
        ::_exit(fd >= 0 ? 0 : 1);
    }
    QByteArray buffer(size, Qt::Uninitialized);
    int reads = 0;
    int status = 0;
    while (::waitpid(child, &status, WNOHANG) == 0) {
        const qint64 got = segment->read(0, buffer.data(), size);
        QVERIFY(got >= 4096 || got == 0); // never less than the smallest size, unless it was 0 briefly
        QVERIFY(got <= size);
        ++reads;
    }
    QVERIFY(WIFEXITED(status));
    QCOMPARE(WEXITSTATUS(status), 0);
    QVERIFY(reads > 0);
    QCOMPARE(segment->read(0, buffer.data(), size), size);
}

void TestSegment::guardedCopyTurnsSigbusIntoFalse()
{
    const QString name = uniqueName();
    SegmentError error;
    auto segment = Segment::create(name, 65536, &error);
    QVERIFY(segment);
    segment->write(0, "abc", 3);
    const QByteArray openName = '/' + name.toUtf8();
    QCOMPARE(exitCodeOfChild([&]() {
        const int fd = ::shm_open(openName.constData(), O_RDWR, 0);
        return fd >= 0 && ::ftruncate(fd, 4096) == 0 ? 0 : 1;
    }),
        0);
    char buffer[100];
    // The page at 8192 no longer exists: a plain memcpy from it is SIGBUS.
    QVERIFY(!copyFromMapping(buffer, segment->data() + 8192, sizeof buffer));
    QVERIFY(!copyFromMapping(buffer, segment->data() + 4000, sizeof buffer)); // straddles the end
    QVERIFY(copyFromMapping(buffer, segment->data(), 3));
    QCOMPARE(QByteArray(buffer, 3), QByteArray("abc"));
    // Again, to show that the handler stays armed after a catch.
    QVERIFY(!copyFromMapping(buffer, segment->data() + 60000, sizeof buffer));
}

void TestSegment::unguardedAccessStillDiesOfSigbus()
{
    // The guard must not swallow SIGBUS elsewhere: a worker poking a truncated mapping dies as usual.
    const QString name = uniqueName();
    SegmentError error;
    auto segment = Segment::create(name, 65536, &error);
    QVERIFY(segment);
    char buffer[16];
    QVERIFY(copyFromMapping(buffer, segment->data(), sizeof buffer)); // installs the handler here
    const QByteArray openName = '/' + name.toUtf8();
    uchar *mapping = segment->data();
    const pid_t child = ::fork();
    if (child == 0) {
        const int fd = ::shm_open(openName.constData(), O_RDWR, 0);
        if (fd < 0 || ::ftruncate(fd, 4096) != 0)
            ::_exit(1);
        mapping[8192] = 1; // SIGBUS
        ::_exit(2);
    }
    int status = 0;
    QCOMPARE(::waitpid(child, &status, 0), child);
    QVERIFY2(WIFSIGNALED(status), qPrintable(QStringLiteral("exit code %1").arg(WEXITSTATUS(status))));
    QCOMPARE(WTERMSIG(status), SIGBUS);
}

QTEST_APPLESS_MAIN(TestSegment)
#include "tst_segment.moc"
