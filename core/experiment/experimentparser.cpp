#include "experimentparser.h"

#include "layout.h"
#include "typecode.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace ShmScope {

namespace {

constexpr int kMaxCopies = 64;
constexpr int kMaxTimeoutMs = 10 * 60 * 1000;

// Parsing stops at the first fault; its place and reason are kept here.
class Parser {
public:
    explicit Parser(ExperimentError *error)
        : m_error(error)
    {
    }

    std::optional<Experiment> parse(const QJsonObject &root);

private:
    bool fail(const QString &place, const QString &reason)
    {
        if (m_error && !m_failed)
            *m_error = ExperimentError{place, reason};
        m_failed = true;
        return false;
    }

    bool checkKeys(const QJsonObject &object, const QString &place, const QStringList &allowed);
    bool readText(const QJsonValue &value, const QString &place, LocalizedText *text, bool required);
    bool readString(const QJsonObject &object, const QString &key, const QString &place, QString *out,
                    bool required);
    bool readInt(const QJsonObject &object, const QString &key, const QString &place, int minimum,
                 int maximum, int *out);
    bool readId(const QJsonObject &object, const QString &place, QSet<QString> *seen, QString *out);

    bool readSegment(const QJsonValue &value, const QString &place, Experiment &experiment);
    bool readSync(const QJsonValue &value, const QString &place, Experiment &experiment);
    bool readPhase(const QJsonObject &object, const QString &place, const Experiment &experiment,
                   ExperimentPhase *phase);
    bool readWorker(const QJsonValue &value, const QString &place, const Experiment &experiment,
                    ExperimentWorker *worker);
    bool readExpectation(const QJsonValue &value, const QString &place, Experiment &experiment);
    bool checkPlaceholders(const QString &text, const QString &place, const Experiment &experiment);

    ExperimentError *m_error;
    bool m_failed = false;
    QSet<QString> m_workerIds;
};

QString quoted(const QString &text)
{
    return QLatin1Char('\'') + text + QLatin1Char('\'');
}

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

// An option value as the worker's command line wants it; bool true is a bare flag.
bool optionText(const QJsonValue &value, QString *text)
{
    switch (value.type()) {
    case QJsonValue::String:
        *text = value.toString();
        return true;
    case QJsonValue::Double: {
        const double number = value.toDouble();
        *text = number == double(qint64(number)) ? QString::number(qint64(number))
                                                 : QString::number(number, 'g', 17);
        return true;
    }
    case QJsonValue::Bool:
        *text = value.toBool() ? QString() : QStringLiteral("false");
        return true;
    default:
        return false;
    }
}

bool Parser::checkKeys(const QJsonObject &object, const QString &place, const QStringList &allowed)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!allowed.contains(it.key())) {
            return fail(place, QStringLiteral("unknown key %1 (allowed: %2)")
                                   .arg(quoted(it.key()), allowed.join(QStringLiteral(", "))));
        }
    }
    return true;
}

bool Parser::readText(const QJsonValue &value, const QString &place, LocalizedText *text, bool required)
{
    if (value.isUndefined())
        return !required || fail(place, QStringLiteral("missing (a text, or {\"en\": ..., \"zh\": ...})"));
    if (value.isString()) {
        text->english = value.toString();
        return true;
    }
    if (!value.isObject())
        return fail(place, QStringLiteral("expected a text or {\"en\": ..., \"zh\": ...}, found %1")
                               .arg(typeName(value)));
    const QJsonObject object = value.toObject();
    if (!checkKeys(object, place, {QStringLiteral("en"), QStringLiteral("zh")}))
        return false;
    if (!object.value(QLatin1String("en")).isString())
        return fail(place + QStringLiteral(".en"), QStringLiteral("the English text is required"));
    text->english = object.value(QLatin1String("en")).toString();
    const QJsonValue chinese = object.value(QLatin1String("zh"));
    if (!chinese.isUndefined() && !chinese.isString())
        return fail(place + QStringLiteral(".zh"), QStringLiteral("expected a string"));
    text->chinese = chinese.toString();
    return true;
}

