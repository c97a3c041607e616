#pragma once

#include "sync/syncstate.h"

#include <QAbstractTableModel>
#include <QVector>

namespace ShmScope {

// Every sync object in use, one row each, sorted by name. setStates() merges a fresh reading: rows
// that appeared are inserted, rows that vanished removed, and dataChanged is emitted only for the
// cells whose text changed, so a view repaints exactly what moved. QtCore only.
class SyncStateModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        KindColumn,
        StateColumn,
        OwnerColumn,
        DepthColumn,
        WaitingColumn,
        CountColumn,
        BarrierColumn,      // "waiting/parties, gen N"
        AcquisitionsColumn,
        ContentionsColumn,
        RecoveriesColumn,   // owner-died recoveries
        ColumnCount
    };
    // The badge a view draws for the state: what colour it means is the view's business.
    enum class Badge { Free, Held, OwnerDied, Set, Clear, Available, Exhausted, Waiting, Broken };
    Q_ENUM(Badge)
    enum Role {
        BadgeRole = Qt::UserRole + 1, // int: Badge (StateColumn, and every column for row tinting)
        NameRole,                     // QString: the object's name (any column)
        SortRole                      // numbers as numbers
    };

    explicit SyncStateModel(QObject *parent = nullptr);

    void setStates(const QVector<SyncState> &states);
    const QVector<SyncState> &states() const { return m_states; }
    int rowOf(const QString &name) const;

    static Badge badgeOf(const SyncState &state);
    static QString stateText(const SyncState &state); // "free", "held ×2", "set", "3 available", ...

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    static QVariant displayValue(const SyncState &state, int column);
    static QVariant sortValue(const SyncState &state, int column);
    static QString toolTip(const SyncState &state);
    void emitChangedCells(int row, const SyncState &before, const SyncState &after);

    QVector<SyncState> m_states;
};

} // namespace ShmScope
