#include "timelinerecorder.h"

#include <algorithm>
#include <cstring>

namespace ShmScope {

namespace {

constexpr qint64 kBytesPerInterval = qint64(sizeof(LockInterval));

bool earlier(const TimelineEntry &a, const TimelineEntry &b)
{
    return a.timeNs != b.timeNs ? a.timeNs < b.timeNs : a.index < b.index;
}

} // namespace

TimelineRecorder::TimelineRecorder(qint64 memoryCap, int keyframeEveryEntries)
    : m_memoryCap(memoryCap)
    , m_keyframeEveryEntries(qMax(1, keyframeEveryEntries))
{ }

int TimelineRecorder::addSegment(const QString &name, const Layout &layout)
{
    m_tracks.push_back(Track { name, layout, {}, {} });
    return int(m_tracks.size()) - 1;
}

void TimelineRecorder::addWriterPid(int track, pid_t pid)
{
    if (track >= 0 && track < trackCount())
        m_tracks[size_t(track)].writers.insert(pid);
}

QString TimelineRecorder::segmentName(int track) const
{
    return track >= 0 && track < trackCount() ? m_tracks[size_t(track)].name : QString();
}

Layout TimelineRecorder::layout(int track) const
{
    return track >= 0 && track < trackCount() ? m_tracks[size_t(track)].layout : Layout();
}

void TimelineRecorder::addLock(const QString &realName, const QString &displayName)
{
    const quint64 target = syncObjectId(realName);
    m_lockNames.insert(target, displayName);
    m_locks.addLock(target, displayName);
}

// Per process, the log is in program order; a LOAD opens a register on its offset until a STORE.
void TimelineRecorder::markMemoryWrites(QVector<TimelineEntry> &batch)
{
    std::sort(batch.begin(), batch.end(),
        [](const TimelineEntry &a, const TimelineEntry &b) { return a.index < b.index; });
    for (TimelineEntry &entry : batch) {
        const QPair<pid_t, quint64> key(entry.pid, entry.target);
        switch (entry.op) {
        case OpCode::Load:
            m_openRegister.insert(key, true);
            break;
        case OpCode::Add:
            entry.writesMemory = !m_openRegister.value(key, false);
            break;
        case OpCode::Store:
            m_openRegister.remove(key);
            entry.writesMemory = true;
            break;
        case OpCode::Write:
        case OpCode::Produce:
            entry.writesMemory = true;
            break;
        case OpCode::Exit:
            for (auto it = m_openRegister.begin(); it != m_openRegister.end();) {
                it = it.key().first == entry.pid ? m_openRegister.erase(it) : std::next(it);
            }
            break;
        default:
            break;
        }
    }
}

void TimelineRecorder::addEntries(const QVector<OpLogEntry> &entries)
{
    if (entries.isEmpty())
        return;
    QVector<TimelineEntry> batch;
    batch.reserve(entries.size());
    for (const OpLogEntry &entry : entries) {
        batch << TimelineEntry::fromLogEntry(entry);
        m_entriesLost += entry.lostBefore;
        if (!m_pidSeen.contains(entry.pid) && entry.pid != 0) {
            m_pidSeen.insert(entry.pid);
            m_pidOrder << entry.pid;
        }
    }
    m_entriesSeen += quint64(batch.size());
    markMemoryWrites(batch);
    std::stable_sort(batch.begin(), batch.end(), earlier);

    // Processes stamp their own clock reads: a batch can start a little before the newest entry.
    const bool inOrder = m_entries.empty() || !earlier(batch.front(), m_entries.back());
    const auto middle = qsizetype(m_entries.size());
    m_entries.insert(m_entries.end(), batch.cbegin(), batch.cend());
    if (inOrder) {
        for (const TimelineEntry &entry : batch)
            m_locks.add(entry);
    } else {
        std::inplace_merge(m_entries.begin(), m_entries.begin() + middle, m_entries.end(), earlier);
        m_locks.clear();
        for (const TimelineEntry &entry : m_entries)
            m_locks.add(entry);
    }
    enforceCap();
}

bool TimelineRecorder::appliesTo(
    const Track &track, const TimelineEntry &entry, const LayoutField **field) const
{
    if (!entry.writesMemory)
        return false;
    if (!track.writers.isEmpty() && !track.writers.contains(entry.pid))
        return false;
    const qint64 offset = qint64(entry.target);
    for (const LayoutField &candidate : track.layout.fields()) {
        if (offset < candidate.offset || offset >= candidate.end())
            continue;
        if ((offset - candidate.offset) % candidate.type->size != 0)
            return false;
        const QString tag = entry.tagText();
        if (track.writers.isEmpty() && !tag.isEmpty() && !candidate.name.toUtf8().startsWith(tag.toUtf8()))
            return false;
        *field = &candidate;
        return true;
    }
    return false;
}

// The log carries values, not bytes: an integer goes in as its low `size` bytes (the wrap ctypes
// does), a float as a C float or double, a 'c' or 'u' as its code.
void TimelineRecorder::applyWrite(
    QByteArray &bytes, const LayoutField &field, qint64 offset, const TimelineEntry &entry)
{
    const int size = field.type->size;
    if (offset + size > bytes.size() || entry.newType == OpValue::None)
        return;
    uchar encoded[8] = {};
    if (entry.newType == OpValue::Double && field.type->kind == ValueKind::Float) {
        const double value = entry.newValue().toDouble();
        if (size == 4) {
            const float narrow = float(value);
            std::memcpy(encoded, &narrow, 4);
        } else {
            std::memcpy(encoded, &value, 8);
        }
    } else {
        quint64 bits = quint64(entry.newBits);
        if (entry.newType == OpValue::Double)
            bits = quint64(qint64(entry.newValue().toDouble()));
        for (int i = 0; i < 8; ++i)
            encoded[i] = uchar(bits >> (8 * i)); // little-endian, like every type code here
    }
    std::memcpy(bytes.data() + offset, encoded, size_t(qMin(size, 8)));
}

QByteArray TimelineRecorder::rebuild(const Track &track, qint64 timeNs, bool *available) const
{
    auto keyframe = std::upper_bound(track.keyframes.cbegin(), track.keyframes.cend(), timeNs,
        [](qint64 time, const Keyframe &frame) { return time < frame.timeNs; });
    if (keyframe == track.keyframes.cbegin()) {
        if (available)
            *available = false;
        return QByteArray();
    }
    --keyframe;
    QByteArray bytes = keyframe->bytes;
    bytes.detach();
    // Entries stamped at the keyframe's moment or before are in it already.
    auto it = std::upper_bound(m_entries.cbegin(), m_entries.cend(), keyframe->timeNs,
        [](qint64 time, const TimelineEntry &entry) { return time < entry.timeNs; });
    for (; it != m_entries.cend() && it->timeNs <= timeNs; ++it) {
        const LayoutField *field = nullptr;
        if (appliesTo(track, *it, &field))
            applyWrite(bytes, *field, qint64(it->target), *it);
    }
    if (available)
        *available = true;
    return bytes;
}

void TimelineRecorder::addSnapshot(int track, qint64 timeNs, const QByteArray &bytes)
{
    if (track < 0 || track >= trackCount())
        return;
    Track &tracked = m_tracks[size_t(track)];
    bool keep = tracked.keyframes.empty();
    if (!keep) {
        const Keyframe &last = tracked.keyframes.back();
        if (timeNs < last.timeNs)
            return; // polled before the newest keyframe: nothing new to learn
        keep = m_entriesSeen - last.entriesBefore >= quint64(m_keyframeEveryEntries)
            || timeNs - last.timeNs >= kKeyframeEveryNs;
        if (!keep && rebuild(tracked, timeNs, nullptr) != bytes) {
            ++m_unexplained;
            m_polledChanges.push_back(timeNs);
            keep = true;
        }
    }
    if (!keep)
        return;
    tracked.keyframes.push_back(Keyframe { timeNs, m_entriesSeen, bytes });
    enforceCap();
}

QByteArray TimelineRecorder::bytesAt(int track, qint64 timeNs, bool *available) const
{
    if (track < 0 || track >= trackCount()) {
        if (available)
            *available = false;
        return QByteArray();
    }
    return rebuild(m_tracks[size_t(track)], timeNs, available);
}

QVector<LockHolding> TimelineRecorder::locksAt(qint64 timeNs) const
{
    QVector<LockHolding> holdings;
    const QVector<quint64> targets = m_locks.locks();
    for (quint64 target : targets) {
        LockHolding holding = m_locks.holdingAt(target, timeNs);
        holding.name = m_lockNames.value(target, holding.name);
        holdings << holding;
    }
    return holdings;
}

qsizetype TimelineRecorder::firstEntryAtOrAfter(qint64 timeNs) const
{
    const auto it = std::lower_bound(m_entries.cbegin(), m_entries.cend(), timeNs,
        [](const TimelineEntry &entry, qint64 time) { return entry.timeNs < time; });
    return qsizetype(it - m_entries.cbegin());
}

qint64 TimelineRecorder::earliestNs() const
{
    qint64 earliest = m_entries.empty() ? 0 : m_entries.front().timeNs;
    for (const Track &track : m_tracks) {
        if (!track.keyframes.empty() && (earliest == 0 || track.keyframes.front().timeNs < earliest))
            earliest = track.keyframes.front().timeNs;
    }
    return earliest;
}

qint64 TimelineRecorder::latestNs() const
{
    qint64 latest = m_entries.empty() ? 0 : m_entries.back().timeNs;
    for (const Track &track : m_tracks) {
        if (!track.keyframes.empty())
            latest = qMax(latest, track.keyframes.back().timeNs);
    }
    return latest;
}

qint64 TimelineRecorder::memoryBytes() const
{
    qint64 bytes = qint64(m_entries.size()) * qint64(sizeof(TimelineEntry));
    for (const Track &track : m_tracks) {
        for (const Keyframe &frame : track.keyframes)
            bytes += frame.bytes.size() + qint64(sizeof(Keyframe));
    }
    return bytes + m_locks.intervalCount() * kBytesPerInterval + qint64(m_polledChanges.size() * sizeof(qint64));
}

int TimelineRecorder::keyframeCount(int track) const
{
    return track >= 0 && track < trackCount() ? int(m_tracks[size_t(track)].keyframes.size()) : 0;
}

// Rebuilds every segment at horizonNs as its first keyframe, then forgets what came before it.
void TimelineRecorder::forgetBefore(qint64 horizonNs)
{
    for (Track &track : m_tracks) {
        bool available = false;
        QByteArray rebuilt = rebuild(track, horizonNs, &available);
        if (!available)
            continue;
        while (!track.keyframes.empty() && track.keyframes.front().timeNs <= horizonNs)
            track.keyframes.pop_front();
        track.keyframes.push_front(Keyframe { horizonNs, m_entriesSeen, std::move(rebuilt) });
    }
    while (!m_entries.empty() && m_entries.front().timeNs <= horizonNs) {
        m_entries.pop_front();
        ++m_entriesDropped;
    }
    m_locks.dropBefore(horizonNs);
    while (!m_polledChanges.empty() && m_polledChanges.front() <= horizonNs)
        m_polledChanges.pop_front();
}

void TimelineRecorder::enforceCap()
{
    // Drop to three quarters of the cap at once, so that trimming is rare and amortised.
    const qint64 goal = m_memoryCap / 4 * 3;
    if (memoryBytes() <= m_memoryCap)
        return;
    while (memoryBytes() > goal) {
        qint64 horizon = 0;
        if (m_entries.size() >= 4)
            horizon = m_entries[m_entries.size() / 4].timeNs;
        for (const Track &track : m_tracks) {
            if (track.keyframes.size() >= 2)
                horizon = qMax(horizon, track.keyframes[1].timeNs);
        }
        if (horizon == 0 && !m_entries.empty())
            horizon = m_entries.back().timeNs;
        const qint64 before = memoryBytes();
        if (horizon != 0)
            forgetBefore(horizon);
        if (memoryBytes() >= before)
            break; // one keyframe per segment and no entries: nothing older left to give up
    }
}

void TimelineRecorder::clear()
{
    m_entries.clear();
    for (Track &track : m_tracks)
        track.keyframes.clear();
    m_locks.clear();
    m_openRegister.clear();
    m_polledChanges.clear();
    m_entriesSeen = m_unexplained = m_entriesLost = m_entriesDropped = 0;
}

} // namespace ShmScope
