// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsClock.h"
#include "aws/config/SharedConfig.h"
#include "aws/credentials/CredentialProcessProvider.h"
#include "aws/credentials/CredentialsProvider.h"

#include <QProcessEnvironment>

#include <memory>

/// Credentials of one profile of the shared files: its static keys (aws_access_key_id,
/// aws_secret_access_key, aws_session_token) or its credential_process. Profiles that need a sign-in
/// SessionScope does not do itself (IAM Identity Center, assume-role, web identity) give an error that
/// says how to use them through credential_process instead.
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
    /// mixes kinds (role_arn before web identity, before IAM Identity Center, before keys, before
    /// credential_process).
    static Kind kindOf(const SharedConfigFile::Properties &profile);

    /// `config` is a snapshot of the shared files; `env` is what a credential_process runs with.
    ProfileCredentialsProvider(SharedConfig config, QString profileName, QProcessEnvironment env,
                               AwsClock clock = systemAwsClock());

    /// Timeout for the profile's credential_process.
    void setProcessTimeout(int milliseconds);

    void fetch(QObject *context, Callback callback) override;
    void invalidate() override;
    QString description() const override;

private:
    AwsResult<AwsCredentials> staticCredentials(const SharedConfigFile::Properties &profile) const;
    AwsError unsupportedError(const SharedConfigFile::Properties &profile) const;

    SharedConfig m_config;
    QString m_profileName;
    QProcessEnvironment m_env;
    AwsClock m_clock;
    int m_processTimeoutMs = CredentialProcessProvider::defaultTimeoutMs;
    std::unique_ptr<CredentialProcessProvider> m_process;
};
