// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/CommandFactory.h"

#include "cli/ConfigCommand.h"
#include "cli/ExpireCommand.h"
#include "cli/LoginCommand.h"
#include "cli/PortalsCommand.h"
#include "cli/SessionCommand.h"
#include "cli/SessionsCommand.h"
#include "cli/SharingCommand.h"
#include "cli/WhoamiCommand.h"

std::unique_ptr<Command> CommandFactory::create(CommandContext context, QObject *parent)
{
    switch (context.arguments.command) {
    case CliArguments::Command::Portals:
        return std::make_unique<PortalsCommand>(std::move(context), parent);
    case CliArguments::Command::Sessions:
        return std::make_unique<SessionsCommand>(std::move(context), parent);
    case CliArguments::Command::Session:
        return std::make_unique<SessionCommand>(std::move(context), parent);
    case CliArguments::Command::Sharing:
        return std::make_unique<SharingCommand>(std::move(context), parent);
    case CliArguments::Command::Expire:
        return std::make_unique<ExpireCommand>(std::move(context), parent);
    case CliArguments::Command::Whoami:
        return std::make_unique<WhoamiCommand>(std::move(context), parent);
    case CliArguments::Command::Login:
        return std::make_unique<LoginCommand>(std::move(context), parent);
    case CliArguments::Command::Config:
        return std::make_unique<ConfigCommand>(std::move(context), parent);
    case CliArguments::Command::None:
        break;
    }
    return nullptr;
}
