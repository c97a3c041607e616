#include "mainwindow.h"

#include "aboutdialog.h"
#include "blocksdiagram.h"
#include "bytegridview.h"
#include "classroomcontroller.h"
#include "demo.h"
#include "experiment/builtinexperiments.h"
#include "experimentpanel.h"
#include "experimentsession.h"
#include "languagemanager.h"
#include "timelinefeed.h"
#include "timelinepanel.h"
#include "processmanager.h"
#include "processespanel.h"
#include "segment.h"
#include "segmentspanel.h"
#include "syncpanel.h"
#include "typedvaluemodel.h"
#include "typedvalueview.h"
#include "workspace.h"


#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDataStream>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSpinBox>
#include <QStatusBar>
#include <QToolBar>
#include <QTimer>

namespace ShmScope {

namespace {
constexpr int kCatalogueIntervalMs = 1000; // /proc/*/maps of every process: once a second is plenty
constexpr int kSyncIntervalMs = 50;        // lock state changes fast; 20 Hz reads of a few atomics

QByteArray fingerprintOf(const QVector<SyncState> &states)
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    for (const SyncState &s : states) {
        out << s.name << s.kind << s.held << qint32(s.owner) << s.ownerAlive << s.depth << s.waiting << s.count
            << s.flag << s.parties << s.generation << s.broken << s.acquisitions << s.contentions
            << s.ownerDiedRecoveries << qint32(s.lastDeadOwner);
    }
    return bytes;
}

QByteArray fingerprintOf(const QVector<CatalogueEntry> &entries)
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    for (const CatalogueEntry &e : entries) {
        out << e.name << e.size << e.mode << e.uid << e.inode << e.kind;
        for (const ProcessMapping &m : e.mappings)
            out << qint32(m.pid) << quint64(m.start) << quint64(m.end) << m.deleted;
    }
    return bytes;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_workspace(new Workspace(this))
    , m_processes(new ProcessManager(this))
    , m_poller(new Poller(this))
    , m_grid(new ByteGridView(this))
    , m_typedModel(new TypedValueModel(this))
{
    setWindowTitle(tr("ShmScope"));
    setObjectName(QStringLiteral("ShmScopeMainWindow"));
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    resize(1440, 900);
    setCentralWidget(m_grid);

    createActions();
    createToolBar();
    createDocks();
    createStatusBar();
    installProbes();

    connect(m_workspace, &Workspace::currentChanged, this, &MainWindow::showCurrentHandle);
    connect(m_workspace, &Workspace::layoutChanged, this, [this](int id) {
        if (id == m_workspace->currentId())
            showCurrentHandle();
    });
    connect(m_poller, &Poller::polled, this, &MainWindow::onPolled);
    connect(m_grid, &ByteGridView::visibleRangeChanged, this, [this](ByteRange range) {
        m_poller->setVisibleRange(range);
        m_poller->pollNow(); // a scrolled-in row should not wait for the next tick
    });
    connect(m_grid, &ByteGridView::selectionChanged, this, &MainWindow::onGridSelection);
    connect(m_typedModel, &TypedValueModel::valueWritten, this, [this](qint64 offset, const QString &wrap) {
        m_blocks->noteWriteThroughHandle(m_workspace->currentId());
        statusBar()->showMessage(wrap.isEmpty() ? tr("Wrote offset %1").arg(offset) : tr("Wrapped: %1").arg(wrap),
                                 wrap.isEmpty() ? 3000 : 10000);
        m_poller->pollNow();
    });
    connect(m_typedModel, &TypedValueModel::editRejected, this,
            [this](const QString &message) { statusBar()->showMessage(message, 10000); });
    connect(m_processes, &ProcessManager::processAdded, this, [this] { updateStatus(); });
    connect(qApp, &QCoreApplication::aboutToQuit, this, &MainWindow::shutdown);

    m_poller->start();
    updateStatus();
    m_classroom = new ClassroomController(this); // last: it adds to the menus and docks made above
}

MainWindow::~MainWindow()
{
    shutdown();
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newSegment = file->addAction(tr("&New Segment…"), this, [this] { m_segmentsPanel->newSegment(); });
    newSegment->setShortcut(QKeySequence::New);
    QAction *attach = file->addAction(tr("&Attach…"), this, [this] { m_segmentsPanel->attachSegment(); });
    attach->setShortcut(QKeySequence::Open);
    QAction *close = file->addAction(tr("&Close Segment"), this, &MainWindow::closeCurrentSegment);
    close->setShortcut(QKeySequence::Close);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    QMenu *modes = m_viewMenu->addMenu(tr("&Display Mode"));
    m_modeGroup = new QActionGroup(this);
    const ByteGridView::DisplayMode allModes[] = {ByteGridView::DisplayMode::Hex, ByteGridView::DisplayMode::Decimal,
                                                  ByteGridView::DisplayMode::Binary, ByteGridView::DisplayMode::Ascii};
    int number = 1;
    for (ByteGridView::DisplayMode mode : allModes) {
        QAction *action = modes->addAction(ByteGridView::displayModeName(mode));
        action->setCheckable(true);
        action->setChecked(mode == m_grid->displayMode());
        action->setShortcut(QKeySequence(QStringLiteral("Ctrl+%1").arg(number++)));
        action->setData(int(mode));
        m_modeGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, mode] { m_grid->setDisplayMode(mode); });
    }
    QMenu *rates = m_viewMenu->addMenu(tr("&Poll Rate"));
    m_rateGroup = new QActionGroup(this);
    for (int hz : {1, 10, 30, 60, 120}) {
        QAction *action = rates->addAction(tr("%1 Hz").arg(hz));
        action->setCheckable(true);
        action->setData(hz);
        action->setChecked(hz == m_poller->rateHz());
        m_rateGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, hz] { setPollRate(hz); });
    }
    m_viewMenu->addSeparator();

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About ShmScope"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("MainToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *title = new QLabel(tr("  <b>ShmScope</b>  "), bar);
    bar->addWidget(title);
    bar->addSeparator();
    const auto buttonText = [](ByteGridView::DisplayMode mode) {
        switch (mode) {
        case ByteGridView::DisplayMode::Hex:
            return tr("HEX");
        case ByteGridView::DisplayMode::Decimal:
            return tr("DEC");
        case ByteGridView::DisplayMode::Binary:
            return tr("BIN");
        case ByteGridView::DisplayMode::Ascii:
            break;
        }
        return tr("ASCII");
    };
    for (QAction *action : m_modeGroup->actions()) {
        const auto mode = ByteGridView::DisplayMode(action->data().toInt());
        // Whole words from the translation, never cut by character count (that left Chinese "十六进").
        auto *shortAction = new QAction(bar);
        shortAction->setCheckable(true);
        const auto nameMode = [action, shortAction, mode, buttonText] {
            action->setText(ByteGridView::displayModeName(mode));
            shortAction->setText(buttonText(mode));
            shortAction->setToolTip(tr("%1 (%2)").arg(action->text(), action->shortcut().toString()));
        };
        nameMode();
        // Named again after a language switch, not left to LanguageManager's retranslation by shown text:
        // 十六进制 is both the menu's "Hexadecimal" and the button's "HEX", and could come back as either.
        connect(LanguageManager::instance(), &LanguageManager::languageChanged, shortAction, nameMode);
        connect(action, &QAction::toggled, shortAction, &QAction::setChecked);
        connect(shortAction, &QAction::triggered, action, &QAction::trigger);
        shortAction->setChecked(action->isChecked());
        bar->addAction(shortAction);
    }
    bar->addSeparator();
    bar->addWidget(new QLabel(tr(" Poll "), bar));
    m_rateBox = new QSpinBox(bar);
    m_rateBox->setRange(Poller::kMinimumHz, Poller::kMaximumHz);
    m_rateBox->setValue(m_poller->rateHz());
    m_rateBox->setSuffix(tr(" Hz"));
    m_rateBox->setToolTip(tr("How often the visible bytes, the typed values and the sync objects are read"));
    connect(m_rateBox, &QSpinBox::valueChanged, this, &MainWindow::setPollRate);
    bar->addWidget(m_rateBox);
}

