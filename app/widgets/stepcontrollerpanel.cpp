#include "stepcontrollerpanel.h"

#include "experimentsession.h"
#include "okabeito.h"
#include "predictionscore.h"

#include <QBoxLayout>
#include <QFontDatabase>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSlider>

namespace ShmScope {

namespace {

const QColor kAccent(0x3d, 0x8b, 0xfd);
const QColor kGood(0x3f, 0xb9, 0x50);
const QColor kBad(0xf8, 0x51, 0x49);
const QColor kMuted(0x86, 0x8e, 0x9c);
const QColor kCardBackground(0x1b, 0x1e, 0x24);

QFont monospace(int pointSize)
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setPointSize(pointSize);
    return font;
}

QString stateColour(StepState state)
{
    switch (state) {
    case StepState::Waiting:
        return kAccent.name();
    case StepState::Exited:
        return kGood.name();
    case StepState::Gone:
        return kBad.name();
    default:
        return kMuted.name();
    }
}

} // namespace

// A worker's tiny program, one instruction a line, the one it waits before marked ▶ and lit;
// the ones before it in this round are dimmed, as done.
class ProgramView : public QWidget {
public:
    explicit ProgramView(QWidget *parent)
        : QWidget(parent)
    {
        setFont(monospace(15));
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    }
    void setProgram(const QStringList &lines, int next, bool finished)
    {
        if (lines == m_lines && next == m_next && finished == m_finished)
            return;
        m_lines = lines;
        m_next = next;
        m_finished = finished;
        updateGeometry();
        update();
    }
    QSize sizeHint() const override
    {
        const QFontMetrics metrics(font());
        int width = 0;
        for (const QString &line : m_lines)
            width = qMax(width, metrics.horizontalAdvance(line));
        return QSize(width + metrics.height() * 2 + 16, lineHeight() * qMax<int>(1, int(m_lines.size())) + 8);
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        const QFontMetrics metrics(font());
        const int height = lineHeight();
        for (int i = 0; i < m_lines.size(); ++i) {
            const QRect row(0, 4 + i * height, width(), height);
            const bool isNext = i == m_next;
            const bool done = m_finished || (m_next >= 0 && i < m_next);
            if (isNext) {
                painter.setPen(Qt::NoPen);
                QColor fill = kAccent;
                fill.setAlpha(70);
                painter.setBrush(fill);
                painter.drawRoundedRect(row.adjusted(0, 1, 0, -1), 5, 5);
                painter.setBrush(kAccent);
                painter.drawRoundedRect(QRect(row.left(), row.top() + 1, 4, row.height() - 2), 2, 2);
            }
            painter.setPen(isNext ? QColor(Qt::white) : (done ? kMuted : palette().color(QPalette::Text)));
            const QRect marker(row.left() + 8, row.top(), metrics.height(), row.height());
            if (isNext)
                painter.drawText(marker, Qt::AlignVCenter | Qt::AlignLeft, QStringLiteral("▶"));
            QFont lineFont = font();
            lineFont.setBold(isNext);
            painter.setFont(lineFont);
            painter.drawText(row.adjusted(8 + metrics.height() + 4, 0, 0, 0),
                Qt::AlignVCenter | Qt::AlignLeft, m_lines.at(i));
            painter.setFont(font());
        }
    }

private:
    int lineHeight() const { return QFontMetrics(font()).height() + 10; }
    QStringList m_lines;
    int m_next = -1;
    bool m_finished = false;
};

