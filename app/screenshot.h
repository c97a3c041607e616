#pragma once

#include <QObject>
#include <QSize>
#include <QString>

namespace ShmScope {

class MainWindow;

// `shmscope --screenshot FILE [--size WxH]`: renders the window offscreen into a PNG once the first
// poll has been drawn, then ends the application: exit code 0, or 1 with a one-line message on stderr.
class Screenshot : public QObject {
    Q_OBJECT
public:
    static constexpr int kTimeoutMs = 15000; // no poll by then: fail rather than hang a test

    // requestedSize: what --size asked for (invalid: whatever the window is).
    Screenshot(MainWindow *window, const QString &fileName, QSize requestedSize, int settleMs,
               QObject *parent = nullptr);
    void arm(); // call after the window is shown

    // "1280x800" -> QSize; an invalid size and *error otherwise.
    static QSize parseSize(const QString &text, QString *error);

private:
    void capture();
    void finish(int exitCode, const QString &message);

    MainWindow *m_window;
    QString m_fileName;
    QSize m_requestedSize;
    int m_settleMs;
    bool m_done = false;
};

} // namespace ShmScope
