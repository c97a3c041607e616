#pragma once

#include <QDialog>
#include <QStringList>
#include <QVector>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QTabWidget;

namespace ShmScope {

// One process to start: program + arguments, never a shell.
struct LaunchRequest {
    QString program;
    QStringList arguments;
    QString label; // "counter", or the program's name
};

// A segment the worker can join, with the layout it is read with.
struct LaunchSegment {
    QString name;
    QString layoutSpec;
};

// Starts shmscope-worker of any kind with its options filled from what exists (open segments and
// their fields, sync objects by kind), N copies at once (two counters make the race), or any command
// line, split into program and arguments without a shell. The exact command is previewed live and
// the Launch button stays disabled until every required option is given.
class LaunchDialog : public QDialog {
    Q_OBJECT
public:
    explicit LaunchDialog(QWidget *parent = nullptr);

    void setSegments(const QVector<LaunchSegment> &segments);
    // Names of existing sync objects by kind ("Lock", "Event", ...), offered in the pickers.
    void setSyncObjects(const QVector<QPair<QString, QString>> &kindAndName);
    void setWorkerProgram(const QString &program);
    static QString defaultWorkerProgram(); // $SHMSCOPE_BIN_DIR, then beside this program, then PATH

    // Pre-selections, for the window and for tests.
    void setKind(const QString &kind);
    void setSegment(const QString &name);
    void setField(const QString &field);
    void setLock(const QString &lock);
    void setIterations(int iterations);
    void setCommandLine(const QString &commandLine); // switches to the command tab

    QVector<LaunchRequest> requests() const; // one per copy; empty while invalid
    QString validationMessage() const;       // empty when Launch is enabled

private:
    void kindChanged();
    void segmentChanged();
    void fieldsChanged();
    void update();
    QStringList workerArguments() const;

    QString m_workerProgram;
    QVector<LaunchSegment> m_segments;
    QVector<QPair<QString, QString>> m_syncObjects;

    QTabWidget *m_tabs = nullptr;
    QFormLayout *m_form = nullptr;
    QComboBox *m_kind = nullptr;
    QLabel *m_kindHelp = nullptr;
    QComboBox *m_segment = nullptr;
    QLineEdit *m_layout = nullptr;
    QComboBox *m_field = nullptr;
    QComboBox *m_lock = nullptr;
    QComboBox *m_object = nullptr;
    QComboBox *m_emptySemaphore = nullptr;
    QComboBox *m_fullSemaphore = nullptr;
    QSpinBox *m_count = nullptr;
    QSpinBox *m_time = nullptr;
    QCheckBox *m_step = nullptr;
    QCheckBox *m_crash = nullptr;
    QSpinBox *m_copies = nullptr;
    QLineEdit *m_commandLine = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    QLabel *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace ShmScope