StepControllerPanel::StepControllerPanel(ExperimentSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setFocusPolicy(Qt::StrongFocus); // a click on the panel gives the keys 1..9 and Space to it
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 10, 10, 10);
    layout->setSpacing(10);

    // The predict box.
    m_predictBox = new QFrame(this);
    m_predictBox->setObjectName(QStringLiteral("predictBox"));
    m_predictBox->setStyleSheet(QStringLiteral(
        "#predictBox { background: #262b35; border: 1px solid #3a4150; border-radius: 8px; }"));
    auto *predictLayout = new QVBoxLayout(m_predictBox);
    predictLayout->setContentsMargins(12, 10, 12, 10);
    m_predictQuestion = new QLabel(m_predictBox);
    m_predictQuestion->setWordWrap(true);
    QFont questionFont = m_predictQuestion->font();
    questionFont.setPointSize(13);
    m_predictQuestion->setFont(questionFont);
    auto *answerRow = new QHBoxLayout;
    auto *predictLabel = new QLabel(tr("Your prediction:"), m_predictBox);
    predictLabel->setFont(questionFont);
    m_predictEdit = new QLineEdit(m_predictBox);
    m_predictEdit->setFont(monospace(15));
    m_predictEdit->setPlaceholderText(tr("a number"));
    m_predictEdit->setMaximumWidth(180);
    m_predictButton = new QPushButton(tr("Lock in"), m_predictBox);
    m_scoreLabel = new QLabel(m_predictBox);
    QFont scoreFont = questionFont;
    scoreFont.setPointSize(15);
    scoreFont.setBold(true);
    m_scoreLabel->setFont(scoreFont);
    answerRow->addWidget(predictLabel);
    answerRow->addWidget(m_predictEdit);
    answerRow->addWidget(m_predictButton);
    answerRow->addSpacing(12);
    answerRow->addWidget(m_scoreLabel, 1);
    predictLayout->addWidget(m_predictQuestion);
    predictLayout->addLayout(answerRow);
    layout->addWidget(m_predictBox);
    connect(m_predictButton, &QPushButton::clicked, this, &StepControllerPanel::lockInPrediction);
    connect(m_predictEdit, &QLineEdit::returnPressed, this, &StepControllerPanel::lockInPrediction);

    // The cards, side by side (scrolls when a class steps many workers).
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_cardArea = new QWidget(scroll);
    m_cardLayout = new QHBoxLayout(m_cardArea);
    m_cardLayout->setContentsMargins(0, 0, 0, 0);
    m_cardLayout->setSpacing(12);
    m_emptyLabel = new QLabel(m_cardArea);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setStyleSheet(QStringLiteral("color: #868e9c; font-size: 14pt;"));
    m_cardLayout->addWidget(m_emptyLabel, 1);
    scroll->setWidget(m_cardArea);
    layout->addWidget(scroll, 1);

    // The controls.
    auto *controls = new QHBoxLayout;
    m_roundRobinButton = new QPushButton(tr("Step all (round robin)   [Space]"), this);
    m_runButton = new QPushButton(tr("▶  Run"), this);
    m_runButton->setCheckable(true);
    m_speedSlider = new QSlider(Qt::Horizontal, this);
    m_speedSlider->setRange(1, 20);
    m_speedSlider->setValue(2);
    m_speedSlider->setMaximumWidth(200);
    m_speedSlider->setToolTip(tr("Steps per second while running"));
    m_speedLabel = new QLabel(this);
    m_speedLabel->setMinimumWidth(90);
    m_resetButton = new QPushButton(tr("⟲  Reset"), this);
    m_resetButton->setToolTip(tr("Kill the workers and recreate the initial state"));
    auto *speedCaption = new QLabel(tr("Speed"), this);
    for (QWidget *label : { static_cast<QWidget *>(speedCaption), static_cast<QWidget *>(m_speedLabel) }) {
        QFont font = label->font();
        font.setPointSize(12);
        label->setFont(font);
    }
    for (QPushButton *button : { m_roundRobinButton, m_runButton, m_resetButton, m_predictButton }) {
        QFont font = button->font();
        font.setPointSize(12);
        button->setFont(font);
        button->setMinimumHeight(34);
        button->setFocusPolicy(Qt::NoFocus); // Space belongs to "step all", not to the focused button
    }
    controls->addWidget(m_roundRobinButton);
    controls->addSpacing(12);
    controls->addWidget(m_runButton);
    controls->addWidget(speedCaption);
    controls->addWidget(m_speedSlider);
    controls->addWidget(m_speedLabel);
    controls->addStretch(1);
    controls->addWidget(m_resetButton);
    layout->addLayout(controls);

    connect(m_roundRobinButton, &QPushButton::clicked, this, &StepControllerPanel::stepRoundRobin);
    connect(m_runButton, &QPushButton::toggled, this, &StepControllerPanel::setRunning);
    connect(m_speedSlider, &QSlider::valueChanged, this, [this] {
        updateControls();
        if (m_autoRunning)
            setRunning(true); // the new speed at once
    });
    connect(m_resetButton, &QPushButton::clicked, this, &StepControllerPanel::reset);

    auto *space = new QShortcut(QKeySequence(Qt::Key_Space), this, this, [this] { stepRoundRobin(); });
    space->setContext(Qt::WidgetWithChildrenShortcut);
    for (int k = 0; k < 9; ++k) {
        auto *shortcut = new QShortcut(QKeySequence(Qt::Key_1 + k), this, this, [this, k] { stepRow(k); });
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    }

    if (m_session) {
        SteppingModel *model = m_session->steppingModel();
        connect(model, &QAbstractItemModel::modelReset, this, &StepControllerPanel::rebuildCards);
        connect(model, &QAbstractItemModel::dataChanged, this, &StepControllerPanel::refreshCards);
        connect(m_session, &ExperimentSession::experimentLoaded, this, [this] {
            setRunning(false);
            m_predictEdit->clear();
            updatePredictBox();
        });
        connect(m_session, &ExperimentSession::stateChanged, this, &StepControllerPanel::updateControls);
        connect(m_session, &ExperimentSession::languageChanged, this, &StepControllerPanel::updatePredictBox);
        connect(m_session, &ExperimentSession::finished, this, [this] {
            setRunning(false);
            showScore();
        });
    }
    rebuildCards();
    updatePredictBox();
}

