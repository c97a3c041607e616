#include "processcontrol.h"

#include <QFile>
#include <csignal>
#include <cstring>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

namespace ShmScope {

void prepareChildProcess()
{
    ::setpgid(0, 0);
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    // Workers are busy loops by design; at the default priority 32 of them leave the window a 33rd
    // of the cores and it answers half a second late. A lower priority only changes who waits when
    // the cores are full: the races and the counts stay the same.
    ::setpriority(PRIO_PROCESS, 0, kWorkerNiceness);
}

bool signalProcessGroup(pid_t pid, int signalNumber)
{
    if (pid <= 0)
        return false;
    if (::kill(-pid, signalNumber) == 0)
        return true;
    return ::kill(pid, signalNumber) == 0;
}

void killProcessGroup(pid_t leader)
{
    if (leader > 0)
        ::kill(-leader, SIGKILL);
}

QChar processStateLetter(pid_t pid)
{
    // The command in parentheses may itself contain ") ", so the state is the first word after the
    // LAST ')'.
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return QChar();
    const QByteArray line = file.read(512);
    const int paren = line.lastIndexOf(')');
    if (paren < 0 || paren + 2 >= line.size())
        return QChar();
    return QLatin1Char(line.at(paren + 2));
}

QString signalName(int signalNumber)
{
    // sigabbrev_np() is glibc 2.32+; Debian 12 has 2.36.
    if (const char *abbrev = sigabbrev_np(signalNumber))
        return QStringLiteral("SIG") + QString::fromLatin1(abbrev);
    return QStringLiteral("signal %1").arg(signalNumber);
}

} // namespace ShmScope
