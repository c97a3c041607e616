#pragma once

#include "cliutil.h"

namespace ShmScope::Cli {

// step PID | step --status PID | step --list: drive workers started with --step one step at a time.
QVector<Command> stepCommands();

} // namespace ShmScope::Cli
