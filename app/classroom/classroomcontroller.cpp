#include "classroomcontroller.h"

#include "appsettings.h"
#include "classroomtheme.h"
#include "experimentpanel.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "panelhelp.h"
#include "timelinepanel.h"
#include "viewexporter.h"
#include "zoomcontroller.h"

#include <QActionGroup>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QWhatsThis>

namespace ShmScope {

namespace {
// 2x the default 9 pt font: 18 pt, i.e. 24 px at 96 dpi on a 1080p projector, readable from the back
// row (the usual rule: 1 cm of letter height per 4 m of distance).
constexpr double kPresentationZoom = 2.0;
// Panels a class does not need to see during a lesson; F5 again brings them back.
const char *const kHiddenInPresentation[] = {"SegmentsDock", "ProcessesDock"};
} // namespace

ClassroomController::ClassroomController(MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_zoom(new ZoomController(this))
{
    setObjectName(QStringLiteral("ClassroomController"));
    createFileActions();
    createViewActions();
    createHelpActions();
    PanelHelp::install(window);
    window->installEventFilter(this);
    connect(LanguageManager::instance(), &LanguageManager::languageChanged, this, [this] {
        PanelHelp::install(m_window); // What's This texts are rich text built once: build them again
        followLanguageInExperiments();
        updateActionStates();
    });
    setTheme(ClassroomTheme::dark());
    followLanguageInExperiments();
}

QMenu *ClassroomController::menuTitled(const char *sourceTitle, int fallbackIndex) const
{
    const QString title = QCoreApplication::translate("ShmScope::MainWindow", sourceTitle);
    const QList<QAction *> actions = m_window->menuBar()->actions();
    for (QAction *action : actions) {
        if (action->menu() && action->text() == title)
            return action->menu();
    }
    const int index = fallbackIndex < 0 ? int(actions.size()) + fallbackIndex : fallbackIndex;
    if (index >= 0 && index < actions.size() && actions.at(index)->menu())
        return actions.at(index)->menu();
    return m_window->menuBar()->addMenu(title);
}

QDockWidget *ClassroomController::dockNamed(const QString &fragment) const
{
    const QList<QDockWidget *> docks = m_window->findChildren<QDockWidget *>();
    for (QDockWidget *dock : docks) {
        if (dock->objectName().contains(fragment, Qt::CaseInsensitive))
            return dock;
    }
    return nullptr;
}

void ClassroomController::createFileActions()
{
    QMenu *file = menuTitled("&File", 0);
    // Before Quit and its separator, so Quit stays last.
    QAction *before = nullptr;
    const QList<QAction *> actions = file->actions();
    for (int i = 0; i < actions.size(); ++i) {
        if (actions.at(i)->shortcut() == QKeySequence(QKeySequence::Quit))
            before = i > 0 && actions.at(i - 1)->isSeparator() ? actions.at(i - 1) : actions.at(i);
    }
    auto *exportView = new QAction(tr("&Export View…"), file);
    exportView->setObjectName(QStringLiteral("ExportViewAction"));
    exportView->setShortcut(QKeySequence(tr("Ctrl+E")));
    exportView->setStatusTip(tr("Save the panel with the keyboard focus (or the whole window) as PNG or SVG"));
    connect(exportView, &QAction::triggered, this, [this] { chooseExportFile(exportTarget()); });
    auto *exportWindow = new QAction(tr("Export &Window…"), file);
    exportWindow->setObjectName(QStringLiteral("ExportWindowAction"));
    exportWindow->setShortcut(QKeySequence(tr("Ctrl+Shift+E")));
    connect(exportWindow, &QAction::triggered, this, [this] { chooseExportFile(m_window); });
    auto *exportLog = new QAction(tr("Export Operation &Log as CSV…"), file);
    exportLog->setObjectName(QStringLiteral("ExportLogAction"));
    connect(exportLog, &QAction::triggered, this, &ClassroomController::chooseOperationLogFile);
    file->insertSeparator(before);
    file->insertActions(before, {exportView, exportWindow, exportLog});
}

void ClassroomController::createViewActions()
{
    QMenu *view = menuTitled("&View", 1);
    view->addSeparator();
    m_presentationAction = view->addAction(tr("&Presentation Mode"), this, &ClassroomController::setPresentation);
    m_presentationAction->setObjectName(QStringLiteral("PresentationAction"));
    m_presentationAction->setCheckable(true);
    m_presentationAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_fullScreenAction = view->addAction(tr("&Full Screen"), this, &ClassroomController::setFullScreen);
    m_fullScreenAction->setObjectName(QStringLiteral("FullScreenAction"));
    m_fullScreenAction->setCheckable(true);
    m_fullScreenAction->setShortcut(QKeySequence(Qt::Key_F11));

    QMenu *zoom = view->addMenu(tr("&Zoom"));
    QAction *zoomIn = zoom->addAction(tr("Zoom &In"), m_zoom, &ZoomController::zoomIn);
    // Ctrl+= as well as Ctrl++: on most keyboards + needs Shift, = does not.
    zoomIn->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Equal), QKeySequence::ZoomIn});
    QAction *zoomOut = zoom->addAction(tr("Zoom &Out"), m_zoom, &ZoomController::zoomOut);
    zoomOut->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Minus), QKeySequence::ZoomOut});
    QAction *reset = zoom->addAction(tr("&Actual Size"), m_zoom, &ZoomController::resetZoom);
    reset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    connect(m_zoom, &ZoomController::zoomChanged, this, [this](double factor) {
        m_window->statusBar()->showMessage(tr("Zoom %1%").arg(qRound(factor * 100)), 2000);
    });

    QMenu *themes = view->addMenu(tr("&Theme"));
    m_themeGroup = new QActionGroup(this);
    const std::pair<QString, QString> themeNames[] = {{ClassroomTheme::dark(), tr("Dark")},
                                                      {ClassroomTheme::contrastDark(), tr("High Contrast Dark")},
                                                      {ClassroomTheme::contrastLight(), tr("High Contrast Light")}};
    for (const auto &[name, title] : themeNames) {
        QAction *action = themes->addAction(title);
        action->setCheckable(true);
        action->setData(name);
        m_themeGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, themeName = name] { setTheme(themeName); });
    }

    QMenu *languages = view->addMenu(tr("&Language"));
    languages->setObjectName(QStringLiteral("LanguageMenu"));
    m_languageGroup = new QActionGroup(this);
    QAction *system = languages->addAction(tr("System Language"));
    system->setData(QString());
    for (const QString &language : LanguageManager::languages()) {
        // Each language in its own words: a reader who cannot read the current one still finds theirs.
        QAction *action = languages->addAction(LanguageManager::nativeName(language));
        action->setData(language);
    }
    for (QAction *action : languages->actions()) {
        action->setCheckable(true);
        m_languageGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, action] { setLanguage(action->data().toString()); });
    }
    updateActionStates();
}

