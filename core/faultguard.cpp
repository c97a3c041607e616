#include "faultguard.h"

#include <atomic>
#include <csetjmp>
#include <csignal>
#include <cstring>
#include <mutex>

namespace ShmScope {

namespace {

// Where a SIGBUS on this thread jumps back to; null outside a guarded call. volatile, and fenced
// below, so that the compiler neither drops nor moves the stores around the access.
thread_local sigjmp_buf *volatile t_jumpBack = nullptr;
struct sigaction g_previousAction;

void onSigbus(int signal, siginfo_t *info, void *context)
{
    if (sigjmp_buf *jump = t_jumpBack) {
        t_jumpBack = nullptr;
        siglongjmp(*jump, 1);
    }
    // Not ours: behave as if we had never been installed.
    if (g_previousAction.sa_flags & SA_SIGINFO) {
        if (g_previousAction.sa_sigaction) {
            g_previousAction.sa_sigaction(signal, info, context);
            return;
        }
    } else if (g_previousAction.sa_handler != SIG_DFL && g_previousAction.sa_handler != SIG_IGN) {
        g_previousAction.sa_handler(signal);
        return;
    }
    // Default action: restore it and return, so the faulting access runs again and dies as usual
    // (an ignored SIGBUS from a fault cannot be ignored either: the kernel kills the process).
    ::signal(SIGBUS, SIG_DFL);
}

void installHandlerOnce()
{
    static std::once_flag once;
    std::call_once(once, [] {
        struct sigaction action;
        std::memset(&action, 0, sizeof action);
        action.sa_sigaction = onSigbus;
        action.sa_flags = SA_SIGINFO;
        sigemptyset(&action.sa_mask);
        ::sigaction(SIGBUS, &action, &g_previousAction);
    });
}

} // namespace

bool runCatchingSigbus(void (*access)(void *context), void *context)
{
    installHandlerOnce();
    sigjmp_buf jump;
    // savemask = 1: the jump restores the signal mask, so SIGBUS is unblocked again afterwards.
    if (sigsetjmp(jump, 1) != 0)
        return false;
    t_jumpBack = &jump;
    std::atomic_signal_fence(std::memory_order_seq_cst);
    access(context);
    std::atomic_signal_fence(std::memory_order_seq_cst);
    t_jumpBack = nullptr;
    return true;
}

bool copyFromMapping(void *destination, const void *mapping, std::size_t length)
{
    return runCatchingSigbus([&] { std::memcpy(destination, mapping, length); });
}

} // namespace ShmScope
