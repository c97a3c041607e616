#include "syncstatemodel.h"

#include <QSet>
#include <algorithm>

namespace ShmScope {

namespace {

bool isLockLike(const SyncState &state)
{
    return state.kind == QLatin1String("Lock") || state.kind == QLatin1String("RLock")
        || state.kind == QLatin1String("Condition");
}

bool isSemaphore(const SyncState &state)
{
    return state.kind == QLatin1String("Semaphore") || state.kind == QLatin1String("BoundedSemaphore");
}

} // namespace

SyncStateModel::SyncStateModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

SyncStateModel::Badge SyncStateModel::badgeOf(const SyncState &state)
{
    if (isLockLike(state)) {
        if (state.held && !state.ownerAlive)
            return Badge::OwnerDied;
        return state.held ? Badge::Held : Badge::Free;
    }
    if (isSemaphore(state))
        return state.count > 0 ? Badge::Available : Badge::Exhausted;
    if (state.kind == QLatin1String("Event"))
        return state.flag ? Badge::Set : Badge::Clear;
    if (state.kind == QLatin1String("Barrier")) {
        if (state.broken)
            return Badge::Broken;
        return state.waiting > 0 ? Badge::Waiting : Badge::Free;
    }
    return Badge::Free;
}

QString SyncStateModel::stateText(const SyncState &state)
{
    switch (badgeOf(state)) {
    case Badge::Free: return state.kind == QLatin1String("Barrier") ? tr("open") : tr("free");
    case Badge::Held:
        return state.kind == QLatin1String("RLock") && state.depth > 1 ? tr("held ×%1").arg(state.depth) : tr("held");
    case Badge::OwnerDied: return tr("owner died");
    case Badge::Set: return tr("set");
    case Badge::Clear: return tr("clear");
    case Badge::Available: return tr("%1 available").arg(state.count);
    case Badge::Exhausted: return tr("0 — blocks");
    case Badge::Waiting: return tr("%1 of %2 waiting").arg(state.waiting).arg(state.parties);
    case Badge::Broken: return tr("broken");
    }
    return QString();
}

QVariant SyncStateModel::displayValue(const SyncState &state, int column)
{
    const QString none = QStringLiteral("—");
    switch (column) {
    case NameColumn: return state.name;
    case KindColumn: return state.kind;
    case StateColumn: return stateText(state);
    case OwnerColumn:
        if (!isLockLike(state) || state.owner <= 0)
            return none;
        return state.ownerAlive ? QString::number(state.owner) : tr("%1 (dead)").arg(state.owner);
    case DepthColumn: return state.kind == QLatin1String("RLock") ? QVariant(state.depth) : QVariant(none);
    case WaitingColumn: return state.waiting;
    case CountColumn:
        if (state.kind == QLatin1String("BoundedSemaphore"))
            return QStringLiteral("%1 / %2").arg(state.count).arg(state.maxCount);
        return isSemaphore(state) ? QVariant(state.count) : QVariant(none);
    case BarrierColumn:
        if (state.kind != QLatin1String("Barrier"))
            return none;
        return tr("%1/%2, round %3").arg(state.waiting).arg(state.parties).arg(state.generation);
    case AcquisitionsColumn: return state.acquisitions;
    case ContentionsColumn: return state.contentions;
    case RecoveriesColumn: return state.ownerDiedRecoveries;
    default: return QVariant();
    }
}

QVariant SyncStateModel::sortValue(const SyncState &state, int column)
{
    switch (column) {
    case StateColumn: return int(badgeOf(state));
    case OwnerColumn: return qint64(state.owner);
    case DepthColumn: return state.depth;
    case CountColumn: return state.count;
    case BarrierColumn: return state.generation;
    default: return displayValue(state, column);
    }
}

QString SyncStateModel::toolTip(const SyncState &state)
{
    QStringList lines{QStringLiteral("%1 “%2”: %3").arg(state.kind, state.name, stateText(state))};
    if (state.held && state.owner > 0)
        lines << tr("held by pid %1%2").arg(state.owner).arg(state.ownerAlive ? QString() : tr(", which died holding it"));
    if (state.ownerDiedRecoveries > 0)
        lines << tr("recovered %n time(s) from a dead owner (last: pid %1) — Python's own lock would hang here",
                    nullptr, int(state.ownerDiedRecoveries)).arg(state.lastDeadOwner);
    if (state.kind == QLatin1String("Barrier") && state.broken)
        lines << tr("broken: the next wait raises BrokenBarrierError until reset");
    if (!state.consistent)
        lines << tr("changing too fast to read in one piece; shown as last read");
    return lines.join(QLatin1Char('\n'));
}

int SyncStateModel::rowOf(const QString &name) const
{
    for (int row = 0; row < m_states.size(); ++row) {
        if (m_states[row].name == name)
            return row;
    }
    return -1;
}

void SyncStateModel::emitChangedCells(int row, const SyncState &before, const SyncState &after)
{
    // One dataChanged per run of adjacent changed columns.
    int first = -1;
    for (int column = 0; column <= ColumnCount; ++column) {
        const bool changed = column < ColumnCount
            && (displayValue(before, column) != displayValue(after, column)
                || (column == StateColumn && (badgeOf(before) != badgeOf(after) || toolTip(before) != toolTip(after))));
        if (changed && first < 0)
            first = column;
        if (!changed && first >= 0) {
            Q_EMIT dataChanged(index(row, first), index(row, column - 1));
            first = -1;
        }
    }
}

void SyncStateModel::setStates(const QVector<SyncState> &incoming)
{
    QVector<SyncState> sorted = incoming;
    std::sort(sorted.begin(), sorted.end(),
              [](const SyncState &a, const SyncState &b) { return a.name < b.name; });

    QSet<QString> incomingNames;
    for (const SyncState &state : qAsConst(sorted))
        incomingNames.insert(state.name);
    // Remove the rows whose name is gone (from the bottom, so indexes stay valid).
    for (int row = int(m_states.size()) - 1; row >= 0; --row) {
        if (!incomingNames.contains(m_states[row].name)) {
            beginRemoveRows(QModelIndex(), row, row);
            m_states.removeAt(row);
            endRemoveRows();
        }
    }
    // Both lists are sorted by name now: walk them together, updating or inserting.
    int row = 0;
    for (const SyncState &state : qAsConst(sorted)) {
        if (row < m_states.size() && m_states[row].name == state.name) {
            const SyncState before = m_states[row];
            m_states[row] = state;
            emitChangedCells(row, before, state);
        } else {
            beginInsertRows(QModelIndex(), row, row);
            m_states.insert(row, state);
            endInsertRows();
        }
        ++row;
    }
}

int SyncStateModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_states.size());
}

int SyncStateModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SyncStateModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const SyncState &state = m_states[index.row()];
    switch (role) {
    case Qt::DisplayRole: return displayValue(state, index.column());
    case BadgeRole: return int(badgeOf(state));
    case NameRole: return state.name;
    case SortRole: return sortValue(state, index.column());
    case Qt::ToolTipRole: return toolTip(state);
    case Qt::TextAlignmentRole:
        if (index.column() >= OwnerColumn && index.column() != BarrierColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant();
    default: return QVariant();
    }
}

QVariant SyncStateModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QVariant();
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case DepthColumn: return tr("RLock: how many times its owner has acquired it");
        case WaitingColumn: return tr("Processes blocked in acquire() or wait() right now");
        case ContentionsColumn: return tr("Acquires that found it taken and had to wait");
        case RecoveriesColumn: return tr("Times an acquirer found the owner dead (EOWNERDEAD) and recovered it");
        default: return QVariant();
        }
    }
    if (role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case NameColumn: return tr("Name");
    case KindColumn: return tr("Kind");
    case StateColumn: return tr("State");
    case OwnerColumn: return tr("Owner");
    case DepthColumn: return tr("Depth");
    case WaitingColumn: return tr("Waiting");
    case CountColumn: return tr("Count");
    case BarrierColumn: return tr("Barrier");
    case AcquisitionsColumn: return tr("Acquired");
    case ContentionsColumn: return tr("Contended");
    case RecoveriesColumn: return tr("Owner died");
    default: return QVariant();
    }
}

} // namespace ShmScope
