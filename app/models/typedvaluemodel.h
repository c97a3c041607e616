#pragma once

#include "layout.h"
#include "snapshot.h"

#include <QAbstractItemModel>
#include <QHash>
#include <memory>

namespace ShmScope {

class Segment;

// The fields of a layout and their array elements, decoded from the latest snapshot of the segment.
// Top level: one row per field; an array field (d[4], or x:i[1]) has one child row per element.
// A Value field (x:i) holds its value on the field row itself.
class TypedValueModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Columns { NameColumn, CodeColumn, CTypeColumn, OffsetColumn, SizeColumn, ValueColumn, ColumnCount };
    enum Roles {
        ByteOffsetRole = Qt::UserRole + 1, // qint64: first byte of the field or element
        ByteLengthRole,                    // qint64: bytes it covers
        FieldIndexRole,                    // int: index in layout().fields()
        ElementIndexRole,                  // int: element of an array, -1 for the field row
        RawValueRole,                      // QVariant as core decodes it (qint64, quint64, double, ...)
        WrapReasonRole,                    // QString: why the last edit of this value stored something else
        BeyondEndRole                      // bool: the field does not fit in the segment
    };

    explicit TypedValueModel(QObject *parent = nullptr);
    ~TypedValueModel() override;

    void setLayout(const Layout &layout); // resets the model
    const Layout &layout() const { return m_layout; }

    // Where edits go. Without a segment, setData emits writeRequested() and updates nothing itself.
    void setSegment(std::shared_ptr<Segment> segment);

    // The bytes [snapshot.offset, +size) of the segment; emits dataChanged for the values that changed only.
    void setSnapshot(const Snapshot &snapshot);
    // The byte range the model needs to decode every field: [0, layout().size()).
    ByteRange neededRange() const;

    // The index (column 0) of the element or Value field that holds byte `offset`; invalid if none.
    QModelIndex indexForOffset(qint64 offset) const;
    // The bytes an index covers (a whole array for an array's field row).
    ByteRange byteRange(const QModelIndex &index) const;
    QString lastWrapMessage() const { return m_lastWrapMessage; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // An edit validated by encodeValue, when no segment is set (the bytes to write at offset).
    void writeRequested(qint64 offset, const QByteArray &bytes);
    // A value was stored: message says what Python would store when it wrapped, else it is empty.
    void valueWritten(qint64 offset, const QString &wrapMessage);
    // An edit was refused (a float into an int, not a number, a read-only segment, ...).
    void editRejected(const QString &message);

private:
    bool isFieldRow(const QModelIndex &index) const;
    int fieldOf(const QModelIndex &index) const;
    int elementOf(const QModelIndex &index) const; // -1 for a field row
    bool holdsValue(int field, int element) const;
    qint64 elementOffset(int field, int element) const;
    bool elementAvailable(int field, int element) const;
    QVariant elementValue(int field, int element) const;
    QString valueText(int field, int element) const;
    QString arraySummary(int field) const;
    QModelIndex valueIndex(int field, int element) const;

    Layout m_layout;
    std::shared_ptr<Segment> m_segment;
    QByteArray m_image;         // bytes [m_imageOffset, +size) of the segment
    qint64 m_imageOffset = 0;
    QHash<qint64, QString> m_wrapMessages; // byte offset of an element -> why it wrapped
    QString m_lastWrapMessage;
};

} // namespace ShmScope
