// The catalogue of /dev/shm and of the processes mapping each block, checked against blocks and
// mappings this test makes itself: in this process, and in a real python3 child.
#include "catalogue.h"
#include "objectheader.h"
#include "segment.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <fcntl.h>
#include <optional>
#include <pwd.h>
#include <semaphore.h>
#include <sys/mman.h>
#include <unistd.h>

using namespace ShmScope;

namespace {

// By value: the scans below are temporaries.
std::optional<CatalogueEntry> findEntry(const QVector<CatalogueEntry> &entries, const QString &name)
{
    for (const CatalogueEntry &entry : entries)
        if (entry.name == name)
            return entry;
    return std::nullopt;
}

QVector<ProcessMapping> mappingsOfPid(const QVector<ProcessMapping> &mappings, pid_t pid)
{
    QVector<ProcessMapping> found;
    for (const ProcessMapping &mapping : mappings)
        if (mapping.pid == pid)
            found.append(mapping);
    return found;
}

const ProcessMapping *findMappingAt(const QVector<ProcessMapping> &mappings, pid_t pid, quintptr start)
{
    for (const ProcessMapping &mapping : mappings)
        if (mapping.pid == pid && mapping.start == start)
            return &mapping;
    return nullptr;
}

quintptr pageRoundedEnd(quintptr start, qint64 size)
{
    const qint64 page = ::sysconf(_SC_PAGESIZE);
    return start + quintptr((size + page - 1) / page * page);
}

QString ownCommand()
{
    QFile comm(QStringLiteral("/proc/self/comm"));
    return comm.open(QIODevice::ReadOnly) ? QString::fromLocal8Bit(comm.readAll().trimmed()) : QString();
}

// Attaches like seed 003's second process: SharedMemory(name) by name, then waits on stdin.
// CPython 3.11 registers even an attached block with its resource tracker, which would unlink the
// block at exit and warn of a "leaked shared_memory object"; unregister keeps the test's block ours.
const char kPythonAttach[] = R"(
import sys
from multiprocessing import shared_memory, resource_tracker
block = shared_memory.SharedMemory(sys.argv[1])
resource_tracker.unregister(block._name, 'shared_memory')
print(block.size, flush=True)
sys.stdin.readline()
block.close()
)";

} // namespace

class TestCatalogue : public QObject {
    Q_OBJECT

private slots:
    void cleanup();
    void findsOwnSegmentAndMappings();
    void findsMappingOfPythonProcess();
    void kinds_data();
    void kinds();
    void semaphoreKind();
    void unlinkedBlockIsFoundByInode();
    void scansAnotherDirectory();
    void missingDirectoryGivesEmptyCatalogue();

private:
    QString uniqueName(const QString &prefix = QStringLiteral("shmscope-test-"));
    QStringList m_names;
    int m_counter = 0;
};

QString TestCatalogue::uniqueName(const QString &prefix)
{
    const QString name = prefix + QStringLiteral("%1-cat%2").arg(::getpid()).arg(++m_counter);
    m_names.append(name);
    return name;
}

void TestCatalogue::cleanup()
{
    for (const QString &name : std::as_const(m_names))
        ::shm_unlink(QByteArray('/' + name.toUtf8()).constData());
    m_names.clear();
}

