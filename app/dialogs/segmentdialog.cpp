#include "segmentdialog.h"

#include "layouteditor.h"
#include "shmname.h"
#include "workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <limits>

namespace ShmScope {

namespace {

// Okabe–Ito vermillion: readable on light and dark backgrounds, and distinct for colour-blind eyes.
const QString kErrorColour = QStringLiteral("#D55E00");

} // namespace

SegmentDialog::SegmentDialog(Mode mode, Workspace *workspace, QWidget *parent)
    : QDialog(parent)
    , m_mode(mode)
    , m_workspace(workspace)
{
    setWindowTitle(mode == Mode::Create ? tr("New shared-memory segment") : tr("Attach to a segment"));
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    if (mode == Mode::Create) {
        m_nameEdit = new QLineEdit(this);
        m_nameEdit->setPlaceholderText(tr("e.g. demo (a leading / is optional)"));
        form->addRow(tr("&Name:"), m_nameEdit);

        m_sizeSpin = new QSpinBox(this);
        m_sizeSpin->setObjectName(QStringLiteral("sizeSpin"));
        m_sizeSpin->setRange(0, std::numeric_limits<int>::max());
        m_sizeSpin->setSuffix(tr(" bytes"));
        m_sizeSpin->setGroupSeparatorShown(true);
        m_sizeSpin->setValue(4096);
        m_sizeFromLayout = new QCheckBox(tr("from the layout"), this);
        m_sizeFromLayout->setObjectName(QStringLiteral("sizeFromLayout"));
        m_sizeFromLayout->setToolTip(tr("Exactly the layout's size, padded like a ctypes Structure"));
        auto *sizeRow = new QHBoxLayout;
        sizeRow->addWidget(m_sizeSpin, 1);
        sizeRow->addWidget(m_sizeFromLayout);
        auto *sizeLabel = new QLabel(tr("&Size:"), this);
        sizeLabel->setBuddy(m_sizeSpin);
        form->addRow(sizeLabel, sizeRow);
        connect(m_sizeSpin, qOverload<int>(&QSpinBox::valueChanged), this, &SegmentDialog::validate);
        connect(m_sizeFromLayout, &QCheckBox::toggled, this, [this](bool fromLayout) {
            m_sizeSpin->setEnabled(!fromLayout);
            validate();
        });
    } else {
        m_nameCombo = new QComboBox(this);
        m_nameCombo->setEditable(true);
        m_nameCombo->setInsertPolicy(QComboBox::NoInsert);
        m_nameEdit = m_nameCombo->lineEdit();
        m_nameEdit->setPlaceholderText(tr("a name in /dev/shm, e.g. psm_1a2b3c4d"));
        form->addRow(tr("&Name:"), m_nameCombo);
        m_sizeInfo = new QLabel(this);
        m_sizeInfo->setObjectName(QStringLiteral("sizeInfo"));
        form->addRow(tr("Size:"), m_sizeInfo);
        m_readOnly = new QCheckBox(tr("Read-only (watch without being able to write)"), this);
        form->addRow(QString(), m_readOnly);
        connect(m_nameCombo, &QComboBox::currentTextChanged, this, &SegmentDialog::validate);
    }
    m_nameEdit->setObjectName(QStringLiteral("nameEdit"));
    m_nameEdit->setToolTip(tr("POSIX shm name: not empty, no '/' inside, at most 255 bytes"));
    connect(m_nameEdit, &QLineEdit::textChanged, this, &SegmentDialog::validate);

    auto *layoutBox = new QGroupBox(mode == Mode::Create ? tr("Layout") : tr("Layout (how to read the bytes; optional)"), this);
    m_layoutEditor = new LayoutEditor(layoutBox);
    auto *boxLayout = new QVBoxLayout(layoutBox);
    boxLayout->addWidget(m_layoutEditor);
    connect(m_layoutEditor, &LayoutEditor::layoutChanged, this, [this] {
        if (m_sizeFromLayout && !m_layoutEditor->layout().isEmpty() && m_sizeFromLayout->isChecked())
            m_sizeSpin->setValue(int(qMin<qint64>(m_layoutEditor->layout().size(), std::numeric_limits<int>::max())));
        validate();
    });

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setMinimumHeight(fontMetrics().lineSpacing() * 2);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(mode == Mode::Create ? tr("Create") : tr("Attach"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SegmentDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SegmentDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(layoutBox, 1);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    resize(640, 520);

    if (mode == Mode::Create) {
        m_layoutEditor->setSpec(QStringLiteral("counter:i; temps:d[4]"));
        m_sizeFromLayout->setChecked(true);
    }
    validate();
}

QString SegmentDialog::name() const
{
    return m_nameEdit->text().trimmed();
}

void SegmentDialog::setName(const QString &name)
{
    if (m_nameCombo)
        m_nameCombo->setEditText(name);
    else
        m_nameEdit->setText(name);
}

void SegmentDialog::setSpec(const QString &spec)
{
    m_layoutEditor->setSpec(spec);
}

void SegmentDialog::setKnownSegments(const QStringList &names, const QVector<qint64> &sizes)
{
    m_knownNames = names;
    m_knownSizes = sizes;
    if (m_nameCombo) {
        const QString typed = m_nameEdit->text();
        m_nameCombo->clear();
        m_nameCombo->addItems(names);
        m_nameCombo->setEditText(typed);
    }
    validate();
}

qint64 SegmentDialog::sizeOfExisting(const QString &normalizedName) const
{
    const int known = int(m_knownNames.indexOf(normalizedName));
    if (known >= 0 && known < m_knownSizes.size())
        return m_knownSizes[known];
    const QFileInfo file(m_shmDirectory + QLatin1Char('/') + normalizedName);
    return file.exists() ? file.size() : -1;
}

void SegmentDialog::validate()
{
    if (!m_message)
        return;
    m_systemError.clear();
    const QString problem = validationMessage();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());

    QString note;
    const QString normalized = normalizedShmName(name());
    if (m_mode == Mode::Attach && m_sizeInfo) {
        const qint64 size = normalized.isEmpty() ? -1 : sizeOfExisting(normalized);
        m_sizeInfo->setText(size >= 0 ? tr("%1 bytes").arg(size) : QStringLiteral("—"));
        const Layout layout = m_layoutEditor->layout();
        if (size >= 0 && layout.size() > size)
            note = tr("Fields past byte %1 lie beyond the end of the segment: they will be reported, not read.").arg(size);
    }
    if (m_mode == Mode::Create && problem.isEmpty()) {
        const qint64 size = m_sizeFromLayout->isChecked() ? m_layoutEditor->layout().size() : m_sizeSpin->value();
        note = tr("Creates /dev/shm/%1: %2 bytes, mode 0600, all zero.").arg(normalized).arg(size);
    }
    if (!problem.isEmpty()) {
        m_message->setStyleSheet(QStringLiteral("color: %1;").arg(kErrorColour));
        m_message->setText(problem);
    } else {
        m_message->setStyleSheet(QString());
        m_message->setText(note);
    }
}

QString SegmentDialog::validationMessage() const
{
    QStringList problems;
    if (!m_systemError.isEmpty())
        problems << m_systemError;
    QString nameError;
    const QString normalized = normalizedShmName(name(), &nameError);
    if (name().isEmpty())
        problems << tr("Name: enter a name.");
    else if (normalized.isEmpty())
        problems << tr("Name: %1").arg(nameError);
    else if (m_mode == Mode::Create && sizeOfExisting(normalized) >= 0)
        problems << tr("Name: /dev/shm/%1 already exists (Python: FileExistsError). Attach to it instead, or pick another name.")
                        .arg(normalized);
    else if (m_mode == Mode::Attach && sizeOfExisting(normalized) < 0)
        problems << tr("Name: there is no segment named %1 (Python: FileNotFoundError).").arg(normalized);

    if (!m_layoutEditor->isValid())
        problems << tr("Layout: %1").arg(m_layoutEditor->errorText());

    if (m_mode == Mode::Create) {
        const Layout layout = m_layoutEditor->layout();
        if (m_sizeFromLayout->isChecked() && layout.isEmpty() && m_layoutEditor->isValid())
            problems << tr("Size: the layout has no fields; untick \"from the layout\" and give a size.");
        else if (!m_sizeFromLayout->isChecked() && m_sizeSpin->value() <= 0)
            problems << tr("Size: must be a positive number different from zero (Python: ValueError).");
        else if (!m_sizeFromLayout->isChecked() && m_sizeSpin->value() < layout.size())
            problems << tr("Size: the layout needs %1 bytes, more than %2.").arg(layout.size()).arg(m_sizeSpin->value());
    }
    return problems.join(QLatin1Char('\n'));
}

bool SegmentDialog::isInputValid() const
{
    return validationMessage().isEmpty();
}

void SegmentDialog::accept()
{
    if (!isInputValid())
        return;
    QString error;
    const QString normalized = normalizedShmName(name());
    const Layout layout = m_layoutEditor->layout();
    if (m_mode == Mode::Create) {
        const qint64 size = m_sizeFromLayout->isChecked() ? 0 : m_sizeSpin->value();
        m_handleId = m_workspace->createSegment(normalized, size, layout, &error);
    } else {
        m_handleId = m_workspace->attachSegment(normalized, layout, m_readOnly->isChecked(), &error);
    }
    if (m_handleId == 0) {
        // Only the system could tell (a race for the name, no room, permissions): say it, stay open.
        validate();
        m_systemError = error;
        m_message->setStyleSheet(QStringLiteral("color: %1;").arg(kErrorColour));
        m_message->setText(error);
        return;
    }
    if (m_mode == Mode::Create)
        Q_EMIT segmentCreated(m_handleId);
    else
        Q_EMIT segmentAttached(m_handleId);
    QDialog::accept();
}

} // namespace ShmScope
