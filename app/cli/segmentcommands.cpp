#include "segmentcommands.h"

#include "assignments.h"
#include "layout.h"
#include "segment.h"
#include "shmname.h"

#include <QRegularExpression>
#include <algorithm>
#include <cstdio>

namespace ShmScope::Cli {

namespace {

const OptionSpec kJson{QStringLiteral("json"), false};
const OptionSpec kLayout{QStringLiteral("layout"), true};

bool parseLayout(const QString &spec, std::optional<Layout> *layout, QString *error)
{
    LayoutError layoutError;
    *layout = Layout::parse(spec, &layoutError);
    if (!*layout) {
        *error = QStringLiteral("invalid layout '%1': %2").arg(spec, layoutError.toString());
        return false;
    }
    if ((*layout)->isEmpty()) {
        *error = QStringLiteral("invalid layout '%1': it names no field (example: \"counter:i; temps:d[3]\")").arg(spec);
        return false;
    }
    return true;
}

bool applyWrites(Segment &segment, const AssignmentPlan &plan, QString *error)
{
    for (const PlannedWrite &write : plan.writes) {
        if (segment.write(write.offset, write.bytes.constData(), write.bytes.size()) != write.bytes.size()) {
            *error = QStringLiteral("cannot write %1 bytes at offset %2 of '%3' (did it shrink?)")
                         .arg(write.bytes.size())
                         .arg(write.offset)
                         .arg(segment.name());
            return false;
        }
    }
    return true;
}

QString typeText(const LayoutField &field)
{
    const QString code = QString(QLatin1Char(field.type->code));
    return field.isArray ? code + QStringLiteral("[%1]").arg(field.count) : code;
}

// ---- create ----------------------------------------------------------------------------------

int runCreate(const Command &self, const QStringList &arguments)
{
    ParsedArguments args;
    int exitCode = ExitOk;
    if (!parseCommandLine(self, arguments,
                          {kLayout, {QStringLiteral("init"), true}, {QStringLiteral("mode"), true}},
                          {QStringLiteral("NAME"), QStringLiteral("SIZE")}, 1, &args, &exitCode))
        return exitCode;

    // Everything is checked before shm_open, so a refusal never leaves a file in /dev/shm.
    QString error;
    const QString name = normalizedShmName(args.positional.at(0), &error);
    if (name.isEmpty())
        return fail(error);

    std::optional<Layout> layout;
    if (args.isSet(kLayout.name) && !parseLayout(args.value(kLayout.name), &layout, &error))
        return fail(error);
    if (!layout && args.isSet(QStringLiteral("init")))
        return fail(QStringLiteral("create: --init needs --layout (it names the fields)"), ExitUsage);

    qint64 size = layout ? layout->size() : 0;
    if (args.positional.size() > 1) {
        const QString sizeText = args.positional.at(1);
        if (!parseByteCount(sizeText, &size, &error))
            return fail(QStringLiteral("invalid size '%1': %2").arg(sizeText, error));
        if (size == 0)
            return fail(QStringLiteral("invalid size '%1': 'size' must be a positive number different from zero")
                            .arg(sizeText));
        if (layout && size < layout->size())
            return fail(QStringLiteral("size %1 is smaller than the layout (%2 bytes)").arg(size).arg(layout->size()));
    } else if (!layout) {
        return fail(QStringLiteral("create: missing SIZE (or --layout SPEC); usage: shmscope-cli create NAME SIZE"),
                    ExitUsage);
    }

    mode_t mode = 0600;
    if (args.isSet(QStringLiteral("mode"))) {
        static const QRegularExpression octal(QStringLiteral("^0?[0-7]{3}$"));
        const QString modeText = args.value(QStringLiteral("mode"));
        if (!octal.match(modeText).hasMatch())
            return fail(QStringLiteral("invalid mode '%1': give octal permissions such as 0600 or 644").arg(modeText));
        mode = mode_t(modeText.toUInt(nullptr, 8));
    }

    AssignmentPlan plan;
    if (layout && !planAssignments(*layout, args.values(QStringLiteral("init")), size, &plan, &error))
        return fail(QStringLiteral("invalid --init: ") + error);

    SegmentError segmentError;
    std::unique_ptr<Segment> segment = Segment::create(name, size, &segmentError, mode);
    if (!segment)
        return fail(segmentError.message);
    if (!applyWrites(*segment, plan, &error)) {
        segment->unlink(&segmentError);
        return fail(error + QStringLiteral("; removed '%1' again").arg(name));
    }
    for (const QString &warning : std::as_const(plan.warnings))
        warn(warning);
    return ExitOk;
}

// ---- dump ------------------------------------------------------------------------------------

// One line exactly as xxd prints it by default: "%08x: " then 8 groups of 2 bytes, then the
// printable ASCII column, padded so a short last line keeps the column where xxd keeps it.
void appendXxdLine(QByteArray &out, qint64 address, const char *bytes, int count)
{
    static const char hex[] = "0123456789abcdef";
    out += QByteArray::number(address, 16).rightJustified(8, '0');
    out += ": ";
    for (int i = 0; i < 16; ++i) {
        if (i < count) {
            const uchar byte = uchar(bytes[i]);
            out += hex[byte >> 4];
            out += hex[byte & 0xf];
        } else {
            out += "  ";
        }
        if (i % 2 == 1)
            out += ' ';
    }
    out += ' ';
    for (int i = 0; i < count; ++i) {
        const uchar byte = uchar(bytes[i]);
        out += (byte >= 0x20 && byte < 0x7f) ? char(byte) : '.';
    }
    out += '\n';
}

int runDump(const Command &self, const QStringList &arguments)
{
    ParsedArguments args;
    int exitCode = ExitOk;
    if (!parseCommandLine(self, arguments, {{QStringLiteral("offset"), true}, {QStringLiteral("length"), true}},
                          {QStringLiteral("NAME")}, 1, &args, &exitCode))
        return exitCode;

    QString error;
    qint64 offset = 0;
    if (args.isSet(QStringLiteral("offset"))
        && !parseByteCount(args.value(QStringLiteral("offset")), &offset, &error))
        return fail(QStringLiteral("invalid offset '%1': %2").arg(args.value(QStringLiteral("offset")), error));
    qint64 length = -1;
    if (args.isSet(QStringLiteral("length"))
        && !parseByteCount(args.value(QStringLiteral("length")), &length, &error))
        return fail(QStringLiteral("invalid length '%1': %2").arg(args.value(QStringLiteral("length")), error));

    SegmentError segmentError;
    const std::unique_ptr<Segment> segment = Segment::attach(args.positional.at(0), &segmentError, true);
    if (!segment)
        return fail(segmentError.message);
    const qint64 size = segment->status().currentSize;
    if (offset > size)
        return fail(QStringLiteral("offset %1 is beyond the end of '%2' (%3 bytes)").arg(offset).arg(segment->name()).arg(size));
    const qint64 end = length < 0 ? size : std::min(size, offset + length);

    // Stream in blocks so that dumping a large segment never holds it all in memory twice.
    constexpr qint64 kBlock = 64 * 1024;
    QByteArray text;
    for (qint64 position = offset; position < end;) {
        const QByteArray block = segment->read(position, std::min(kBlock, end - position));
        if (block.isEmpty()) {
            std::fflush(stdout);
            return fail(QStringLiteral("'%1' shrank to %2 bytes while being dumped")
                            .arg(segment->name())
                            .arg(segment->status().currentSize));
        }
        text.clear();
        for (qsizetype i = 0; i < block.size(); i += 16)
            appendXxdLine(text, position + i, block.constData() + i, int(std::min<qsizetype>(16, block.size() - i)));
        std::fwrite(text.constData(), 1, size_t(text.size()), stdout);
        position += block.size();
    }
    return ExitOk;
}

// ---- read ------------------------------------------------------------------------------------

// Python's repr of bytes, always single-quoted: b'hi\x00\x00'.
QString bytesLiteral(const QVariantList &values)
{
    QString text = QStringLiteral("b'");
    for (const QVariant &value : values) {
        const ushort byte = value.toString().isEmpty() ? 0 : value.toString().at(0).unicode();
        switch (byte) {
        case '\\': text += QStringLiteral("\\\\"); break;
        case '\'': text += QStringLiteral("\\'"); break;
        case '\t': text += QStringLiteral("\\t"); break;
        case '\n': text += QStringLiteral("\\n"); break;
        case '\r': text += QStringLiteral("\\r"); break;
        default:
            if (byte >= 0x20 && byte < 0x7f)
                text += QChar(byte);
            else
                text += QStringLiteral("\\x%1").arg(byte, 2, 16, QLatin1Char('0'));
        }
    }
    return text + QLatin1Char('\'');
}

QString formattedValues(const DecodedField &decoded)
{
    const LayoutField &field = *decoded.field;
    // The way Python shows Array('c', ...).raw: one bytes literal, not a list of one-byte values.
    if (field.type->code == 'c' && field.isArray)
        return bytesLiteral(decoded.values);
    QStringList parts;
    for (const QVariant &value : decoded.values)
        parts.append(formatValue(*field.type, value));
    return field.isArray ? QLatin1Char('[') + parts.join(QStringLiteral(", ")) + QLatin1Char(']') : parts.value(0);
}

int runRead(const Command &self, const QStringList &arguments)
{
    ParsedArguments args;
    int exitCode = ExitOk;
    if (!parseCommandLine(self, arguments, {kLayout, kJson}, {QStringLiteral("NAME")}, 1, &args, &exitCode))
        return exitCode;
    if (!args.isSet(kLayout.name))
        return fail(QStringLiteral("read: missing --layout SPEC; usage: shmscope-cli read NAME --layout SPEC [--json]"),
                    ExitUsage);

    QString error;
    std::optional<Layout> layout;
    if (!parseLayout(args.value(kLayout.name), &layout, &error))
        return fail(error);

    SegmentError segmentError;
    const std::unique_ptr<Segment> segment = Segment::attach(args.positional.at(0), &segmentError, true);
    if (!segment)
        return fail(segmentError.message);
    const qint64 size = segment->status().currentSize;
    const QByteArray bytes = segment->read(0, std::min(size, layout->size()));
    const QVector<DecodedField> decoded = decodeFields(*layout, bytes);

    QStringList beyondEnd;
    for (const DecodedField &field : decoded) {
        if (field.beyondEnd)
            beyondEnd.append(field.field->name);
    }

    if (args.isSet(kJson.name)) {
        QVariantList fields;
        for (const DecodedField &field : decoded) {
            JsonObject object;
            object.add(QStringLiteral("name"), field.field->name)
                .add(QStringLiteral("code"), QString(QLatin1Char(field.field->type->code)))
                .add(QStringLiteral("offset"), field.field->offset)
                .add(QStringLiteral("size"), field.field->byteSize())
                .add(QStringLiteral("count"), field.field->count);
            if (field.beyondEnd)
                object.add(QStringLiteral("beyond_end"), true);
            else
                object.add(QStringLiteral("values"), field.values); // NaN, inf: null
            fields.append(QVariant::fromValue(object));
        }
        JsonObject root;
        root.add(QStringLiteral("segment"), segment->name())
            .add(QStringLiteral("size"), size)
            .add(QStringLiteral("fields"), fields);
        printOut(toJson(QVariant::fromValue(root)));
    } else {
        QVector<QStringList> rows{{QStringLiteral("FIELD"), QStringLiteral("TYPE"), QStringLiteral("OFFSET"),
                                   QStringLiteral("SIZE"), QStringLiteral("VALUE")}};
        for (const DecodedField &field : decoded) {
            rows.append({field.field->name, typeText(*field.field), QString::number(field.field->offset),
                         QString::number(field.field->byteSize()),
                         field.beyondEnd ? QStringLiteral("(beyond the end of the segment)") : formattedValues(field)});
        }
        QVector<int> widths(5, 0);
        for (const QStringList &row : rows) {
            for (int column = 0; column < 4; ++column)
                widths[column] = std::max(widths[column], int(row.at(column).size()));
        }
        QString text = QStringLiteral("%1: %2 bytes\n").arg(segment->name()).arg(size);
        for (const QStringList &row : rows) {
            text += row.at(0).leftJustified(widths[0]) + QStringLiteral("  ") + row.at(1).leftJustified(widths[1])
                    + QStringLiteral("  ") + row.at(2).rightJustified(widths[2]) + QStringLiteral("  ")
                    + row.at(3).rightJustified(widths[3]) + QStringLiteral("  ") + row.at(4) + QLatin1Char('\n');
        }
        printOut(text);
    }
    std::fflush(stdout);
    if (!beyondEnd.isEmpty())
        warn(QStringLiteral("'%1' has %2 bytes; not read, beyond its end: %3")
                 .arg(segment->name())
                 .arg(size)
                 .arg(beyondEnd.join(QStringLiteral(", "))));
    return ExitOk;
}

// ---- write -----------------------------------------------------------------------------------

int runWrite(const Command &self, const QStringList &arguments)
{
    ParsedArguments args;
    int exitCode = ExitOk;
    if (!parseCommandLine(self, arguments, {kLayout},
                          {QStringLiteral("NAME"), QStringLiteral("FIELD=VALUE"), QStringLiteral("...")}, 2, &args,
                          &exitCode))
        return exitCode;
    if (!args.isSet(kLayout.name))
        return fail(QStringLiteral("write: missing --layout SPEC; usage: shmscope-cli write NAME --layout SPEC FIELD=V..."),
                    ExitUsage);

    QString error;
    std::optional<Layout> layout;
    if (!parseLayout(args.value(kLayout.name), &layout, &error))
        return fail(error);

    SegmentError segmentError;
    const std::unique_ptr<Segment> segment = Segment::attach(args.positional.at(0), &segmentError);
    if (!segment)
        return fail(segmentError.message);

    AssignmentPlan plan;
    if (!planAssignments(*layout, args.positional.mid(1), segment->status().currentSize, &plan, &error))
        return fail(error);
    if (!applyWrites(*segment, plan, &error))
        return fail(error);
    for (const QString &warning : std::as_const(plan.warnings))
        warn(warning);
    return ExitOk;
}

// ---- rm --------------------------------------------------------------------------------------

int runRm(const Command &self, const QStringList &arguments)
{
    ParsedArguments args;
    int exitCode = ExitOk;
    if (!parseCommandLine(self, arguments, {}, {QStringLiteral("NAME")}, 1, &args, &exitCode))
        return exitCode;
    SegmentError error;
    if (!Segment::unlinkByName(args.positional.at(0), &error))
        return fail(error.message);
    return ExitOk;
}

} // namespace

QVector<Command> segmentCommands()
{
    return {
        {QStringLiteral("create"),
         QStringLiteral("create NAME SIZE [--mode OCTAL]\n"
                        "create NAME --layout SPEC [SIZE] [--init FIELD=V[,V...]]... [--mode OCTAL]"),
         QStringLiteral("Create a segment of SIZE bytes (or the layout's size), all zero, mode 0600."),
         QStringLiteral("Like SharedMemory(name=NAME, create=True, size=SIZE). Everything is checked before\n"
                        "the segment exists: a bad name, size, layout or --init value leaves nothing in /dev/shm.\n"
                        "--init takes the same FIELD=V[,V...] and FIELD[INDEX]=V as write (repeatable).\n"
                        "\n"
                        "  shmscope-cli create demo 4K\n"
                        "  shmscope-cli create counter --layout \"value:i; temps:d[3]\" --init value=7 --init temps=1.5,2,3"),
         &runCreate},
        {QStringLiteral("dump"), QStringLiteral("dump NAME [--offset N] [--length N]"),
         QStringLiteral("Hex and ASCII, exactly in xxd's format."),
         QStringLiteral("The output equals `xxd /dev/shm/NAME` (and `xxd -s N -l N` for --offset/--length),\n"
                        "so the two can be diffed. Addresses are offsets in the segment."),
         &runDump},
        {QStringLiteral("read"), QStringLiteral("read NAME --layout SPEC [--json]"),
         QStringLiteral("Decode the segment's fields as Python would see them."),
         QStringLiteral("JSON: {\"segment\": NAME, \"size\": N, \"fields\": [{\"name\": \"counter\", \"code\": \"i\",\n"
                        "\"offset\": 0, \"size\": 4, \"count\": 1, \"values\": [0]}]}. c values are one-character\n"
                        "strings of that byte (latin-1), u values one-character strings, ? true/false, floats numbers\n"
                        "(NaN and infinities: null). A field past the end of the segment is listed with\n"
                        "\"beyond_end\": true and no values, and a warning goes to stderr."),
         &runRead},
        {QStringLiteral("write"), QStringLiteral("write NAME --layout SPEC FIELD=V[,V...] | FIELD[INDEX]=V..."),
         QStringLiteral("Store values into fields; all are checked before any is written."),
         QStringLiteral("Values are Python literals: 42, -7, 0x2a, 3.14, True, a, 'a', b'\\xe9'. A c[N] field also\n"
                        "takes a bytes literal whole: name=b'hello'. An out-of-range integer is stored the way\n"
                        "Python stores it (it wraps) and a warning says what Python holds: Value('b', 300) is 44.\n"
                        "\n"
                        "  shmscope-cli write demo --layout \"value:i; temps:d[3]\" value=42 temps[2]=-0.5"),
         &runWrite},
        {QStringLiteral("rm"), QStringLiteral("rm NAME"), QStringLiteral("Unlink a segment by name (shm_unlink)."),
         QStringLiteral("Processes that still map it keep their mapping; the name is gone."), &runRm},
    };
}

} // namespace ShmScope::Cli