void TestCatalogue::findsOwnSegmentAndMappings()
{
    const QString name = uniqueName();
    SegmentError error;
    auto shmA = Segment::create(name, 12345, &error, 0640);
    QVERIFY2(shmA, qPrintable(error.message));
    auto shmB = Segment::attach(name, &error, true);
    QVERIFY2(shmB, qPrintable(error.message));

    const QVector<CatalogueEntry> entries = scanCatalogue();
    const std::optional<CatalogueEntry> entry = findEntry(entries, name);
    QVERIFY(entry);
    QCOMPARE(entry->size, 12345);
    QCOMPARE(entry->mode, 0640u);
    QCOMPARE(entry->uid, uint(::geteuid()));
    const passwd *user = ::getpwuid(::geteuid());
    QVERIFY(user);
    QCOMPARE(entry->owner, QString::fromLocal8Bit(user->pw_name));
    QCOMPARE(entry->inode, shmA->inode());
    QCOMPARE(entry->kind, QStringLiteral("data"));
    QVERIFY(qAbs(entry->lastChange.secsTo(QDateTime::currentDateTime())) < 600);

    // Two handles in this process: two mappings, at the addresses the handles report.
    const QVector<ProcessMapping> ours = mappingsOfPid(entry->mappings, ::getpid());
    QCOMPARE(ours.size(), 2);
    const ProcessMapping *a = findMappingAt(entry->mappings, ::getpid(), shmA->address());
    QVERIFY(a);
    QCOMPARE(a->end, pageRoundedEnd(shmA->address(), 12345));
    QCOMPARE(a->permissions, QStringLiteral("rw-s"));
    QCOMPARE(a->fileOffset, 0);
    QVERIFY(!a->deleted);
    QCOMPARE(a->command, ownCommand());
    const ProcessMapping *b = findMappingAt(entry->mappings, ::getpid(), shmB->address());
    QVERIFY(b);
    QCOMPARE(b->permissions, QStringLiteral("r--s"));

    // Closing a handle removes its mapping from the next scan.
    shmB.reset();
    const std::optional<CatalogueEntry> after = findEntry(scanCatalogue(), name);
    QVERIFY(after);
    QCOMPARE(mappingsOfPid(after->mappings, ::getpid()).size(), 1);
}

void TestCatalogue::findsMappingOfPythonProcess()
{
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    QVERIFY2(!python.isEmpty(), "python3 is part of the test environment (see README)");
    const QString name = uniqueName();
    SegmentError error;
    auto segment = Segment::create(name, 4096, &error);
    QVERIFY2(segment, qPrintable(error.message));

    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(python, { QStringLiteral("-c"), QString::fromLatin1(kPythonAttach), name });
    QVERIFY2(process.waitForStarted(), qPrintable(process.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine() || process.state() == QProcess::NotRunning, 30000);
    QCOMPARE(process.readLine().trimmed(), QByteArray("4096"));
    const pid_t pythonPid = pid_t(process.processId());

    const std::optional<CatalogueEntry> entry = findEntry(scanCatalogue(), name);
    QVERIFY(entry);
    const QVector<ProcessMapping> pythonMappings = mappingsOfPid(entry->mappings, pythonPid);
    QCOMPARE(pythonMappings.size(), 1);
    QVERIFY2(pythonMappings.first().command.startsWith(QLatin1String("python")),
        qPrintable(pythonMappings.first().command));
    QCOMPARE(pythonMappings.first().permissions, QStringLiteral("rw-s"));
    QCOMPARE(mappingsOfPid(entry->mappings, ::getpid()).size(), 1);
    QCOMPARE(mappingsOfPid(scanMappings(segment->inode()), pythonPid).size(), 1);

    // When Python closes and exits, its handle disappears from the catalogue.
    process.write("\n");
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    const std::optional<CatalogueEntry> after = findEntry(scanCatalogue(), name);
    QVERIFY2(after, "the python child must not have unlinked the block");
    QVERIFY(mappingsOfPid(after->mappings, pythonPid).isEmpty());
}

void TestCatalogue::kinds_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QString>("kind");

    ObjectHeader header;
    initObjectHeader(header, "RLock", 1);
    const QByteArray headerBytes(reinterpret_cast<const char *>(&header), sizeof header);

    QTest::addRow("plain data") << QStringLiteral("shmscope-test-") << QByteArray(100, 'x')
                                << QStringLiteral("data");
    QTest::addRow("python psm_") << QStringLiteral("psm_") << QByteArray(10, '\0')
                                 << QStringLiteral("python");
    QTest::addRow("shmscope object") << QStringLiteral("shmscope-test-")
                                     << (headerBytes + QByteArray(64, '\0')) << QStringLiteral("RLock");
    QTest::addRow("header exactly") << QStringLiteral("shmscope-test-") << headerBytes
                                    << QStringLiteral("RLock");
    QTest::addRow("magic but too short")
        << QStringLiteral("shmscope-test-") << headerBytes.left(31) << QStringLiteral("data");
    QTest::addRow("all zero") << QStringLiteral("shmscope-test-") << QByteArray(4096, '\0')
                              << QStringLiteral("data");
}

