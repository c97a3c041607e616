#include "segmentspanel.h"

#include "cataloguemodel.h"
#include "segmentdialog.h"
#include "workspace.h"

#include <QAction>
#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QThreadPool>
#include <QTimer>
#include <QToolBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ShmScope {

namespace {

enum HandleColumn { LabelColumn, NameColumn, SizeColumn, AddressColumn, InodeColumn, RoleColumn, LayoutColumn, HandleColumnCount };

QLabel *sectionTitle(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

SegmentsPanel::SegmentsPanel(Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
{
    m_newAction = new QAction(tr("&New…"), this);
    m_newAction->setToolTip(tr("Create a shared-memory segment with a layout"));
    m_attachAction = new QAction(tr("&Attach…"), this);
    m_attachAction->setToolTip(tr("Open a handle on an existing segment by name"));
    m_anotherAction = new QAction(tr("Another &handle"), this);
    m_anotherAction->setToolTip(tr("Map the selected block a second time, at another address (the seed's shm_b)"));
    m_closeAction = new QAction(tr("&Close"), this);
    m_closeAction->setToolTip(tr("Unmap this handle; the segment stays in /dev/shm"));
    m_unlinkAction = new QAction(tr("&Unlink…"), this);
    m_unlinkAction->setToolTip(tr("Remove the name of a segment this window created (mapped handles keep working)"));
    connect(m_newAction, &QAction::triggered, this, &SegmentsPanel::newSegment);
    connect(m_attachAction, &QAction::triggered, this, [this] { attachSegment(selectedCatalogueName()); });
    connect(m_anotherAction, &QAction::triggered, this, &SegmentsPanel::openAnotherHandle);
    connect(m_closeAction, &QAction::triggered, this, &SegmentsPanel::closeCurrent);
    connect(m_unlinkAction, &QAction::triggered, this, &SegmentsPanel::unlinkCurrent);

    auto *toolbar = new QToolBar(this);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->setIconSize(QSize(16, 16));
    toolbar->addAction(m_newAction);
    toolbar->addAction(m_attachAction);
    toolbar->addAction(m_anotherAction);
    toolbar->addSeparator();
    toolbar->addAction(m_closeAction);
    toolbar->addAction(m_unlinkAction);

    m_handles = new QTreeWidget(this);
    m_handles->setObjectName(QStringLiteral("handlesView"));
    m_handles->setRootIsDecorated(false);
    m_handles->setUniformRowHeights(true);
    m_handles->setAlternatingRowColors(true);
    m_handles->setHeaderLabels({tr("Handle"), tr("Segment"), tr("Size"), tr("Address here"), tr("Inode"), tr("Role"), tr("Layout")});
    m_handles->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_handles->header()->setStretchLastSection(true);
    m_handles->setMinimumHeight(fontMetrics().lineSpacing() * 5); // header + shm_a, shm_b and more
    connect(m_handles, &QTreeWidget::currentItemChanged, this, [this] {
        const int id = selectedHandleId();
        if (id != 0)
            m_workspace->setCurrent(id);
        updateActions();
    });

    m_catalogue = new CatalogueModel(this);
    m_filter = new QSortFilterProxyModel(this);
    m_filter->setSourceModel(m_catalogue);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filter->setFilterKeyColumn(-1); // any column: name, kind, owner, a pid or a command
    m_filter->setSortRole(CatalogueModel::SortRole);
    m_catalogueView = new QTableView(this);
    m_catalogueView->setObjectName(QStringLiteral("catalogueView"));
    m_catalogueView->setModel(m_filter);
    m_catalogueView->setSortingEnabled(true);
    m_catalogueView->sortByColumn(CatalogueModel::NameColumn, Qt::AscendingOrder);
    m_catalogueView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_catalogueView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_catalogueView->setAlternatingRowColors(true);
    m_catalogueView->setShowGrid(false);
    m_catalogueView->setWordWrap(false);
    m_catalogueView->verticalHeader()->hide();
    m_catalogueView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_catalogueView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_catalogueView->horizontalHeader()->setStretchLastSection(true);
    m_catalogueView->setMinimumHeight(fontMetrics().lineSpacing() * 6);
    m_catalogueView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_catalogueView, &QTableView::customContextMenuRequested, this, &SegmentsPanel::showCatalogueMenu);
    connect(m_catalogueView, &QTableView::doubleClicked, this, [this] { attachSegment(selectedCatalogueName()); });

    m_filterEdit = new QLineEdit(this);
    m_filterEdit->setObjectName(QStringLiteral("catalogueFilter"));
    m_filterEdit->setPlaceholderText(tr("Filter: name, kind, owner, pid or command (e.g. psm_)"));
    m_filterEdit->setClearButtonEnabled(true);
    connect(m_filterEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setFilterFixedString(text);
        m_catalogueCount->setText(tr("%1 of %2").arg(m_filter->rowCount()).arg(m_catalogue->rowCount()));
    });
    m_catalogueCount = new QLabel(this);

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    // Title and actions on one line: a dock is rarely tall.
    auto *topHeader = new QHBoxLayout;
    topHeader->setContentsMargins(0, 0, 0, 0);
    topHeader->addWidget(sectionTitle(tr("In this window"), top));
    topHeader->addWidget(toolbar, 1);
    topLayout->addLayout(topHeader);
    topLayout->addWidget(m_handles);

    auto *bottom = new QWidget(this);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    auto *catalogueHeader = new QHBoxLayout;
    catalogueHeader->addWidget(sectionTitle(tr("All of /dev/shm"), bottom));
    catalogueHeader->addStretch();
    catalogueHeader->addWidget(m_catalogueCount);
    bottomLayout->addLayout(catalogueHeader);
    bottomLayout->addWidget(m_filterEdit);
    bottomLayout->addWidget(m_catalogueView);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(bottom);
    splitter->setChildrenCollapsible(false);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter);

