// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsClock.h"
#include "aws/credentials/CredentialProcessProvider.h"
#include "aws/credentials/CredentialsContext.h"
#include "aws/credentials/CredentialsProvider.h"
#include "aws/transport/ProxySettings.h"
#include "aws/transport/TlsSettings.h"

#include <QList>
#include <QProcessEnvironment>

#include <functional>
#include <memory>

/// The standard way to find credentials, botocore's default chain:
/// - with an explicit profile (--profile): that profile only (ProfileCredentialsProvider); a profile that
///   does not exist or has no credentials is an error, nothing else is tried. (botocore then skips only
///   the environment keys and would still try container and instance metadata; SessionScope is stricter.)
/// - otherwise the environment keys (AWS_ACCESS_KEY_ID, ...);
/// - the profile (AWS_DEFAULT_PROFILE, else AWS_PROFILE, else "default") when it assumes a role;
/// - web identity from AWS_WEB_IDENTITY_TOKEN_FILE + AWS_ROLE_ARN [+ AWS_ROLE_SESSION_NAME] (each falling
///   back to the profile's web_identity_token_file / role_arn / role_session_name);
/// - the profile's other credentials: web identity, IAM Identity Center, credentials-file keys,
///   credential_process, config-file keys;
/// - container credentials (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI / _FULL_URI);
/// - EC2 instance metadata (unless AWS_EC2_METADATA_DISABLED=true); its failure says no credentials
///   were found anywhere.
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
    /// Who is asked for MFA codes; null (the default): nobody.
    void setPrompts(std::shared_ptr<CredentialPrompts> prompts) { m_prompts = std::move(prompts); }
    /// The connection's region, where STS is called.
    void setRegion(const QString &region) { m_region = region; }
    /// The network for STS and metadata calls; by default the chain makes one on the fetching thread.
    void setNetwork(std::shared_ptr<QNetworkAccessManager> network) { m_network = std::move(network); }

    /// The settings every provider of a selection shares, from the environment and shared files
    /// (AWS_METADATA_SERVICE_TIMEOUT / metadata_service_timeout in seconds, _NUM_ATTEMPTS /
    /// ..._num_attempts).
    std::shared_ptr<const CredentialsContext> makeContext(const SharedConfig &config,
                                                          const QString &profileName);

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
    /// The proxy of the providers' calls (STS, IAM Identity Center, container and instance metadata):
    /// the connection's (CredentialsContext::proxy). Default: the environment's, as botocore reads it.
    void setProxySettings(ProxySettings proxy) { m_proxy = std::move(proxy); }
    const ProxySettings &proxySettings() const { return m_proxy; }

private:
    AwsResult<std::shared_ptr<CredentialsProvider>> select();

    QString m_explicitProfile;
    QProcessEnvironment m_env;
    AwsClock m_clock;
    ProfileFallback m_fallback;
    int m_processTimeoutMs = CredentialProcessProvider::defaultTimeoutMs;
    std::shared_ptr<CredentialPrompts> m_prompts;
    QString m_region;
    std::shared_ptr<QNetworkAccessManager> m_network;
    std::shared_ptr<CredentialsProvider> m_selected;
    bool m_selectedIsLastResort = false; ///< instance metadata: its failure means "nothing found"
    QString m_nothingFound;
    QList<std::shared_ptr<CredentialsProvider>> m_retired;
    TlsSettings m_tls;
    ProxySettings m_proxy;
    bool m_invalidated = false; ///< the next selected provider is invalidated before its first fetch
};
