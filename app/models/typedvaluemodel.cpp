#include "typedvaluemodel.h"

#include "segment.h"
#include "typecode.h"

#include <cstring>

namespace ShmScope {

// internalId 0 marks a field row; an element row carries its field index + 1, so parent() is O(1).
static constexpr quintptr kFieldRowId = 0;
static constexpr int kSummaryElements = 6;

TypedValueModel::TypedValueModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

TypedValueModel::~TypedValueModel() = default;

void TypedValueModel::setLayout(const Layout &layout)
{
    beginResetModel();
    m_layout = layout;
    m_wrapMessages.clear();
    m_lastWrapMessage.clear();
    endResetModel();
}

void TypedValueModel::setSegment(std::shared_ptr<Segment> segment)
{
    m_segment = std::move(segment);
}

ByteRange TypedValueModel::neededRange() const
{
    return {0, m_layout.size()};
}

bool TypedValueModel::isFieldRow(const QModelIndex &index) const
{
    return index.internalId() == kFieldRowId;
}

int TypedValueModel::fieldOf(const QModelIndex &index) const
{
    return isFieldRow(index) ? index.row() : int(index.internalId() - 1);
}

int TypedValueModel::elementOf(const QModelIndex &index) const
{
    return isFieldRow(index) ? -1 : index.row();
}

// A Value field holds its value on its own row; an array's values live on the element rows.
bool TypedValueModel::holdsValue(int field, int element) const
{
    const LayoutField &f = m_layout.fields().at(field);
    return element >= 0 || !f.isArray;
}

qint64 TypedValueModel::elementOffset(int field, int element) const
{
    const LayoutField &f = m_layout.fields().at(field);
    return f.offset + qint64(f.type->size) * qMax(element, 0);
}

bool TypedValueModel::elementAvailable(int field, int element) const
{
    const LayoutField &f = m_layout.fields().at(field);
    const qint64 begin = elementOffset(field, element) - m_imageOffset;
    return begin >= 0 && begin + f.type->size <= m_image.size();
}

QVariant TypedValueModel::elementValue(int field, int element) const
{
    if (!elementAvailable(field, element))
        return {};
    const LayoutField &f = m_layout.fields().at(field);
    const auto *bytes = reinterpret_cast<const uchar *>(m_image.constData());
    return decodeValue(*f.type, bytes + (elementOffset(field, element) - m_imageOffset));
}

QString TypedValueModel::valueText(int field, int element) const
{
    const QVariant value = elementValue(field, element);
    if (!value.isValid())
        return QStringLiteral("—");
    return formatValue(*m_layout.fields().at(field).type, value);
}

QString TypedValueModel::arraySummary(int field) const
{
    const LayoutField &f = m_layout.fields().at(field);
    if (!elementAvailable(field, 0))
        return QStringLiteral("—");
    QStringList parts;
    const int shown = qMin(f.count, kSummaryElements);
    for (int element = 0; element < shown; ++element)
        parts << valueText(field, element);
    if (f.count > shown)
        parts << QStringLiteral("…");
    return QLatin1Char('[') + parts.join(QStringLiteral(", ")) + QLatin1Char(']');
}

QModelIndex TypedValueModel::valueIndex(int field, int element) const
{
    if (element < 0)
        return createIndex(field, ValueColumn, kFieldRowId);
    return createIndex(element, ValueColumn, quintptr(field) + 1);
}

void TypedValueModel::setSnapshot(const Snapshot &snapshot)
{
    const QByteArray before = m_image;
    const qint64 beforeOffset = m_imageOffset;
    m_image = snapshot.bytes;
    m_imageOffset = snapshot.offset;

    const auto bytesAt = [](const QByteArray &image, qint64 imageOffset, qint64 offset, int size) {
        const qint64 begin = offset - imageOffset;
        if (begin < 0 || begin + size > image.size())
            return QByteArray();
        return QByteArray::fromRawData(image.constData() + begin, size);
    };

    const auto &fields = m_layout.fields();
    for (int field = 0; field < fields.size(); ++field) {
        const LayoutField &f = fields.at(field);
        const int elements = f.isArray ? f.count : 1;
        int runStart = -1; // consecutive changed elements become one dataChanged range
        bool anyChanged = false;
        for (int element = 0; element <= elements; ++element) {
            bool changed = false;
            if (element < elements) {
                const qint64 offset = elementOffset(field, element);
                const QByteArray now = bytesAt(m_image, m_imageOffset, offset, f.type->size);
                changed = now != bytesAt(before, beforeOffset, offset, f.type->size);
                // A wrap note explains what we stored; once someone else changes the value it is stale.
                if (changed && m_wrapMessages.contains(offset))
                    m_wrapMessages.remove(offset);
            }
            if (changed && runStart < 0)
                runStart = element;
            if (!changed && runStart >= 0) {
                anyChanged = true;
                if (f.isArray) {
                    Q_EMIT dataChanged(valueIndex(field, runStart), valueIndex(field, element - 1));
                } else {
                    Q_EMIT dataChanged(valueIndex(field, -1), valueIndex(field, -1));
                }
                runStart = -1;
            }
        }
        if (anyChanged && f.isArray) // the summary on the array's own row
            Q_EMIT dataChanged(valueIndex(field, -1), valueIndex(field, -1));
    }
}

QModelIndex TypedValueModel::indexForOffset(qint64 offset) const
{
    const auto &fields = m_layout.fields();
    for (int field = 0; field < fields.size(); ++field) {
        const LayoutField &f = fields.at(field);
        if (offset < f.offset || offset >= f.end())
            continue;
        if (!f.isArray)
            return createIndex(field, 0, kFieldRowId);
        return createIndex(int((offset - f.offset) / f.type->size), 0, quintptr(field) + 1);
    }
    return {};
}

ByteRange TypedValueModel::byteRange(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return {};
    const int field = fieldOf(index);
    const LayoutField &f = m_layout.fields().at(field);
    if (isFieldRow(index))
        return {f.offset, f.byteSize()};
    return {elementOffset(field, index.row()), f.type->size};
}

QModelIndex TypedValueModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kFieldRowId);
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex TypedValueModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || isFieldRow(child))
        return {};
    return createIndex(fieldOf(child), 0, kFieldRowId);
}

int TypedValueModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_layout.fields().size());
    if (parent.column() != 0 || !isFieldRow(parent))
        return 0;
    const LayoutField &f = m_layout.fields().at(parent.row());
    return f.isArray ? f.count : 0;
}

int TypedValueModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant TypedValueModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const int field = fieldOf(index);
    const int element = elementOf(index);
    const LayoutField &f = m_layout.fields().at(field);
    const TypeCode &type = *f.type;
    const bool fieldRow = element < 0;

    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case NameColumn:
            return fieldRow ? f.name : QStringLiteral("[%1]").arg(element);
        case CodeColumn:
            return fieldRow && f.isArray ? QStringLiteral("%1[%2]").arg(QLatin1Char(type.code)).arg(f.count)
                                         : QString(QLatin1Char(type.code));
        case CTypeColumn:
            return fieldRow && f.isArray
                ? QStringLiteral("%1[%2]").arg(QLatin1String(type.cType)).arg(f.count)
                : QString(QLatin1String(type.cType));
        case OffsetColumn:
            return fieldRow ? f.offset : elementOffset(field, element);
        case SizeColumn:
            return fieldRow ? f.byteSize() : qint64(type.size);
        case ValueColumn:
            return holdsValue(field, element) ? valueText(field, element) : arraySummary(field);
        }
        return {};
    case Qt::ToolTipRole: {
        if (index.column() != ValueColumn || !holdsValue(field, element))
            return QStringLiteral("%1: %2 (%3), Python %4, %5 bytes at offset %6")
                .arg(f.name, QLatin1String(type.cType), QString(QLatin1Char(type.code)),
                     QLatin1String(type.pythonType))
                .arg(fieldRow ? f.byteSize() : type.size)
                .arg(fieldRow ? f.offset : elementOffset(field, element));
        if (!elementAvailable(field, element))
            return tr("Beyond the end of the segment: not read");
        const qint64 offset = elementOffset(field, element);
        const QByteArray bytes = m_image.mid(int(offset - m_imageOffset), type.size);
        QString tip = tr("%1 at offset %2, bytes in memory (little-endian, least significant first): %3")
                          .arg(valueText(field, element))
                          .arg(offset)
                          .arg(QString::fromLatin1(bytes.toHex(' ')));
        const QString wrap = m_wrapMessages.value(offset);
        if (!wrap.isEmpty())
            tip += QLatin1Char('\n') + tr("Wrapped: %1").arg(wrap);
        return tip;
    }
    case Qt::TextAlignmentRole:
        if (index.column() == OffsetColumn || index.column() == SizeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case ByteOffsetRole:
        return fieldRow ? f.offset : elementOffset(field, element);
    case ByteLengthRole:
        return fieldRow ? f.byteSize() : qint64(type.size);
    case FieldIndexRole:
        return field;
    case ElementIndexRole:
        return element;
    case RawValueRole:
        return holdsValue(field, element) ? elementValue(field, element) : QVariant();
    case WrapReasonRole:
        return holdsValue(field, element) ? m_wrapMessages.value(elementOffset(field, element)) : QString();
    case BeyondEndRole:
        return !elementAvailable(field, fieldRow ? (f.isArray ? f.count - 1 : 0) : element);
    }
    return {};
}

