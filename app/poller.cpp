#include "poller.h"

#include "segment.h"

#include <QElapsedTimer>
#include <QMutexLocker>
#include <QTimer>

namespace ShmScope {

// The half of the poller that lives in the poller thread: a timer and the snapshots of the last result.
class PollWorker : public QObject {
    Q_OBJECT
public:
    explicit PollWorker(Poller *poller)
        : m_poller(poller)
    {
    }

    void startTimer(int hz)
    {
        if (!m_timer) {
            m_timer = new QTimer(this);
            m_timer->setTimerType(Qt::PreciseTimer);
            connect(m_timer, &QTimer::timeout, this, &PollWorker::tick);
        }
        m_timer->start(qMax(1, qRound(1000.0 / hz)));
        tick();
    }
    void stopTimer()
    {
        if (m_timer)
            m_timer->stop();
    }

    void tick()
    {
        // The GUI has not consumed the last result yet: skip, the next diff covers this tick too.
        if (m_poller->m_resultPending.load(std::memory_order_acquire))
            return;
        const Poller::Config config = m_poller->config();
        PollResult result;
        result.generation = config.generation;
        result.segmentGeneration = config.segmentGeneration;
        result.hasSegment = bool(config.segment);
        result.fresh = config.generation != m_generation;
        if (result.fresh) {
            m_generation = config.generation;
            m_visible = Snapshot();
            m_typed = Snapshot();
            if (config.segment) {
                m_visible = takeSnapshot(*config.segment, config.visible.offset, config.visible.length);
                m_typed = takeSnapshot(*config.segment, config.typed.offset, config.typed.length);
            }
        } else if (config.segment) {
            const QByteArray visibleBefore = m_visible.bytes;
            const QByteArray typedBefore = m_typed.bytes;
            const qint64 sizeBefore = m_visible.segmentSize;
            const bool unlinkedBefore = m_visible.unlinked;
            refreshSnapshot(*config.segment, m_visible);
            refreshSnapshot(*config.segment, m_typed);
            result.visibleChanges = diffBytes(visibleBefore, m_visible.bytes);
            result.typedChanges = diffBytes(typedBefore, m_typed.bytes);
            if (visibleBefore.size() != m_visible.bytes.size() || sizeBefore != m_visible.segmentSize
                || unlinkedBefore != m_visible.unlinked)
                result.fresh = true; // truncated or unlinked under us: show it, without flashing it all
        }

        const qint64 nowMs = m_clock.isValid() ? m_clock.elapsed() : (m_clock.start(), 0);
        for (auto it = config.probes.cbegin(); it != config.probes.cend(); ++it) {
            const qint64 lastRun = m_probeRunMs.value(it.key(), -1);
            if (lastRun >= 0 && nowMs - lastRun < it.value().minimumIntervalMs)
                continue;
            m_probeRunMs.insert(it.key(), nowMs);
            Poller::ProbeResult probed = it.value().probe();
            if (!m_probeFingerprints.contains(it.key()) || m_probeFingerprints.value(it.key()) != probed.fingerprint) {
                m_probeValues.insert(it.key(), probed.value);
                m_probeFingerprints.insert(it.key(), probed.fingerprint);
                result.changedProbes << it.key();
            }
        }

        if (!result.fresh && result.visibleChanges.isEmpty() && result.typedChanges.isEmpty()
            && result.changedProbes.isEmpty())
            return;
        result.sequence = ++m_sequence;
        result.visible = m_visible;
        result.typed = m_typed;
        result.probes = m_probeValues;
        m_poller->m_resultPending.store(true, std::memory_order_release);
        QMetaObject::invokeMethod(m_poller, [poller = m_poller, result] { poller->deliver(result); },
                                  Qt::QueuedConnection);
    }

private:
    Poller *m_poller;
    QTimer *m_timer = nullptr;
    quint64 m_generation = 0;
    quint64 m_sequence = 0;
    Snapshot m_visible;
    Snapshot m_typed;
    QVariantHash m_probeValues;
    QHash<QString, QByteArray> m_probeFingerprints;
    QHash<QString, qint64> m_probeRunMs;
    QElapsedTimer m_clock;
};

Poller::Poller(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<ShmScope::PollResult>();
    m_thread.setObjectName(QStringLiteral("ShmScope poller"));
    m_worker = new PollWorker(this);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
}

Poller::~Poller()
{
    stop();
    m_thread.quit();
    m_thread.wait();
}

Poller::Config Poller::config() const
{
    QMutexLocker locker(&m_mutex);
    return m_config;
}

void Poller::deliver(const PollResult &result)
{
    Q_EMIT polled(result);
    m_resultPending.store(false, std::memory_order_release);
}

void Poller::setSegment(std::shared_ptr<const Segment> segment)
{
    QMutexLocker locker(&m_mutex);
    m_config.segment = std::move(segment);
    ++m_config.generation;
    ++m_config.segmentGeneration;
}

quint64 Poller::segmentGeneration() const
{
    QMutexLocker locker(&m_mutex);
    return m_config.segmentGeneration;
}

quint64 Poller::generation() const
{
    QMutexLocker locker(&m_mutex);
    return m_config.generation;
}

void Poller::setVisibleRange(ByteRange range)
{
    QMutexLocker locker(&m_mutex);
    if (m_config.visible == range)
        return;
    m_config.visible = range;
    ++m_config.generation;
}

void Poller::setTypedRange(ByteRange range)
{
    QMutexLocker locker(&m_mutex);
    if (m_config.typed == range)
        return;
    m_config.typed = range;
    ++m_config.generation;
}

void Poller::setRateHz(int hz)
{
    hz = qBound(kMinimumHz, hz, kMaximumHz);
    if (hz == m_rateHz)
        return;
    m_rateHz = hz;
    if (isRunning())
        QMetaObject::invokeMethod(m_worker, [worker = m_worker, hz] { worker->startTimer(hz); });
    Q_EMIT rateChanged(hz);
}

void Poller::addProbe(const QString &key, Probe probe, int minimumIntervalMs)
{
    QMutexLocker locker(&m_mutex);
    m_config.probes.insert(key, {std::move(probe), minimumIntervalMs});
}

void Poller::removeProbe(const QString &key)
{
    QMutexLocker locker(&m_mutex);
    m_config.probes.remove(key);
}

void Poller::start()
{
    if (!m_thread.isRunning())
        m_thread.start();
    const int hz = m_rateHz;
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, hz] { worker->startTimer(hz); });
}

void Poller::stop()
{
    if (m_thread.isRunning())
        QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->stopTimer(); },
                                  Qt::BlockingQueuedConnection);
}

bool Poller::isRunning() const
{
    return m_thread.isRunning();
}

void Poller::pollNow()
{
    if (m_thread.isRunning())
        QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->tick(); });
}

} // namespace ShmScope

#include "poller.moc"
