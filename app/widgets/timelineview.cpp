#include "timelineview.h"

#include "okabeito.h"
#include "opstyle.h"
#include "timeline/timelinerecorder.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>
#include <cmath>

namespace ShmScope {

namespace {

constexpr int kGutter = 120; // lane names
constexpr int kAxisHeight = 30;
constexpr int kWorkerLane = 34;
constexpr int kLockLane = 30;
constexpr int kLegendHeight = 26;
constexpr int kSectionGap = 10;

const QColor kGrid(0x2f, 0x34, 0x40);
const QColor kMutedText(0x9a, 0xa3, 0xb2);
const QColor kScrubber(0xff, 0xd1, 0x66);
const QColor kPolled(0x7f, 0xdb, 0xff);

const OpCode kLegendOps[] = { OpCode::Load, OpCode::Add, OpCode::Store, OpCode::Write, OpCode::Acquire,
    OpCode::Release, OpCode::Wait, OpCode::Notify, OpCode::Start, OpCode::Exit };

} // namespace

TimelineView::TimelineView(QWidget *parent)
    : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(false);
    setAutoFillBackground(true);
    QPalette background = palette();
    background.setColor(QPalette::Window, QColor(0x1b, 0x1e, 0x24));
    setPalette(background);
    QFont small = font();
    small.setPointSize(11);
    setFont(small);
}

QSize TimelineView::sizeHint() const
{
    return QSize(
        900, kAxisHeight + qMin(laneCount(), 8) * kWorkerLane + kSectionGap * 2 + kLegendHeight + 20);
}

QSize TimelineView::minimumSizeHint() const
{
    return QSize(400, 160);
}

void TimelineView::setRecorder(const TimelineRecorder *recorder)
{
    m_recorder = recorder;
    m_fitted = true;
    m_live = true;
    recorderChanged();
}

void TimelineView::setLanes(const QVector<QPair<pid_t, QString>> &lanes)
{
    m_labels.clear();
    m_laneOrder.clear();
    for (const auto &lane : lanes) {
        m_labels.insert(lane.first, lane.second);
        m_laneOrder << lane.first;
    }
    update();
}

QVector<pid_t> TimelineView::lanePids() const
{
    if (!m_recorder)
        return {};
    const QVector<pid_t> seen = m_recorder->pids();
    QVector<pid_t> ordered;
    for (pid_t pid : m_laneOrder) {
        if (seen.contains(pid))
            ordered << pid;
    }
    for (pid_t pid : seen) {
        if (!ordered.contains(pid))
            ordered << pid;
    }
    return ordered;
}

// Lanes keep their full height while they fit; a crowd (20 racers) shares the height instead.
QPair<int, int> TimelineView::laneHeights() const
{
    if (!m_recorder)
        return { kWorkerLane, kLockLane };
    const int workers = int(m_recorder->pids().size());
    const int locks = int(m_recorder->lockHistory().locks().size());
    const int available = plotRect().height() - 6 - kSectionGap;
    const int needed = workers * kWorkerLane + locks * kLockLane;
    if (needed <= available || needed == 0)
        return { kWorkerLane, kLockLane };
    const double scale = double(available) / needed;
    return { qMax(12, int(kWorkerLane * scale)), qMax(12, int(kLockLane * scale)) };
}

void TimelineView::recorderChanged()
{
    if (m_recorder && m_fitted) {
        m_viewStartNs = m_recorder->earliestNs();
        m_viewEndNs = qMax(m_recorder->latestNs(), m_viewStartNs + 1);
    }
    if (m_recorder && m_live)
        m_currentNs = m_recorder->latestNs();
    updateGeometry();
    update();
}

int TimelineView::laneCount() const
{
    return m_recorder ? int(m_recorder->pids().size() + m_recorder->lockHistory().locks().size()) : 0;
}

QColor TimelineView::colourOf(OpCode op)
{
    return opColour(op);
}

