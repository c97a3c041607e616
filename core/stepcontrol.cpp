#include "stepcontrol.h"
#include "sync/shmregion.h"
namespace ShmScope {
QString stepStateName(StepState) { return {}; }
std::unique_ptr<StepControl> StepControl::createForSelf(const QStringList &, QString *) { return nullptr; }
StepControl::~StepControl() = default;
SyncResult StepControl::waitAt(const QString &, const QVector<StepRegister> &, qint64, QString *) { return SyncResult::Error; }
void StepControl::publishRegisters(const QVector<StepRegister> &) {}
void StepControl::markExited() {}
pid_t StepControl::pid() const { return 0; }
bool releaseOneStep(pid_t, qint64, StepOutcome *, QString *) { return false; }
bool stepStatusOf(pid_t, StepStatus *, QString *) { return false; }
bool waitUntilStopped(pid_t, qint64, StepStatus *, QString *) { return false; }
QVector<StepStatus> listSteppingWorkers(const QString &) { return {}; }
bool removeStepControl(pid_t, QString *) { return false; }
QString stepSegmentName(pid_t) { return {}; }
}
