#pragma once

#include <QString>
#include <memory>
#include <sys/types.h>

namespace ShmScope {

// A fixed-size POSIX shared-memory object mapped whole: the building block of ShmScope's own
// objects (sync objects, operation logs, step controls). Unlike Segment it hands out the raw
// mapping, because those objects live on atomics and process-shared pthread types.
// RAII: unmaps and closes; never unlinks unless asked.
class ShmRegion {
public:
    // O_CREAT|O_EXCL, sized and zero-filled; fails with "... exists" if the name is taken.
    static std::unique_ptr<ShmRegion> createExclusive(const QString &shmName, qint64 size,
                                                      QString *error, mode_t mode = 0600);
    // Maps the object's current size; minimumSize guards against a foreign or half-made file.
    static std::unique_ptr<ShmRegion> open(const QString &shmName, qint64 minimumSize,
                                           bool readOnly, QString *error);
    static bool unlinkName(const QString &shmName, QString *error);

    ~ShmRegion();
    ShmRegion(const ShmRegion &) = delete;
    ShmRegion &operator=(const ShmRegion &) = delete;

    void *data() const { return m_data; }
    qint64 size() const { return m_size; }
    QString name() const { return m_name; }
    bool isReadOnly() const { return m_readOnly; }

private:
    ShmRegion() = default;
    QString m_name;
    void *m_data = nullptr;
    qint64 m_size = 0;
    bool m_readOnly = false;
};

} // namespace ShmScope