bool Parser::readString(const QJsonObject &object, const QString &key, const QString &place, QString *out,
                        bool required)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return !required || fail(place + QLatin1Char('.') + key, QStringLiteral("missing"));
    if (!value.isString() || value.toString().isEmpty())
        return fail(place + QLatin1Char('.') + key,
                    QStringLiteral("expected a non-empty string, found %1").arg(typeName(value)));
    *out = value.toString();
    return true;
}

bool Parser::readInt(const QJsonObject &object, const QString &key, const QString &place, int minimum,
                     int maximum, int *out)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return true;
    const double number = value.toDouble(-1e300);
    if (!value.isDouble() || number != double(qint64(number)) || number < minimum || number > maximum)
        return fail(place + QLatin1Char('.') + key,
                    QStringLiteral("expected a whole number from %1 to %2").arg(minimum).arg(maximum));
    *out = int(number);
    return true;
}

bool Parser::readId(const QJsonObject &object, const QString &place, QSet<QString> *seen, QString *out)
{
    static const QRegularExpression idPattern(QStringLiteral("^[A-Za-z_][A-Za-z0-9_-]{0,63}$"));
    if (!readString(object, QStringLiteral("id"), place, out, true))
        return false;
    if (!idPattern.match(*out).hasMatch())
        return fail(place + QStringLiteral(".id"),
                    QStringLiteral("%1 is not an id (letters, digits, '_' and '-', at most 64)").arg(quoted(*out)));
    if (seen->contains(*out))
        return fail(place + QStringLiteral(".id"), QStringLiteral("duplicate id %1").arg(quoted(*out)));
    seen->insert(*out);
    return true;
}

bool Parser::readSegment(const QJsonValue &value, const QString &place, Experiment &experiment)
{
    if (!value.isObject())
        return fail(place, QStringLiteral("expected an object, found %1").arg(typeName(value)));
    const QJsonObject object = value.toObject();
    if (!checkKeys(object, place,
                   {QStringLiteral("id"), QStringLiteral("layout"), QStringLiteral("init"), QStringLiteral("external")}))
        return false;
    QSet<QString> seen;
    for (const ExperimentSegment &existing : experiment.segments)
        seen.insert(existing.id);
    ExperimentSegment segment;
    if (!readId(object, place, &seen, &segment.id)
        || !readString(object, QStringLiteral("layout"), place, &segment.layout, true))
        return false;
    const QJsonValue external = object.value(QLatin1String("external"));
    if (!external.isUndefined() && !external.isBool())
        return fail(place + QStringLiteral(".external"), QStringLiteral("expected true or false"));
    segment.external = external.toBool();
    LayoutError layoutError;
    const std::optional<Layout> layout = Layout::parse(segment.layout, &layoutError);
    if (!layout)
        return fail(place + QStringLiteral(".layout"), layoutError.toString());

    const QJsonValue init = object.value(QLatin1String("init"));
    if (!init.isUndefined() && !init.isObject())
        return fail(place + QStringLiteral(".init"),
                    QStringLiteral("expected an object of field: value(s), found %1").arg(typeName(init)));
    const QJsonObject initObject = init.toObject();
    for (auto it = initObject.begin(); it != initObject.end(); ++it) {
        const QString fieldPlace = place + QStringLiteral(".init.") + it.key();
        const LayoutField *field = layout->field(it.key());
        if (!field)
            return fail(fieldPlace, QStringLiteral("no field %1 in layout %2").arg(quoted(it.key()), segment.layout));
        const QJsonArray values = it.value().isArray() ? it.value().toArray() : QJsonArray{it.value()};
        if (values.size() > field->count)
            return fail(fieldPlace, QStringLiteral("%1 values for a field of %2").arg(values.size()).arg(field->count));
        QStringList texts;
        for (int i = 0; i < values.size(); ++i) {
            const QString elementPlace = fieldPlace + QStringLiteral("[%1]").arg(i);
            QString text;
            if (!optionText(values.at(i), &text) || values.at(i).isBool())
                text = values.at(i).isBool() ? (values.at(i).toBool() ? QStringLiteral("True")
                                                                       : QStringLiteral("False"))
                                             : QString();
            if (text.isNull())
                return fail(elementPlace, QStringLiteral("expected a number, text or boolean, found %1")
                                              .arg(typeName(values.at(i))));
            QByteArray scratch(field->type->size, '\0');
            const EncodeResult encoded
                = encodeValue(*field->type, text, reinterpret_cast<uchar *>(scratch.data()));
            if (!encoded.ok)
                return fail(elementPlace, encoded.message);
            texts.append(text);
        }
        segment.init.insert(it.key(), texts);
    }
    experiment.segments.append(segment);
    return true;
}

