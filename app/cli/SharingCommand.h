// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/Command.h"

struct QAppSessionMetadata;

/// `sessionscope-cli sharing`: the Amazon Q Apps sharing configuration of a session
/// (GetQAppSessionMetadata), as a table of fields or as the API's JSON object.
class SharingCommand : public Command
{
    Q_OBJECT

public:
    using Command::Command;

protected:
    /// GetQAppSessionMetadata, then its answer.
    void run() override;

private:
    void print(const QAppSessionMetadata &metadata);
};
