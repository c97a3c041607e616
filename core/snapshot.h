#pragma once

#include <QByteArray>
#include <QVector>

namespace ShmScope {

class Segment;

struct ByteRange {
    qint64 offset = 0;
    qint64 length = 0;
    bool operator==(const ByteRange &o) const { return offset == o.offset && length == o.length; }
};

// A copy of [offset, offset + bytes.size()) of a segment at one moment.
struct Snapshot {
    qint64 offset = 0;
    QByteArray bytes;          // shorter than requestedLength when the block ends inside the window
    qint64 requestedLength = 0; // the window asked for; refreshSnapshot reads this much again
    qint64 takenNs = 0;       // CLOCK_MONOTONIC
    qint64 segmentSize = 0;   // size of the object when taken (after truncation: smaller)
    bool unlinked = false;
};

Snapshot takeSnapshot(const Segment &segment, qint64 offset, qint64 length);
// Takes a new snapshot of the same window into `into`, reusing its buffer (no allocation when sizes match).
void refreshSnapshot(const Segment &segment, Snapshot &into);

// Brings `snapshot` up to date and returns what changed since it was taken, in one pass over the
// window: each 4 KiB block of the live mapping is compared with the snapshot and copied only when it
// differs. Costs about one memcpy of the window, half of refreshSnapshot + diffBytes, and needs no
// second buffer: the live views' poll. Never SIGBUSes (see faultguard.h); a window that changed size
// or reaches past the block's end takes the refreshSnapshot + diffBytes path.
QVector<ByteRange> updateSnapshot(const Segment &segment, Snapshot &snapshot);

// The changed ranges between two images of the same window, merged, in ascending order.
// Compares a word at a time, skipping equal blocks fast; cost close to one pass over both buffers.
QVector<ByteRange> diffBytes(const QByteArray &before, const QByteArray &after);

} // namespace ShmScope
