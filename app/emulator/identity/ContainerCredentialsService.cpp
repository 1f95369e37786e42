// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/identity/ContainerCredentialsService.h"

#include "emulator/identity/IssuedCredentials.h"
#include "emulator/identity/StsXml.h"

#include <QJsonObject>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

constexpr int lifetimeSeconds = 6 * 3600;

EmulatorResponse failure(int status, const QString &code, const QString &message)
{
    return EmulatorResponse::json({{u"code"_s, code}, {u"message"_s, message}}, status);
}

} // namespace

bool ContainerCredentialsService::ownsPath(const QByteArray &encodedPath)
{
    return encodedPath == "/_emulator/container-credentials" ||
           encodedPath.startsWith("/_emulator/container-credentials/");
}

ContainerCredentialsService::ContainerCredentialsService(IssuedCredentials &issued, QString account,
                                                         QString authorizationToken)
    : m_issued(issued)
    , m_account(std::move(account))
    , m_authorizationToken(std::move(authorizationToken))
{}

EmulatorResponse ContainerCredentialsService::handle(const AwsRequest &request, const RequestContext &context)
{
    if (request.method != "GET")
        return failure(405, u"MethodNotAllowed"_s, u"The container credentials endpoint answers GET only"_s);
    if (!m_authorizationToken.isEmpty()) {
        const QByteArray given = request.header("authorization");
        if (given.isNull())
            return failure(401, u"Unauthorized"_s, u"The Authorization header is missing"_s);
        if (given != m_authorizationToken.toUtf8())
            return failure(403, u"Forbidden"_s, u"The Authorization header is not the expected token"_s);
    }
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(context.nowMs, Qt::UTC);
    const QString roleArn = u"arn:aws:iam::%1:role/%2"_s.arg(m_account, roleName());
    IssuedCredentials::Identity identity;
    identity.account = m_account;
    identity.arn = u"arn:aws:sts::%1:assumed-role/%2/sessionscope-demo-task"_s.arg(m_account, roleName());
    identity.userId = IssuedCredentials::uniqueIdFor(u"AROA"_s, roleArn) + u":sessionscope-demo-task"_s;
    const AwsCredentials credentials =
        m_issued.issue(u"container"_s, identity, now.addSecs(lifetimeSeconds), now);
    return EmulatorResponse::json({
        {u"AccessKeyId"_s, credentials.accessKeyId},
        {u"SecretAccessKey"_s, credentials.secretAccessKey},
        {u"Token"_s, credentials.sessionToken},
        {u"Expiration"_s, StsXml::timestamp(credentials.expiration)},
        {u"RoleArn"_s, roleArn},
    });
}
