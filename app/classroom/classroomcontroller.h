#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>

class QAction;
class QActionGroup;
class QDockWidget;
class QMainWindow;
class QMenu;

namespace ShmScope {

class MainWindow;
class ZoomController;

// The classroom face of the main window (issue 6): presentation mode (F5), full screen (F11), zoom
// (Ctrl+= / Ctrl+- / Ctrl+0), the themes, View > Language, File > Export (PNG, SVG, the operation log
// as CSV), F1 help on each panel, and the settings that bring all of it back at the next start.
// It only adds menu entries and reads the window's public API, so the window's own code stays its own.
class ClassroomController : public QObject {
    Q_OBJECT
public:
    explicit ClassroomController(MainWindow *window);

    ZoomController *zoom() const { return m_zoom; }
    bool isPresentation() const { return m_presentation; }
    void setPresentation(bool on);
    void setFullScreen(bool on);
    void setTheme(const QString &theme);
    QString theme() const { return m_theme; }
    void setLanguage(const QString &language); // "" follows the system

    // The dock holding the keyboard focus, or the whole window: what File > Export View exports.
    QWidget *exportTarget() const;
    bool exportView(QWidget *target, const QString &path, QString *error) const;
    bool exportOperationLog(const QString &path, QString *error) const;

    // Poll rate, theme, zoom, the lesson, window and docks (the language is set before the window
    // exists, see main.cpp). Only a window whose settings were restored saves them at close, so test
    // windows and --screenshot runs neither read nor overwrite the user's settings.
    void restoreSettings();
    void saveSettings() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createFileActions();
    void createViewActions();
    void createHelpActions();
    QMenu *menuTitled(const char *sourceTitle, int fallbackIndex) const;
    QDockWidget *dockNamed(const QString &fragment) const;
    void chooseExportFile(QWidget *target);
    void chooseOperationLogFile();
    void showPanelHelp();
    void followLanguageInExperiments();
    void updateActionStates();

    MainWindow *m_window = nullptr;
    ZoomController *m_zoom = nullptr;
    QString m_theme;
    bool m_presentation = false;
    bool m_persistent = false;
    // What presentation mode changed, to put back when it ends.
    double m_normalZoom = 1.0;
    QString m_normalTheme;
    QByteArray m_normalState;

    QAction *m_presentationAction = nullptr;
    QAction *m_fullScreenAction = nullptr;
    QActionGroup *m_themeGroup = nullptr;
    QActionGroup *m_languageGroup = nullptr;
};

} // namespace ShmScope
