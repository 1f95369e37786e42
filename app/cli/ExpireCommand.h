// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/Command.h"

/// `sessionscope-cli expire`: ends an active session (ExpireSession). Without --yes it asks on the
/// terminal first, and refuses when no one is there to answer.
class ExpireCommand : public Command
{
    Q_OBJECT

public:
    using Command::Command;

protected:
    /// Asks (or takes --yes), then ExpireSession.
    void run() override;

private:
    /// True when the user answered y or yes.
    bool confirmed();
};
