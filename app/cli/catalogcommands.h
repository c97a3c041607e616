#pragma once

#include "cliutil.h"

namespace ShmScope::Cli {

// list, who: what is in /dev/shm and which processes map it.
QVector<Command> catalogCommands();

} // namespace ShmScope::Cli
