// Step mode: a controller lets exactly one step of one worker through. The workers here are
// fork()ed children running the counter's three steps (LOAD, ADD, STORE) on an int in a segment.

#include "forkedchild.h"
#include "segment.h"
#include "stepcontrol.h"

#include <QtTest>
#include <unistd.h>

using namespace ShmScope;
using ShmScopeTest::forkChild;
using ShmScopeTest::waitForChild;

namespace {

const QStringList kCounterProgram = {QStringLiteral("LOAD"), QStringLiteral("ADD"), QStringLiteral("STORE")};
constexpr qint64 kStepTimeoutMs = 10000;

QVector<StepRegister> registerR(qint64 r)
{
    return {{QStringLiteral("r"), r}};
}

// seed 004's unlocked counter, one increment, stopping before each visible step.
int steppedCounter(int *counter)
{
    auto control = StepControl::createForSelf(kCounterProgram, nullptr);
    if (!control)
        return 2;
    qint64 r = 0;
    if (control->waitAt(QStringLiteral("LOAD"), registerR(r), 30000) != SyncResult::Ok)
        return 3;
    r = *counter;
    if (control->waitAt(QStringLiteral("ADD"), registerR(r), 30000) != SyncResult::Ok)
        return 4;
    r = r + 1;
    if (control->waitAt(QStringLiteral("STORE"), registerR(r), 30000) != SyncResult::Ok)
        return 5;
    *counter = int(r);
    control->publishRegisters(registerR(r));
    return 0; // the destructor marks it exited and removes the segment
}

} // namespace

class TestStepControl : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void lostUpdateIsExact();
    void statusShowsProgramStepAndRegisters();
    void statusReadsNeverChangeState();
    void deadWorkerIsReportedNotWaitedOn();
    void workerDyingDuringStepIsReported();
    void workerNotReachingNextStopTimesOut();
    void exitedWorkerIsReported();
    void badPidsAreRefused_data();
    void badPidsAreRefused();
    void listFindsSteppingWorkers();

private:
    int *counter() const { return reinterpret_cast<int *>(m_data->data()); }
    pid_t startCounter();
    std::unique_ptr<Segment> m_data;
    QString m_dataName;
    QVector<pid_t> m_children;
    int m_counter = 0;
};

void TestStepControl::init()
{
    m_dataName = QStringLiteral("shmscope-test-%1-%2").arg(::getpid()).arg(++m_counter);
    SegmentError error;
    m_data = Segment::create(m_dataName, sizeof(int), &error);
    QVERIFY2(m_data, qPrintable(error.message));
}

void TestStepControl::cleanup()
{
    for (pid_t child : std::as_const(m_children)) {
        ::kill(child, SIGKILL);
        waitForChild(child, 5000);
        removeStepControl(child, nullptr); // left behind only by a killed worker
    }
    m_children.clear();
    m_data.reset();
    Segment::unlinkByName(m_dataName, nullptr);
}

pid_t TestStepControl::startCounter()
{
    int *shared = counter();
    const pid_t pid = forkChild([shared] { return steppedCounter(shared); });
    m_children << pid;
    return pid;
}

void TestStepControl::lostUpdateIsExact()
{
    const pid_t a = startCounter();
    const pid_t b = startCounter();
    QString error;
    QVERIFY2(waitUntilStopped(a, kStepTimeoutMs, nullptr, &error), qPrintable(error));
    QVERIFY2(waitUntilStopped(b, kStepTimeoutMs, nullptr, &error), qPrintable(error));

    struct Expected {
        pid_t pid;
        const char *done;
        const char *next; // empty: exited
        qint64 r;         // the register at the next stop
    };
    const Expected script[] = {
        {a, "LOAD", "ADD", 0}, {b, "LOAD", "ADD", 0}, {a, "ADD", "STORE", 1},
        {b, "ADD", "STORE", 1}, {a, "STORE", "", 1},  {b, "STORE", "", 1},
    };
    for (const Expected &step : script) {
        StepOutcome outcome;
        QVERIFY2(releaseOneStep(step.pid, kStepTimeoutMs, &outcome, &error), qPrintable(error));
        QCOMPARE(outcome.stepDone, QLatin1String(step.done));
        if (*step.next) {
            QCOMPARE(outcome.after.state, StepState::Waiting);
            QCOMPARE(outcome.after.waitingAt, QLatin1String(step.next));
        } else {
            QCOMPARE(outcome.after.state, StepState::Exited);
        }
        QCOMPARE(outcome.after.registers.size(), 1);
        QCOMPARE(outcome.after.registers.first().value, step.r);
    }
    QCOMPARE(waitForChild(a), 0);
    QCOMPARE(waitForChild(b), 0);
    m_children.clear();
    int value = -1;
    QCOMPARE(m_data->read(0, &value, sizeof value), qint64(sizeof value));
    QCOMPARE(value, 1); // two increments, one lost: seed 004's race, made exact
}