QPushButton *StepControllerPanel::stepButton(int row) const
{
    return row >= 0 && row < m_cards.size() ? m_cards.at(row).step : nullptr;
}

void StepControllerPanel::rebuildCards()
{
    for (const Card &card : std::as_const(m_cards))
        delete card.frame;
    m_cards.clear();
    const QVector<SteppingWorker> workers
        = m_session ? m_session->steppingModel()->workers() : QVector<SteppingWorker>();
    for (int row = 0; row < workers.size(); ++row) {
        Card card;
        card.frame = new QFrame(m_cardArea);
        card.frame->setObjectName(QStringLiteral("workerCard"));
        // Worker i's Okabe-Ito colour down the card's side, as on its timeline lane (colour-blind safe).
        card.frame->setStyleSheet(QStringLiteral("#workerCard { background: %1; border: 1px solid #323846;"
                                                 " border-left: 6px solid %2; border-radius: 10px; }")
                                      .arg(kCardBackground.name(), OkabeIto::workerColor(row).name()));
        card.frame->setMinimumWidth(260);
        auto *cardLayout = new QVBoxLayout(card.frame);
        cardLayout->setContentsMargins(14, 12, 14, 12);
        cardLayout->setSpacing(8);
        auto *header = new QHBoxLayout;
        card.title = new QLabel(card.frame);
        QFont titleFont = card.title->font();
        titleFont.setPointSize(18);
        titleFont.setBold(true);
        card.title->setFont(titleFont);
        card.state = new QLabel(card.frame);
        card.state->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        header->addWidget(card.title);
        header->addStretch(1);
        header->addWidget(card.state);
        card.program = new ProgramView(card.frame);
        card.registerLabel = new QLabel(card.frame);
        card.registerLabel->setFont(monospace(17));
        card.registerLabel->setStyleSheet(
            QStringLiteral("background: #262b35; border-radius: 6px; padding: 6px 10px;"));
        card.step = new QPushButton(card.frame);
        QFont stepFont = card.step->font();
        stepFont.setPointSize(13);
        stepFont.setBold(true);
        card.step->setFont(stepFont);
        card.step->setMinimumHeight(38);
        card.step->setFocusPolicy(Qt::NoFocus);
        connect(card.step, &QPushButton::clicked, this, [this, row] { stepRow(row); });
        cardLayout->addLayout(header);
        cardLayout->addWidget(card.program);
        cardLayout->addWidget(card.registerLabel);
        cardLayout->addStretch(1);
        cardLayout->addWidget(card.step);
        m_cardLayout->insertWidget(m_cardLayout->count() - 1, card.frame);
        m_cards << card;
    }
    refreshCards();
}

void StepControllerPanel::refreshCards()
{
    const QVector<SteppingWorker> workers
        = m_session ? m_session->steppingModel()->workers() : QVector<SteppingWorker>();
    if (workers.size() != m_cards.size()) {
        rebuildCards();
        return;
    }
    for (int row = 0; row < workers.size(); ++row) {
        const SteppingWorker &worker = workers.at(row);
        const Card &card = m_cards.at(row);
        card.title->setText(worker.pid > 0
                ? tr("%1 <span style='font-size:11pt; color:#868e9c; font-weight:normal'>pid %2</span>")
                      .arg(worker.label.toHtmlEscaped())
                      .arg(worker.pid)
                : worker.label.toHtmlEscaped());
        card.state->setText(QStringLiteral("<span style='color:%1; font-size:12pt'>● %2</span>")
                                .arg(stateColour(worker.state), SteppingModel::stateText(worker)));
        card.program->setProgram(worker.programText, worker.nextStep, worker.state == StepState::Exited);
        card.registerLabel->setText(worker.registerName.isEmpty()
                ? tr("private r = <span style='color:#868e9c'>?</span>")
                : tr("private %1 = <b>%2</b>").arg(worker.registerName).arg(worker.registerValue));
        card.step->setText(
            row < 9 ? tr("Step %1   [%2]").arg(worker.label).arg(row + 1) : tr("Step %1").arg(worker.label));
        card.step->setEnabled(worker.canStep()
            || (worker.state == StepState::NotStarted && m_session && !m_session->hasStarted()
                && worker.phase == 0));
    }
    updateControls();
}

