#include "logcommands.h"

#include "oplog.h"

#include <QFileInfo>
#include <QThread>
#include <atomic>
#include <csignal>
#include <cstdio>

namespace ShmScope::Cli {

namespace {

const OptionSpec kJson{QStringLiteral("json"), false};
const OptionSpec kFollow{QStringLiteral("follow"), false};
const OptionSpec kFromNow{QStringLiteral("from-now"), false};
constexpr int kFollowPollMs = 50;

std::atomic<bool> s_stopRequested{false};

void requestStop(int)
{
    s_stopRequested.store(true);
}

QString jsonString(const QString &text)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : text) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
            out += QLatin1Char('\\') + c;
        else if (c.unicode() < 0x20)
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out + QLatin1Char('"');
}

QString valueJson(const OpValue &value)
{
    switch (value.type) {
    case OpValue::Int:
        return QString::number(value.toInt());
    case OpValue::Double:
        return qIsFinite(value.toDouble()) ? value.toString() : QStringLiteral("null");
    case OpValue::None:
        break;
    }
    return QStringLiteral("null");
}

// One compact object per line (JSON Lines), so `log --follow --json` can be piped into a reader
// line by line. Written by hand: the 64-bit target must stay exact (QJsonValue goes through double).
QString entryJson(const OpLogEntry &entry)
{
    return QStringLiteral("{\"index\": %1, \"time_ns\": %2, \"pid\": %3, \"op\": %4, \"target\": %5, "
                          "\"tag\": %6, \"old\": %7, \"new\": %8}")
        .arg(entry.index)
        .arg(entry.timeNs)
        .arg(entry.pid)
        .arg(jsonString(opCodeName(entry.op)), QString::number(entry.target), jsonString(entry.tag),
             valueJson(entry.oldValue), valueJson(entry.newValue));
}

QString lostLine(quint64 lost, bool json)
{
    if (json)
        return QStringLiteral("{\"overrun\": %1}").arg(lost);
    return QStringLiteral("overrun: %1 %2 lost").arg(lost).arg(lost == 1 ? QStringLiteral("entry") : QStringLiteral("entries"));
}

// "#12  +0.001234 s  1234  STORE    counter @0  41 -> 42"
QString entryText(const OpLogEntry &entry, qint64 originNs)
{
    QString text = QStringLiteral("#%1  +%2 s  %3  %4 %5 @%6")
                       .arg(entry.index)
                       .arg(double(entry.timeNs - originNs) / 1e9, 0, 'f', 6)
                       .arg(entry.pid)
                       .arg(opCodeName(entry.op), -8)
                       .arg(entry.tag)
                       .arg(entry.target);
    if (entry.oldValue.type != OpValue::None || entry.newValue.type != OpValue::None) {
        text += QStringLiteral("  %1 -> %2")
                    .arg(entry.oldValue.type == OpValue::None ? QStringLiteral("-") : entry.oldValue.toString(),
                         entry.newValue.type == OpValue::None ? QStringLiteral("-") : entry.newValue.toString());
    }
    return text;
}

void printBatch(const OpLogReader::Batch &batch, bool json, qint64 originNs)
{
    QString text;
    for (const OpLogEntry &entry : batch.entries) {
        if (entry.lostBefore > 0)
            text += lostLine(entry.lostBefore, json) + QLatin1Char('\n');
        text += (json ? entryJson(entry) : entryText(entry, originNs)) + QLatin1Char('\n');
    }
    if (batch.lostAfterLast > 0)
        text += lostLine(batch.lostAfterLast, json) + QLatin1Char('\n');
    printOut(text);
    std::fflush(stdout);
}

const Command kShow{QStringLiteral("log"), QStringLiteral("log NAME [--follow] [--from-now] [--json]"), QString(), QString(), {}};
const Command kCreate{QStringLiteral("log create"), QStringLiteral("log create NAME [CAPACITY]"), QString(), QString(), {}};
const Command kRm{QStringLiteral("log rm"), QStringLiteral("log rm NAME"), QString(), QString(), {}};

