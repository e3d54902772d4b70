// SPDX-License-Identifier: Apache-2.0
// Subcommands whose issues have not landed yet. Each helper removes its line when it implements it.
#include "app/commands.h"

namespace paddock::app {
namespace {
int pending(const char *name)
{
    printError(QStringLiteral("paddock %1: not available in this build yet").arg(QLatin1String(name)));
    return kExitBadInput;
}
} // namespace
} // namespace paddock::app