    connect(m_workspace, &Workspace::handlesChanged, this, &SegmentsPanel::rebuildHandles);
    connect(m_workspace, &Workspace::currentChanged, this, &SegmentsPanel::rebuildHandles);
    connect(m_workspace, &Workspace::layoutChanged, this, &SegmentsPanel::rebuildHandles);

    m_refreshTimer = new QTimer(this);
    connect(m_refreshTimer, &QTimer::timeout, this, &SegmentsPanel::refreshCatalogue);
    setAutoRefreshInterval(2000);
    rebuildHandles();
    // The first scan once the owner had its say (a window feeding setCatalogue() turns the timer off).
    QTimer::singleShot(0, this, [this] {
        if (m_refreshTimer->isActive())
            refreshCatalogue();
    });
}

SegmentsPanel::~SegmentsPanel() = default;

void SegmentsPanel::setAutoRefreshInterval(int intervalMs)
{
    if (intervalMs <= 0) {
        m_refreshTimer->stop();
        return;
    }
    m_refreshTimer->start(intervalMs);
}

void SegmentsPanel::setShmDirectory(const QString &directory)
{
    m_shmDirectory = directory;
    refreshCatalogue();
}

void SegmentsPanel::refreshCatalogue()
{
    if (m_scanRunning)
        return; // a slow /proc walk must not pile up scans
    m_scanRunning = true;
    // scanCatalogue reads every /proc/*/maps: tens of milliseconds with many processes, so off the
    // GUI thread. The QPointer is only read back on the GUI thread.
    QPointer<SegmentsPanel> panel(this);
    const QString directory = m_shmDirectory;
    QThreadPool::globalInstance()->start([panel, directory] {
        QVector<CatalogueEntry> entries = scanCatalogue(directory);
        QMetaObject::invokeMethod(qApp, [panel, entries = std::move(entries)] {
            if (!panel)
                return;
            panel->m_scanRunning = false;
            panel->setCatalogue(entries);
        }, Qt::QueuedConnection);
    });
}

void SegmentsPanel::setCatalogue(const QVector<CatalogueEntry> &entries)
{
    m_catalogue->setEntries(entries);
    const int total = m_catalogue->rowCount();
    m_catalogueCount->setText(m_filterEdit->text().isEmpty()
                                  ? (total == 1 ? tr("1 segment") : tr("%1 segments").arg(total))
                                  : tr("%1 of %2").arg(m_filter->rowCount()).arg(total));
    // A handle's block may have been unlinked or truncated by someone else meanwhile.
    rebuildHandles();
}

