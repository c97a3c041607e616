#pragma once

#include "cliutil.h"

namespace ShmScope::Cli {

// sync create|show|rm|list: ShmScope's named Lock, RLock, Semaphore, BoundedSemaphore, Event,
// Condition and Barrier objects ("shmscope.sync.NAME" in /dev/shm).
QVector<Command> syncCommands();

} // namespace ShmScope::Cli
