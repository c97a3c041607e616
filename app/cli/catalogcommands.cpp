#include "catalogcommands.h"

#include "catalogue.h"
#include "segment.h"
#include "shmname.h"

#include <QCoreApplication>
#include <algorithm>

namespace ShmScope::Cli {

namespace {

const OptionSpec kJson{QStringLiteral("json"), false};

QString hexAddress(quintptr address)
{
    return QStringLiteral("0x") + QString::number(quint64(address), 16);
}

QString octalMode(uint mode)
{
    return QStringLiteral("%1").arg(mode & 07777, 4, 8, QLatin1Char('0'));
}

QString isoTime(const QDateTime &time)
{
    // With the UTC offset, so that a script on another machine reads the same instant.
    return time.toOffsetFromUtc(time.offsetFromUtc()).toString(Qt::ISODate);
}

QVariant mappingJson(const ProcessMapping &mapping)
{
    JsonObject object;
    object.add(QStringLiteral("pid"), qint64(mapping.pid))
        .add(QStringLiteral("command"), mapping.command)
        .add(QStringLiteral("start"), hexAddress(mapping.start))
        .add(QStringLiteral("end"), hexAddress(mapping.end))
        .add(QStringLiteral("permissions"), mapping.permissions)
        .add(QStringLiteral("file_offset"), mapping.fileOffset)
        .add(QStringLiteral("deleted"), mapping.deleted);
    return QVariant::fromValue(object);
}

QVariantList mappingsJson(const QVector<ProcessMapping> &mappings)
{
    QVariantList list;
    for (const ProcessMapping &mapping : mappings)
        list.append(mappingJson(mapping));
    return list;
}

// "  pid 4242  python3  7f3a1c000000-7f3a1c001000  rw-s", the address range as /proc/PID/maps writes it.
QString mappingLines(const QVector<ProcessMapping> &mappings, const QString &indent)
{
    int pidWidth = 0;
    int commandWidth = 0;
    for (const ProcessMapping &mapping : mappings) {
        pidWidth = std::max(pidWidth, int(QString::number(mapping.pid).size()));
        commandWidth = std::max(commandWidth, int(mapping.command.size()));
    }
    QString text;
    for (const ProcessMapping &mapping : mappings) {
        text += indent + QStringLiteral("pid ") + QString::number(mapping.pid).leftJustified(pidWidth)
                + QStringLiteral("  ") + mapping.command.leftJustified(commandWidth) + QStringLiteral("  ")
                + QString::number(quint64(mapping.start), 16) + QLatin1Char('-')
                + QString::number(quint64(mapping.end), 16) + QStringLiteral("  ") + mapping.permissions
                + (mapping.deleted ? QStringLiteral("  (deleted)") : QString()) + QLatin1Char('\n');
    }
    return text;
}

// ---- list ------------------------------------------------------------------------------------

int runList(const Command &self, const QStringList &arguments)
{
    ParsedArguments args;
    int exitCode = ExitOk;
    if (!parseCommandLine(self, arguments, {kJson}, {}, 0, &args, &exitCode))
        return exitCode;

    QVector<CatalogueEntry> entries = scanCatalogue();
    std::sort(entries.begin(), entries.end(),
              [](const CatalogueEntry &a, const CatalogueEntry &b) { return a.name < b.name; });

    if (args.isSet(kJson.name)) {
        QVariantList segments;
        for (const CatalogueEntry &entry : std::as_const(entries)) {
            JsonObject object;
            object.add(QStringLiteral("name"), entry.name)
                .add(QStringLiteral("size"), entry.size)
                .add(QStringLiteral("mode"), octalMode(entry.mode))
                .add(QStringLiteral("owner"), entry.owner)
                .add(QStringLiteral("uid"), entry.uid)
                .add(QStringLiteral("last_change"), isoTime(entry.lastChange))
                .add(QStringLiteral("inode"), entry.inode)
                .add(QStringLiteral("kind"), entry.kind)
                .add(QStringLiteral("mappings"), mappingsJson(entry.mappings));
            segments.append(QVariant::fromValue(object));
        }
        JsonObject root;
        root.add(QStringLiteral("segments"), segments);
        printOut(toJson(QVariant::fromValue(root)));
        return ExitOk;
    }

    if (entries.isEmpty()) {
        printOut(QStringLiteral("/dev/shm is empty\n"));
        return ExitOk;
    }
    QVector<QStringList> rows{{QStringLiteral("NAME"), QStringLiteral("SIZE"), QStringLiteral("MODE"),
                               QStringLiteral("OWNER"), QStringLiteral("CHANGED"), QStringLiteral("KIND"),
                               QStringLiteral("MAPPED BY")}};
    for (const CatalogueEntry &entry : std::as_const(entries)) {
        rows.append({entry.name, QString::number(entry.size), octalMode(entry.mode), entry.owner,
                     entry.lastChange.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), entry.kind,
                     entry.mappings.isEmpty() ? QStringLiteral("-")
                                              : QStringLiteral("%1 mapping(s)").arg(entry.mappings.size())});
    }
    QVector<int> widths(7, 0);
    for (const QStringList &row : std::as_const(rows)) {
        for (int column = 0; column < 7; ++column)
            widths[column] = std::max(widths[column], int(row.at(column).size()));
    }
    QString text;
    for (qsizetype r = 0; r < rows.size(); ++r) {
        const QStringList &row = rows.at(r);
        QString line;
        for (int column = 0; column < 7; ++column) {
            const QString cell = column == 1 ? row.at(column).rightJustified(widths[column])
                                             : row.at(column).leftJustified(widths[column]);
            line += (column ? QStringLiteral("  ") : QString()) + cell;
        }
        text += line.trimmed() + QLatin1Char('\n');
        if (r > 0)
            text += mappingLines(entries.at(r - 1).mappings, QStringLiteral("    "));
    }
    printOut(text);
    return ExitOk;
}

// ---- who -------------------------------------------------------------------------------------

int runWho(const Command &self, const QStringList &arguments)
{
    ParsedArguments args;
    int exitCode = ExitOk;
    if (!parseCommandLine(self, arguments, {kJson}, {QStringLiteral("NAME")}, 1, &args, &exitCode))
        return exitCode;

    // Attach only long enough to learn the inode: mappings are matched by inode, so a block that was
    // unlinked but is still mapped under an old name is not confused with a new one of the same name.
    quint64 inode = 0;
    QString name;
    {
        SegmentError error;
        const std::unique_ptr<Segment> segment = Segment::attach(args.positional.at(0), &error, true);
        if (segment) {
            inode = segment->inode();
            name = segment->name();
        } else if (error.kind == SegmentErrorKind::PermissionDenied) {
            // Another user's 0600 block cannot be opened, but its inode is in the directory listing.
            const QVector<CatalogueEntry> entries = scanCatalogue();
            const QString wanted = normalizedShmName(args.positional.at(0));
            for (const CatalogueEntry &entry : entries) {
                if (entry.name == wanted) {
                    inode = entry.inode;
                    name = entry.name;
                }
            }
            if (name.isEmpty())
                return fail(error.message);
        } else {
            return fail(error.message);
        }
    }
    QVector<ProcessMapping> mappings = scanMappings(inode);
    const pid_t self_pid = pid_t(QCoreApplication::applicationPid());
    mappings.erase(std::remove_if(mappings.begin(), mappings.end(),
                                  [self_pid](const ProcessMapping &m) { return m.pid == self_pid; }),
                   mappings.end());

    if (args.isSet(kJson.name)) {
        JsonObject root;
        root.add(QStringLiteral("segment"), name)
            .add(QStringLiteral("inode"), inode)
            .add(QStringLiteral("mappings"), mappingsJson(mappings));
        printOut(toJson(QVariant::fromValue(root)));
    } else if (mappings.isEmpty()) {
        printOut(QStringLiteral("no process maps '%1'\n").arg(name));
    } else {
        printOut(mappingLines(mappings, QString()));
    }
    return ExitOk;
}

} // namespace

QVector<Command> catalogCommands()
{
    return {
        {QStringLiteral("list"), QStringLiteral("list [--json]"),
         QStringLiteral("Every segment in /dev/shm, with the processes that map it."),
         QStringLiteral("Name, size, mode, owner, last change, kind (data, python for psm_*, semaphore for sem.*,\n"
                        "or a ShmScope object kind), and each mapping: pid, command, address range, permissions.\n"
                        "JSON: {\"segments\": [{\"name\", \"size\", \"mode\": \"0600\", \"owner\", \"uid\", \"last_change\",\n"
                        "\"inode\", \"kind\", \"mappings\": [{\"pid\", \"command\", \"start\": \"0x7f..\", \"end\",\n"
                        "\"permissions\": \"rw-s\", \"file_offset\", \"deleted\"}]}]}"),
         &runList},
        {QStringLiteral("who"), QStringLiteral("who NAME [--json]"),
         QStringLiteral("The processes mapping a segment, each with its address range."),
         QStringLiteral("Two handles in one process (Python's shm_a and shm_b) are two lines with the same pid\n"
                        "and different addresses: one block, many mappings."),
         &runWho},
    };
}

} // namespace ShmScope::Cli
