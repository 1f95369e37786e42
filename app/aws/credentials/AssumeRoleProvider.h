// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/credentials/CredentialsContext.h"
#include "aws/credentials/RefreshingCredentialsProvider.h"
#include "aws/credentials/sts/RoleCredentialsCache.h"

#include <memory>

class AwsTransport;
class StsClient;

/// Credentials of a profile with role_arn: STS AssumeRole signed with the source credentials (its
/// source_profile's, or the credential_source's), as botocore's AssumeRoleProvider does it -
/// role_session_name (default botocore-session-<epoch>), external_id, duration_seconds, mfa_serial (the
/// code asked through CredentialsContext::prompts; none: an error at once). The answer is cached in the
/// AWS CLI's ~/.aws/cli/cache (RoleCredentialsCache), read before asking STS or for a code; credentials are
/// renewed 15 minutes before they expire, and concurrent fetches share one call.
class AssumeRoleProvider : public RefreshingCredentialsProvider
{
    Q_OBJECT

public:
    struct RoleConfig
    {
        QString roleArn;
        QString roleSessionName; ///< empty: botocore-session-<epoch>, left out of the cache key
        QString externalId;
        QString mfaSerial;
        int durationSeconds = 0; ///< 0: not set (or not a number, which botocore ignores)
    };

    /// The role settings of a profile, as botocore reads them.
    static RoleConfig roleConfig(const SharedConfig &config, const QString &profileName);

    /// `source` signs the AssumeRole call; `cache` may be null (no file cache).
    AssumeRoleProvider(QString profileName, RoleConfig role, std::shared_ptr<CredentialsProvider> source,
                       std::shared_ptr<const CredentialsContext> context,
                       std::shared_ptr<const RoleCredentialsCache> cache, QObject *parent = nullptr);
    ~AssumeRoleProvider() override;

    /// The cache file key of this role (see RoleCredentialsCache).
    QString cacheKey() const;

    void invalidate() override;
    QString description() const override;

protected:
    void load() override;

private:
    void assume(const QString &tokenCode);
    AwsCredentials fromRole(const StsClient::AssumedRole &role) const;

    QString m_profileName;
    RoleConfig m_role;
    QString m_sessionName;
    std::shared_ptr<CredentialsProvider> m_source;
    std::shared_ptr<const CredentialsContext> m_context;
    std::shared_ptr<const RoleCredentialsCache> m_cache;
    std::unique_ptr<AwsTransport> m_transport;
    std::unique_ptr<StsClient> m_sts;
    bool m_skipFileCache = false;
};
