// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/Command.h"

#include <memory>

class StsClient;
struct CallerIdentity;

/// `sessionscope-cli whoami`: who the connection's credentials belong to, as STS GetCallerIdentity says,
/// and where the credentials came from: JSON {"Account", "Arn", "UserId", "CredentialSource"}, or lines
/// of text with --format text.
class WhoamiCommand : public Command
{
    Q_OBJECT

public:
    explicit WhoamiCommand(CommandContext context, QObject *parent = nullptr);
    ~WhoamiCommand() override;

protected:
    /// Fetches the credentials (asking for an MFA code if the profile needs one), then GetCallerIdentity.
    void run() override;

private:
    void print(const CallerIdentity &identity, const QString &source);

    std::unique_ptr<StsClient> m_sts;
};