void TestStepControl::statusShowsProgramStepAndRegisters()
{
    const pid_t a = startCounter();
    QString error;
    StepStatus status;
    QVERIFY2(waitUntilStopped(a, kStepTimeoutMs, &status, &error), qPrintable(error));
    QCOMPARE(status.program, kCounterProgram);
    QCOMPARE(status.waitingAt, QStringLiteral("LOAD"));
    QCOMPARE(status.programIndex, 0);
    *counter() = 41;
    QVERIFY2(releaseOneStep(a, kStepTimeoutMs, nullptr, &error), qPrintable(error));
    QVERIFY(stepStatusOf(a, &status, &error));
    QCOMPARE(status.pid, a);
    QCOMPARE(status.state, StepState::Waiting);
    QCOMPARE(status.waitingAt, QStringLiteral("ADD"));
    QCOMPARE(status.programIndex, 1);
    QCOMPARE(status.lastStepDone, QStringLiteral("LOAD"));
    QCOMPARE(status.stepsDone, quint64(1));
    QCOMPARE(status.stops, quint64(2));
    QCOMPARE(status.registers.first().name, QStringLiteral("r"));
    QCOMPARE(status.registers.first().value, qint64(41));
    QCOMPARE(stepStateName(status.state), QStringLiteral("waiting"));
}

void TestStepControl::statusReadsNeverChangeState()
{
    const pid_t a = startCounter();
    QString error;
    QVERIFY2(waitUntilStopped(a, kStepTimeoutMs, nullptr, &error), qPrintable(error));
    StepStatus first;
    QVERIFY(stepStatusOf(a, &first, &error));
    for (int i = 0; i < 50; ++i) {
        StepStatus again;
        QVERIFY(stepStatusOf(a, &again, &error));
    }
    StepStatus last;
    QVERIFY(stepStatusOf(a, &last, &error));
    QCOMPARE(last.stepsDone, first.stepsDone);
    QCOMPARE(last.stops, first.stops);
    QCOMPARE(last.changedNs, first.changedNs);
    QCOMPARE(*counter(), 0);
}

void TestStepControl::deadWorkerIsReportedNotWaitedOn()
{
    const pid_t a = startCounter();
    QString error;
    QVERIFY2(waitUntilStopped(a, kStepTimeoutMs, nullptr, &error), qPrintable(error));
    ::kill(a, SIGKILL);
    QCOMPARE(waitForChild(a), -SIGKILL);
    StepStatus status;
    QVERIFY(stepStatusOf(a, &status, &error)); // its segment was left behind...
    QCOMPARE(status.state, StepState::Gone);   // ...and says so
    QVERIFY(!releaseOneStep(a, kStepTimeoutMs, nullptr, &error));
    QVERIFY2(error.contains(QLatin1String("is gone")), qPrintable(error));
    QVERIFY(!error.contains(QLatin1Char('\n')));
    QVERIFY(removeStepControl(a, &error));
    QVERIFY(!stepStatusOf(a, &status, &error));
}

