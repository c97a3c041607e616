#include "processespanel.h"

#include "badgedelegate.h"
#include "launchdialog.h"
#include "processmanager.h"
#include "processmodel.h"
#include "sync/syncstate.h"
#include "workspace.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace ShmScope {

namespace {

QColor statusColour(int status)
{
    switch (ProcessInfo::Status(status)) {
    case ProcessInfo::Status::Starting: return BadgeDelegate::okabeIto(1);      // sky blue
    case ProcessInfo::Status::Running: return BadgeDelegate::okabeIto(2);       // bluish green
    case ProcessInfo::Status::Stopped: return BadgeDelegate::okabeIto(0);       // orange
    case ProcessInfo::Status::Exited: return BadgeDelegate::okabeIto(7);        // grey
    case ProcessInfo::Status::Killed: return BadgeDelegate::okabeIto(5);        // vermillion
    case ProcessInfo::Status::FailedToStart: return BadgeDelegate::okabeIto(6); // reddish purple
    }
    return BadgeDelegate::okabeIto(7);
}

// A thin bar under the "done / total" text.
class ProgressDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::paint(painter, option, index);
        const double fraction = index.data(ProcessModel::ProgressRole).toDouble();
        if (fraction < 0)
            return;
        const QRectF track(option.rect.left() + 4, option.rect.bottom() - 4, option.rect.width() - 8, 3);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        QColor trackColour = option.palette.color(QPalette::Text);
        trackColour.setAlphaF(0.12f);
        painter->setBrush(trackColour);
        painter->drawRoundedRect(track, 1.5, 1.5);
        painter->setBrush(BadgeDelegate::okabeIto(4));
        painter->drawRoundedRect(QRectF(track.left(), track.top(), track.width() * fraction, track.height()), 1.5, 1.5);
        painter->restore();
    }
};

} // namespace

