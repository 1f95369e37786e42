// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/credentials/CredentialProcessProvider.h"
#include "aws/credentials/CredentialPrompts.h"
#include "aws/transport/ProxySettings.h"

#include <memory>
#include <optional>

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
    /// --cli-connect-timeout / --cli-read-timeout (or the GUI's settings), in ms; 0: no limit; unset: the
    /// profile's connect_timeout / read_timeout, else the defaults.
    std::optional<int> connectTimeoutMs{};
    std::optional<int> readTimeoutMs{};
    /// The GUI's proxy choice; unset: the environment's variables (the AWS CLI's behaviour).
    std::optional<ProxySettings> proxy{};
};