void TestStepControl::workerDyingDuringStepIsReported()
{
    const pid_t a = forkChild([] {
        auto control = StepControl::createForSelf(kCounterProgram, nullptr);
        control->waitAt(QStringLiteral("LOAD"), registerR(0), 30000);
        ::raise(SIGKILL); // dies in the middle of its step, never marking itself exited
        return 0;
    });
    m_children << a;
    QString error;
    QVERIFY2(waitUntilStopped(a, kStepTimeoutMs, nullptr, &error), qPrintable(error));
    QVERIFY(!releaseOneStep(a, kStepTimeoutMs, nullptr, &error));
    QVERIFY2(error.contains(QLatin1String("died during step LOAD")), qPrintable(error));
}

void TestStepControl::workerNotReachingNextStopTimesOut()
{
    const pid_t a = forkChild([] {
        auto control = StepControl::createForSelf(kCounterProgram, nullptr);
        control->waitAt(QStringLiteral("LOAD"), registerR(0), 30000);
        ::pause(); // never reaches ADD
        return 0;
    });
    m_children << a;
    QString error;
    QVERIFY2(waitUntilStopped(a, kStepTimeoutMs, nullptr, &error), qPrintable(error));
    QVERIFY(!releaseOneStep(a, 100, nullptr, &error));
    QVERIFY2(error.contains(QLatin1String("did not reach its next stop")), qPrintable(error));
    StepStatus status;
    QVERIFY(stepStatusOf(a, &status, &error));
    QCOMPARE(status.state, StepState::Running);
    QCOMPARE(status.lastStepDone, QStringLiteral("LOAD"));
}

void TestStepControl::exitedWorkerIsReported()
{
    const pid_t a = startCounter();
    QString error;
    QVERIFY2(waitUntilStopped(a, kStepTimeoutMs, nullptr, &error), qPrintable(error));
    for (int i = 0; i < 3; ++i)
        QVERIFY2(releaseOneStep(a, kStepTimeoutMs, nullptr, &error), qPrintable(error));
    QCOMPARE(waitForChild(a), 0);
    m_children.clear();
    QCOMPARE(*counter(), 1);
    // Its step control went with it.
    QVERIFY(!releaseOneStep(a, kStepTimeoutMs, nullptr, &error));
    QVERIFY2(error.contains(QString::number(a)), qPrintable(error));
    QVERIFY(!QFile::exists(QStringLiteral("/dev/shm/") + stepSegmentName(a)));
}

void TestStepControl::badPidsAreRefused_data()
{
    QTest::addColumn<int>("pid");
    QTest::addColumn<QString>("expectedText");
    QTest::addRow("zero") << 0 << QStringLiteral("is not a process id");
    QTest::addRow("negative") << -5 << QStringLiteral("is not a process id");
    QTest::addRow("no such process") << 0x7ffffff0 << QStringLiteral("no process");
    QTest::addRow("not stepping") << int(::getpid()) << QStringLiteral("is not in step mode");
}

void TestStepControl::badPidsAreRefused()
{
    QFETCH(int, pid);
    QFETCH(QString, expectedText);
    QString error;
    QVERIFY(!releaseOneStep(pid, 100, nullptr, &error));
    QVERIFY2(error.contains(expectedText), qPrintable(error));
    StepStatus status;
    QVERIFY(!stepStatusOf(pid, &status, &error));
    QVERIFY2(error.contains(expectedText), qPrintable(error));
}

void TestStepControl::listFindsSteppingWorkers()
{
    const pid_t a = startCounter();
    const pid_t b = startCounter();
    QString error;
    QVERIFY2(waitUntilStopped(a, kStepTimeoutMs, nullptr, &error), qPrintable(error));
    QVERIFY2(waitUntilStopped(b, kStepTimeoutMs, nullptr, &error), qPrintable(error));
    QSet<pid_t> found;
    for (const StepStatus &status : listSteppingWorkers()) {
        if (status.state == StepState::Waiting && status.waitingAt == QLatin1String("LOAD"))
            found.insert(status.pid);
    }
    QVERIFY(found.contains(a));
    QVERIFY(found.contains(b));
}

QTEST_GUILESS_MAIN(TestStepControl)
#include "tst_stepcontrol.moc"
