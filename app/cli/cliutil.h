#pragma once

// What every shmscope-cli command shares: the command record the dispatcher lists, argument
// parsing, one-line errors, number parsing and a small ordered JSON writer.

#include <QMetaType>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVector>
#include <functional>

namespace ShmScope::Cli {

// Exit codes: 0 success, 1 the operation failed (missing segment, bad value...), 2 the command line
// itself was wrong (unknown command or option, missing argument).
enum ExitCode { ExitOk = 0, ExitFailure = 1, ExitUsage = 2 };

// One command of shmscope-cli. `run` receives itself (for its usage text) and the arguments after
// the command's own name, and returns the exit code.
struct Command {
    QString name;     // "create"
    QString synopsis; // "create NAME SIZE\ncreate NAME --layout SPEC [--init FIELD=V[,V...]]..."
    QString summary;  // one line for the overview
    QString details;  // the rest of `help CMD`: options, examples
    std::function<int(const Command &self, const QStringList &arguments)> run;
};

QString programName(); // "shmscope-cli"

// Prints "shmscope-cli: <message>" as exactly one line on stderr (newlines inside are flattened, so a
// message that quotes user input can never break the one-line promise) and returns the exit code.
int fail(const QString &message, int exitCode = ExitFailure);
void warn(const QString &message); // "shmscope-cli: warning: <message>"
void printOut(const QString &text); // stdout, UTF-8, as is

// `help CMD` text, shared by the dispatcher and by every command's own --help.
QString commandUsage(const Command &command);

// Options a command accepts: "--json" is a flag, "--layout" takes a value ("--layout SPEC" or
// "--layout=SPEC"); repeatable options keep every value in order.
struct OptionSpec {
    QString name; // without the dashes
    bool takesValue = false;
};

struct ParsedArguments {
    QStringList positional;
    QVector<QPair<QString, QString>> options; // in command-line order
    bool helpRequested = false;

    bool isSet(const QString &name) const;
    QString value(const QString &name) const; // the last one given
    QStringList values(const QString &name) const;
};

// Anything starting with '-' that is not a number ("-5" stays positional, so `create X -5` can say
// "size must be positive" instead of "unknown option"), and "--" ends the options.
bool parseArguments(const QStringList &arguments, const QVector<OptionSpec> &specs,
                    ParsedArguments *parsed, QString *error);

// The usual start of a command's run(): parses options, answers --help, checks the positional
// arguments against their names (the first `required` of them must be there; a last name "..."
// allows any number more). Returns false when the
// command is already finished, with *exitCode set: 0 after --help, 2 after a one-line usage error.
bool parseCommandLine(const Command &self, const QStringList &arguments, const QVector<OptionSpec> &specs,
                      const QStringList &positionalNames, int required, ParsedArguments *parsed,
                      int *exitCode);

// "64", "0x40", "4K", "1M", "2G", "4KiB" (binary multiples). Fails on empty, garbage, negatives and
// overflow, with a reason that does not repeat the text (the caller says which argument it was).
bool parseByteCount(const QString &text, qint64 *value, QString *error);

// The ordered JSON the CLI prints. Objects keep insertion order so the output reads like the
// documented format; quint64 values stay exact (QJsonValue would round them through double).
struct JsonObject {
    QVector<QPair<QString, QVariant>> members;
    JsonObject &add(const QString &key, const QVariant &value)
    {
        members.append({key, value});
        return *this;
    }
};

// Non-finite doubles become null: JSON has no NaN or infinity.
QString toJson(const QVariant &value);

} // namespace ShmScope::Cli

Q_DECLARE_METATYPE(ShmScope::Cli::JsonObject)
