#include "experimentcommands.h"

#include "experiment/builtinexperiments.h"
#include "experiment/experimentrunner.h"

#include <QFileInfo>

namespace ShmScope::Cli {

namespace {

const OptionSpec kJson{QStringLiteral("json"), false};
const OptionSpec kLanguage{QStringLiteral("lang"), true};

int runList(const ParsedArguments &args)
{
    QStringList problems;
    const QVector<Experiment> experiments = builtinExperiments(&problems);
    for (const QString &problem : problems)
        warn(QStringLiteral("a built-in experiment is malformed: %1").arg(problem));
    const QString language = args.isSet(kLanguage.name) ? args.value(kLanguage.name) : QStringLiteral("en");
    if (args.isSet(kJson.name)) {
        QVariantList list;
        for (const Experiment &experiment : experiments) {
            JsonObject object;
            object.add(QStringLiteral("number"), experiment.number)
                .add(QStringLiteral("id"), experiment.id)
                .add(QStringLiteral("title"), experiment.title.forLanguage(language))
                .add(QStringLiteral("lesson"), experiment.lesson.forLanguage(language));
            list << QVariant::fromValue(object);
        }
        printOut(toJson(list) + QLatin1Char('\n'));
        return problems.isEmpty() ? ExitOk : ExitFailure;
    }
    for (const Experiment &experiment : experiments) {
        printOut(QStringLiteral("%1  %2  %3\n")
                     .arg(experiment.number, 2)
                     .arg(experiment.id, -22)
                     .arg(experiment.title.forLanguage(language)));
    }
    return problems.isEmpty() ? ExitOk : ExitFailure;
}

QVariant outcomeJson(const Experiment &experiment, const ExperimentOutcome &outcome)
{
    QVariantList expectations;
    for (const ExpectationOutcome &expectation : outcome.expectations) {
        JsonObject object;
        object.add(QStringLiteral("subject"), expectation.subject)
            .add(QStringLiteral("op"), expectation.expectation.op)
            .add(QStringLiteral("expected"), expectation.expectation.value)
            .add(QStringLiteral("observed"), expectation.evaluated ? QVariant(expectation.observed) : QVariant())
            .add(QStringLiteral("passed"), expectation.passed)
            .add(QStringLiteral("text"), expectation.text);
        expectations << QVariant::fromValue(object);
    }
    JsonObject root;
    root.add(QStringLiteral("experiment"), experiment.id)
        .add(QStringLiteral("passed"), outcome.passed)
        .add(QStringLiteral("finished"), outcome.finished)
        .add(QStringLiteral("elapsed_ms"), outcome.elapsedMs)
        .add(QStringLiteral("operations_logged"), outcome.operationsLogged)
        .add(QStringLiteral("expectations"), expectations)
        .add(QStringLiteral("problems"), outcome.problems);
    return QVariant::fromValue(root);
}

int runRun(const ParsedArguments &args)
{
    ExperimentError error;
    const std::optional<Experiment> experiment = findExperiment(args.positional.at(0), &error);
    if (!experiment)
        return fail(QStringLiteral("experiment %1").arg(error.toString()));
    const QString worker = workerProgramPath();
    bool needsWorker = false;
    for (const ExperimentPhase &phase : experiment->phases) {
        for (const ExperimentWorker &line : phase.workers)
            needsWorker = needsWorker || line.kind != QLatin1String("command");
    }
    if (needsWorker && !QFileInfo(worker).isExecutable())
        return fail(QStringLiteral("the worker program %1 is missing (build shmscope-worker, or set SHMSCOPE_BIN_DIR)")
                        .arg(worker));
    const QString language = args.isSet(kLanguage.name) ? args.value(kLanguage.name) : QStringLiteral("en");
    const ExperimentOutcome outcome = ExperimentRunner::runToEnd(*experiment, worker, language);

    if (args.isSet(kJson.name)) {
        printOut(toJson(outcomeJson(*experiment, outcome)) + QLatin1Char('\n'));
    } else {
        printOut(QStringLiteral("%1. %2\n").arg(experiment->number).arg(experiment->title.forLanguage(language)));
        for (const ExpectationOutcome &expectation : outcome.expectations) {
            const QString mark = expectation.passed ? QStringLiteral("ok  ") : QStringLiteral("FAIL");
            printOut(QStringLiteral("  %1 %2\n").arg(mark, expectation.text));
        }
        for (const QString &problem : outcome.problems)
            printOut(QStringLiteral("  problem: %1\n").arg(problem));
        printOut(QStringLiteral("  %1 in %2 ms, %3 operations logged\n")
                     .arg(outcome.passed ? QStringLiteral("PASSED") : QStringLiteral("FAILED"))
                     .arg(outcome.elapsedMs)
                     .arg(outcome.operationsLogged));
    }
    if (!outcome.passed) {
        QString reason = outcome.problems.value(0);
        for (const ExpectationOutcome &expectation : outcome.expectations) {
            if (reason.isEmpty() && !expectation.passed)
                reason = expectation.text;
        }
        return fail(QStringLiteral("experiment %1 did not match: %2").arg(experiment->id, reason));
    }
    return ExitOk;
}

int runExperiment(const Command &self, const QStringList &arguments)
{
    ParsedArguments args;
    int exitCode = ExitOk;
    if (!parseCommandLine(self, arguments, {kJson, kLanguage},
                          {QStringLiteral("ACTION"), QStringLiteral("...")}, 1, &args, &exitCode))
        return exitCode;
    const QString action = args.positional.takeFirst();
    if (action == QLatin1String("list")) {
        if (!args.positional.isEmpty())
            return fail(QStringLiteral("experiment list takes no argument"), ExitUsage);
        return runList(args);
    }
    if (action == QLatin1String("run")) {
        if (args.positional.size() != 1)
            return fail(QStringLiteral("experiment run needs one NAME, number or FILE"), ExitUsage);
        return runRun(args);
    }
    return fail(QStringLiteral("unknown action '%1' (list or run)").arg(action), ExitUsage);
}

} // namespace

QVector<Command> experimentCommands()
{
    return {
        {QStringLiteral("experiment"), QStringLiteral("experiment list [--json] [--lang zh]\n"
                                                      "experiment run NAME|NUMBER|FILE [--json] [--lang zh]"),
         QStringLiteral("List the built-in lessons, or run one headless and check its outcome."),
         QStringLiteral("run starts the experiment's workers without a window, steps stepped workers by the\n"
                        "file's schedule (then round robin), and prints expected vs observed. Exit 0 when every\n"
                        "expectation holds, so a teacher can check a lesson before class and CI can check all.\n"
                        "\n"
                        "  shmscope-cli experiment list\n"
                        "  shmscope-cli experiment run lost-update\n"
                        "  shmscope-cli experiment run ./my-lesson.json --json"),
         &runExperiment},
    };
}

} // namespace ShmScope::Cli
