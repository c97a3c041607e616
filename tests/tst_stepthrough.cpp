// The step-through controller's API: a class plays the lost update by hand through an
// ExperimentRunner (stepWorker A, B, A, B, A, B) and the counter in shared memory ends at exactly 1;
// the SteppingModel shows each worker's program, next step and register, under
// QAbstractItemModelTester; Reset recreates the initial state; the predict box scores.

#include "experiment/experimentparser.h"
#include "experiment/experimentrunner.h"
#include "predictionscore.h"
#include "segment.h"
#include "steppingmodel.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QSignalSpy>
#include <QtEndian>
#include <QtTest>

using namespace ShmScope;

namespace {

constexpr int kTimeoutMs = 20000;

const QByteArray kTwoSteppedCounters = R"json({
  "schema": 1, "id": "two-stepped", "title": {"en": "Two stepped counters", "zh": "两个单步计数器"},
  "predict": {"en": "What is the counter?", "zh": "计数器是多少？"},
  "segments": [{"id": "data", "layout": "counter:i"}],
  "phases": [{"title": "by hand", "workers": [
      {"id": "A", "kind": "counter", "segment": "data", "step": true, "options": {"field": "counter", "iterations": 1}},
      {"id": "B", "kind": "counter", "segment": "data", "step": true, "options": {"field": "counter", "iterations": 1}}]}],
  "expect": [{"segment": "data", "field": "counter", "op": "==", "value": 1,
              "describe": {"en": "two increments, one survived"}}]
})json";

QString workerProgram()
{
    return QDir(qEnvironmentVariable("SHMSCOPE_BIN_DIR")).filePath(QStringLiteral("shmscope-worker"));
}

Experiment twoSteppedCounters()
{
    ExperimentError error;
    const std::optional<Experiment> experiment = parseExperiment(kTwoSteppedCounters, &error);
    if (!experiment)
        qFatal("inline experiment: %s", qPrintable(error.toString()));
    return *experiment;
}

qint32 counterOf(const ExperimentRunner &runner)
{
    const Segment *segment = runner.segment(QStringLiteral("data"));
    return segment ? qFromLittleEndian<qint32>(segment->read(0, 4).constData()) : -1;
}

// Round robin is deterministic only once every stepped worker has reached its first stop.
bool allWaiting(const ExperimentRunner &runner)
{
    const QVector<SteppingWorker> workers = SteppingModel::readWorkers(runner);
    return !workers.isEmpty()
        && std::all_of(
            workers.cbegin(), workers.cend(), [](const SteppingWorker &worker) { return worker.canStep(); });
}

} // namespace

class TestStepThrough : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void describesEachStep_data();
    void describesEachStep();
    void lostUpdateByHandEndsAtOne();
    void resetRecreatesTheInitialState();
    void autoStepRunsToTheEnd();
    void steppingANonSteppedWorkerIsRefused();
    void aClassStepsWithoutATimeout();
    void predictionIsScored_data();
    void predictionIsScored();
};

void TestStepThrough::initTestCase()
{
    QVERIFY2(QFileInfo(workerProgram()).isExecutable(), qPrintable(workerProgram()));
}

void TestStepThrough::describesEachStep_data()
{
    QTest::addColumn<QString>("step");
    QTest::addColumn<QString>("text");
    QTest::addRow("LOAD") << "LOAD"
                          << "LOAD r ← counter";
    QTest::addRow("ADD") << "ADD"
                         << "ADD r ← r + 1";
    QTest::addRow("STORE") << "STORE"
                           << "STORE counter ← r";
    QTest::addRow("ACQUIRE") << "ACQUIRE"
                             << "ACQUIRE lock";
    QTest::addRow("RELEASE") << "RELEASE"
                             << "RELEASE lock";
    QTest::addRow("unknown step kept") << "FROB"
                                       << "FROB";
}

void TestStepThrough::describesEachStep()
{
    QFETCH(QString, step);
    QFETCH(QString, text);
    QCOMPARE(SteppingModel::describeStep(step, QStringLiteral("counter"), QStringLiteral("lock")), text);
}