void StepControllerPanel::updateControls()
{
    const bool hasWorkers = !m_cards.isEmpty();
    const bool finished = m_session && m_session->hasOutcome();
    m_roundRobinButton->setEnabled(hasWorkers && !finished);
    m_runButton->setEnabled(hasWorkers && !finished);
    m_resetButton->setEnabled(m_session && m_session->hasExperiment());
    m_speedLabel->setText(tr("%n step(s)/s", nullptr, m_speedSlider->value()));
    if (!hasWorkers) {
        m_emptyLabel->setText(m_session && m_session->hasExperiment()
                ? tr("This experiment runs without stepping.\nStart it in the Experiment panel.")
                : tr("Open an experiment with stepping workers\n(e.g. 4: the lost update)."));
        m_emptyLabel->show();
    } else {
        m_emptyLabel->hide();
    }
}

void StepControllerPanel::updatePredictBox()
{
    const Experiment *experiment = m_session ? m_session->experiment() : nullptr;
    const QString question = experiment ? m_session->localized(experiment->prediction) : QString();
    m_predictBox->setVisible(!question.isEmpty());
    m_predictQuestion->setText(tr("<b>Predict.</b> %1").arg(question.toHtmlEscaped()));
    const bool open = m_session && !m_session->hasStarted();
    m_predictEdit->setEnabled(open);
    m_predictButton->setEnabled(open);
    if (m_session && m_session->hasOutcome())
        showScore();
    else
        m_scoreLabel->setText(m_session && !m_session->prediction().isEmpty()
                ? tr("<span style='color:#868e9c'>locked in — now run it</span>")
                : QString());
}

void StepControllerPanel::lockInPrediction()
{
    if (!m_session)
        return;
    if (!parsePrediction(m_predictEdit->text())) {
        m_scoreLabel->setText(tr("<span style='color:%1'>Please write a number.</span>").arg(kBad.name()));
        return;
    }
    m_session->setPrediction(m_predictEdit->text());
    updatePredictBox();
}

void StepControllerPanel::showScore()
{
    if (!m_session || !m_session->hasOutcome())
        return;
    const PredictionScore score = scorePrediction(m_session->prediction(), m_session->outcome());
    if (!score.scored) {
        m_scoreLabel->setText(
            QStringLiteral("<span style='color:#868e9c'>%1</span>").arg(score.text.toHtmlEscaped()));
        return;
    }
    m_scoreLabel->setText(
        QStringLiteral("<span style='color:%1'>%2 %3</span>")
            .arg(score.exact ? kGood.name() : kBad.name(),
                score.exact ? QStringLiteral("✓") : QStringLiteral("✗"), score.text.toHtmlEscaped()));
}

QString StepControllerPanel::scoreText() const
{
    return m_scoreLabel->text();
}

bool StepControllerPanel::ensureStarted()
{
    if (!m_session || !m_session->hasExperiment())
        return false;
    if (!m_session->hasStarted()) {
        if (m_session->prediction().isEmpty() && parsePrediction(m_predictEdit->text()))
            m_session->setPrediction(m_predictEdit->text()); // typed but not locked in: it counts
        m_session->start();
        updatePredictBox();
    }
    return m_session->isRunning();
}

bool StepControllerPanel::stepRow(int row)
{
    if (!ensureStarted() || row < 0 || row >= m_session->steppingModel()->workers().size())
        return false;
    const int workerIndex = m_session->steppingModel()->workers().at(row).workerIndex;
    QString error;
    if (!m_session->runner()->stepWorker(workerIndex, &error)) {
        if (!error.isEmpty())
            Q_EMIT statusMessage(error);
        return false;
    }
    return true;
}

bool StepControllerPanel::stepRoundRobin()
{
    if (!ensureStarted())
        return false;
    QString error;
    if (!m_session->runner()->stepRoundRobin(&error)) {
        Q_EMIT statusMessage(error.isEmpty() ? tr("No worker is waiting for a step.") : error);
        return false;
    }
    return true;
}

int StepControllerPanel::stepsPerSecond() const
{
    return m_speedSlider->value();
}

void StepControllerPanel::setStepsPerSecond(int steps)
{
    m_speedSlider->setValue(steps);
}

void StepControllerPanel::setRunning(bool running)
{
    if (running && !ensureStarted())
        running = false;
    m_autoRunning = running;
    if (m_session && m_session->runner())
        m_session->runner()->setAutoStepInterval(running ? 1000 / qMax(1, m_speedSlider->value()) : 0);
    const QSignalBlocker blocker(m_runButton);
    m_runButton->setChecked(running);
    m_runButton->setText(running ? tr("⏸  Pause") : tr("▶  Run"));
}

void StepControllerPanel::reset()
{
    if (!m_session)
        return;
    setRunning(false);
    QString error;
    if (!m_session->reset(&error))
        Q_EMIT statusMessage(tr("Reset failed: %1").arg(error));
    m_session->setPrediction(QString());
    m_predictEdit->clear();
    updatePredictBox();
}

} // namespace ShmScope
