#include "syncpanel.h"

#include "badgedelegate.h"
#include "syncstatemodel.h"

#include <QApplication>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTableView>
#include <QThreadPool>
#include <QTimer>
#include <QVBoxLayout>

namespace ShmScope {

namespace {

QColor badgeColour(int badge)
{
    using Badge = SyncStateModel::Badge;
    switch (Badge(badge)) {
    case Badge::Free: return BadgeDelegate::okabeIto(2);      // bluish green
    case Badge::Held: return BadgeDelegate::okabeIto(0);      // orange
    case Badge::OwnerDied: return BadgeDelegate::okabeIto(5); // vermillion
    case Badge::Set: return BadgeDelegate::okabeIto(1);       // sky blue
    case Badge::Clear: return BadgeDelegate::okabeIto(7);     // grey
    case Badge::Available: return BadgeDelegate::okabeIto(2);
    case Badge::Exhausted: return BadgeDelegate::okabeIto(0);
    case Badge::Waiting: return BadgeDelegate::okabeIto(6);   // reddish purple
    case Badge::Broken: return BadgeDelegate::okabeIto(5);
    }
    return BadgeDelegate::okabeIto(7);
}

// What the value means for each kind; 0 means the kind takes none.
int valueMinimum(SyncKind kind)
{
    switch (kind) {
    case SyncKind::Semaphore: return 0;
    case SyncKind::BoundedSemaphore: return 1;
    case SyncKind::Barrier: return 1;
    default: return 0;
    }
}

bool takesValue(SyncKind kind)
{
    return kind == SyncKind::Semaphore || kind == SyncKind::BoundedSemaphore || kind == SyncKind::Barrier;
}

} // namespace

SyncPanel::SyncPanel(QWidget *parent)
    : QWidget(parent)
{
    m_model = new SyncStateModel(this);
    m_sorter = new QSortFilterProxyModel(this);
    m_sorter->setSourceModel(m_model);
    m_sorter->setSortRole(SyncStateModel::SortRole);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("syncView"));
    m_view->setModel(m_sorter);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(SyncStateModel::NameColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setItemDelegateForColumn(SyncStateModel::StateColumn,
                                     new BadgeDelegate(SyncStateModel::BadgeRole, badgeColour, this));

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("syncSummary"));

    // The creation form: kind, name, value (count / parties), Create.
    m_kindCombo = new QComboBox(this);
    for (SyncKind kind : {SyncKind::Lock, SyncKind::RLock, SyncKind::Semaphore, SyncKind::BoundedSemaphore,
                          SyncKind::Event, SyncKind::Condition, SyncKind::Barrier})
        m_kindCombo->addItem(syncKindName(kind), int(kind));
    m_nameEdit = new QLineEdit(this);
    m_nameEdit->setPlaceholderText(tr("name, e.g. counter-lock"));
    m_valueSpin = new QSpinBox(this);
    m_valueSpin->setRange(0, 1 << 20);
    m_valueSpin->setValue(1);
    m_valueSpin->setToolTip(tr("Semaphore: initial count. BoundedSemaphore: initial = maximum. Barrier: parties."));
    auto *createButton = new QPushButton(tr("Create"), this);
    auto *removeButton = new QPushButton(tr("Remove…"), this);
    removeButton->setToolTip(tr("Remove the selected object's name (like sem_unlink): processes using it keep it"));
    auto kindChanged = [this] {
        const auto kind = SyncKind(m_kindCombo->currentData().toInt());
        m_valueSpin->setEnabled(takesValue(kind));
        m_valueSpin->setMinimum(valueMinimum(kind));
        m_valueSpin->setPrefix(kind == SyncKind::Barrier ? tr("parties ") : takesValue(kind) ? tr("count ") : QString());
    };
    connect(m_kindCombo, &QComboBox::currentIndexChanged, this, kindChanged);
    kindChanged();
    connect(createButton, &QPushButton::clicked, this, &SyncPanel::createFromForm);
    connect(m_nameEdit, &QLineEdit::returnPressed, this, &SyncPanel::createFromForm);
    connect(removeButton, &QPushButton::clicked, this, &SyncPanel::removeSelected);
    m_formMessage = new QLabel(this);
    m_formMessage->setStyleSheet(QStringLiteral("color: #D55E00;"));
    m_formMessage->setWordWrap(true);
    m_formMessage->hide();

