#include "experimentpanel.h"

#include "experiment/builtinexperiments.h"
#include "experiment/experimentparser.h"
#include "experimentsession.h"
#include "predictionscore.h"

#include <QBoxLayout>
#include <QComboBox>
#include <QFileDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>

namespace ShmScope {

namespace {

const char *const kGood = "#3fb950";
const char *const kBad = "#f85149";
const char *const kMuted = "#868e9c";

QPushButton *languageButton(const QString &text, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setCheckable(true);
    button->setAutoExclusive(true);
    button->setFixedWidth(58);
    return button;
}

} // namespace

ExperimentPanel::ExperimentPanel(ExperimentSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    QStringList problems;
    m_builtins = builtinExperiments(&problems);
    for (const QString &problem : std::as_const(problems))
        qWarning("built-in experiment: %s", qPrintable(problem));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 10, 10, 10);
    layout->setSpacing(8);

    auto *top = new QHBoxLayout;
    m_chooser = new QComboBox(this);
    m_chooser->setMinimumWidth(260);
    m_chooser->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_openButton = new QPushButton(tr("Open file…"), this);
    m_openButton->setToolTip(tr("Open your own experiment (JSON; the format is in the README)"));
    m_englishButton = languageButton(QStringLiteral("EN"), this);
    m_chineseButton = languageButton(QStringLiteral("中文"), this);
    top->addWidget(m_chooser, 1);
    top->addWidget(m_openButton);
    top->addSpacing(8);
    top->addWidget(m_englishButton);
    top->addWidget(m_chineseButton);
    layout->addLayout(top);

    // Everything of the lesson scrolls as one page; Start / Stop stay in reach below it.
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *page = new QWidget(scroll);
    auto *pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(0, 0, 6, 0);
    pageLayout->setSpacing(10);
    m_title = new QLabel(page);
    m_title->setObjectName(QStringLiteral("experimentTitle"));
    m_title->setWordWrap(true);
    QFont titleFont = m_title->font();
    titleFont.setPointSize(18);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_lesson = new QLabel(page);
    m_lesson->setWordWrap(true);
    m_lesson->setStyleSheet(QStringLiteral("color: #9fb4d6; font-size: 12pt; font-style: italic;"));
    m_narrative = new QLabel(page);
    m_narrative->setWordWrap(true);
    m_narrative->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_narrative->setStyleSheet(
        QStringLiteral("background: #1b1e24; border-radius: 8px; padding: 10px 12px; font-size: 13pt;"));
    m_phases = new QLabel(page);
    m_phases->setWordWrap(true);
    m_phases->setTextFormat(Qt::RichText);
    m_phases->setStyleSheet(QStringLiteral("font-size: 13pt;"));
    m_outcome = new QLabel(page);
    m_outcome->setWordWrap(true);
    m_outcome->setTextFormat(Qt::RichText);
    m_outcome->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_outcome->setStyleSheet(
        QStringLiteral("background: #262b35; border: 1px solid #3a4150; border-radius: 8px;"
                       " padding: 8px 12px; font-size: 13pt;"));
    pageLayout->addWidget(m_title);
    pageLayout->addWidget(m_lesson);
    pageLayout->addWidget(m_narrative);
    pageLayout->addWidget(m_phases);
    pageLayout->addWidget(m_outcome);
    pageLayout->addStretch(1);
    scroll->setWidget(page);
    layout->addWidget(scroll, 1);

    auto *buttons = new QHBoxLayout;
    m_startButton = new QPushButton(this);
    m_stopButton = new QPushButton(this);
    for (QPushButton *button : { m_startButton, m_stopButton }) {
        QFont font = button->font();
        font.setPointSize(12);
        button->setFont(font);
        button->setMinimumHeight(34);
    }
    m_stateLabel = new QLabel(this);
    m_stateLabel->setStyleSheet(QStringLiteral("color: #aab1bd; font-size: 12pt;"));
    buttons->addWidget(m_startButton);
    buttons->addWidget(m_stopButton);
    buttons->addSpacing(10);
    buttons->addWidget(m_stateLabel, 1);
    layout->addLayout(buttons);

