#include "timelinepanel.h"

#include "predictionscore.h"
#include "timeline/timelinecsv.h"
#include "timelinefeed.h"
#include "timelineview.h"

#include <QBoxLayout>
#include <QFileDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTextDocumentFragment>

namespace ShmScope {

TimelinePanel::TimelinePanel(TimelineFeed *feed, QWidget *parent)
    : QWidget(parent)
    , m_feed(feed)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);

    auto *bar = new QHBoxLayout;
    m_liveButton = new QPushButton(tr("● Live"), this);
    m_liveButton->setCheckable(true);
    m_liveButton->setChecked(true);
    m_liveButton->setToolTip(
        tr("Follow the newest moment (End); drag the scrubber or press ← → to go back in time"));
    m_exportButton = new QPushButton(tr("Export CSV…"), this);
    m_exportButton->setToolTip(tr("Save every recorded operation as CSV, one line each"));
    m_summary = new QLabel(this);
    m_summary->setStyleSheet(QStringLiteral("color: #9aa3b2;"));
    bar->addWidget(m_liveButton);
    bar->addWidget(m_exportButton);
    bar->addSpacing(10);
    bar->addWidget(m_summary, 1);
    layout->addLayout(bar);

    m_view = new TimelineView(this);
    layout->addWidget(m_view, 1);
    m_readout = new QLabel(this);
    m_readout->setWordWrap(true);
    m_readout->setTextFormat(Qt::RichText);
    m_readout->setStyleSheet(
        QStringLiteral("background: #262b35; border-radius: 6px; padding: 6px 10px; font-size: 12pt;"));
    layout->addWidget(m_readout);

    connect(m_liveButton, &QPushButton::toggled, m_view, &TimelineView::setLive);
    connect(m_exportButton, &QPushButton::clicked, this, &TimelinePanel::chooseCsvFile);
    connect(m_view, &TimelineView::liveChanged, this, [this](bool live) {
        const QSignalBlocker blocker(m_liveButton);
        m_liveButton->setChecked(live);
        updateReadout();
        Q_EMIT liveChanged(live);
    });
    connect(m_view, &TimelineView::timeChanged, this, [this](qint64 timeNs) {
        updateReadout();
        Q_EMIT timeChanged(timeNs);
    });
    if (m_feed) {
        m_view->setRecorder(&m_feed->recorder());
        connect(m_feed, &TimelineFeed::updated, this, &TimelinePanel::onUpdated);
    }
    onUpdated();
}

void TimelinePanel::onUpdated()
{
    if (!m_feed)
        return;
    m_view->setLanes(m_feed->lanes());
    m_view->recorderChanged();
    const TimelineRecorder &recorder = m_feed->recorder();
    const qint64 used = recorder.memoryBytes();
    const QString usedText = used < 1024 * 1024
        ? tr("%1 KiB").arg((used + 1023) / 1024)
        : tr("%1 MiB").arg(double(used) / (1024.0 * 1024.0), 0, 'f', 1);
    QString summary = tr("%1 operations · history %2 of %3 MiB")
                          .arg(groupedNumber(double(recorder.entryCount())), usedText)
                          .arg(recorder.memoryCap() / (1024 * 1024));
    if (recorder.entriesLost() > 0) // the log's ring lapped us: say so, the bytes still come from the polls
        summary += tr(" · <span style='color:#f85149'>%1 lost to log overrun</span>")
                       .arg(groupedNumber(double(recorder.entriesLost())));
    m_summary->setText(summary);
    m_exportButton->setEnabled(recorder.entryCount() > 0);
    updateReadout();
}

void TimelinePanel::updateReadout()
{
    if (!m_feed || m_feed->recorder().earliestNs() == 0) {
        m_readout->setText(tr("<span style='color:#868e9c'>No history yet.</span>"));
        return;
    }
    const TimelineRecorder &recorder = m_feed->recorder();
    const qint64 at = m_view->currentTimeNs();
    QStringList parts;
    parts << (m_view->isLive() ? tr("<b>now</b>")
                               : tr("<b style='color:#ffd166'>at %1</b>")
                                     .arg(TimelineView::timeText(at - recorder.earliestNs())));
    const QStringList segmentIds = m_feed->segmentIds();
    for (int track = 0; track < segmentIds.size(); ++track) {
        bool available = false;
        const QByteArray bytes = recorder.bytesAt(track, at, &available);
        if (!available)
            continue;
        const Layout layout = recorder.layout(track);
        QStringList fields;
        const QVector<DecodedField> decoded = decodeFields(layout, bytes);
        for (const DecodedField &field : decoded) {
            if (field.beyondEnd || field.values.isEmpty())
                continue;
            QStringList values;
            for (int i = 0; i < field.values.size() && i < 6; ++i)
                values << formatValue(*field.field->type, field.values.at(i));
            if (field.values.size() > 6)
                values << QStringLiteral("…");
            const QString shown = field.field->isArray
                ? QLatin1Char('[') + values.join(QStringLiteral(", ")) + QLatin1Char(']')
                : values.join(QString());
            fields << QStringLiteral("%1 = <b>%2</b>")
                          .arg(field.field->name.toHtmlEscaped(), shown.toHtmlEscaped());
        }
        parts << QStringLiteral("%1: %2").arg(
            segmentIds.at(track).toHtmlEscaped(), fields.join(QStringLiteral(", ")));
    }
    const QVector<LockHolding> locks = recorder.locksAt(at);
    for (const LockHolding &lock : locks) {
        parts << (lock.holder
                ? tr("%1: held by <b>%2</b>")
                      .arg(lock.name.toHtmlEscaped(), m_feed->labelOf(lock.holder).toHtmlEscaped())
                : tr("%1: <span style='color:#3fb950'>free</span>").arg(lock.name.toHtmlEscaped()));
    }
    m_readout->setText(parts.join(QStringLiteral(" &nbsp;·&nbsp; ")));
}

QString TimelinePanel::readoutText() const
{
    return QTextDocumentFragment::fromHtml(m_readout->text()).toPlainText();
}

bool TimelinePanel::exportCsv(const QString &path, QString *error) const
{
    if (!m_feed)
        return false;
    m_feed->poll(); // everything up to this moment
    return writeTimelineCsvFile(m_feed->recorder(), path, error);
}

void TimelinePanel::chooseCsvFile()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the operation log"), QStringLiteral("shmscope-log.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportCsv(path, &error)) {
        QMessageBox::warning(this, tr("Export failed"), error);
        return;
    }
    Q_EMIT statusMessage(tr("Saved %1 operations to %2").arg(m_feed->recorder().entryCount()).arg(path));
}

} // namespace ShmScope
