// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsClock.h"
#include "aws/credentials/CredentialProcessProvider.h"
#include "aws/credentials/CredentialsProvider.h"
#include "aws/transport/TlsSettings.h"

#include <QList>
#include <QProcessEnvironment>

#include <functional>
#include <memory>

/// The standard way to find credentials, as the AWS CLI does:
/// - with an explicit profile (--profile): that profile only; a profile that does not exist or has no
///   credentials is an error, nothing else is tried;
/// - otherwise the environment (AWS_ACCESS_KEY_ID, ...) when it sets credentials;
/// - otherwise the shared-files profile named by AWS_PROFILE, else "default".
/// A profile is looked up in the shared files first, then through the optional fallback (the
/// app-managed profiles). The choice is made on the first fetch and again after invalidate(), reading
/// the shared files afresh, so edits to ~/.aws/* are picked up.
class CredentialsProviderChain : public CredentialsProvider
{
public:
    /// Returns the provider of a profile that is not in the shared files, or null when there is none.
    using ProfileFallback = std::function<std::shared_ptr<CredentialsProvider>(const QString &profileName)>;

    CredentialsProviderChain(QString explicitProfile, QProcessEnvironment env,
                             AwsClock clock = systemAwsClock(), ProfileFallback fallback = {});

    /// Timeout for a profile's credential_process.
    void setProcessTimeout(int milliseconds) { m_processTimeoutMs = milliseconds; }

    /// The provider the chain uses now (choosing it when needed), or the error that stops it, without
    /// fetching credentials.
    AwsResult<std::shared_ptr<CredentialsProvider>> selectedProvider();

    void fetch(QObject *context, Callback callback) override;
    void invalidate() override;
    QString description() const override;

    /// The certificate authorities of the providers' own calls (STS, IAM Identity Center): the
    /// connection's, so a CA bundle applies to them too (CredentialsContext::tls).
    void setTlsSettings(TlsSettings tls) { m_tls = std::move(tls); }
    const TlsSettings &tlsSettings() const { return m_tls; }

private:
    AwsResult<std::shared_ptr<CredentialsProvider>> select() const;

    QString m_explicitProfile;
    QProcessEnvironment m_env;
    AwsClock m_clock;
    ProfileFallback m_fallback;
    int m_processTimeoutMs = CredentialProcessProvider::defaultTimeoutMs;
    std::shared_ptr<CredentialsProvider> m_selected;
    QList<std::shared_ptr<CredentialsProvider>> m_retired;
    TlsSettings m_tls;
};
