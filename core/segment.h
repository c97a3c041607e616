#pragma once

#include <QByteArray>
#include <QString>
#include <memory>
#include <sys/types.h>

namespace ShmScope {

// What went wrong, in the meaning of Python's own errors for SharedMemory.
enum class SegmentErrorKind {
    None,
    InvalidName,      // ValueError / OSError EINVAL: bad POSIX shm name
    InvalidSize,      // ValueError: 'size' must be a positive number different from zero
    Exists,           // FileExistsError
    NotFound,         // FileNotFoundError
    PermissionDenied, // PermissionError
    NoRoom,           // /dev/shm cannot hold it (Python would SIGBUS later, CPython gh-114390)
    NotOwner,         // we only attached: we never unlink what we did not create
    System            // any other OSError, with strerror
};

struct SegmentError {
    SegmentErrorKind kind = SegmentErrorKind::None;
    QString message; // one line, names the segment
    bool isError() const { return kind != SegmentErrorKind::None; }
};

// The state of the object behind an open handle, read without touching the mapping.
struct SegmentStatus {
    qint64 mappedSize = 0;  // bytes this handle mapped
    qint64 currentSize = 0; // size of the object now; differs after another process truncated it
    bool unlinked = false;  // its name is gone, this handle still maps the block
    quint64 inode = 0;
};

// One handle on a POSIX shared-memory block: an fd plus a shared mapping (RAII).
// Another process truncating or unlinking the block can never SIGBUS a reader of this API: read()
// copies from the mapping only within the size fstat reports, under a SIGBUS guard that falls back
// to pread on the fd (faultguard.h), and write() goes through pwrite, clipped to the current size.
// A reader sees fewer bytes instead, and status() tells why.
// data() is the raw mapping, for workers that need atomics; readers should not use it.
class Segment {
public:
    static std::unique_ptr<Segment> create(const QString &name, qint64 size, SegmentError *error,
                                           mode_t mode = 0600);
    static std::unique_ptr<Segment> attach(const QString &name, SegmentError *error,
                                           bool readOnly = false);
    // For `shmscope-cli rm` and the GUI's "unlink" of a catalogue entry the user chose.
    static bool unlinkByName(const QString &name, SegmentError *error);

    ~Segment(); // unmaps and closes; never unlinks
    Segment(const Segment &) = delete;
    Segment &operator=(const Segment &) = delete;

    QString name() const;          // without the leading '/'
    qint64 size() const;           // mapped size
    bool createdHere() const;      // this handle created the name
    bool isReadOnly() const;
    quintptr address() const;      // where this handle maps the block in this process
    quint64 inode() const;
    uchar *data() const;           // the raw shared mapping (workers only)

    SegmentStatus status() const;  // fstat on the fd: current size, unlinked or not

    // Copies up to length bytes at offset; returns the count read (short after truncation), -1 on error.
    qint64 read(qint64 offset, void *destination, qint64 length) const;
    QByteArray read(qint64 offset, qint64 length) const;
    // Writes through the fd, never past the current end (a write must not regrow a block someone
    // truncated); returns the count written (short at the end), -1 on error or a read-only handle.
    qint64 write(qint64 offset, const void *source, qint64 length);

    // Removes the name; only for a segment this handle created (NotOwner otherwise).
    bool unlink(SegmentError *error);

private:
    Segment() = default;
    QString m_name;
    int m_fd = -1;
    uchar *m_data = nullptr;
    qint64 m_size = 0;
    quint64 m_inode = 0;
    bool m_createdHere = false;
    bool m_readOnly = false;
};

} // namespace ShmScope
