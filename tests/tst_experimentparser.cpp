// Experiment files: the schema is strict, and every fault is reported with its place (line and
// column for JSON syntax, a JSON path for a value that is well-formed but not allowed).

#include "experiment/builtinexperiments.h"
#include "experiment/experimentparser.h"

#include <QTest>

using namespace ShmScope;

class TestExperimentParser : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesAMinimalExperiment();
    void parsesPhasesScheduleAndExpectations();
    void malformedFilesArePositioned_data();
    void malformedFilesArePositioned();
    void missingFileIsReported();
    void everyBuiltinParses();
    void findsBuiltinsByIdAndNumber();
};

namespace {

// A valid experiment to break one piece at a time.
QByteArray minimal(const QByteArray &extra = QByteArray())
{
    return R"json({"schema": 1, "id": "tiny", "title": "Tiny",
               "segments": [{"id": "data", "layout": "counter:i; values:d[2]", "init": {"counter": 5}}],
               "sync": [{"id": "lock", "kind": "Lock"}],
               "workers": [{"id": "w", "kind": "counter", "segment": "data", "sync": {"lock": "lock"},
                            "options": {"field": "counter", "iterations": 10}}])json"
        + extra + "}";
}

} // namespace

void TestExperimentParser::parsesAMinimalExperiment()
{
    ExperimentError error;
    const std::optional<Experiment> experiment = parseExperiment(minimal(), &error);
    QVERIFY2(experiment, qPrintable(error.toString()));
    QCOMPARE(experiment->id, QStringLiteral("tiny"));
    QCOMPARE(experiment->title.english, QStringLiteral("Tiny"));
    QCOMPARE(experiment->title.forLanguage(QStringLiteral("zh_CN")), QStringLiteral("Tiny")); // falls back
    QCOMPARE(experiment->segments.size(), 1);
    QCOMPARE(experiment->segments.at(0).init.value(QStringLiteral("counter")), QStringList{QStringLiteral("5")});
    QCOMPARE(experiment->phases.size(), 1);
    const ExperimentWorker &worker = experiment->phases.at(0).workers.at(0);
    QCOMPARE(worker.kind, QStringLiteral("counter"));
    QCOMPARE(worker.references.value(QStringLiteral("lock")), QStringLiteral("lock"));
    QCOMPARE(worker.options.size(), 2);
    QCOMPARE(worker.options.at(1).second, QStringLiteral("10"));
    QCOMPARE(experiment->timeoutMs, 60000);
}

void TestExperimentParser::parsesPhasesScheduleAndExpectations()
{
    const QByteArray json = R"json({"schema": 1, "id": "steps", "title": {"en": "Steps", "zh": "步骤"},
        "segments": [{"id": "s", "layout": "counter:i"}],
        "phases": [{"title": "stepped", "workers": [
            {"id": "A", "kind": "counter", "segment": "s", "step": true, "options": {"field": "counter", "iterations": 1}},
            {"id": "B", "kind": "counter", "segment": "s", "step": true, "options": {"field": "counter", "iterations": 1}}],
          "schedule": ["A", "B", "A#0"]},
          {"workers": [{"id": "py", "kind": "command", "program": "python3", "args": ["{file:python/x.py}", "{segment:s}"]}]}],
        "expect": [{"segment": "s", "field": "counter", "op": "==", "value": 1,
                    "describe": {"en": "{difference} lost", "zh": "丢失 {difference}"}},
                   {"worker": "py", "output": "n=(\\d+)", "op": ">", "value": 0}]})json";
    ExperimentError error;
    const std::optional<Experiment> experiment = parseExperiment(json, &error);
    QVERIFY2(experiment, qPrintable(error.toString()));
    QCOMPARE(experiment->title.forLanguage(QStringLiteral("zh_CN")), QStringLiteral("步骤"));
    QCOMPARE(experiment->phases.size(), 2);
    QCOMPARE(experiment->phases.at(0).schedule, (QStringList{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("A#0")}));
    QVERIFY(experiment->phases.at(0).workers.at(1).step);
    QCOMPARE(experiment->phases.at(1).workers.at(0).arguments.size(), 2);
    QCOMPARE(experiment->expectations.size(), 2);
    QCOMPARE(experiment->expectations.at(1).worker, QStringLiteral("py"));
}

