#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;

namespace ShmScope {

class TimelineFeed;
class TimelineView;

// The timeline dock: the painted view, a Live button, "Export CSV…", and a readout of the scrubbed
// moment (each segment's fields and each lock's holder, rebuilt by the recorder). The main window
// listens to timeChanged()/liveChanged() to move its own views back in time with
// TimelineRecorder::bytesAt.
class TimelinePanel : public QWidget {
    Q_OBJECT
public:
    explicit TimelinePanel(TimelineFeed *feed, QWidget *parent = nullptr);

    TimelineView *view() const { return m_view; }
    bool exportCsv(const QString &path, QString *error) const;
    QString readoutText() const; // what the readout shows, as plain text

Q_SIGNALS:
    void timeChanged(qint64 timeNs);
    void liveChanged(bool live);
    void statusMessage(const QString &text);

private:
    void onUpdated();
    void updateReadout();
    void chooseCsvFile();

    QPointer<TimelineFeed> m_feed;
    TimelineView *m_view = nullptr;
    QPushButton *m_liveButton = nullptr;
    QPushButton *m_exportButton = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_readout = nullptr;
};

} // namespace ShmScope
