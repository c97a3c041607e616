// Sync objects in shared memory, driven from fork()ed processes; every check reads the shared bytes
// or the observable state, never what a child says about itself (children only return an exit code).

#include "forkedchild.h"
#include "oplog.h"
#include "segment.h"
#include "sync/sharedbarrier.h"
#include "sync/sharedcondition.h"
#include "sync/sharedevent.h"
#include "sync/sharedlock.h"
#include "sync/sharedrlock.h"
#include "sync/sharedsemaphore.h"
#include "sync/syncstate.h"

#include <QFile>
#include <QtTest>
#include <atomic>
#include <unistd.h>

using namespace ShmScope;
using ShmScopeTest::forkChild;
using ShmScopeTest::waitForChild;

class TestSync : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cleanup();

    void lockedIncrementsFromEightProcesses();
    void lockHolderKilledIsRecovered_data();
    void lockHolderKilledIsRecovered();
    void rlockDepthSeenByAnotherProcess();
    void rlockReleasedByNonOwnerIsRefused();
    void lockReacquireBySameThreadIsRefused();
    void lockAcquireTimesOutWhileHeldElsewhere();
    void holdTimesAndReleasesAreObservable();
    void semaphoreCounts();
    void boundedSemaphoreRefusesReleasePastMaximum();
    void semaphoreWakesWaiterInAnotherProcess();
    void eventSetWakesWaiterInAnotherProcess();
    void eventWaitTimesOutWhenClear();
    void eventWakesWaiterEvenIfClearedAtOnce();
    void killedWaiterNeverBlocksLaterWakeups_data();
    void killedWaiterNeverBlocksLaterWakeups();
    void killedWaiterStopsCounting_data();
    void killedWaiterStopsCounting();
    void barrierDeadPartyDoesNotOpenRoundEarly();
    void conditionNotifyWakesWaiter();
    void conditionNeedsItsLock();
    void barrierRoundsComplete();
    void barrierTimeoutBreaksIt();
    void observerReadsNeverChangeState();
    void listFindsEveryKind();
    void badInputIsRefused_data();
    void badInputIsRefused();
    void operationsAreLogged();

private:
    QString uniqueName();
    QStringList m_syncNames;
    QStringList m_segmentNames;
    QStringList m_logNames;
    int m_counter = 0;
};

QString TestSync::uniqueName()
{
    const QString name = QStringLiteral("shmscope-test-%1-%2").arg(::getpid()).arg(++m_counter);
    m_syncNames << name;
    return name;
}

void TestSync::cleanup()
{
    // Even after a failed check: nothing of ours may stay in /dev/shm.
    for (const QString &name : std::as_const(m_syncNames))
        removeSyncObject(name, nullptr);
    for (const QString &name : std::as_const(m_segmentNames))
        Segment::unlinkByName(name, nullptr);
    for (const QString &name : std::as_const(m_logNames))
        OpLog::remove(name, nullptr);
    m_syncNames.clear();
    m_segmentNames.clear();
    m_logNames.clear();
}

static SyncState stateOf(const QString &name)
{
    SyncState state;
    QString error;
    if (!readSyncState(name, &state, &error))
        qWarning("readSyncState: %s", qPrintable(error));
    return state;
}

void TestSync::lockedIncrementsFromEightProcesses()
{
    constexpr int kProcesses = 8;
    constexpr int kIterations = 100000;
    const QString lockName = uniqueName();
    const QString dataName = lockName + QStringLiteral("-data");
    m_segmentNames << dataName;
    QString error;
    QVERIFY2(SharedLock::create(lockName, &error), qPrintable(error));
    SegmentError segmentError;
    auto data = Segment::create(dataName, sizeof(int), &segmentError);
    QVERIFY2(data, qPrintable(segmentError.message));

    QVector<pid_t> children;
    for (int p = 0; p < kProcesses; ++p) {
        children << forkChild([&] {
            SegmentError attachError;
            auto segment = Segment::attach(dataName, &attachError);
            auto lock = SharedLock::open(lockName, nullptr);
            if (!segment || !lock)
                return 2;
            // A plain int on purpose: only the lock keeps the read-modify-write whole.
            int *counter = reinterpret_cast<int *>(segment->data());
            for (int i = 0; i < kIterations; ++i) {
                if (lock->acquire(30000) != SyncResult::Ok)
                    return 3;
                *counter = *counter + 1;
                if (!lock->release())
                    return 4;
            }
            return 0;
        });
    }
    for (pid_t child : std::as_const(children))
        QCOMPARE(waitForChild(child), 0);

    int value = 0;
    QCOMPARE(data->read(0, &value, sizeof value), qint64(sizeof value));
    QCOMPARE(value, kProcesses * kIterations);
    const SyncState state = stateOf(lockName);
    QVERIFY(!state.held);
    QCOMPARE(state.acquisitions, quint64(kProcesses * kIterations));
    QCOMPARE(state.releases, quint64(kProcesses * kIterations));
    QCOMPARE(state.ownerDiedRecoveries, quint64(0));
    QCOMPARE(state.waiting, 0);
    QVERIFY(state.heldNsTotal > 0);
}