    auto *form = new QHBoxLayout;
    form->addWidget(m_kindCombo);
    form->addWidget(m_nameEdit, 1);
    form->addWidget(m_valueSpin);
    form->addWidget(createButton);
    form->addSpacing(12);
    form->addWidget(removeButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
    layout->addLayout(form);
    layout->addWidget(m_formMessage);

    connect(m_model, &QAbstractItemModel::rowsInserted, this, &SyncPanel::objectsChanged);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &SyncPanel::objectsChanged);

    m_refreshTimer = new QTimer(this);
    connect(m_refreshTimer, &QTimer::timeout, this, &SyncPanel::refresh);
    setAutoRefreshInterval(250);
    updateSummary();
    // The first reading once the owner had its say: a window that feeds setStates() itself turns the
    // timer off right after construction, and then no scan of ours may land on top of its data.
    QTimer::singleShot(0, this, [this] {
        if (m_refreshTimer->isActive())
            refresh();
    });
}

void SyncPanel::setAutoRefreshInterval(int intervalMs)
{
    if (intervalMs <= 0)
        m_refreshTimer->stop();
    else
        m_refreshTimer->start(intervalMs);
}

void SyncPanel::refresh()
{
    if (m_scanRunning)
        return;
    m_scanRunning = true;
    QPointer<SyncPanel> panel(this);
    const QString directory = m_shmDirectory;
    QThreadPool::globalInstance()->start([panel, directory] {
        QVector<SyncState> states = listSyncStates(directory);
        QMetaObject::invokeMethod(qApp, [panel, states = std::move(states)] {
            if (!panel)
                return;
            panel->m_scanRunning = false;
            panel->setStates(states);
        }, Qt::QueuedConnection);
    });
}

void SyncPanel::setStates(const QVector<SyncState> &states)
{
    m_model->setStates(states);
    updateSummary();
}

QStringList SyncPanel::lockNames() const
{
    QStringList names;
    for (const SyncState &state : m_model->states()) {
        if (state.kind == QLatin1String("Lock") || state.kind == QLatin1String("RLock")
            || state.kind == QLatin1String("Condition"))
            names << state.name;
    }
    return names;
}

void SyncPanel::updateSummary()
{
    const QVector<SyncState> &states = m_model->states();
    int held = 0;
    int waiting = 0;
    quint64 recoveries = 0;
    for (const SyncState &state : states) {
        held += state.held ? 1 : 0;
        waiting += state.waiting;
        recoveries += state.ownerDiedRecoveries;
    }
    QStringList parts{states.size() == 1 ? tr("1 object") : tr("%1 objects").arg(states.size()),
                      tr("%1 held").arg(held), tr("%1 waiting").arg(waiting)};
    if (recoveries > 0)
        parts << tr("%1 recovered from a dead owner").arg(recoveries);
    if (states.isEmpty())
        parts = QStringList{tr("No sync objects yet: create one below, or start a worker with --lock NAME.")};
    m_summary->setText(parts.join(QStringLiteral("  ·  ")));
}

bool SyncPanel::createObject(const QString &name, SyncKind kind, int value, QString *error)
{
    QString message;
    if (!createSyncObject(name, kind, value, &message)) {
        if (error)
            *error = message;
        return false;
    }
    Q_EMIT statusMessage(tr("Created %1 %2").arg(syncKindName(kind), name));
    refresh();
    return true;
}

void SyncPanel::createFromForm()
{
    const QString name = m_nameEdit->text().trimmed();
    QString error;
    if (name.isEmpty())
        error = tr("Give the object a name.");
    else
        createObject(name, SyncKind(m_kindCombo->currentData().toInt()), m_valueSpin->value(), &error);
    m_formMessage->setText(error);
    m_formMessage->setVisible(!error.isEmpty());
    if (error.isEmpty())
        m_nameEdit->clear();
}

void SyncPanel::removeSelected()
{
    const QModelIndex index = m_view->currentIndex();
    if (!index.isValid())
        return;
    const QString name = index.data(SyncStateModel::NameRole).toString();
    if (m_confirmRemove
        && QMessageBox::question(this, tr("Remove %1?").arg(name),
                                 tr("Remove the sync object %1? Processes that have it open keep using it; "
                                    "nobody can open it by name any more.").arg(name),
                                 QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    QString error;
    if (!removeSyncObject(name, &error)) {
        m_formMessage->setText(error);
        m_formMessage->show();
        return;
    }
    Q_EMIT statusMessage(tr("Removed %1").arg(name));
    refresh();
}

} // namespace ShmScope
