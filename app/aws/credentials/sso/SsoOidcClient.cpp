// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/credentials/sso/SsoOidcClient.h"

#include "aws/transport/AwsTransport.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SsoOidcClient", text);
}

AwsError malformed(const QString &operation, const QString &field)
{
    return AwsError(AwsError::Category::MalformedAnswer,
                    QCoreApplication::translate("SsoOidcClient",
                                                "IAM Identity Center answered %1 without a valid \"%2\".")
                        .arg(operation, field))
        .setAction(u"sso-oauth:"_s + operation);
}

} // namespace

SsoOidcClient::SsoOidcClient(AwsTransport *transport, QUrl endpoint, QString region)
    : m_transport(transport)
    , m_endpoint(std::move(endpoint))
    , m_region(std::move(region))
{}

CallHandle SsoOidcClient::post(const QByteArray &path, const QString &operation, const QJsonObject &body,
                               QObject *context, std::function<void(const AwsResult<QJsonObject> &)> callback)
{
    AwsRequest request;
    request.method = "POST";
    request.endpoint = m_endpoint;
    request.encodedPath = path;
    request.setHeader("Content-Type", "application/json");
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    const QString action = u"sso-oauth:"_s + operation;
    CallHandle handle = m_transport->send(
        request, QString(), m_region, action, context,
        [operation, callback = std::move(callback)](const AwsResult<AwsResponse> &response) {
            if (!response) {
                callback(response.error());
                return;
            }
            const QJsonDocument doc = QJsonDocument::fromJson(response.value().body);
            if (!doc.isObject()) {
                callback(
                    AwsError(AwsError::Category::MalformedAnswer,
                             tr("IAM Identity Center answered %1 with something other than a JSON object.")
                                 .arg(operation))
                        .setAction(u"sso-oauth:"_s + operation)
                        .setRequestId(response.value().requestId()));
                return;
            }
            callback(doc.object());
        });
    request.body.fill('\0');
    return handle;
}

CallHandle SsoOidcClient::registerClient(const QString &clientName, const QStringList &scopes,
                                         QObject *context, Callback<SsoClientRegistration> callback)
{
    QJsonObject body{{u"clientName"_s, clientName}, {u"clientType"_s, u"public"_s}};
    if (!scopes.isEmpty())
        body.insert(u"scopes"_s, QJsonArray::fromStringList(scopes));
    return post("/client/register", u"RegisterClient"_s, body, context,
                [scopes, callback = std::move(callback)](const AwsResult<QJsonObject> &answer) {
                    if (!answer) {
                        callback(answer.error());
                        return;
                    }
                    const QJsonObject &json = answer.value();
                    SsoClientRegistration registration;
                    registration.clientId = json.value(u"clientId").toString();
                    registration.clientSecret = json.value(u"clientSecret").toString();
                    registration.scopes = scopes;
                    const QJsonValue expires = json.value(u"clientSecretExpiresAt");
                    if (registration.clientId.isEmpty()) {
                        callback(malformed(u"RegisterClient"_s, u"clientId"_s));
                    } else if (registration.clientSecret.isEmpty()) {
                        callback(malformed(u"RegisterClient"_s, u"clientSecret"_s));
                    } else if (!expires.isDouble() || expires.toDouble() <= 0) {
                        callback(malformed(u"RegisterClient"_s, u"clientSecretExpiresAt"_s));
                    } else {
                        registration.expiresAt =
                            QDateTime::fromSecsSinceEpoch(qint64(expires.toDouble()), QTimeZone::utc());
                        callback(registration);
                    }
                });
}

