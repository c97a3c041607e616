#include "cataloguemodel.h"

#include <QLocale>
#include <QSet>

namespace ShmScope {

CatalogueModel::CatalogueModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

static bool sameEntry(const CatalogueEntry &a, const CatalogueEntry &b, int column)
{
    switch (column) {
    case CatalogueModel::SizeColumn:
        return a.size == b.size;
    case CatalogueModel::KindColumn:
        return a.kind == b.kind;
    case CatalogueModel::ModeColumn:
        return a.mode == b.mode;
    case CatalogueModel::OwnerColumn:
        return a.owner == b.owner && a.uid == b.uid;
    case CatalogueModel::ProcessesColumn:
        return CatalogueModel::formatProcesses(a.mappings) == CatalogueModel::formatProcesses(b.mappings);
    }
    return a.name == b.name;
}

void CatalogueModel::setEntries(const QVector<CatalogueEntry> &entries)
{
    QSet<QString> incoming;
    for (const CatalogueEntry &entry : entries)
        incoming.insert(entry.name);

    for (int row = int(m_entries.size()) - 1; row >= 0; --row) {
        if (incoming.contains(m_entries.at(row).name))
            continue;
        beginRemoveRows({}, row, row);
        m_entries.removeAt(row);
        endRemoveRows();
    }

    for (const CatalogueEntry &entry : entries) {
        const int row = rowOf(entry.name);
        if (row < 0) {
            const int at = int(m_entries.size());
            beginInsertRows({}, at, at);
            m_entries.append(entry);
            endInsertRows();
            continue;
        }
        int first = -1;
        int last = -1;
        for (int column = 0; column < ColumnCount; ++column) {
            if (sameEntry(m_entries.at(row), entry, column))
                continue;
            if (first < 0)
                first = column;
            last = column;
        }
        m_entries[row] = entry; // inode, mtime and mappings' addresses may change unseen
        if (first >= 0)
            Q_EMIT dataChanged(index(row, first), index(row, last));
    }
}

const CatalogueEntry *CatalogueModel::entry(int row) const
{
    return row >= 0 && row < m_entries.size() ? &m_entries.at(row) : nullptr;
}

int CatalogueModel::rowOf(const QString &name) const
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).name == name)
            return row;
    }
    return -1;
}

QString CatalogueModel::formatSize(qint64 bytes)
{
    if (bytes < 1024)
        return QStringLiteral("%1 B").arg(bytes);
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat);
}

QString CatalogueModel::formatMode(uint mode)
{
    static const char letters[] = "rwxrwxrwx";
    QString text(9, QLatin1Char('-'));
    for (int bit = 0; bit < 9; ++bit) {
        if (mode & (0400u >> bit))
            text[bit] = QLatin1Char(letters[bit]);
    }
    return text;
}

QString CatalogueModel::formatProcesses(const QVector<ProcessMapping> &mappings)
{
    QStringList parts;
    QSet<pid_t> seen;
    for (const ProcessMapping &mapping : mappings) {
        if (seen.contains(mapping.pid))
            continue;
        seen.insert(mapping.pid);
        parts << QStringLiteral("%1 %2").arg(mapping.pid).arg(mapping.command);
    }
    return parts.join(QStringLiteral(", "));
}

int CatalogueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int CatalogueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CatalogueModel::displayData(const CatalogueEntry &entry, int column) const
{
    switch (column) {
    case NameColumn:
        return entry.name;
    case SizeColumn:
        return formatSize(entry.size);
    case KindColumn:
        return entry.kind;
    case ModeColumn:
        return QStringLiteral("%1 (%2)").arg(formatMode(entry.mode)).arg(entry.mode & 0777, 4, 8, QLatin1Char('0'));
    case OwnerColumn:
        return entry.owner.isEmpty() ? QString::number(entry.uid) : entry.owner;
    case ProcessesColumn:
        return formatProcesses(entry.mappings);
    }
    return {};
}

QVariant CatalogueModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const CatalogueEntry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(entry, index.column());
    case Qt::ToolTipRole:
        if (index.column() == SizeColumn)
            return tr("%1 bytes").arg(entry.size);
        if (index.column() == ProcessesColumn && !entry.mappings.isEmpty()) {
            QStringList lines;
            for (const ProcessMapping &mapping : entry.mappings)
                lines << tr("pid %1 (%2) maps it at 0x%3–0x%4 %5%6")
                             .arg(mapping.pid)
                             .arg(mapping.command)
                             .arg(QString::number(mapping.start, 16), QString::number(mapping.end, 16),
                                  mapping.permissions,
                                  mapping.deleted ? tr(", unlinked") : QString());
            return lines.join(QLatin1Char('\n'));
        }
        return displayData(entry, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case NameRole:
        return entry.name;
    case SizeRole:
        return entry.size;
    case InodeRole:
        return entry.inode;
    case ProcessCountRole: {
        QSet<pid_t> pids;
        for (const ProcessMapping &mapping : entry.mappings)
            pids.insert(mapping.pid);
        return int(pids.size());
    }
    case SortRole:
        switch (index.column()) {
        case SizeColumn:
            return entry.size;
        case ModeColumn:
            return entry.mode;
        case ProcessesColumn:
            return data(index, ProcessCountRole);
        }
        return displayData(entry, index.column());
    }
    return {};
}

QVariant CatalogueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case SizeColumn:
        return tr("Size");
    case KindColumn:
        return tr("Kind");
    case ModeColumn:
        return tr("Mode");
    case OwnerColumn:
        return tr("Owner");
    case ProcessesColumn:
        return tr("Processes");
    }
    return {};
}

} // namespace ShmScope
