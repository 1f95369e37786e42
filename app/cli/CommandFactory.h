// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/Command.h"

#include <memory>

/// Picks the Command class of the command line's command.
class CommandFactory
{
public:
    /// The command of `context.arguments.command`; null for Command::None (only --help or --version).
    static std::unique_ptr<Command> create(CommandContext context, QObject *parent = nullptr);
};
