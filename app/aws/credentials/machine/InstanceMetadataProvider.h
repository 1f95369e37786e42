// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/credentials/CredentialsContext.h"
#include "aws/credentials/RefreshingCredentialsProvider.h"

#include <QUrl>

#include <memory>

/// Credentials of the IAM role of an EC2 instance, as botocore's InstanceMetadataFetcher gets them: an
/// IMDSv2 token (PUT /latest/api/token), falling back to IMDSv1 (no token) when the token request answers
/// 403/404/405, times out or keeps failing - unless AWS_EC2_METADATA_V1_DISABLED / ec2_metadata_v1_disabled
/// - then GET /latest/meta-data/iam/security-credentials/ for the role name and its credentials.
/// Endpoint: AWS_EC2_METADATA_SERVICE_ENDPOINT / ec2_metadata_service_endpoint, else by
/// AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE / ec2_metadata_service_endpoint_mode (IPv4: 169.254.169.254,
/// IPv6: [fd00:ec2::254]). Each request waits at most context.metadataTimeoutMs (idle) and is tried
/// context.metadataAttempts times. AWS_EC2_METADATA_DISABLED=true turns it off.
class InstanceMetadataProvider : public RefreshingCredentialsProvider
{
    Q_OBJECT

public:
    /// `profileName` is where the ec2_metadata_* settings are read.
    InstanceMetadataProvider(std::shared_ptr<const CredentialsContext> context, QString profileName,
                             QObject *parent = nullptr);

    /// False when AWS_EC2_METADATA_DISABLED is true.
    static bool isEnabled(const QProcessEnvironment &env);
    /// The service's base URL (scheme://host[:port][/path], no trailing slash) for the environment and
    /// profile, or an error. A configured endpoint keeps its path, as botocore appends to it.
    static AwsResult<QUrl> endpoint(const CredentialsContext &context, const QString &profileName);

    QString description() const override;

protected:
    void load() override;

private:
    void requestToken(int attempt);
    void requestRoleName(int attempt);
    void requestCredentials(int attempt);
    QUrl urlFor(const QString &path) const;
    QList<QPair<QByteArray, QByteArray>> headers() const;
    void fail(const QString &reason);

    std::shared_ptr<const CredentialsContext> m_context;
    QString m_profileName;
    QUrl m_endpoint;
    QByteArray m_token;
    QString m_roleName;
    bool m_v1Disabled = false;
};
