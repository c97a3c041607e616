#include "screenshot.h"

#include "mainwindow.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QImageWriter>
#include <QPixmap>
#include <QRegularExpression>
#include <QTimer>
#include <cstdio>

namespace ShmScope {

Screenshot::Screenshot(MainWindow *window, const QString &fileName, QSize requestedSize, int settleMs,
                       QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_fileName(fileName)
    , m_requestedSize(requestedSize)
    , m_settleMs(settleMs)
{
}

QSize Screenshot::parseSize(const QString &text, QString *error)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{1,5})[xX](\\d{1,5})$"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    const QSize size = match.hasMatch() ? QSize(match.captured(1).toInt(), match.captured(2).toInt()) : QSize();
    if (!match.hasMatch() || size.width() < 320 || size.height() < 240 || size.width() > 7680
        || size.height() > 4320) {
        *error = QCoreApplication::translate("Screenshot", "--size %1: expected WIDTHxHEIGHT between 320x240 and 7680x4320")
                     .arg(text);
        return {};
    }
    return size;
}

void Screenshot::arm()
{
    // Refuse an unwritable target before anything else happens: a test should not wait to learn that.
    const QFileInfo target(m_fileName);
    if (!QFileInfo(target.absolutePath()).isDir()) {
        finish(1, QCoreApplication::translate("Screenshot", "cannot write %1: no folder %2")
                      .arg(m_fileName, target.absolutePath()));
        return;
    }
    if (m_window->hasPolled())
        QTimer::singleShot(m_settleMs, this, &Screenshot::capture);
    else
        connect(m_window, &MainWindow::firstPollApplied, this,
                [this] { QTimer::singleShot(m_settleMs, this, &Screenshot::capture); });
    QTimer::singleShot(kTimeoutMs, this, [this] {
        finish(1, QCoreApplication::translate("Screenshot", "no poll within %1 s: nothing to capture")
                      .arg(kTimeoutMs / 1000));
    });
}

void Screenshot::capture()
{
    if (m_done)
        return;
    const QPixmap pixmap = m_window->grab();
    // The docks have minimum sizes; a PNG of another size than asked would surprise a script.
    if (m_requestedSize.isValid() && pixmap.size() != m_requestedSize) {
        finish(1, QCoreApplication::translate("Screenshot", "--size %1x%2 is smaller than the window can be (%3x%4)")
                      .arg(m_requestedSize.width())
                      .arg(m_requestedSize.height())
                      .arg(pixmap.width())
                      .arg(pixmap.height()));
        return;
    }
    QImageWriter writer(m_fileName, "png");
    if (pixmap.isNull() || !writer.write(pixmap.toImage())) {
        finish(1, QCoreApplication::translate("Screenshot", "cannot write %1: %2")
                      .arg(m_fileName, pixmap.isNull() ? QStringLiteral("empty grab") : writer.errorString()));
        return;
    }
    finish(0, QString());
}

void Screenshot::finish(int exitCode, const QString &message)
{
    if (m_done)
        return;
    m_done = true;
    if (!message.isEmpty())
        std::fprintf(stderr, "shmscope: %s\n", qUtf8Printable(message));
    m_window->shutdown();
    // Queued: exit() before exec() started would be lost.
    QTimer::singleShot(0, qApp, [exitCode] { QCoreApplication::exit(exitCode); });
}

} // namespace ShmScope
