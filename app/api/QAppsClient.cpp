// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/QAppsClient.h"

#include "api/ApiCall.h"
#include "api/ApiJson.h"
#include "aws/transport/AwsTransport.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

const QString signingName = u"qapps"_s;

// `message` is marked with QT_TRANSLATE_NOOP at each call, so lupdate finds it; %1 is the id, cut short.
AwsError invalidId(const char *message, const QString &id)
{
    return AwsError(AwsError::Category::Validation,
                    QCoreApplication::translate("QAppsClient", message).arg(id.left(80)));
}

std::optional<AwsError> checkIds(const QString &instanceId, const QString &sessionId)
{
    if (!QAppsClient::isValidInstanceId(instanceId)) {
        return invalidId(
            QT_TRANSLATE_NOOP("QAppsClient",
                              "The Amazon Q Business instance id \"%1\" is not valid: it must be 1 "
                              "to 256 visible ASCII characters."),
            instanceId);
    }
    if (!QAppsClient::isValidSessionId(sessionId)) {
        return invalidId(
            QT_TRANSLATE_NOOP("QAppsClient",
                              "The Q Apps session id \"%1\" is not valid: it must be a lower-case "
                              "UUID version 4 (xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx)."),
            sessionId);
    }
    return std::nullopt;
}

// Every operation goes to the client's endpoint and names the Amazon Q Business instance in a header.
AwsRequest instanceRequest(const QUrl &endpoint, const QByteArray &method, const QByteArray &encodedPath,
                           const QString &instanceId)
{
    AwsRequest request;
    request.method = method;
    request.endpoint = endpoint;
    request.encodedPath = encodedPath;
    request.setHeader("instance-id", instanceId.toLatin1());
    return request;
}

} // namespace

QAppsClient::QAppsClient(AwsTransport *transport, QUrl endpoint, QString region)
    : m_transport(transport)
    , m_endpoint(std::move(endpoint))
    , m_region(std::move(region))
{}

bool QAppsClient::isValidSessionId(const QString &sessionId)
{
    // The service model's UUID pattern, anchored; its variant nibble alone may be upper-case.
    static const QRegularExpression pattern(
        uR"(\A[0-9a-f]{8}-[0-9a-f]{4}-[45][0-9a-f]{3}-[89ABab][0-9a-f]{3}-[0-9a-f]{12}\z)"_s);
    return pattern.match(sessionId).hasMatch();
}

bool QAppsClient::isValidInstanceId(const QString &instanceId)
{
    // The model sets no pattern; it travels in a header, so it must be a plain token.
    if (instanceId.isEmpty() || instanceId.size() > 256)
        return false;
    return std::all_of(instanceId.cbegin(), instanceId.cend(),
                       [](QChar c) { return c.unicode() > 0x20 && c.unicode() < 0x7f; });
}

CallHandle QAppsClient::getQAppSessionMetadata(const QString &instanceId, const QString &sessionId,
                                               QObject *context, Callback<QAppSessionMetadata> callback)
{
    const QString action = u"qapps:GetQAppSessionMetadata"_s;
    if (auto error = checkIds(instanceId, sessionId))
        return ApiCall::refuse<QAppSessionMetadata>(m_transport, *error, action, context,
                                                    std::move(callback));

    AwsRequest request = instanceRequest(m_endpoint, "GET", "/runtime.getQAppSessionMetadata", instanceId);
    request.addQueryItem(u"sessionId"_s, sessionId);
    return ApiCall::send<QAppSessionMetadata>(m_transport, request, signingName, m_region, action, context,
                                              std::move(callback), &ApiJson::decodeQAppSessionMetadata);
}

CallHandle QAppsClient::updateQAppSessionMetadata(const QString &instanceId,
                                                  const QAppSessionMetadataUpdate &update, QObject *context,
                                                  Callback<QAppSessionMetadata> callback)
{
    const QString action = u"qapps:UpdateQAppSessionMetadata"_s;
    std::optional<AwsError> error = checkIds(instanceId, update.sessionId);
    if (!error && update.sessionName && update.sessionName->size() > 100) {
        error = AwsError(AwsError::Category::Validation,
                         QCoreApplication::translate(
                             "QAppsClient", "The session name is longer than 100 characters (it has %1).")
                             .arg(update.sessionName->size()));
    }
    if (error)
        return ApiCall::refuse<QAppSessionMetadata>(m_transport, *error, action, context,
                                                    std::move(callback));

    AwsRequest request =
        instanceRequest(m_endpoint, "POST", "/runtime.updateQAppSessionMetadata", instanceId);
    request.setHeader("Content-Type", "application/json");
    request.body = ApiJson::encodeQAppSessionMetadataUpdate(update);
    return ApiCall::send<QAppSessionMetadata>(m_transport, request, signingName, m_region, action, context,
                                              std::move(callback), &ApiJson::decodeQAppSessionMetadata);
}
