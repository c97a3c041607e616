#include "typecodecombo.h"

#include "typecode.h"

#include <QHeaderView>
#include <QStandardItemModel>
#include <QTableView>

namespace ShmScope {

TypeCodeCombo::TypeCodeCombo(QWidget *parent)
    : QComboBox(parent)
{
    auto *model = new QStandardItemModel(0, ColumnCount, this);
    model->setHorizontalHeaderLabels({tr("Code"), tr("C type"), tr("Python"), tr("Seed minimum"), tr("Real size here")});
    const QVector<TypeCode> &codes = allTypeCodes();
    for (const TypeCode &type : codes) {
        QList<QStandardItem *> row;
        auto *code = new QStandardItem(QString(QLatin1Char(type.code)));
        code->setData(QString(QLatin1Char(type.code)), Qt::UserRole);
        QFont mono = code->font();
        mono.setFamily(QStringLiteral("monospace"));
        mono.setBold(true);
        code->setFont(mono);
        row << code << new QStandardItem(QString::fromLatin1(type.cType))
            << new QStandardItem(QString::fromLatin1(type.pythonType))
            << new QStandardItem(tr("%n byte(s)", nullptr, type.minimumSize))
            << new QStandardItem(tr("%n byte(s)", nullptr, type.size));
        if (type.size != type.minimumSize) {
            QFont bold = row.last()->font();
            bold.setBold(true);
            row.last()->setFont(bold);
            row.last()->setToolTip(tr("The seed's table says at least %1; on this machine it is %2.")
                                       .arg(type.minimumSize).arg(type.size));
        }
        for (QStandardItem *item : qAsConst(row)) {
            item->setEditable(false);
            if (item->toolTip().isEmpty())
                item->setToolTip(tr("'%1': %2 in C, %3 in Python, %4 byte(s) here")
                                     .arg(QLatin1Char(type.code)).arg(QString::fromLatin1(type.cType),
                                          QString::fromLatin1(type.pythonType)).arg(type.size));
        }
        model->appendRow(row);
    }

    auto *view = new QTableView(this);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setShowGrid(false);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    setModel(model);
    setView(view);
    setModelColumn(CodeColumn);
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    setToolTip(tr("Python type code: C type, Python type, the seed's minimum size and the real size here"));
    connect(this, &QComboBox::currentIndexChanged, this, [this] { Q_EMIT typeChanged(currentCode()); });
}

void TypeCodeCombo::showPopup()
{
    auto *table = static_cast<QTableView *>(view());
    table->resizeColumnsToContents();
    table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    int width = table->verticalHeader()->width() + 4;
    for (int column = 0; column < ColumnCount; ++column)
        width += table->columnWidth(column) + 8;
    table->setMinimumWidth(width);
    QComboBox::showPopup();
}

const TypeCode *TypeCodeCombo::currentType() const
{
    return findTypeCode(currentCode());
}

QChar TypeCodeCombo::currentCode() const
{
    const QString code = currentData(Qt::UserRole).toString();
    return code.isEmpty() ? QChar() : code.at(0);
}

bool TypeCodeCombo::setCurrentCode(QChar code)
{
    const int index = findData(QString(code), Qt::UserRole);
    if (index < 0)
        return false;
    setCurrentIndex(index);
    return true;
}

} // namespace ShmScope