void TestStepThrough::lostUpdateByHandEndsAtOne()
{
    ExperimentRunner runner(twoSteppedCounters(), workerProgram());
    SteppingModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QString error;
    QVERIFY2(runner.prepare(&error), qPrintable(error));
    model.follow(&runner);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, SteppingModel::WorkerColumn).data().toString(), QStringLiteral("A"));
    QCOMPARE(model.index(1, SteppingModel::WorkerColumn).data().toString(), QStringLiteral("B"));
    // Before the start the cards already show the program.
    QCOMPARE(model.index(0, 0).data(SteppingModel::ProgramTextRole).toStringList(),
        (QStringList { QStringLiteral("LOAD r ← counter"), QStringLiteral("ADD r ← r + 1"),
            QStringLiteral("STORE counter ← r") }));
    QCOMPARE(model.index(0, SteppingModel::StateColumn).data().toString(), QStringLiteral("not started"));
    QCOMPARE(model.index(1, 0).data(SteppingModel::ShortcutRole).toString(), QStringLiteral("2"));

    QSignalSpy finished(&runner, &ExperimentRunner::finished);
    QSignalSpy stepped(&runner, &ExperimentRunner::stepped);
    runner.start();
    QTRY_VERIFY_WITH_TIMEOUT((model.refresh(),
                                 model.index(0, 0).data(SteppingModel::CanStepRole).toBool()
                                     && model.index(1, 0).data(SteppingModel::CanStepRole).toBool()),
        kTimeoutMs);
    QCOMPARE(model.index(0, 0).data(SteppingModel::NextStepRole).toInt(), 0);
    QCOMPARE(
        model.index(0, SteppingModel::NextStepColumn).data().toString(), QStringLiteral("LOAD r ← counter"));
    QVERIFY(!model.index(0, 0).data(SteppingModel::RegisterRole).isValid()); // nothing loaded yet

    // A.LOAD B.LOAD A.ADD B.ADD A.STORE B.STORE: what each card shows after each move.
    struct Move {
        int worker;
        const char *done;
        int nextStep;
        qint64 registerValue;
    };
    const Move moves[] = { { 0, "LOAD", 1, 0 }, { 1, "LOAD", 1, 0 }, { 0, "ADD", 2, 1 }, { 1, "ADD", 2, 1 },
        { 0, "STORE", -1, 1 }, { 1, "STORE", -1, 1 } };
    for (const Move &move : moves) {
        const int workerIndex = model.index(move.worker, 0).data(SteppingModel::WorkerIndexRole).toInt();
        QVERIFY2(runner.stepWorker(workerIndex, &error), qPrintable(error));
        QCOMPARE(stepped.last().at(1).toString(), QString::fromLatin1(move.done));
        if (move.nextStep >= 0) {
            QCOMPARE(model.index(move.worker, 0).data(SteppingModel::NextStepRole).toInt(), move.nextStep);
            QCOMPARE(model.index(move.worker, 0).data(SteppingModel::RegisterRole).toLongLong(),
                move.registerValue);
            QCOMPARE(model.index(move.worker, SteppingModel::RegisterColumn).data().toString(),
                QStringLiteral("r = %1").arg(move.registerValue));
        }
    }
    QVERIFY(finished.wait(kTimeoutMs) || finished.size() == 1);
    QCOMPARE(counterOf(runner), 1); // two increments, one survived: the lost update, exactly
    const ExperimentOutcome outcome = finished.first().first().value<ExperimentOutcome>();
    QVERIFY2(outcome.passed, qPrintable(outcome.problems.join(QLatin1Char('\n'))));
    QCOMPARE(outcome.expectations.first().observed, 1.0);
    QCOMPARE(model.index(0, SteppingModel::StateColumn).data().toString(), QStringLiteral("done"));
    QCOMPARE(model.index(1, SteppingModel::StateColumn).data().toString(), QStringLiteral("done"));
    QCOMPARE(model.index(1, 0).data(SteppingModel::RegisterRole).toLongLong(), 1); // kept after exit
    QVERIFY(!model.index(0, 0).data(SteppingModel::CanStepRole).toBool());
}

void TestStepThrough::resetRecreatesTheInitialState()
{
    ExperimentRunner runner(twoSteppedCounters(), workerProgram());
    SteppingModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.follow(&runner);
    QString error;
    QVERIFY2(runner.prepare(&error), qPrintable(error));
    runner.start();
    // Half-way: A has stored, B has loaded.
    for (int worker : { 0, 1, 0, 0 }) {
        QVERIFY2(runner.stepWorker(worker, &error), qPrintable(error));
    }
    QTRY_COMPARE_WITH_TIMEOUT(counterOf(runner), 1, kTimeoutMs);
    const QString segmentName = runner.realSegmentName(QStringLiteral("data"));

    QVERIFY2(runner.reset(&error), qPrintable(error));
    QCOMPARE(counterOf(runner), 0);
    model.refresh();
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, SteppingModel::StateColumn).data().toString(), QStringLiteral("not started"));
    QCOMPARE(runner.realSegmentName(QStringLiteral("data")), segmentName);

    // The same run again, round robin this time: A B A B A B.
    QSignalSpy finished(&runner, &ExperimentRunner::finished);
    runner.start();
    QTRY_VERIFY_WITH_TIMEOUT(allWaiting(runner), kTimeoutMs);
    int steps = 0;
    while (runner.stepRoundRobin(&error))
        ++steps; // each call returns once the worker has stopped again (or exited)
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kTimeoutMs);
    QCOMPARE(steps, 6);
    QCOMPARE(counterOf(runner), 1);
}

