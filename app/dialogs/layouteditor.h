#pragma once

#include "layout.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QTableWidget;
class QToolButton;

namespace ShmScope {

// Edits a layout two ways that stay in sync: a table of fields (name, type code picked from the
// seed's table, Value or Array[n], with the offset and size computed live under ctypes alignment)
// and the text spec ("counter:i; temps:d[3]") that the CLI and workers take.
class LayoutEditor : public QWidget {
    Q_OBJECT
public:
    enum Column { NameColumn, TypeColumn, CountColumn, CTypeColumn, OffsetColumn, SizeColumn, ColumnCount };

    explicit LayoutEditor(QWidget *parent = nullptr);

    // The layout, valid only when errorText() is empty. An empty layout is valid (raw bytes).
    Layout layout() const { return m_layout; }
    QString spec() const;
    QString errorText() const { return m_error; }
    bool isValid() const { return m_error.isEmpty(); }

    void setSpec(const QString &spec); // also accepts a bad spec: the error is shown
    void addField(const QString &name, QChar code, int arrayCount = 0); // arrayCount 0: a Value

    QTableWidget *table() const { return m_table; }
    QLineEdit *specEdit() const { return m_specEdit; }

Q_SIGNALS:
    void layoutChanged(); // after every edit, valid or not

private:
    struct Row {
        QString name;
        QChar code;
        int arrayCount = 0; // 0: a Value ("x:i"), n: an Array ("x:i[n]")
    };

    void rebuildTable();
    void insertRow(int row, const Row &data);
    void readRowsFromTable();
    void recompute(bool updateSpec);
    void onSpecEdited(const QString &text);
    void moveCurrent(int delta);
    QString specFromRows() const;
    QString nextFieldName() const;

    QVector<Row> m_rows;
    Layout m_layout;
    QString m_error;
    bool m_updating = false;
    QTableWidget *m_table = nullptr;
    QLineEdit *m_specEdit = nullptr;
    QLabel *m_summary = nullptr;
    QToolButton *m_removeButton = nullptr;
    QToolButton *m_upButton = nullptr;
    QToolButton *m_downButton = nullptr;
};

} // namespace ShmScope