void TestSync::lockHolderKilledIsRecovered_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("Lock") << QStringLiteral("Lock");
    QTest::newRow("RLock") << QStringLiteral("RLock");
    QTest::newRow("Condition") << QStringLiteral("Condition");
}

void TestSync::lockHolderKilledIsRecovered()
{
    QFETCH(QString, kind);
    const QString name = uniqueName();
    SyncKind syncKind;
    QVERIFY(syncKindFromName(kind, &syncKind));
    QString error;
    QVERIFY2(createSyncObject(name, syncKind, 0, &error), qPrintable(error));

    // The handle stays open while the lock is held: the kernel can only mark a robust mutex
    // "owner died" if it is still mapped when its owner dies.
    std::unique_ptr<SyncHandle> handle;
    auto acquire = [&](qint64 timeoutMs) {
        if (syncKind == SyncKind::Lock) {
            auto lock = SharedLock::open(name, nullptr);
            const SyncResult result = lock->acquire(timeoutMs);
            handle = std::move(lock);
            return result;
        }
        if (syncKind == SyncKind::RLock) {
            auto rlock = SharedRLock::open(name, nullptr);
            rlock->acquire(timeoutMs);
            const SyncResult result = rlock->acquire(timeoutMs); // depth 2 when it dies
            handle = std::move(rlock);
            return result;
        }
        auto condition = SharedCondition::open(name, nullptr);
        const SyncResult result = condition->acquire(timeoutMs);
        handle = std::move(condition);
        return result;
    };

    const pid_t holder = forkChild([&] {
        if (acquire(5000) != SyncResult::Ok)
            return 2;
        ::pause(); // holds it until killed
        return 3;
    });
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(name).owner, holder, 10000);
    QVERIFY(stateOf(name).held);
    QVERIFY(stateOf(name).ownerAlive);

    ::kill(holder, SIGKILL);
    QCOMPARE(waitForChild(holder), -SIGKILL);
    QVERIFY(!stateOf(name).ownerAlive); // still the holder on paper, and known dead

    // The next acquirer, another process, gets it at once instead of hanging.
    const pid_t next = forkChild([&] { return acquire(5000) == SyncResult::Ok ? 0 : 2; });
    QCOMPARE(waitForChild(next), 0);

    const SyncState state = stateOf(name);
    QCOMPARE(state.ownerDiedRecoveries, quint64(1));
    QCOMPARE(state.lastDeadOwner, holder);
}

void TestSync::rlockDepthSeenByAnotherProcess()
{
    const QString name = uniqueName();
    QString error;
    auto rlock = SharedRLock::create(name, &error);
    QVERIFY2(rlock, qPrintable(error));
    for (int i = 0; i < 3; ++i)
        QCOMPARE(rlock->acquire(1000), SyncResult::Ok);

    const pid_t me = ::getpid();
    const pid_t observer = forkChild([&] {
        SyncState state;
        if (!readSyncState(name, &state, nullptr))
            return 2;
        if (!state.held || state.owner != me || state.depth != 3 || state.kind != QLatin1String("RLock"))
            return 3;
        return 0;
    });
    QCOMPARE(waitForChild(observer), 0);

    for (int i = 0; i < 3; ++i)
        QVERIFY(rlock->release());
    QVERIFY(!rlock->release(&error)); // a fourth release: Python's RuntimeError
    QVERIFY(error.contains(QLatin1String("not held")));

    const pid_t secondObserver = forkChild([&] {
        SyncState state;
        if (!readSyncState(name, &state, nullptr))
            return 2;
        return (!state.held && state.owner == 0 && state.depth == 0) ? 0 : 3;
    });
    QCOMPARE(waitForChild(secondObserver), 0);
    QCOMPARE(stateOf(name).acquisitions, quint64(3));
}

