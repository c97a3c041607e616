#pragma once

// Test helper: run a function in a fork()ed child and collect its exit code without ever hanging.
// The child must not use QTest macros (they would report into the parent's copy of the run); it
// returns 0 for success or a small number saying which check failed.

#include <QElapsedTimer>
#include <QThread>
#include <csignal>
#include <functional>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

namespace ShmScopeTest {

inline pid_t forkChild(const std::function<int()> &body)
{
    const pid_t pid = ::fork();
    if (pid == 0)
        ::_exit(body()); // _exit: no atexit handlers, no Qt teardown in the child
    return pid;
}

// The child's exit code, or -SIGNAL when it died of a signal, or -1000 when it did not end within
// timeoutMs (it is then killed, so no test leaves a process behind).
inline int waitForChild(pid_t pid, int timeoutMs = 60000)
{
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        int status = 0;
        const pid_t done = ::waitpid(pid, &status, WNOHANG);
        if (done == pid) {
            if (WIFEXITED(status))
                return WEXITSTATUS(status);
            return WIFSIGNALED(status) ? -WTERMSIG(status) : -999;
        }
        if (done < 0)
            return -998;
        if (timer.elapsed() > timeoutMs) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            return -1000;
        }
        QThread::msleep(2);
    }
}

} // namespace ShmScopeTest
