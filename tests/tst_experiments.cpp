// Every built-in lesson, run headless to its end exactly as `shmscope-cli experiment run` does:
// real workers, real shared memory, the expectations of the JSON file checked against the bytes.

#include "experiment/builtinexperiments.h"
#include "experiment/experimentrunner.h"

#include <QDir>
#include <QTest>

using namespace ShmScope;

Q_DECLARE_METATYPE(ShmScope::Experiment)

class TestExperiments : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void twelveLessonsAreBuiltIn();
    void builtinRunsToItsExpectedOutcome_data();
    void builtinRunsToItsExpectedOutcome();
    void runLeavesNothingInDevShm();

private:
    static QStringList shmEntries();
};

QStringList TestExperiments::shmEntries()
{
    // Runner names all start with "shmscope-x<pid>" / "shmscope.*.x<pid>": ours, for this process.
    const QString mine = QStringLiteral("x%1-").arg(QCoreApplication::applicationPid());
    QStringList ours;
    const QStringList all = QDir(QStringLiteral("/dev/shm")).entryList(QDir::Files | QDir::System);
    for (const QString &name : all) {
        if (name.contains(mine))
            ours << name;
    }
    return ours;
}

void TestExperiments::initTestCase()
{
    QVERIFY2(QFileInfo(workerProgramPath()).isExecutable(),
        qPrintable(QStringLiteral("shmscope-worker not built at %1").arg(workerProgramPath())));
}

void TestExperiments::twelveLessonsAreBuiltIn()
{
    QStringList problems;
    const QVector<Experiment> experiments = builtinExperiments(&problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    QCOMPARE(experiments.size(), 12);
    for (int i = 0; i < experiments.size(); ++i) {
        QCOMPARE(experiments.at(i).number, i + 1);
        QVERIFY2(!experiments.at(i).expectations.isEmpty(), qPrintable(experiments.at(i).id));
        QVERIFY2(!experiments.at(i).title.chinese.isEmpty(), qPrintable(experiments.at(i).id));
        QVERIFY2(!experiments.at(i).narrative.chinese.isEmpty(), qPrintable(experiments.at(i).id));
    }
}

void TestExperiments::builtinRunsToItsExpectedOutcome_data()
{
    QTest::addColumn<Experiment>("experiment");
    const QVector<Experiment> experiments = builtinExperiments();
    for (const Experiment &experiment : experiments)
        QTest::addRow("%02d-%s", experiment.number, qPrintable(experiment.id)) << experiment;
}

void TestExperiments::builtinRunsToItsExpectedOutcome()
{
    QFETCH(Experiment, experiment);
    const ExperimentOutcome outcome = ExperimentRunner::runToEnd(experiment, workerProgramPath());

    QStringList report;
    report << QStringLiteral("%1: finished=%2 passed=%3 in %4 ms, %5 ops logged")
                  .arg(experiment.id)
                  .arg(outcome.finished)
                  .arg(outcome.passed)
                  .arg(outcome.elapsedMs)
                  .arg(outcome.operationsLogged);
    for (const QString &problem : outcome.problems)
        report << QStringLiteral("  problem: ") + problem;
    for (const ExpectationOutcome &expectation : outcome.expectations)
        report << QStringLiteral("  %1 %2").arg(
            expectation.passed ? QStringLiteral("✓") : QStringLiteral("✗"), expectation.text);
    const QByteArray printed = report.join(QLatin1Char('\n')).toUtf8();

    QVERIFY2(outcome.finished, printed.constData());
    QCOMPARE(outcome.expectations.size(), experiment.expectations.size());
    for (const ExpectationOutcome &expectation : outcome.expectations) {
        QVERIFY2(expectation.evaluated, printed.constData());
        QVERIFY2(expectation.passed, printed.constData());
    }
    QVERIFY2(outcome.problems.isEmpty(), printed.constData());
    QVERIFY2(outcome.passed, printed.constData());
}

void TestExperiments::runLeavesNothingInDevShm()
{
    // Each run above has removed its segments, sync objects, log and step controls.
    QCOMPARE(shmEntries(), QStringList());
}

QTEST_GUILESS_MAIN(TestExperiments)
#include "tst_experiments.moc"