void TestSync::rlockReleasedByNonOwnerIsRefused()
{
    const QString name = uniqueName();
    auto rlock = SharedRLock::create(name, nullptr);
    QVERIFY(rlock);
    QCOMPARE(rlock->acquire(1000), SyncResult::Ok);
    const pid_t other = forkChild([&] {
        auto mine = SharedRLock::open(name, nullptr);
        QString message;
        if (mine->release(&message))
            return 2;
        // Another process cannot take it either while we hold it.
        return mine->acquire(0) == SyncResult::TimedOut ? 0 : 3;
    });
    QCOMPARE(waitForChild(other), 0);
    QCOMPARE(stateOf(name).depth, 1);
    QCOMPARE(stateOf(name).contentions, quint64(1));
    QVERIFY(rlock->release());
}

void TestSync::lockReacquireBySameThreadIsRefused()
{
    const QString name = uniqueName();
    auto lock = SharedLock::create(name, nullptr);
    QVERIFY(lock);
    QCOMPARE(lock->acquire(1000), SyncResult::Ok);
    QString error;
    QCOMPARE(lock->acquire(1000, &error), SyncResult::Error);
    QVERIFY(error.contains(QLatin1String("deadlock")));
    QVERIFY(lock->release());
    QVERIFY(!lock->release(&error));
    QVERIFY(!stateOf(name).held);
}

void TestSync::lockAcquireTimesOutWhileHeldElsewhere()
{
    const QString name = uniqueName();
    auto lock = SharedLock::create(name, nullptr);
    QVERIFY(lock);
    auto release = SharedEvent::create(name + QStringLiteral("-go"), nullptr);
    m_syncNames << name + QStringLiteral("-go");
    QVERIFY(release);
    const pid_t holder = forkChild([&] {
        auto mine = SharedLock::open(name, nullptr);
        if (mine->acquire(5000) != SyncResult::Ok)
            return 2;
        SharedEvent::open(name + QStringLiteral("-go"), nullptr)->wait(20000);
        return mine->release() ? 0 : 3;
    });
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(name).owner, holder, 10000);
    QCOMPARE(lock->acquire(0), SyncResult::TimedOut);
    QCOMPARE(lock->acquire(30), SyncResult::TimedOut);
    SyncState state = stateOf(name);
    QCOMPARE(state.contentions, quint64(2));
    QCOMPARE(state.waiting, 0);
    QCOMPARE(state.acquisitions, quint64(1));
    QVERIFY(release->set());
    QCOMPARE(waitForChild(holder), 0);
    QCOMPARE(lock->acquire(1000), SyncResult::Ok);
    QCOMPARE(stateOf(name).owner, ::getpid());
    QVERIFY(lock->release());
}

static qint64 monotonicNs()
{
    timespec now{};
    ::clock_gettime(CLOCK_MONOTONIC, &now);
    return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
}

void TestSync::holdTimesAndReleasesAreObservable()
{
    // The fast path reads no clock; the first hold, and every hold after a long one, is timed.
    const QString name = uniqueName();
    auto rlock = SharedRLock::create(name, nullptr);
    QVERIFY(rlock);
    const qint64 before = monotonicNs();
    QCOMPARE(rlock->acquire(1000), SyncResult::Ok);
    SyncState state = stateOf(name);
    QVERIFY(state.heldSinceNs >= before && state.heldSinceNs <= monotonicNs());
    QThread::usleep(200); // a hold longer than the 20 us that makes the next one timed too
    QVERIFY(rlock->release());
    state = stateOf(name);
    QCOMPARE(state.heldSinceNs, 0);
    QVERIFY(state.heldNsTotal >= 200000);
    const qint64 afterLongHold = state.heldNsTotal;

    QCOMPARE(rlock->acquire(1000), SyncResult::Ok);
    QVERIFY(stateOf(name).heldSinceNs > 0);
    QCOMPARE(rlock->acquire(1000), SyncResult::Ok);
    QCOMPARE(rlock->acquire(1000), SyncResult::Ok);
    state = stateOf(name);
    QCOMPARE(state.depth, 3);
    QCOMPARE(state.acquisitions, quint64(4));
    QCOMPARE(state.releases, quint64(1));
    for (int i = 0; i < 3; ++i)
        QVERIFY(rlock->release());
    state = stateOf(name);
    QVERIFY(!state.held);
    QCOMPARE(state.releases, quint64(4)); // every level given back counts, as acquiring it did
    QVERIFY(state.heldNsTotal > afterLongHold);

    for (int i = 0; i < 1000; ++i) {
        QCOMPARE(rlock->acquire(1000), SyncResult::Ok);
        QVERIFY(rlock->release());
    }
    state = stateOf(name);
    QCOMPARE(state.acquisitions, quint64(1004));
    QCOMPARE(state.releases, quint64(1004));
    QCOMPARE(state.waiting, 0);
    QVERIFY(state.consistent);
}