ProcessesPanel::ProcessesPanel(ProcessManager *manager, Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_manager(manager)
    , m_workspace(workspace)
{
    auto makeAction = [this](const QString &text, const QKeySequence &shortcut, const QString &tip) {
        auto *action = new QAction(text, this);
        action->setShortcut(shortcut);
        // Only while the panel (or a child) has focus: the main window keeps its own Ctrl+R etc.
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setToolTip(QStringLiteral("%1 (%2)").arg(tip, shortcut.toString(QKeySequence::NativeText)));
        addAction(action);
        return action;
    };
    m_launchAction = makeAction(tr("&Launch…"), QKeySequence(Qt::CTRL | Qt::Key_L), tr("Start a worker or any command"));
    m_pauseAction = makeAction(tr("&Pause"), QKeySequence(Qt::CTRL | Qt::Key_P), tr("Stop the process with SIGSTOP"));
    m_resumeAction = makeAction(tr("&Resume"), QKeySequence(Qt::CTRL | Qt::Key_R), tr("Continue it with SIGCONT"));
    m_killAction = makeAction(tr("&Kill"), QKeySequence(Qt::CTRL | Qt::Key_K), tr("End it at once with SIGKILL"));
    m_clearAction = makeAction(tr("Clear finished"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K), tr("Remove the processes that ended"));
    connect(m_launchAction, &QAction::triggered, this, &ProcessesPanel::launchDialog);
    connect(m_pauseAction, &QAction::triggered, this, &ProcessesPanel::pauseSelected);
    connect(m_resumeAction, &QAction::triggered, this, &ProcessesPanel::resumeSelected);
    connect(m_killAction, &QAction::triggered, this, &ProcessesPanel::killSelected);
    connect(m_clearAction, &QAction::triggered, m_manager, &ProcessManager::removeFinished);

    auto *toolbar = new QToolBar(this);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addAction(m_launchAction);
    toolbar->addSeparator();
    toolbar->addAction(m_pauseAction);
    toolbar->addAction(m_resumeAction);
    toolbar->addAction(m_killAction);
    toolbar->addSeparator();
    toolbar->addAction(m_clearAction);

    m_model = new ProcessModel(manager, this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("processesView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 12);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(ProcessModel::OutputColumn, QHeaderView::Stretch);
    m_view->setItemDelegateForColumn(ProcessModel::StatusColumn, new BadgeDelegate(ProcessModel::StatusRole, statusColour, this));
    m_view->setItemDelegateForColumn(ProcessModel::ProgressColumn, new ProgressDelegate(this));
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        showOutputOf(selectedId());
        updateActions();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ProcessesPanel::updateActions);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int, int last) {
        m_view->selectRow(last); // follow what was just started
    });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ProcessesPanel::updateActions);
    connect(m_manager, &ProcessManager::outputLine, this, &ProcessesPanel::appendOutput);

    // The output of the selected process, collapsible.
    m_outputToggle = new QToolButton(this);
    m_outputToggle->setCheckable(true);
    m_outputToggle->setChecked(true);
    m_outputToggle->setArrowType(Qt::DownArrow);
    m_outputToggle->setAutoRaise(true);
    m_outputToggle->setToolTip(tr("Show or hide the output"));
    m_outputTitle = new QLabel(tr("Output"), this);
    m_output = new QPlainTextEdit(this);
    m_output->setObjectName(QStringLiteral("processOutput"));
    m_output->setReadOnly(true);
    m_output->setMaximumBlockCount(ProcessManager::kOutputTailLines);
    m_output->setLineWrapMode(QPlainTextEdit::NoWrap);
    QFont mono = m_output->font();
    mono.setFamily(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_output->setFont(mono);
    m_output->setPlaceholderText(tr("Select a process to see its output."));
    connect(m_outputToggle, &QToolButton::toggled, this, [this](bool shown) {
        m_output->setVisible(shown);
        m_outputToggle->setArrowType(shown ? Qt::DownArrow : Qt::RightArrow);
    });
    auto *outputHeader = new QHBoxLayout;
    outputHeader->setContentsMargins(0, 0, 0, 0);
    outputHeader->addWidget(m_outputToggle);
    outputHeader->addWidget(m_outputTitle, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(toolbar);
    layout->addWidget(m_view, 3);
    layout->addLayout(outputHeader);
    layout->addWidget(m_output, 2);
    updateActions();
}

int ProcessesPanel::selectedId() const
{
    const QModelIndex index = m_view->currentIndex();
    return index.isValid() ? m_model->idAt(index.row()) : 0;
}

void ProcessesPanel::selectId(int id)
{
    const int row = m_model->rowOf(id);
    if (row >= 0)
        m_view->selectRow(row);
}

void ProcessesPanel::updateActions()
{
    const ProcessInfo info = m_manager->process(selectedId());
    m_pauseAction->setEnabled(info.status == ProcessInfo::Status::Running);
    m_resumeAction->setEnabled(info.status == ProcessInfo::Status::Stopped);
    m_killAction->setEnabled(info.isAlive() && info.id != 0);
    m_clearAction->setEnabled(m_manager->count() > m_manager->aliveCount());
    if (info.id != 0 && info.id == m_outputId)
        m_outputTitle->setText(tr("Output of %1 (pid %2): %3").arg(info.label).arg(info.pid).arg(info.statusText()));
}

void ProcessesPanel::showOutputOf(int id)
{
    m_outputId = id;
    const ProcessInfo info = m_manager->process(id);
    m_output->setPlainText(info.outputTail.join(QLatin1Char('\n')));
    m_output->verticalScrollBar()->setValue(m_output->verticalScrollBar()->maximum());
    m_outputTitle->setText(id == 0 ? tr("Output") : tr("Output of %1 (pid %2): %3").arg(info.label).arg(info.pid).arg(info.statusText()));
    m_output->setToolTip(id == 0 ? QString() : info.commandLine());
}

void ProcessesPanel::appendOutput(int id, const QString &line)
{
    if (id == m_outputId)
        m_output->appendPlainText(line);
}

void ProcessesPanel::launchDialog()
{
    LaunchDialog dialog(this);
    QVector<LaunchSegment> segments;
    QString currentName;
    if (m_workspace) {
        for (const OpenHandle &open : m_workspace->handles()) {
            const QString name = open.segment->name();
            const bool known = std::any_of(segments.cbegin(), segments.cend(), [&](const LaunchSegment &s) { return s.name == name; });
            if (!known)
                segments << LaunchSegment{name, open.layout.toSpec()};
        }
        if (const OpenHandle *current = m_workspace->current())
            currentName = current->segment->name();
    }
    dialog.setSegments(segments);
    if (!currentName.isEmpty())
        dialog.setSegment(currentName);
    QVector<QPair<QString, QString>> objects;
    for (const SyncState &state : listSyncStates())
        objects << qMakePair(state.kind, state.name);
    dialog.setSyncObjects(objects);
    if (dialog.exec() == QDialog::Accepted)
        launch(dialog.requests());
}

QVector<int> ProcessesPanel::launch(const QVector<LaunchRequest> &requests)
{
    QVector<int> ids;
    for (const LaunchRequest &request : requests)
        ids << m_manager->launch(request.program, request.arguments, request.label);
    if (!ids.isEmpty())
        Q_EMIT statusMessage(ids.size() == 1 ? tr("Started %1").arg(requests.constFirst().label)
                                             : tr("Started %1 × %2").arg(ids.size()).arg(requests.constFirst().label));
    return ids;
}

void ProcessesPanel::pauseSelected()
{
    if (m_manager->pause(selectedId()))
        Q_EMIT statusMessage(tr("Paused pid %1 (SIGSTOP)").arg(m_manager->process(selectedId()).pid));
}

void ProcessesPanel::resumeSelected()
{
    if (m_manager->resume(selectedId()))
        Q_EMIT statusMessage(tr("Resumed pid %1 (SIGCONT)").arg(m_manager->process(selectedId()).pid));
}

void ProcessesPanel::killSelected()
{
    if (m_manager->kill(selectedId()))
        Q_EMIT statusMessage(tr("Killed pid %1 (SIGKILL)").arg(m_manager->process(selectedId()).pid));
}

} // namespace ShmScope
