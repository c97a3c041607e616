#include "experimentsession.h"

#include <QLocale>

namespace ShmScope {

ExperimentSession::ExperimentSession(const QString &workerProgram, QObject *parent)
    : QObject(parent)
    , m_workerProgram(workerProgram)
    , m_language(systemLanguage())
{ }

ExperimentSession::~ExperimentSession()
{
    // The models let go first: the runner's destructor kills workers and emits nothing to them.
    m_stepping.follow(nullptr);
    m_timeline.follow(nullptr);
}

QString ExperimentSession::systemLanguage()
{
    return QLocale().language() == QLocale::Chinese ? QStringLiteral("zh") : QStringLiteral("en");
}

bool ExperimentSession::load(const Experiment &experiment, QString *error)
{
    m_stepping.follow(nullptr);
    m_timeline.follow(nullptr);
    m_runner.reset();
    m_started = false;
    m_hasOutcome = false;
    m_prediction.clear();
    auto runner = std::make_unique<ExperimentRunner>(experiment, m_workerProgram);
    runner->setLanguage(m_language);
    if (!runner->prepare(error))
        return false;
    m_runner = std::move(runner);
    connect(m_runner.get(), &ExperimentRunner::phaseStarted, this, &ExperimentSession::stateChanged);
    connect(m_runner.get(), &ExperimentRunner::finished, this, [this](const ExperimentOutcome &outcome) {
        m_hasOutcome = true;
        Q_EMIT stateChanged();
        Q_EMIT finished(outcome);
    });
    m_stepping.follow(m_runner.get());
    m_timeline.follow(m_runner.get());
    Q_EMIT experimentLoaded();
    Q_EMIT segmentsReady();
    Q_EMIT stateChanged();
    return true;
}

void ExperimentSession::start()
{
    if (!m_runner || m_runner->isRunning())
        return;
    if (m_started) { // a second run starts from the initial state again
        QString error;
        if (!reset(&error)) {
            Q_EMIT problem(error);
            return;
        }
    }
    m_started = true;
    m_hasOutcome = false;
    m_runner->start();
    m_stepping.refresh();
    Q_EMIT stateChanged();
}

bool ExperimentSession::reset(QString *error)
{
    if (!m_runner)
        return false;
    const bool ok = m_runner->reset(error);
    m_started = false;
    m_hasOutcome = false;
    m_stepping.refresh();
    m_timeline.follow(m_runner.get()); // the log was made anew
    Q_EMIT segmentsReady();
    Q_EMIT stateChanged();
    return ok;
}

void ExperimentSession::stop()
{
    if (m_runner && m_runner->isRunning())
        m_runner->stop();
}

const ExperimentOutcome &ExperimentSession::outcome() const
{
    static const ExperimentOutcome none;
    return m_runner ? m_runner->outcome() : none;
}

void ExperimentSession::setLanguage(const QString &languageCode)
{
    const QString code
        = languageCode.startsWith(QLatin1String("zh")) ? QStringLiteral("zh") : QStringLiteral("en");
    if (code == m_language)
        return;
    m_language = code;
    if (m_runner)
        m_runner->setLanguage(code);
    Q_EMIT languageChanged(code);
}

void ExperimentSession::setPrediction(const QString &text)
{
    if (text == m_prediction)
        return;
    m_prediction = text;
    Q_EMIT predictionChanged(text);
}

QVector<ExperimentSession::SegmentInfo> ExperimentSession::segments() const
{
    QVector<SegmentInfo> infos;
    if (!m_runner)
        return infos;
    for (const ExperimentSegment &segment : m_runner->experiment().segments)
        infos << SegmentInfo { segment.id, m_runner->realSegmentName(segment.id), segment.layout };
    return infos;
}

} // namespace ShmScope