void TestSync::semaphoreCounts()
{
    const QString name = uniqueName();
    auto semaphore = SharedSemaphore::create(name, 2, nullptr);
    QVERIFY(semaphore);
    QCOMPARE(stateOf(name).count, 2);
    QCOMPARE(semaphore->acquire(0), SyncResult::Ok);
    QCOMPARE(semaphore->acquire(0), SyncResult::Ok);
    QCOMPARE(semaphore->acquire(0), SyncResult::TimedOut);
    QCOMPARE(stateOf(name).count, 0);
    QVERIFY(semaphore->release(3)); // an unbounded semaphore may pass its initial value
    const SyncState state = stateOf(name);
    QCOMPARE(state.count, 3);
    QCOMPARE(state.initialCount, 2);
    QCOMPARE(state.acquisitions, quint64(2));
    QCOMPARE(state.kind, QStringLiteral("Semaphore"));
}

void TestSync::boundedSemaphoreRefusesReleasePastMaximum()
{
    const QString name = uniqueName();
    auto semaphore = SharedSemaphore::createBounded(name, 2, nullptr);
    QVERIFY(semaphore);
    QVERIFY(semaphore->isBounded());
    QString error;
    QVERIFY(!semaphore->release(1, &error));
    QVERIFY(error.contains(QLatin1String("released too many times")));
    QCOMPARE(stateOf(name).count, 2);
    QCOMPARE(semaphore->acquire(0), SyncResult::Ok);
    QVERIFY(!semaphore->release(2, &error)); // 1 + 2 > 2: refused whole, nothing changed
    QCOMPARE(stateOf(name).count, 1);
    QVERIFY(semaphore->release(1));
    const SyncState state = stateOf(name);
    QCOMPARE(state.count, 2);
    QCOMPARE(state.maxCount, 2);
    QCOMPARE(state.kind, QStringLiteral("BoundedSemaphore"));
}

void TestSync::semaphoreWakesWaiterInAnotherProcess()
{
    const QString name = uniqueName();
    auto semaphore = SharedSemaphore::create(name, 0, nullptr);
    QVERIFY(semaphore);
    const pid_t waiter = forkChild([&] {
        return SharedSemaphore::open(name, nullptr)->acquire(10000) == SyncResult::Ok ? 0 : 2;
    });
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(name).waiting, 1, 10000);
    QVERIFY(semaphore->release());
    QCOMPARE(waitForChild(waiter), 0);
    const SyncState state = stateOf(name);
    QCOMPARE(state.count, 0);
    QCOMPARE(state.waiting, 0);
    QCOMPARE(state.contentions, quint64(1));
}

void TestSync::eventSetWakesWaiterInAnotherProcess()
{
    const QString name = uniqueName();
    auto event = SharedEvent::create(name, nullptr);
    QVERIFY(event);
    QVERIFY(!event->isSet());
    QVector<pid_t> waiters;
    for (int i = 0; i < 3; ++i)
        waiters << forkChild([&] { return SharedEvent::open(name, nullptr)->wait(10000) == SyncResult::Ok ? 0 : 2; });
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(name).waiting, 3, 10000);
    QVERIFY(event->set());
    for (pid_t waiter : std::as_const(waiters))
        QCOMPARE(waitForChild(waiter), 0);
    const SyncState state = stateOf(name);
    QVERIFY(state.flag);
    QCOMPARE(state.waiting, 0);
    QCOMPARE(state.acquisitions, quint64(3));
    QVERIFY(event->clear());
    QVERIFY(!stateOf(name).flag);
}

void TestSync::eventWaitTimesOutWhenClear()
{
    const QString name = uniqueName();
    auto event = SharedEvent::create(name, nullptr);
    QVERIFY(event);
    QCOMPARE(event->wait(0), SyncResult::TimedOut);
    QCOMPARE(event->wait(20), SyncResult::TimedOut);
    QCOMPARE(stateOf(name).waiting, 0);
    QVERIFY(event->set());
    QCOMPARE(event->wait(0), SyncResult::Ok);
}