bool Parser::readSync(const QJsonValue &value, const QString &place, Experiment &experiment)
{
    if (!value.isObject())
        return fail(place, QStringLiteral("expected an object, found %1").arg(typeName(value)));
    const QJsonObject object = value.toObject();
    if (!checkKeys(object, place, {QStringLiteral("id"), QStringLiteral("kind"), QStringLiteral("value")}))
        return false;
    QSet<QString> seen;
    for (const ExperimentSegment &existing : experiment.segments)
        seen.insert(existing.id);
    for (const ExperimentSyncObject &existing : experiment.syncObjects)
        seen.insert(existing.id);
    ExperimentSyncObject sync;
    if (!readId(object, place, &seen, &sync.id)
        || !readString(object, QStringLiteral("kind"), place, &sync.kind, true))
        return false;
    if (!experimentSyncKinds().contains(sync.kind))
        return fail(place + QStringLiteral(".kind"), QStringLiteral("unknown sync kind %1 (known: %2)")
                                                         .arg(quoted(sync.kind),
                                                              experimentSyncKinds().join(QStringLiteral(", "))));
    const int minimum = sync.kind == QLatin1String("Barrier") ? 1 : 0;
    if (!readInt(object, QStringLiteral("value"), place, minimum, 1 << 20, &sync.value))
        return false;
    experiment.syncObjects.append(sync);
    return true;
}

bool Parser::checkPlaceholders(const QString &text, const QString &place, const Experiment &experiment)
{
    static const QRegularExpression placeholder(QStringLiteral("\\{(segment|sync|layout|file):([^}]*)\\}"));
    auto it = placeholder.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        if (match.captured(1) == QLatin1String("file")) {
            if (match.captured(2).contains(QLatin1String("..")) || match.captured(2).startsWith(QLatin1Char('/')))
                return fail(place, QStringLiteral("%1: a bundled file is named relative to the experiments folder")
                                       .arg(match.captured(0)));
            continue;
        }
        const bool isSync = match.captured(1) == QLatin1String("sync");
        const QString id = match.captured(2);
        if (isSync ? !experiment.syncObject(id) : !experiment.segment(id))
            return fail(place, QStringLiteral("%1 names no %2 of this experiment")
                                   .arg(match.captured(0), isSync ? QStringLiteral("sync object")
                                                                  : QStringLiteral("segment")));
    }
    return true;
}

