#include "layouteditor.h"

#include "typecodecombo.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace ShmScope {

namespace {

constexpr int kMaximumCount = 1 << 24; // a table row is edited by hand: 16 Mi elements is plenty

QTableWidgetItem *readOnlyItem(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

LayoutEditor::LayoutEditor(QWidget *parent)
    : QWidget(parent)
{
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("layoutTable"));
    m_table->setHorizontalHeaderLabels({tr("Field"), tr("Type"), tr("Value / Array"), tr("C type"), tr("Offset"), tr("Size")});
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    for (int column = CTypeColumn; column < ColumnCount; ++column)
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    // Cell widgets do not count for ResizeToContents: give the pickers room for their text.
    m_table->horizontalHeader()->setSectionResizeMode(TypeColumn, QHeaderView::Fixed);
    m_table->horizontalHeader()->setSectionResizeMode(CountColumn, QHeaderView::Fixed);
    m_table->setColumnWidth(TypeColumn, fontMetrics().horizontalAdvance(QStringLiteral("Type")) + 48);
    m_table->setColumnWidth(CountColumn, fontMetrics().horizontalAdvance(QStringLiteral("Array[16777216]")) + 32);
    m_table->horizontalHeaderItem(OffsetColumn)->setToolTip(tr("Byte offset, aligned like a ctypes Structure"));
    m_table->setMinimumHeight(150);
    connect(m_table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (!m_updating && item->column() == NameColumn) {
            readRowsFromTable();
            recompute(true);
        }
    });