    for (int row = 0; row < m_builtins.size(); ++row)
        m_chooser->addItem(QString()); // texts in the current language: retranslate()
    connect(m_chooser, &QComboBox::activated, this, [this](int row) { loadBuiltin(row); });
    connect(m_openButton, &QPushButton::clicked, this, &ExperimentPanel::chooseFile);
    connect(m_englishButton, &QPushButton::clicked, this, [this] { setLanguage(QStringLiteral("en")); });
    connect(m_chineseButton, &QPushButton::clicked, this, [this] { setLanguage(QStringLiteral("zh")); });
    connect(m_startButton, &QPushButton::clicked, this, [this] {
        if (m_session)
            m_session->start();
    });
    connect(m_stopButton, &QPushButton::clicked, this, [this] {
        if (m_session)
            m_session->stop();
    });
    if (m_session) {
        connect(m_session, &ExperimentSession::experimentLoaded, this, &ExperimentPanel::showExperiment);
        connect(m_session, &ExperimentSession::stateChanged, this, &ExperimentPanel::showState);
        connect(m_session, &ExperimentSession::finished, this, &ExperimentPanel::showOutcome);
        connect(m_session, &ExperimentSession::languageChanged, this, &ExperimentPanel::retranslate);
        connect(m_session, &ExperimentSession::problem, this, &ExperimentPanel::statusMessage);
    }
    retranslate();
}

void ExperimentPanel::setLanguage(const QString &languageCode)
{
    if (m_session)
        m_session->setLanguage(languageCode);
    retranslate();
}

void ExperimentPanel::setLanguageButtonsVisible(bool visible)
{
    m_englishButton->setVisible(visible);
    m_chineseButton->setVisible(visible);
}

void ExperimentPanel::retranslate()
{
    const QString language = m_session ? m_session->language() : QStringLiteral("en");
    m_englishButton->setChecked(language != QLatin1String("zh"));
    m_chineseButton->setChecked(language == QLatin1String("zh"));
    for (int row = 0; row < m_builtins.size(); ++row) {
        const Experiment &experiment = m_builtins.at(row);
        m_chooser->setItemText(
            row, QStringLiteral("%1. %2").arg(experiment.number).arg(experiment.title.forLanguage(language)));
    }
    showExperiment();
}

bool ExperimentPanel::loadBuiltin(int row)
{
    if (!m_session || row < 0 || row >= m_builtins.size())
        return false;
    QString error;
    if (!m_session->load(m_builtins.at(row), &error)) {
        QMessageBox::warning(this, tr("Cannot prepare the experiment"), error);
        return false;
    }
    m_chooser->setCurrentIndex(row);
    return true;
}

bool ExperimentPanel::loadFile(const QString &path)
{
    if (!m_session)
        return false;
    ExperimentError parseError;
    const std::optional<Experiment> experiment = loadExperimentFile(path, &parseError);
    if (!experiment) {
        // The place first: "line 3, column 14: ..." or "$.phases[0].workers[1].kind: ...".
        QMessageBox box(QMessageBox::Warning, tr("This experiment file has a fault"),
            tr("%1 cannot be opened as an experiment.").arg(QFileInfo(path).fileName()), QMessageBox::Ok,
            this);
        box.setInformativeText(parseError.toString());
        box.exec();
        Q_EMIT statusMessage(tr("%1: %2").arg(QFileInfo(path).fileName(), parseError.toString()));
        return false;
    }
    QString error;
    if (!m_session->load(*experiment, &error)) {
        QMessageBox::warning(this, tr("Cannot prepare the experiment"), error);
        return false;
    }
    m_chooser->setCurrentIndex(-1);
    return true;
}

void ExperimentPanel::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open an experiment"), QString(), tr("Experiments (*.json);;All files (*)"));
    if (!path.isEmpty())
        loadFile(path);
}

void ExperimentPanel::showExperiment()
{
    const Experiment *experiment = m_session ? m_session->experiment() : nullptr;
    if (!experiment) {
        m_title->setText(tr("Choose an experiment"));
        m_lesson->setText(tr("Each one makes a lesson about shared memory visible, live."));
        m_narrative->clear();
        m_narrative->hide();
        m_phases->clear();
        m_outcome->hide();
        showState();
        return;
    }
    const QString number
        = experiment->number > 0 ? QStringLiteral("%1. ").arg(experiment->number) : QString();
    m_title->setText(number + m_session->localized(experiment->title));
    m_lesson->setText(m_session->localized(experiment->lesson));
    m_lesson->setVisible(!m_lesson->text().isEmpty());
    m_narrative->setText(m_session->localized(experiment->narrative));
    m_narrative->setVisible(!m_narrative->text().isEmpty());
    showState();
    if (m_session->hasOutcome())
        showOutcome();
    else
        m_outcome->hide();
}

