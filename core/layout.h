#pragma once

#include "typecode.h"

#include <QString>
#include <QVector>
#include <optional>

namespace ShmScope {

// A named, typed field: Value = one element, Array = count elements.
struct LayoutField {
    QString name;
    const TypeCode *type = nullptr;
    int count = 1;
    bool isArray = false; // written "x:i[1]" rather than "x:i"
    qint64 offset = 0;    // ctypes natural alignment
    qint64 byteSize() const { return qint64(type->size) * count; }
    qint64 end() const { return offset + byteSize(); }
};

struct LayoutError {
    int position = -1; // 0-based character index in the spec
    QString reason;    // "unknown type code 'x'", "count must be > 0", "nested array i[2][2] ...", ...
    QString toString() const; // "position 12: unknown type code 'x'"
};

// Text form: "counter:i; temps:d[3]; name:c[16]". Separators ';' (or ','), spaces ignored.
class Layout {
public:
    static std::optional<Layout> parse(const QString &spec, LayoutError *error);
    static Layout fromFields(QVector<LayoutField> fields); // computes offsets

    const QVector<LayoutField> &fields() const { return m_fields; }
    const LayoutField *field(const QString &name) const;
    qint64 size() const; // end of the last field, padded like a ctypes Structure
    QString toSpec() const;
    bool isEmpty() const { return m_fields.isEmpty(); }

private:
    QVector<LayoutField> m_fields;
};

// Decoded contents of one field from a byte image of the segment starting at offset 0.
struct DecodedField {
    const LayoutField *field = nullptr;
    bool beyondEnd = false; // the field does not fit in the bytes: reported, not read
    QVariantList values;
};
QVector<DecodedField> decodeFields(const Layout &layout, const QByteArray &segmentBytes);

} // namespace ShmScope