void TestExperimentParser::malformedFilesArePositioned_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("place");
    QTest::addColumn<QString>("reason");

    QTest::addRow("empty file") << QByteArray() << QStringLiteral("line 1, column 1") << QStringLiteral("");
    QTest::addRow("syntax error on line 3") << QByteArray("{\n  \"schema\": 1,\n  \"id\": \"x\" \"title\": 1\n}")
                                            << QStringLiteral("line 3, column") << QStringLiteral("");
    QTest::addRow("not an object") << QByteArray("[1, 2]") << QStringLiteral("$") << QStringLiteral("JSON object");
    QTest::addRow("wrong schema") << QByteArray(R"json({"schema": 2, "id": "x", "title": "t", "workers": []})json")
                                  << QStringLiteral("$.schema") << QStringLiteral("expected 1");
    QTest::addRow("unknown top-level key") << minimal(R"json(, "wrokers": [])json") << QStringLiteral("$")
                                           << QStringLiteral("unknown key 'wrokers'");
    QTest::addRow("missing title") << QByteArray(R"json({"schema": 1, "id": "x", "workers": []})json")
                                   << QStringLiteral("$.title") << QStringLiteral("missing");
    QTest::addRow("bad id") << QByteArray(R"json({"schema": 1, "id": "a b", "title": "t", "workers": []})json")
                            << QStringLiteral("$.id") << QStringLiteral("not an id");
    QTest::addRow("title without English") << QByteArray(R"json({"schema": 1, "id": "x", "title": {"zh": "中"}, "workers": []})json")
                                           << QStringLiteral("$.title.en") << QStringLiteral("English");
    QTest::addRow("unknown type code in a layout")
        << QByteArray(R"json({"schema": 1, "id": "x", "title": "t", "segments": [{"id": "s", "layout": "a:i; b:x"}], "workers": []})json")
        << QStringLiteral("$.segments[0].layout") << QStringLiteral("position 7");
    QTest::addRow("nested array in a layout")
        << QByteArray(R"json({"schema": 1, "id": "x", "title": "t", "segments": [{"id": "s", "layout": "m:i[2][2]"}], "workers": []})json")
        << QStringLiteral("$.segments[0].layout") << QStringLiteral("nested");
    QTest::addRow("init of an unknown field")
        << QByteArray(R"json({"schema": 1, "id": "x", "title": "t", "segments": [{"id": "s", "layout": "a:i", "init": {"b": 1}}], "workers": []})json")
        << QStringLiteral("$.segments[0].init.b") << QStringLiteral("no field 'b'");
    QTest::addRow("too many init values")
        << QByteArray(R"json({"schema": 1, "id": "x", "title": "t", "segments": [{"id": "s", "layout": "a:i[2]", "init": {"a": [1, 2, 3]}}], "workers": []})json")
        << QStringLiteral("$.segments[0].init.a") << QStringLiteral("3 values for a field of 2");
    QTest::addRow("float into an int field")
        << QByteArray(R"json({"schema": 1, "id": "x", "title": "t", "segments": [{"id": "s", "layout": "a:i", "init": {"a": 2.5}}], "workers": []})json")
        << QStringLiteral("$.segments[0].init.a[0]") << QStringLiteral("float");
    QTest::addRow("duplicate segment id")
        << QByteArray(R"json({"schema": 1, "id": "x", "title": "t", "segments": [{"id": "s", "layout": "a:i"}, {"id": "s", "layout": "a:i"}], "workers": []})json")
        << QStringLiteral("$.segments[1].id") << QStringLiteral("duplicate id 's'");
    QTest::addRow("unknown sync kind")
        << QByteArray(R"json({"schema": 1, "id": "x", "title": "t", "sync": [{"id": "l", "kind": "Mutex"}], "workers": []})json")
        << QStringLiteral("$.sync[0].kind") << QStringLiteral("unknown sync kind 'Mutex'");
    QTest::addRow("barrier of zero parties")
        << QByteArray(R"json({"schema": 1, "id": "x", "title": "t", "sync": [{"id": "b", "kind": "Barrier", "value": 0}], "workers": []})json")
        << QStringLiteral("$.sync[0].value") << QStringLiteral("from 1");
    QTest::addRow("unknown worker kind")
        << QByteArray(R"json({"schema": 1, "id": "x", "title": "t", "workers": [{"id": "w", "kind": "adder"}]})json")
        << QStringLiteral("$.workers[0].kind") << QStringLiteral("unknown worker kind 'adder'");
    QTest::addRow("worker on a missing segment")
        << QByteArray(R"json({"schema": 1, "id": "x", "title": "t", "workers": [{"id": "w", "kind": "counter", "segment": "nope"}]})json")
        << QStringLiteral("$.workers[0].segment") << QStringLiteral("no segment 'nope'");
    QTest::addRow("worker on a missing lock")
        << QByteArray(R"json({"schema": 1, "id": "x", "title": "t", "workers": [{"id": "w", "kind": "counter", "sync": {"lock": "l"}}]})json")
        << QStringLiteral("$.workers[0].sync.lock") << QStringLiteral("no sync object or segment 'l'");
    QTest::addRow("too many copies")
        << QByteArray(R"json({"schema": 1, "id": "x", "title": "t", "workers": [{"id": "w", "kind": "counter", "copies": 1000}]})json")
        << QStringLiteral("$.workers[0].copies") << QStringLiteral("from 1 to 64");
    QTest::addRow("option that is an object")
        << QByteArray(R"json({"schema": 1, "id": "x", "title": "t", "workers": [{"id": "w", "kind": "counter", "options": {"field": {}}}]})json")
        << QStringLiteral("$.workers[0].options.field") << QStringLiteral("found an object");
    QTest::addRow("command without a program")
        << QByteArray(R"json({"schema": 1, "id": "x", "title": "t", "workers": [{"id": "w", "kind": "command"}]})json")
        << QStringLiteral("$.workers[0].program") << QStringLiteral("missing");
    QTest::addRow("placeholder naming nothing")
        << QByteArray(R"json({"schema": 1, "id": "x", "title": "t", "workers": [{"id": "w", "kind": "command", "program": "p", "args": ["{segment:zz}"]}]})json")
        << QStringLiteral("$.workers[0].args[0]") << QStringLiteral("{segment:zz} names no segment");
    QTest::addRow("bundled file escaping its folder")
        << QByteArray(R"json({"schema": 1, "id": "x", "title": "t", "workers": [{"id": "w", "kind": "command", "program": "p", "args": ["{file:../etc/passwd}"]}]})json")
        << QStringLiteral("$.workers[0].args[0]") << QStringLiteral("relative");
    QTest::addRow("both workers and phases")
        << QByteArray(R"json({"schema": 1, "id": "x", "title": "t", "workers": [], "phases": []})json") << QStringLiteral("$")
        << QStringLiteral("not both");
    QTest::addRow("schedule naming an unstepped worker")
        << QByteArray(R"json({"schema": 1, "id": "x", "title": "t", "phases": [{"workers": [{"id": "w", "kind": "holder"}], "schedule": ["w"]}]})json")
        << QStringLiteral("$.phases[0].schedule[0]") << QStringLiteral("no stepped worker");
    QTest::addRow("expectation on an unknown field")
        << minimal(R"json(, "expect": [{"segment": "data", "field": "count", "op": "==", "value": 1}])json")
        << QStringLiteral("$.expect[0].field") << QStringLiteral("no field 'count'");
    QTest::addRow("expectation index out of range")
        << minimal(R"json(, "expect": [{"segment": "data", "field": "values", "index": 2, "op": "==", "value": 1}])json")
        << QStringLiteral("$.expect[0].index") << QStringLiteral("from 0 to 1");
    QTest::addRow("expectation with a bad operator")
        << minimal(R"json(, "expect": [{"segment": "data", "field": "counter", "op": "=", "value": 1}])json")
        << QStringLiteral("$.expect[0].op") << QStringLiteral("unknown comparison '='");
    QTest::addRow("expectation with two subjects")
        << minimal(R"json(, "expect": [{"segment": "data", "sync": "lock", "field": "counter", "op": "==", "value": 1}])json")
        << QStringLiteral("$.expect[0]") << QStringLiteral("exactly one");
    QTest::addRow("expectation value as text")
        << minimal(R"json(, "expect": [{"segment": "data", "field": "counter", "op": "==", "value": "1"}])json")
        << QStringLiteral("$.expect[0].value") << QStringLiteral("expected a number");
    QTest::addRow("output pattern without a group")
        << minimal(R"json(, "expect": [{"worker": "w", "output": "n=\\d+", "op": "==", "value": 1}])json")
        << QStringLiteral("$.expect[0].output") << QStringLiteral("capture group");
}

