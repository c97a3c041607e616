// Kinds not written yet: each fails with one clear line until its own file replaces it.
#include "workercommon.h"
#include "workerkinds.h"

namespace ShmScope::Worker {
namespace {
[[noreturn]] int pending(const char *kind)
{
    failRuntime(QStringLiteral("the %1 worker is not built yet").arg(QString::fromLatin1(kind)));
}
} // namespace
int runArrayWriter(const QStringList &) { pending("array"); }
int runProducer(const QStringList &) { pending("producer"); }
int runConsumer(const QStringList &) { pending("consumer"); }
int runBarrier(const QStringList &) { pending("barrier"); }
int runEventWait(const QStringList &) { pending("event-wait"); }
int runEventSet(const QStringList &) { pending("event-set"); }
int runHolder(const QStringList &) { pending("holder"); }
} // namespace ShmScope::Worker