bool Parser::readWorker(const QJsonValue &value, const QString &place, const Experiment &experiment,
                        ExperimentWorker *worker)
{
    if (!value.isObject())
        return fail(place, QStringLiteral("expected an object, found %1").arg(typeName(value)));
    const QJsonObject object = value.toObject();
    if (!checkKeys(object, place,
                   {QStringLiteral("id"), QStringLiteral("kind"), QStringLiteral("segment"), QStringLiteral("sync"),
                    QStringLiteral("options"), QStringLiteral("program"), QStringLiteral("args"),
                    QStringLiteral("copies"), QStringLiteral("step")}))
        return false;
    if (!readId(object, place, &m_workerIds, &worker->id)
        || !readString(object, QStringLiteral("kind"), place, &worker->kind, true))
        return false;
    if (!experimentWorkerKinds().contains(worker->kind))
        return fail(place + QStringLiteral(".kind"), QStringLiteral("unknown worker kind %1 (known: %2)")
                                                         .arg(quoted(worker->kind),
                                                              experimentWorkerKinds().join(QStringLiteral(", "))));
    if (!readInt(object, QStringLiteral("copies"), place, 1, kMaxCopies, &worker->copies))
        return false;
    const QJsonValue step = object.value(QLatin1String("step"));
    if (!step.isUndefined() && !step.isBool())
        return fail(place + QStringLiteral(".step"), QStringLiteral("expected true or false"));
    worker->step = step.toBool();

    if (!readString(object, QStringLiteral("segment"), place, &worker->segment, false))
        return false;
    if (!worker->segment.isEmpty() && !experiment.segment(worker->segment))
        return fail(place + QStringLiteral(".segment"),
                    QStringLiteral("no segment %1 in this experiment").arg(quoted(worker->segment)));

    const QJsonValue sync = object.value(QLatin1String("sync"));
    if (!sync.isUndefined() && !sync.isObject())
        return fail(place + QStringLiteral(".sync"), QStringLiteral("expected an object of option: sync id"));
    const QJsonObject syncObject = sync.toObject();
    for (auto it = syncObject.begin(); it != syncObject.end(); ++it) {
        const QString id = it.value().toString();
        if (!experiment.syncObject(id) && !experiment.segment(id))
            return fail(place + QStringLiteral(".sync.") + it.key(),
                        QStringLiteral("no sync object or segment %1 in this experiment").arg(quoted(id)));
        worker->references.insert(it.key(), id);
    }

    const QJsonValue options = object.value(QLatin1String("options"));
    if (!options.isUndefined() && !options.isObject())
        return fail(place + QStringLiteral(".options"), QStringLiteral("expected an object of option: value"));
    const QJsonObject optionObject = options.toObject();
    static const QRegularExpression optionName(QStringLiteral("^[a-z][a-z0-9-]*$"));
    for (auto it = optionObject.begin(); it != optionObject.end(); ++it) {
        const QString optionPlace = place + QStringLiteral(".options.") + it.key();
        if (!optionName.match(it.key()).hasMatch())
            return fail(optionPlace, QStringLiteral("option names are lower-case words joined by '-'"));
        QString text;
        if (!optionText(it.value(), &text))
            return fail(optionPlace, QStringLiteral("expected a string, number or boolean, found %1")
                                         .arg(typeName(it.value())));
        if (it.value().isBool() && !it.value().toBool())
            continue; // false: the flag is simply not given
        worker->options.append({it.key(), text});
    }

    if (worker->kind == QLatin1String("command")) {
        if (!readString(object, QStringLiteral("program"), place, &worker->program, true))
            return false;
        const QJsonValue args = object.value(QLatin1String("args"));
        if (!args.isUndefined() && !args.isArray())
            return fail(place + QStringLiteral(".args"), QStringLiteral("expected an array of strings"));
        const QJsonArray argArray = args.toArray();
        for (int i = 0; i < argArray.size(); ++i) {
            const QString argPlace = place + QStringLiteral(".args[%1]").arg(i);
            if (!argArray.at(i).isString())
                return fail(argPlace, QStringLiteral("expected a string, found %1").arg(typeName(argArray.at(i))));
            if (!checkPlaceholders(argArray.at(i).toString(), argPlace, experiment))
                return false;
            worker->arguments.append(argArray.at(i).toString());
        }
        if (worker->step)
            return fail(place + QStringLiteral(".step"), QStringLiteral("a command cannot be stepped"));
    } else if (object.contains(QLatin1String("program")) || object.contains(QLatin1String("args"))) {
        return fail(place, QStringLiteral("'program' and 'args' are only for kind 'command'"));
    }
    return true;
}

bool Parser::readPhase(const QJsonObject &object, const QString &place, const Experiment &experiment,
                       ExperimentPhase *phase)
{
    if (!readText(object.value(QLatin1String("title")), place + QStringLiteral(".title"), &phase->title, false)
        || !readText(object.value(QLatin1String("narrative")), place + QStringLiteral(".narrative"),
                     &phase->narrative, false))
        return false;
    const QJsonValue schedule = object.value(QLatin1String("schedule"));
    if (!schedule.isUndefined() && !schedule.isArray())
        return fail(place + QStringLiteral(".schedule"), QStringLiteral("expected an array of worker ids"));
    const QJsonValue workers = object.value(QLatin1String("workers"));
    if (!workers.isArray())
        return fail(place + QStringLiteral(".workers"),
                    QStringLiteral("expected an array of workers, found %1").arg(typeName(workers)));
    const QJsonArray array = workers.toArray();
    for (int i = 0; i < array.size(); ++i) {
        ExperimentWorker worker;
        if (!readWorker(array.at(i), place + QStringLiteral(".workers[%1]").arg(i), experiment, &worker))
            return false;
        phase->workers.append(worker);
    }
    const QJsonArray order = schedule.toArray();
    for (int i = 0; i < order.size(); ++i) {
        const QString entryPlace = place + QStringLiteral(".schedule[%1]").arg(i);
        const QString entry = order.at(i).toString();
        const QString workerId = entry.section(QLatin1Char('#'), 0, 0);
        bool copyOk = true;
        const int copy = entry.contains(QLatin1Char('#')) ? entry.section(QLatin1Char('#'), 1).toInt(&copyOk) : 0;
        const auto named = std::find_if(phase->workers.cbegin(), phase->workers.cend(),
                                        [&](const ExperimentWorker &w) { return w.id == workerId; });
        if (named == phase->workers.cend() || !named->step)
            return fail(entryPlace, QStringLiteral("%1 is no stepped worker of this phase").arg(quoted(entry)));
        if (!copyOk || copy < 0 || copy >= named->copies)
            return fail(entryPlace, QStringLiteral("%1: copy number out of range").arg(quoted(entry)));
        phase->schedule.append(entry);
    }
    return true;
}

