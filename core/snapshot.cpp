#include "snapshot.h"

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
        m_ranges.append(ByteRange{offset, length});
    }
    QVector<ByteRange> take() { return std::move(m_ranges); }

private:
    QVector<ByteRange> m_ranges;
};

// Exact changed runs in [from, to): equal words are skipped 8 bytes at a time, and so are words in
// which every byte changed, so both a quiet and a fully rewritten block cost about one pass.
void collectChangedRuns(const uchar *a, const uchar *b, qint64 from, qint64 to, RangeCollector &out)
{
    constexpr qint64 word = sizeof(quint64);
    qint64 i = from;
    while (i < to) {
        while (i + word <= to && loadWord(a + i) == loadWord(b + i))
            i += word;
        while (i < to && a[i] == b[i])
            ++i;
        if (i >= to)
            break;
        const qint64 start = i;
        while (i + word <= to && !hasZeroByte(loadWord(a + i) ^ loadWord(b + i)))
            i += word;
        while (i < to && a[i] != b[i])
            ++i;
        out.add(start, i - start);
    }
}

void fillSnapshot(const Segment &segment, Snapshot &snapshot, qint64 length)
{
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
    // memcmp (vectorised by glibc) skips equal 4 KiB blocks at memory speed; only blocks that differ
    // are scanned by words and bytes.
    constexpr qint64 block = 4096;
    const auto *a = reinterpret_cast<const uchar *>(before.constData());
    const auto *b = reinterpret_cast<const uchar *>(after.constData());
    const qint64 common = qMin<qint64>(before.size(), after.size());
    RangeCollector ranges;
    for (qint64 pos = 0; pos < common; pos += block) {
        const qint64 end = qMin(pos + block, common);
        if (std::memcmp(a + pos, b + pos, size_t(end - pos)) != 0)
            collectChangedRuns(a, b, pos, end, ranges);
    }
    // Bytes that exist on one side only changed (appeared or vanished).
    const qint64 longer = qMax<qint64>(before.size(), after.size());
    if (longer > common)
        ranges.add(common, longer - common);
    return ranges.take();
}

} // namespace ShmScope
