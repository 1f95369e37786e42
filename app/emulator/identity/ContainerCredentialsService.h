// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/transport/AwsRequest.h"
#include "emulator/EmulatorResponse.h"
#include "emulator/RequestContext.h"

class IssuedCredentials;

/// The ECS/EKS container credentials endpoint (AWS_CONTAINER_CREDENTIALS_FULL_URI): GET on any path under
/// /_emulator/container-credentials answers {"AccessKeyId", "SecretAccessKey", "Token", "Expiration",
/// "RoleArn"} for the task role sessionscope-demo-task-role of the configured account, valid six hours.
/// When an authorization token is configured, the Authorization header must carry it (401 without one,
/// 403 with another). Plain JSON, no AWS error headers.
class ContainerCredentialsService
{
public:
    static bool ownsPath(const QByteArray &encodedPath);
    static QString roleName() { return QStringLiteral("sessionscope-demo-task-role"); }

    /// `issued` must outlive the service.
    ContainerCredentialsService(IssuedCredentials &issued, QString account, QString authorizationToken);

    EmulatorResponse handle(const AwsRequest &request, const RequestContext &context);

private:
    IssuedCredentials &m_issued;
    QString m_account;
    QString m_authorizationToken;
};
