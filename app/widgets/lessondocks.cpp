#include "lessondocks.h"

#include "experiment/builtinexperiments.h"
#include "experimentpanel.h"
#include "experimentsession.h"
#include "stepcontrollerpanel.h"
#include "timelinepanel.h"

#include <QDockWidget>
#include <QMainWindow>
#include <QMenu>

namespace ShmScope {

namespace {

QDockWidget *dockFor(QMainWindow *window, QMenu *viewMenu, const QString &title, const QString &objectName,
    QWidget *panel, Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, window);
    dock->setObjectName(objectName);
    dock->setWidget(panel);
    dock->setFeatures(
        QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable | QDockWidget::DockWidgetClosable);
    window->addDockWidget(area, dock);
    if (viewMenu)
        viewMenu->addAction(dock->toggleViewAction());
    return dock;
}

} // namespace

LessonDocks installLessonDocks(QMainWindow *window, QMenu *viewMenu,
    const std::function<void(const QString &, const Layout &)> &showSegment,
    const std::function<void(const QString &)> &statusMessage)
{
    LessonDocks docks;
    docks.session = new ExperimentSession(workerProgramPath(), window);
    docks.experimentPanel = new ExperimentPanel(docks.session, window);
    docks.stepPanel = new StepControllerPanel(docks.session, window);
    docks.timelinePanel = new TimelinePanel(docks.session->timeline(), window);
    docks.experimentDock = dockFor(window, viewMenu, QObject::tr("Experiment"),
        QStringLiteral("ExperimentDock"), docks.experimentPanel, Qt::LeftDockWidgetArea);
    docks.stepDock = dockFor(window, viewMenu, QObject::tr("Step-through"), QStringLiteral("StepThroughDock"),
        docks.stepPanel, Qt::RightDockWidgetArea);
    docks.timelineDock = dockFor(window, viewMenu, QObject::tr("Timeline"), QStringLiteral("TimelineDock"),
        docks.timelinePanel, Qt::BottomDockWidgetArea);

    ExperimentSession *session = docks.session;
    if (showSegment) {
        QObject::connect(session, &ExperimentSession::segmentsReady, window, [session, showSegment] {
            const QVector<ExperimentSession::SegmentInfo> segments = session->segments();
            for (const ExperimentSession::SegmentInfo &segment : segments) {
                LayoutError error;
                const std::optional<Layout> layout = Layout::parse(segment.layout, &error);
                if (session->runner() && session->runner()->segment(segment.id)) // external ones come later
                    showSegment(segment.realName, layout ? *layout : Layout());
            }
        });
    }
    if (statusMessage) {
        QObject::connect(docks.experimentPanel, &ExperimentPanel::statusMessage, window, statusMessage);
        QObject::connect(docks.stepPanel, &StepControllerPanel::statusMessage, window, statusMessage);
        QObject::connect(docks.timelinePanel, &TimelinePanel::statusMessage, window, statusMessage);
    }
    return docks;
}

} // namespace ShmScope
