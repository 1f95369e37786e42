// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/credentials/CredentialProcessProvider.h"
#include "aws/credentials/CredentialPrompts.h"

#include <memory>

#include <QString>

/// What the user chose explicitly (command-line flags or the GUI's connection settings). Empty fields
/// leave the choice to the environment and the profile. Every member has a default, so
/// `ConnectionOptions{u"dev"_s}` is fine under -Wextra.
struct ConnectionOptions
{
    QString profile{};     ///< --profile: only this profile, no fallback; empty: AWS_PROFILE, else "default"
    QString region{};      ///< --region
    QString endpointUrl{}; ///< --endpoint-url, for both services
    QString qappsInstanceId{}; ///< overrides the profile's Q Apps instance id
    int credentialProcessTimeoutMs = CredentialProcessProvider::defaultTimeoutMs;
    /// Who is asked for MFA codes (the GUI's dialogs, the CLI's terminal); null: nobody can be asked.
    std::shared_ptr<CredentialPrompts> prompts{};
    /// --ca-bundle: a PEM file of the only certificate authorities to trust; empty: AWS_CA_BUNDLE, the
    /// profile's ca_bundle, REQUESTS_CA_BUNDLE, else the system's.
    QString caBundle{};
};