void TestSync::eventWakesWaiterEvenIfClearedAtOnce()
{
    // Python: a waiter woken by set() returns True even when clear() followed immediately.
    const QString name = uniqueName();
    auto event = SharedEvent::create(name, nullptr);
    QVERIFY(event);
    const pid_t waiter = forkChild([&] { return SharedEvent::open(name, nullptr)->wait(10000) == SyncResult::Ok ? 0 : 2; });
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(name).waiting, 1, 10000);
    QVERIFY(event->set());
    QVERIFY(event->clear());
    QCOMPARE(waitForChild(waiter), 0);
    QVERIFY(!stateOf(name).flag);
}

void TestSync::killedWaiterNeverBlocksLaterWakeups_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("Event") << QStringLiteral("Event");
    QTest::newRow("Semaphore") << QStringLiteral("Semaphore");
    QTest::newRow("Condition") << QStringLiteral("Condition");
}

void TestSync::killedWaiterNeverBlocksLaterWakeups()
{
    // glibc's process-shared pthread_cond_t (before 2.41) can lose or block later wake-ups after a
    // waiter is SIGKILLed inside it; ShmScope's objects sleep on plain futexes instead.
    QFETCH(QString, kind);
    const QString name = uniqueName();
    SyncKind syncKind;
    QVERIFY(syncKindFromName(kind, &syncKind));
    QVERIFY(createSyncObject(name, syncKind, 0, nullptr));
    auto waitOnce = [&](qint64 timeoutMs) -> int {
        if (syncKind == SyncKind::Event)
            return SharedEvent::open(name, nullptr)->wait(timeoutMs) == SyncResult::Ok ? 0 : 2;
        if (syncKind == SyncKind::Semaphore)
            return SharedSemaphore::open(name, nullptr)->acquire(timeoutMs) == SyncResult::Ok ? 0 : 2;
        auto condition = SharedCondition::open(name, nullptr);
        condition->acquire(timeoutMs);
        const SyncResult result = condition->wait(timeoutMs);
        condition->release();
        return result == SyncResult::Ok ? 0 : 2;
    };
    auto wakeOnce = [&]() -> int {
        if (syncKind == SyncKind::Event)
            return SharedEvent::open(name, nullptr)->set() ? 0 : 3;
        if (syncKind == SyncKind::Semaphore)
            return SharedSemaphore::open(name, nullptr)->release() ? 0 : 3;
        auto condition = SharedCondition::open(name, nullptr);
        condition->acquire(5000);
        const bool ok = condition->notifyAll();
        condition->release();
        return ok ? 0 : 3;
    };

    for (int round = 0; round < 3; ++round) {
        const pid_t doomed = forkChild([&] { return waitOnce(30000); });
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(name).waiting, 1, 10000);
        ::kill(doomed, SIGKILL);
        QCOMPARE(waitForChild(doomed), -SIGKILL);
        QCOMPARE(stateOf(name).waiting, 0); // the dead waiter does not count any more

        const pid_t live = forkChild([&] { return waitOnce(10000); });
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(name).waiting, 1, 10000);
        // The waker runs in a child too, so that a hang would fail the test instead of stalling it.
        const pid_t waker = forkChild(wakeOnce);
        QCOMPARE(waitForChild(waker, 10000), 0);
        QCOMPARE(waitForChild(live, 15000), 0);
        if (syncKind == SyncKind::Event)
            QVERIFY(SharedEvent::open(name, nullptr)->clear());
    }
}

void TestSync::killedWaiterStopsCounting_data()
{
    QTest::addColumn<QString>("kind");
    for (const char *kind : {"Lock", "RLock", "Semaphore", "Event", "Condition", "Barrier"})
        QTest::newRow(kind) << QString::fromLatin1(kind);
}