QString TimelineView::timeText(qint64 ns)
{
    // Three decimals at most, trailing zeros dropped: "50 ms", "137.756 ms", "1.2 s".
    const auto scaled
        = [](double value, const char *unit) -> QString { // QString: a QStringBuilder would dangle
        QString digits = QString::number(value, 'f', 3);
        while (digits.contains(QLatin1Char('.'))
            && (digits.endsWith(QLatin1Char('0')) || digits.endsWith(QLatin1Char('.'))))
            digits.chop(1);
        return digits + QLatin1Char(' ') + QString::fromUtf8(unit);
    };
    const double absolute = std::fabs(double(ns));
    if (ns == 0)
        return QStringLiteral("0");
    if (absolute >= 1e9)
        return scaled(double(ns) / 1e9, "s");
    if (absolute >= 1e6)
        return scaled(double(ns) / 1e6, "ms");
    if (absolute >= 1e3)
        return scaled(double(ns) / 1e3, "µs");
    return scaled(double(ns), "ns");
}

QRect TimelineView::plotRect() const
{
    return QRect(kGutter, kAxisHeight, qMax(10, width() - kGutter - 16),
        qMax(10, height() - kAxisHeight - kLegendHeight));
}

double TimelineView::xOf(qint64 timeNs) const
{
    const QRect plot = plotRect();
    const double span = double(qMax<qint64>(1, m_viewEndNs - m_viewStartNs));
    return plot.left() + double(timeNs - m_viewStartNs) / span * plot.width();
}

qint64 TimelineView::timeAt(double x) const
{
    const QRect plot = plotRect();
    const double fraction = qBound(0.0, (x - plot.left()) / qMax(1, plot.width()), 1.0);
    return m_viewStartNs + qint64(fraction * double(m_viewEndNs - m_viewStartNs));
}

QColor TimelineView::colourOfPid(pid_t pid) const
{
    const int index = int(lanePids().indexOf(pid));
    // Lane i is worker i: the same Okabe-Ito colour as its step-through card (colour-blind safe).
    return index < 0 ? kMutedText : OkabeIto::workerColor(index);
}

QString TimelineView::labelOf(pid_t pid) const
{
    return m_labels.value(pid, QString::number(pid));
}

void TimelineView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing, false);
    const QRect plot = plotRect();
    if (!m_recorder || (m_recorder->entryCount() == 0 && m_recorder->earliestNs() == 0)) {
        painter.setPen(kMutedText);
        QFont big = font();
        big.setPointSize(14);
        painter.setFont(big);
        painter.drawText(rect(), Qt::AlignCenter,
            tr("The timeline fills as the experiment runs:\none lane per worker, one per lock."));
        return;
    }
    paintAxis(painter, plot);
    const int workersTop = plot.top() + 6;
    paintWorkerLanes(painter, plot, workersTop);
    paintLockLanes(
        painter, plot, workersTop + int(m_recorder->pids().size()) * laneHeights().first + kSectionGap);
    paintPolledChanges(painter, plot);
    paintScrubber(painter, plot);
    paintLegend(painter);
}

void TimelineView::paintAxis(QPainter &painter, const QRect &plot)
{
    const qint64 origin = m_recorder->earliestNs();
    const double span = double(qMax<qint64>(1, m_viewEndNs - m_viewStartNs));
    // A tick every 1, 2 or 5 × 10^k ns, about every 110 pixels.
    const double rough = span / qMax(1.0, plot.width() / 110.0);
    const double magnitude = std::pow(10.0, std::floor(std::log10(qMax(1.0, rough))));
    double step = magnitude;
    for (double factor : { 1.0, 2.0, 5.0, 10.0 }) {
        step = factor * magnitude;
        if (step >= rough)
            break;
    }
    const double first = std::ceil(double(m_viewStartNs - origin) / step) * step;
    painter.setPen(kMutedText);
    for (double t = first; origin + qint64(t) <= m_viewEndNs; t += step) {
        const int x = int(xOf(origin + qint64(t)));
        painter.setPen(kGrid);
        painter.drawLine(x, plot.top(), x, plot.bottom());
        painter.setPen(kMutedText);
        painter.drawText(QRect(x - 60, 4, 120, kAxisHeight - 8), Qt::AlignCenter, timeText(qint64(t)));
    }
    painter.setPen(kGrid);
    painter.drawLine(plot.left(), plot.top(), plot.right(), plot.top());
}

