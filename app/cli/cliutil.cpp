#include "cliutil.h"

#include <QLocale>
#include <QRegularExpression>
#include <cmath>
#include <cstdio>
#include <limits>

namespace ShmScope::Cli {

QString programName()
{
    return QStringLiteral("shmscope-cli");
}

static QString oneLine(QString text)
{
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    text.replace(QLatin1Char('\r'), QLatin1Char(' '));
    return text.trimmed();
}

int fail(const QString &message, int exitCode)
{
    const QByteArray line = (programName() + QStringLiteral(": ") + oneLine(message) + QLatin1Char('\n')).toUtf8();
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
    return exitCode;
}

void warn(const QString &message)
{
    const QByteArray line =
        (programName() + QStringLiteral(": warning: ") + oneLine(message) + QLatin1Char('\n')).toUtf8();
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}

void printOut(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
}

QString commandUsage(const Command &command)
{
    QString text;
    const QStringList forms = command.synopsis.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < forms.size(); ++i) {
        text += (i == 0 ? QStringLiteral("usage: ") : QStringLiteral("       ")) + programName()
                + QLatin1Char(' ') + forms.at(i) + QLatin1Char('\n');
    }
    text += QLatin1Char('\n') + command.summary + QLatin1Char('\n');
    if (!command.details.isEmpty())
        text += QLatin1Char('\n') + command.details + QLatin1Char('\n');
    return text;
}

// ---- arguments -------------------------------------------------------------------------------

bool ParsedArguments::isSet(const QString &name) const
{
    for (const auto &option : options) {
        if (option.first == name)
            return true;
    }
    return false;
}

QString ParsedArguments::value(const QString &name) const
{
    const QStringList all = values(name);
    return all.isEmpty() ? QString() : all.last();
}

QStringList ParsedArguments::values(const QString &name) const
{
    QStringList result;
    for (const auto &option : options) {
        if (option.first == name)
            result.append(option.second);
    }
    return result;
}

static bool looksLikeNumber(const QString &argument)
{
    return argument.size() > 1 && argument.startsWith(QLatin1Char('-'))
           && (argument.at(1).isDigit() || argument.at(1) == QLatin1Char('.'));
}

bool parseArguments(const QStringList &arguments, const QVector<OptionSpec> &specs,
                    ParsedArguments *parsed, QString *error)
{
    *parsed = ParsedArguments();
    bool optionsEnded = false;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (optionsEnded || !argument.startsWith(QLatin1Char('-')) || argument == QLatin1String("-")
            || looksLikeNumber(argument)) {
            parsed->positional.append(argument);
            continue;
        }
        if (argument == QLatin1String("--")) {
            optionsEnded = true;
            continue;
        }
        if (argument == QLatin1String("--help") || argument == QLatin1String("-h")) {
            parsed->helpRequested = true;
            continue;
        }
        if (!argument.startsWith(QLatin1String("--"))) {
            *error = QStringLiteral("unknown option '%1'").arg(argument);
            return false;
        }
        const qsizetype equals = argument.indexOf(QLatin1Char('='));
        const QString name = argument.mid(2, equals < 0 ? -1 : equals - 2);
        const OptionSpec *spec = nullptr;
        for (const OptionSpec &candidate : specs) {
            if (candidate.name == name)
                spec = &candidate;
        }
        if (!spec) {
            *error = QStringLiteral("unknown option '--%1'").arg(name);
            return false;
        }
        if (!spec->takesValue) {
            if (equals >= 0) {
                *error = QStringLiteral("option '--%1' takes no value").arg(name);
                return false;
            }
            parsed->options.append({name, QString()});
            continue;
        }
        if (equals >= 0) {
            parsed->options.append({name, argument.mid(equals + 1)});
        } else if (i + 1 < arguments.size()) {
            parsed->options.append({name, arguments.at(++i)});
        } else {
            *error = QStringLiteral("option '--%1' needs a value").arg(name);
            return false;
        }
    }
    return true;
}

