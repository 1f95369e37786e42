// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsClock.h"
#include "aws/config/SharedConfig.h"
#include "aws/credentials/CredentialProcessProvider.h"
#include "aws/credentials/CredentialPrompts.h"
#include "aws/transport/AwsTransport.h"
#include "aws/transport/ProxySettings.h"
#include "aws/transport/TlsSettings.h"

#include <QNetworkAccessManager>
#include <QProcessEnvironment>
#include <QString>

#include <memory>

/// What every provider of one chain shares: the environment and shared files it reads, the clock, the
/// network the STS / SSO / metadata calls go over, and who can be asked for an MFA code. The chain makes
/// one per selection (so edits to ~/.aws/* are picked up after invalidate()).
struct CredentialsContext
{
    QProcessEnvironment env{};
    SharedConfig config{}; ///< snapshot of ~/.aws/config and ~/.aws/credentials
    AwsClock clock = systemAwsClock();
    /// Created by the chain on the thread that fetches, when not injected; shared by every provider.
    std::shared_ptr<QNetworkAccessManager> network{};
    /// May be null: then a profile with mfa_serial fails at once with a sentence saying nobody can be asked.
    std::shared_ptr<CredentialPrompts> prompts{};
    /// The connection's region: where STS is called when the profile names no other.
    QString region{};
    int processTimeoutMs = CredentialProcessProvider::defaultTimeoutMs;
    /// Connect/read timeout and attempts for container credentials and instance metadata (botocore: 1 s, 1).
    int metadataTimeoutMs = 1000;
    int metadataAttempts = 1;
    /// The connection's certificate authorities (CA bundle): every provider applies them to its own
    /// transport (AwsTransportOptions::tls), so STS and IAM Identity Center are checked like the services.
    TlsSettings tls{};
    /// The connection's proxy: applied to `network` (so also to the metadata calls) and to every
    /// provider's own transport (AwsTransportOptions::proxy), so STS and IAM Identity Center go the way
    /// the services go.
    ProxySettings proxy{};

    /// Applies the connection's CA bundle and proxy to a provider's own `transport`.
    void configure(AwsTransport &transport) const
    {
        AwsTransportOptions options = transport.options();
        options.tls = tls;
        options.proxy = proxy;
        transport.setOptions(options);
    }
};
