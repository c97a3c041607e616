#pragma once

#include "cliutil.h"

namespace ShmScope::Cli {

// create, dump, read, write, rm: one segment, by name.
QVector<Command> segmentCommands();

} // namespace ShmScope::Cli
