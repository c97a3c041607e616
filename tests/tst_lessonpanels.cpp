// The classroom widgets driven like a teacher would: the experiment panel (built-ins, languages, a
// malformed file's message), the step-through controller (buttons and keys 1, 2, Space; the
// predict box scored), and the timeline (lanes, scrubbing back with the keys, CSV export).
// With SHMSCOPE_GRAB_DIR set, each widget is also saved as a PNG there (for the README).

#include "experiment/builtinexperiments.h"
#include "experiment/experimentparser.h"
#include "experimentpanel.h"
#include "experimentsession.h"
#include "lessondocks.h"
#include "okabeito.h"
#include "segment.h"
#include "stepcontrollerpanel.h"
#include "theme.h"
#include "timelinepanel.h"
#include "timelineview.h"

#include <QApplication>
#include <QBoxLayout>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>

using namespace ShmScope;

namespace {

constexpr int kTimeoutMs = 20000;

const QByteArray kLockedAndRacy = R"json({
  "schema": 1, "id": "classroom", "title": {"en": "Two stepped counters", "zh": "两个单步计数器"},
  "lesson": {"en": "counter.value += 1 is LOAD, ADD, STORE", "zh": "加一其实是三步"},
  "narrative": {"en": "Step A and B by hand.", "zh": "一步一步地放行 A 和 B。"},
  "predict": {"en": "Both add 1: what is the counter?", "zh": "两个都加一：计数器是多少？"},
  "segments": [{"id": "data", "layout": "counter:i"}],
  "sync": [{"id": "lock", "kind": "Lock"}],
  "phases": [{"title": {"en": "by hand", "zh": "手动"}, "workers": [
      {"id": "A", "kind": "counter", "segment": "data", "step": true, "options": {"field": "counter", "iterations": 1}},
      {"id": "B", "kind": "counter", "segment": "data", "step": true, "options": {"field": "counter", "iterations": 1}}]},
    {"title": {"en": "with a lock", "zh": "加锁"}, "workers": [
      {"id": "C", "kind": "counter", "segment": "data", "sync": {"lock": "lock"}, "copies": 2,
       "options": {"field": "counter", "iterations": 40}}]}],
  "expect": [{"segment": "data", "field": "counter", "op": "==", "value": 81,
              "describe": {"en": "one lost by hand, 80 locked", "zh": "手动丢一次，加锁 80 次"}}]
})json";

QString workerProgram()
{
    return QDir(qEnvironmentVariable("SHMSCOPE_BIN_DIR")).filePath(QStringLiteral("shmscope-worker"));
}

void grab(QWidget *widget, const QString &name)
{
    const QString directory = qEnvironmentVariable("SHMSCOPE_GRAB_DIR");
    if (directory.isEmpty())
        return;
    widget->grab().save(QDir(directory).filePath(name + QStringLiteral(".png")));
}

} // namespace

class TestLessonPanels : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void experimentPanelShowsEveryBuiltinInBothLanguages();
    void malformedFileGetsItsPlaceInAMessage();
    void classStepsTheLostUpdateWithKeysAndScoresThePrediction();
    void builtinLostUpdateRunsThroughThePanels();
    void lessonDocksInstallIntoAWindow();
};

void TestLessonPanels::initTestCase()
{
    QVERIFY2(QFileInfo(workerProgram()).isExecutable(), qPrintable(workerProgram()));
    applyTheme(*qApp);
}

void TestLessonPanels::experimentPanelShowsEveryBuiltinInBothLanguages()
{
    ExperimentSession session(workerProgram());
    ExperimentPanel panel(&session);
    panel.resize(620, 760);
    QCOMPARE(panel.builtinCount(), 12);
    for (int row = 0; row < panel.builtinCount(); ++row) {
        QVERIFY(panel.loadBuiltin(row));
        QCOMPARE(session.experiment()->number, row + 1);
    }
    QVERIFY(panel.loadBuiltin(3)); // the lost update
    panel.setLanguage(QStringLiteral("zh"));
    QCOMPARE(session.language(), QStringLiteral("zh"));
    auto *title = panel.findChild<QLabel *>(QStringLiteral("experimentTitle"));
    QVERIFY(title);
    QVERIFY2(title->text().contains(QStringLiteral("计数器")), qPrintable(title->text()));
    grab(&panel, QStringLiteral("experiment-panel-zh"));
    panel.setLanguage(QStringLiteral("en"));
    QVERIFY2(title->text().startsWith(QLatin1String("4. 10 processes")), qPrintable(title->text()));
}

