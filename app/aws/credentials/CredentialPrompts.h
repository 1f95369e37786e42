// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsResult.h"

#include <QString>

#include <functional>

class QObject;

/// Asks the person at the keyboard for what a sign-in needs and cannot find itself. The desktop app
/// answers with dialogs (ui/connection/MfaCodeDialog), the CLI on its terminal (app/cli/TerminalPrompts).
/// Providers get it through CredentialsContext; without one, a profile that needs an answer fails at
/// once with a sentence saying so.
class CredentialPrompts
{
public:
    /// What an assume-role profile with mfa_serial needs a code for.
    struct MfaRequest
    {
        QString profileName; ///< the profile that names the role, e.g. "admin"
        QString roleArn;     ///< arn:aws:iam::123456789012:role/Admin
        QString mfaSerial;   ///< the device: arn:aws:iam::123456789012:mfa/alice, or a hardware serial
    };
    /// The code the person typed (six digits for virtual devices), or an error: Category::Cancelled when
    /// they cancelled, Category::Credentials when nobody can be asked (no terminal, for example).
    using MfaCallback = std::function<void(const AwsResult<QString> &code)>;

    virtual ~CredentialPrompts() = default;

    /// Asks for the current code of `request.mfaSerial`. Calls `callback` exactly once, on the calling
    /// thread and never before this function returns, unless `context` is destroyed first.
    virtual void askMfaCode(const MfaRequest &request, QObject *context, MfaCallback callback) = 0;
};
