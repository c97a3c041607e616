#pragma once

#include "processmanager.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace ShmScope {

// The processes of a ProcessManager, one row each in launch order. Follows the manager's signals with
// row inserts/removes and dataChanged on the one row that changed. QtCore only.
class ProcessModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { PidColumn, NameColumn, StatusColumn, OpsColumn, ProgressColumn, OutputColumn, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1, // int: ProcessInfo::id
        StatusRole,                // int: ProcessInfo::Status
        ProgressRole,              // double 0..1, or -1 when the process reports none
        OutputTailRole,            // QStringList: the last lines
        CommandLineRole,           // QString
        AliveRole,                 // bool
        SortRole                   // numbers as numbers, for a QSortFilterProxyModel
    };

    explicit ProcessModel(ProcessManager *manager, QObject *parent = nullptr);

    ProcessManager *manager() const { return m_manager; }
    int idAt(int row) const;
    int rowOf(int id) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "12.3 M/s", "950 /s", "—": shared with the panel's tooltips.
    static QString formatRate(double opsPerSecond);

private:
    void onAdded(int id);
    void onChanged(int id);
    void onRemoved(int id);

    QPointer<ProcessManager> m_manager;
    QVector<ProcessInfo> m_rows; // a copy: the view never reads the manager mid-change
};

} // namespace ShmScope
