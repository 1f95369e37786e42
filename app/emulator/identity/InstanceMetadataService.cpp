// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/identity/InstanceMetadataService.h"

#include "emulator/identity/IssuedCredentials.h"
#include "emulator/identity/StsXml.h"

#include <QJsonObject>
#include <QList>
#include <QRandomGenerator>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

constexpr int lifetimeSeconds = 6 * 3600;
const QByteArray credentialsPath = QByteArrayLiteral("/latest/meta-data/iam/security-credentials/");

EmulatorResponse text(int status, const QByteArray &body)
{
    EmulatorResponse response;
    response.status = status;
    response.body = body;
    response.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain")});
    return response;
}

} // namespace

bool InstanceMetadataService::ownsPath(const QByteArray &encodedPath)
{
    return encodedPath.startsWith("/latest/");
}

InstanceMetadataService::InstanceMetadataService(IssuedCredentials &issued, QString account, QString region,
                                                 QString roleName, bool allowV1, bool disableV2)
    : m_issued(issued)
    , m_account(std::move(account))
    , m_region(std::move(region))
    , m_roleName(std::move(roleName))
    , m_allowV1(allowV1)
    , m_disableV2(disableV2)
{}

EmulatorResponse InstanceMetadataService::handle(const AwsRequest &request, const RequestContext &context)
{
    if (request.encodedPath == "/latest/api/token") {
        if (request.method != "PUT")
            return text(405, "405 - Method Not Allowed\n");
        return putToken(request, context);
    }
    if (request.method != "GET")
        return text(405, "405 - Method Not Allowed\n");

    const QByteArray token = request.header("x-aws-ec2-metadata-token");
    if (!token.isNull() || !m_allowV1) {
        const auto it = m_tokens.constFind(token);
        if (it == m_tokens.constEnd() || context.nowMs >= it.value())
            return text(401, "401 - Unauthorized\n");
    }

    const QByteArray path = request.encodedPath;
    if (path == credentialsPath)
        return text(200, m_roleName.toUtf8());
    if (path == credentialsPath + m_roleName.toUtf8())
        return credentials(context);
    if (path == "/latest/meta-data/instance-id")
        return text(200, instanceId().toUtf8());
    if (path == "/latest/meta-data/placement/region")
        return text(200, m_region.toUtf8());
    if (path == "/latest/meta-data/placement/availability-zone")
        return text(200, m_region.toUtf8() + 'a');
    return text(404, "404 - Not Found\n");
}

EmulatorResponse InstanceMetadataService::putToken(const AwsRequest &request, const RequestContext &context)
{
    if (m_disableV2)
        return text(403, "403 - Forbidden\n");
    bool ok = false;
    const int ttl = request.header("x-aws-ec2-metadata-token-ttl-seconds").trimmed().toInt(&ok);
    if (!ok || ttl < 1 || ttl > maxTokenTtlSeconds)
        return text(400, "400 - Bad Request\n");

    for (auto it = m_tokens.begin(); it != m_tokens.end();)
        it = it.value() <= context.nowMs ? m_tokens.erase(it) : std::next(it);
    QList<quint32> words(10);
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray token = QByteArray(reinterpret_cast<const char *>(words.constData()), 40)
                                 .toBase64(QByteArray::Base64UrlEncoding);
    m_tokens.insert(token, context.nowMs + qint64(ttl) * 1000);
    EmulatorResponse response = text(200, token);
    response.headers.append(
        {QByteArrayLiteral("X-aws-ec2-metadata-token-ttl-seconds"), QByteArray::number(ttl)});
    return response;
}

EmulatorResponse InstanceMetadataService::credentials(const RequestContext &context)
{
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(context.nowMs, Qt::UTC);
    IssuedCredentials::Identity identity;
    identity.account = m_account;
    identity.arn = u"arn:aws:sts::%1:assumed-role/%2/%3"_s.arg(m_account, m_roleName, instanceId());
    identity.userId =
        IssuedCredentials::uniqueIdFor(u"AROA"_s, m_account + u'/' + m_roleName) + u':' + instanceId();
    const AwsCredentials issued =
        m_issued.issue(u"imds|"_s + m_roleName, identity, now.addSecs(lifetimeSeconds), now);
    EmulatorResponse response = EmulatorResponse::json({
        {u"Code"_s, u"Success"_s},
        {u"LastUpdated"_s, StsXml::timestamp(now)},
        {u"Type"_s, u"AWS-HMAC"_s},
        {u"AccessKeyId"_s, issued.accessKeyId},
        {u"SecretAccessKey"_s, issued.secretAccessKey},
        {u"Token"_s, issued.sessionToken},
        {u"Expiration"_s, StsXml::timestamp(issued.expiration)},
    });
    response.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain")});
    return response;
}