bool TypedValueModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid)
        || index.column() != ValueColumn)
        return false;
    const int field = fieldOf(index);
    const int element = elementOf(index);
    if (!holdsValue(field, element))
        return false;
    const LayoutField &f = m_layout.fields().at(field);
    const qint64 offset = elementOffset(field, element);

    uchar encoded[16] = {};
    const EncodeResult result = value.typeId() == QMetaType::QString
        ? encodeValue(*f.type, value.toString(), encoded)
        : encodeValue(*f.type, value, encoded);
    if (!result.ok) {
        Q_EMIT editRejected(tr("%1: %2").arg(data(index.siblingAtColumn(NameColumn)).toString(), result.message));
        return false;
    }
    const QByteArray bytes(reinterpret_cast<const char *>(encoded), f.type->size);

    if (!m_segment) {
        Q_EMIT writeRequested(offset, bytes);
    } else {
        if (m_segment->isReadOnly()) {
            Q_EMIT editRejected(tr("%1 is attached read-only: values cannot be edited").arg(m_segment->name()));
            return false;
        }
        if (m_segment->write(offset, bytes.constData(), bytes.size()) != bytes.size()) {
            Q_EMIT editRejected(
                tr("Could not write %1 bytes at offset %2 of %3").arg(bytes.size()).arg(offset).arg(m_segment->name()));
            return false;
        }
        // Show what we stored at once; the next snapshot confirms it (or shows who overwrote it).
        const qint64 begin = offset - m_imageOffset;
        if (begin >= 0 && begin + bytes.size() <= m_image.size())
            std::memcpy(m_image.data() + begin, bytes.constData(), size_t(bytes.size()));
    }

    m_lastWrapMessage = result.wrapped ? result.message : QString();
    if (result.wrapped)
        m_wrapMessages.insert(offset, result.message);
    else
        m_wrapMessages.remove(offset);
    const QModelIndex changed = valueIndex(field, element);
    Q_EMIT dataChanged(changed, changed);
    if (element >= 0)
        Q_EMIT dataChanged(valueIndex(field, -1), valueIndex(field, -1));
    Q_EMIT valueWritten(offset, m_lastWrapMessage);
    return true;
}

Qt::ItemFlags TypedValueModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return Qt::NoItemFlags;
    Qt::ItemFlags result = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    const int field = fieldOf(index);
    const int element = elementOf(index);
    if (element >= 0 || !m_layout.fields().at(field).isArray)
        result |= Qt::ItemNeverHasChildren;
    if (index.column() == ValueColumn && holdsValue(field, element) && elementAvailable(field, element))
        result |= Qt::ItemIsEditable;
    return result;
}

QVariant TypedValueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case CodeColumn:
        return tr("Code");
    case CTypeColumn:
        return tr("C type");
    case OffsetColumn:
        return tr("Offset");
    case SizeColumn:
        return tr("Size");
    case ValueColumn:
        return tr("Value");
    }
    return {};
}

} // namespace ShmScope
