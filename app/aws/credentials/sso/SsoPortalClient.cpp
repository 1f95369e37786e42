// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/credentials/sso/SsoPortalClient.h"

#include "aws/transport/AwsTransport.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

using namespace Qt::StringLiterals;

SsoPortalClient::SsoPortalClient(AwsTransport *transport, QUrl endpoint, QString region)
    : m_transport(transport)
    , m_endpoint(std::move(endpoint))
    , m_region(std::move(region))
{}

CallHandle SsoPortalClient::getRoleCredentials(const QString &accessToken, const QString &accountId,
                                               const QString &roleName, QObject *context, Callback callback)
{
    AwsRequest request;
    request.method = "GET";
    request.endpoint = m_endpoint;
    request.encodedPath = "/federation/credentials";
    request.addQueryItem(u"role_name"_s, roleName);
    request.addQueryItem(u"account_id"_s, accountId);
    request.setHeader("x-amz-sso_bearer_token", accessToken.toUtf8());
    const QString action = u"sso:GetRoleCredentials"_s;
    return m_transport->send(
        request, QString(), m_region, action, context,
        [action, callback = std::move(callback)](const AwsResult<AwsResponse> &response) {
            if (!response) {
                callback(response.error());
                return;
            }
            const auto malformed = [&](const QString &field) {
                return AwsError(AwsError::Category::MalformedAnswer,
                                QCoreApplication::translate("SsoPortalClient",
                                                            "IAM Identity Center answered GetRoleCredentials "
                                                            "without a valid \"%1\".")
                                    .arg(field))
                    .setAction(action)
                    .setRequestId(response.value().requestId());
            };
            const QJsonObject role =
                QJsonDocument::fromJson(response.value().body).object().value(u"roleCredentials").toObject();
            AwsCredentials credentials;
            credentials.accessKeyId = role.value(u"accessKeyId").toString();
            credentials.secretAccessKey = role.value(u"secretAccessKey").toString();
            credentials.sessionToken = role.value(u"sessionToken").toString();
            const QJsonValue expiration = role.value(u"expiration");
            if (credentials.accessKeyId.isEmpty()) {
                callback(malformed(u"roleCredentials.accessKeyId"_s));
            } else if (credentials.secretAccessKey.isEmpty()) {
                callback(malformed(u"roleCredentials.secretAccessKey"_s));
            } else if (credentials.sessionToken.isEmpty()) {
                callback(malformed(u"roleCredentials.sessionToken"_s));
            } else if (!expiration.isDouble() || expiration.toDouble() <= 0) {
                callback(malformed(u"roleCredentials.expiration"_s));
            } else {
                credentials.expiration =
                    QDateTime::fromMSecsSinceEpoch(qint64(expiration.toDouble()), QTimeZone::utc());
                callback(credentials);
            }
        });
}