bool Parser::readExpectation(const QJsonValue &value, const QString &place, Experiment &experiment)
{
    if (!value.isObject())
        return fail(place, QStringLiteral("expected an object, found %1").arg(typeName(value)));
    const QJsonObject object = value.toObject();
    if (!checkKeys(object, place,
                   {QStringLiteral("segment"), QStringLiteral("field"), QStringLiteral("index"),
                    QStringLiteral("sync"), QStringLiteral("property"), QStringLiteral("worker"),
                    QStringLiteral("output"), QStringLiteral("op"), QStringLiteral("value"),
                    QStringLiteral("describe")}))
        return false;
    ExperimentExpectation expectation;
    const int subjects = int(object.contains(QLatin1String("segment"))) + int(object.contains(QLatin1String("sync")))
        + int(object.contains(QLatin1String("worker")));
    if (subjects != 1)
        return fail(place, QStringLiteral("name exactly one of 'segment' (with 'field'), 'sync' (with "
                                          "'property') or 'worker' (with 'output')"));
    if (object.contains(QLatin1String("segment"))) {
        if (!readString(object, QStringLiteral("segment"), place, &expectation.segment, true)
            || !readString(object, QStringLiteral("field"), place, &expectation.field, true))
            return false;
        const ExperimentSegment *segment = experiment.segment(expectation.segment);
        if (!segment)
            return fail(place + QStringLiteral(".segment"),
                        QStringLiteral("no segment %1 in this experiment").arg(quoted(expectation.segment)));
        LayoutError unused;
        const std::optional<Layout> layout = Layout::parse(segment->layout, &unused);
        const LayoutField *field = layout ? layout->field(expectation.field) : nullptr;
        if (!field)
            return fail(place + QStringLiteral(".field"),
                        QStringLiteral("no field %1 in layout %2").arg(quoted(expectation.field), segment->layout));
        if (!readInt(object, QStringLiteral("index"), place, 0, field->count - 1, &expectation.index))
            return false;
    } else if (object.contains(QLatin1String("sync"))) {
        static const QStringList properties{QStringLiteral("acquisitions"), QStringLiteral("contentions"),
                                            QStringLiteral("ownerDiedRecoveries"), QStringLiteral("generation"),
                                            QStringLiteral("count"), QStringLiteral("depth"),
                                            QStringLiteral("waiting"), QStringLiteral("flag"),
                                            QStringLiteral("held")};
        if (!readString(object, QStringLiteral("sync"), place, &expectation.sync, true)
            || !readString(object, QStringLiteral("property"), place, &expectation.property, true))
            return false;
        if (!experiment.syncObject(expectation.sync))
            return fail(place + QStringLiteral(".sync"),
                        QStringLiteral("no sync object %1 in this experiment").arg(quoted(expectation.sync)));
        if (!properties.contains(expectation.property))
            return fail(place + QStringLiteral(".property"), QStringLiteral("unknown property %1 (known: %2)")
                                                                 .arg(quoted(expectation.property),
                                                                      properties.join(QStringLiteral(", "))));
    } else {
        if (!readString(object, QStringLiteral("worker"), place, &expectation.worker, true)
            || !readString(object, QStringLiteral("output"), place, &expectation.outputPattern, true))
            return false;
        if (!m_workerIds.contains(expectation.worker))
            return fail(place + QStringLiteral(".worker"),
                        QStringLiteral("no worker %1 in this experiment").arg(quoted(expectation.worker)));
        const QRegularExpression pattern(expectation.outputPattern);
        if (!pattern.isValid() || pattern.captureCount() < 1)
            return fail(place + QStringLiteral(".output"),
                        QStringLiteral("expected a regular expression with one capture group for the number"));
    }
    static const QStringList ops{QStringLiteral("=="), QStringLiteral("!="), QStringLiteral("<"),
                                 QStringLiteral("<="), QStringLiteral(">"), QStringLiteral(">=")};
    if (!readString(object, QStringLiteral("op"), place, &expectation.op, true))
        return false;
    if (!ops.contains(expectation.op))
        return fail(place + QStringLiteral(".op"),
                    QStringLiteral("unknown comparison %1 (known: %2)").arg(quoted(expectation.op),
                                                                            ops.join(QStringLiteral(" "))));
    const QJsonValue number = object.value(QLatin1String("value"));
    if (!number.isDouble())
        return fail(place + QStringLiteral(".value"), QStringLiteral("expected a number, found %1").arg(typeName(number)));
    expectation.value = number.toDouble();
    if (!readText(object.value(QLatin1String("describe")), place + QStringLiteral(".describe"),
                  &expectation.description, false))
        return false;
    experiment.expectations.append(expectation);
    return true;
}

