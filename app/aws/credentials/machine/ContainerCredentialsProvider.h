// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/credentials/CredentialsContext.h"
#include "aws/credentials/RefreshingCredentialsProvider.h"

#include <QNetworkAccessManager>
#include <QUrl>

#include <memory>

/// Credentials from the container credentials endpoint (ECS, EKS Pod Identity), as botocore's
/// ContainerProvider gets them: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI on http://169.254.170.2, else
/// AWS_CONTAINER_CREDENTIALS_FULL_URI, which must be https or a loopback address, 169.254.170.2,
/// 169.254.170.23, fd00:ec2::23 or localhost. The Authorization header comes from
/// AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE, else AWS_CONTAINER_AUTHORIZATION_TOKEN. botocore waits 2 s per
/// request and tries 3 times.
class ContainerCredentialsProvider : public RefreshingCredentialsProvider
{
    Q_OBJECT

public:
    static constexpr int timeoutMs = 2000;
    static constexpr int attempts = 3;

    ContainerCredentialsProvider(std::shared_ptr<const CredentialsContext> context,
                                 QObject *parent = nullptr);

    /// True when the environment names a container credentials endpoint.
    static bool isConfigured(const QProcessEnvironment &env);
    /// The URL to ask, or a Configuration error for a host botocore refuses.
    static AwsResult<QUrl> url(const QProcessEnvironment &env);

    QString description() const override;

protected:
    void load() override;

private:
    void request(const QUrl &url, const QByteArray &authorization, int attempt);

    std::shared_ptr<const CredentialsContext> m_context;
    /// botocore fetches container credentials without a proxy (its ContainerMetadataFetcher takes none):
    /// when the connection's proxy would carry the request, it goes over this direct manager instead.
    std::unique_ptr<QNetworkAccessManager> m_directNetwork;
};
