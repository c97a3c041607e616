#pragma once

#include <cstddef>

namespace ShmScope {

// Touching a shared mapping beyond the end of a block that another process truncated raises SIGBUS
// (the way a Python reader dies). pread() on the fd never does, but it copies at about a third of
// memcpy's speed from tmpfs. These run a memory access on a mapping with SIGBUS turned into a
// "false" return on this thread, so that readers can use the fast path and fall back to pread.
//
// A process-wide SIGBUS handler is installed on first use; a SIGBUS outside a guarded call goes to
// the handler that was there before (or kills the process as usual), so workers that use the raw
// mapping keep the ordinary behaviour.

// Returns false if a SIGBUS interrupted the call: then the destination holds partial data.
bool runCatchingSigbus(void (*access)(void *context), void *context);

template <typename Access> bool runCatchingSigbus(Access &&access)
{
    return runCatchingSigbus([](void *context) { (*static_cast<Access *>(context))(); }, &access);
}

// memcpy from a shared mapping; false if the block shrank under the copy.
bool copyFromMapping(void *destination, const void *mapping, std::size_t length);

} // namespace ShmScope