void TestSync::killedWaiterStopsCounting()
{
    // A waiter SIGKILLed while blocked can never count itself down: ShmScope keeps waiters by pid,
    // and a dead pid is not waiting.
    QFETCH(QString, kind);
    const QString name = uniqueName();
    SyncKind syncKind;
    QVERIFY(syncKindFromName(kind, &syncKind));
    QVERIFY(createSyncObject(name, syncKind, syncKind == SyncKind::Barrier ? 2 : 0, nullptr));
    // Lock and RLock: held here, so that the child blocks in acquire.
    std::unique_ptr<SharedLock> lock = syncKind == SyncKind::Lock ? SharedLock::open(name, nullptr) : nullptr;
    std::unique_ptr<SharedRLock> rlock = syncKind == SyncKind::RLock ? SharedRLock::open(name, nullptr) : nullptr;
    if (lock)
        QCOMPARE(lock->acquire(1000), SyncResult::Ok);
    if (rlock)
        QCOMPARE(rlock->acquire(1000), SyncResult::Ok);

    const pid_t doomed = forkChild([&] {
        switch (syncKind) {
        case SyncKind::Lock:
            SharedLock::open(name, nullptr)->acquire(30000);
            break;
        case SyncKind::RLock:
            SharedRLock::open(name, nullptr)->acquire(30000);
            break;
        case SyncKind::Semaphore:
            SharedSemaphore::open(name, nullptr)->acquire(30000);
            break;
        case SyncKind::Event:
            SharedEvent::open(name, nullptr)->wait(30000);
            break;
        case SyncKind::Condition: {
            auto condition = SharedCondition::open(name, nullptr);
            condition->acquire(30000);
            condition->wait(30000);
            break;
        }
        case SyncKind::Barrier:
            SharedBarrier::open(name, nullptr)->wait(30000);
            break;
        case SyncKind::BoundedSemaphore:
            break;
        }
        return 2; // only SIGKILL should end it
    });
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(name).waiting, 1, 10000);
    ::kill(doomed, SIGKILL);
    QCOMPARE(waitForChild(doomed), -SIGKILL);
    const SyncState state = stateOf(name);
    QCOMPARE(state.waiting, 0);
    QVERIFY(!state.broken); // a Barrier party that died has left; it did not break the barrier
    if (lock)
        QVERIFY(lock->release());
    if (rlock)
        QVERIFY(rlock->release());
}

void TestSync::barrierDeadPartyDoesNotOpenRoundEarly()
{
    // Python's threading.Barrier: a party whose wait() is interrupted leaves (`_count -= 1`). The
    // same for a process killed while waiting here: the round still needs every party alive.
    const QString name = uniqueName();
    auto barrier = SharedBarrier::create(name, 2, nullptr);
    QVERIFY(barrier);
    const pid_t doomed = forkChild([&] {
        SharedBarrier::open(name, nullptr)->wait(30000);
        return 2;
    });
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(name).waiting, 1, 10000);
    ::kill(doomed, SIGKILL);
    QCOMPARE(waitForChild(doomed), -SIGKILL);
    QCOMPARE(barrier->waiting(), 0);

    // Arriving second on paper, first in truth: it must wait, not open the round with a dead party.
    const pid_t first = forkChild([&] {
        int index = -1;
        const SyncResult result = SharedBarrier::open(name, nullptr)->wait(20000, &index);
        return result == SyncResult::Ok && index == 0 ? 0 : 3;
    });
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(name).waiting, 1, 10000);
    QCOMPARE(stateOf(name).generation, 0);
    QCOMPARE(::waitpid(first, nullptr, WNOHANG), 0); // still blocked in wait()

    int index = -1;
    QCOMPARE(barrier->wait(10000, &index), SyncResult::Ok);
    QCOMPARE(index, 1);
    QCOMPARE(waitForChild(first), 0);
    const SyncState state = stateOf(name);
    QCOMPARE(state.generation, 1);
    QCOMPARE(state.waiting, 0);
    QVERIFY(!state.broken);
    QCOMPARE(state.acquisitions, quint64(2));
}

void TestSync::conditionNotifyWakesWaiter()
{
    const QString name = uniqueName();
    const QString dataName = name + QStringLiteral("-data");
    m_segmentNames << dataName;
    auto condition = SharedCondition::create(name, nullptr);
    QVERIFY(condition);
    SegmentError segmentError;
    auto data = Segment::create(dataName, sizeof(int), &segmentError);
    QVERIFY(data);
    int *ready = reinterpret_cast<int *>(data->data());

    const pid_t waiter = forkChild([&] {
        auto mine = SharedCondition::open(name, nullptr);
        if (mine->acquire(10000) != SyncResult::Ok)
            return 2;
        const SyncResult result = mine->waitFor([&] { return *ready == 1; }, 10000);
        const bool heldAfter = mine->isHeldByMe();
        mine->release();
        return result == SyncResult::Ok && heldAfter ? 0 : 3;
    });
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(name).waiting, 1, 10000);
    QVERIFY(!stateOf(name).held); // the waiter gave the lock up while it sleeps
    QCOMPARE(condition->acquire(1000), SyncResult::Ok);
    *ready = 1;
    QVERIFY(condition->notify());
    QVERIFY(condition->release());
    QCOMPARE(waitForChild(waiter), 0);
    QCOMPARE(stateOf(name).waiting, 0);
    QVERIFY(!stateOf(name).held);
}