void TestLessonPanels::malformedFileGetsItsPlaceInAMessage()
{
    QTemporaryDir directory;
    const QString path = directory.filePath(QStringLiteral("broken.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"schema\": 1,\n \"id\": \"x\",\n \"title\": \"X\",\n \"segments\": [ {\"id\": \"d\" "
               "\"layout\": \"v:i\"} ]\n}");
    file.close();

    ExperimentSession session(workerProgram());
    ExperimentPanel panel(&session);
    QSignalSpy messages(&panel, &ExperimentPanel::statusMessage);
    QString seen;
    QTimer::singleShot(0, &panel, [&seen] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            seen = box->text() + QLatin1Char('\n') + box->informativeText();
            box->accept();
        }
    });
    QVERIFY(!panel.loadFile(path));
    QVERIFY2(seen.contains(QLatin1String("broken.json")), qPrintable(seen));
    QVERIFY2(seen.contains(QLatin1String("line 4")), qPrintable(seen));
    QCOMPARE(messages.size(), 1);
    QVERIFY(!session.hasExperiment()); // nothing half-loaded
}

void TestLessonPanels::classStepsTheLostUpdateWithKeysAndScoresThePrediction()
{
    ExperimentError parseError;
    const std::optional<Experiment> experiment = parseExperiment(kLockedAndRacy, &parseError);
    QVERIFY2(experiment, qPrintable(parseError.toString()));
    ExperimentSession session(workerProgram());
    session.setLanguage(QStringLiteral("en"));
    StepControllerPanel steps(&session);
    TimelinePanel timeline(session.timeline());
    steps.resize(760, 430);
    timeline.resize(1000, 330);
    QString error;
    QVERIFY2(session.load(*experiment, &error), qPrintable(error));
    QVERIFY(steps.stepButton(0));
    QVERIFY(steps.stepButton(1));
    QVERIFY(steps.stepButton(0)->text().contains(QLatin1String("[1]")));
    // Worker i's card carries Okabe-Ito colour i down its side, as its timeline lane does.
    QVERIFY(steps.stepButton(0)->parentWidget()->styleSheet().contains(OkabeIto::workerColor(0).name()));
    QVERIFY(steps.stepButton(1)->parentWidget()->styleSheet().contains(OkabeIto::workerColor(1).name()));

    // The class predicts 2.
    auto *predictEdit = steps.findChild<QLineEdit *>();
    QVERIFY(predictEdit);
    QTest::keyClicks(predictEdit, QStringLiteral("2"));
    QTest::keyClick(predictEdit, Qt::Key_Return);
    QCOMPARE(session.prediction(), QStringLiteral("2"));
    grab(&steps, QStringLiteral("step-through-ready"));

    // The first press starts the experiment; the keys 1 and 2 step A and B while the panel has focus.
    session.start();
    QTRY_VERIFY_WITH_TIMEOUT((session.steppingModel()->refresh(),
                                 session.steppingModel()->workers().size() == 2
                                     && session.steppingModel()->workers().at(0).canStep()
                                     && session.steppingModel()->workers().at(1).canStep()),
        kTimeoutMs);
    steps.show();
    steps.activateWindow();
    steps.setFocus();
    QTRY_VERIFY(steps.hasFocus());
    QSignalSpy stepped(session.runner(), &ExperimentRunner::stepped);
    QTest::keyClick(&steps, Qt::Key_1); // A.LOAD
    QTest::keyClick(&steps, Qt::Key_2); // B.LOAD
    QTest::mouseClick(steps.stepButton(0), Qt::LeftButton); // A.ADD
    QCOMPARE(stepped.size(), 3);
    QCOMPARE(session.steppingModel()->workers().at(0).registerValue, 1);
    QCOMPARE(session.steppingModel()->workers().at(1).registerValue, 0);
    grab(&steps, QStringLiteral("step-through-in-progress"));
    QTest::keyClick(&steps, Qt::Key_Space); // round robin after A: B.ADD
    QCOMPARE(stepped.last().at(0).toInt(), session.steppingModel()->workers().at(1).workerIndex);
    QTest::keyClick(&steps, Qt::Key_1); // A.STORE
    QTest::keyClick(&steps, Qt::Key_2); // B.STORE: the lost update
    QCOMPARE(stepped.size(), 6);
    const Segment *data = session.runner()->segment(QStringLiteral("data"));
    QVERIFY(data);
    QTRY_COMPARE_WITH_TIMEOUT(qFromLittleEndian<qint32>(data->read(0, 4).constData()), 1, kTimeoutMs);

    // Phase 2 runs by itself; then the outcome and the score.
    QTRY_VERIFY_WITH_TIMEOUT(session.hasOutcome(), kTimeoutMs);
    QVERIFY2(session.outcome().passed, qPrintable(session.outcome().problems.join(QLatin1Char('\n'))));
    QVERIFY2(steps.scoreText().contains(QStringLiteral("You predicted 2 — observed 81")),
        qPrintable(steps.scoreText()));
    grab(&steps, QStringLiteral("step-through-scored"));

    // The timeline: a lane per worker (A, B, C#0, C#1) and one for the lock.
    const TimelineRecorder &recorder = session.timeline()->recorder();
    QCOMPARE(recorder.pids().size(), 4);
    QCOMPARE(recorder.lockHistory().locks().size(), 1);
    QCOMPARE(recorder.lockHistory().intervals(recorder.lockHistory().locks().first()).size(), 80);
    TimelineView *view = timeline.view();
    QVERIFY(view->isLive());
    grab(&timeline, QStringLiteral("timeline-live"));
    // Home goes to the start: the counter was 0; scrubbing forward op by op reaches the lost update.
    QSignalSpy times(&timeline, &TimelinePanel::timeChanged);
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Home);
    QVERIFY(!view->isLive());
    QCOMPARE(times.size(), 1);
    QVERIFY2(
        timeline.readoutText().contains(QLatin1String("counter = 0")), qPrintable(timeline.readoutText()));
    const int track = session.timeline()->trackOf(QStringLiteral("data"));
    // Right through the hand-made phase: A's and B's six steps and their START/EXIT.
    int storesSeen = 0;
    for (int i = 0; i < 40 && storesSeen < 2; ++i) {
        QTest::keyClick(view, Qt::Key_Right);
        const qsizetype index = recorder.firstEntryAtOrAfter(view->currentTimeNs());
        if (index < recorder.entryCount() && recorder.entry(index).op == OpCode::Store)
            ++storesSeen;
    }
    QCOMPARE(storesSeen, 2);
    const QByteArray afterBothStores = recorder.bytesAt(track, view->currentTimeNs());
    QCOMPARE(qFromLittleEndian<qint32>(afterBothStores.constData()), 1);
    QVERIFY2(
        timeline.readoutText().contains(QLatin1String("counter = 1")), qPrintable(timeline.readoutText()));
    grab(&timeline, QStringLiteral("timeline-scrubbed-back"));
    QTest::keyClick(view, Qt::Key_End);
    QVERIFY(view->isLive());

    QTemporaryDir directory;
    const QString csv = directory.filePath(QStringLiteral("log.csv"));
    QVERIFY2(timeline.exportCsv(csv, &error), qPrintable(error));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.first(), QByteArray("index,time_ns,seconds,pid,op,target,tag,old,new,lost_before"));
    QCOMPARE(qsizetype(lines.size() - 2), recorder.entryCount()); // header + entries + the final newline

    // Reset: the initial state again, the prediction box open.
    steps.reset();
    QCOMPARE(
        qFromLittleEndian<qint32>(session.runner()->segment(QStringLiteral("data"))->read(0, 4).constData()),
        0);
    QVERIFY(predictEdit->isEnabled());
    QVERIFY(!session.hasOutcome());
}