std::optional<Experiment> Parser::parse(const QJsonObject &root)
{
    Experiment experiment;
    const QString place = QStringLiteral("$");
    if (!checkKeys(root, place,
                   {QStringLiteral("schema"), QStringLiteral("id"), QStringLiteral("number"), QStringLiteral("title"),
                    QStringLiteral("lesson"), QStringLiteral("narrative"), QStringLiteral("predict"),
                    QStringLiteral("timeout_ms"), QStringLiteral("segments"), QStringLiteral("sync"),
                    QStringLiteral("workers"), QStringLiteral("phases"), QStringLiteral("expect"),
                    QStringLiteral("schedule")}))
        return std::nullopt;
    const QJsonValue schema = root.value(QLatin1String("schema"));
    if (schema.toInt(-1) != 1)
        return fail(QStringLiteral("$.schema"), QStringLiteral("expected 1 (the only schema version)")),
               std::nullopt;
    QSet<QString> noIds;
    if (!readId(root, place, &noIds, &experiment.id)
        || !readInt(root, QStringLiteral("number"), place, 0, 999, &experiment.number)
        || !readInt(root, QStringLiteral("timeout_ms"), place, 100, kMaxTimeoutMs, &experiment.timeoutMs)
        || !readText(root.value(QLatin1String("title")), QStringLiteral("$.title"), &experiment.title, true)
        || !readText(root.value(QLatin1String("lesson")), QStringLiteral("$.lesson"), &experiment.lesson, false)
        || !readText(root.value(QLatin1String("narrative")), QStringLiteral("$.narrative"), &experiment.narrative,
                     false)
        || !readText(root.value(QLatin1String("predict")), QStringLiteral("$.predict"), &experiment.prediction,
                     false))
        return std::nullopt;

    const auto readArray = [&](const QString &key, const auto &readOne) {
        const QJsonValue value = root.value(key);
        if (value.isUndefined())
            return true;
        if (!value.isArray())
            return fail(place + QLatin1Char('.') + key, QStringLiteral("expected an array, found %1").arg(typeName(value)));
        const QJsonArray array = value.toArray();
        for (int i = 0; i < array.size(); ++i) {
            if (!readOne(array.at(i), place + QLatin1Char('.') + key + QStringLiteral("[%1]").arg(i)))
                return false;
        }
        return true;
    };
    if (!readArray(QStringLiteral("segments"),
                   [&](const QJsonValue &v, const QString &p) { return readSegment(v, p, experiment); })
        || !readArray(QStringLiteral("sync"),
                      [&](const QJsonValue &v, const QString &p) { return readSync(v, p, experiment); }))
        return std::nullopt;

    const bool hasWorkers = root.contains(QLatin1String("workers"));
    const bool hasPhases = root.contains(QLatin1String("phases"));
    if (hasWorkers == hasPhases)
        return fail(place, QStringLiteral("give either 'workers' (one phase) or 'phases', not %1")
                               .arg(hasWorkers ? QStringLiteral("both") : QStringLiteral("neither"))),
               std::nullopt;
    if (hasWorkers) {
        ExperimentPhase phase;
        if (!readPhase(root, place, experiment, &phase))
            return std::nullopt;
        experiment.phases.append(phase);
    } else if (!readArray(QStringLiteral("phases"), [&](const QJsonValue &v, const QString &p) {
                   if (!v.isObject())
                       return fail(p, QStringLiteral("expected an object, found %1").arg(typeName(v)));
                   if (!checkKeys(v.toObject(), p,
                                  {QStringLiteral("title"), QStringLiteral("narrative"), QStringLiteral("workers"),
                                   QStringLiteral("schedule")}))
                       return false;
                   ExperimentPhase phase;
                   if (!readPhase(v.toObject(), p, experiment, &phase))
                       return false;
                   experiment.phases.append(phase);
                   return true;
               })) {
        return std::nullopt;
    }
    if (experiment.phases.isEmpty())
        return fail(QStringLiteral("$.phases"), QStringLiteral("an experiment needs at least one phase")),
               std::nullopt;

    if (!readArray(QStringLiteral("expect"),
                   [&](const QJsonValue &v, const QString &p) { return readExpectation(v, p, experiment); }))
        return std::nullopt;
    return experiment;
}

