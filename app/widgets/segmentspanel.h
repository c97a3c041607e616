#pragma once

#include "catalogue.h"

#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QTimer;
class QTreeWidget;

namespace ShmScope {

class CatalogueModel;
class Workspace;

// The segments this window holds (its Workspace handles: created here, attached, or a second handle
// on one block) above the live catalogue of /dev/shm (every segment, Python's psm_* too, with size,
// kind, owner and the processes that map it). New, attach, another handle, close and unlink; unlink
// asks first and is never offered for a block this window only attached to.
class SegmentsPanel : public QWidget {
    Q_OBJECT
public:
    explicit SegmentsPanel(Workspace *workspace, QWidget *parent = nullptr);
    ~SegmentsPanel() override;

    // The panel rescans /dev/shm and /proc on its own, off the GUI thread, every intervalMs (default
    // 2000); 0 turns that off for a window that feeds setCatalogue() from its poller instead.
    void setAutoRefreshInterval(int intervalMs);
    void setShmDirectory(const QString &directory); // for tests; default /dev/shm
    // Unlink asks "are you sure" unless this is off (tests, scripted use).
    void setConfirmUnlink(bool confirm) { m_confirmUnlink = confirm; }

    QAction *newAction() const { return m_newAction; }
    QAction *attachAction() const { return m_attachAction; }
    QAction *anotherHandleAction() const { return m_anotherAction; }
    QAction *closeAction() const { return m_closeAction; }
    QAction *unlinkAction() const { return m_unlinkAction; }
    CatalogueModel *catalogueModel() const { return m_catalogue; }

public Q_SLOTS:
    void setCatalogue(const QVector<ShmScope::CatalogueEntry> &entries);
    void refreshCatalogue(); // asynchronous; setCatalogue() follows
    void newSegment();
    void attachSegment(const QString &name = QString());
    void openAnotherHandle();
    void closeCurrent();
    void unlinkCurrent();

Q_SIGNALS:
    void handleOpened(int handleId);       // created, attached or another handle: already in the Workspace
    void handleClosing(int handleId);      // just before the Workspace drops it
    void statusMessage(const QString &text);

private:
    void rebuildHandles();
    void updateActions();
    int selectedHandleId() const;
    QString selectedCatalogueName() const;
    void showCatalogueMenu(const QPoint &position);
    bool isAttachedOnlyHere(const QString &name) const;
    void unlinkCatalogueEntry(const QString &name);

    Workspace *m_workspace;
    CatalogueModel *m_catalogue = nullptr;
    QSortFilterProxyModel *m_filter = nullptr;
    QTreeWidget *m_handles = nullptr;
    QTableView *m_catalogueView = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    QLabel *m_catalogueCount = nullptr;
    QTimer *m_refreshTimer = nullptr;
    QString m_shmDirectory = QStringLiteral("/dev/shm");
    bool m_scanRunning = false;
    bool m_confirmUnlink = true;

    QAction *m_newAction = nullptr;
    QAction *m_attachAction = nullptr;
    QAction *m_anotherAction = nullptr;
    QAction *m_closeAction = nullptr;
    QAction *m_unlinkAction = nullptr;
};

} // namespace ShmScope
