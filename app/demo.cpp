#include "demo.h"

#include "layout.h"
#include "processmanager.h"
#include "segment.h"
#include "sync/syncstate.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <cmath>
#include <unistd.h>

namespace ShmScope {

namespace {
constexpr int kCounterIterations = 100'000'000; // runs for as long as the window is open
constexpr int kCounterDelayUs = 20'000;         // ~50 increments a second: a human can follow them
constexpr int kAnimationIntervalMs = 40;
} // namespace

Demo::Demo(Workspace *workspace, ProcessManager *processes, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_processes(processes)
{
    m_animation.setInterval(kAnimationIntervalMs);
    connect(&m_animation, &QTimer::timeout, this, &Demo::animateInProcess);
}

Demo::~Demo()
{
    stop();
}

QString Demo::workerProgram()
{
    return QCoreApplication::applicationDirPath() + QStringLiteral("/shmscope-worker");
}

bool Demo::start(QString *error)
{
    if (isRunning())
        return true;
    LayoutError layoutError;
    const std::optional<Layout> layout = Layout::parse(layoutSpec(), &layoutError);
    if (!layout) {
        *error = tr("Demo layout: %1").arg(layoutError.toString());
        return false;
    }
    // The pid keeps two demos (two windows) apart; the name says who made it in `ls /dev/shm`.
    m_segmentName = QStringLiteral("shmscope-demo-%1").arg(::getpid());
    m_lockName = QStringLiteral("shmscope-demo-%1-lock").arg(::getpid());
    m_handleA = m_workspace->createSegment(m_segmentName, layout->size(), *layout, error, tr("shm_a"));
    if (!m_handleA)
        return false;
    m_handleB = m_workspace->openAnotherHandle(m_handleA, tr("shm_b"), error);
    if (!m_handleB) {
        stop();
        return false;
    }
    m_workspace->setCurrent(m_handleA);

    // Start from the numbers of the seeds rather than zeros, so the first frame already tells a story.
    const OpenHandle *b = m_workspace->handle(m_handleB);
    m_writer = b->segment;
    const double values[4] = {3.14, 2.71, 1.41, 1.73};
    m_writer->write(layout->field(QStringLiteral("values"))->offset, values, sizeof values);

    if (QFileInfo(workerProgram()).isExecutable() && m_processes)
        launchWorkers();
    if (!m_usesWorkers)
        m_animation.start();
    return true;
}

void Demo::launchWorkers()
{
    QString error;
    m_lockCreated = createSyncObject(m_lockName, SyncKind::Lock, 0, &error);
    if (!m_lockCreated) {
        Q_EMIT message(tr("Demo: no lock (%1); animating in-process").arg(error));
        return;
    }
    const QStringList common{QStringLiteral("--segment"), m_segmentName, QStringLiteral("--layout"), layoutSpec()};
    for (int i = 0; i < 2; ++i) {
        m_workerIds << m_processes->launch(
            workerProgram(),
            QStringList{QStringLiteral("counter")} + common
                + QStringList{QStringLiteral("--field"), QStringLiteral("counter"), QStringLiteral("--iterations"),
                              QString::number(kCounterIterations), QStringLiteral("--lock"), m_lockName,
                              QStringLiteral("--delay-us"), QString::number(kCounterDelayUs)},
            tr("counter %1").arg(i + 1));
    }
    m_workerIds << m_processes->launch(
        workerProgram(),
        QStringList{QStringLiteral("array")} + common
            + QStringList{QStringLiteral("--field"), QStringLiteral("values"), QStringLiteral("--mode"),
                          QStringLiteral("sweep"), QStringLiteral("--pattern"), QStringLiteral("wave"),
                          QStringLiteral("--rate"), QStringLiteral("6")},
        tr("array writer"));
    m_usesWorkers = true;
}

void Demo::animateInProcess()
{
    if (!m_writer)
        return;
    ++m_tick;
    // The same changes the workers would make: the counter climbs, one array element at a time moves.
    qint32 counter = 0;
    m_writer->read(0, &counter, sizeof counter);
    ++counter;
    m_writer->write(0, &counter, sizeof counter);
    if (m_tick % 3 == 0) {
        const int element = (m_tick / 3) % 4;
        const double value = std::round(100.0 * (2.0 + std::sin(m_tick * 0.05 + element))) / 100.0;
        m_writer->write(8 + element * 8, &value, sizeof value);
    }
}

void Demo::stop()
{
    m_animation.stop();
    if (m_processes) {
        for (int id : std::as_const(m_workerIds))
            m_processes->kill(id);
    }
    m_workerIds.clear();
    m_writer.reset();
    if (m_lockCreated) {
        QString ignored;
        removeSyncObject(m_lockName, &ignored);
        m_lockCreated = false;
    }
    if (m_handleA) {
        QString ignored;
        m_workspace->unlinkHandle(m_handleA, &ignored); // we created it: the name goes with the demo
        m_workspace->closeHandle(m_handleB);
        m_workspace->closeHandle(m_handleA);
    }
    m_handleA = m_handleB = 0;
    m_usesWorkers = false;
}

} // namespace ShmScope
