#pragma once

#include "cliutil.h"

namespace ShmScope::Cli {

// experiment list | run: the built-in lessons and users' files, headless.
QVector<Command> experimentCommands();

} // namespace ShmScope::Cli