void SegmentsPanel::rebuildHandles()
{
    const int current = m_workspace->currentId();
    const QSignalBlocker blocker(m_handles);
    m_handles->clear();
    QTreeWidgetItem *currentItem = nullptr;
    for (const OpenHandle &open : m_workspace->handles()) {
        const Segment &segment = *open.segment;
        const SegmentStatus status = segment.status();
        QString role = segment.createdHere() ? tr("created here") : tr("attached");
        if (segment.isReadOnly())
            role += tr(", read-only");
        if (status.unlinked)
            role += tr(", unlinked (still mapped)");
        else if (status.currentSize != status.mappedSize)
            role += tr(", now %1 bytes (truncated by another process)").arg(status.currentSize);
        auto *item = new QTreeWidgetItem(m_handles);
        item->setData(LabelColumn, Qt::UserRole, open.id);
        item->setText(LabelColumn, open.label);
        item->setText(NameColumn, segment.name());
        item->setText(SizeColumn, CatalogueModel::formatSize(segment.size()));
        item->setToolTip(SizeColumn, tr("%1 bytes").arg(segment.size()));
        item->setText(AddressColumn, QStringLiteral("0x%1").arg(segment.address(), 0, 16));
        item->setToolTip(AddressColumn, tr("Where this handle maps the block in this process: "
                                           "two handles on one block have two addresses"));
        item->setText(InodeColumn, QString::number(segment.inode()));
        item->setText(RoleColumn, role);
        item->setText(LayoutColumn, open.layout.isEmpty() ? tr("raw bytes") : open.layout.toSpec());
        for (int column : {SizeColumn, AddressColumn, InodeColumn})
            item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
        QFont mono = item->font(AddressColumn);
        mono.setFamily(QStringLiteral("monospace"));
        item->setFont(AddressColumn, mono);
        if (open.id == current) {
            currentItem = item;
            QFont bold = item->font(LabelColumn);
            bold.setBold(true);
            item->setFont(LabelColumn, bold);
        }
    }
    if (currentItem)
        m_handles->setCurrentItem(currentItem);
    updateActions();
}

int SegmentsPanel::selectedHandleId() const
{
    const QTreeWidgetItem *item = m_handles->currentItem();
    return item ? item->data(LabelColumn, Qt::UserRole).toInt() : 0;
}

QString SegmentsPanel::selectedCatalogueName() const
{
    const QModelIndex index = m_catalogueView->currentIndex();
    return index.isValid() ? index.siblingAtColumn(CatalogueModel::NameColumn).data(CatalogueModel::NameRole).toString()
                           : QString();
}

void SegmentsPanel::updateActions()
{
    const OpenHandle *open = m_workspace->handle(selectedHandleId());
    m_anotherAction->setEnabled(open != nullptr);
    m_closeAction->setEnabled(open != nullptr);
    // Only what this window created, and only while the name still exists.
    const bool canUnlink = open && open->segment->createdHere() && !open->segment->status().unlinked;
    m_unlinkAction->setEnabled(canUnlink);
    m_unlinkAction->setToolTip(open && !open->segment->createdHere()
                                   ? tr("This window only attached to %1: it is not ours to unlink").arg(open->segment->name())
                                   : tr("Remove the name of a segment this window created (mapped handles keep working)"));
}

void SegmentsPanel::newSegment()
{
    SegmentDialog dialog(SegmentDialog::Mode::Create, m_workspace, this);
    dialog.setShmDirectory(m_shmDirectory);
    if (dialog.exec() == QDialog::Accepted) {
        Q_EMIT statusMessage(tr("Created %1").arg(m_workspace->handle(dialog.handleId())->segment->name()));
        Q_EMIT handleOpened(dialog.handleId());
        refreshCatalogue();
    }
}

void SegmentsPanel::attachSegment(const QString &name)
{
    SegmentDialog dialog(SegmentDialog::Mode::Attach, m_workspace, this);
    dialog.setShmDirectory(m_shmDirectory);
    QStringList names;
    QVector<qint64> sizes;
    for (const CatalogueEntry &entry : m_catalogue->entries()) {
        names << entry.name;
        sizes << entry.size;
    }
    dialog.setKnownSegments(names, sizes);
    if (!name.isEmpty())
        dialog.setName(name);
    if (dialog.exec() == QDialog::Accepted) {
        Q_EMIT statusMessage(tr("Attached to %1").arg(m_workspace->handle(dialog.handleId())->segment->name()));
        Q_EMIT handleOpened(dialog.handleId());
    }
}

