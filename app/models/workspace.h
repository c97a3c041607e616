#pragma once

#include "layout.h"
#include "segment.h"

#include <QObject>
#include <QVector>
#include <memory>

namespace ShmScope {

// One handle this window holds on a block: the seed's shm_a and shm_b are two of these on one block.
struct OpenHandle {
    int id = 0;
    QString label;                    // "shm_a", or the segment's name
    std::shared_ptr<Segment> segment; // shared with the poller thread, which only reads through it
    Layout layout;
};

// The segments this window created or attached, and which one the views show.
// Segment panel, blocks diagram and main window all go through here, so that they agree.
// Never unlinks a block it only attached to (core's Segment refuses, and so do we, up front).
class Workspace : public QObject {
    Q_OBJECT
public:
    explicit Workspace(QObject *parent = nullptr);
    ~Workspace() override;

    const QVector<OpenHandle> &handles() const { return m_handles; }
    const OpenHandle *handle(int id) const;
    const OpenHandle *current() const { return handle(m_currentId); }
    int currentId() const { return m_currentId; }
    // Every handle of this window on the block with this inode (shm_a and shm_b).
    QVector<const OpenHandle *> handlesOnBlock(quint64 inode) const;

    // Each returns the new handle's id, or 0 with *error set (one line, names the segment).
    // size 0: the layout's size. label: how views name this handle (default: the segment's name).
    int createSegment(const QString &name, qint64 size, const Layout &layout, QString *error,
                      const QString &label = QString());
    int attachSegment(const QString &name, const Layout &layout, bool readOnly, QString *error,
                      const QString &label = QString());
    // Another handle on the same block as `id`, mapped at another address ("shm_b").
    int openAnotherHandle(int id, const QString &label, QString *error);
    int addHandle(std::shared_ptr<Segment> segment, const Layout &layout, const QString &label);

    void setLayout(int id, const Layout &layout);
    void setCurrent(int id);
    void closeHandle(int id);
    // Removes the name of a block this window created; the mapping stays until closed.
    bool unlinkHandle(int id, QString *error);
    void closeAll();

Q_SIGNALS:
    void handlesChanged();
    void currentChanged(int id); // 0: nothing open
    void layoutChanged(int id);

private:
    QVector<OpenHandle> m_handles;
    int m_currentId = 0;
    int m_nextId = 1;
};

} // namespace ShmScope
