#pragma once

#include "catalogue.h"
#include "snapshot.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QWidget>

class QPainter;
class QPushButton;
class QTimer;

namespace ShmScope {

class Workspace;

// The seed's shm_a / shm_b picture, live: one block of memory (name, inode, size) in the middle, and
// around it every handle on it — this window's handles on the left (each its own mapping, at its own
// address), other processes' mappings on the right (pid, command, address, from /proc/PID/maps) —
// with an arrow from each to the one block. Handles fade in and out as processes attach and exit; a
// write flashes the block and sends a pulse along every arrow, because every view sees it.
// Custom painted, scales with the widget. The block is the Workspace's current handle's.
class BlocksDiagram : public QWidget {
    Q_OBJECT
public:
    explicit BlocksDiagram(Workspace *workspace, QWidget *parent = nullptr);
    ~BlocksDiagram() override;

    // Rescans the block's mappings off the GUI thread every intervalMs (default 1000); 0 turns that
    // off for a window that calls setMappings() from its poller.
    void setAutoRefreshInterval(int intervalMs);

    quint64 blockInode() const { return m_inode; }
    int windowHandleCount() const;  // this window's handles on the block
    int processMappingCount() const; // other mappings shown (other processes, or unmatched here)
    bool isAnimating() const;        // a fade, flash or pulse is under way

    QSize sizeHint() const override { return QSize(900, 520); }
    QSize minimumSizeHint() const override { return QSize(420, 260); }

public Q_SLOTS:
    // Every process's mapping of the block (core scanMappings(inode)); ours are matched to handles.
    void setMappings(const QVector<ShmScope::ProcessMapping> &mappings);
    void refreshMappings(); // synchronous scanMappings(inode), then setMappings()
    // The poller saw bytes change (ranges within the block): flash the block, pulse out to every view.
    void noteBytesChanged(const QVector<ShmScope::ByteRange> &ranges = {});
    // A write known to come through one handle (this window's) or one process.
    void noteWriteThroughHandle(int handleId);
    void noteWriteByProcess(pid_t pid);
    void openAnotherHandle();

Q_SIGNALS:
    void handleOpened(int handleId);
    void statusMessage(const QString &text);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    enum class NodeKind { WindowHandle, Process };
    struct Node {
        QString key;        // "h:<handle id>" or "p:<pid>:<start>"
        NodeKind kind = NodeKind::Process;
        int handleId = 0;
        pid_t pid = 0;
        QString title;      // "shm_a", "python3"
        QString detail;     // "pid 1234"
        quintptr address = 0;
        QString permissions;
        bool deleted = false;   // mapped after unlink
        qint64 appearedMs = 0;
        qint64 vanishedMs = -1; // fading out
        qint64 flashMs = -1'000'000;
        QRectF rect;            // placed by layoutNodes()
    };
    struct Pulse {
        QString nodeKey;
        bool inward = false; // from the node to the block (the writer), else block to node
        qint64 startMs = 0;
    };

    void followCurrentHandle();
    void rebuildWindowNodes();
    void mergeNodes(NodeKind kind, const QVector<Node> &fresh);
    void layoutNodes();
    void ensureAnimating();
    void onAnimationTick();
    qint64 now() const { return m_clock.elapsed(); }
    Node *nodeByKey(const QString &key);
    const Node *nodeAt(const QPointF &position) const;
    QPainterPath arrowPath(const Node &node) const;
    QFont titleFont() const;
    QFont subtitleFont() const;
    QFont columnHeaderFont() const;
    QFont captionFont() const; // the block's "memory block" and its strip's 0 and size

    void paintBlock(QPainter &painter);
    void paintNode(QPainter &painter, const Node &node);
    void paintArrow(QPainter &painter, const Node &node);
    void paintPulses(QPainter &painter);
    void paintEmpty(QPainter &painter);

    QPointer<Workspace> m_workspace;
    quint64 m_inode = 0;
    QString m_blockName;
    qint64 m_blockSize = 0;
    bool m_blockUnlinked = false;
    QVector<Node> m_nodes;
    QVector<Pulse> m_pulses;
    QVector<ByteRange> m_changedRanges;
    qint64 m_blockFlashMs = -1'000'000;
    QVector<ProcessMapping> m_lastMappings;

    QRectF m_blockRect;
    QRectF m_leftColumn;
    QRectF m_rightColumn;
    double m_scale = 1.0;     // shapes, from the widget's size
    double m_textScale = 1.0; // fonts: never below 0.85, so a small dock still reads

    QElapsedTimer m_clock;
    QTimer *m_animationTimer = nullptr;
    QTimer *m_refreshTimer = nullptr;
    bool m_scanRunning = false;
    QPushButton *m_anotherButton = nullptr;
};

} // namespace ShmScope
