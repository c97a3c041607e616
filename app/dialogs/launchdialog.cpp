#include "launchdialog.h"

#include "layout.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace ShmScope {

namespace {

// What each worker kind takes (see `shmscope-worker KIND --help`). Options a kind lacks are hidden.
struct KindSpec {
    const char *kind;
    const char *help;
    bool segment;            // --segment + --layout
    bool segmentRequired;
    bool field;              // --field
    bool lock;               // --lock (optional)
    const char *object;      // --barrier / --event / --condition NAME, or nullptr
    const char *objectKind;  // which sync kind the picker offers
    const char *countOption; // --iterations / --items / --rounds / --repeat
    const char *countLabel;
    int countDefault;
    const char *timeOption;  // --delay-us / --after-ms / --hold-ms / --rate
    const char *timeLabel;
    int timeDefault;
    bool semaphores;         // --empty + --full (ring buffer)
    bool crash;              // --crash (holder)
};

const KindSpec kKinds[] = {
    {"counter", QT_TRANSLATE_NOOP("LaunchDialog", "Adds 1 to an integer field N times: LOAD, ADD, STORE. Without a lock two counters lose updates (seed 004)."),
     true, true, true, true, nullptr, nullptr, "iterations", QT_TRANSLATE_NOOP("LaunchDialog", "Increments:"), 100000,
     "delay-us", QT_TRANSLATE_NOOP("LaunchDialog", "Delay between LOAD and STORE (µs):"), 0, false, false},
    {"array", QT_TRANSLATE_NOOP("LaunchDialog", "Writes an array field element by element, at a rate."),
     true, true, true, true, nullptr, nullptr, "iterations", QT_TRANSLATE_NOOP("LaunchDialog", "Writes (0: until stopped):"), 0,
     "rate", QT_TRANSLATE_NOOP("LaunchDialog", "Writes per second (0: as fast as possible):"), 10, false, false},
    {"producer", QT_TRANSLATE_NOOP("LaunchDialog", "Puts N items into a ring buffer (layout head:i; tail:i; items:q[16]) guarded by two semaphores and a lock."),
     true, true, false, true, nullptr, nullptr, "items", QT_TRANSLATE_NOOP("LaunchDialog", "Items:"), 1000,
     "delay-us", QT_TRANSLATE_NOOP("LaunchDialog", "Pause after each item (µs):"), 0, true, false},
    {"consumer", QT_TRANSLATE_NOOP("LaunchDialog", "Takes N items from the ring buffer."),
     true, true, false, true, nullptr, nullptr, "items", QT_TRANSLATE_NOOP("LaunchDialog", "Items:"), 1000,
     "delay-us", QT_TRANSLATE_NOOP("LaunchDialog", "Pause after each item (µs):"), 0, true, false},
    {"barrier", QT_TRANSLATE_NOOP("LaunchDialog", "Waits at a Barrier for R rounds; optionally counts arrivals in a field."),
     true, false, true, false, "barrier", "Barrier", "rounds", QT_TRANSLATE_NOOP("LaunchDialog", "Rounds:"), 10,
     "delay-us", QT_TRANSLATE_NOOP("LaunchDialog", "Work before each arrival (µs):"), 100000, false, false},
    {"event-wait", QT_TRANSLATE_NOOP("LaunchDialog", "Waits until an Event is set."),
     false, false, false, false, "event", "Event", nullptr, nullptr, 0, nullptr, nullptr, 0, false, false},
    {"event-set", QT_TRANSLATE_NOOP("LaunchDialog", "Sets an Event, after a delay."),
     false, false, false, false, "event", "Event", nullptr, nullptr, 0,
     "after-ms", QT_TRANSLATE_NOOP("LaunchDialog", "Wait first (ms):"), 2000, false, false},
    {"condition-wait", QT_TRANSLATE_NOOP("LaunchDialog", "Waits on a Condition until an integer field is at least 1 (Python's wait_for)."),
     true, true, true, false, "condition", "Condition", nullptr, nullptr, 0, nullptr, nullptr, 0, false, false},
    {"condition-notify", QT_TRANSLATE_NOOP("LaunchDialog", "Sets an integer field under a Condition's lock and notifies every waiter."),
     true, true, true, false, "condition", "Condition", nullptr, nullptr, 0,
     "after-ms", QT_TRANSLATE_NOOP("LaunchDialog", "Wait first (ms):"), 2000, false, false},
    {"holder", QT_TRANSLATE_NOOP("LaunchDialog", "Holds a Lock for a time, N times; with --crash it dies holding it, and the next acquirer recovers it."),
     false, false, false, false, nullptr, nullptr, "repeat", QT_TRANSLATE_NOOP("LaunchDialog", "Times:"), 1,
     "hold-ms", QT_TRANSLATE_NOOP("LaunchDialog", "Hold for (ms):"), 3000, false, true},
};

const KindSpec *findKind(const QString &name)
{
    for (const KindSpec &spec : kKinds) {
        if (name == QLatin1String(spec.kind))
            return &spec;
    }
    return nullptr;
}

QComboBox *editableCombo(QWidget *parent, const QString &placeholder)
{
    auto *combo = new QComboBox(parent);
    combo->setEditable(true);
    combo->setInsertPolicy(QComboBox::NoInsert);
    combo->lineEdit()->setPlaceholderText(placeholder);
    combo->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    combo->setMinimumContentsLength(24);
    return combo;
}

void setRowVisible(QFormLayout *form, QWidget *field, bool visible)
{
    form->setRowVisible(field, visible);
}

QString quoted(const QString &word)
{
    if (!word.isEmpty() && !word.contains(QLatin1Char(' ')) && !word.contains(QLatin1Char('"')) && !word.contains(QLatin1Char(';')))
        return word;
    QString escaped = word;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

} // namespace

QString LaunchDialog::defaultWorkerProgram()
{
    const QString name = QStringLiteral("shmscope-worker");
    const QString binDir = qEnvironmentVariable("SHMSCOPE_BIN_DIR");
    if (!binDir.isEmpty() && QFileInfo(QDir(binDir).filePath(name)).isExecutable())
        return QDir(binDir).filePath(name);
    const QString beside = QDir(QCoreApplication::applicationDirPath()).filePath(name);
    if (QFileInfo(beside).isExecutable())
        return beside;
    return name; // PATH; a missing program is reported when it fails to start
}

LaunchDialog::LaunchDialog(QWidget *parent)
    : QDialog(parent)
    , m_workerProgram(defaultWorkerProgram())
{
    setWindowTitle(tr("Launch a process"));
    m_tabs = new QTabWidget(this);

    auto *workerPage = new QWidget(m_tabs);
    m_form = new QFormLayout(workerPage);
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_kind = new QComboBox(workerPage);
    m_kind->setObjectName(QStringLiteral("kindCombo"));
    for (const KindSpec &spec : kKinds)
        m_kind->addItem(QString::fromLatin1(spec.kind));
    m_kindHelp = new QLabel(workerPage);
    m_kindHelp->setWordWrap(true);
    m_kindHelp->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_kindHelp->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    m_segment = editableCombo(workerPage, tr("segment name"));
    m_segment->setObjectName(QStringLiteral("segmentCombo"));
    m_layout = new QLineEdit(workerPage);
    m_layout->setPlaceholderText(tr("counter:i; temps:d[4]"));
    m_field = editableCombo(workerPage, tr("field name"));
    m_field->setObjectName(QStringLiteral("fieldCombo"));
    m_lock = editableCombo(workerPage, tr("none: no lock"));
    m_lock->setObjectName(QStringLiteral("lockCombo"));
    m_object = editableCombo(workerPage, tr("sync object name"));
    m_emptySemaphore = editableCombo(workerPage, tr("Semaphore counting empty slots"));
    m_fullSemaphore = editableCombo(workerPage, tr("Semaphore counting full slots"));
    m_count = new QSpinBox(workerPage);
    m_count->setObjectName(QStringLiteral("countSpin"));
    m_count->setRange(0, 2000000000);
    m_count->setGroupSeparatorShown(true);
    m_time = new QSpinBox(workerPage);
    m_time->setRange(0, 100000000);
    m_time->setGroupSeparatorShown(true);
    m_step = new QCheckBox(tr("Step mode: stop before each LOAD, ADD, STORE, ACQUIRE… until released"), workerPage);
    m_crash = new QCheckBox(tr("Die by SIGKILL while holding the lock"), workerPage);
    m_copies = new QSpinBox(workerPage);
    m_copies->setObjectName(QStringLiteral("copiesSpin"));
    m_copies->setRange(1, 64);
    m_copies->setToolTip(tr("Start this many identical workers at once (two counters show the race)"));

    m_form->addRow(tr("&Kind:"), m_kind);
    m_form->addRow(QString(), m_kindHelp);
    m_form->addRow(tr("&Segment:"), m_segment);
    m_form->addRow(tr("La&yout:"), m_layout);
    m_form->addRow(tr("&Field:"), m_field);
    m_form->addRow(tr("&Lock:"), m_lock);
    m_form->addRow(tr("&Object:"), m_object);
    m_form->addRow(tr("Empty slots:"), m_emptySemaphore);
    m_form->addRow(tr("Full slots:"), m_fullSemaphore);
    m_form->addRow(tr("Count:"), m_count);
    m_form->addRow(tr("Time:"), m_time);
    m_form->addRow(QString(), m_step);
    m_form->addRow(QString(), m_crash);
    m_form->addRow(tr("&Copies:"), m_copies);
    m_tabs->addTab(workerPage, tr("&Worker"));

    auto *commandPage = new QWidget(m_tabs);
    auto *commandLayout = new QVBoxLayout(commandPage);
    m_commandLine = new QLineEdit(commandPage);
    m_commandLine->setObjectName(QStringLiteral("commandLineEdit"));
    m_commandLine->setPlaceholderText(tr("python3 script.py psm_1a2b3c4d"));
    auto *commandHelp = new QLabel(tr("Any program with its arguments. It is started directly, not through a shell: "
                                      "use double quotes for arguments with spaces; pipes, redirections and $VARIABLES "
                                      "are passed as plain text."), commandPage);
    commandHelp->setWordWrap(true);
    commandLayout->addWidget(m_commandLine);
    commandLayout->addWidget(commandHelp);
    commandLayout->addStretch();
    m_tabs->addTab(commandPage, tr("Any &command"));

    m_preview = new QPlainTextEdit(this);
    m_preview->setObjectName(QStringLiteral("commandPreview"));
    m_preview->setReadOnly(true);
    QFont mono = m_preview->font();
    mono.setFamily(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_preview->setFont(mono);
    m_preview->setMaximumHeight(fontMetrics().lineSpacing() * 4 + 12);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #D55E00;"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Launch"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(new QLabel(tr("Will run:"), this));
    layout->addWidget(m_preview);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &LaunchDialog::kindChanged);
    connect(m_segment, &QComboBox::currentTextChanged, this, &LaunchDialog::segmentChanged);
    for (QComboBox *combo : {m_field, m_lock, m_object, m_emptySemaphore, m_fullSemaphore})
        connect(combo, &QComboBox::currentTextChanged, this, &LaunchDialog::update);
    connect(m_layout, &QLineEdit::textChanged, this, &LaunchDialog::fieldsChanged);
    for (QSpinBox *spin : {m_count, m_time, m_copies})
        connect(spin, qOverload<int>(&QSpinBox::valueChanged), this, &LaunchDialog::update);
    for (QCheckBox *box : {m_step, m_crash})
        connect(box, &QCheckBox::toggled, this, &LaunchDialog::update);
    connect(m_commandLine, &QLineEdit::textChanged, this, &LaunchDialog::update);
    connect(m_tabs, &QTabWidget::currentChanged, this, &LaunchDialog::update);
    resize(620, 600);
    kindChanged();
}

void LaunchDialog::setWorkerProgram(const QString &program)
{
    m_workerProgram = program;
    update();
}

void LaunchDialog::setSegments(const QVector<LaunchSegment> &segments)
{
    m_segments = segments;
    const QString current = m_segment->currentText();
    const QSignalBlocker blocker(m_segment);
    m_segment->clear();
    for (const LaunchSegment &segment : segments)
        m_segment->addItem(segment.name);
    m_segment->setEditText(current.isEmpty() && !segments.isEmpty() ? segments.constFirst().name : current);
    segmentChanged();
}

void LaunchDialog::setSyncObjects(const QVector<QPair<QString, QString>> &kindAndName)
{
    m_syncObjects = kindAndName;
    kindChanged();
}

void LaunchDialog::setKind(const QString &kind)
{
    m_kind->setCurrentText(kind);
}

void LaunchDialog::setSegment(const QString &name)
{
    m_segment->setEditText(name);
    segmentChanged();
}

void LaunchDialog::setField(const QString &field)
{
    m_field->setEditText(field);
}

void LaunchDialog::setLock(const QString &lock)
{
    m_lock->setEditText(lock);
}

void LaunchDialog::setIterations(int iterations)
{
    m_count->setValue(iterations);
}

void LaunchDialog::setCommandLine(const QString &commandLine)
{
    m_tabs->setCurrentIndex(1);
    m_commandLine->setText(commandLine);
}

void LaunchDialog::kindChanged()
{
    const KindSpec *spec = findKind(m_kind->currentText());
    if (!spec)
        return;
    m_kindHelp->setText(tr(spec->help));
    setRowVisible(m_form, m_segment, spec->segment);
    setRowVisible(m_form, m_layout, spec->segment);
    setRowVisible(m_form, m_field, spec->field);
    setRowVisible(m_form, m_lock, spec->lock || spec->crash);
    setRowVisible(m_form, m_object, spec->object != nullptr);
    setRowVisible(m_form, m_emptySemaphore, spec->semaphores);
    setRowVisible(m_form, m_fullSemaphore, spec->semaphores);
    setRowVisible(m_form, m_count, spec->countOption != nullptr);
    setRowVisible(m_form, m_time, spec->timeOption != nullptr);
    setRowVisible(m_form, m_crash, spec->crash);
    if (spec->countOption) {
        qobject_cast<QLabel *>(m_form->labelForField(m_count))->setText(tr(spec->countLabel));
        m_count->setValue(spec->countDefault);
    }
    if (spec->timeOption) {
        qobject_cast<QLabel *>(m_form->labelForField(m_time))->setText(tr(spec->timeLabel));
        m_time->setValue(spec->timeDefault);
    }
    // Offer the sync objects of the kind each picker takes.
    auto fill = [this](QComboBox *combo, const QStringList &kinds) {
        const QString typed = combo->currentText();
        const QSignalBlocker blocker(combo);
        combo->clear();
        for (const auto &object : qAsConst(m_syncObjects)) {
            if (kinds.contains(object.first))
                combo->addItem(object.second);
        }
        combo->setEditText(typed);
    };
    fill(m_lock, {QStringLiteral("Lock"), QStringLiteral("RLock")});
    fill(m_object, {spec->objectKind ? QString::fromLatin1(spec->objectKind) : QString()});
    fill(m_emptySemaphore, {QStringLiteral("Semaphore"), QStringLiteral("BoundedSemaphore")});
    fill(m_fullSemaphore, {QStringLiteral("Semaphore"), QStringLiteral("BoundedSemaphore")});
    qobject_cast<QLabel *>(m_form->labelForField(m_lock))->setText(spec->crash ? tr("&Lock:") : tr("&Lock (optional):"));
    update();
}

void LaunchDialog::segmentChanged()
{
    // A segment this window knows brings its layout along; the user may still edit it.
    const QString name = m_segment->currentText().trimmed();
    for (const LaunchSegment &segment : qAsConst(m_segments)) {
        if (segment.name == name) {
            const QSignalBlocker blocker(m_layout);
            m_layout->setText(segment.layoutSpec);
        }
    }
    fieldsChanged();
}

void LaunchDialog::fieldsChanged()
{
    const QString typed = m_field->currentText();
    const QSignalBlocker blocker(m_field);
    m_field->clear();
    if (const std::optional<Layout> layout = Layout::parse(m_layout->text(), nullptr)) {
        for (const LayoutField &field : layout->fields())
            m_field->addItem(field.name);
    }
    const bool typedIsKnown = m_field->findText(typed) >= 0;
    m_field->setEditText(!typedIsKnown && m_field->count() > 0 ? m_field->itemText(0) : typed);
    update();
}

QStringList LaunchDialog::workerArguments() const
{
    const KindSpec *spec = findKind(m_kind->currentText());
    if (!spec)
        return {};
    QStringList arguments{QString::fromLatin1(spec->kind)};
    auto add = [&arguments](const char *option, const QString &value) {
        if (!value.isEmpty())
            arguments << QStringLiteral("--") + QLatin1String(option) << value;
    };
    if (spec->segment) {
        add("segment", m_segment->currentText().trimmed());
        add("layout", m_layout->text().trimmed());
    }
    if (spec->field)
        add("field", m_field->currentText().trimmed());
    if (spec->lock || spec->crash)
        add("lock", m_lock->currentText().trimmed());
    if (spec->object)
        add(spec->object, m_object->currentText().trimmed());
    if (spec->semaphores) {
        add("empty", m_emptySemaphore->currentText().trimmed());
        add("full", m_fullSemaphore->currentText().trimmed());
    }
    if (spec->countOption && m_count->value() > 0)
        add(spec->countOption, QString::number(m_count->value()));
    if (spec->timeOption && (m_time->value() > 0 || QLatin1String(spec->timeOption) == QLatin1String("rate")))
        add(spec->timeOption, QString::number(m_time->value()));
    if (m_step->isChecked())
        arguments << QStringLiteral("--step");
    if (spec->crash && m_crash->isChecked())
        arguments << QStringLiteral("--crash");
    // The worker checks this pid is alive after arming PR_SET_PDEATHSIG: no orphan even in the race.
    arguments << QStringLiteral("--parent-pid") << QString::number(QCoreApplication::applicationPid());
    return arguments;
}

QString LaunchDialog::validationMessage() const
{
    if (m_tabs->currentIndex() == 1)
        return QProcess::splitCommand(m_commandLine->text()).isEmpty() ? tr("Type a command line.") : QString();
    const KindSpec *spec = findKind(m_kind->currentText());
    if (!spec)
        return tr("Pick a worker kind.");
    QStringList problems;
    if (spec->segment && spec->segmentRequired && m_segment->currentText().trimmed().isEmpty())
        problems << tr("Segment: pick or type one (create it in the Segments panel first).");
    if (spec->segment && !m_segment->currentText().trimmed().isEmpty()) {
        LayoutError error;
        if (m_layout->text().trimmed().isEmpty())
            problems << tr("Layout: the worker needs the segment's layout to find its field.");
        else if (!Layout::parse(m_layout->text(), &error))
            problems << tr("Layout: %1").arg(error.toString());
    }
    if (spec->field && spec->segmentRequired && m_field->currentText().trimmed().isEmpty())
        problems << tr("Field: pick the field to work on.");
    if (spec->crash && m_lock->currentText().trimmed().isEmpty())
        problems << tr("Lock: the holder needs a Lock to hold (create one in the Sync panel).");
    if (spec->object && m_object->currentText().trimmed().isEmpty())
        problems << tr("Object: name the %1 to use.").arg(QString::fromLatin1(spec->objectKind));
    if (spec->semaphores && (m_emptySemaphore->currentText().trimmed().isEmpty() || m_fullSemaphore->currentText().trimmed().isEmpty()))
        problems << tr("Semaphores: the ring buffer needs one for empty and one for full slots.");
    return problems.join(QLatin1Char('\n'));
}

QVector<LaunchRequest> LaunchDialog::requests() const
{
    if (!validationMessage().isEmpty())
        return {};
    LaunchRequest request;
    if (m_tabs->currentIndex() == 1) {
        QStringList words = QProcess::splitCommand(m_commandLine->text());
        request.program = words.takeFirst();
        request.arguments = words;
        request.label = QFileInfo(request.program).fileName();
        return {request};
    }
    request.program = m_workerProgram;
    request.arguments = workerArguments();
    request.label = m_kind->currentText();
    return QVector<LaunchRequest>(m_copies->value(), request);
}

void LaunchDialog::update()
{
    const QString problem = validationMessage();
    m_message->setText(problem);
    m_message->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
    if (m_tabs->currentIndex() == 1) {
        const QStringList words = QProcess::splitCommand(m_commandLine->text());
        QStringList shown;
        for (const QString &word : words)
            shown << QStringLiteral("[%1]").arg(word);
        m_preview->setPlainText(words.isEmpty() ? QString() : tr("program %1, arguments %2").arg(shown.value(0), QStringList(shown.mid(1)).join(QLatin1Char(' '))));
        return;
    }
    QStringList words{quoted(m_workerProgram)};
    for (const QString &argument : workerArguments())
        words << quoted(argument);
    QString text = words.join(QLatin1Char(' '));
    if (m_copies->value() > 1)
        text = tr("%1 × %2").arg(m_copies->value()).arg(text);
    m_preview->setPlainText(text);
}

} // namespace ShmScope
