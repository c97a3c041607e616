#pragma once

#include <QObject>
#include <QString>
#include <QTimer>
#include <memory>

namespace ShmScope {

class ProcessManager;
class Segment;
class Workspace;

// The built-in demo a newcomer sees at first launch: the seeds' lessons, live.
// One block holds a Value('i') counter and an Array('d', 4) ("counter:i; values:d[4]"); this window
// opens two handles on it, shm_a and shm_b (the seed's picture), and workers change it: a counter
// under a lock, and an array writer. Everything it made is removed again by stop() (and on quit).
class Demo : public QObject {
    Q_OBJECT
public:
    static QString layoutSpec() { return QStringLiteral("counter:i; values:d[4]"); }

    Demo(Workspace *workspace, ProcessManager *processes, QObject *parent = nullptr);
    ~Demo() override; // stop()

    bool start(QString *error);
    void stop();
    bool isRunning() const { return m_handleA != 0; }
    QString segmentName() const { return m_segmentName; }
    QString lockName() const { return m_lockName; }
    int handleA() const { return m_handleA; }
    int handleB() const { return m_handleB; }
    // False when shmscope-worker is not beside the app: the demo then animates the block itself.
    bool usesWorkers() const { return m_usesWorkers; }
    static QString workerProgram(); // applicationDirPath()/shmscope-worker

Q_SIGNALS:
    void message(const QString &text); // for the status bar

private:
    void launchWorkers();
    void animateInProcess();

    Workspace *m_workspace;
    ProcessManager *m_processes;
    QString m_segmentName;
    QString m_lockName;
    int m_handleA = 0;
    int m_handleB = 0;
    QVector<int> m_workerIds;
    bool m_usesWorkers = false;
    bool m_lockCreated = false;
    std::shared_ptr<Segment> m_writer; // shm_b, for the in-process fallback only
    QTimer m_animation;
    int m_tick = 0;
};

} // namespace ShmScope
