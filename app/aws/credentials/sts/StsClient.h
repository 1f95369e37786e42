// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsResult.h"
#include "aws/credentials/AwsCredentials.h"
#include "aws/credentials/sts/CallerIdentity.h"
#include "aws/transport/CallHandle.h"

#include <QDateTime>
#include <QString>
#include <QUrl>

#include <functional>

class AwsTransport;
class QObject;

/// AWS Security Token Service over its Query protocol: form-encoded POST to "/" with Action and
/// Version=2011-06-15, XML answers (<XxxResponse><XxxResult>...), XML errors
/// (<ErrorResponse><Error><Code>...) mapped to AwsError categories (ExpiredTokenException and
/// InvalidClientTokenId → Credentials, AccessDenied → AccessDenied, RegionDisabledException →
/// Configuration, garbage → MalformedAnswer). One place decodes each answer.
class StsClient
{
public:
    struct AssumeRoleRequest
    {
        QString roleArn;
        QString roleSessionName;
        QString externalId;      ///< empty: not sent
        int durationSeconds = 0; ///< 0: not sent (STS default, one hour)
        QString serialNumber;    ///< mfa_serial; empty: no MFA
        QString tokenCode;       ///< the MFA code, with serialNumber
    };
    struct AssumeRoleWithWebIdentityRequest
    {
        QString roleArn;
        QString roleSessionName;
        QString webIdentityToken;
        int durationSeconds = 0;
    };
    /// Credentials (with their Expiration) and who they are.
    struct AssumedRole
    {
        AwsCredentials credentials;
        QString assumedRoleArn; ///< AssumedRoleUser/Arn
        QString assumedRoleId;  ///< AssumedRoleUser/AssumedRoleId
    };
    template <typename T>
    using Callback = std::function<void(const AwsResult<T> &)>;

    /// `transport` signs with the credentials to assume the role from (for AssumeRole and
    /// GetCallerIdentity) and must outlive the client. `endpoint` is scheme://host[:port] of STS in
    /// `region` (EndpointResolver::Service::Sts).
    StsClient(AwsTransport *transport, QUrl endpoint, QString region);

    /// The role session name when none is configured, as botocore names it: "botocore-session-<epoch s>",
    /// so a role's CloudTrail entries look the same whichever tool assumed it.
    static QString defaultRoleSessionName(const QDateTime &now);

    /// Signed with the transport's credentials.
    CallHandle assumeRole(const AssumeRoleRequest &request, QObject *context, Callback<AssumedRole> callback);
    /// Unsigned: the token is the proof.
    CallHandle assumeRoleWithWebIdentity(const AssumeRoleWithWebIdentityRequest &request, QObject *context,
                                         Callback<AssumedRole> callback);
    /// Signed with the transport's credentials.
    CallHandle getCallerIdentity(QObject *context, Callback<CallerIdentity> callback);

private:
    AwsTransport *m_transport;
    QUrl m_endpoint;
    QString m_region;
};