void TestStepThrough::autoStepRunsToTheEnd()
{
    ExperimentRunner runner(twoSteppedCounters(), workerProgram());
    QString error;
    QVERIFY2(runner.prepare(&error), qPrintable(error));
    QSignalSpy finished(&runner, &ExperimentRunner::finished);
    QSignalSpy stepped(&runner, &ExperimentRunner::stepped);
    runner.start();
    QTRY_VERIFY_WITH_TIMEOUT(allWaiting(runner), kTimeoutMs);
    runner.setAutoStepInterval(5); // "Run" with the speed slider
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kTimeoutMs);
    QCOMPARE(stepped.size(), 6);
    QCOMPARE(counterOf(runner), 1); // round robin interleaves too: the update is lost again
}

void TestStepThrough::steppingANonSteppedWorkerIsRefused()
{
    ExperimentRunner runner(twoSteppedCounters(), workerProgram());
    QString error;
    QVERIFY2(runner.prepare(&error), qPrintable(error));
    QVERIFY(!runner.stepWorker(0, &error)); // not started yet
    QVERIFY(error.contains(QLatin1String("not a running stepped worker")));
    QVERIFY(!runner.stepWorker(7, &error));
    QVERIFY(error.contains(QLatin1String("no worker 7")));
}

void TestStepThrough::aClassStepsWithoutATimeout()
{
    Experiment experiment = twoSteppedCounters();
    experiment.timeoutMs = 100;
    ExperimentRunner runner(experiment, workerProgram());
    QString error;
    QVERIFY2(runner.prepare(&error), qPrintable(error));
    QSignalSpy finished(&runner, &ExperimentRunner::finished);
    runner.start();
    QTRY_VERIFY_WITH_TIMEOUT(allWaiting(runner), kTimeoutMs);
    QTest::qWait(300); // the teacher explains for longer than the experiment's timeout
    QVERIFY(finished.isEmpty());
    QVERIFY(runner.isRunning());
    for (int worker : {0, 1, 0, 1, 0, 1})
        QVERIFY2(runner.stepWorker(worker, &error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kTimeoutMs);
    QVERIFY2(runner.outcome().passed, qPrintable(runner.outcome().problems.join(QLatin1Char('\n'))));
    QCOMPARE(counterOf(runner), 1);
}

void TestStepThrough::predictionIsScored_data()
{
    QTest::addColumn<QString>("prediction");
    QTest::addColumn<double>("observed");
    QTest::addColumn<bool>("scored");
    QTest::addColumn<bool>("exact");
    QTest::addColumn<QString>("text");
    QTest::addRow("wrong") << "2" << 1.0 << true << false << "You predicted 2 — observed 1";
    QTest::addRow("right") << "1" << 1.0 << true << true << "You predicted 1 — observed 1";
    QTest::addRow("grouped") << "20,000" << 12887.0 << true << false
                             << "You predicted 20,000 — observed 12,887";
    QTest::addRow("full-width digits") << "２０" << 20.0 << true << true << "You predicted 20 — observed 20";
    QTest::addRow("close float") << "37" << 37.2 << true << true << "You predicted 37 — observed 37.2";
    QTest::addRow("empty") << "" << 1.0 << false << false << "No prediction was made.";
    QTest::addRow("words") << "many" << 1.0 << false << false << "“many” is not a number: no score.";
}

void TestStepThrough::predictionIsScored()
{
    QFETCH(QString, prediction);
    QFETCH(double, observed);
    QFETCH(bool, scored);
    QFETCH(bool, exact);
    QFETCH(QString, text);
    ExperimentOutcome outcome;
    ExpectationOutcome first;
    first.evaluated = true;
    first.observed = observed;
    outcome.expectations << first;
    const PredictionScore score = scorePrediction(prediction, outcome);
    QCOMPARE(score.scored, scored);
    QCOMPARE(score.exact, exact);
    QCOMPARE(score.text, text);
}

QTEST_GUILESS_MAIN(TestStepThrough)
#include "tst_stepthrough.moc"
