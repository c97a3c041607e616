#pragma once

#include <QComboBox>

namespace ShmScope {

struct TypeCode;

// Picks one of Python's type codes. The popup is a table of the seed's facts beside this machine's:
// code, C type, Python type, the seed's minimum size and the real size here (highlighted when they
// differ, as for 'i', 'l' and 'u').
class TypeCodeCombo : public QComboBox {
    Q_OBJECT
public:
    enum Column { CodeColumn, CTypeColumn, PythonColumn, MinimumColumn, RealColumn, ColumnCount };

    explicit TypeCodeCombo(QWidget *parent = nullptr);

    const TypeCode *currentType() const;
    QChar currentCode() const;
    bool setCurrentCode(QChar code); // false for an unknown code

Q_SIGNALS:
    void typeChanged(QChar code);

protected:
    void showPopup() override;
};

} // namespace ShmScope
