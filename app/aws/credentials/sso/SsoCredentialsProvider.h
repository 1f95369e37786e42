// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/credentials/CredentialsContext.h"
#include "aws/credentials/CredentialsProvider.h"
#include "aws/credentials/sso/SsoProfile.h"

#include <QObject>

#include <memory>

/// Role credentials of an IAM Identity Center profile: the access token from the AWS CLI's cache
/// (SsoTokenCache), renewed through SSO OIDC CreateToken (refresh-token grant) when it expired and the
/// cache holds a refresh token - the renewed token is written back as the AWS CLI does - then SSO portal
/// GetRoleCredentials (sso_account_id, sso_role_name). Cached until shortly before their expiry;
/// concurrent fetches share one call. A missing, expired-and-unrenewable or rejected sign-in is a
/// Credentials error with AwsError::signInRequiredCode() whose sentence says how to sign in
/// (sessionscope-cli login --profile NAME, or aws sso login). The portal endpoint follows the endpoint
/// rules (AWS_ENDPOINT_URL_SSO, [services] sso, AWS_ENDPOINT_URL, https://portal.sso.<sso_region>...).
class SsoCredentialsProvider : public QObject, public CredentialsProvider
{
    Q_OBJECT

public:
    SsoCredentialsProvider(SsoProfile profile, std::shared_ptr<const CredentialsContext> context,
                           QObject *parent = nullptr);
    ~SsoCredentialsProvider() override;

    void fetch(QObject *context, Callback callback) override;
    void invalidate() override;
    QString description() const override;

private:
    class Private;
    std::unique_ptr<Private> d;
};
