#include "timelinefeed.h"

#include "oplog.h"
#include "segment.h"
#include "snapshot.h"

#include <ctime>

namespace ShmScope {

namespace {

qint64 monotonicNow()
{
    timespec now {};
    ::clock_gettime(CLOCK_MONOTONIC, &now);
    return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

bool isLockKind(const QString &kind)
{
    return kind == QLatin1String("Lock") || kind == QLatin1String("RLock")
        || kind == QLatin1String("Condition");
}

} // namespace

TimelineFeed::TimelineFeed(QObject *parent)
    : QObject(parent)
{
    m_timer.setInterval(kDefaultPollIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &TimelineFeed::poll);
}

TimelineFeed::~TimelineFeed() = default;

void TimelineFeed::setPollInterval(int intervalMs)
{
    m_timer.setInterval(qMax(10, intervalMs));
}

void TimelineFeed::follow(ExperimentRunner *runner)
{
    for (const QMetaObject::Connection &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    m_timer.stop();
    m_reader.reset();
    m_log.reset();
    m_attached.clear();
    m_labels.clear();
    m_segmentIds.clear();
    m_recorder = TimelineRecorder();
    m_runner = runner;
    if (runner) {
        const Experiment &experiment = runner->experiment();
        for (const ExperimentSegment &segment : experiment.segments) {
            LayoutError error;
            const std::optional<Layout> layout = Layout::parse(segment.layout, &error);
            m_recorder.addSegment(segment.id, layout ? *layout : Layout());
            m_segmentIds << segment.id;
            m_attached.push_back(nullptr);
        }
        for (const ExperimentSyncObject &sync : experiment.syncObjects) {
            if (isLockKind(sync.kind))
                m_recorder.addLock(runner->realSyncName(sync.id), sync.id);
        }
        m_connections << connect(
            runner, &ExperimentRunner::workerChanged, this, &TimelineFeed::onWorkerChanged)
                      << connect(runner, &ExperimentRunner::stepped, this, &TimelineFeed::poll)
                      << connect(runner, &ExperimentRunner::phaseStarted, this, [this] { m_timer.start(); })
                      << connect(runner, &ExperimentRunner::finished, this, [this] {
                             poll();
                             m_timer.stop();
                         });
        for (int i = 0; i < int(runner->workers().size()); ++i)
            onWorkerChanged(i);
        if (runner->isRunning())
            m_timer.start();
    }
    poll();
}

void TimelineFeed::onWorkerChanged(int workerIndex)
{
    if (!m_runner || workerIndex < 0 || size_t(workerIndex) >= m_runner->workers().size())
        return;
    const WorkerRun &run = m_runner->workers()[size_t(workerIndex)];
    if (run.pid <= 0)
        return;
    m_labels.insert(pid_t(run.pid), run.label);
    const QVector<ExperimentPhase> &phases = m_runner->experiment().phases;
    if (run.phase < 0 || run.phase >= phases.size())
        return;
    for (const ExperimentWorker &worker : phases.at(run.phase).workers) {
        if (worker.id == run.workerId && !worker.segment.isEmpty())
            m_recorder.addWriterPid(trackOf(worker.segment), pid_t(run.pid));
    }
}

QString TimelineFeed::labelOf(pid_t pid) const
{
    return m_labels.value(pid, QString::number(pid));
}

QVector<QPair<pid_t, QString>> TimelineFeed::lanes() const
{
    QVector<QPair<pid_t, QString>> lanes;
    if (!m_runner)
        return lanes;
    for (const WorkerRun &run : m_runner->workers()) {
        if (run.pid > 0)
            lanes << qMakePair(pid_t(run.pid), run.label);
    }
    return lanes;
}

QByteArray TimelineFeed::bytesAt(const QString &realSegmentName, qint64 timeNs, bool *available) const
{
    for (int track = 0; m_runner && track < m_segmentIds.size(); ++track) {
        if (m_runner->realSegmentName(m_segmentIds.at(track)) == realSegmentName)
            return m_recorder.bytesAt(track, timeNs, available);
    }
    if (available)
        *available = false;
    return QByteArray();
}

bool TimelineFeed::openLog()
{
    if (m_reader)
        return true;
    if (!m_runner)
        return false;
    QString error;
    m_log = OpLog::openReadOnly(m_runner->opLogName(), &error);
    if (!m_log)
        return false; // not prepared yet: the next poll tries again
    m_reader = std::make_unique<OpLogReader>(*m_log, OpLogReader::Start::Oldest);
    return true;
}

void TimelineFeed::poll()
{
    if (!m_runner)
        return;
    if (openLog()) {
        for (int batches = 0; batches < 64; ++batches) { // bounded: a flood never freezes the GUI
            OpLogReader::Batch batch = m_reader->readAvailable();
            if (batch.entries.isEmpty())
                break;
            m_recorder.addEntries(batch.entries);
        }
    }
    for (int track = 0; track < m_segmentIds.size(); ++track) {
        const Segment *segment = m_runner->segment(m_segmentIds.at(track));
        if (!segment) {
            // Made by a worker (a Python script): attached read-only once it exists.
            std::unique_ptr<Segment> &attached = m_attached[size_t(track)];
            if (!attached) {
                SegmentError error;
                attached = Segment::attach(m_runner->realSegmentName(m_segmentIds.at(track)), &error, true);
            }
            segment = attached.get();
        }
        if (!segment)
            continue;
        const qint64 readStartNs = monotonicNow();
        const Snapshot snapshot = takeSnapshot(*segment, 0, segment->size());
        m_recorder.addSnapshot(track, readStartNs, snapshot.bytes);
    }
    Q_EMIT updated();
}

} // namespace ShmScope
