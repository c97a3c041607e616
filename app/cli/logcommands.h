#pragma once

#include "cliutil.h"

namespace ShmScope::Cli {

// log NAME [--follow] [--json], log create NAME [CAPACITY], log rm NAME: the operation logs
// ("shmscope.log.NAME") that workers record every step into.
QVector<Command> logCommands();

} // namespace ShmScope::Cli