void TestExperimentParser::malformedFilesArePositioned()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, place);
    QFETCH(QString, reason);
    ExperimentError error;
    const std::optional<Experiment> experiment = parseExperiment(json, &error);
    QVERIFY(!experiment);
    QVERIFY2(error.place.startsWith(place), qPrintable(error.toString()));
    QVERIFY2(error.reason.contains(reason), qPrintable(error.toString()));
    QVERIFY(!error.reason.isEmpty());
}

void TestExperimentParser::missingFileIsReported()
{
    ExperimentError error;
    QVERIFY(!loadExperimentFile(QStringLiteral("/nonexistent/lesson.json"), &error));
    QVERIFY2(error.toString().contains(QLatin1String("/nonexistent/lesson.json")), qPrintable(error.toString()));
    QVERIFY(!findExperiment(QStringLiteral("no-such-lesson"), &error));
    QVERIFY2(error.reason.contains(QLatin1String("lost-update")), qPrintable(error.toString())); // lists the built-ins
}

void TestExperimentParser::everyBuiltinParses()
{
    QStringList problems;
    const QVector<Experiment> experiments = builtinExperiments(&problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    QCOMPARE(experiments.size(), 12);
    for (int i = 0; i < experiments.size(); ++i) {
        const Experiment &experiment = experiments.at(i);
        QCOMPARE(experiment.number, i + 1);
        QVERIFY2(!experiment.title.chinese.isEmpty(), qPrintable(experiment.id));
        QVERIFY2(!experiment.narrative.chinese.isEmpty(), qPrintable(experiment.id));
        QVERIFY2(!experiment.expectations.isEmpty(), qPrintable(experiment.id));
    }
}

void TestExperimentParser::findsBuiltinsByIdAndNumber()
{
    ExperimentError error;
    const std::optional<Experiment> byId = findExperiment(QStringLiteral("lost-update"), &error);
    QVERIFY2(byId, qPrintable(error.toString()));
    const std::optional<Experiment> byNumber = findExperiment(QStringLiteral("4"), &error);
    QVERIFY(byNumber);
    QCOMPARE(byNumber->id, byId->id);
}

QTEST_GUILESS_MAIN(TestExperimentParser)
#include "tst_experimentparser.moc"