    auto makeButton = [this](const QString &text, const QString &tip) {
        auto *button = new QToolButton(this);
        button->setText(text);
        button->setToolTip(tip);
        button->setAutoRaise(true);
        return button;
    };
    QToolButton *addButton = makeButton(tr("Add field"), tr("Add a field at the end"));
    addButton->setObjectName(QStringLiteral("addFieldButton"));
    m_removeButton = makeButton(tr("Remove"), tr("Remove the selected field"));
    m_upButton = makeButton(tr("Up"), tr("Move the selected field up"));
    m_downButton = makeButton(tr("Down"), tr("Move the selected field down"));
    connect(addButton, &QToolButton::clicked, this, [this] {
        addField(nextFieldName(), QLatin1Char('i'));
        m_table->selectRow(int(m_rows.size()) - 1);
        m_table->editItem(m_table->item(int(m_rows.size()) - 1, NameColumn));
    });
    connect(m_removeButton, &QToolButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row < 0 || row >= m_rows.size())
            return;
        m_rows.removeAt(row);
        rebuildTable();
        recompute(true);
    });
    connect(m_upButton, &QToolButton::clicked, this, [this] { moveCurrent(-1); });
    connect(m_downButton, &QToolButton::clicked, this, [this] { moveCurrent(+1); });
    connect(m_table, &QTableWidget::currentCellChanged, this, [this](int row) {
        m_removeButton->setEnabled(row >= 0);
        m_upButton->setEnabled(row > 0);
        m_downButton->setEnabled(row >= 0 && row + 1 < m_rows.size());
    });
    m_removeButton->setEnabled(false);
    m_upButton->setEnabled(false);
    m_downButton->setEnabled(false);

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(addButton);
    buttons->addWidget(m_removeButton);
    buttons->addWidget(m_upButton);
    buttons->addWidget(m_downButton);
    buttons->addStretch();
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("layoutSummary"));
    buttons->addWidget(m_summary);

    m_specEdit = new QLineEdit(this);
    m_specEdit->setObjectName(QStringLiteral("layoutSpec"));
    m_specEdit->setPlaceholderText(tr("counter:i; temps:d[3]; name:c[16]   (empty: raw bytes)"));
    m_specEdit->setToolTip(tr("The same layout as text, as shmscope-cli and the workers take it. "
                              "Edit either the table or the text."));
    m_specEdit->setClearButtonEnabled(true);
    QFont mono = m_specEdit->font();
    mono.setFamily(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_specEdit->setFont(mono);
    connect(m_specEdit, &QLineEdit::textEdited, this, &LayoutEditor::onSpecEdited);

    auto *specRow = new QHBoxLayout;
    specRow->setContentsMargins(0, 0, 0, 0);
    auto *specLabel = new QLabel(tr("As text:"), this);
    specLabel->setBuddy(m_specEdit);
    specRow->addWidget(specLabel);
    specRow->addWidget(m_specEdit, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    layout->addLayout(specRow);
    recompute(true);
}

QString LayoutEditor::spec() const
{
    return m_specEdit->text().trimmed();
}

QString LayoutEditor::nextFieldName() const
{
    for (int n = int(m_rows.size()) + 1;; ++n) {
        const QString name = QStringLiteral("field%1").arg(n);
        const bool taken = std::any_of(m_rows.cbegin(), m_rows.cend(), [&](const Row &row) { return row.name == name; });
        if (!taken)
            return name;
    }
}

void LayoutEditor::addField(const QString &name, QChar code, int arrayCount)
{
    m_rows.append(Row{name, code, arrayCount});
    insertRow(int(m_rows.size()) - 1, m_rows.constLast());
    recompute(true);
}

void LayoutEditor::moveCurrent(int delta)
{
    const int row = m_table->currentRow();
    const int target = row + delta;
    if (row < 0 || target < 0 || target >= m_rows.size())
        return;
    m_rows.swapItemsAt(row, target);
    rebuildTable();
    m_table->selectRow(target);
    recompute(true);
}

void LayoutEditor::setSpec(const QString &spec)
{
    m_specEdit->setText(spec);
    onSpecEdited(spec);
}

void LayoutEditor::insertRow(int row, const Row &data)
{
    const bool wasUpdating = m_updating;
    m_updating = true;
    m_table->insertRow(row);
    m_table->setItem(row, NameColumn, new QTableWidgetItem(data.name));

    auto *type = new TypeCodeCombo(m_table);
    type->setCurrentCode(data.code);
    type->setFrame(false);
    connect(type, &TypeCodeCombo::typeChanged, this, [this] {
        if (!m_updating) {
            readRowsFromTable();
            recompute(true);
        }
    });
    m_table->setCellWidget(row, TypeColumn, type);

    auto *count = new QSpinBox(m_table);
    count->setRange(0, kMaximumCount);
    count->setSpecialValueText(tr("Value"));
    count->setPrefix(tr("Array["));
    count->setSuffix(QStringLiteral("]"));
    count->setValue(data.arrayCount);
    count->setFrame(false);
    count->setToolTip(tr("Value: one element (Value('i')). Array[n]: n elements (Array('i', n)); "
                         "an Array is one-dimensional."));
    connect(count, qOverload<int>(&QSpinBox::valueChanged), this, [this] {
        if (!m_updating) {
            readRowsFromTable();
            recompute(true);
        }
    });
    m_table->setCellWidget(row, CountColumn, count);
    m_table->setItem(row, CTypeColumn, readOnlyItem(QString()));
    m_table->item(row, CTypeColumn)->setTextAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->setItem(row, OffsetColumn, readOnlyItem(QString()));
    m_table->setItem(row, SizeColumn, readOnlyItem(QString()));
    m_updating = wasUpdating;
}

void LayoutEditor::rebuildTable()
{
    const bool wasUpdating = m_updating;
    m_updating = true;
    m_table->setRowCount(0);
    for (int row = 0; row < m_rows.size(); ++row)
        insertRow(row, m_rows[row]);
    m_updating = wasUpdating;
}

void LayoutEditor::readRowsFromTable()
{
    for (int row = 0; row < m_rows.size() && row < m_table->rowCount(); ++row) {
        Row &data = m_rows[row];
        if (const QTableWidgetItem *name = m_table->item(row, NameColumn))
            data.name = name->text().trimmed();
        if (const auto *type = qobject_cast<TypeCodeCombo *>(m_table->cellWidget(row, TypeColumn)))
            data.code = type->currentCode();
        if (const auto *count = qobject_cast<QSpinBox *>(m_table->cellWidget(row, CountColumn)))
            data.arrayCount = count->value();
    }
}

QString LayoutEditor::specFromRows() const
{
    QStringList parts;
    for (const Row &row : m_rows) {
        QString part = row.name + QLatin1Char(':') + row.code;
        if (row.arrayCount > 0)
            part += QLatin1Char('[') + QString::number(row.arrayCount) + QLatin1Char(']');
        parts << part;
    }
    return parts.join(QStringLiteral("; "));
}

void LayoutEditor::onSpecEdited(const QString &text)
{
    LayoutError error;
    // No fields at all is a layout too: the segment is shown as raw bytes.
    const std::optional<Layout> parsed = text.trimmed().isEmpty() ? std::optional<Layout>(Layout())
                                                                  : Layout::parse(text, &error);
    if (parsed) {
        // The text is good: the table follows it.
        m_rows.clear();
        for (const LayoutField &field : parsed->fields())
            m_rows.append(Row{field.name, QLatin1Char(field.type->code), field.isArray ? field.count : 0});
        rebuildTable();
        recompute(false);
        return;
    }
    // A half-typed spec: keep the table as it was and say what is wrong where.
    m_layout = Layout();
    m_error = tr("text %1").arg(error.toString());
    m_summary->setText(tr("invalid"));
    Q_EMIT layoutChanged();
}

void LayoutEditor::recompute(bool updateSpec)
{
    m_error.clear();
    for (int row = 0; row < m_rows.size() && m_error.isEmpty(); ++row) {
        if (m_rows[row].name.isEmpty())
            m_error = tr("Field %1 has no name.").arg(row + 1);
    }
    const QString text = specFromRows();
    LayoutError error;
    std::optional<Layout> parsed;
    if (m_rows.isEmpty())
        parsed = Layout();
    else if (m_error.isEmpty())
        parsed = Layout::parse(text, &error);
    if (m_error.isEmpty() && !parsed) {
        // Name the field rather than a position in a text the user did not type.
        const int field = int(text.left(qMax(0, error.position)).count(QLatin1Char(';')));
        m_error = tr("Field %1 (%2): %3").arg(field + 1).arg(field < m_rows.size() ? m_rows[field].name : QString(), error.reason);
    }
    m_layout = parsed ? *parsed : Layout();

    const bool wasUpdating = m_updating;
    m_updating = true;
    if (updateSpec && m_specEdit->text() != text)
        m_specEdit->setText(text);
    for (int row = 0; row < m_rows.size() && row < m_table->rowCount(); ++row) {
        const TypeCode *type = findTypeCode(m_rows[row].code);
        const LayoutField *field = parsed && row < parsed->fields().size() ? &parsed->fields()[row] : nullptr;
        m_table->item(row, CTypeColumn)->setText(type ? QString::fromLatin1(type->cType) : QString());
        m_table->item(row, OffsetColumn)->setText(field ? QString::number(field->offset) : QStringLiteral("—"));
        m_table->item(row, SizeColumn)->setText(field ? QString::number(field->byteSize()) : QStringLiteral("—"));
    }
    m_updating = wasUpdating;

    if (!m_error.isEmpty())
        m_summary->setText(tr("invalid"));
    else if (m_rows.isEmpty())
        m_summary->setText(tr("no fields: raw bytes"));
    else
        m_summary->setText(tr("%n field(s), %1 bytes", nullptr, int(m_rows.size())).arg(m_layout.size()));
    Q_EMIT layoutChanged();
}

} // namespace ShmScope
