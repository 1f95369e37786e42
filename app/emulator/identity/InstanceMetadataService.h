// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/transport/AwsRequest.h"
#include "emulator/EmulatorResponse.h"
#include "emulator/RequestContext.h"

#include <QHash>

class IssuedCredentials;

/// The EC2 instance metadata service (IMDS) as the SDKs use it, under /latest/:
/// - PUT /latest/api/token with X-aws-ec2-metadata-token-ttl-seconds (1..21600) answers a session token
///   (403 when v2 is disabled, so clients fall back to v1 as botocore does);
/// - GET /latest/meta-data/iam/security-credentials/ answers the role name, .../<role> the credentials
///   ({"Code": "Success", "Type": "AWS-HMAC", "AccessKeyId", ..., "Expiration"}, six hours);
/// - a few placement and instance answers (instance-id, placement/region, placement/availability-zone).
/// GETs need a valid X-aws-ec2-metadata-token (401 otherwise) unless v1 is allowed. Plain text and JSON,
/// no AWS error headers.
class InstanceMetadataService
{
public:
    static bool ownsPath(const QByteArray &encodedPath);
    static QString instanceId() { return QStringLiteral("i-05e5510e5c0de0001"); }
    static constexpr int maxTokenTtlSeconds = 21600;

    /// `issued` must outlive the service.
    InstanceMetadataService(IssuedCredentials &issued, QString account, QString region, QString roleName,
                            bool allowV1, bool disableV2);

    EmulatorResponse handle(const AwsRequest &request, const RequestContext &context);

private:
    EmulatorResponse putToken(const AwsRequest &request, const RequestContext &context);
    EmulatorResponse credentials(const RequestContext &context);

    IssuedCredentials &m_issued;
    QString m_account;
    QString m_region;
    QString m_roleName;
    bool m_allowV1;
    bool m_disableV2;
    QHash<QByteArray, qint64> m_tokens; // token -> expiry, epoch ms
};
