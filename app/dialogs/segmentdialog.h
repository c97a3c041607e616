#pragma once

#include <QDialog>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace ShmScope {

class LayoutEditor;
class Workspace;

// Creates a segment (name, size, layout) or attaches to one by name, through the Workspace, so that
// the new handle is the window's at once. Every problem is said inline, under the fields, and OK stays
// disabled until the input is valid; an error only the system can tell (the name was taken a moment
// ago, no room in /dev/shm) is shown the same way and the dialog stays open.
class SegmentDialog : public QDialog {
    Q_OBJECT
public:
    enum class Mode { Create, Attach };

    SegmentDialog(Mode mode, Workspace *workspace, QWidget *parent = nullptr);

    Mode mode() const { return m_mode; }
    void setName(const QString &name);
    void setSpec(const QString &spec);
    // For Attach: the names offered in the list (the catalogue's), with their sizes.
    void setKnownSegments(const QStringList &names, const QVector<qint64> &sizes);
    void setShmDirectory(const QString &directory) { m_shmDirectory = directory; validate(); }

    QString validationMessage() const; // empty when OK is enabled
    bool isInputValid() const;
    int handleId() const { return m_handleId; } // the Workspace handle after accept(), else 0

    LayoutEditor *layoutEditor() const { return m_layoutEditor; }

public Q_SLOTS:
    void accept() override;
    void validate();

Q_SIGNALS:
    void segmentCreated(int handleId);
    void segmentAttached(int handleId);

private:
    QString name() const;
    qint64 sizeOfExisting(const QString &normalizedName) const;

    Mode m_mode;
    Workspace *m_workspace;
    int m_handleId = 0;
    QString m_shmDirectory = QStringLiteral("/dev/shm");
    QStringList m_knownNames;
    QVector<qint64> m_knownSizes;
    QString m_systemError; // from the last failed accept(), until the input changes

    QLineEdit *m_nameEdit = nullptr;
    QComboBox *m_nameCombo = nullptr; // Attach
    QSpinBox *m_sizeSpin = nullptr;   // Create
    QCheckBox *m_sizeFromLayout = nullptr;
    QCheckBox *m_readOnly = nullptr;  // Attach
    QLabel *m_sizeInfo = nullptr;
    LayoutEditor *m_layoutEditor = nullptr;
    QLabel *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace ShmScope
