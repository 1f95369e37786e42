// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/WorkSpacesWebClient.h"

#include "api/ApiCall.h"
#include "api/ApiJson.h"
#include "aws/signing/SigV4Signer.h"
#include "aws/transport/AwsTransport.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

const QString signingName = u"workspaces-web"_s;

AwsError invalid(const QString &message)
{
    return AwsError(AwsError::Category::Validation, message);
}

bool isIdentifier(const QString &id)
{
    // PortalId and SessionId: exactly 36 characters of [a-zA-Z0-9-].
    if (id.size() != 36)
        return false;
    for (const QChar c : id) {
        const char16_t u = c.unicode();
        const bool ok =
            (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '-';
        if (!ok)
            return false;
    }
    return true;
}

bool isJavaSpace(QChar c)
{
    // The services validate "\S+" with Java's regex, whose \s is [ \t\n\x0B\f\r].
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\v' || c == u'\f' || c == u'\r';
}

// PaginationToken: 1-2048 characters, no whitespace. Empty means "first page" and is not sent.
std::optional<AwsError> checkNextToken(const QString &token)
{
    if (token.isEmpty())
        return std::nullopt;
    if (token.size() > 2048)
        return invalid(QCoreApplication::translate("WorkSpacesWebClient",
                                                   "The page token is longer than 2048 characters."));
    if (std::any_of(token.cbegin(), token.cend(), isJavaSpace))
        return invalid(
            QCoreApplication::translate("WorkSpacesWebClient", "The page token contains whitespace."));
    return std::nullopt;
}

std::optional<AwsError> checkMaxResults(int maxResults)
{
    if (maxResults < 0)
        return invalid(QCoreApplication::translate(
                           "WorkSpacesWebClient",
                           "The page size must be at least 1 (or 0 to let the service choose), not %1.")
                           .arg(maxResults));
    return std::nullopt;
}

std::optional<AwsError> checkPortalId(const QString &portalId)
{
    if (WorkSpacesWebClient::isValidPortalId(portalId))
        return std::nullopt;
    return invalid(QCoreApplication::translate(
                       "WorkSpacesWebClient",
                       "The portal id \"%1\" is not valid: it must be 36 letters, digits or '-' (it has %2).")
                       .arg(portalId.left(80))
                       .arg(portalId.size()));
}

std::optional<AwsError> checkSessionId(const QString &sessionId)
{
    if (WorkSpacesWebClient::isValidSessionId(sessionId))
        return std::nullopt;
    return invalid(
        QCoreApplication::translate(
            "WorkSpacesWebClient",
            "The session id \"%1\" is not valid: it must be 36 letters, digits or '-' (it has %2).")
            .arg(sessionId.left(80))
            .arg(sessionId.size()));
}

bool isPortalArn(const QString &arn)
{
    // The ARN shape of the service model, anchored: arn:partition:service:region:account:portal/ID.
    static const QRegularExpression pattern(
        uR"(\Aarn:[\w+=/,.@-]+:[a-zA-Z0-9-]+:[a-zA-Z0-9-]*:[a-zA-Z0-9]{1,12}:[a-zA-Z]+(/[a-fA-F0-9-]{36})+\z)"_s);
    return arn.size() >= 20 && arn.size() <= 2048 && pattern.match(arn).hasMatch();
}

} // namespace

WorkSpacesWebClient::WorkSpacesWebClient(AwsTransport *transport, QUrl endpoint, QString region)
    : m_transport(transport)
    , m_endpoint(std::move(endpoint))
    , m_region(std::move(region))
{}

bool WorkSpacesWebClient::isValidPortalId(const QString &portalId)
{
    return isIdentifier(portalId);
}

bool WorkSpacesWebClient::isValidSessionId(const QString &sessionId)
{
    return isIdentifier(sessionId);
}

AwsRequest WorkSpacesWebClient::newRequest(const QByteArray &method, const QStringList &pathSegments) const
{
    AwsRequest request;
    request.method = method;
    request.endpoint = m_endpoint;
    request.encodedPath.clear();
    for (const QString &segment : pathSegments)
        request.appendPathSegment(segment);
    return request;
}

CallHandle WorkSpacesWebClient::listPortals(const QString &nextToken, int maxResults, QObject *context,
                                            Callback<PortalPage> callback)
{
    const QString action = u"workspaces-web:ListPortals"_s;
    if (auto error = checkNextToken(nextToken))
        return ApiCall::refuse<PortalPage>(m_transport, *error, action, context, std::move(callback));
    if (auto error = checkMaxResults(maxResults))
        return ApiCall::refuse<PortalPage>(m_transport, *error, action, context, std::move(callback));

    AwsRequest request = newRequest("GET", {u"portals"_s});
    if (maxResults > 0)
        request.addQueryItem(u"maxResults"_s, QString::number(maxResults));
    if (!nextToken.isEmpty())
        request.addQueryItem(u"nextToken"_s, nextToken);
    return ApiCall::send<PortalPage>(m_transport, request, signingName, m_region, action, context,
                                     std::move(callback), &ApiJson::decodeListPortals);
}

