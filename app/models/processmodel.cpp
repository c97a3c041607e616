#include "processmodel.h"

namespace ShmScope {

ProcessModel::ProcessModel(ProcessManager *manager, QObject *parent)
    : QAbstractTableModel(parent)
    , m_manager(manager)
{
    m_rows = manager->processes();
    connect(manager, &ProcessManager::processAdded, this, &ProcessModel::onAdded);
    connect(manager, &ProcessManager::processChanged, this, &ProcessModel::onChanged);
    connect(manager, &ProcessManager::processRemoved, this, &ProcessModel::onRemoved);
}

int ProcessModel::idAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].id : 0;
}

int ProcessModel::rowOf(int id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].id == id)
            return row;
    }
    return -1;
}

void ProcessModel::onAdded(int id)
{
    const int row = int(m_rows.size());
    beginInsertRows(QModelIndex(), row, row);
    m_rows << m_manager->process(id);
    endInsertRows();
}

void ProcessModel::onChanged(int id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    m_rows[row] = m_manager->process(id);
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ProcessModel::onRemoved(int id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows(QModelIndex(), row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

int ProcessModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ProcessModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ProcessModel::formatRate(double opsPerSecond)
{
    if (opsPerSecond < 0)
        return QStringLiteral("—");
    if (opsPerSecond >= 1e6)
        return QStringLiteral("%1 M/s").arg(opsPerSecond / 1e6, 0, 'f', 2);
    if (opsPerSecond >= 1e3)
        return QStringLiteral("%1 k/s").arg(opsPerSecond / 1e3, 0, 'f', 1);
    return QStringLiteral("%1 /s").arg(opsPerSecond, 0, 'f', 0);
}

QVariant ProcessModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const ProcessInfo &info = m_rows[index.row()];
    switch (role) {
    case IdRole: return info.id;
    case StatusRole: return int(info.status);
    case ProgressRole:
        return info.total > 0 && info.done >= 0 ? qBound(0.0, double(info.done) / double(info.total), 1.0) : -1.0;
    case OutputTailRole: return info.outputTail;
    case CommandLineRole: return info.commandLine();
    case AliveRole: return info.isAlive();
    case Qt::ToolTipRole:
        if (!info.errorText.isEmpty())
            return info.errorText;
        return info.commandLine();
    case Qt::TextAlignmentRole:
        if (index.column() == PidColumn || index.column() == OpsColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant();
    case SortRole:
        switch (index.column()) {
        case PidColumn: return qint64(info.pid);
        case OpsColumn: return info.opsPerSecond;
        case ProgressColumn: return info.total > 0 ? double(info.done) / double(info.total) : -1.0;
        case StatusColumn: return int(info.status);
        default: break;
        }
        [[fallthrough]];
    case Qt::DisplayRole:
        switch (index.column()) {
        case PidColumn: return info.pid > 0 ? QString::number(info.pid) : QStringLiteral("—");
        case NameColumn: return info.label;
        case StatusColumn: return info.statusText();
        case OpsColumn: return formatRate(info.opsPerSecond);
        case ProgressColumn:
            if (info.total > 0 && info.done >= 0)
                return QStringLiteral("%1 / %2").arg(info.done).arg(info.total);
            return info.done >= 0 ? QString::number(info.done) : QStringLiteral("—");
        case OutputColumn:
            return info.outputTail.isEmpty() ? QString() : info.outputTail.constLast();
        default: break;
        }
        break;
    default: break;
    }
    return QVariant();
}

QVariant ProcessModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case PidColumn: return tr("PID");
    case NameColumn: return tr("Process");
    case StatusColumn: return tr("Status");
    case OpsColumn: return tr("Ops/s");
    case ProgressColumn: return tr("Progress");
    case OutputColumn: return tr("Last output");
    default: return QVariant();
    }
}

} // namespace ShmScope