// The real lesson 4, as a class meets it: the experiment panel, the cards, the timeline together.
void TestLessonPanels::builtinLostUpdateRunsThroughThePanels()
{
    ExperimentSession session(workerProgram());
    session.setLanguage(QStringLiteral("en"));
    QWidget window;
    auto *layout = new QHBoxLayout(&window);
    auto *experimentPanel = new ExperimentPanel(&session, &window);
    auto *right = new QVBoxLayout;
    auto *steps = new StepControllerPanel(&session, &window);
    auto *timeline = new TimelinePanel(session.timeline(), &window);
    right->addWidget(steps, 3);
    right->addWidget(timeline, 2);
    layout->addWidget(experimentPanel, 2);
    layout->addLayout(right, 3);
    window.resize(1500, 900);
    QVERIFY(experimentPanel->loadBuiltin(3));
    QCOMPARE(session.experiment()->id, QStringLiteral("lost-update"));
    QCOMPARE(session.steppingModel()->rowCount(), 2);
    auto *predictEdit = steps->findChild<QLineEdit *>();
    QTest::keyClicks(predictEdit, QStringLiteral("2"));
    QTest::keyClick(predictEdit, Qt::Key_Return);

    session.start();
    QTRY_VERIFY_WITH_TIMEOUT((session.steppingModel()->refresh(),
                                 session.steppingModel()->workers().at(0).canStep()
                                     && session.steppingModel()->workers().at(1).canStep()),
        kTimeoutMs);
    QVERIFY(steps->stepRow(0)); // A.LOAD
    QVERIFY(steps->stepRow(1)); // B.LOAD
    QVERIFY(steps->stepRow(0)); // A.ADD
    QCOMPARE(session.steppingModel()->workers().at(0).registerValue, 1);
    QCOMPARE(session.steppingModel()->workers().at(1).registerValue, 0);
    const Segment *stepped = session.runner()->segment(QStringLiteral("stepped"));
    QCOMPARE(qFromLittleEndian<qint32>(stepped->read(0, 4).constData()), 0); // nothing stored yet
    window.show();
    grab(&window, QStringLiteral("lesson-4-step-through-in-progress"));

    QVERIFY(steps->stepRow(1)); // B.ADD
    QVERIFY(steps->stepRow(0)); // A.STORE
    QVERIFY(steps->stepRow(1)); // B.STORE
    QTRY_VERIFY_WITH_TIMEOUT(session.hasOutcome(), 60000); // then 2 × 10 racers run by themselves
    QVERIFY2(session.outcome().passed, qPrintable(experimentPanel->outcomeText()));
    QVERIFY2(experimentPanel->outcomeText().contains(QStringLiteral("✓ stepped.counter == 1: observed 1")),
        qPrintable(experimentPanel->outcomeText()));
    QVERIFY2(steps->scoreText().contains(QStringLiteral("You predicted 2 — observed 1")),
        qPrintable(steps->scoreText()));

    // Scrubbed back to just after B's STORE: the timeline rebuilds stepped.counter == 1 while the
    // racy counter is still 0, though both have moved on since.
    const TimelineRecorder &recorder = session.timeline()->recorder();
    qint64 secondStore = 0;
    int stores = 0;
    for (qsizetype i = 0; i < recorder.entryCount() && stores < 2; ++i) {
        if (recorder.entry(i).op == OpCode::Store && ++stores == 2)
            secondStore = recorder.entry(i).timeNs;
    }
    QVERIFY(secondStore > 0);
    timeline->view()->setCurrentTime(secondStore);
    const QString racy = session.runner()->realSegmentName(QStringLiteral("racy"));
    const QByteArray racyThen = session.timeline()->bytesAt(racy, secondStore);
    QCOMPARE(qFromLittleEndian<qint32>(racyThen.constData()), 0);
    QVERIFY(
        qFromLittleEndian<qint32>(session.runner()->segment(QStringLiteral("racy"))->read(0, 4).constData())
        > 0);
    QVERIFY2(timeline->readoutText().contains(QLatin1String("stepped: counter = 1")),
        qPrintable(timeline->readoutText()));
    grab(&window, QStringLiteral("lesson-4-timeline-scrubbed-back"));
}

