// The end of a run: each expectation of the file checked against the segments' bytes, the sync
// objects' counters or the numbers a worker printed, and described for the class.

#include "experimentrunner.h"

#include "layout.h"
#include "segment.h"
#include "sync/syncstate.h"

#include <QRegularExpression>

namespace ShmScope {

namespace {

bool compare(double observed, const QString &op, double expected)
{
    if (op == QLatin1String("=="))
        return observed == expected;
    if (op == QLatin1String("!="))
        return observed != expected;
    if (op == QLatin1String("<"))
        return observed < expected;
    if (op == QLatin1String("<="))
        return observed <= expected;
    if (op == QLatin1String(">"))
        return observed > expected;
    return observed >= expected;
}

double numberOf(const QVariant &value)
{
    if (value.typeId() == QMetaType::QString) {
        const QString text = value.toString();
        return text.isEmpty() ? 0 : double(text.at(0).unicode());
    }
    return value.toDouble();
}

bool syncProperty(const SyncState &state, const QString &property, double *value)
{
    const QMap<QString, double> properties{
        {QStringLiteral("acquisitions"), double(state.acquisitions)},
        {QStringLiteral("contentions"), double(state.contentions)},
        {QStringLiteral("ownerDiedRecoveries"), double(state.ownerDiedRecoveries)},
        {QStringLiteral("generation"), double(state.generation)},
        {QStringLiteral("count"), double(state.count)},
        {QStringLiteral("depth"), double(state.depth)},
        {QStringLiteral("waiting"), double(state.waiting)},
        {QStringLiteral("flag"), state.flag ? 1.0 : 0.0},
        {QStringLiteral("held"), state.held ? 1.0 : 0.0}};
    if (!properties.contains(property))
        return false;
    *value = properties.value(property);
    return true;
}

} // namespace

void ExperimentRunner::evaluate()
{
    m_outcome.expectations.clear();
    for (const ExperimentExpectation &expectation : m_experiment.expectations) {
        ExpectationOutcome outcome;
        outcome.expectation = expectation;
        if (evaluateOne(expectation, &outcome)) {
            outcome.evaluated = true;
            outcome.passed = compare(outcome.observed, expectation.op, expectation.value);
            QString text = QStringLiteral("%1 %2 %3: observed %4")
                               .arg(outcome.subject, expectation.op, groupedNumber(expectation.value),
                                    groupedNumber(outcome.observed));
            QString described = expectation.description.forLanguage(m_language);
            if (!described.isEmpty()) {
                described.replace(QLatin1String("{observed}"), groupedNumber(outcome.observed));
                described.replace(QLatin1String("{expected}"), groupedNumber(expectation.value));
                described.replace(QLatin1String("{difference}"), groupedNumber(expectation.value - outcome.observed));
                text += QStringLiteral(" — ") + described;
            }
            outcome.text = text;
        }
        m_outcome.expectations << outcome;
    }
}

bool ExperimentRunner::evaluateOne(const ExperimentExpectation &expectation, ExpectationOutcome *outcome)
{
    if (!expectation.segment.isEmpty()) {
        outcome->subject = expectation.segment + QLatin1Char('.') + expectation.field;
        if (expectation.index > 0)
            outcome->subject += QStringLiteral("[%1]").arg(expectation.index);
        const ExperimentSegment *spec = m_experiment.segment(expectation.segment);
        LayoutError layoutError;
        const std::optional<Layout> layout = Layout::parse(spec->layout, &layoutError);
        SegmentError segmentError;
        std::unique_ptr<Segment> attached;
        const Segment *handle = segment(expectation.segment);
        if (!handle) {
            attached = Segment::attach(realSegmentName(expectation.segment), &segmentError, true);
            handle = attached.get();
        }
        if (!handle || !layout) {
            outcome->text = QStringLiteral("%1: cannot read: %2").arg(outcome->subject, segmentError.message);
            return false;
        }
        const QVector<DecodedField> fields = decodeFields(*layout, handle->read(0, handle->size()));
        for (const DecodedField &decoded : fields) {
            if (decoded.field->name == expectation.field && !decoded.beyondEnd
                && expectation.index < decoded.values.size()) {
                outcome->observed = numberOf(decoded.values.at(expectation.index));
                return true;
            }
        }
        outcome->text = QStringLiteral("%1: beyond the end of the segment").arg(outcome->subject);
        return false;
    }
    if (!expectation.sync.isEmpty()) {
        outcome->subject = expectation.sync + QLatin1Char('.') + expectation.property;
        SyncState state;
        QString error;
        if (!readSyncState(realSyncName(expectation.sync), &state, &error)
            || !syncProperty(state, expectation.property, &outcome->observed)) {
            outcome->text = QStringLiteral("%1: cannot read: %2").arg(outcome->subject, error);
            return false;
        }
        return true;
    }
    outcome->subject = QStringLiteral("%1 output").arg(expectation.worker);
    const QRegularExpression pattern(expectation.outputPattern);
    bool found = false;
    for (const WorkerRun &run : m_workers) {
        if (run.workerId != expectation.worker)
            continue;
        auto it = pattern.globalMatch(QString::fromUtf8(run.output));
        while (it.hasNext()) {
            outcome->observed = it.next().captured(1).toDouble(&found);
        }
    }
    if (!found)
        outcome->text = QStringLiteral("%1: no line matched %2").arg(outcome->subject, expectation.outputPattern);
    return found;
}

} // namespace ShmScope