int runShow(const QStringList &arguments)
{
    ParsedArguments args;
    int exitCode = ExitOk;
    if (!parseCommandLine(kShow, arguments, {kJson, kFollow, kFromNow}, {QStringLiteral("NAME")}, 1, &args, &exitCode))
        return exitCode;
    QString error;
    const auto log = OpLog::openReadOnly(args.positional.at(0), &error);
    if (!log)
        return fail(error);
    const bool json = args.isSet(kJson.name);
    OpLogReader reader(*log, args.isSet(kFromNow.name) ? OpLogReader::Start::Now : OpLogReader::Start::Oldest);
    const qint64 origin = log->createdNs();

    if (!args.isSet(kFollow.name)) {
        // What is there now; entries appended meanwhile wait for the next call.
        const quint64 end = log->head();
        while (reader.cursor() < end) {
            const OpLogReader::Batch batch = reader.readAvailable();
            printBatch(batch, json, origin);
            if (batch.entries.isEmpty() && batch.lostTotal == 0)
                break; // a slot still being written: leave it for next time
        }
        return ExitOk;
    }

    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
    std::signal(SIGPIPE, requestStop);
    const QString file = QStringLiteral("/dev/shm/") + OpLog::segmentName(log->name());
    while (!s_stopRequested.load()) {
        const OpLogReader::Batch batch = reader.readAvailable();
        if (!batch.entries.isEmpty() || batch.lostTotal > 0) {
            printBatch(batch, json, origin);
            continue;
        }
        if (!QFileInfo::exists(file)) {
            // Entries written before the unlink were all read above; nobody can open it any more.
            printBatch(reader.readAvailable(), json, origin);
            return fail(QStringLiteral("operation log '%1' was removed").arg(log->name()));
        }
        QThread::msleep(kFollowPollMs);
    }
    return ExitOk;
}

int runCreate(const QStringList &arguments)
{
    ParsedArguments args;
    int exitCode = ExitOk;
    if (!parseCommandLine(kCreate, arguments, {}, {QStringLiteral("NAME"), QStringLiteral("CAPACITY")}, 1, &args,
                          &exitCode))
        return exitCode;
    int capacity = OpLog::kDefaultCapacity;
    if (args.positional.size() > 1) {
        bool ok = false;
        capacity = args.positional.at(1).toInt(&ok);
        if (!ok)
            return fail(QStringLiteral("invalid CAPACITY '%1': a number of entries").arg(args.positional.at(1)), ExitUsage);
    }
    QString error;
    if (!OpLog::create(args.positional.at(0), capacity, &error))
        return fail(error);
    return ExitOk;
}

int runRm(const QStringList &arguments)
{
    ParsedArguments args;
    int exitCode = ExitOk;
    if (!parseCommandLine(kRm, arguments, {}, {QStringLiteral("NAME")}, 1, &args, &exitCode))
        return exitCode;
    QString error;
    if (!OpLog::remove(args.positional.at(0), &error))
        return fail(error);
    return ExitOk;
}

int runLog(const Command &self, const QStringList &arguments)
{
    if (arguments.isEmpty())
        return fail(QStringLiteral("log: missing NAME; usage: %1 %2")
                        .arg(programName(), self.synopsis.section(QLatin1Char('\n'), 0, 0)),
                    ExitUsage);
    const QString first = arguments.first();
    if (first == QLatin1String("create"))
        return runCreate(arguments.mid(1));
    if (first == QLatin1String("rm"))
        return runRm(arguments.mid(1));
    if (first == QLatin1String("show"))
        return runShow(arguments.mid(1));
    if (first == QLatin1String("--help") || first == QLatin1String("-h")) {
        printOut(commandUsage(self));
        return ExitOk;
    }
    return runShow(arguments);
}

} // namespace

QVector<Command> logCommands()
{
    return {
        {QStringLiteral("log"),
         QStringLiteral("log NAME [--follow] [--from-now] [--json]\n"
                        "log create NAME [CAPACITY]\n"
                        "log rm NAME\n"
                        "log show NAME ...   (for a log named create, rm or show)"),
         QStringLiteral("Print an operation log that workers record every step into."),
         QStringLiteral("A log is a ring of CAPACITY entries (default 65536, rounded up to a power of two) in\n"
                        "/dev/shm/shmscope.log.NAME; workers given --log NAME append to it without locks.\n"
                        "Each line: #index, seconds since the log was made (CLOCK_MONOTONIC, one clock for all\n"
                        "processes), pid, operation, tag, target (a byte offset or a sync object's id), and\n"
                        "old -> new value. When writers got more than a ring ahead of the reader, a line says\n"
                        "\"overrun: N entries lost\"; an entry is never printed half-written. --follow keeps\n"
                        "printing until interrupted; --from-now skips what is already there. --json prints one\n"
                        "object per line: {\"index\", \"time_ns\", \"pid\", \"op\", \"target\", \"tag\", \"old\", \"new\"}\n"
                        "and {\"overrun\": N}.\n"
                        "\n"
                        "  shmscope-cli log create demo\n"
                        "  shmscope-worker counter --segment data --layout \"n:i\" --field n --iterations 5 --log demo\n"
                        "  shmscope-cli log demo"),
         &runLog},
    };
}

} // namespace ShmScope::Cli
