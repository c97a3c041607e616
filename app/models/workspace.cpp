#include "workspace.h"

namespace ShmScope {

Workspace::Workspace(QObject *parent)
    : QObject(parent)
{
}

Workspace::~Workspace() = default;

const OpenHandle *Workspace::handle(int id) const
{
    for (const OpenHandle &open : m_handles) {
        if (open.id == id)
            return &open;
    }
    return nullptr;
}

QVector<const OpenHandle *> Workspace::handlesOnBlock(quint64 inode) const
{
    QVector<const OpenHandle *> result;
    for (const OpenHandle &open : m_handles) {
        if (open.segment->inode() == inode)
            result.append(&open);
    }
    return result;
}

int Workspace::addHandle(std::shared_ptr<Segment> segment, const Layout &layout, const QString &label)
{
    OpenHandle open;
    open.id = m_nextId++;
    open.label = label.isEmpty() ? segment->name() : label;
    open.segment = std::move(segment);
    open.layout = layout;
    m_handles.append(open);
    Q_EMIT handlesChanged();
    setCurrent(open.id);
    return open.id;
}

int Workspace::createSegment(const QString &name, qint64 size, const Layout &layout, QString *error,
                             const QString &label)
{
    SegmentError segmentError;
    const qint64 bytes = size > 0 ? size : layout.size();
    std::unique_ptr<Segment> segment = Segment::create(name, bytes, &segmentError);
    if (!segment) {
        if (error)
            *error = segmentError.message;
        return 0;
    }
    return addHandle(std::shared_ptr<Segment>(std::move(segment)), layout, label);
}

int Workspace::attachSegment(const QString &name, const Layout &layout, bool readOnly, QString *error,
                             const QString &label)
{
    SegmentError segmentError;
    std::unique_ptr<Segment> segment = Segment::attach(name, &segmentError, readOnly);
    if (!segment) {
        if (error)
            *error = segmentError.message;
        return 0;
    }
    return addHandle(std::shared_ptr<Segment>(std::move(segment)), layout, label);
}

int Workspace::openAnotherHandle(int id, const QString &label, QString *error)
{
    const OpenHandle *open = handle(id);
    if (!open) {
        if (error)
            *error = tr("No such handle");
        return 0;
    }
    SegmentError segmentError;
    std::unique_ptr<Segment> segment = Segment::attach(open->segment->name(), &segmentError,
                                                       open->segment->isReadOnly());
    if (!segment) {
        if (error)
            *error = segmentError.message;
        return 0;
    }
    // A name reused by someone else after an unlink would be another block: refuse to pretend.
    if (segment->inode() != open->segment->inode()) {
        if (error)
            *error = tr("%1 now names another block (it was unlinked and created again)").arg(segment->name());
        return 0;
    }
    return addHandle(std::shared_ptr<Segment>(std::move(segment)), open->layout, label);
}

void Workspace::setLayout(int id, const Layout &layout)
{
    for (OpenHandle &open : m_handles) {
        if (open.id == id) {
            open.layout = layout;
            Q_EMIT layoutChanged(id);
            return;
        }
    }
}

void Workspace::setCurrent(int id)
{
    if (id != 0 && !handle(id))
        return;
    if (id == m_currentId)
        return;
    m_currentId = id;
    Q_EMIT currentChanged(id);
}

void Workspace::closeHandle(int id)
{
    for (int i = 0; i < m_handles.size(); ++i) {
        if (m_handles.at(i).id != id)
            continue;
        m_handles.removeAt(i);
        if (m_currentId == id) {
            m_currentId = m_handles.isEmpty() ? 0 : m_handles.constLast().id;
            Q_EMIT currentChanged(m_currentId);
        }
        Q_EMIT handlesChanged();
        return;
    }
}

bool Workspace::unlinkHandle(int id, QString *error)
{
    const OpenHandle *open = handle(id);
    if (!open) {
        if (error)
            *error = tr("No such handle");
        return false;
    }
    SegmentError segmentError;
    if (!open->segment->unlink(&segmentError)) {
        if (error)
            *error = segmentError.message;
        return false;
    }
    Q_EMIT handlesChanged();
    return true;
}

void Workspace::closeAll()
{
    if (m_handles.isEmpty())
        return;
    m_handles.clear();
    m_currentId = 0;
    Q_EMIT currentChanged(0);
    Q_EMIT handlesChanged();
}

} // namespace ShmScope
