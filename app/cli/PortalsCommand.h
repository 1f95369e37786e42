// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/Command.h"

/// `sessionscope-cli portals`: every web portal of the account and region, all pages, as a table or in
/// the export's CSV, JSON or JSON Lines.
class PortalsCommand : public Command
{
    Q_OBJECT

public:
    using Command::Command;

protected:
    /// ListPortals page by page, then the whole list in the chosen format.
    void run() override;

private:
    void print(const QList<Portal> &portals);
};
