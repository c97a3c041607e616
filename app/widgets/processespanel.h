#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QPlainTextEdit;
class QTableView;
class QToolButton;

namespace ShmScope {

class ProcessManager;
class ProcessModel;
class Workspace;
struct LaunchRequest;

// The processes this window started: status as a coloured badge (running, stopped, exited with
// code, killed by a named signal), ops per second and progress from the workers' progress lines,
// and the selected one's output below. Launch (a worker or any command), pause (SIGSTOP), resume
// (SIGCONT), kill, each with a shortcut that works while the panel has focus.
class ProcessesPanel : public QWidget {
    Q_OBJECT
public:
    // workspace (optional) offers its segments and layouts in the launch dialog.
    explicit ProcessesPanel(ProcessManager *manager, Workspace *workspace = nullptr, QWidget *parent = nullptr);

    ProcessModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QAction *launchAction() const { return m_launchAction; }   // Ctrl+L
    QAction *pauseAction() const { return m_pauseAction; }     // Ctrl+P
    QAction *resumeAction() const { return m_resumeAction; }   // Ctrl+R
    QAction *killAction() const { return m_killAction; }       // Ctrl+K
    QAction *clearAction() const { return m_clearAction; }     // remove finished

    int selectedId() const;
    void selectId(int id);

public Q_SLOTS:
    void launchDialog();
    QVector<int> launch(const QVector<ShmScope::LaunchRequest> &requests);
    void pauseSelected();
    void resumeSelected();
    void killSelected();

Q_SIGNALS:
    void statusMessage(const QString &text);

private:
    void updateActions();
    void showOutputOf(int id);
    void appendOutput(int id, const QString &line);

    ProcessManager *m_manager;
    Workspace *m_workspace;
    ProcessModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QPlainTextEdit *m_output = nullptr;
    QToolButton *m_outputToggle = nullptr;
    QLabel *m_outputTitle = nullptr;
    int m_outputId = 0;

    QAction *m_launchAction = nullptr;
    QAction *m_pauseAction = nullptr;
    QAction *m_resumeAction = nullptr;
    QAction *m_killAction = nullptr;
    QAction *m_clearAction = nullptr;
};

} // namespace ShmScope
