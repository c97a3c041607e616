// shmscope: the GUI. With no arguments it opens on the built-in demo; see --help.

#include "appsettings.h"
#include "classroomcontroller.h"
#include "languagemanager.h"
#include "layout.h"
#include "mainwindow.h"
#include "screenshot.h"
#include "theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QSocketNotifier>
#include <csignal>
#include <cstdio>
#include <memory>
#include <sys/socket.h>
#include <unistd.h>

using namespace ShmScope;

namespace {

// A bad command line gets one line on stderr and exit code 2, before any window opens.
int usageError(const QString &message)
{
    std::fprintf(stderr, "shmscope: %s\n", qUtf8Printable(message));
    return 2;
}

// SIGINT / SIGTERM end the app the way Quit does, so the demo's segment and lock are removed and every
// worker is ended: a signal handler may only write(), so it wakes the event loop through a socket pair.
int g_signalSocket[2] = {-1, -1};

void quitOnSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(g_signalSocket[0], &byte, 1);
}

void installQuitOnSignals(QApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_signalSocket) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_signalSocket[1], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [] {
        char byte = 0;
        [[maybe_unused]] const ssize_t got = ::read(g_signalSocket[1], &byte, 1);
        QApplication::closeAllWindows();
        QApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = quitOnSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("ShmScope"));
    QApplication::setApplicationVersion(QStringLiteral(SHMSCOPE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.shmscope.ShmScope")); // the .desktop file's name
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/shmscope.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Watch POSIX shared memory between processes while it happens. Without options: the built-in demo."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption attachOption(QStringLiteral("attach"),
                                          QApplication::translate("main", "Open segment NAME at launch."),
                                          QStringLiteral("NAME"));
    const QCommandLineOption layoutOption(
        QStringLiteral("layout"),
        QApplication::translate("main", "Layout of the attached segment, e.g. \"counter:i; values:d[4]\"."),
        QStringLiteral("SPEC"));
    const QCommandLineOption pollOption(QStringLiteral("poll-hz"),
                                        QApplication::translate("main", "Poll rate, 1–120 Hz (default 30)."),
                                        QStringLiteral("N"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "Render the window offscreen to PNG FILE after the first poll, then exit."),
        QStringLiteral("FILE"));
    const QCommandLineOption sizeOption(QStringLiteral("size"),
                                        QApplication::translate("main", "Window size, e.g. 1440x900."),
                                        QStringLiteral("WxH"));
    const QCommandLineOption delayOption(
        QStringLiteral("screenshot-delay"),
        QApplication::translate("main", "Wait MS milliseconds after the first poll before capturing (default 0)."),
        QStringLiteral("MS"));
    const QCommandLineOption languageOption(
        QStringLiteral("language"),
        QApplication::translate("main", "User interface language: en or zh_CN (default: the saved choice, else the system's)."),
        QStringLiteral("LANG"));
    const QCommandLineOption presentationOption(
        QStringLiteral("presentation"), QApplication::translate("main", "Start in presentation mode (F5): large text, high contrast."));
    const QCommandLineOption experimentOption(
        QStringLiteral("experiment"),
        QApplication::translate("main", "Open a lesson instead of the demo: a built-in id or number, or a file."),
        QStringLiteral("NAME|FILE"));
    const QCommandLineOption stepsOption(
        QStringLiteral("steps"),
        QApplication::translate("main", "With --experiment: start it and release N steps round robin (for slides)."),
        QStringLiteral("N"));
    parser.addOptions({attachOption, layoutOption, pollOption, screenshotOption, sizeOption, delayOption,
                       languageOption, presentationOption, experimentOption, stepsOption});
    if (!parser.parse(QApplication::arguments()))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty())
        return usageError(QApplication::translate("main", "unexpected argument '%1' (see --help)")
                              .arg(parser.positionalArguments().constFirst()));

    Layout layout;
    if (parser.isSet(layoutOption)) {
        if (!parser.isSet(attachOption))
            return usageError(QApplication::translate("main", "--layout needs --attach NAME"));
        LayoutError error;
        const std::optional<Layout> parsed = Layout::parse(parser.value(layoutOption), &error);
        if (!parsed)
            return usageError(QApplication::translate("main", "--layout: %1").arg(error.toString()));
        layout = *parsed;
    }
    int pollHz = Poller::kDefaultHz;
    if (parser.isSet(pollOption)) {
        bool ok = false;
        pollHz = parser.value(pollOption).toInt(&ok);
        if (!ok || pollHz < Poller::kMinimumHz || pollHz > Poller::kMaximumHz)
            return usageError(QApplication::translate("main", "--poll-hz %1: expected a whole number from %2 to %3")
                                  .arg(parser.value(pollOption))
                                  .arg(Poller::kMinimumHz)
                                  .arg(Poller::kMaximumHz));
    }
    QSize size;
    if (parser.isSet(sizeOption)) {
        QString error;
        size = Screenshot::parseSize(parser.value(sizeOption), &error);
        if (!size.isValid())
            return usageError(error);
    }
    int steps = -1;
    if (parser.isSet(stepsOption)) {
        bool ok = false;
        steps = parser.value(stepsOption).toInt(&ok);
        if (!parser.isSet(experimentOption))
            return usageError(QApplication::translate("main", "--steps needs --experiment"));
        if (!ok || steps < 0 || steps > 10000)
            return usageError(QApplication::translate("main", "--steps %1: expected 0 to 10000")
                                  .arg(parser.value(stepsOption)));
    }
    if (parser.isSet(experimentOption) && parser.isSet(attachOption))
        return usageError(QApplication::translate("main", "give --attach or --experiment, not both"));
    int settleMs = 0;
    if (parser.isSet(delayOption)) {
        bool ok = false;
        settleMs = parser.value(delayOption).toInt(&ok);
        if (!ok || settleMs < 0 || settleMs > 10000)
            return usageError(QApplication::translate("main", "--screenshot-delay %1: expected 0 to 10000 ms")
                                  .arg(parser.value(delayOption)));
    }

    // The language before the first window: its constructors' tr() texts are then already right, and
    // the translator has seen them all for a later switch. A screenshot does not read the user's settings.
    const bool screenshotRun = parser.isSet(screenshotOption);
    QString language = screenshotRun ? QString() : AppSettings().language();
    if (parser.isSet(languageOption)) {
        language = parser.value(languageOption);
        if (!LanguageManager::languages().contains(language))
            return usageError(QApplication::translate("main", "--language %1: expected one of: %2")
                                  .arg(language, LanguageManager::languages().join(QStringLiteral(", "))));
    }
    if (!LanguageManager::instance()->setLanguage(language))
        std::fprintf(stderr, "shmscope: no translations for %s\n", qUtf8Printable(language));

    applyTheme(app);
    installQuitOnSignals(app);
    MainWindow window;
    if (!screenshotRun)
        window.classroom()->restoreSettings();
    if (parser.isSet(pollOption))
        window.setPollRate(pollHz);
    if (size.isValid())
        window.resize(size);

    QString error;
    if (parser.isSet(attachOption)) {
        if (!window.attachSegment(parser.value(attachOption), layout, &error)) {
            std::fprintf(stderr, "shmscope: %s\n", qUtf8Printable(error));
            return 1;
        }
    } else if (parser.isSet(experimentOption)) {
        if (!window.openExperiment(parser.value(experimentOption), &error)) {
            std::fprintf(stderr, "shmscope: %s\n", qUtf8Printable(error));
            return 1;
        }
        if (steps >= 0 && !window.startLessonSteps(steps, &error)) {
            std::fprintf(stderr, "shmscope: %s\n", qUtf8Printable(error));
            return 1;
        }
    } else if (!window.startDemo(&error)) {
        // The window is still useful without the demo (catalogue, attach): say why and go on.
        std::fprintf(stderr, "shmscope: demo not started: %s\n", qUtf8Printable(error));
    }

    std::unique_ptr<Screenshot> screenshot;
    if (parser.isSet(screenshotOption)) {
        screenshot = std::make_unique<Screenshot>(&window, parser.value(screenshotOption), size, settleMs);
    }
    window.show();
    if (parser.isSet(presentationOption))
        window.classroom()->setPresentation(true);
    if (screenshot)
        screenshot->arm();
    return app.exec();
}
