#pragma once

#include "catalogue.h"

#include <QAbstractTableModel>

namespace ShmScope {

// The segments of /dev/shm, one row each, as core's scanCatalogue() finds them.
// setEntries() merges a new scan by name: rows that stay keep their place (and the view its
// selection), vanished rows are removed, new ones appended, changed cells get dataChanged.
class CatalogueModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Columns { NameColumn, SizeColumn, KindColumn, ModeColumn, OwnerColumn, ProcessesColumn, ColumnCount };
    enum Roles {
        NameRole = Qt::UserRole + 1, // QString, the name without '/'
        SizeRole,                    // qint64 bytes
        InodeRole,                   // quint64
        ProcessCountRole,            // int: distinct pids mapping the block
        SortRole                     // a value that sorts naturally (numbers as numbers)
    };

    explicit CatalogueModel(QObject *parent = nullptr);

    void setEntries(const QVector<CatalogueEntry> &entries);
    const QVector<CatalogueEntry> &entries() const { return m_entries; }
    const CatalogueEntry *entry(int row) const;
    int rowOf(const QString &name) const; // -1 if absent

    // "4.0 KiB", "1.0 GiB", "40 B"
    static QString formatSize(qint64 bytes);
    // "rw-------" from 0600
    static QString formatMode(uint mode);
    // "1234 python3, 5678 shmscope-worker"
    static QString formatProcesses(const QVector<ProcessMapping> &mappings);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant displayData(const CatalogueEntry &entry, int column) const;
    QVector<CatalogueEntry> m_entries;
};

} // namespace ShmScope