void ClassroomController::createHelpActions()
{
    QMenu *help = menuTitled("&Help", -1);
    QAction *first = help->actions().value(0);
    QAction *panelHelp = new QAction(tr("What Am I &Looking At?"), help);
    panelHelp->setShortcut(QKeySequence::HelpContents);
    connect(panelHelp, &QAction::triggered, this, &ClassroomController::showPanelHelp);
    QAction *whatsThis = QWhatsThis::createAction(help);
    help->insertActions(first, {panelHelp, whatsThis});
    help->insertSeparator(first);
}

void ClassroomController::updateActionStates()
{
    for (QAction *action : m_themeGroup->actions())
        action->setChecked(action->data().toString() == m_theme);
    const QString requested = LanguageManager::instance()->requested();
    for (QAction *action : m_languageGroup->actions())
        action->setChecked(action->data().toString() == requested);
    if (!m_languageGroup->actions().isEmpty()) {
        const QString system = LanguageManager::nativeName(LanguageManager::systemLanguage());
        m_languageGroup->actions().constFirst()->setText(tr("System Language (%1)").arg(system));
    }
    m_presentationAction->setChecked(m_presentation);
    m_fullScreenAction->setChecked(m_window->isFullScreen());
}

void ClassroomController::setTheme(const QString &theme)
{
    m_theme = ClassroomTheme::apply(*qApp, theme);
    m_zoom->applyDockTitleFonts();
    updateActionStates();
}

void ClassroomController::setLanguage(const QString &language)
{
    if (!LanguageManager::instance()->setLanguage(language))
        m_window->statusBar()->showMessage(tr("No translations for %1").arg(language), 8000);
    updateActionStates();
}

void ClassroomController::followLanguageInExperiments()
{
    const QString code = LanguageManager::instance()->experimentLanguage();
    const QList<ExperimentPanel *> panels = m_window->findChildren<ExperimentPanel *>();
    for (ExperimentPanel *panel : panels)
        panel->setLanguage(code);
}

void ClassroomController::setPresentation(bool on)
{
    if (on == m_presentation) {
        updateActionStates();
        return;
    }
    if (on) {
        m_normalZoom = m_zoom->zoom();
        m_normalTheme = m_theme;
        m_normalState = m_window->saveState();
        m_presentation = true;
        m_zoom->setZoom(qMax(m_normalZoom, kPresentationZoom));
        if (m_theme == ClassroomTheme::dark())
            setTheme(ClassroomTheme::contrastDark());
        for (const char *name : kHiddenInPresentation) {
            if (QDockWidget *dock = dockNamed(QString::fromLatin1(name)))
                dock->hide();
        }
        // The narrative is what the class reads: give it the room.
        if (QDockWidget *experiment = dockNamed(QStringLiteral("Experiment"))) {
            experiment->show();
            experiment->raise();
            m_window->resizeDocks({experiment}, {m_window->width() * 2 / 5}, Qt::Horizontal);
        }
    } else {
        m_presentation = false;
        m_zoom->setZoom(m_normalZoom);
        setTheme(m_normalTheme);
        m_window->restoreState(m_normalState);
    }
    updateActionStates();
}

