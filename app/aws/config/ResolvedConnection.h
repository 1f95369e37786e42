// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/credentials/CredentialsProvider.h"
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
    /// The CA bundle (path, source and its certificates, already read) or the system's CAs; for every
    /// request of the connection, the credential providers' own included.
    TlsSettings tls;
    /// Never null. Resolves lazily: credential errors show up on the first fetch, not here.
    std::shared_ptr<CredentialsProvider> credentials;
    /// The Amazon Q Business application id for QApps calls; may be empty (then QApps calls cannot be made).
    QString qappsInstanceId;
};
