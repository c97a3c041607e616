// condition-wait / condition-notify: Python's Condition across processes.
//   waiter:   with cond: cond.wait_for(lambda: field >= at_least); count_field += 1
//   notifier: with cond: field = value; cond.notify_all()
// The predicate lives in shared memory and is read under the condition's lock, so a notify can
// never slip in between the check and the wait (the lost wake-up a bare flag would have).

#include "instruments.h"
#include "workercommon.h"
#include "workerkinds.h"
#include "workerlock.h"

#include <limits>
#include <optional>

namespace ShmScope::Worker {

namespace {

void acquireOrFail(SharedCondition &condition, Instruments &instruments)
{
    instruments.stopBefore("ACQUIRE");
    QString error;
    if (condition.acquire(kWaitForever, &error) != SyncResult::Ok)
        failRuntime(QStringLiteral("cannot acquire condition '%1': %2").arg(condition.name(), error));
}

void releaseOrFail(SharedCondition &condition, Instruments &instruments)
{
    instruments.stopBefore("RELEASE");
    QString error;
    if (!condition.release(&error))
        failRuntime(QStringLiteral("cannot release condition '%1': %2").arg(condition.name(), error));
}

} // namespace

int runConditionWait(const QStringList &arguments)
{
    WorkerOptions options(QStringLiteral("condition-wait"),
                          QStringLiteral("Waits on a Condition until an integer field reaches a value."));
    options.addValue(QStringLiteral("condition"), QStringLiteral("NAME"), QStringLiteral("The Condition."));
    options.addValue(QStringLiteral("segment"), QStringLiteral("NAME"), QStringLiteral("The data segment."));
    options.addValue(QStringLiteral("layout"), QStringLiteral("SPEC"), QStringLiteral("Its layout."));
    options.addValue(QStringLiteral("field"), QStringLiteral("F"), QStringLiteral("The integer field the predicate reads."));
    options.addValue(QStringLiteral("at-least"), QStringLiteral("V"), QStringLiteral("Wait until field >= V (default 1)."));
    options.addValue(QStringLiteral("count-field"), QStringLiteral("F"), QStringLiteral("Add 1 here once woken (under the lock)."));
    options.addValue(QStringLiteral("timeout-ms"), QStringLiteral("MS"), QStringLiteral("Give up after MS (default: wait forever)."));
    options.parse(arguments);

    const qint64 atLeast = options.integer(QStringLiteral("at-least"), std::numeric_limits<qint64>::min(),
                                           std::numeric_limits<qint64>::max(), 1);
    const qint64 timeoutMs = options.integer(QStringLiteral("timeout-ms"), 0, qint64(1) << 40, kWaitForever);
    const BoundField field = BoundField::bind(options.requiredText(QStringLiteral("segment")),
                                              options.requiredText(QStringLiteral("layout")),
                                              options.requiredText(QStringLiteral("field")));
    field.requireInteger(QStringLiteral("a condition's predicate"));
    std::optional<BoundField> countField;
    if (options.isSet(QStringLiteral("count-field"))) {
        countField = field.sibling(options.text(QStringLiteral("count-field")));
        countField->requireInteger(QStringLiteral("a wake-up count"));
    }
    std::unique_ptr<SharedCondition> condition = openCondition(options.requiredText(QStringLiteral("condition")));
    Instruments instruments(options.common(), QStringLiteral("condition-wait"),
                            {QStringLiteral("ACQUIRE"), QStringLiteral("WAIT"), QStringLiteral("RELEASE")});
    condition->setOpLog(instruments.log());

    ProgressReporter progress(QStringLiteral("condition-wait"), 1, options.common().progressMs);
    const IntegerCell predicateCell(field.address(), field.type());
    acquireOrFail(*condition, instruments);
    instruments.stopBefore("WAIT");
    QString error;
    const SyncResult result
        = condition->waitFor([&] { return predicateCell.load() >= atLeast; }, timeoutMs, &error);
    if (result == SyncResult::Error)
        failRuntime(QStringLiteral("cannot wait on condition '%1': %2").arg(condition->name(), error));
    const bool woken = result == SyncResult::Ok;
    if (woken && countField) {
        IntegerCell count(countField->address(), countField->type());
        const qint64 before = count.load();
        count.store(before + 1);
        instruments.record(OpCode::Add, quint64(countField->offset()), OpValue::ofInt(before),
                           OpValue::ofInt(before + 1), Instruments::tagOf(countField->field().name).constData());
    }
    releaseOrFail(*condition, instruments);
    progress.setDone(woken ? 1 : 0);
    progress.finish({{QStringLiteral("woken"), woken ? QStringLiteral("true") : QStringLiteral("false")},
                     {QStringLiteral("value"), QString::number(predicateCell.load())}});
    condition->setOpLog(nullptr);
    return woken ? ExitDone : ExitFailure;
}

int runConditionNotify(const QStringList &arguments)
{
    WorkerOptions options(QStringLiteral("condition-notify"),
                          QStringLiteral("Sets an integer field under a Condition's lock and notifies all waiters."));
    options.addValue(QStringLiteral("condition"), QStringLiteral("NAME"), QStringLiteral("The Condition."));
    options.addValue(QStringLiteral("segment"), QStringLiteral("NAME"), QStringLiteral("The data segment."));
    options.addValue(QStringLiteral("layout"), QStringLiteral("SPEC"), QStringLiteral("Its layout."));
    options.addValue(QStringLiteral("field"), QStringLiteral("F"), QStringLiteral("The integer field to set."));
    options.addValue(QStringLiteral("value"), QStringLiteral("V"), QStringLiteral("The value to store (default 1)."));
    options.addValue(QStringLiteral("after-ms"), QStringLiteral("MS"), QStringLiteral("Wait MS first (default 0)."));
    options.parse(arguments);

    const qint64 value = options.integer(QStringLiteral("value"), std::numeric_limits<qint64>::min(),
                                         std::numeric_limits<qint64>::max(), 1);
    const qint64 afterMs = options.integer(QStringLiteral("after-ms"), 0, qint64(1) << 40, 0);
    const BoundField field = BoundField::bind(options.requiredText(QStringLiteral("segment")),
                                              options.requiredText(QStringLiteral("layout")),
                                              options.requiredText(QStringLiteral("field")));
    field.requireInteger(QStringLiteral("a condition's predicate"));
    std::unique_ptr<SharedCondition> condition = openCondition(options.requiredText(QStringLiteral("condition")));
    Instruments instruments(options.common(), QStringLiteral("condition-notify"),
                            {QStringLiteral("ACQUIRE"), QStringLiteral("STORE"), QStringLiteral("NOTIFY"),
                             QStringLiteral("RELEASE")});
    condition->setOpLog(instruments.log());

    ProgressReporter progress(QStringLiteral("condition-notify"), 1, options.common().progressMs);
    sleepMicroseconds(afterMs * 1000);
    acquireOrFail(*condition, instruments);
    instruments.stopBefore("STORE");
    IntegerCell cell(field.address(), field.type());
    const qint64 before = cell.exchange(value);
    instruments.record(OpCode::Store, quint64(field.offset()), OpValue::ofInt(before), OpValue::ofInt(value),
                       Instruments::tagOf(field.field().name).constData());
    instruments.stopBefore("NOTIFY");
    QString error;
    if (!condition->notifyAll(&error))
        failRuntime(QStringLiteral("cannot notify condition '%1': %2").arg(condition->name(), error));
    releaseOrFail(*condition, instruments);
    progress.setDone(1);
    progress.finish({{QStringLiteral("value"), QString::number(value)}});
    condition->setOpLog(nullptr);
    return ExitDone;
}

} // namespace ShmScope::Worker
