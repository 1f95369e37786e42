// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsClock.h"
#include "aws/config/SharedConfig.h"
#include "aws/credentials/CredentialProcessProvider.h"
#include "aws/credentials/CredentialsContext.h"
#include "aws/credentials/CredentialsProvider.h"

#include <QProcessEnvironment>
#include <QStringList>

#include <memory>

/// Credentials of one profile of the shared files, in botocore's order: role_arn (with source_profile or
/// credential_source; not with web_identity_token_file) assumes the role (AssumeRoleProvider, source
/// profiles chained to any length, loops refused), then web_identity_token_file (WebIdentityProvider),
/// IAM Identity Center (sso_session / sso_start_url), static keys of ~/.aws/credentials, credential_process,
/// static keys of ~/.aws/config.
class ProfileCredentialsProvider : public CredentialsProvider
{
public:
    enum class Kind {
        StaticKeys,        ///< aws_access_key_id / aws_secret_access_key
        Process,           ///< credential_process
        AssumeRole,        ///< role_arn with source_profile or credential_source
        AssumeRoleWithMfa, ///< the same with mfa_serial: someone has to type a code
        IdentityCenter,    ///< sso_session, or the legacy sso_start_url
        WebIdentity,       ///< web_identity_token_file (with role_arn)
        None,              ///< no credentials at all (e.g. only a region)
    };
    /// What kind of credentials a profile's settings describe, decided as botocore decides when a profile
    /// mixes kinds (role_arn without web_identity_token_file, then web identity, IAM Identity Center, keys,
    /// credential_process). Keys that are only in ~/.aws/config come after credential_process: use the
    /// SharedConfig overload for that.
    static Kind kindOf(const SharedConfigFile::Properties &profile);
    /// The same, knowing which file holds the keys.
    static Kind kindOf(const SharedConfig &config, const QString &profileName);

    /// The provider for `profileName`, built now: for an assume-role profile with its whole source chain.
    /// Errors: a missing source profile, a source_profile loop, both or neither of source_profile and
    /// credential_source, an unknown credential_source - Configuration errors, as botocore raises them.
    static AwsResult<std::shared_ptr<CredentialsProvider>>
    create(const std::shared_ptr<const CredentialsContext> &context, const QString &profileName);

    /// `config` is a snapshot of the shared files; `env` is what a credential_process runs with.
    ProfileCredentialsProvider(SharedConfig config, QString profileName, QProcessEnvironment env,
                               AwsClock clock = systemAwsClock());
    /// Everything from `context` (network, prompts, region, timeouts).
    ProfileCredentialsProvider(std::shared_ptr<const CredentialsContext> context, QString profileName);

    /// Timeout for the profile's credential_process.
    void setProcessTimeout(int milliseconds);

    void fetch(QObject *context, Callback callback) override;
    void invalidate() override;
    QString description() const override;

private:
    static AwsResult<std::shared_ptr<CredentialsProvider>>
    build(const std::shared_ptr<const CredentialsContext> &context, const QString &profileName,
          QStringList visited, bool allowRole);
    static AwsResult<std::shared_ptr<CredentialsProvider>>
    identityCenterProvider(const std::shared_ptr<const CredentialsContext> &context,
                           const QString &profileName);
    static AwsResult<std::shared_ptr<CredentialsProvider>>
    roleSource(const std::shared_ptr<const CredentialsContext> &context, const QString &profileName,
               QStringList visited);

    std::shared_ptr<CredentialsContext> m_ownContext; ///< set by the old constructor; processTimeout edits it
    std::shared_ptr<const CredentialsContext> m_context;
    QString m_profileName;
    std::shared_ptr<CredentialsProvider> m_inner;
    bool m_invalidateWhenBuilt = false; ///< invalidate() came before the inner provider existed
};
