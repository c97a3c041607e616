#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSlider;
class QHBoxLayout;
class QFrame;

namespace ShmScope {

class ExperimentSession;
class ProgramView;
struct ExperimentOutcome;

// The step-through controller: the class is the scheduler. One card per stepping worker shows its
// tiny program (LOAD r ← counter, ADD r ← r + 1, STORE counter ← r) with the next step
// highlighted and the worker's private register; a Step button per card. Keys while the panel has
// focus: 1..9 step worker k, Space steps all round robin. Run / Pause steps round robin by itself at
// the speed of the slider; Reset recreates the initial state. The predict box takes the class's
// guess before the run and scores it after ("You predicted 2 — observed 1").
class StepControllerPanel : public QWidget {
    Q_OBJECT
public:
    explicit StepControllerPanel(ExperimentSession *session, QWidget *parent = nullptr);

    // For tests and shortcuts: the same as pressing the buttons.
    bool stepRow(int row);
    bool stepRoundRobin();
    void setRunning(bool running);
    bool isAutoRunning() const { return m_autoRunning; }
    int stepsPerSecond() const;
    void setStepsPerSecond(int steps);
    void reset();
    QString scoreText() const;
    QPushButton *stepButton(int row) const;

Q_SIGNALS:
    void statusMessage(const QString &text);

private:
    void rebuildCards();
    void refreshCards();
    void updateControls();
    void updatePredictBox();
    void showScore();
    void lockInPrediction();
    bool ensureStarted();

    QPointer<ExperimentSession> m_session;
    QFrame *m_predictBox = nullptr;
    QLabel *m_predictQuestion = nullptr;
    QLineEdit *m_predictEdit = nullptr;
    QPushButton *m_predictButton = nullptr;
    QLabel *m_scoreLabel = nullptr;
    QWidget *m_cardArea = nullptr;
    QHBoxLayout *m_cardLayout = nullptr;
    QLabel *m_emptyLabel = nullptr;
    struct Card {
        QFrame *frame = nullptr;
        QLabel *title = nullptr;
        QLabel *state = nullptr;
        ProgramView *program = nullptr;
        QLabel *registerLabel = nullptr;
        QPushButton *step = nullptr;
    };
    QVector<Card> m_cards;
    QPushButton *m_roundRobinButton = nullptr;
    QPushButton *m_runButton = nullptr;
    QSlider *m_speedSlider = nullptr;
    QLabel *m_speedLabel = nullptr;
    QPushButton *m_resetButton = nullptr;
    bool m_autoRunning = false;
};

} // namespace ShmScope
