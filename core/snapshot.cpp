#include "snapshot.h"

#include "faultguard.h"
#include "segment.h"

#include <cstring>
#include <ctime>

namespace ShmScope {

namespace {

qint64 monotonicNs()
{
    timespec now;
    ::clock_gettime(CLOCK_MONOTONIC, &now);
    return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
}

quint64 loadWord(const uchar *p)
{
    quint64 word;
    std::memcpy(&word, p, sizeof word); // unaligned-safe; compiles to one load
    return word;
}

// True when some byte of x is zero, i.e. when the two words that x is the XOR of share a byte.
bool hasZeroByte(quint64 x)
{
    return ((x - 0x0101010101010101ULL) & ~x & 0x8080808080808080ULL) != 0;
}

class RangeCollector {
public:
    void add(qint64 offset, qint64 length)
    {
        if (!m_ranges.isEmpty()) {
            ByteRange &last = m_ranges.last();
            if (last.offset + last.length == offset) {
                last.length += length;
                return;
            }
        }
        m_ranges.append(ByteRange { offset, length });
    }
    QVector<ByteRange> take() { return std::move(m_ranges); }

private:
    QVector<ByteRange> m_ranges;
};

// Exact changed runs between a[0, length) and b[0, length), reported at base + index: equal words are
// skipped 8 bytes at a time, and so are words in which every byte changed, so both a quiet and a
// fully rewritten block cost about one pass.
void collectChangedRuns(const uchar *a, const uchar *b, qint64 length, qint64 base, RangeCollector &out)
{
    constexpr qint64 word = sizeof(quint64);
    qint64 i = 0;
    while (i < length) {
        while (i + word <= length && loadWord(a + i) == loadWord(b + i))
            i += word;
        while (i < length && a[i] == b[i])
            ++i;
        if (i >= length)
            break;
        const qint64 start = i;
        while (i + word <= length && !hasZeroByte(loadWord(a + i) ^ loadWord(b + i)))
            i += word;
        while (i < length && a[i] != b[i])
            ++i;
        out.add(base + start, i - start);
    }
}

// memcmp (vectorised by glibc) skips equal blocks at memory speed; only blocks that differ are
// scanned by words and bytes.
constexpr qint64 kBlock = 4096;

void fillSnapshot(const Segment &segment, Snapshot &snapshot, qint64 requested)
{
    // Allocate only for what exists now: a window past the end must not cost (or abort on) memory.
    const qint64 length
            = qBound<qint64>(0, qMin(requested, segment.status().currentSize - snapshot.offset), requested);
    // Resizing to the same size keeps the buffer: a steady poll allocates nothing.
    snapshot.bytes.resize(qsizetype(length));
    const qint64 got = length > 0 ? segment.read(snapshot.offset, snapshot.bytes.data(), length) : 0;
    snapshot.takenNs = monotonicNs();
    // After a truncation the read is short; the window shrinks to what is there.
    if (got != length)
        snapshot.bytes.resize(qsizetype(qMax<qint64>(got, 0)));
    const SegmentStatus status = segment.status();
    snapshot.segmentSize = status.currentSize;
    snapshot.unlinked = status.unlinked;
}

} // namespace

Snapshot takeSnapshot(const Segment &segment, qint64 offset, qint64 length)
{
    Snapshot snapshot;
    snapshot.offset = qMax<qint64>(offset, 0);
    snapshot.requestedLength = qMax<qint64>(length, 0);
    fillSnapshot(segment, snapshot, snapshot.requestedLength);
    return snapshot;
}

void refreshSnapshot(const Segment &segment, Snapshot &into)
{
    // A window shortened by a truncation grows back if the block is resized again.
    const qint64 length = qMax<qint64>(into.requestedLength, into.bytes.size());
    into.requestedLength = length;
    fillSnapshot(segment, into, length);
}

QVector<ByteRange> diffBytes(const QByteArray &before, const QByteArray &after)
{
    const auto *a = reinterpret_cast<const uchar *>(before.constData());
    const auto *b = reinterpret_cast<const uchar *>(after.constData());
    const qint64 common = qMin<qint64>(before.size(), after.size());
    RangeCollector ranges;
    for (qint64 pos = 0; pos < common; pos += kBlock) {
        const qint64 n = qMin(kBlock, common - pos);
        if (std::memcmp(a + pos, b + pos, size_t(n)) != 0)
            collectChangedRuns(a + pos, b + pos, n, pos, ranges);
    }
    // Bytes that exist on one side only changed (appeared or vanished).
    const qint64 longer = qMax<qint64>(before.size(), after.size());
    if (longer > common)
        ranges.add(common, longer - common);
    return ranges.take();
}

QVector<ByteRange> updateSnapshot(const Segment &segment, Snapshot &snapshot)
{
    const qint64 length = qMax<qint64>(snapshot.requestedLength, snapshot.bytes.size());
    const qint64 inMapping = qMin(segment.size(), segment.status().currentSize) - snapshot.offset;
    if (length == 0 || !segment.data() || snapshot.bytes.size() != length || inMapping < length) {
        // The window changed size, or reaches past the mapping or the block's end: two buffers.
        const QByteArray before = snapshot.bytes;
        refreshSnapshot(segment, snapshot);
        return diffBytes(before, snapshot.bytes);
    }

    // One pass: compare the live block with the snapshot, copy only the blocks that differ. Reads the
    // mapping under the SIGBUS guard, since the block may shrink while we compare.
    auto *mine = reinterpret_cast<uchar *>(snapshot.bytes.data());
    const uchar *live = segment.data() + snapshot.offset;
    RangeCollector ranges;
    uchar previous[kBlock];
    // volatile: read after a siglongjmp out of the pass, so every store must reach memory.
    volatile qint64 done = 0; // [0, done) compared and, where it differed, copied
    volatile bool copying = false; // a SIGBUS hit the copy of block `done`: previous holds its old bytes
    const bool completed = runCatchingSigbus([&] {
        for (qint64 pos = 0; pos < length; pos += kBlock) {
            const qint64 n = qMin(kBlock, length - pos);
            if (std::memcmp(live + pos, mine + pos, size_t(n)) != 0) {
                std::memcpy(previous, mine + pos, size_t(n));
                copying = true;
                std::memcpy(mine + pos, live + pos, size_t(n));
                copying = false;
                collectChangedRuns(previous, mine + pos, n, pos, ranges);
            }
            done = pos + n;
        }
    });
    snapshot.takenNs = monotonicNs();
    if (!completed) {
        // Truncated during the pass: the rest through pread, which stops at the new end.
        if (copying)
            std::memcpy(mine + done, previous, size_t(qMin(kBlock, length - done)));
        const QByteArray oldTail = snapshot.bytes.mid(done);
        const QByteArray newTail = segment.read(snapshot.offset + done, length - done);
        for (const ByteRange &range : diffBytes(oldTail, newTail))
            ranges.add(done + range.offset, range.length);
        snapshot.bytes.resize(done);
        snapshot.bytes.append(newTail);
    }
    const SegmentStatus status = segment.status();
    snapshot.segmentSize = status.currentSize;
    snapshot.unlinked = status.unlinked;
    return ranges.take();
}

} // namespace ShmScope
