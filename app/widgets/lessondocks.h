#pragma once

#include "layout.h"

#include <QString>
#include <functional>

class QDockWidget;
class QMainWindow;
class QMenu;

namespace ShmScope {

class ExperimentPanel;
class ExperimentSession;
class StepControllerPanel;
class TimelinePanel;

// The three lesson panels on one ExperimentSession, docked into a window in one call:
//   Experiment (left), Step-through (right), Timeline (bottom), each in viewMenu when given.
// showSegment is called for each segment of an experiment when it is loaded or reset (its real
// /dev/shm name and layout), so that the window's byte grid and typed values show the lesson's
// blocks; statusMessage gets the panels' one-line messages.
struct LessonDocks {
    ExperimentSession *session = nullptr;
    ExperimentPanel *experimentPanel = nullptr;
    StepControllerPanel *stepPanel = nullptr;
    TimelinePanel *timelinePanel = nullptr;
    QDockWidget *experimentDock = nullptr; // object names: ExperimentDock, StepThroughDock, TimelineDock
    QDockWidget *stepDock = nullptr;
    QDockWidget *timelineDock = nullptr;
};

LessonDocks installLessonDocks(QMainWindow *window, QMenu *viewMenu,
    const std::function<void(const QString &realName, const Layout &layout)> &showSegment,
    const std::function<void(const QString &message)> &statusMessage);

} // namespace ShmScope