bool parseCommandLine(const Command &self, const QStringList &arguments, const QVector<OptionSpec> &specs,
                      const QStringList &positionalNames, int required, ParsedArguments *parsed,
                      int *exitCode)
{
    QString error;
    const QString firstForm = self.synopsis.section(QLatin1Char('\n'), 0, 0);
    const QString hint = QStringLiteral("; usage: %1 %2").arg(programName(), firstForm);
    if (!parseArguments(arguments, specs, parsed, &error)) {
        *exitCode = fail(self.name + QStringLiteral(": ") + error + hint, ExitUsage);
        return false;
    }
    if (parsed->helpRequested) {
        printOut(commandUsage(self));
        *exitCode = ExitOk;
        return false;
    }
    if (parsed->positional.size() < required) {
        *exitCode = fail(self.name + QStringLiteral(": missing ") + positionalNames.at(parsed->positional.size()) + hint,
                         ExitUsage);
        return false;
    }
    const bool repeatable = !positionalNames.isEmpty() && positionalNames.last() == QLatin1String("...");
    if (!repeatable && parsed->positional.size() > positionalNames.size()) {
        *exitCode = fail(self.name + QStringLiteral(": unexpected argument '%1'").arg(parsed->positional.at(positionalNames.size()))
                             + hint,
                         ExitUsage);
        return false;
    }
    return true;
}

bool parseByteCount(const QString &text, qint64 *value, QString *error)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(-?)(0x[0-9a-f]+|[0-9]+)\\s*(k|kib|m|mib|g|gib|t|tib)?$"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch()) {
        *error = QStringLiteral("not a number of bytes (examples: 4096, 0x1000, 4K, 1M, 2G)");
        return false;
    }
    const QString digits = match.captured(2);
    bool ok = false;
    const quint64 number = digits.startsWith(QLatin1String("0x"), Qt::CaseInsensitive)
                               ? digits.mid(2).toULongLong(&ok, 16)
                               : digits.toULongLong(&ok, 10);
    const QChar unit = match.captured(3).isEmpty() ? QChar() : match.captured(3).at(0).toLower();
    const int shift = unit == QLatin1Char('k')   ? 10
                      : unit == QLatin1Char('m') ? 20
                      : unit == QLatin1Char('g') ? 30
                      : unit == QLatin1Char('t') ? 40
                                                 : 0;
    const quint64 limit = quint64(std::numeric_limits<qint64>::max()) >> shift;
    if (!ok || number > limit) {
        *error = QStringLiteral("too large");
        return false;
    }
    if (!match.captured(1).isEmpty() && number != 0) {
        *error = QStringLiteral("must not be negative");
        return false;
    }
    *value = qint64(number << shift);
    return true;
}

// ---- JSON ------------------------------------------------------------------------------------

static QString jsonString(const QString &text)
{
    QString out = QStringLiteral("\"");
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        switch (c.unicode()) {
        case '"': out += QStringLiteral("\\\""); continue;
        case '\\': out += QStringLiteral("\\\\"); continue;
        case '\n': out += QStringLiteral("\\n"); continue;
        case '\r': out += QStringLiteral("\\r"); continue;
        case '\t': out += QStringLiteral("\\t"); continue;
        case '\b': out += QStringLiteral("\\b"); continue;
        case '\f': out += QStringLiteral("\\f"); continue;
        default: break;
        }
        const bool pairedSurrogate = c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate();
        if (pairedSurrogate) {
            out += c;
            out += text.at(++i);
        } else if (c.unicode() < 0x20 || c.isSurrogate()) {
            // A lone surrogate (a 'u' value that is no valid code point) cannot be UTF-8: escape it.
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        } else {
            out += c;
        }
    }
    return out + QLatin1Char('"');
}

static QString jsonDouble(double number)
{
    if (!std::isfinite(number))
        return QStringLiteral("null");
    QString text = QString::number(number, 'g', QLocale::FloatingPointShortest);
    // Keep floats looking like floats (1.0, not 1), the way Python's json.dumps writes them.
    if (!text.contains(QLatin1Char('.')) && !text.contains(QLatin1Char('e')))
        text += QStringLiteral(".0");
    return text;
}

