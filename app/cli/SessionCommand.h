// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/Command.h"

struct SessionDetail;

/// `sessionscope-cli session`: one session (GetSession) with its client IP addresses, as a table of
/// fields or as one JSON object written by the export engine's JSON Lines writer.
class SessionCommand : public Command
{
    Q_OBJECT

public:
    using Command::Command;

protected:
    /// GetSession, then its answer.
    void run() override;

private:
    void print(const SessionDetail &detail);
};
