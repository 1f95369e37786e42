// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/identity/SsoPortalService.h"

#include "emulator/identity/DeviceAuthorizations.h"
#include "emulator/identity/IssuedCredentials.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {
constexpr int roleCredentialsLifetimeSeconds = 3600;
}

bool SsoPortalService::ownsPath(const QByteArray &encodedPath)
{
    return encodedPath == "/federation/credentials";
}

SsoPortalService::SsoPortalService(const DeviceAuthorizations &devices, IssuedCredentials &issued)
    : m_devices(devices)
    , m_issued(issued)
{}

EmulatorResponse SsoPortalService::handle(const AwsRequest &request, const RequestContext &context)
{
    const auto fail = [](int status, const QString &code, const QString &message) {
        return EmulatorResponse::error(status, code, message, errorNamespace());
    };
    if (request.method != "GET")
        return fail(405, u"InvalidRequestException"_s, u"GetRoleCredentials needs GET"_s);
    const QString token = QString::fromUtf8(request.header("x-amz-sso_bearer_token"));
    if (!m_devices.isAccessTokenValid(token, context.nowMs))
        return fail(401, u"UnauthorizedException"_s, u"Session token not found or invalid"_s);

    QString roleName, accountId;
    for (const auto &[key, value] : request.query) {
        if (key == u"role_name"_s)
            roleName = value;
        else if (key == u"account_id"_s)
            accountId = value;
    }
    static const QRegularExpression accountPattern(u"^\\d{12}$"_s);
    static const QRegularExpression rolePattern(u"^[\\w+=,.@-]{1,64}$"_s);
    if (!accountPattern.match(accountId).hasMatch())
        return fail(400, u"InvalidRequestException"_s, u"account_id must be a 12-digit AWS account id"_s);
    if (!rolePattern.match(roleName).hasMatch())
        return fail(400, u"InvalidRequestException"_s, u"role_name is not a valid role name"_s);

    const QDateTime now = QDateTime::fromMSecsSinceEpoch(context.nowMs, Qt::UTC);
    IssuedCredentials::Identity identity;
    identity.account = accountId;
    identity.arn = u"arn:aws:sts::%1:assumed-role/%2/%3"_s.arg(accountId, roleName, userName());
    identity.userId =
        IssuedCredentials::uniqueIdFor(u"AROA"_s, accountId + u'/' + roleName) + u':' + userName();
    const AwsCredentials credentials = m_issued.issue(u"sso|%1|%2"_s.arg(accountId, roleName), identity,
                                                      now.addSecs(roleCredentialsLifetimeSeconds), now);
    return EmulatorResponse::json(
        {{u"roleCredentials"_s, QJsonObject{
                                    {u"accessKeyId"_s, credentials.accessKeyId},
                                    {u"secretAccessKey"_s, credentials.secretAccessKey},
                                    {u"sessionToken"_s, credentials.sessionToken},
                                    {u"expiration"_s, credentials.expiration.toMSecsSinceEpoch()},
                                }}});
}
