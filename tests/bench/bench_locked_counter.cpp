// bench_locked_counter: locked increments per second for 2 processes, measured in ONE run for
//   - ShmScope: two `shmscope-worker counter --lock` processes (our Lock, and our RLock),
//   - CPython:  two processes doing `with v.get_lock(): v.value += 1` on a multiprocessing.Value,
//   - the physical limit: two processes incrementing under a bare robust pthread mutex,
// then the lost-update fraction of two unlocked counters, and of Python's `v.value += 1` pattern
// (a lock for the read and another for the write). Figures move 3x between machines
// (PYTHON-FACTS.md), so only the ratios within one run mean anything; each figure is the best of
// three turns taken in rotation, so that other load on the machine falls on all of them alike.
//
// Usage: bench_locked_counter [--seconds S]   (each measurement aims at about S seconds, default 1)

#include "segment.h"
#include "sync/syncstate.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <functional>
#include <new>
#include <optional>
#include <pthread.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utility>
#include <vector>

using namespace ShmScope;

namespace {

struct Rate {
    qint64 increments = 0; // what the counter ended at
    qint64 expected = 0; // what it should have ended at
    double seconds = 0;
    double perSecond() const { return seconds > 0 ? double(increments) / seconds : 0; }
};

QString g_worker;
int g_runs = 0;

QString uniqueName(const char *what)
{
    return QStringLiteral("shmscope-bench-%1-%2-%3").arg(getpid()).arg(QLatin1String(what)).arg(++g_runs);
}

// Two worker processes on one fresh counter; mode is "--lock", "--per-access-lock" or empty.
// Timed from the first start to the last exit, so process start-up counts against us.
std::optional<Rate> runWorkers(qint64 iterations, const QString &mode, SyncKind lockKind)
{
    const QString segmentName = uniqueName("counter");
    SegmentError segmentError;
    std::unique_ptr<Segment> segment = Segment::create(segmentName, 8, &segmentError);
    if (!segment) {
        std::fprintf(stderr, "bench: %s\n", qPrintable(segmentError.message));
        return std::nullopt;
    }
    QString lockName;
    if (!mode.isEmpty()) {
        lockName = uniqueName("lock");
        QString error;
        if (!createSyncObject(lockName, lockKind, 0, &error)) {
            std::fprintf(stderr, "bench: %s\n", qPrintable(error));
            segment->unlink(nullptr);
            return std::nullopt;
        }
    }
    QStringList arguments { QStringLiteral("counter"), QStringLiteral("--segment"), segmentName,
        QStringLiteral("--layout"), QStringLiteral("counter:q"), QStringLiteral("--field"),
        QStringLiteral("counter"), QStringLiteral("--iterations"), QString::number(iterations),
        QStringLiteral("--progress-ms"), QStringLiteral("60000") };
    if (!mode.isEmpty())
        arguments << mode << lockName;

    QElapsedTimer timer;
    timer.start();
    QProcess first, second;
    first.start(g_worker, arguments);
    second.start(g_worker, arguments);
    bool ok = true;
    for (QProcess *process : { &first, &second }) {
        if (!process->waitForFinished(600'000) || process->exitCode() != 0) {
            std::fprintf(stderr, "bench: worker failed: %s\n", process->readAllStandardError().constData());
            ok = false;
        }
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    qint64 final = 0;
    segment->read(0, &final, sizeof final);
    segment->unlink(nullptr);
    if (!lockName.isEmpty())
        removeSyncObject(lockName, nullptr);
    if (!ok)
        return std::nullopt;
    return Rate { final, 2 * iterations, seconds };
}

// CPython's own figure: two processes, a Value's default RLock around each `+= 1`, timed inside
// Python from a Barrier that releases both to the joins (so interpreter start-up is not counted).
const char kPythonScript[] = R"(
import multiprocessing as mp, sys, time
def work(v, n, barrier, mode):
    barrier.wait()
    if mode == 'locked':
        for _ in range(n):
            with v.get_lock():
                v.value += 1
    else:
        for _ in range(n):
            v.value += 1
if __name__ == '__main__':
    n, mode = int(sys.argv[1]), sys.argv[2]
    v = mp.Value('q', 0)
    barrier = mp.Barrier(3)
    workers = [mp.Process(target=work, args=(v, n, barrier, mode)) for _ in range(2)]
    for w in workers: w.start()
    barrier.wait()
    start = time.perf_counter()
    for w in workers: w.join()
    print(v.value, time.perf_counter() - start, sys.version.split()[0])
)";

struct PythonRun {
    Rate rate;
    QString version;
};

std::optional<PythonRun> runPython(const QString &python, qint64 iterations, const char *mode)
{
    QProcess process;
    process.start(python,
        { QStringLiteral("-c"), QString::fromLatin1(kPythonScript), QString::number(iterations),
            QString::fromLatin1(mode) });
    if (!process.waitForFinished(600'000) || process.exitCode() != 0) {
        std::fprintf(stderr, "bench: python3 failed: %s\n", process.readAllStandardError().constData());
        return std::nullopt;
    }
    const QList<QByteArray> words = process.readAllStandardOutput().trimmed().split(' ');
    if (words.size() != 3)
        return std::nullopt;
    return PythonRun { Rate { words.at(0).toLongLong(), 2 * iterations, words.at(1).toDouble() },
        QString::fromLatin1(words.at(2)) };
}

// The physical limit: the same work with nothing but a robust process-shared pthread mutex
// (ShmScope's Lock is one of these plus the bookkeeping that makes it observable).
struct BareShared {
    pthread_mutex_t mutex;
    std::atomic<int> ready;
    std::atomic<bool> go;
    qint64 counter;
};

std::optional<Rate> runBareMutex(qint64 iterations)
{
    void *memory
        = mmap(nullptr, sizeof(BareShared), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (memory == MAP_FAILED)
        return std::nullopt;
    auto *shared = new (memory) BareShared {};
    pthread_mutexattr_t attributes;
    pthread_mutexattr_init(&attributes);
    pthread_mutexattr_setpshared(&attributes, PTHREAD_PROCESS_SHARED);
    pthread_mutexattr_setrobust(&attributes, PTHREAD_MUTEX_ROBUST);
    pthread_mutex_init(&shared->mutex, &attributes);
    pthread_mutexattr_destroy(&attributes);

    pid_t children[2];
    for (pid_t &child : children) {
        child = fork();
        if (child == 0) {
            shared->ready.fetch_add(1);
            while (!shared->go.load(std::memory_order_acquire)) { }
            for (qint64 i = 0; i < iterations; ++i) {
                if (pthread_mutex_lock(&shared->mutex) == EOWNERDEAD)
                    pthread_mutex_consistent(&shared->mutex);
                ++shared->counter;
                pthread_mutex_unlock(&shared->mutex);
            }
            _exit(0);
        }
    }
    while (shared->ready.load() < 2)
        usleep(100);
    QElapsedTimer timer;
    timer.start();
    shared->go.store(true, std::memory_order_release);
    for (pid_t child : children)
        waitpid(child, nullptr, 0);
    const Rate rate { shared->counter, 2 * iterations, double(timer.nsecsElapsed()) / 1e9 };
    pthread_mutex_destroy(&shared->mutex);
    munmap(memory, sizeof(BareShared));
    return rate;
}

// One line of the table: how to measure it for n increments per process, and its best run.
struct Contender {
    Contender(QByteArray label, qint64 probeIterations, std::function<std::optional<Rate>(qint64)> measure)
        : label(std::move(label))
        , probeIterations(probeIterations)
        , measure(std::move(measure))
    { }
    QByteArray label;
    qint64 probeIterations = 0;
    std::function<std::optional<Rate>(qint64)> measure;
    qint64 iterations = 0; // sized to last about the target time
    std::optional<Rate> best;
};

// Sizes each contender from a short probe, then measures them all in turn, rounds times, keeping
// each one's best run: other load on the machine only ever slows a run down, and taking turns
// spreads it over all contenders alike.
void measureInTurns(std::vector<Contender> &contenders, double targetSeconds, int rounds)
{
    for (Contender &contender : contenders) {
        const std::optional<Rate> probe = contender.measure(contender.probeIterations);
        if (probe)
            contender.iterations = qBound(
                contender.probeIterations, qint64(probe->perSecond() / 2 * targetSeconds), qint64(1) << 34);
    }
    for (int round = 0; round < rounds; ++round) {
        for (Contender &contender : contenders) {
            if (contender.iterations == 0)
                continue;
            const std::optional<Rate> rate = contender.measure(contender.iterations);
            if (rate && (!contender.best || rate->perSecond() > contender.best->perSecond()))
                contender.best = rate;
        }
    }
}

QString millions(double perSecond)
{
    return QString::number(perSecond / 1e6, 'f', 2) + QStringLiteral(" M/s");
}

QString outcome(const Rate &rate)
{
    return QStringLiteral("final %1 of %2%3")
        .arg(rate.increments)
        .arg(rate.expected)
        .arg(rate.increments == rate.expected ? QStringLiteral(", exact") : QStringLiteral(", UPDATES LOST"));
}

void printRow(const char *label, const std::optional<Rate> &rate)
{
    if (!rate) {
        std::printf("  %-52s failed\n", label);
        return;
    }
    std::printf("  %-52s %12s   (%s, %.2f s)\n", label, qPrintable(millions(rate->perSecond())),
        qPrintable(outcome(*rate)), rate->seconds);
}

double lostFraction(const Rate &rate)
{
    return rate.expected > 0 ? 1.0 - double(rate.increments) / double(rate.expected) : 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    double targetSeconds = 1.0;
    const QStringList arguments = QCoreApplication::arguments();
    const qsizetype secondsAt = arguments.indexOf(QStringLiteral("--seconds"));
    if (secondsAt > 0 && secondsAt + 1 < arguments.size())
        targetSeconds = qBound(0.05, arguments.at(secondsAt + 1).toDouble(), 60.0);

    const QString binDir = qEnvironmentVariable("SHMSCOPE_BIN_DIR", QCoreApplication::applicationDirPath());
    g_worker = binDir + QStringLiteral("/shmscope-worker");
    if (!QFileInfo(g_worker).isExecutable()) {
        std::fprintf(
            stderr, "bench: %s not found (build the shmscope-worker target)\n", qPrintable(g_worker));
        return 1;
    }

    constexpr int kRounds = 3;
    std::vector<Contender> contenders;
    contenders.push_back({ "ShmScope Lock  (shmscope-worker counter --lock)", 200'000,
        [](qint64 n) { return runWorkers(n, QStringLiteral("--lock"), SyncKind::Lock); } });
    contenders.push_back({ "ShmScope RLock (the kind of lock a Value carries)", 200'000,
        [](qint64 n) { return runWorkers(n, QStringLiteral("--lock"), SyncKind::RLock); } });
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    QString pythonVersion;
    if (!python.isEmpty()) {
        contenders.push_back(
            { "CPython: with v.get_lock(): v.value += 1", 20'000, [&](qint64 n) -> std::optional<Rate> {
                 const std::optional<PythonRun> run = runPython(python, n, "locked");
                 if (!run)
                     return std::nullopt;
                 pythonVersion = run->version;
                 return run->rate;
             } });
    }
    contenders.push_back({ "bare robust pthread mutex (the physical limit)", 200'000, runBareMutex });
    measureInTurns(contenders, targetSeconds, kRounds);

    std::printf(
        "Locked increments per second, 2 processes on one counter, best of %d turns in this run:\n", kRounds);
    for (Contender &contender : contenders) {
        if (contender.label.startsWith("CPython"))
            contender.label.insert(7, (QLatin1Char(' ') + pythonVersion).toUtf8());
        printRow(contender.label.constData(), contender.best);
    }
    if (python.isEmpty())
        std::printf("  %-52s python3 not found\n", "CPython");
    const std::optional<Rate> &lockRate = contenders.at(0).best;
    const std::optional<Rate> &rlockRate = contenders.at(1).best;
    const std::optional<Rate> &bareRate = contenders.back().best;
    const std::optional<Rate> pythonRate = python.isEmpty() ? std::nullopt : contenders.at(2).best;
    if (lockRate && pythonRate && pythonRate->perSecond() > 0) {
        std::printf("\n  ours / Python: %.1fx with Lock, %.1fx with RLock (target >= 20x)\n",
            lockRate->perSecond() / pythonRate->perSecond(),
            rlockRate ? rlockRate->perSecond() / pythonRate->perSecond() : 0.0);
    }
    if (lockRate && bareRate && bareRate->perSecond() > 0)
        std::printf("  ours / bare mutex: %.0f%% of the physical limit (Lock)\n",
            100.0 * lockRate->perSecond() / bareRate->perSecond());

    std::printf("\nLost updates (2 processes, same counter):\n");
    // Long enough that the two processes overlap for nearly all of it (start-up takes milliseconds).
    std::vector<Contender> racers { { "no lock", 1'000'000,
        [](qint64 n) { return runWorkers(n, QString(), SyncKind::Lock); } } };
    measureInTurns(racers, targetSeconds, 1);
    const std::optional<Rate> &unlocked = racers.front().best;
    if (unlocked)
        std::printf("  %-52s %5.1f%% lost   (%s)\n", "no lock: LOAD, ADD, STORE",
            100 * lostFraction(*unlocked), qPrintable(outcome(*unlocked)));
    const auto perAccess = runWorkers(200'000, QStringLiteral("--per-access-lock"), SyncKind::RLock);
    if (perAccess)
        std::printf("  %-52s %5.1f%% lost   (%s)\n", "a lock per access (Python's v.value += 1)",
            100 * lostFraction(*perAccess), qPrintable(outcome(*perAccess)));
    if (!python.isEmpty()) {
        const std::optional<PythonRun> pythonRace = runPython(python, 200'000, "unlocked");
        if (pythonRace)
            std::printf("  %-52s %5.1f%% lost   (%s)\n", "CPython: v.value += 1 (seed 004)",
                100 * lostFraction(pythonRace->rate), qPrintable(outcome(pythonRace->rate)));
    }
    return lockRate && bareRate ? 0 : 1;
}