QDockWidget *MainWindow::addPanel(const QString &title, const QString &objectName, QWidget *panel,
                                  Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setWidget(panel);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable
                      | QDockWidget::DockWidgetClosable);
    addDockWidget(area, dock);
    m_viewMenu->addAction(dock->toggleViewAction());
    return dock;
}

void MainWindow::createDocks()
{
    m_typedView = new TypedValueView(this);
    m_typedView->setTypedModel(m_typedModel);
    connect(m_typedView->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::onTypedSelection);
    QDockWidget *typed = addPanel(tr("Typed Values"), QStringLiteral("TypedValuesDock"), m_typedView,
                                  Qt::RightDockWidgetArea);
    QDockWidget *blocks = addPanel(tr("Blocks"), QStringLiteral("BlocksDock"), createBlocksPanel(),
                                   Qt::RightDockWidgetArea);
    splitDockWidget(typed, blocks, Qt::Vertical);
    // The bottom row: where the blocks come from, who synchronises on them, who writes them.
    QDockWidget *segments = addPanel(tr("Segments"), QStringLiteral("SegmentsDock"), createSegmentsPanel(),
                                     Qt::BottomDockWidgetArea);
    QDockWidget *sync = addPanel(tr("Sync Objects"), QStringLiteral("SyncDock"), createSyncPanel(),
                                 Qt::BottomDockWidgetArea);
    QDockWidget *processes = addPanel(tr("Processes"), QStringLiteral("ProcessesDock"), createProcessesPanel(),
                                      Qt::BottomDockWidgetArea);
    splitDockWidget(segments, sync, Qt::Horizontal);
    splitDockWidget(sync, processes, Qt::Horizontal);
    resizeDocks({typed, blocks}, {330, 330}, Qt::Vertical);
    resizeDocks({typed}, {560}, Qt::Horizontal);
    resizeDocks({segments}, {300}, Qt::Vertical);
    resizeDocks({segments, sync, processes}, {480, 480, 480}, Qt::Horizontal);
    createLessonDocks();
}