void TestCatalogue::kinds()
{
    QFETCH(QString, prefix);
    QFETCH(QByteArray, contents);
    QFETCH(QString, kind);
    const QString name = uniqueName(prefix);
    SegmentError error;
    auto segment = Segment::create(name, contents.size(), &error);
    QVERIFY2(segment, qPrintable(error.message));
    QCOMPARE(segment->write(0, contents.constData(), contents.size()), contents.size());
    const std::optional<CatalogueEntry> entry = findEntry(scanCatalogue(), name);
    QVERIFY(entry);
    QCOMPARE(entry->kind, kind);
}

void TestCatalogue::semaphoreKind()
{
    // glibc keeps a named POSIX semaphore "/NAME" as the file /dev/shm/sem.NAME.
    const QString name = QStringLiteral("shmscope-test-%1-sem").arg(::getpid());
    const QByteArray semName = '/' + name.toUtf8();
    sem_t *semaphore = ::sem_open(semName.constData(), O_CREAT | O_EXCL, 0600, 1);
    QVERIFY(semaphore != SEM_FAILED);
    m_names.append(QStringLiteral("sem.") + name); // cleanup unlinks the file even if we fail below
    const std::optional<CatalogueEntry> entry = findEntry(scanCatalogue(), QStringLiteral("sem.") + name);
    const QString kind = entry ? entry->kind : QString();
    const bool mappedHere = entry && !mappingsOfPid(entry->mappings, ::getpid()).isEmpty();
    ::sem_close(semaphore);
    ::sem_unlink(semName.constData());
    QVERIFY(entry);
    QCOMPARE(kind, QStringLiteral("semaphore"));
    QVERIFY(mappedHere); // sem_open maps the file
}

void TestCatalogue::unlinkedBlockIsFoundByInode()
{
    const QString name = uniqueName();
    SegmentError error;
    auto segment = Segment::create(name, 5000, &error);
    QVERIFY(segment);
    QVERIFY(segment->unlink(&error));

    QVERIFY(!findEntry(scanCatalogue(), name)); // no name, no catalogue entry...
    const QVector<ProcessMapping> mappings = scanMappings(segment->inode()); // ...but still mapped
    const ProcessMapping *mine = findMappingAt(mappings, ::getpid(), segment->address());
    QVERIFY(mine);
    QVERIFY(mine->deleted);
    QCOMPARE(mine->end, pageRoundedEnd(segment->address(), 5000));
}

void TestCatalogue::scansAnotherDirectory()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    QFile file(directory.filePath(QStringLiteral("block")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(777, 'q'));
    file.close();
    QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup));
    QVERIFY(QDir(directory.path()).mkdir(QStringLiteral("subdir"))); // not a block: skipped

    const QVector<CatalogueEntry> entries = scanCatalogue(directory.path());
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().name, QStringLiteral("block"));
    QCOMPARE(entries.first().size, 777);
    QCOMPARE(entries.first().mode, 0640u);
    QCOMPARE(entries.first().kind, QStringLiteral("data"));
    QVERIFY(entries.first().mappings.isEmpty());
}

void TestCatalogue::missingDirectoryGivesEmptyCatalogue()
{
    QVERIFY(scanCatalogue(QStringLiteral("/nonexistent/shmscope-test")).isEmpty());
    QVERIFY(scanMappings(0).isEmpty());
}

QTEST_GUILESS_MAIN(TestCatalogue)
#include "tst_catalogue.moc"
