#include "blocksdiagram.h"

#include "blocksdiagramstyle.h"
#include "workspace.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QThreadPool>
#include <QTimer>

namespace ShmScope {

using namespace BlocksStyle;

BlocksDiagram::BlocksDiagram(Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(true);
    m_clock.start();
    m_animationTimer = new QTimer(this);
    m_animationTimer->setInterval(16);
    connect(m_animationTimer, &QTimer::timeout, this, &BlocksDiagram::onAnimationTick);

    m_anotherButton = new QPushButton(tr("Open another handle"), this);
    m_anotherButton->setObjectName(QStringLiteral("anotherHandleButton"));
    m_anotherButton->setToolTip(tr("Attach to the same block again, like the seed's shm_b = SharedMemory(shm_a.name): "
                                   "a second mapping at another address"));
    connect(m_anotherButton, &QPushButton::clicked, this, &BlocksDiagram::openAnotherHandle);

    m_refreshTimer = new QTimer(this);
    connect(m_refreshTimer, &QTimer::timeout, this, [this] {
        if (m_inode == 0 || m_scanRunning || !m_refreshTimer->isActive())
            return;
        m_scanRunning = true;
        QPointer<BlocksDiagram> diagram(this);
        const quint64 inode = m_inode;
        QThreadPool::globalInstance()->start([diagram, inode] {
            QVector<ProcessMapping> mappings = scanMappings(inode);
            QMetaObject::invokeMethod(qApp, [diagram, inode, mappings = std::move(mappings)] {
                if (!diagram)
                    return;
                diagram->m_scanRunning = false;
                if (diagram->m_inode == inode) // the block did not change meanwhile
                    diagram->setMappings(mappings);
            }, Qt::QueuedConnection);
        });
    });
    setAutoRefreshInterval(1000);

    if (m_workspace) {
        connect(m_workspace, &Workspace::currentChanged, this, &BlocksDiagram::followCurrentHandle);
        connect(m_workspace, &Workspace::handlesChanged, this, &BlocksDiagram::followCurrentHandle);
    }
    followCurrentHandle();
}

BlocksDiagram::~BlocksDiagram() = default;

void BlocksDiagram::setAutoRefreshInterval(int intervalMs)
{
    if (intervalMs <= 0)
        m_refreshTimer->stop();
    else
        m_refreshTimer->start(intervalMs);
}

int BlocksDiagram::windowHandleCount() const
{
    return int(std::count_if(m_nodes.cbegin(), m_nodes.cend(), [](const Node &node) {
        return node.kind == NodeKind::WindowHandle && node.vanishedMs < 0;
    }));
}

int BlocksDiagram::processMappingCount() const
{
    return int(std::count_if(m_nodes.cbegin(), m_nodes.cend(), [](const Node &node) {
        return node.kind == NodeKind::Process && node.vanishedMs < 0;
    }));
}

bool BlocksDiagram::isAnimating() const
{
    return m_animationTimer->isActive();
}

void BlocksDiagram::followCurrentHandle()
{
    const OpenHandle *current = m_workspace ? m_workspace->current() : nullptr;
    const quint64 inode = current ? current->segment->inode() : 0;
    if (inode != m_inode) {
        m_inode = inode;
        m_nodes.clear();
        m_pulses.clear();
        m_lastMappings.clear();
    }
    if (current) {
        m_blockName = current->segment->name();
        m_blockSize = current->segment->size();
        m_blockUnlinked = current->segment->status().unlinked;
    }
    m_anotherButton->setEnabled(current != nullptr);
    rebuildWindowNodes();
    setMappings(m_lastMappings); // re-match our own mappings to the handles we have now
    if (m_inode != 0 && m_refreshTimer->isActive())
        QMetaObject::invokeMethod(m_refreshTimer, "timeout", Qt::QueuedConnection);
    update();
}

void BlocksDiagram::rebuildWindowNodes()
{
    QVector<Node> fresh;
    if (m_workspace && m_inode != 0) {
        const QString pidText = tr("this window · pid %1").arg(QCoreApplication::applicationPid());
        for (const OpenHandle *open : m_workspace->handlesOnBlock(m_inode)) {
            Node node;
            node.kind = NodeKind::WindowHandle;
            node.key = QStringLiteral("h:%1").arg(open->id);
            node.handleId = open->id;
            node.pid = pid_t(QCoreApplication::applicationPid());
            node.title = open->label;
            node.detail = pidText;
            node.address = open->segment->address();
            node.permissions = open->segment->isReadOnly() ? QStringLiteral("r--s") : QStringLiteral("rw-s");
            fresh << node;
        }
    }
    mergeNodes(NodeKind::WindowHandle, fresh);
}

void BlocksDiagram::setMappings(const QVector<ProcessMapping> &mappings)
{
    m_lastMappings = mappings;
    QSet<quintptr> ourAddresses;
    for (const Node &node : qAsConst(m_nodes)) {
        if (node.kind == NodeKind::WindowHandle && node.vanishedMs < 0)
            ourAddresses.insert(node.address);
    }
    const pid_t self = pid_t(QCoreApplication::applicationPid());
    QVector<Node> fresh;
    for (const ProcessMapping &mapping : mappings) {
        if (mapping.pid == self && ourAddresses.contains(mapping.start))
            continue; // already drawn as one of this window's handles
        Node node;
        node.kind = NodeKind::Process;
        node.key = QStringLiteral("p:%1:%2").arg(mapping.pid).arg(mapping.start);
        node.pid = mapping.pid;
        node.title = mapping.command.isEmpty() ? tr("process") : mapping.command;
        node.detail = mapping.pid == self ? tr("this window · pid %1").arg(mapping.pid) : tr("pid %1").arg(mapping.pid);
        node.address = mapping.start;
        node.permissions = mapping.permissions;
        node.deleted = mapping.deleted;
        fresh << node;
    }
    mergeNodes(NodeKind::Process, fresh);
}

void BlocksDiagram::refreshMappings()
{
    if (m_inode != 0)
        setMappings(scanMappings(m_inode));
}

void BlocksDiagram::mergeNodes(NodeKind kind, const QVector<Node> &fresh)
{
    const qint64 t = now();
    bool changed = false;
    for (Node &node : m_nodes) {
        if (node.kind != kind || node.vanishedMs >= 0)
            continue;
        const bool stays = std::any_of(fresh.cbegin(), fresh.cend(), [&](const Node &f) { return f.key == node.key; });
        if (!stays) {
            node.vanishedMs = t;
            changed = true;
        }
    }
    for (const Node &incoming : fresh) {
        Node *existing = nodeByKey(incoming.key);
        if (existing) {
            const qint64 appeared = existing->vanishedMs >= 0 ? t : existing->appearedMs;
            const qint64 flash = existing->flashMs;
            *existing = incoming;
            existing->appearedMs = appeared;
            existing->flashMs = flash;
            continue;
        }
        Node node = incoming;
        node.appearedMs = t;
        m_nodes << node;
        changed = true;
    }
    if (changed)
        ensureAnimating();
    update();
}

BlocksDiagram::Node *BlocksDiagram::nodeByKey(const QString &key)
{
    for (Node &node : m_nodes) {
        if (node.key == key)
            return &node;
    }
    return nullptr;
}

void BlocksDiagram::noteBytesChanged(const QVector<ByteRange> &ranges)
{
    const qint64 t = now();
    m_blockFlashMs = t;
    m_changedRanges = ranges;
    // One pulse in flight per arrow at most: a 60 Hz stream of changes must not pile them up.
    for (const Node &node : qAsConst(m_nodes)) {
        if (node.vanishedMs >= 0)
            continue;
        const bool busy = std::any_of(m_pulses.cbegin(), m_pulses.cend(), [&](const Pulse &pulse) {
            return pulse.nodeKey == node.key && t - pulse.startMs < kPulseMs / 2;
        });
        if (!busy)
            m_pulses << Pulse{node.key, false, t};
    }
    ensureAnimating();
}

void BlocksDiagram::noteWriteThroughHandle(int handleId)
{
    if (Node *node = nodeByKey(QStringLiteral("h:%1").arg(handleId))) {
        node->flashMs = now();
        m_pulses << Pulse{node->key, true, now()};
    }
    // The write reaches the block when the inward pulse arrives; then every view sees it.
    QTimer::singleShot(int(kPulseMs), this, [this] { noteBytesChanged(m_changedRanges); });
    ensureAnimating();
}

void BlocksDiagram::noteWriteByProcess(pid_t pid)
{
    bool any = false;
    for (Node &node : m_nodes) {
        if (node.kind == NodeKind::Process && node.pid == pid && node.vanishedMs < 0) {
            node.flashMs = now();
            m_pulses << Pulse{node.key, true, now()};
            any = true;
        }
    }
    if (any)
        QTimer::singleShot(int(kPulseMs), this, [this] { noteBytesChanged(m_changedRanges); });
    else
        noteBytesChanged(m_changedRanges);
    ensureAnimating();
}

void BlocksDiagram::openAnotherHandle()
{
    if (!m_workspace || !m_workspace->current())
        return;
    const int onBlock = int(m_workspace->handlesOnBlock(m_inode).size());
    const QString label = onBlock < 26 ? QStringLiteral("shm_%1").arg(QLatin1Char(char('a' + onBlock)))
                                       : QStringLiteral("shm_%1").arg(onBlock + 1);
    QString error;
    const int currentId = m_workspace->currentId();
    const int id = m_workspace->openAnotherHandle(currentId, label, &error);
    if (id == 0) {
        QMessageBox::warning(this, tr("Another handle"), error);
        return;
    }
    // Keep showing the block through the handle the user was on; the new one joins the picture.
    m_workspace->setCurrent(currentId);
    Q_EMIT statusMessage(tr("%1 maps the same block at %2").arg(label, hexAddress(m_workspace->handle(id)->segment->address())));
    Q_EMIT handleOpened(id);
}

void BlocksDiagram::ensureAnimating()
{
    if (!m_animationTimer->isActive())
        m_animationTimer->start();
    update();
}

void BlocksDiagram::onAnimationTick()
{
    const qint64 t = now();
    m_pulses.erase(std::remove_if(m_pulses.begin(), m_pulses.end(),
                                  [t](const Pulse &pulse) { return t - pulse.startMs > kPulseMs; }),
                   m_pulses.end());
    m_nodes.erase(std::remove_if(m_nodes.begin(), m_nodes.end(),
                                 [t](const Node &node) { return node.vanishedMs >= 0 && t - node.vanishedMs > kFadeMs; }),
                  m_nodes.end());
    bool busy = !m_pulses.isEmpty() || t - m_blockFlashMs < kFlashMs;
    for (const Node &node : qAsConst(m_nodes))
        busy = busy || t - node.appearedMs < kFadeMs || node.vanishedMs >= 0 || t - node.flashMs < kFlashMs;
    if (!busy)
        m_animationTimer->stop(); // an idle diagram costs nothing
    update();
}


void BlocksDiagram::contextMenuEvent(QContextMenuEvent *event)
{
    const Node *node = nodeAt(event->pos());
    if (!node || node->kind != NodeKind::WindowHandle || !m_workspace)
        return;
    const int handleId = node->handleId;
    const OpenHandle *open = m_workspace->handle(handleId);
    if (!open)
        return;
    QMenu menu(this);
    // The seed's own demonstration: shm_a.buf[-1] = 2, then read it through shm_b.
    QAction *write = menu.addAction(tr("Write %1.buf[-1] += 1").arg(open->label), this, [this, handleId] {
        const OpenHandle *target = m_workspace ? m_workspace->handle(handleId) : nullptr;
        if (!target || target->segment->size() <= 0)
            return;
        const qint64 last = target->segment->size() - 1;
        QByteArray byte = target->segment->read(last, 1);
        if (byte.size() != 1)
            return;
        byte[0] = char(quint8(byte[0]) + 1);
        if (target->segment->write(last, byte.constData(), 1) == 1) {
            m_changedRanges = {ByteRange{last, 1}};
            noteWriteThroughHandle(handleId);
            Q_EMIT statusMessage(tr("Wrote %1 at byte %2 through %3: every handle on the block sees it")
                                     .arg(quint8(byte[0])).arg(last).arg(target->label));
        }
    });
    write->setEnabled(!open->segment->isReadOnly());
    menu.addAction(tr("Close %1").arg(open->label), this, [this, handleId] {
        if (m_workspace)
            m_workspace->closeHandle(handleId);
    });
    menu.exec(event->globalPos());
}


} // namespace ShmScope