// The classroom's panels (issue 5): a lesson's segments open in this window's grid and typed view,
// and scrubbing the timeline moves those views back in time.
void MainWindow::createLessonDocks()
{
    m_lessons = installLessonDocks(
        this, m_viewMenu,
        [this](const QString &realName, const Layout &layout) {
            QString error;
            const int id = m_workspace->attachSegment(realName, layout, false, &error);
            if (id == 0)
                statusBar()->showMessage(error, 10000);
            m_lessonHandles.insert(realName, id);
        },
        [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    // A lesson opens on its first segment (the first phase's), not on the last one attached.
    connect(m_lessons.session, &ExperimentSession::segmentsReady, this, [this] {
        const QVector<ExperimentSession::SegmentInfo> segments = m_lessons.session->segments();
        if (!segments.isEmpty() && m_lessonHandles.value(segments.first().realName) != 0)
            m_workspace->setCurrent(m_lessonHandles.value(segments.first().realName));
    });
    connect(m_lessons.timelinePanel, &TimelinePanel::timeChanged, this, &MainWindow::showMomentAt);
    connect(m_lessons.timelinePanel, &TimelinePanel::liveChanged, this, [this](bool live) {
        if (live)
            showMomentAt(-1);
    });
    // The lessons start hidden behind the live panels; opening one brings them forward.
    for (QDockWidget *dock : {m_lessons.experimentDock, m_lessons.stepDock, m_lessons.timelineDock})
        dock->hide();
}

bool MainWindow::openExperiment(const QString &nameOrPath, QString *error)
{
    ExperimentError experimentError;
    const std::optional<Experiment> experiment = findExperiment(nameOrPath, &experimentError);
    if (!experiment) {
        if (error)
            *error = experimentError.toString();
        return false;
    }
    for (QDockWidget *dock : {m_lessons.experimentDock, m_lessons.stepDock, m_lessons.timelineDock})
        dock->show();
    // Stepping cards need room: in a lesson the step-through takes the blocks' place (a tab away).
    QDockWidget *blocks = findChild<QDockWidget *>(QStringLiteral("BlocksDock"));
    QDockWidget *typed = findChild<QDockWidget *>(QStringLiteral("TypedValuesDock"));
    if (blocks && typed && dockWidgetArea(blocks) == dockWidgetArea(m_lessons.stepDock)) {
        tabifyDockWidget(blocks, m_lessons.stepDock);
        m_lessons.stepDock->raise();
        resizeDocks({typed, m_lessons.stepDock}, {height() / 4, height() / 2}, Qt::Vertical);
    }
    if (!experiment->sourcePath.startsWith(QLatin1Char(':')))
        return m_lessons.experimentPanel->loadFile(experiment->sourcePath);
    const QVector<Experiment> builtins = builtinExperiments(); // the panel lists them in this order
    for (int row = 0; row < builtins.size(); ++row) {
        if (builtins.at(row).id == experiment->id)
            return m_lessons.experimentPanel->loadBuiltin(row);
    }
    return false;
}

bool MainWindow::startLessonSteps(int steps, QString *error)
{
    ExperimentSession *session = m_lessons.session;
    if (!session || !session->hasExperiment()) {
        if (error)
            *error = tr("no experiment is open");
        return false;
    }
    session->start();
    for (int i = 0; i < steps; ++i) {
        QString stepError;
        if (!session->runner()->stepRoundRobin(&stepError)) {
            if (error)
                *error = stepError.isEmpty() ? tr("no stepped worker is waiting after %1 steps").arg(i) : stepError;
            return false;
        }
    }
    return true;
}

void MainWindow::showMomentAt(qint64 timeNs)
{
    m_pastNs = timeNs;
    const OpenHandle *open = m_workspace->current();
    if (timeNs < 0 || !open || !m_lessons.session) {
        m_pastNs = -1;
        m_poller->pollNow(); // the next poll repaints the present
        updateStatus();
        return;
    }
    const TimelineRecorder &recorder = m_lessons.session->timeline()->recorder();
    for (int track = 0; track < recorder.trackCount(); ++track) {
        if (recorder.segmentName(track) != open->segment->name())
            continue;
        bool available = false;
        const QByteArray bytes = recorder.bytesAt(track, timeNs, &available);
        if (!available)
            break;
        const ByteRange visible = m_grid->visibleRange();
        Snapshot past;
        past.offset = visible.offset;
        past.bytes = bytes.mid(visible.offset, visible.length);
        past.requestedLength = visible.length;
        past.segmentSize = bytes.size();
        m_grid->applySnapshot(past, {}, true);
        const ByteRange typedRange = m_typedModel->neededRange();
        Snapshot typed;
        typed.offset = typedRange.offset;
        typed.bytes = bytes.mid(typedRange.offset, typedRange.length);
        typed.requestedLength = typedRange.length;
        typed.segmentSize = bytes.size();
        m_typedModel->setSnapshot(typed);
        updateStatus();
        return;
    }
    statusBar()->showMessage(tr("The timeline has no record of %1 at that moment").arg(open->segment->name()), 8000);
}

// Panels (issue 4 items 1, 4, 5, 6) are the panels teammate's widgets; the window feeds them from its
// poller (so they never scan on their own timers) and routes their messages to the status bar.
QWidget *MainWindow::createSegmentsPanel()
{
    m_segmentsPanel = new SegmentsPanel(m_workspace, this);
    m_segmentsPanel->setAutoRefreshInterval(0);
    connect(this, &MainWindow::cataloguePolled, m_segmentsPanel, &SegmentsPanel::setCatalogue);
    connect(m_segmentsPanel, &SegmentsPanel::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    return m_segmentsPanel;
}

QWidget *MainWindow::createSyncPanel()
{
    auto *panel = new SyncPanel(this);
    panel->setAutoRefreshInterval(0);
    connect(this, &MainWindow::syncStatesPolled, panel, &SyncPanel::setStates);
    connect(panel, &SyncPanel::statusMessage, this, [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    return panel;
}

QWidget *MainWindow::createProcessesPanel()
{
    auto *panel = new ProcessesPanel(m_processes, m_workspace, this);
    connect(panel, &ProcessesPanel::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    return panel;
}

QWidget *MainWindow::createBlocksPanel()
{
    m_blocks = new BlocksDiagram(m_workspace, this);
    m_blocks->setAutoRefreshInterval(0);
    connect(this, &MainWindow::cataloguePolled, m_blocks, [this](const QVector<CatalogueEntry> &entries) {
        for (const CatalogueEntry &entry : entries) {
            if (entry.inode == m_blocks->blockInode() && entry.inode != 0) {
                m_blocks->setMappings(entry.mappings);
                return;
            }
        }
        m_blocks->refreshMappings(); // unlinked blocks are not in /dev/shm: ask /proc by inode
    });
    connect(m_blocks, &BlocksDiagram::statusMessage, this, [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    return m_blocks;
}

void MainWindow::createStatusBar()
{
    m_rateLabel = new QLabel(this);
    m_segmentLabel = new QLabel(this);
    m_changeLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_segmentLabel);
    statusBar()->addPermanentWidget(m_changeLabel);
    statusBar()->addPermanentWidget(m_rateLabel);
    auto *ticker = new QTimer(this); // "0.4 s ago" must age even when nothing is polled
    ticker->setInterval(500);
    connect(ticker, &QTimer::timeout, this, &MainWindow::updateStatus);
    ticker->start();
}

void MainWindow::installProbes()
{
    m_poller->addProbe(
        QStringLiteral("sync"),
        [] {
            const QVector<SyncState> states = listSyncStates();
            return Poller::ProbeResult{QVariant::fromValue(states), fingerprintOf(states)};
        },
        kSyncIntervalMs);
    m_poller->addProbe(
        QStringLiteral("catalogue"),
        [] {
            const QVector<CatalogueEntry> entries = scanCatalogue();
            return Poller::ProbeResult{QVariant::fromValue(entries), fingerprintOf(entries)};
        },
        kCatalogueIntervalMs);
}

void MainWindow::setPollRate(int hz)
{
    m_poller->setRateHz(hz);
    hz = m_poller->rateHz();
    if (m_rateBox->value() != hz)
        m_rateBox->setValue(hz);
    for (QAction *action : m_rateGroup->actions())
        action->setChecked(action->data().toInt() == hz);
    updateStatus();
}

bool MainWindow::startDemo(QString *error)
{
    if (!m_demo) {
        m_demo = new Demo(m_workspace, m_processes, this);
        connect(m_demo, &Demo::message, this, [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    }
    return m_demo->start(error);
}

bool MainWindow::attachSegment(const QString &name, const Layout &layout, QString *error)
{
    return m_workspace->attachSegment(name, layout, false, error) != 0;
}

void MainWindow::showCurrentHandle()
{
    const OpenHandle *open = m_workspace->current();
    m_typedModel->setLayout(open ? open->layout : Layout());
    m_typedModel->setSegment(open ? open->segment : nullptr);
    m_grid->setLayout(open ? open->layout : Layout());
    m_grid->setSegmentSize(open ? open->segment->size() : 0);
    m_typedView->expandAll();
    m_poller->setSegment(open ? open->segment : nullptr);
    m_poller->setTypedRange(m_typedModel->neededRange());
    m_poller->setVisibleRange(m_grid->visibleRange());
    m_poller->pollNow();
    setWindowTitle(open ? tr("%1 — ShmScope").arg(open->segment->name()) : tr("ShmScope"));
    updateStatus();
}

void MainWindow::onPolled(const PollResult &result)
{
    // Probes are the same whatever the segment; bytes of a segment no longer shown are not.
    // While the timeline shows the past, the live bytes wait; probes (locks, processes) stay live.
    const bool current = result.segmentGeneration == m_poller->segmentGeneration() && m_pastNs < 0;
    if (current) {
        m_grid->applySnapshot(result.visible, result.visibleChanges, result.fresh);
        m_typedView->setFlashSuppressed(result.fresh);
        m_typedModel->setSnapshot(result.typed);
        m_typedView->setFlashSuppressed(false);
    }
    if (current && (!result.visibleChanges.isEmpty() || !result.typedChanges.isEmpty())) {
        m_blocks->noteBytesChanged(result.typedChanges + result.visibleChanges);
        ++m_changeCount;
        m_sinceLastChange.start();
    }
    if (result.changedProbes.contains(QLatin1String("sync")))
        Q_EMIT syncStatesPolled(result.probes.value(QStringLiteral("sync")).value<QVector<SyncState>>());
    if (result.changedProbes.contains(QLatin1String("catalogue")))
        Q_EMIT cataloguePolled(result.probes.value(QStringLiteral("catalogue")).value<QVector<CatalogueEntry>>());
    // "After the first poll" means the first that shows what the window shows.
    if (m_pollCount == 0 && result.generation == m_poller->generation()
        && result.hasSegment == (m_workspace->current() != nullptr)) {
        ++m_pollCount;
        Q_EMIT firstPollApplied();
    } else if (m_pollCount > 0) {
        ++m_pollCount;
    }
}

void MainWindow::onGridSelection(ByteRange range)
{
    if (m_syncingSelection)
        return;
    m_syncingSelection = true;
    const QModelIndex index = m_typedModel->indexForOffset(range.offset);
    if (index.isValid()) {
        m_typedView->setCurrentIndex(index);
        m_typedView->scrollTo(index);
    } else {
        m_typedView->clearSelection();
    }
    m_syncingSelection = false;
}

void MainWindow::onTypedSelection()
{
    if (m_syncingSelection)
        return;
    m_syncingSelection = true;
    m_grid->setSelection(m_typedModel->byteRange(m_typedView->currentIndex()));
    m_syncingSelection = false;
}

void MainWindow::updateStatus()
{
    m_rateLabel->setText(tr("● polling %1 Hz").arg(m_poller->rateHz()));
    const OpenHandle *open = m_workspace->current();
    if (!open) {
        m_segmentLabel->setText(tr("no segment"));
    } else {
        const SegmentStatus status = open->segment->status();
        QString text = tr("%1  ·  %2  ·  %3 bytes")
                           .arg(open->label, open->segment->name())
                           .arg(open->segment->size());
        if (status.unlinked)
            text += tr("  ·  unlinked, still mapped");
        else if (status.currentSize != status.mappedSize)
            text += tr("  ·  now %1 bytes (truncated)").arg(status.currentSize);
        if (m_pastNs >= 0)
            text += tr("  ·  showing the past (timeline scrubbed back)");
        m_segmentLabel->setText(text);
    }
    if (!m_sinceLastChange.isValid())
        m_changeLabel->setText(tr("no change yet"));
    else
        m_changeLabel->setText(tr("last change %1 s ago  ·  %2 changes")
                                   .arg(m_sinceLastChange.elapsed() / 1000.0, 0, 'f', 1)
                                   .arg(m_changeCount));
}

void MainWindow::closeCurrentSegment()
{
    if (m_workspace->currentId())
        m_workspace->closeHandle(m_workspace->currentId());
}

void MainWindow::showAbout()
{
    AboutDialog(this).exec();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    shutdown();
    event->accept();
}

void MainWindow::shutdown()
{
    if (m_shutDown)
        return;
    m_shutDown = true;
    m_poller->stop();
    m_poller->setSegment(nullptr);
    if (m_demo)
        m_demo->stop();
    m_processes->terminateAll(); // every worker this window started, the demo's included
}

} // namespace ShmScope
