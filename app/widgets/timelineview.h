#pragma once

#include "oplog.h"

#include <QHash>
#include <QWidget>

namespace ShmScope {

class TimelineRecorder;

// The timeline, painted: a time axis, a lane per worker (each operation a tick coloured by its op:
// LOAD, ADD, STORE, ACQUIRE, RELEASE, ...) and a lane per lock (a bar for each hold, coloured by
// the holder). The scrubber (drag, click, ← → to the previous/next operation, Shift for ten,
// Home/End) emits timeChanged(ns); End, or moving past the newest entry, goes back to live.
// Wheel zooms around the cursor, a double click fits everything. Reads a TimelineRecorder; never
// shared memory.
class TimelineView : public QWidget {
    Q_OBJECT
public:
    explicit TimelineView(QWidget *parent = nullptr);

    void setRecorder(const TimelineRecorder *recorder); // the caller keeps it alive
    // The worker lanes in this order, with these names; pids not listed follow, named by number.
    void setLanes(const QVector<QPair<pid_t, QString>> &lanes);
    void recorderChanged(); // new entries: repaint (and follow the end while live)

    qint64 currentTimeNs() const { return m_currentNs; }
    bool isLive() const { return m_live; }
    void setCurrentTime(qint64 timeNs); // leaves live mode
    void setLive(bool live);
    void fitAll();
    void stepToEntry(int direction); // -1: the previous operation, +1: the next

    static QColor colourOf(OpCode op);
    static QString timeText(qint64 ns); // "12.345 ms", "1.204 s"

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void timeChanged(qint64 timeNs);
    void liveChanged(bool live);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    QRect plotRect() const;
    double xOf(qint64 timeNs) const;
    qint64 timeAt(double x) const;
    QColor colourOfPid(pid_t pid) const;
    QString labelOf(pid_t pid) const;
    void paintAxis(QPainter &painter, const QRect &plot);
    void paintWorkerLanes(QPainter &painter, const QRect &plot, int top);
    void paintLockLanes(QPainter &painter, const QRect &plot, int top);
    void paintPolledChanges(QPainter &painter, const QRect &plot);
    void paintScrubber(QPainter &painter, const QRect &plot);
    void paintLegend(QPainter &painter);
    void scrubTo(qint64 timeNs);
    int laneCount() const;
    QVector<pid_t> lanePids() const;
    QPair<int, int> laneHeights() const; // worker lane, lock lane

    const TimelineRecorder *m_recorder = nullptr;
    QHash<pid_t, QString> m_labels;
    QVector<pid_t> m_laneOrder;
    qint64 m_viewStartNs = 0;
    qint64 m_viewEndNs = 0;
    bool m_fitted = true; // the view spans everything recorded
    qint64 m_currentNs = 0;
    bool m_live = true;
};

} // namespace ShmScope