CallHandle WorkSpacesWebClient::getPortal(const QString &portalArn, QObject *context,
                                          Callback<Portal> callback)
{
    const QString action = u"workspaces-web:GetPortal"_s;
    if (!isPortalArn(portalArn)) {
        const AwsError error =
            invalid(isIdentifier(portalArn)
                        ? QCoreApplication::translate(
                              "WorkSpacesWebClient", "GetPortal needs the portal's ARN "
                                                     "(arn:aws:workspaces-web:REGION:ACCOUNT:portal/ID), not "
                                                     "only its id.")
                        : QCoreApplication::translate(
                              "WorkSpacesWebClient",
                              "\"%1\" is not a portal ARN (arn:aws:workspaces-web:REGION:ACCOUNT:portal/ID).")
                              .arg(portalArn.left(120)));
        return ApiCall::refuse<Portal>(m_transport, error, action, context, std::move(callback));
    }

    AwsRequest request;
    request.method = "GET";
    request.endpoint = m_endpoint;
    // {portalArn+} is a greedy label: the ARN's '/' stay path separators, everything else is encoded
    // (':' becomes %3A). The signer encodes the path once more for the canonical request.
    request.encodedPath = "/portals/" + SigV4Signer::uriEncode(portalArn.toUtf8(), true);
    return ApiCall::send<Portal>(m_transport, request, signingName, m_region, action, context,
                                 std::move(callback), &ApiJson::decodeGetPortal);
}

CallHandle WorkSpacesWebClient::listSessions(const ListSessionsRequest &query, QObject *context,
                                             PageCallback callback)
{
    const QString action = u"workspaces-web:ListSessions"_s;
    std::optional<AwsError> error = checkPortalId(query.portalId);
    if (!error && !query.sessionId.isEmpty())
        error = checkSessionId(query.sessionId);
    if (!error && query.username.size() > 256)
        error = invalid(QCoreApplication::translate("WorkSpacesWebClient",
                                                    "The user name is longer than 256 characters."));
    if (!error)
        error = checkNextToken(query.nextToken);
    if (!error)
        error = checkMaxResults(query.maxResults);
    if (error)
        return ApiCall::refuse<SessionPage>(m_transport, *error, action, context, std::move(callback));

    AwsRequest request = newRequest("GET", {u"portals"_s, query.portalId, u"sessions"_s});
    if (query.maxResults > 0)
        request.addQueryItem(u"maxResults"_s, QString::number(query.maxResults));
    if (!query.nextToken.isEmpty())
        request.addQueryItem(u"nextToken"_s, query.nextToken);
    if (!query.sessionId.isEmpty())
        request.addQueryItem(u"sessionId"_s, query.sessionId);
    request.addQueryItem(u"sortBy"_s, query.sort == ListSessionsRequest::Sort::OldestFirst
                                          ? u"StartTimeAscending"_s
                                          : u"StartTimeDescending"_s);
    switch (query.status) {
    case ListSessionsRequest::StatusFilter::Any:
        break;
    case ListSessionsRequest::StatusFilter::Active:
        request.addQueryItem(u"status"_s, u"Active"_s);
        break;
    case ListSessionsRequest::StatusFilter::Terminated:
        request.addQueryItem(u"status"_s, u"Terminated"_s);
        break;
    }
    if (!query.username.isEmpty())
        request.addQueryItem(u"username"_s, query.username);
    return ApiCall::send<SessionPage>(m_transport, request, signingName, m_region, action, context,
                                      std::move(callback), &ApiJson::decodeListSessions);
}

CallHandle WorkSpacesWebClient::getSession(const QString &portalId, const QString &sessionId,
                                           QObject *context, Callback<SessionDetail> callback)
{
    const QString action = u"workspaces-web:GetSession"_s;
    std::optional<AwsError> error = checkPortalId(portalId);
    if (!error)
        error = checkSessionId(sessionId);
    if (error)
        return ApiCall::refuse<SessionDetail>(m_transport, *error, action, context, std::move(callback));

    AwsRequest request = newRequest("GET", {u"portals"_s, portalId, u"sessions"_s, sessionId});
    return ApiCall::send<SessionDetail>(m_transport, request, signingName, m_region, action, context,
                                        std::move(callback), &ApiJson::decodeGetSession);
}

CallHandle WorkSpacesWebClient::expireSession(const QString &portalId, const QString &sessionId,
                                              QObject *context, Callback<std::monostate> callback)
{
    const QString action = u"workspaces-web:ExpireSession"_s;
    std::optional<AwsError> error = checkPortalId(portalId);
    if (!error)
        error = checkSessionId(sessionId);
    if (error)
        return ApiCall::refuse<std::monostate>(m_transport, *error, action, context, std::move(callback));

    AwsRequest request = newRequest("DELETE", {u"portals"_s, portalId, u"sessions"_s, sessionId});
    return ApiCall::send<std::monostate>(m_transport, request, signingName, m_region, action, context,
                                         std::move(callback), &ApiJson::decodeEmpty);
}
