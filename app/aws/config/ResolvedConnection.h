// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/credentials/CredentialsProvider.h"
#include "aws/transport/AwsTransportOptions.h"
#include "aws/transport/TlsSettings.h"

#include <QString>
#include <QUrl>

#include <memory>

/// Everything needed to talk to AWS, as ConnectionResolver worked it out. The *Source fields say where a
/// value came from ("--region", "AWS_REGION", "profile dev", "default", ...), for status lines and
/// `--debug` output.
struct ResolvedConnection
{
    enum class ProfileSource {
        SharedFiles, ///< ~/.aws/config and ~/.aws/credentials (or a profile named there that does not exist:
                     ///< the implicit "default")
        AppManaged,  ///< created inside SessionScope, secret in the OS keychain
    };

    QString profileName;
    ProfileSource profileSource = ProfileSource::SharedFiles;
    QString region;
    QString regionSource;
    QUrl workspacesWebEndpoint;
    QString workspacesWebEndpointSource;
    QUrl qappsEndpoint;
    QString qappsEndpointSource;
    /// STS, for GetCallerIdentity ("who am I") with the connection's credentials.
    QUrl stsEndpoint;
    QString stsEndpointSource;
    int maxAttempts = 3;
    QString maxAttemptsSource;
    /// use_fips_endpoint / use_dualstack_endpoint (AWS_USE_FIPS_ENDPOINT, AWS_USE_DUALSTACK_ENDPOINT, the
    /// profile), already applied to the default endpoints above.
    bool useFipsEndpoint = false;
    QString useFipsEndpointSource;
    bool useDualStackEndpoint = false;
    QString useDualStackEndpointSource;
    /// Connect and read timeouts in ms (0: no limit): --cli-connect-timeout / --cli-read-timeout (or the
    /// GUI's connection settings), else the profile's connect_timeout / read_timeout (seconds), else the
    /// defaults of AwsTransportOptions.
    int connectTimeoutMs = AwsTransportOptions{}.connectTimeoutMs;
    QString connectTimeoutSource;
    int readTimeoutMs = AwsTransportOptions{}.readTimeoutMs;
    QString readTimeoutSource;
    /// AWS_RETRY_MODE, else the profile's retry_mode, else standard.
    RetryMode retryMode = RetryMode::Standard;
    QString retryModeSource;
    /// The proxy (the GUI's choice, else the environment's variables); proxy.source says where from.
    ProxySettings proxy;
    /// AWS_SDK_UA_APP_ID, else the profile's sdk_ua_app_id; may be empty.
    QString appId;
    QString appIdSource;
    /// The CA bundle (path, source and its certificates, already read) or the system's CAs; for every
    /// request of the connection, the credential providers' own included.
    TlsSettings tls;
    /// Never null. Resolves lazily: credential errors show up on the first fetch, not here.
    std::shared_ptr<CredentialsProvider> credentials;
    /// The Amazon Q Business application id for QApps calls; may be empty (then QApps calls cannot be made).
    QString qappsInstanceId;

    /// The transport settings of this connection: attempts, timeouts, retry mode, CA bundle, proxy, app id.
    AwsTransportOptions transportOptions() const;
};
