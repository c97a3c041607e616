#pragma once

#include "catalogue.h"
#include "lessondocks.h"
#include "layout.h"
#include "poller.h"
#include "sync/syncstate.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMainWindow>
#include <QPointer>

class QActionGroup;
class QDockWidget;
class QLabel;
class QSpinBox;

namespace ShmScope {

class BlocksDiagram;
class ClassroomController;
class ByteGridView;
class Demo;
class ProcessManager;
class SegmentsPanel;
class TypedValueModel;
class TypedValueView;
class Workspace;

// The window: the byte grid in the middle, docks around it (typed values, segments, sync objects,
// processes, the blocks diagram). It owns the one Poller and hands every view its plain-data results;
// no view reads shared memory itself. Panels get their data from the signals below.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override; // shutdown()

    Workspace *workspace() const { return m_workspace; }
    ProcessManager *processManager() const { return m_processes; }
    Poller *poller() const { return m_poller; }
    ByteGridView *byteGrid() const { return m_grid; }
    TypedValueModel *typedModel() const { return m_typedModel; }
    TypedValueView *typedView() const { return m_typedView; }
    Demo *demo() const { return m_demo; }
    ClassroomController *classroom() const { return m_classroom; } // presentation, languages, export, settings
    const LessonDocks &lessons() const { return m_lessons; }        // experiment, step-through, timeline
    // Opens a built-in experiment (id or number) or an experiment file in the lesson docks.
    bool openExperiment(const QString &nameOrPath, QString *error);
    // Starts the open experiment and lets `steps` steps of its stepped workers through, round robin.
    bool startLessonSteps(int steps, QString *error);
    // Shows every view as it was at timeNs (CLOCK_MONOTONIC), rebuilt by the lesson's timeline;
    // a negative time goes back to live polling.
    void showMomentAt(qint64 timeNs);
    bool isShowingPast() const { return m_pastNs >= 0; }

    bool startDemo(QString *error);
    // Attaches NAME with layout (may be empty) and shows it. Returns false with *error set.
    bool attachSegment(const QString &name, const Layout &layout, QString *error);
    void setPollRate(int hz);
    bool hasPolled() const { return m_pollCount > 0; }

    // Ends every worker this window started, removes the demo, stops the poller. Idempotent.
    void shutdown();

Q_SIGNALS:
    void firstPollApplied();
    // Probe results for the panels, delivered only when they changed.
    void syncStatesPolled(const QVector<ShmScope::SyncState> &states);
    void cataloguePolled(const QVector<ShmScope::CatalogueEntry> &entries);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createToolBar();
    void createDocks();
    void createLessonDocks();
    void createStatusBar();
    void installProbes();
    QDockWidget *addPanel(const QString &title, const QString &objectName, QWidget *panel, Qt::DockWidgetArea area);
    // Integration points for the panels teammate's widgets (segments, sync, processes, blocks).
    QWidget *createSegmentsPanel();
    QWidget *createSyncPanel();
    QWidget *createProcessesPanel();
    QWidget *createBlocksPanel();

    void showCurrentHandle();
    void onPolled(const PollResult &result);
    void onGridSelection(ByteRange range);
    void onTypedSelection();
    void updateStatus();
    void closeCurrentSegment();
    void showAbout();

    Workspace *m_workspace = nullptr;
    ProcessManager *m_processes = nullptr;
    Poller *m_poller = nullptr;
    ByteGridView *m_grid = nullptr;
    TypedValueModel *m_typedModel = nullptr;
    TypedValueView *m_typedView = nullptr;
    SegmentsPanel *m_segmentsPanel = nullptr;
    BlocksDiagram *m_blocks = nullptr;
    Demo *m_demo = nullptr; // child of this window
    ClassroomController *m_classroom = nullptr;
    LessonDocks m_lessons;
    QHash<QString, int> m_lessonHandles; // a lesson segment's real name -> its handle here
    qint64 m_pastNs = -1; // the scrubbed moment; -1 while live

    QActionGroup *m_modeGroup = nullptr;
    QActionGroup *m_rateGroup = nullptr;
    QSpinBox *m_rateBox = nullptr;
    QLabel *m_rateLabel = nullptr;
    QLabel *m_segmentLabel = nullptr;
    QLabel *m_changeLabel = nullptr;
    QMenu *m_viewMenu = nullptr;

    quint64 m_pollCount = 0;
    quint64 m_changeCount = 0;
    QElapsedTimer m_sinceLastChange;
    bool m_syncingSelection = false;
    bool m_shutDown = false;
};

} // namespace ShmScope
