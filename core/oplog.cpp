#include "oplog.h"
#include "sync/shmregion.h"
namespace ShmScope {
QString opCodeName(OpCode) { return {}; }
bool opCodeFromName(const QString &, OpCode *) { return false; }
OpValue OpValue::ofDouble(double) { return {}; }
double OpValue::toDouble() const { return 0; }
QString OpValue::toString() const { return {}; }
std::unique_ptr<OpLog> OpLog::create(const QString &, int, QString *) { return nullptr; }
std::unique_ptr<OpLog> OpLog::open(const QString &, QString *) { return nullptr; }
std::unique_ptr<OpLog> OpLog::openReadOnly(const QString &, QString *) { return nullptr; }
bool OpLog::remove(const QString &, QString *) { return false; }
QString OpLog::segmentName(const QString &, QString *) { return {}; }
OpLog::~OpLog() = default;
quint64 OpLog::append(OpCode, quint64, OpValue, OpValue, const char *) { return 0; }
quint64 OpLog::append(OpCode, quint64, OpValue, OpValue, const QString &) { return 0; }
QString OpLog::name() const { return m_name; }
int OpLog::capacity() const { return 0; }
quint64 OpLog::head() const { return 0; }
qint64 OpLog::createdNs() const { return 0; }
quint64 syncObjectId(const QString &) { return 0; }
OpLogReader::OpLogReader(const OpLog &log, Start) : m_log(log) {}
OpLogReader::Batch OpLogReader::readAvailable(int, qint64) { return {}; }
}
