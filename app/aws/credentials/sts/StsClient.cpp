// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/credentials/sts/StsClient.h"

#include "aws/credentials/Iso8601Timestamp.h"
#include "aws/signing/SigV4Signer.h"
#include "aws/transport/AwsTransport.h"

#include <QCoreApplication>
#include <QHash>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("StsClient", text);
}

const QString apiVersion = u"2011-06-15"_s;

/// The text of every leaf element under <ActionResult>, by its path below it ("Credentials/AccessKeyId").
/// An answer that is not XML or not <ActionResponse><ActionResult> is a MalformedAnswer error.
AwsResult<QHash<QString, QString>> parseResult(const QByteArray &body, const QString &action)
{
    const AwsError malformed(
        AwsError::Category::MalformedAnswer,
        QCoreApplication::translate("StsClient", "STS answered %1 with something that is not its XML answer.")
            .arg(action));
    QXmlStreamReader xml(body);
    QHash<QString, QString> values;
    QStringList path;
    bool sawResult = false;
    while (!xml.atEnd()) {
        const QXmlStreamReader::TokenType token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            const QString name = xml.name().toString();
            if (path.isEmpty() && name != action + u"Response"_s)
                return malformed;
            if (path.size() == 1 && name == action + u"Result"_s)
                sawResult = true;
            path.append(name);
        } else if (token == QXmlStreamReader::Characters && !xml.isWhitespace() && path.size() > 2) {
            values[path.mid(2).join(u'/')] += xml.text().toString();
        } else if (token == QXmlStreamReader::EndElement) {
            path.removeLast();
        }
    }
    if (xml.hasError() || !sawResult)
        return malformed;
    return values;
}

AwsResult<StsClient::AssumedRole> decodeAssumedRole(const QByteArray &body, const QString &action)
{
    const AwsResult<QHash<QString, QString>> parsed = parseResult(body, action);
    if (!parsed)
        return parsed.error();
    const QHash<QString, QString> &values = parsed.value();
    StsClient::AssumedRole role;
    role.credentials.accessKeyId = values.value(u"Credentials/AccessKeyId"_s).trimmed();
    role.credentials.secretAccessKey = values.value(u"Credentials/SecretAccessKey"_s).trimmed();
    role.credentials.sessionToken = values.value(u"Credentials/SessionToken"_s).trimmed();
    role.credentials.expiration =
        Iso8601Timestamp::parse(values.value(u"Credentials/Expiration"_s).trimmed());
    role.assumedRoleArn = values.value(u"AssumedRoleUser/Arn"_s).trimmed();
    role.assumedRoleId = values.value(u"AssumedRoleUser/AssumedRoleId"_s).trimmed();
    if (!role.credentials.isValid() || role.credentials.sessionToken.isEmpty() ||
        !role.credentials.expiration.isValid()) {
        return AwsError(AwsError::Category::MalformedAnswer,
                        QCoreApplication::translate(
                            "StsClient",
                            "STS answered %1 without complete credentials (access key id, secret, session "
                            "token and expiration).")
                            .arg(action));
    }
    return role;
}

AwsRequest formRequest(const QUrl &endpoint, const QList<QPair<QString, QString>> &parameters)
{
    AwsRequest request;
    request.method = "POST";
    request.endpoint = endpoint;
    request.encodedPath = "/";
    request.setHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
    // The same percent-encoding (RFC 3986, sorted) as a signed query string: what botocore sends.
    request.body = SigV4Signer::canonicalQueryString(parameters);
    return request;
}

} // namespace

QString StsClient::defaultRoleSessionName(const QDateTime &now)
{
    return u"botocore-session-"_s + QString::number(now.toSecsSinceEpoch());
}

StsClient::StsClient(AwsTransport *transport, QUrl endpoint, QString region)
    : m_transport(transport)
    , m_endpoint(std::move(endpoint))
    , m_region(std::move(region))
{}

CallHandle StsClient::assumeRole(const AssumeRoleRequest &request, QObject *context,
                                 Callback<AssumedRole> callback)
{
    QList<QPair<QString, QString>> parameters = {
        {u"Action"_s, u"AssumeRole"_s},
        {u"Version"_s, apiVersion},
        {u"RoleArn"_s, request.roleArn},
        {u"RoleSessionName"_s, request.roleSessionName},
    };
    if (!request.externalId.isEmpty())
        parameters.append({u"ExternalId"_s, request.externalId});
    if (request.durationSeconds > 0)
        parameters.append({u"DurationSeconds"_s, QString::number(request.durationSeconds)});
    if (!request.serialNumber.isEmpty()) {
        parameters.append({u"SerialNumber"_s, request.serialNumber});
        parameters.append({u"TokenCode"_s, request.tokenCode});
    }
    return m_transport->send(formRequest(m_endpoint, parameters), u"sts"_s, m_region, u"sts:AssumeRole"_s,
                             context, [callback = std::move(callback)](const AwsResult<AwsResponse> &answer) {
                                 if (!answer) {
                                     callback(answer.error());
                                     return;
                                 }
                                 callback(decodeAssumedRole(answer.value().body, u"AssumeRole"_s));
                             });
}

CallHandle StsClient::assumeRoleWithWebIdentity(const AssumeRoleWithWebIdentityRequest &request,
                                                QObject *context, Callback<AssumedRole> callback)
{
    QList<QPair<QString, QString>> parameters = {
        {u"Action"_s, u"AssumeRoleWithWebIdentity"_s},
        {u"Version"_s, apiVersion},
        {u"RoleArn"_s, request.roleArn},
        {u"RoleSessionName"_s, request.roleSessionName},
        {u"WebIdentityToken"_s, request.webIdentityToken},
    };
    if (request.durationSeconds > 0)
        parameters.append({u"DurationSeconds"_s, QString::number(request.durationSeconds)});
    return m_transport->send(
        formRequest(m_endpoint, parameters), QString(), m_region, u"sts:AssumeRoleWithWebIdentity"_s, context,
        [callback = std::move(callback)](const AwsResult<AwsResponse> &answer) {
            if (!answer) {
                callback(answer.error());
                return;
            }
            callback(decodeAssumedRole(answer.value().body, u"AssumeRoleWithWebIdentity"_s));
        });
}

CallHandle StsClient::getCallerIdentity(QObject *context, Callback<CallerIdentity> callback)
{
    const QList<QPair<QString, QString>> parameters = {
        {u"Action"_s, u"GetCallerIdentity"_s},
        {u"Version"_s, apiVersion},
    };
    return m_transport->send(formRequest(m_endpoint, parameters), u"sts"_s, m_region,
                             u"sts:GetCallerIdentity"_s, context,
                             [callback = std::move(callback)](const AwsResult<AwsResponse> &answer) {
                                 if (!answer) {
                                     callback(answer.error());
                                     return;
                                 }
                                 const AwsResult<QHash<QString, QString>> parsed =
                                     parseResult(answer.value().body, u"GetCallerIdentity"_s);
                                 if (!parsed) {
                                     callback(parsed.error());
                                     return;
                                 }
                                 CallerIdentity identity;
                                 identity.account = parsed.value().value(u"Account"_s).trimmed();
                                 identity.arn = parsed.value().value(u"Arn"_s).trimmed();
                                 identity.userId = parsed.value().value(u"UserId"_s).trimmed();
                                 if (identity.arn.isEmpty()) {
                                     callback(AwsError(AwsError::Category::MalformedAnswer,
                                                       tr("STS answered GetCallerIdentity without an Arn.")));
                                     return;
                                 }
                                 callback(identity);
                             });
}