void SegmentsPanel::openAnotherHandle()
{
    const OpenHandle *open = m_workspace->handle(selectedHandleId());
    if (!open)
        return;
    const int onBlock = int(m_workspace->handlesOnBlock(open->segment->inode()).size());
    // shm_a, shm_b, shm_c ... as in the seed.
    const QString label = onBlock < 26 ? QStringLiteral("shm_%1").arg(QLatin1Char(char('a' + onBlock)))
                                       : QStringLiteral("shm_%1").arg(onBlock + 1);
    QString error;
    const int id = m_workspace->openAnotherHandle(open->id, label, &error);
    if (id == 0) {
        QMessageBox::warning(this, tr("Another handle"), error);
        return;
    }
    Q_EMIT statusMessage(tr("%1: another handle on %2, at another address").arg(label, m_workspace->handle(id)->segment->name()));
    Q_EMIT handleOpened(id);
}

void SegmentsPanel::closeCurrent()
{
    const int id = selectedHandleId();
    if (id == 0)
        return;
    Q_EMIT handleClosing(id);
    m_workspace->closeHandle(id);
}

void SegmentsPanel::unlinkCurrent()
{
    const OpenHandle *open = m_workspace->handle(selectedHandleId());
    if (!open || !open->segment->createdHere())
        return;
    const QString name = open->segment->name();
    if (m_confirmUnlink
        && QMessageBox::question(this, tr("Unlink %1?").arg(name),
                                 tr("Remove the name /dev/shm/%1?\n\nHandles that map it (here and in other processes) keep "
                                    "working until they close; nobody can attach to it by name any more.").arg(name),
                                 QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    QString error;
    if (!m_workspace->unlinkHandle(open->id, &error)) {
        QMessageBox::warning(this, tr("Unlink"), error);
        return;
    }
    Q_EMIT statusMessage(tr("Unlinked %1 (still mapped here)").arg(name));
    refreshCatalogue();
}

bool SegmentsPanel::isAttachedOnlyHere(const QString &name) const
{
    bool attached = false;
    for (const OpenHandle &open : m_workspace->handles()) {
        if (open.segment->name() != name)
            continue;
        if (open.segment->createdHere())
            return false;
        attached = true;
    }
    return attached;
}

void SegmentsPanel::showCatalogueMenu(const QPoint &position)
{
    const QString name = selectedCatalogueName();
    if (name.isEmpty())
        return;
    QMenu menu(this);
    menu.addAction(tr("Attach to %1…").arg(name), this, [this, name] { attachSegment(name); });
    QAction *unlink = menu.addAction(tr("Unlink %1…").arg(name), this, [this, name] { unlinkCatalogueEntry(name); });
    if (isAttachedOnlyHere(name)) {
        unlink->setEnabled(false);
        unlink->setText(tr("Unlink %1 (attached here, not ours)").arg(name));
    }
    menu.exec(m_catalogueView->viewport()->mapToGlobal(position));
}

void SegmentsPanel::unlinkCatalogueEntry(const QString &name)
{
    const int row = m_catalogue->rowOf(name);
    const CatalogueEntry *entry = m_catalogue->entry(row);
    const QString users = entry ? CatalogueModel::formatProcesses(entry->mappings) : QString();
    const QString text = users.isEmpty()
        ? tr("Remove /dev/shm/%1? No process maps it now: its bytes are gone for good.").arg(name)
        : tr("Remove /dev/shm/%1?\n\nIt is mapped by: %2.\nThey keep working, but nobody can attach to it by "
             "name any more.").arg(name, users);
    if (m_confirmUnlink && QMessageBox::warning(this, tr("Unlink %1?").arg(name), text,
                                                QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    // Through a Workspace handle we created, so that its "unlinked" state is right; else by name.
    for (const OpenHandle &open : m_workspace->handles()) {
        if (open.segment->name() == name && open.segment->createdHere()) {
            QString error;
            if (!m_workspace->unlinkHandle(open.id, &error))
                QMessageBox::warning(this, tr("Unlink"), error);
            refreshCatalogue();
            return;
        }
    }
    SegmentError error;
    if (!Segment::unlinkByName(name, &error))
        QMessageBox::warning(this, tr("Unlink"), error.message);
    else
        Q_EMIT statusMessage(tr("Unlinked %1").arg(name));
    refreshCatalogue();
}

} // namespace ShmScope
