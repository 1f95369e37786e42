// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsResult.h"
#include "aws/credentials/AwsCredentials.h"
#include "aws/transport/CallHandle.h"

#include <QString>
#include <QUrl>

#include <functional>

class AwsTransport;
class QObject;

/// The IAM Identity Center portal (REST-JSON, unsigned: the access token is the proof): GetRoleCredentials,
/// GET /federation/credentials?role_name&account_id with the token in x-amz-sso_bearer_token. Errors keep
/// the service's codes (UnauthorizedException 401, ResourceNotFoundException, TooManyRequestsException...).
class SsoPortalClient
{
public:
    using Callback = std::function<void(const AwsResult<AwsCredentials> &)>;

    /// `transport` must outlive the client. `endpoint`: scheme://host[:port] of the portal in `region`.
    SsoPortalClient(AwsTransport *transport, QUrl endpoint, QString region);

    /// The role's credentials, their expiration from the answer's epoch milliseconds.
    CallHandle getRoleCredentials(const QString &accessToken, const QString &accountId,
                                  const QString &roleName, QObject *context, Callback callback);

private:
    AwsTransport *m_transport;
    QUrl m_endpoint;
    QString m_region;
};