void TestSync::conditionNeedsItsLock()
{
    const QString name = uniqueName();
    auto condition = SharedCondition::create(name, nullptr);
    QVERIFY(condition);
    QString error;
    QCOMPARE(condition->wait(10, &error), SyncResult::Error);
    QVERIFY(error.contains(QLatin1String("not held")));
    QVERIFY(!condition->notify(1, &error));
    QVERIFY(!condition->notifyAll(&error));
    QCOMPARE(condition->acquire(1000), SyncResult::Ok);
    QCOMPARE(condition->wait(10), SyncResult::TimedOut);
    QVERIFY(condition->isHeldByMe()); // taken back after the timeout, like Python
    QVERIFY(condition->release());
}

void TestSync::barrierRoundsComplete()
{
    constexpr int kParties = 4;
    constexpr int kRounds = 50;
    const QString name = uniqueName();
    auto barrier = SharedBarrier::create(name, kParties, nullptr);
    QVERIFY(barrier);
    QVector<pid_t> parties;
    for (int p = 0; p < kParties; ++p) {
        parties << forkChild([&] {
            auto mine = SharedBarrier::open(name, nullptr);
            for (int round = 0; round < kRounds; ++round) {
                int index = -1;
                if (mine->wait(20000, &index) != SyncResult::Ok)
                    return 2;
                if (index < 0 || index >= kParties)
                    return 3;
            }
            return 0;
        });
    }
    for (pid_t party : std::as_const(parties))
        QCOMPARE(waitForChild(party), 0);
    const SyncState state = stateOf(name);
    QCOMPARE(state.generation, kRounds);
    QCOMPARE(state.parties, kParties);
    QCOMPARE(state.waiting, 0);
    QVERIFY(!state.broken);
    QCOMPARE(state.acquisitions, quint64(kParties * kRounds));
}

void TestSync::barrierTimeoutBreaksIt()
{
    const QString name = uniqueName();
    auto barrier = SharedBarrier::create(name, 3, nullptr);
    QVERIFY(barrier);
    const pid_t other = forkChild([&] {
        return SharedBarrier::open(name, nullptr)->wait(20000) == SyncResult::Broken ? 0 : 2;
    });
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(name).waiting, 1, 10000);
    // We arrive second and give up: Python breaks the barrier for everyone.
    QCOMPARE(barrier->wait(30), SyncResult::Broken);
    QCOMPARE(waitForChild(other), 0);
    SyncState state = stateOf(name);
    QVERIFY(state.broken);
    QCOMPARE(state.waiting, 0);
    QCOMPARE(state.generation, 0);
    QCOMPARE(barrier->wait(1000), SyncResult::Broken);
    QVERIFY(barrier->reset());
    QVERIFY(!stateOf(name).broken);
}

void TestSync::observerReadsNeverChangeState()
{
    const QString name = uniqueName();
    auto lock = SharedLock::create(name, nullptr);
    QVERIFY(lock);
    QCOMPARE(lock->acquire(1000), SyncResult::Ok);
    QFile file(QStringLiteral("/dev/shm/shmscope.sync.") + name);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray before = file.readAll();
    QVERIFY(!before.isEmpty());
    for (int i = 0; i < 100; ++i)
        stateOf(name);
    listSyncStates();
    file.seek(0);
    QCOMPARE(file.readAll(), before);
    QVERIFY(lock->release());
    file.seek(0);
    QVERIFY(file.readAll() != before); // the file is live: a change by the holder shows
}

void TestSync::listFindsEveryKind()
{
    QSet<QString> expected;
    const SyncKind kinds[] = {SyncKind::Lock, SyncKind::RLock, SyncKind::Semaphore, SyncKind::BoundedSemaphore,
                              SyncKind::Event, SyncKind::Condition, SyncKind::Barrier};
    for (SyncKind kind : kinds) {
        const QString name = uniqueName();
        QString error;
        QVERIFY2(createSyncObject(name, kind, 2, &error), qPrintable(error));
        expected.insert(name + QLatin1Char(':') + syncKindName(kind));
    }
    QSet<QString> found;
    for (const SyncState &state : listSyncStates()) {
        if (m_syncNames.contains(state.name))
            found.insert(state.name + QLatin1Char(':') + state.kind);
    }
    QCOMPARE(found, expected);
}

