#pragma once

#include <QChar>
#include <QString>
#include <sys/types.h>

namespace ShmScope {

// The few process-level POSIX calls the GUI needs to run workers it can pause, resume and kill,
// kept here so that app/ never calls them directly.

// The priority (nice value) of the processes the GUI starts, below the window's own.
constexpr int kWorkerNiceness = 10;

// For QProcess::setChildProcessModifier: runs in the child between fork and exec, so it makes only
// plain system calls. The child becomes its own process-group leader (so pausing or killing it
// reaches a script's own children too), gets SIGKILL when its parent dies, even if the parent is
// killed without cleaning up, and runs at kWorkerNiceness so the window stays responsive.
void prepareChildProcess();

// Sends signalNumber to pid's process group, falling back to pid alone when the group is gone.
bool signalProcessGroup(pid_t pid, int signalNumber);
// SIGKILL to the whole group only: reaches grandchildren left after their leader was reaped. A group
// id cannot be reused while any member lives, so this only reaches what that leader started.
void killProcessGroup(pid_t leader);

// The state letter of /proc/PID/stat ("R", "S", "T" stopped, "Z", ...), or a null QChar when pid is gone.
QChar processStateLetter(pid_t pid);

// "SIGKILL", "SIGSEGV", ... or "signal 42".
QString signalName(int signalNumber);

} // namespace ShmScope