// QJsonParseError gives a byte offset; people count lines and columns.
QString lineAndColumn(const QByteArray &json, int offset)
{
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset && i < json.size(); ++i) {
        if (json.at(i) == '\n') {
            ++line;
            column = 1;
        } else if ((json.at(i) & 0xC0) != 0x80) { // count characters, not UTF-8 continuation bytes
            ++column;
        }
    }
    return QStringLiteral("line %1, column %2").arg(line).arg(column);
}

} // namespace

const QStringList &experimentWorkerKinds()
{
    static const QStringList kinds{QStringLiteral("counter"),  QStringLiteral("array"),
                                   QStringLiteral("producer"), QStringLiteral("consumer"),
                                   QStringLiteral("barrier"),  QStringLiteral("event-wait"),
                                   QStringLiteral("event-set"), QStringLiteral("holder"),
                                   QStringLiteral("condition-wait"), QStringLiteral("condition-notify"),
                                   QStringLiteral("command")};
    return kinds;
}

const QStringList &experimentSyncKinds()
{
    static const QStringList kinds{QStringLiteral("Lock"),      QStringLiteral("RLock"),
                                   QStringLiteral("Semaphore"), QStringLiteral("BoundedSemaphore"),
                                   QStringLiteral("Event"),     QStringLiteral("Condition"),
                                   QStringLiteral("Barrier")};
    return kinds;
}

std::optional<Experiment> parseExperiment(const QByteArray &json, ExperimentError *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (error)
            *error = ExperimentError{lineAndColumn(json, parseError.offset), parseError.errorString()};
        return std::nullopt;
    }
    if (!document.isObject()) {
        if (error)
            *error = ExperimentError{QStringLiteral("$"), QStringLiteral("an experiment is a JSON object")};
        return std::nullopt;
    }
    return Parser(error).parse(document.object());
}

std::optional<Experiment> loadExperimentFile(const QString &path, ExperimentError *error)
{
    QFile file(path);
    constexpr qint64 kMaxFileSize = 1 << 20; // a lesson, not a data set
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = ExperimentError{path, QStringLiteral("cannot open: %1").arg(file.errorString())};
        return std::nullopt;
    }
    if (file.size() > kMaxFileSize) {
        if (error)
            *error = ExperimentError{path, QStringLiteral("larger than 1 MiB: not an experiment file")};
        return std::nullopt;
    }
    std::optional<Experiment> experiment = parseExperiment(file.readAll(), error);
    if (!experiment && error)
        error->place = path + QStringLiteral(": ") + error->place;
    if (experiment)
        experiment->sourcePath = path;
    return experiment;
}

} // namespace ShmScope
