#pragma once

#include "experiment/experimentrunner.h"
#include "steppingmodel.h"
#include "timelinefeed.h"

#include <QObject>
#include <memory>

namespace ShmScope {

// The one experiment the window has open: its runner, the stepping model of its stepped workers,
// the timeline fed from its log, the class's prediction and the language of its texts. The
// experiment panel, the step-through controller and the timeline all work on one session; the
// main window listens to segmentsReady() to show the experiment's blocks. QtCore only.
class ExperimentSession : public QObject {
    Q_OBJECT
public:
    explicit ExperimentSession(const QString &workerProgram, QObject *parent = nullptr);
    ~ExperimentSession() override;

    // Stops the previous experiment (removing what it made) and prepares this one's initial state.
    bool load(const Experiment &experiment, QString *error);
    bool hasExperiment() const { return m_runner != nullptr; }
    const Experiment *experiment() const { return m_runner ? &m_runner->experiment() : nullptr; }
    ExperimentRunner *runner() const { return m_runner.get(); }
    SteppingModel *steppingModel() { return &m_stepping; }
    TimelineFeed *timeline() { return &m_timeline; }

    void start();
    bool reset(QString *error); // kills the workers and recreates the initial state
    void stop();
    bool isRunning() const { return m_runner && m_runner->isRunning(); }
    bool hasStarted() const { return m_started; }
    bool hasOutcome() const { return m_hasOutcome; }
    const ExperimentOutcome &outcome() const;

    // "en" or "zh": the texts of the experiment and of its outcome.
    QString language() const { return m_language; }
    void setLanguage(const QString &languageCode);
    static QString systemLanguage(); // from QLocale: "zh" for any Chinese locale, else "en"
    QString localized(const LocalizedText &text) const { return text.forLanguage(m_language); }

    QString prediction() const { return m_prediction; }
    void setPrediction(const QString &text);

    // Real /dev/shm name and layout of each segment the runner made, in the experiment's order.
    struct SegmentInfo {
        QString id;
        QString realName;
        QString layout;
    };
    QVector<SegmentInfo> segments() const;

Q_SIGNALS:
    void experimentLoaded();
    void segmentsReady(); // after load and reset: the blocks exist, with their initial values
    void stateChanged(); // started, stopped, phase, reset
    void finished(const ShmScope::ExperimentOutcome &outcome);
    void languageChanged(const QString &languageCode);
    void predictionChanged(const QString &text);
    void problem(const QString &message); // one line for the status bar

private:
    QString m_workerProgram;
    std::unique_ptr<ExperimentRunner> m_runner;
    SteppingModel m_stepping;
    TimelineFeed m_timeline;
    QString m_language;
    QString m_prediction;
    bool m_started = false;
    bool m_hasOutcome = false;
};

} // namespace ShmScope