void TimelineView::paintWorkerLanes(QPainter &painter, const QRect &plot, int top)
{
    const QVector<pid_t> pids = lanePids();
    const int laneHeight = laneHeights().first;
    const int inset = laneHeight >= 24 ? 6 : 2;
    const QFontMetrics metrics(font());
    QFont bold = font();
    bold.setBold(true);
    if (laneHeight < 20)
        bold.setPointSize(qMax(7, laneHeight / 2));
    for (int lane = 0; lane < pids.size(); ++lane) {
        const int y = top + lane * laneHeight;
        const QRect laneRect(plot.left(), y + inset / 2 + 1, plot.width(), laneHeight - 2 * (inset / 2 + 1));
        painter.fillRect(laneRect, QColor(0x23, 0x26, 0x2e));
        painter.setFont(bold);
        painter.setPen(colourOfPid(pids.at(lane)));
        painter.drawText(QRect(8, y, kGutter - 14, laneHeight), Qt::AlignVCenter | Qt::AlignLeft,
            metrics.elidedText(labelOf(pids.at(lane)), Qt::ElideRight, kGutter - 16));
    }
    painter.setFont(font());
    // Ticks: one per entry in view. A tick with room around it in its lane is a box with the op's
    // initial (L, A, S); crowded ones are thin lines, and many on one pixel are painted once.
    const qsizetype first = m_recorder->firstEntryAtOrAfter(m_viewStartNs);
    const qsizetype last = m_recorder->firstEntryAtOrAfter(m_viewEndNs + 1);
    constexpr int kBox = 17;
    QVector<int> previousX(pids.size(), -1000);
    QVector<int> previousPriority(pids.size(), -1);
    QFont letterFont = font();
    letterFont.setBold(true);
    painter.setFont(letterFont);
    for (qsizetype i = first; i < last; ++i) {
        const TimelineEntry &entry = m_recorder->entry(i);
        const int lane = int(pids.indexOf(entry.pid));
        if (lane < 0)
            continue;
        const int x = int(xOf(entry.timeNs));
        const int priority = opTickPriority(entry.op);
        if (x == previousX[lane] && priority <= previousPriority[lane])
            continue;
        previousPriority[lane] = priority;
        // The next tick in this lane decides whether a box fits on the right.
        int following = 1 << 30;
        for (qsizetype j = i + 1; j < last && j < i + 64; ++j) {
            if (m_recorder->entry(j).pid == entry.pid) {
                following = int(xOf(m_recorder->entry(j).timeNs));
                break;
            }
        }
        const bool roomy = laneHeight >= 24 && x - previousX[lane] >= kBox + 2 && following - x >= kBox + 2;
        previousX[lane] = x;
        const int y = top + lane * laneHeight;
        const QColor colour = colourOf(entry.op);
        if (roomy) {
            const QRect box(x - kBox / 2, y + inset, kBox, laneHeight - 2 * inset);
            painter.fillRect(box, colour);
            painter.setPen(QColor(0x10, 0x12, 0x16));
            painter.drawText(box, Qt::AlignCenter, opLetter(entry.op));
        } else {
            painter.fillRect(QRect(x - 1, y + inset, 3, laneHeight - 2 * inset), colour);
        }
    }
    painter.setFont(font());
}

