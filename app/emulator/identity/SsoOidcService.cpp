// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/identity/SsoOidcService.h"

#include "emulator/identity/DeviceAuthorizations.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace {

EmulatorResponse invalidClient()
{
    return SsoOidcService::error(
        401, u"InvalidClientException"_s, u"invalid_client"_s,
        u"Invalid client: unknown client id, wrong secret, or an expired registration"_s);
}

EmulatorResponse invalidRequest(const QString &description)
{
    return SsoOidcService::error(400, u"InvalidRequestException"_s, u"invalid_request"_s, description);
}

} // namespace

bool SsoOidcService::ownsPath(const QByteArray &encodedPath)
{
    return encodedPath == "/client/register" || encodedPath == "/device_authorization" ||
           encodedPath == "/token";
}

SsoOidcService::SsoOidcService(DeviceAuthorizations &devices, int pollIntervalSeconds)
    : m_devices(devices)
    , m_pollIntervalSeconds(pollIntervalSeconds)
{}

EmulatorResponse SsoOidcService::error(int status, const QString &code, const QString &oauthError,
                                       const QString &description)
{
    EmulatorResponse response =
        EmulatorResponse::json({{u"error"_s, oauthError}, {u"error_description"_s, description}}, status);
    response.headers.append(
        {QByteArrayLiteral("x-amzn-ErrorType"),
         (code + u":http://internal.amazon.com/coral/com.amazonaws.switchboard.oidc/"_s).toUtf8()});
    return response;
}

EmulatorResponse SsoOidcService::handle(const AwsRequest &request, const RequestContext &context)
{
    if (request.method != "POST") {
        return error(405, u"InvalidRequestException"_s, u"invalid_request"_s,
                     u"%1 needs POST"_s.arg(QString::fromUtf8(request.encodedPath)));
    }
    QJsonParseError parseError;
    const QJsonDocument document =
        QJsonDocument::fromJson(request.body.isEmpty() ? QByteArrayLiteral("{}") : request.body, &parseError);
    if (!document.isObject())
        return invalidRequest(u"The request body is not a JSON object"_s);
    const QJsonObject body = document.object();
    if (request.encodedPath == "/client/register")
        return registerClient(body, context);
    if (request.encodedPath == "/device_authorization")
        return startDeviceAuthorization(request, body, context);
    return createToken(body, context);
}

EmulatorResponse SsoOidcService::registerClient(const QJsonObject &body, const RequestContext &context)
{
    if (body.value(u"clientName"_s).toString().isEmpty())
        return invalidRequest(u"clientName is required"_s);
    if (body.value(u"clientType"_s).toString() != u"public"_s)
        return invalidRequest(u"clientType must be 'public'"_s);
    if (body.contains(u"scopes"_s) && !body.value(u"scopes"_s).isArray())
        return invalidRequest(u"scopes must be a list"_s);
    const DeviceAuthorizations::Client client = m_devices.registerClient(context.nowMs);
    return EmulatorResponse::json({
        {u"clientId"_s, client.id},
        {u"clientSecret"_s, client.secret},
        {u"clientIdIssuedAt"_s, client.issuedAtMs / 1000},
        {u"clientSecretExpiresAt"_s, client.secretExpiresAtMs / 1000},
    });
}

EmulatorResponse SsoOidcService::startDeviceAuthorization(const AwsRequest &request, const QJsonObject &body,
                                                          const RequestContext &context)
{
    const QString clientId = body.value(u"clientId"_s).toString();
    const QString clientSecret = body.value(u"clientSecret"_s).toString();
    if (!m_devices.isClientValid(clientId, clientSecret, context.nowMs))
        return invalidClient();
    if (body.value(u"startUrl"_s).toString().isEmpty())
        return invalidRequest(u"startUrl is required"_s);
    const DeviceAuthorizations::Device device = m_devices.startAuthorization(clientId, context.nowMs);

    // The pages are this emulator's, on the address the client reached it at.
    QUrl page = request.endpoint;
    page.setPath(u"/_emulator/sso/device"_s);
    QUrl complete = page;
    complete.setQuery(QUrlQuery{{u"user_code"_s, device.userCode}});
    return EmulatorResponse::json({
        {u"deviceCode"_s, device.deviceCode},
        {u"userCode"_s, device.userCode},
        {u"verificationUri"_s, page.toString(QUrl::FullyEncoded)},
        {u"verificationUriComplete"_s, complete.toString(QUrl::FullyEncoded)},
        {u"expiresIn"_s, m_devices.deviceCodeLifetimeSeconds()},
        {u"interval"_s, m_pollIntervalSeconds},
    });
}

EmulatorResponse SsoOidcService::createToken(const QJsonObject &body, const RequestContext &context)
{
    const QString clientId = body.value(u"clientId"_s).toString();
    if (!m_devices.isClientValid(clientId, body.value(u"clientSecret"_s).toString(), context.nowMs))
        return invalidClient();
    const QString grantType = body.value(u"grantType"_s).toString();
    DeviceAuthorizations::Token token;
    if (grantType == deviceGrantType()) {
        const QString deviceCode = body.value(u"deviceCode"_s).toString();
        if (deviceCode.isEmpty())
            return invalidRequest(u"deviceCode is required with the device code grant"_s);
        switch (m_devices.poll(clientId, deviceCode, m_pollIntervalSeconds, context.nowMs, &token)) {
        case DeviceAuthorizations::Poll::Pending:
            return error(400, u"AuthorizationPendingException"_s, u"authorization_pending"_s,
                         u"Authorization is still pending"_s);
        case DeviceAuthorizations::Poll::SlowDown:
            return error(400, u"SlowDownException"_s, u"slow_down"_s,
                         u"Polling faster than the interval StartDeviceAuthorization gave"_s);
        case DeviceAuthorizations::Poll::Expired:
            return error(400, u"ExpiredTokenException"_s, u"expired_token"_s,
                         u"The device code has expired"_s);
        case DeviceAuthorizations::Poll::Denied:
            return error(400, u"AccessDeniedException"_s, u"access_denied"_s, u"The sign-in was denied"_s);
        case DeviceAuthorizations::Poll::InvalidGrant:
            return error(400, u"InvalidGrantException"_s, u"invalid_grant"_s,
                         u"Invalid device code provided"_s);
        case DeviceAuthorizations::Poll::Issued:
            break;
        }
    } else if (grantType == refreshGrantType()) {
        const QString refreshToken = body.value(u"refreshToken"_s).toString();
        if (refreshToken.isEmpty())
            return invalidRequest(u"refreshToken is required with the refresh token grant"_s);
        const auto refreshed = m_devices.refresh(clientId, refreshToken, context.nowMs);
        if (!refreshed) {
            return error(400, u"InvalidGrantException"_s, u"invalid_grant"_s,
                         u"Invalid refresh token provided"_s);
        }
        token = *refreshed;
    } else {
        return error(400, u"UnsupportedGrantTypeException"_s, u"unsupported_grant_type"_s,
                     u"Unsupported grant type"_s);
    }
    return EmulatorResponse::json({
        {u"accessToken"_s, token.accessToken},
        {u"tokenType"_s, u"Bearer"_s},
        {u"expiresIn"_s, m_devices.tokenLifetimeSeconds()},
        {u"refreshToken"_s, token.refreshToken},
    });
}
