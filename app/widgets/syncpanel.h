#pragma once

#include "sync/syncstate.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QSpinBox;
class QTableView;
class QTimer;

namespace ShmScope {

class SyncStateModel;

// Every Lock, RLock, Semaphore, Event, Condition and Barrier in /dev/shm, live: a coloured badge for
// its state, the owner, depth, waiters, counters and owner-died recoveries. A small form creates one
// (so a worker can be started on it) and Remove unlinks the selected one after asking.
class SyncPanel : public QWidget {
    Q_OBJECT
public:
    explicit SyncPanel(QWidget *parent = nullptr);

    // Reads every object off the GUI thread every intervalMs (default 250); 0 turns that off for a
    // window that feeds setStates() from its poller.
    void setAutoRefreshInterval(int intervalMs);
    void setShmDirectory(const QString &directory) { m_shmDirectory = directory; refresh(); }
    void setConfirmRemove(bool confirm) { m_confirmRemove = confirm; }

    SyncStateModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QStringList lockNames() const; // Lock, RLock and Condition names: what a worker's --lock takes

public Q_SLOTS:
    void setStates(const QVector<ShmScope::SyncState> &states);
    void refresh(); // asynchronous; setStates() follows
    bool createObject(const QString &name, ShmScope::SyncKind kind, int value, QString *error = nullptr);
    void removeSelected();

Q_SIGNALS:
    void statusMessage(const QString &text);
    void objectsChanged(); // a row was added or removed (the launch dialog's lock list follows)

private:
    void updateSummary();
    void createFromForm();

    SyncStateModel *m_model = nullptr;
    QSortFilterProxyModel *m_sorter = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_formMessage = nullptr;
    QComboBox *m_kindCombo = nullptr;
    QLineEdit *m_nameEdit = nullptr;
    QSpinBox *m_valueSpin = nullptr;
    QTimer *m_refreshTimer = nullptr;
    QString m_shmDirectory = QStringLiteral("/dev/shm");
    bool m_scanRunning = false;
    bool m_confirmRemove = true;
};

} // namespace ShmScope
