// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/credentials/CredentialsContext.h"
#include "aws/credentials/RefreshingCredentialsProvider.h"
#include "aws/credentials/sts/RoleCredentialsCache.h"

#include <memory>

class AwsTransport;
class StsClient;

/// Credentials from STS AssumeRoleWithWebIdentity (unsigned: the token is the proof), as botocore's
/// AssumeRoleWithWebIdentityProvider: the token is read from the file at every call (it rotates), role
/// session name default botocore-session-<epoch>. Like the AWS CLI, the answer is cached in
/// ~/.aws/cli/cache with the key of {RoleArn[, RoleSessionName]} (RoleCredentialsCache).
class WebIdentityProvider : public RefreshingCredentialsProvider
{
    Q_OBJECT

public:
    struct Settings
    {
        QString roleArn;
        QString tokenFile;
        QString roleSessionName; ///< empty: botocore-session-<epoch>
        QString origin;          ///< "environment" or "profile NAME", for messages
        QString profileName;     ///< whose region / STS settings apply; may be empty
    };

    /// What botocore uses: each of AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ROLE_ARN, AWS_ROLE_SESSION_NAME from the
    /// environment (unless `useEnvironment` is false, as with an explicit profile), else the profile's
    /// web_identity_token_file, role_arn, role_session_name. Empty tokenFile: not configured.
    static Settings settings(const CredentialsContext &context, const QString &profileName,
                             bool useEnvironment);

    WebIdentityProvider(Settings settings, std::shared_ptr<const CredentialsContext> context,
                        std::shared_ptr<const RoleCredentialsCache> cache, QObject *parent = nullptr);
    ~WebIdentityProvider() override;

    QString cacheKey() const;
    void invalidate() override;
    QString description() const override;

protected:
    void load() override;

private:
    Settings m_settings;
    QString m_sessionName;
    std::shared_ptr<const CredentialsContext> m_context;
    std::shared_ptr<const RoleCredentialsCache> m_cache;
    std::unique_ptr<AwsTransport> m_transport;
    std::unique_ptr<StsClient> m_sts;
    bool m_skipFileCache = false;
};
