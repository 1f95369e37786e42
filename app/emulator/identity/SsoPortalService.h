// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/transport/AwsRequest.h"
#include "emulator/EmulatorResponse.h"
#include "emulator/RequestContext.h"

class DeviceAuthorizations;
class IssuedCredentials;

/// IAM Identity Center's portal (botocore's "sso", REST-JSON, unsigned): GetRoleCredentials
/// (GET /federation/credentials?role_name=&account_id= with the access token in x-amz-sso_bearer_token).
/// Any role in any account is granted to a token the emulator's OIDC service handed out; the credentials
/// last an hour and belong to arn:aws:sts::<account>:assumed-role/<role>/sessionscope-demo-user.
class SsoPortalService
{
public:
    static bool ownsPath(const QByteArray &encodedPath);
    static QString errorNamespace() { return QStringLiteral("com.amazonaws.switchboard.portal"); }
    static QString userName() { return QStringLiteral("sessionscope-demo-user"); }

    /// `devices` and `issued` must outlive the service.
    SsoPortalService(const DeviceAuthorizations &devices, IssuedCredentials &issued);

    EmulatorResponse handle(const AwsRequest &request, const RequestContext &context);

private:
    const DeviceAuthorizations &m_devices;
    IssuedCredentials &m_issued;
};