CallHandle SsoOidcClient::startDeviceAuthorization(const SsoClientRegistration &registration,
                                                   const QString &startUrl, QObject *context,
                                                   Callback<DeviceAuthorization> callback)
{
    const QJsonObject body{{u"clientId"_s, registration.clientId},
                           {u"clientSecret"_s, registration.clientSecret},
                           {u"startUrl"_s, startUrl}};
    return post("/device_authorization", u"StartDeviceAuthorization"_s, body, context,
                [callback = std::move(callback)](const AwsResult<QJsonObject> &answer) {
                    if (!answer) {
                        callback(answer.error());
                        return;
                    }
                    const QJsonObject &json = answer.value();
                    const QString operation = u"StartDeviceAuthorization"_s;
                    DeviceAuthorization authorization;
                    authorization.deviceCode = json.value(u"deviceCode").toString();
                    authorization.userCode = json.value(u"userCode").toString();
                    authorization.verificationUri =
                        QUrl(json.value(u"verificationUri").toString(), QUrl::StrictMode);
                    authorization.verificationUriComplete =
                        QUrl(json.value(u"verificationUriComplete").toString(), QUrl::StrictMode);
                    authorization.expiresIn = json.value(u"expiresIn").toInt();
                    if (json.value(u"interval").isDouble())
                        authorization.interval = qMax(1, json.value(u"interval").toInt());
                    const auto isWebPage = [](const QUrl &url) {
                        return url.isValid() && (url.scheme() == u"https" || url.scheme() == u"http") &&
                               !url.host().isEmpty();
                    };
                    if (authorization.deviceCode.isEmpty())
                        callback(malformed(operation, u"deviceCode"_s));
                    else if (authorization.userCode.isEmpty())
                        callback(malformed(operation, u"userCode"_s));
                    else if (!isWebPage(authorization.verificationUri))
                        callback(malformed(operation, u"verificationUri"_s));
                    else if (authorization.expiresIn <= 0)
                        callback(malformed(operation, u"expiresIn"_s));
                    else {
                        if (!isWebPage(authorization.verificationUriComplete))
                            authorization.verificationUriComplete = authorization.verificationUri;
                        callback(authorization);
                    }
                });
}

namespace {

void deliverToken(const AwsResult<QJsonObject> &answer,
                  const SsoOidcClient::Callback<SsoOidcClient::Token> &callback)
{
    if (!answer) {
        callback(answer.error());
        return;
    }
    const QJsonObject &json = answer.value();
    SsoOidcClient::Token token;
    token.accessToken = json.value(u"accessToken").toString();
    token.expiresIn = json.value(u"expiresIn").toInt();
    token.refreshToken = json.value(u"refreshToken").toString();
    token.tokenType = json.value(u"tokenType").toString();
    if (token.accessToken.isEmpty())
        callback(malformed(u"CreateToken"_s, u"accessToken"_s));
    else if (token.expiresIn <= 0)
        callback(malformed(u"CreateToken"_s, u"expiresIn"_s));
    else
        callback(token);
}

} // namespace

CallHandle SsoOidcClient::createTokenWithDeviceCode(const SsoClientRegistration &registration,
                                                    const QString &deviceCode, QObject *context,
                                                    Callback<Token> callback)
{
    const QJsonObject body{{u"grantType"_s, QString::fromLatin1(deviceCodeGrant)},
                           {u"clientId"_s, registration.clientId},
                           {u"clientSecret"_s, registration.clientSecret},
                           {u"deviceCode"_s, deviceCode}};
    return post("/token", u"CreateToken"_s, body, context,
                [callback = std::move(callback)](const AwsResult<QJsonObject> &answer) {
                    deliverToken(answer, callback);
                });
}

CallHandle SsoOidcClient::createTokenWithRefreshToken(const QString &clientId, const QString &clientSecret,
                                                      const QString &refreshToken, QObject *context,
                                                      Callback<Token> callback)
{
    const QJsonObject body{{u"grantType"_s, u"refresh_token"_s},
                           {u"clientId"_s, clientId},
                           {u"clientSecret"_s, clientSecret},
                           {u"refreshToken"_s, refreshToken}};
    return post("/token", u"CreateToken"_s, body, context,
                [callback = std::move(callback)](const AwsResult<QJsonObject> &answer) {
                    deliverToken(answer, callback);
                });
}