static bool isContainer(const QVariant &value)
{
    return value.typeId() == QMetaType::QVariantList || value.typeId() == qMetaTypeId<JsonObject>();
}

static QString jsonScalar(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::UnknownType:
    case QMetaType::Nullptr: return QStringLiteral("null");
    case QMetaType::Bool: return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QMetaType::Int:
    case QMetaType::Long:
    case QMetaType::LongLong:
    case QMetaType::Short:
    case QMetaType::SChar: return QString::number(value.toLongLong());
    case QMetaType::UInt:
    case QMetaType::ULong:
    case QMetaType::ULongLong:
    case QMetaType::UShort:
    case QMetaType::UChar: return QString::number(value.toULongLong());
    case QMetaType::Double:
    case QMetaType::Float: return jsonDouble(value.toDouble());
    case QMetaType::QByteArray: return jsonString(QString::fromLatin1(value.toByteArray()));
    default: return jsonString(value.toString());
    }
}

static QString jsonInline(const QVariant &value)
{
    if (value.typeId() == QMetaType::QVariantList) {
        QStringList items;
        const QVariantList list = value.toList();
        for (const QVariant &item : list)
            items.append(jsonInline(item));
        return QLatin1Char('[') + items.join(QStringLiteral(", ")) + QLatin1Char(']');
    }
    if (value.typeId() == qMetaTypeId<JsonObject>()) {
        QStringList items;
        const JsonObject object = value.value<JsonObject>();
        for (const auto &member : object.members)
            items.append(jsonString(member.first) + QStringLiteral(": ") + jsonInline(member.second));
        return QLatin1Char('{') + items.join(QStringLiteral(", ")) + QLatin1Char('}');
    }
    return jsonScalar(value);
}

// An object of plain values and arrays of plain values: one record, such as one field of `read`.
static bool isRecord(const QVariant &value)
{
    if (value.typeId() != qMetaTypeId<JsonObject>())
        return false;
    const JsonObject object = value.value<JsonObject>();
    for (const auto &member : object.members) {
        if (member.second.typeId() == qMetaTypeId<JsonObject>())
            return false;
        if (member.second.typeId() == QMetaType::QVariantList) {
            const QVariantList list = member.second.toList();
            for (const QVariant &item : list) {
                if (isContainer(item))
                    return false;
            }
        }
    }
    return true;
}

// Top level always broken into lines; below it a record is one line (one field of `read`, one
// mapping of `list`), and so is any container that fits in the width.
static QString jsonPretty(const QVariant &value, int indent)
{
    constexpr int kWidth = 110;
    if (!isContainer(value))
        return jsonScalar(value);
    const QString flat = jsonInline(value);
    if (indent > 0 && (indent + flat.size() <= kWidth || isRecord(value)))
        return flat;
    const QString inner(indent + 2, QLatin1Char(' '));
    QStringList items;
    if (value.typeId() == QMetaType::QVariantList) {
        const QVariantList list = value.toList();
        bool allScalar = true;
        for (const QVariant &item : list)
            allScalar = allScalar && !isContainer(item);
        if (allScalar && indent > 0)
            return flat;
        for (const QVariant &item : list)
            items.append(inner + jsonPretty(item, indent + 2));
        if (items.isEmpty())
            return QStringLiteral("[]");
        return QStringLiteral("[\n") + items.join(QStringLiteral(",\n")) + QLatin1Char('\n')
               + QString(indent, QLatin1Char(' ')) + QLatin1Char(']');
    }
    const JsonObject object = value.value<JsonObject>();
    for (const auto &member : object.members)
        items.append(inner + jsonString(member.first) + QStringLiteral(": ") + jsonPretty(member.second, indent + 2));
    if (items.isEmpty())
        return QStringLiteral("{}");
    return QStringLiteral("{\n") + items.join(QStringLiteral(",\n")) + QLatin1Char('\n')
           + QString(indent, QLatin1Char(' ')) + QLatin1Char('}');
}

QString toJson(const QVariant &value)
{
    return jsonPretty(value, 0) + QLatin1Char('\n');
}

} // namespace ShmScope::Cli