void ClassroomController::setFullScreen(bool on)
{
    if (on)
        m_window->showFullScreen();
    else
        m_window->showNormal();
    updateActionStates();
}

QWidget *ClassroomController::exportTarget() const
{
    for (QWidget *widget = QApplication::focusWidget(); widget; widget = widget->parentWidget()) {
        if (auto *dock = qobject_cast<QDockWidget *>(widget))
            return dock;
        if (widget == m_window)
            break;
    }
    return m_window;
}

bool ClassroomController::exportView(QWidget *target, const QString &path, QString *error) const
{
    return ViewExporter::exportView(target ? target : m_window, path, error);
}

bool ClassroomController::exportOperationLog(const QString &path, QString *error) const
{
    const QList<TimelinePanel *> timelines = m_window->findChildren<TimelinePanel *>();
    if (timelines.isEmpty()) {
        if (error)
            *error = tr("There is no operation log: this window has no timeline.");
        return false;
    }
    return timelines.constFirst()->exportCsv(path, error);
}

void ClassroomController::chooseExportFile(QWidget *target)
{
    const QString base = target == m_window ? QStringLiteral("shmscope")
                                            : QStringLiteral("shmscope-") + target->objectName().toLower();
    QString filter = tr("PNG image (*.png)");
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Export View"), base + QStringLiteral(".png"),
                                                      filter + QStringLiteral(";;") + tr("SVG drawing (*.svg)"),
                                                      &filter);
    if (path.isEmpty())
        return;
    QString chosen = path;
    if (QFileInfo(path).suffix().isEmpty()) // the filter chose the format, not the name
        chosen += filter.contains(QLatin1String("*.svg")) ? QStringLiteral(".svg") : QStringLiteral(".png");
    QString error;
    if (!exportView(target, chosen, &error)) {
        QMessageBox::warning(m_window, tr("Export View"), error);
        return;
    }
    m_window->statusBar()->showMessage(tr("Exported %1").arg(chosen), 8000);
}

void ClassroomController::chooseOperationLogFile()
{
    QString error;
    if (m_window->findChildren<TimelinePanel *>().isEmpty()) {
        (void)exportOperationLog(QString(), &error);
        QMessageBox::information(m_window, tr("Export Operation Log"), error);
        return;
    }
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Export Operation Log"),
                                                      QStringLiteral("shmscope-log.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (!exportOperationLog(path, &error)) {
        QMessageBox::warning(m_window, tr("Export Operation Log"), error);
        return;
    }
    m_window->statusBar()->showMessage(tr("Exported %1").arg(path), 8000);
}

void ClassroomController::showPanelHelp()
{
    QWidget *target = exportTarget();
    const QString text = target == m_window ? PanelHelp::overview() : PanelHelp::textFor(target->objectName());
    const QPoint where = target->mapToGlobal(QPoint(target->width() / 4, target->height() / 4));
    QWhatsThis::showText(where, text, target);
}

void ClassroomController::saveSettings() const
{
    if (!m_persistent)
        return;
    AppSettings settings;
    settings.setPollRateHz(m_window->poller()->rateHz());
    // Presentation mode is for one lesson: the next start opens the way the teacher works.
    settings.setTheme(m_presentation ? m_normalTheme : m_theme);
    settings.setZoom(m_presentation ? m_normalZoom : m_zoom->zoom());
    settings.setLanguage(LanguageManager::instance()->requested());
    settings.setWindowLayout(m_window->saveGeometry(), m_presentation ? m_normalState : m_window->saveState());
    const QList<ExperimentPanel *> panels = m_window->findChildren<ExperimentPanel *>();
    if (!panels.isEmpty()) {
        if (const auto *chooser = panels.constFirst()->findChild<QComboBox *>())
            settings.setLastExperiment(QStringLiteral("builtin:%1").arg(chooser->currentIndex()));
    }
    settings.sync();
}

void ClassroomController::restoreSettings()
{
    m_persistent = true;
    AppSettings settings;
    m_window->setPollRate(settings.pollRateHz(m_window->poller()->rateHz()));
    setTheme(settings.theme());
    m_zoom->setZoom(settings.zoom());
    const QByteArray geometry = settings.windowGeometry();
    if (!geometry.isEmpty())
        m_window->restoreGeometry(geometry);
    const QByteArray state = settings.windowState();
    if (!state.isEmpty())
        m_window->restoreState(state);
    const QString experiment = settings.lastExperiment();
    const QList<ExperimentPanel *> panels = m_window->findChildren<ExperimentPanel *>();
    if (!panels.isEmpty() && experiment.startsWith(QLatin1String("builtin:"))) {
        bool ok = false;
        const int row = experiment.mid(8).toInt(&ok);
        if (ok && row >= 0 && row < panels.constFirst()->builtinCount())
            panels.constFirst()->loadBuiltin(row);
    }
    updateActionStates();
}

bool ClassroomController::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::Close)
        saveSettings();
    else if (watched == m_window && event->type() == QEvent::WindowStateChange)
        updateActionStates();
    return QObject::eventFilter(watched, event);
}

} // namespace ShmScope
