// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/transport/AwsRequest.h"
#include "emulator/EmulatorResponse.h"
#include "emulator/RequestContext.h"

class DeviceAuthorizations;

/// IAM Identity Center's OIDC service (botocore's "sso-oidc", REST-JSON, unsigned): RegisterClient
/// (POST /client/register), StartDeviceAuthorization (POST /device_authorization) and CreateToken
/// (POST /token) with the device-code and refresh-token grants. The verification pages it names are the
/// emulator's own (/_emulator/sso/device). Errors carry x-amzn-ErrorType and the OAuth body
/// {"error": "authorization_pending", "error_description": ...}.
class SsoOidcService
{
public:
    static bool ownsPath(const QByteArray &encodedPath);
    static QString deviceGrantType()
    {
        return QStringLiteral("urn:ietf:params:oauth:grant-type:device_code");
    }
    static QString refreshGrantType() { return QStringLiteral("refresh_token"); }

    /// `devices` must outlive the service.
    SsoOidcService(DeviceAuthorizations &devices, int pollIntervalSeconds);

    EmulatorResponse handle(const AwsRequest &request, const RequestContext &context);

    /// An OIDC error answer: `code` in x-amzn-ErrorType, `error` and `error_description` in the body.
    static EmulatorResponse error(int status, const QString &code, const QString &oauthError,
                                  const QString &description);

private:
    EmulatorResponse registerClient(const QJsonObject &body, const RequestContext &context);
    EmulatorResponse startDeviceAuthorization(const AwsRequest &request, const QJsonObject &body,
                                              const RequestContext &context);
    EmulatorResponse createToken(const QJsonObject &body, const RequestContext &context);

    DeviceAuthorizations &m_devices;
    int m_pollIntervalSeconds;
};
