#include "assignments.h"

#include <QRegularExpression>

namespace ShmScope::Cli {

namespace {

QString fieldNames(const Layout &layout)
{
    QStringList names;
    for (const LayoutField &field : layout.fields())
        names.append(field.name);
    return names.join(QStringLiteral(", "));
}

QString typeText(const LayoutField &field)
{
    const QString code = QString(QLatin1Char(field.type->code));
    return field.isArray ? code + QStringLiteral("[%1]").arg(field.count) : code;
}

// b'hello\x00' -> the bytes, for a whole c[N] array at once (Python: Array('c', 16).value = b'hello').
bool parseBytesLiteral(const QString &text, QByteArray *bytes)
{
    if (text.size() < 3 || text.at(0) != QLatin1Char('b'))
        return false;
    const QChar quote = text.at(1);
    if ((quote != QLatin1Char('\'') && quote != QLatin1Char('"')) || !text.endsWith(quote))
        return false;
    const QString body = text.mid(2, text.size() - 3);
    bytes->clear();
    for (qsizetype i = 0; i < body.size(); ++i) {
        const QChar c = body.at(i);
        if (c.unicode() > 0x7f)
            return false; // Python: bytes can only contain ASCII literal characters
        if (c != QLatin1Char('\\')) {
            bytes->append(char(c.unicode()));
            continue;
        }
        if (++i >= body.size())
            return false;
        const char escape = char(body.at(i).unicode());
        switch (escape) {
        case 'n': bytes->append('\n'); break;
        case 'r': bytes->append('\r'); break;
        case 't': bytes->append('\t'); break;
        case '0': bytes->append('\0'); break;
        case '\\': case '\'': case '"': bytes->append(escape); break;
        case 'x': {
            bool ok = false;
            const int value = body.mid(i + 1, 2).toInt(&ok, 16);
            if (!ok || body.mid(i + 1, 2).size() != 2)
                return false;
            bytes->append(char(value));
            i += 2;
            break;
        }
        default: return false;
        }
    }
    return true;
}

} // namespace

bool planAssignments(const Layout &layout, const QStringList &assignments, qint64 segmentSize,
                     AssignmentPlan *plan, QString *error)
{
    static const QRegularExpression pattern(
        QStringLiteral("^\\s*([^=\\[\\]\\s]+)\\s*(?:\\[\\s*([^\\]]*)\\])?\\s*=(.*)$"),
        QRegularExpression::DotMatchesEverythingOption);
    *plan = AssignmentPlan();
    for (const QString &assignment : assignments) {
        const QRegularExpressionMatch match = pattern.match(assignment);
        if (!match.hasMatch()) {
            *error = QStringLiteral("'%1' is not FIELD=VALUE[,VALUE...] or FIELD[INDEX]=VALUE").arg(assignment);
            return false;
        }
        const QString name = match.captured(1);
        const LayoutField *field = layout.field(name);
        if (!field) {
            *error = QStringLiteral("no field '%1' in the layout (fields: %2)").arg(name, fieldNames(layout));
            return false;
        }
        if (segmentSize >= 0 && field->end() > segmentSize) {
            *error = QStringLiteral("field '%1' (bytes %2..%3) lies beyond the end of the segment (%4 bytes)")
                         .arg(name)
                         .arg(field->offset)
                         .arg(field->end())
                         .arg(segmentSize);
            return false;
        }

        const QString valueText = match.captured(3);
        const bool indexed = match.hasCaptured(2);
        int firstIndex = 0;
        if (indexed) {
            bool ok = false;
            firstIndex = match.captured(2).trimmed().toInt(&ok);
            if (!ok || firstIndex < 0 || firstIndex >= field->count) {
                *error = QStringLiteral("index '%1' is out of range for %2 (%3 has indexes 0..%4)")
                             .arg(match.captured(2), name, typeText(*field))
                             .arg(field->count - 1);
                return false;
            }
        }

        const int size = field->type->size;
        QByteArray bytes;
        QByteArray literalBytes;
        if (!indexed && field->count > 1 && field->type->code == 'c' && parseBytesLiteral(valueText.trimmed(), &literalBytes)) {
            if (literalBytes.size() > field->count) {
                *error = QStringLiteral("%1 holds %2 bytes, got %3").arg(name).arg(field->count).arg(literalBytes.size());
                return false;
            }
            // Like ctypes' c_char array .value: a shorter value is terminated with one NUL.
            if (literalBytes.size() < field->count)
                literalBytes.append('\0');
            bytes = literalBytes;
        } else {
            // A single element takes the text whole, so that `sep=,` stores a comma.
            const QStringList values = (indexed || field->count == 1) ? QStringList{valueText}
                                                                      : valueText.split(QLatin1Char(','));
            if (values.size() > field->count - firstIndex) {
                *error = QStringLiteral("%1 (%2) holds %3 values, got %4")
                             .arg(name, typeText(*field))
                             .arg(field->count)
                             .arg(values.size());
                return false;
            }
            bytes.resize(values.size() * size);
            for (qsizetype i = 0; i < values.size(); ++i) {
                const QString label = field->isArray ? QStringLiteral("%1[%2]").arg(name).arg(firstIndex + i) : name;
                const EncodeResult result = encodeValue(*field->type, values.at(i),
                                                        reinterpret_cast<uchar *>(bytes.data()) + i * size);
                if (!result.ok) {
                    *error = label + QStringLiteral(": ") + result.message;
                    return false;
                }
                if (result.wrapped)
                    plan->warnings.append(label + QStringLiteral(": ") + result.message);
            }
        }
        plan->writes.append({field->offset + qint64(firstIndex) * size, bytes});
    }
    return true;
}

} // namespace ShmScope::Cli