void TimelineView::paintLockLanes(QPainter &painter, const QRect &plot, int top)
{
    const LockHistory &history = m_recorder->lockHistory();
    const QVector<quint64> locks = history.locks();
    const QVector<LockHolding> names = m_recorder->locksAt(m_viewStartNs);
    const QFontMetrics metrics(font());
    const int laneHeight = laneHeights().second;
    const int inset = laneHeight >= 24 ? 6 : 2;
    for (int lane = 0; lane < locks.size(); ++lane) {
        const int y = top + lane * laneHeight;
        const QRect laneRect(plot.left(), y + inset / 2 + 1, plot.width(), laneHeight - 2 * (inset / 2 + 1));
        painter.fillRect(laneRect, QColor(0x20, 0x23, 0x2a));
        painter.setPen(kMutedText);
        const QString name = lane < names.size() ? names.at(lane).name : history.nameOf(locks.at(lane));
        paintPadlock(painter, QPoint(8, y + laneHeight / 2 - 8), kMutedText);
        painter.setPen(kMutedText);
        painter.drawText(QRect(26, y, kGutter - 32, laneHeight), Qt::AlignVCenter | Qt::AlignLeft,
            metrics.elidedText(name, Qt::ElideRight, kGutter - 34));
        const QVector<LockInterval> &intervals = history.intervals(locks.at(lane));
        int lastRight = -1;
        for (const LockInterval &interval : intervals) {
            const qint64 end = interval.endNs < 0 ? m_recorder->latestNs() : interval.endNs;
            if (end < m_viewStartNs || interval.startNs > m_viewEndNs)
                continue;
            const int left = qMax(plot.left(), int(xOf(interval.startNs)));
            const int right = qMin(plot.right(), qMax(left + 1, int(xOf(end))));
            if (right <= lastRight)
                continue; // under a pixel already painted
            lastRight = right;
            const QRect bar(left, y + inset, right - left + 1, laneHeight - 2 * inset);
            painter.fillRect(bar, colourOfPid(interval.holder));
            const QString holder = labelOf(interval.holder);
            if (bar.width() > metrics.horizontalAdvance(holder) + 8) {
                painter.setPen(QColor(0x10, 0x12, 0x16));
                painter.drawText(bar, Qt::AlignCenter, holder);
            }
        }
    }
}

// Changes the log did not explain (a Python script writing, say), seen only by polling: small
// diamonds on the time axis.
void TimelineView::paintPolledChanges(QPainter &painter, const QRect &plot)
{
    const std::deque<qint64> &changes = m_recorder->polledChanges();
    if (changes.empty())
        return;
    painter.setPen(kMutedText);
    painter.drawText(QRect(8, plot.top() - 16, kGutter - 14, 14), Qt::AlignVCenter | Qt::AlignLeft, tr("polled ◆"));
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(Qt::NoPen);
    painter.setBrush(kPolled);
    int previous = -1000;
    for (qint64 time : changes) {
        if (time < m_viewStartNs || time > m_viewEndNs)
            continue;
        const int x = int(xOf(time));
        if (x - previous < 3)
            continue;
        previous = x;
        QPolygon diamond;
        diamond << QPoint(x, plot.top() - 13) << QPoint(x + 4, plot.top() - 8) << QPoint(x, plot.top() - 3)
                << QPoint(x - 4, plot.top() - 8);
        painter.drawPolygon(diamond);
    }
    painter.setRenderHint(QPainter::Antialiasing, false);
}

void TimelineView::paintScrubber(QPainter &painter, const QRect &plot)
{
    const int x = int(xOf(m_currentNs));
    if (x < plot.left() - 1 || x > plot.right() + 1)
        return;
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(QPen(kScrubber, 2));
    painter.drawLine(x, plot.top(), x, plot.bottom());
    QPolygon handle;
    handle << QPoint(x - 7, plot.top() - 10) << QPoint(x + 7, plot.top() - 10) << QPoint(x, plot.top());
    painter.setBrush(kScrubber);
    painter.drawPolygon(handle);
    const QString text
        = (m_live ? tr("live  ") : QString()) + timeText(m_currentNs - m_recorder->earliestNs());
    QFont bold = font();
    bold.setBold(true);
    painter.setFont(bold);
    const QFontMetrics metrics(bold);
    QRect box(x + 6, plot.bottom() - metrics.height() - 8, metrics.horizontalAdvance(text) + 12,
        metrics.height() + 4);
    if (box.right() > plot.right())
        box.moveRight(x - 6);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0x10, 0x12, 0x16, 220));
    painter.drawRoundedRect(box, 4, 4);
    painter.setPen(kScrubber);
    painter.drawText(box, Qt::AlignCenter, text);
    painter.setFont(font());
    painter.setRenderHint(QPainter::Antialiasing, false);
}

