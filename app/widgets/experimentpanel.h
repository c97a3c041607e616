#pragma once

#include "experiment/experiment.h"

#include <QPointer>
#include <QVector>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QButtonGroup;

namespace ShmScope {

class ExperimentSession;
struct ExperimentOutcome;

// The lesson in front of the class: the built-in experiments (and "Open file…" for a teacher's own
// JSON), the title, the seed lesson it shows, the narrative and the phases in English or Chinese,
// Start / Stop, and the outcome: each expectation ✓ or ✗ with what was observed
// ("counter < 20,000: observed 12,887 — 7,113 updates lost").
class ExperimentPanel : public QWidget {
    Q_OBJECT
public:
    explicit ExperimentPanel(ExperimentSession *session, QWidget *parent = nullptr);

    // Loads a built-in by its position in the list (sorted by number), or a file. A malformed file
    // gets a message box with the place of the fault (ExperimentError::toString()); returns false.
    bool loadBuiltin(int row);
    bool loadFile(const QString &path);
    void setLanguage(const QString &languageCode); // "en" or "zh"
    // Hidden when the window switches the language for the whole app (its own menu).
    void setLanguageButtonsVisible(bool visible);
    int builtinCount() const { return int(m_builtins.size()); }
    QString outcomeText() const; // the outcome as plain text, one expectation a line

Q_SIGNALS:
    void statusMessage(const QString &text);

private:
    void chooseFile();
    void showExperiment();
    void showState();
    void showOutcome();
    void retranslate();

    QPointer<ExperimentSession> m_session;
    QVector<Experiment> m_builtins;
    QComboBox *m_chooser = nullptr;
    QPushButton *m_openButton = nullptr;
    QPushButton *m_englishButton = nullptr;
    QPushButton *m_chineseButton = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_lesson = nullptr;
    QLabel *m_narrative = nullptr;
    QLabel *m_phases = nullptr;
    QLabel *m_outcome = nullptr;
    QPushButton *m_startButton = nullptr;
    QPushButton *m_stopButton = nullptr;
    QLabel *m_stateLabel = nullptr;
};

} // namespace ShmScope