void ExperimentPanel::showState()
{
    const Experiment *experiment = m_session ? m_session->experiment() : nullptr;
    const bool running = m_session && m_session->isRunning();
    m_startButton->setEnabled(experiment && !running);
    m_stopButton->setEnabled(running);
    m_startButton->setText(
        m_session && m_session->hasStarted() && !running ? tr("▶  Run again") : tr("▶  Start"));
    m_stopButton->setText(tr("■  Stop"));
    if (!experiment) {
        m_phases->clear();
        m_stateLabel->clear();
        return;
    }
    const int current = running ? m_session->runner()->currentPhase() : -1;
    QStringList lines;
    for (int i = 0; i < experiment->phases.size(); ++i) {
        const ExperimentPhase &phase = experiment->phases.at(i);
        QString title = m_session->localized(phase.title);
        if (title.isEmpty())
            title = tr("Phase %1").arg(i + 1);
        const bool done = m_session->hasOutcome() || (running && i < current);
        const QString marker
            = i == current ? QStringLiteral("▶") : (done ? QStringLiteral("✓") : QStringLiteral("○"));
        const QString colour = i == current
            ? QStringLiteral("#ffd166")
            : (done ? QString::fromLatin1(kGood) : QString::fromLatin1(kMuted));
        QString line = QStringLiteral("<span style='color:%1'>%2</span>&nbsp; <b>%3</b>")
                           .arg(colour, marker, title.toHtmlEscaped());
        const QString narrative = m_session->localized(phase.narrative);
        if (!narrative.isEmpty() && (i == current || (!running && i == 0 && !m_session->hasStarted())))
            line += QStringLiteral("<br><span style='color:#aab1bd'>&nbsp;&nbsp;&nbsp;%1</span>")
                        .arg(narrative.toHtmlEscaped());
        lines << line;
    }
    m_phases->setText(tr("<span style='color:#9aa3b2'>Phases</span>") + QStringLiteral("<br>")
        + lines.join(QStringLiteral("<br>")));
    if (running)
        m_stateLabel->setText(tr("Running phase %1 of %2…").arg(current + 1).arg(experiment->phases.size()));
    else if (m_session->hasOutcome())
        m_stateLabel->setText(
            m_session->outcome().passed ? tr("Finished: as expected.") : tr("Finished: not as expected."));
    else
        m_stateLabel->setText(tr("Ready: the initial state is in shared memory."));
}

void ExperimentPanel::showOutcome()
{
    if (!m_session || !m_session->hasOutcome()) {
        m_outcome->hide();
        return;
    }
    const ExperimentOutcome &outcome = m_session->outcome();
    QStringList lines;
    lines << (outcome.passed
            ? tr("<b style='color:%1'>Outcome — as expected</b>").arg(QString::fromLatin1(kGood))
            : tr("<b style='color:%1'>Outcome — not as expected</b>").arg(QString::fromLatin1(kBad)));
    for (const ExpectationOutcome &expectation : outcome.expectations) {
        const QString mark = expectation.passed
            ? QStringLiteral("<span style='color:%1'>✓</span>").arg(QString::fromLatin1(kGood))
            : QStringLiteral("<span style='color:%1'>✗</span>").arg(QString::fromLatin1(kBad));
        lines << QStringLiteral("%1 %2").arg(mark, expectation.text.toHtmlEscaped());
    }
    for (const QString &problem : outcome.problems)
        lines << QStringLiteral("<span style='color:%1'>⚠ %2</span>")
                     .arg(QString::fromLatin1(kBad), problem.toHtmlEscaped());
    lines << QStringLiteral("<span style='color:%1; font-size:11pt'>%2</span>")
                 .arg(QString::fromLatin1(kMuted),
                     tr("%1 ms, %2 operations logged")
                         .arg(groupedNumber(double(outcome.elapsedMs)),
                             groupedNumber(double(outcome.operationsLogged))));
    m_outcome->setText(lines.join(QStringLiteral("<br>")));
    m_outcome->show();
    showState();
}

QString ExperimentPanel::outcomeText() const
{
    if (!m_session || !m_session->hasOutcome())
        return QString();
    QStringList lines;
    for (const ExpectationOutcome &expectation : m_session->outcome().expectations)
        lines << (expectation.passed ? QStringLiteral("✓ ") : QStringLiteral("✗ ")) + expectation.text;
    return lines.join(QLatin1Char('\n'));
}

} // namespace ShmScope
