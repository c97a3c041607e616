// shmscope-cli: the command-line face of core/, for scripts and for checking every claim the GUI makes.
// This file only dispatches; each command group lives in its own <group>commands.cpp.

#include "catalogcommands.h"
#include "cliutil.h"
#include "experimentcommands.h"
#include "logcommands.h"
#include "segmentcommands.h"
#include "stepcommands.h"
#include "synccommands.h"

#include <QCoreApplication>
#include <algorithm>

using namespace ShmScope::Cli;

namespace {

struct CommandGroup {
    const char *title;
    QVector<Command> (*commands)();
};

// Every command group, in the order `--help` lists them.
// To add a group (sync, step, log, ...): write app/cli/<group>commands.h/.cpp with a function
// `QVector<Command> <group>Commands()` (see segmentcommands.cpp for the pattern), include its header
// above and add ONE line below. app/cli/CMakeLists.txt globs *.cpp, so no CMake edit is needed.
const CommandGroup kCommandGroups[] = {
    {"Segments", &segmentCommands},
    {"Catalogue", &catalogCommands},
    {"Experiments", &experimentCommands},
    {"Sync objects", &syncCommands},
    {"Step mode", &stepCommands},
    {"Operation log", &logCommands},
};

QVector<Command> allCommands()
{
    QVector<Command> commands;
    for (const CommandGroup &group : kCommandGroups)
        commands += group.commands();
    return commands;
}

QString overview()
{
    QString text = QStringLiteral(
        "usage: shmscope-cli COMMAND [ARGUMENTS...]\n"
        "       shmscope-cli help COMMAND\n"
        "\n"
        "Look at and change POSIX shared memory (/dev/shm), the way Python's multiprocessing sees it.\n");
    int nameWidth = 0;
    for (const Command &command : allCommands())
        nameWidth = std::max(nameWidth, int(command.name.size()));
    for (const CommandGroup &group : kCommandGroups) {
        text += QLatin1Char('\n') + QLatin1String(group.title) + QStringLiteral(":\n");
        const QVector<Command> commands = group.commands();
        for (const Command &command : commands)
            text += QStringLiteral("  %1  %2\n").arg(command.name, -nameWidth).arg(command.summary);
    }
    text += QStringLiteral(
        "\n"
        "NAME is a POSIX shm name, with or without the leading '/' (Python's psm_* names work too).\n"
        "Sizes and offsets take K, M, G suffixes (binary: 4K = 4096) and 0x hex.\n"
        "A layout SPEC names typed fields the way multiprocessing does: \"counter:i; temps:d[3]; name:c[16]\"\n"
        "(codes b B u h H i I l L q Q f d c ?; Value = one element, Array = [n]).\n"
        "Exit status: 0 success, 1 failure, 2 bad command line; errors are one line on stderr.\n");
    return text;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(programName());
    QCoreApplication::setApplicationVersion(QStringLiteral(SHMSCOPE_VERSION));

    QStringList arguments = QCoreApplication::arguments().mid(1);
    if (arguments.isEmpty())
        return fail(QStringLiteral("no command given; try 'shmscope-cli --help'"), ExitUsage);

    const QString first = arguments.takeFirst();
    if (first == QLatin1String("--version")) {
        printOut(programName() + QLatin1Char(' ') + QCoreApplication::applicationVersion() + QLatin1Char('\n'));
        return ExitOk;
    }
    const QVector<Command> commands = allCommands();
    const auto find = [&commands](const QString &name) -> const Command * {
        for (const Command &command : commands) {
            if (command.name == name)
                return &command;
        }
        return nullptr;
    };

    if (first == QLatin1String("--help") || first == QLatin1String("-h") || first == QLatin1String("help")) {
        if (arguments.isEmpty()) {
            printOut(overview());
            return ExitOk;
        }
        const Command *command = find(arguments.first());
        if (!command)
            return fail(QStringLiteral("no such command '%1'; try 'shmscope-cli --help'").arg(arguments.first()),
                        ExitUsage);
        printOut(commandUsage(*command));
        return ExitOk;
    }

    const Command *command = find(first);
    if (!command)
        return fail(QStringLiteral("unknown command '%1'; try 'shmscope-cli --help'").arg(first), ExitUsage);
    return command->run(*command, arguments);
}