void TimelineView::paintLegend(QPainter &painter)
{
    const QFontMetrics metrics(font());
    int x = kGutter;
    const int y = height() - kLegendHeight + 6;
    for (OpCode op : kLegendOps) {
        const QString name = opCodeName(op);
        if (x + 19 + metrics.horizontalAdvance(name) > width() - 8)
            break; // a narrow dock shows the first ones
        const QRect swatch(x, y, 15, 15);
        painter.fillRect(swatch, colourOf(op));
        painter.setPen(QColor(0x10, 0x12, 0x16));
        painter.drawText(swatch, Qt::AlignCenter, opLetter(op));
        painter.setPen(kMutedText);
        painter.drawText(QPoint(x + 19, y + 12), name);
        x += 19 + metrics.horizontalAdvance(name) + 14;
    }
}

void TimelineView::scrubTo(qint64 timeNs)
{
    if (!m_recorder)
        return;
    const qint64 latest = m_recorder->latestNs();
    timeNs = qBound(m_recorder->earliestNs(), timeNs, latest);
    const bool wasLive = m_live;
    m_live = false;
    m_currentNs = timeNs;
    if (wasLive)
        Q_EMIT liveChanged(false);
    Q_EMIT timeChanged(timeNs);
    update();
}

void TimelineView::setCurrentTime(qint64 timeNs)
{
    scrubTo(timeNs);
}

void TimelineView::setLive(bool live)
{
    if (live == m_live)
        return;
    m_live = live;
    if (live && m_recorder) {
        m_currentNs = m_recorder->latestNs();
        Q_EMIT timeChanged(m_currentNs);
    }
    Q_EMIT liveChanged(live);
    update();
}

void TimelineView::fitAll()
{
    m_fitted = true;
    recorderChanged();
}

void TimelineView::stepToEntry(int direction)
{
    if (!m_recorder || m_recorder->entryCount() == 0)
        return;
    qsizetype index = m_recorder->firstEntryAtOrAfter(m_currentNs);
    if (direction > 0) {
        // The first entry strictly after the current time.
        while (index < m_recorder->entryCount() && m_recorder->entry(index).timeNs <= m_currentNs)
            ++index;
        if (index >= m_recorder->entryCount()) {
            setLive(true);
            return;
        }
    } else {
        --index; // the last entry strictly before it
        if (index < 0)
            index = 0;
    }
    scrubTo(m_recorder->entry(index).timeNs);
}

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && event->position().x() >= kGutter)
        scrubTo(timeAt(event->position().x()));
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton)
        scrubTo(timeAt(event->position().x()));
}

void TimelineView::mouseDoubleClickEvent(QMouseEvent *)
{
    fitAll();
}

void TimelineView::wheelEvent(QWheelEvent *event)
{
    if (!m_recorder)
        return;
    const qint64 anchor = timeAt(event->position().x());
    const double factor = event->angleDelta().y() > 0 ? 0.8 : 1.25;
    const qint64 start = anchor - qint64(double(anchor - m_viewStartNs) * factor);
    const qint64 end = anchor + qint64(double(m_viewEndNs - anchor) * factor);
    const qint64 earliest = m_recorder->earliestNs();
    const qint64 latest = m_recorder->latestNs();
    m_viewStartNs = qMax(earliest, start);
    m_viewEndNs = qMin(latest, qMax(end, m_viewStartNs + 1000)); // never narrower than 1 µs
    m_fitted = m_viewStartNs <= earliest && m_viewEndNs >= latest;
    update();
    event->accept();
}

void TimelineView::keyPressEvent(QKeyEvent *event)
{
    const int repeat = event->modifiers() & Qt::ShiftModifier ? 10 : 1;
    switch (event->key()) {
    case Qt::Key_Left:
        for (int i = 0; i < repeat; ++i)
            stepToEntry(-1);
        break;
    case Qt::Key_Right:
        for (int i = 0; i < repeat && !m_live; ++i)
            stepToEntry(+1);
        break;
    case Qt::Key_Home:
        if (m_recorder)
            scrubTo(m_recorder->earliestNs());
        break;
    case Qt::Key_End:
        setLive(true);
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

} // namespace ShmScope