void TestSync::badInputIsRefused_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("expectedText");
    QTest::newRow("empty name") << QStringLiteral("create-empty") << QStringLiteral("must not be empty");
    QTest::newRow("slash in name") << QStringLiteral("create-slash") << QStringLiteral("no '/'");
    QTest::newRow("name too long") << QStringLiteral("create-long") << QStringLiteral("too long");
    QTest::newRow("open missing") << QStringLiteral("open-missing") << QStringLiteral("no sync object named");
    QTest::newRow("create twice") << QStringLiteral("create-twice") << QStringLiteral("already exists");
    QTest::newRow("wrong kind") << QStringLiteral("wrong-kind") << QStringLiteral("is a Event, not a Lock");
    QTest::newRow("negative semaphore") << QStringLiteral("negative-semaphore") << QStringLiteral(">= 0");
    QTest::newRow("barrier without parties") << QStringLiteral("barrier-zero") << QStringLiteral("at least 1");
    QTest::newRow("foreign file") << QStringLiteral("foreign") << QStringLiteral("not a ShmScope sync object");
    QTest::newRow("remove missing") << QStringLiteral("remove-missing") << QStringLiteral("no sync object named");
}

void TestSync::badInputIsRefused()
{
    QFETCH(QString, action);
    QFETCH(QString, expectedText);
    const QString name = uniqueName();
    QString error;
    bool ok = true;
    if (action == QLatin1String("create-empty")) {
        ok = SharedLock::create(QString(), &error) != nullptr;
    } else if (action == QLatin1String("create-slash")) {
        ok = SharedLock::create(QStringLiteral("a/b"), &error) != nullptr;
    } else if (action == QLatin1String("create-long")) {
        ok = SharedLock::create(QString(300, QLatin1Char('x')), &error) != nullptr;
    } else if (action == QLatin1String("open-missing")) {
        ok = SharedLock::open(name, &error) != nullptr;
    } else if (action == QLatin1String("create-twice")) {
        QVERIFY(SharedLock::create(name, nullptr));
        ok = SharedLock::create(name, &error) != nullptr;
    } else if (action == QLatin1String("wrong-kind")) {
        QVERIFY(SharedEvent::create(name, nullptr));
        ok = SharedLock::open(name, &error) != nullptr;
    } else if (action == QLatin1String("negative-semaphore")) {
        ok = SharedSemaphore::create(name, -1, &error) != nullptr;
    } else if (action == QLatin1String("barrier-zero")) {
        ok = SharedBarrier::create(name, 0, &error) != nullptr;
    } else if (action == QLatin1String("foreign")) {
        // A file that merely has the prefix, all zeros: refused (after a short wait for a creator).
        const QString segmentName = QStringLiteral("shmscope.sync.") + name;
        m_segmentNames << segmentName;
        SegmentError segmentError;
        QVERIFY(Segment::create(segmentName, 4096, &segmentError));
        ok = SharedLock::open(name, &error) != nullptr;
        SyncState state;
        QVERIFY(!readSyncState(name, &state, nullptr));
    } else if (action == QLatin1String("remove-missing")) {
        ok = removeSyncObject(name, &error);
    }
    QVERIFY(!ok);
    QVERIFY2(error.contains(expectedText), qPrintable(error));
    QVERIFY(!error.contains(QLatin1Char('\n')));
}

void TestSync::operationsAreLogged()
{
    const QString name = uniqueName();
    m_logNames << name;
    QString error;
    auto log = OpLog::create(name, 64, &error);
    QVERIFY2(log, qPrintable(error));
    auto lock = SharedLock::create(name, nullptr);
    QVERIFY(lock);
    lock->setOpLog(log.get());
    QCOMPARE(lock->acquire(1000), SyncResult::Ok);
    QVERIFY(lock->release());
    lock->setOpLog(nullptr);
    QCOMPARE(lock->acquire(1000), SyncResult::Ok); // not logged any more
    QVERIFY(lock->release());

    OpLogReader reader(*log);
    const OpLogReader::Batch batch = reader.readAvailable();
    QCOMPARE(batch.entries.size(), 2);
    QCOMPARE(batch.entries[0].op, OpCode::Acquire);
    QCOMPARE(batch.entries[1].op, OpCode::Release);
    QCOMPARE(batch.entries[0].target, syncObjectId(name));
    QCOMPARE(batch.entries[0].pid, ::getpid());
    QVERIFY(name.startsWith(batch.entries[0].tag));
}

QTEST_GUILESS_MAIN(TestSync)
#include "tst_sync.moc"