void TestLessonPanels::lessonDocksInstallIntoAWindow()
{
    QStringList shown;
    QStringList messages;
    QStringList names;
    {
        QMainWindow window;
        QMenu viewMenu;
        const LessonDocks docks = installLessonDocks(
            &window, &viewMenu,
            [&](const QString &realName, const Layout &layout) {
                shown << realName;
                QVERIFY(!layout.isEmpty());
            },
            [&](const QString &message) { messages << message; });
        QCOMPARE(viewMenu.actions().size(), 3);
        QCOMPARE(window.findChild<QDockWidget *>(QStringLiteral("ExperimentDock"))->widget(),
            docks.experimentPanel);
        QCOMPARE(
            window.findChild<QDockWidget *>(QStringLiteral("StepThroughDock"))->widget(), docks.stepPanel);
        QCOMPARE(
            window.findChild<QDockWidget *>(QStringLiteral("TimelineDock"))->widget(), docks.timelinePanel);
        QVERIFY(docks.experimentPanel->loadBuiltin(3));
        for (const ExperimentSession::SegmentInfo &segment : docks.session->segments())
            names << segment.realName;
        QCOMPARE(shown, names); // stepped, racy, safe: the window can show each block
        QCOMPARE(names.size(), 3);
        for (const QString &name : std::as_const(names))
            QVERIFY2(QFile::exists(QStringLiteral("/dev/shm/") + name), qPrintable(name));
        docks.session->start(); // a run still in progress when the window closes
    }
    // The window took the session with it: the lesson's blocks are gone from /dev/shm.
    for (const QString &name : std::as_const(names))
        QVERIFY2(!QFile::exists(QStringLiteral("/dev/shm/") + name), qPrintable(name));
}

QTEST_MAIN(TestLessonPanels)
#include "tst_lessonpanels.moc"
