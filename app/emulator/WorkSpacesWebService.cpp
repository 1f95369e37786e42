// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/WorkSpacesWebService.h"

#include "emulator/EmulatorStore.h"
#include "emulator/ValidationErrors.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

const auto validationNamespace = u"com.amazon.coral.validate"_s;

std::optional<QString> queryValue(const AwsRequest &request, const QString &key)
{
    // A repeated parameter counts once, with its first value, as the services bind scalar members.
    for (const auto &item : request.query) {
        if (item.first == key)
            return item.second;
    }
    return std::nullopt;
}

QString decodeSegment(const QByteArray &segment)
{
    return QString::fromUtf8(QByteArray::fromPercentEncoding(segment));
}

qsizetype codePoints(const QString &text)
{
    return text.toUcs4().size();
}

double epochSeconds(qint64 ms)
{
    return double(ms) / 1000.0;
}

// maxResults: an integer >= 1; larger than the maximum page is clamped, as the services do.
int pageSize(const AwsRequest &request, int maxPage, ValidationErrors &errors)
{
    const std::optional<QString> text = queryValue(request, u"maxResults"_s);
    if (!text)
        return maxPage;
    static const QRegularExpression integer(u"^[+-]?[0-9]+$"_s);
    if (!integer.match(*text).hasMatch()) {
        errors.add(u"maxResults"_s, *text, u"Member must be an integer"_s);
        return maxPage;
    }
    bool ok = false;
    const qlonglong value = text->toLongLong(&ok);
    if (!ok || value > std::numeric_limits<int>::max() || value < std::numeric_limits<int>::min()) {
        errors.add(u"maxResults"_s, *text, u"Member must be a 32-bit integer"_s);
        return maxPage;
    }
    if (value < 1) {
        errors.add(u"maxResults"_s, *text, u"Member must have value greater than or equal to 1"_s);
        return maxPage;
    }
    return int(std::min<qlonglong>(value, maxPage));
}

void checkNextToken(const std::optional<QString> &token, ValidationErrors &errors)
{
    if (!token)
        return;
    static const QRegularExpression noSpace(u"^\\S+$"_s);
    if (token->isEmpty())
        errors.add(u"nextToken"_s, *token, u"Member must have length greater than or equal to 1"_s);
    else if (codePoints(*token) > 2048)
        errors.add(u"nextToken"_s, std::nullopt, u"Member must have length less than or equal to 2048"_s);
    else if (!noSpace.match(*token).hasMatch())
        errors.add(u"nextToken"_s, *token, u"Member must satisfy regular expression pattern: \\S+"_s);
}

void checkId(const QString &field, const QString &id, ValidationErrors &errors)
{
    if (id.size() < 36)
        errors.add(field, id, u"Member must have length greater than or equal to 36"_s);
    else if (id.size() > 36)
        errors.add(field, id, u"Member must have length less than or equal to 36"_s);
    else if (!WorkSpacesWebService::isValidId(id))
        errors.add(field, id, u"Member must satisfy regular expression pattern: [a-zA-Z0-9\\-]+"_s);
}

EmulatorResponse unknownOperation(const AwsRequest &request)
{
    return EmulatorResponse::error(
        404, u"UnknownOperationException"_s,
        u"sessionscope-emulator has no WorkSpaces Web operation for %1 %2"_s.arg(
            QString::fromLatin1(request.method), QString::fromUtf8(request.encodedPath)),
        u"com.amazon.coral.service"_s);
}

} // namespace

bool WorkSpacesWebService::ownsPath(const QByteArray &encodedPath)
{
    return encodedPath == "/portals" || encodedPath.startsWith("/portals/");
}

bool WorkSpacesWebService::isValidId(const QString &id)
{
    if (id.size() != 36)
        return false;
    return std::all_of(id.begin(), id.end(), [](QChar c) {
        const char16_t u = c.unicode();
        return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'-';
    });
}

WorkSpacesWebService::WorkSpacesWebService(EmulatorStore &store, const PageTokenCodec &tokens, int maxPage)
    : m_store(store)
    , m_tokens(tokens)
    , m_maxPage(maxPage)
    , m_listJson(store)
{}

EmulatorResponse WorkSpacesWebService::handle(const AwsRequest &request, const RequestContext &context)
{
    const QByteArray &path = request.encodedPath;
    const QByteArray method = request.method.toUpper();
    if (path == "/portals") {
        if (method == "GET")
            return listPortals(request, context);
        return unknownOperation(request);
    }
    const QByteArray rest = path.mid(int(qstrlen("/portals/")));
    const QList<QByteArray> segments = rest.split('/');
    if (segments.size() == 2 && segments[1] == "sessions" && !segments[0].isEmpty()) {
        if (method == "GET")
            return listSessions(request, decodeSegment(segments[0]), context);
        return unknownOperation(request);
    }
    if (segments.size() == 3 && segments[1] == "sessions" && !segments[0].isEmpty() &&
        !segments[2].isEmpty()) {
        if (method == "GET")
            return getSession(decodeSegment(segments[0]), decodeSegment(segments[2]));
        if (method == "DELETE")
            return expireSession(decodeSegment(segments[0]), decodeSegment(segments[2]), context);
        return unknownOperation(request);
    }
    // GET /portals/{portalArn+}: the greedy label takes the rest of the path, slashes included.
    if (method == "GET" && !rest.isEmpty())
        return getPortal(decodeSegment(rest));
    return unknownOperation(request);
}

EmulatorResponse WorkSpacesWebService::portalNotFound(const QString &portalId) const
{
    return EmulatorResponse::error(404, u"ResourceNotFoundException"_s,
                                   u"The portal %1 was not found."_s.arg(portalId), errorNamespace(),
                                   {{u"resourceId"_s, portalId}, {u"resourceType"_s, u"Portal"_s}});
}

EmulatorResponse WorkSpacesWebService::sessionNotFound(const QString &sessionId) const
{
    return EmulatorResponse::error(404, u"ResourceNotFoundException"_s,
                                   u"The session %1 was not found."_s.arg(sessionId), errorNamespace(),
                                   {{u"resourceId"_s, sessionId}, {u"resourceType"_s, u"Session"_s}});
}

QJsonObject WorkSpacesWebService::portalJson(const PortalRecord &portal, bool detail) const
{
    QJsonObject json{
        {u"portalArn"_s, m_store.portalArn(portal)},
        {u"displayName"_s, portal.displayName},
        {u"portalStatus"_s, portal.status},
        {u"creationDate"_s, epochSeconds(portal.creationMs)},
        {u"maxConcurrentSessions"_s, portal.maxConcurrentSessions},
        {u"browserType"_s, u"Chrome"_s},
        {u"rendererType"_s, u"AppStream"_s},
        {u"portalEndpoint"_s, portal.portalEndpoint},
        {u"authenticationType"_s, portal.authenticationType},
        {u"instanceType"_s, portal.instanceType},
    };
    if (portal.hasSettings) {
        json.insert(u"browserSettingsArn"_s, m_store.settingsArn(portal, u"browserSettings"_s));
        json.insert(u"networkSettingsArn"_s, m_store.settingsArn(portal, u"networkSettings"_s));
        json.insert(u"userSettingsArn"_s, m_store.settingsArn(portal, u"userSettings"_s));
    }
    if (detail && !portal.statusReason.isEmpty())
        json.insert(u"statusReason"_s, portal.statusReason);
    return json;
}

QJsonObject WorkSpacesWebService::sessionJson(const PortalRecord &portal, const SessionRecord &session) const
{
    QJsonObject json{
        {u"portalArn"_s, m_store.portalArn(portal)},
        {u"sessionId"_s, session.id.toString()},
        {u"username"_s, m_store.usernames().at(session.user)},
        {u"status"_s, session.isActive() ? u"Active"_s : u"Terminated"_s},
        {u"startTime"_s, epochSeconds(session.startMs)},
    };
    if (!session.isActive())
        json.insert(u"endTime"_s, epochSeconds(session.endMs));
    json.insert(u"clientIpAddresses"_s, QJsonArray::fromStringList(m_store.clientIpAddresses(session.id)));
    return json;
}

EmulatorResponse WorkSpacesWebService::listPortals(const AwsRequest &request, const RequestContext &context)
{
    ValidationErrors errors;
    const int limit = pageSize(request, m_maxPage, errors);
    const std::optional<QString> token = queryValue(request, u"nextToken"_s);
    checkNextToken(token, errors);
    if (!errors.isEmpty())
        return errors.response(validationNamespace, true);

    const quint64 queryHash = PageTokenCodec::queryHash({u"ListPortals"_s});
    const auto &portals = m_store.portals();
    size_t start = 0;
    if (token) {
        const PageTokenCodec::Decoded decoded = m_tokens.decode(*token, queryHash);
        if (decoded.status != PageTokenCodec::Status::Ok) {
            return ValidationErrors::single(u"nextToken"_s, u"The nextToken is not valid for ListPortals."_s,
                                            validationNamespace, true);
        }
        // Portals are in (creationDate, id) order: continue after the last one returned.
        start = size_t(std::upper_bound(portals.begin(), portals.end(), decoded.position,
                                        [](const SessionKey &key, const PortalRecord &p) {
                                            return key < SessionKey{p.creationMs, p.id};
                                        }) -
                       portals.begin());
    }
    QJsonArray list;
    size_t i = start;
    for (; i < portals.size() && list.size() < limit; ++i)
        list.append(portalJson(portals[i], false));
    QJsonObject answer{{u"portals"_s, list}};
    if (context.repeatNextToken && token) {
        answer.insert(u"nextToken"_s, *token);
    } else if (i < portals.size()) {
        const PortalRecord &last = portals[i - 1];
        answer.insert(u"nextToken"_s, m_tokens.encode(queryHash, {last.creationMs, last.id}));
    }
    return EmulatorResponse::json(answer);
}

EmulatorResponse WorkSpacesWebService::getPortal(const QString &portalArn)
{
    // The model's ARN shape: 20 to 2048 characters and this pattern.
    static const QRegularExpression arnPattern(
        u"^arn:[\\w+=\\/,.@-]+:[a-zA-Z0-9\\-]+:[a-zA-Z0-9\\-]*:[a-zA-Z0-9]{1,12}:[a-zA-Z]+(\\/[a-fA-F0-9\\-]{36})+$"_s);
    ValidationErrors errors;
    if (portalArn.size() < 20)
        errors.add(u"portalArn"_s, portalArn, u"Member must have length greater than or equal to 20"_s);
    else if (portalArn.size() > 2048)
        errors.add(u"portalArn"_s, std::nullopt, u"Member must have length less than or equal to 2048"_s);
    else if (!arnPattern.match(portalArn).hasMatch())
        errors.add(
            u"portalArn"_s, portalArn,
            u"Member must satisfy regular expression pattern: "
            "arn:[\\w+=\\/,.@-]+:[a-zA-Z0-9\\-]+:[a-zA-Z0-9\\-]*:[a-zA-Z0-9]{1,12}:[a-zA-Z]+(\\/[a-fA-F0-9\\-]{36})+"_s);
    if (!errors.isEmpty())
        return errors.response(validationNamespace, true);

    const QString portalId = portalArn.mid(portalArn.lastIndexOf(u'/') + 1);
    const int index = m_store.portalIndex(portalId);
    if (index < 0 || m_store.portalArn(m_store.portal(index)) != portalArn)
        return portalNotFound(portalArn);
    return EmulatorResponse::json({{u"portal"_s, portalJson(m_store.portal(index), true)}});
}

EmulatorResponse WorkSpacesWebService::listSessions(const AwsRequest &request, const QString &portalId,
                                                    const RequestContext &context)
{
    ValidationErrors errors;
    checkId(u"portalId"_s, portalId, errors);
    const int limit = pageSize(request, m_maxPage, errors);
    const std::optional<QString> token = queryValue(request, u"nextToken"_s);
    checkNextToken(token, errors);

    PortalSessions::Query query;
    const std::optional<QString> status = queryValue(request, u"status"_s);
    if (status) {
        if (*status == u"Active")
            query.status = PortalSessions::StatusFilter::Active;
        else if (*status == u"Terminated")
            query.status = PortalSessions::StatusFilter::Terminated;
        else
            errors.add(u"status"_s, *status, u"Member must satisfy enum value set: [Active, Terminated]"_s);
    }
    const std::optional<QString> sortBy = queryValue(request, u"sortBy"_s);
    if (sortBy) {
        if (*sortBy == u"StartTimeAscending")
            query.descending = false;
        else if (*sortBy != u"StartTimeDescending")
            errors.add(u"sortBy"_s, *sortBy,
                       u"Member must satisfy enum value set: [StartTimeAscending, StartTimeDescending]"_s);
    }
    const std::optional<QString> username = queryValue(request, u"username"_s);
    // Username is a sensitive member: its value is never repeated in an error.
    if (username && codePoints(*username) > 256)
        errors.add(u"username"_s, std::nullopt, u"Member must have length less than or equal to 256"_s);
    const std::optional<QString> sessionId = queryValue(request, u"sessionId"_s);
    if (sessionId)
        checkId(u"sessionId"_s, *sessionId, errors);
    if (!errors.isEmpty())
        return errors.response(validationNamespace, true);

    const int portalIndex = m_store.portalIndex(portalId);
    if (portalIndex < 0)
        return portalNotFound(portalId);
    const PortalRecord &portal = m_store.portal(portalIndex);

    // The token is bound to everything that defines the list (not to the page size).
    const quint64 queryHash = PageTokenCodec::queryHash({
        u"ListSessions"_s,
        portalId,
        status.value_or(QString()),
        username ? u"="_s + *username : u"*"_s,
        sessionId.value_or(QString()),
        query.descending ? u"desc"_s : u"asc"_s,
    });
    std::optional<SessionKey> after;
    if (token) {
        const PageTokenCodec::Decoded decoded = m_tokens.decode(*token, queryHash);
        if (decoded.status == PageTokenCodec::Status::OtherQuery) {
            return ValidationErrors::single(
                u"nextToken"_s,
                u"The nextToken was issued for a different request: keep the portal, filters and sort order "
                "of the request that returned it."_s,
                validationNamespace, true);
        }
        if (decoded.status != PageTokenCodec::Status::Ok) {
            return ValidationErrors::single(u"nextToken"_s, u"The nextToken is not valid."_s,
                                            validationNamespace, true);
        }
        after = decoded.position;
    }

    QList<quint32> slots;
    bool hasMore = false;
    if (username)
        query.user = m_store.usernames().find(*username);
    if (username && !query.user) {
        // Nobody has that name: an empty list, not an error.
    } else if (sessionId) {
        // One session at most: look it up and apply the other filters and the position.
        const auto id = Uuid128::fromString(*sessionId);
        const auto slot = id ? portal.sessions.find(*id) : std::nullopt;
        if (slot) {
            const SessionRecord &record = portal.sessions.at(*slot);
            const bool statusMatches =
                query.status == PortalSessions::StatusFilter::Any ||
                (query.status == PortalSessions::StatusFilter::Active) == record.isActive();
            const bool userMatches = !query.user || *query.user == record.user;
            const bool afterMatches =
                !after || (query.descending ? record.key() < *after : *after < record.key());
            if (statusMatches && userMatches && afterMatches)
                slots.append(*slot);
        }
    } else {
        slots = portal.sessions.page(query, after, limit, &hasMore);
    }

    std::optional<QString> nextToken;
    if (context.repeatNextToken && token)
        nextToken = *token;
    else if (hasMore)
        nextToken = m_tokens.encode(queryHash, portal.sessions.at(slots.last()).key());
    // The same bytes as QJsonDocument of {sessions: [session summaries...], nextToken} (tested), written
    // directly: a benchmark of clients must not measure the emulator.
    EmulatorResponse response;
    response.body = m_listJson.body(portal, slots, nextToken);
    return response;
}

std::optional<EmulatorResponse> WorkSpacesWebService::locateSession(const QString &portalId,
                                                                    const QString &sessionId,
                                                                    int *portalIndex, quint32 *slot) const
{
    ValidationErrors errors;
    checkId(u"portalId"_s, portalId, errors);
    checkId(u"sessionId"_s, sessionId, errors);
    if (!errors.isEmpty())
        return errors.response(validationNamespace, true);
    *portalIndex = m_store.portalIndex(portalId);
    if (*portalIndex < 0)
        return portalNotFound(portalId);
    const auto id = Uuid128::fromString(sessionId);
    const auto found = id ? m_store.portal(*portalIndex).sessions.find(*id) : std::nullopt;
    if (!found)
        return sessionNotFound(sessionId);
    *slot = *found;
    return std::nullopt;
}

EmulatorResponse WorkSpacesWebService::getSession(const QString &portalId, const QString &sessionId)
{
    int portalIndex = -1;
    quint32 slot = 0;
    if (auto failure = locateSession(portalId, sessionId, &portalIndex, &slot))
        return std::move(*failure);
    const PortalRecord &portal = m_store.portal(portalIndex);
    return EmulatorResponse::json({{u"session"_s, sessionJson(portal, portal.sessions.at(slot))}});
}

EmulatorResponse WorkSpacesWebService::expireSession(const QString &portalId, const QString &sessionId,
                                                     const RequestContext &context)
{
    int portalIndex = -1;
    quint32 slot = 0;
    if (auto failure = locateSession(portalId, sessionId, &portalIndex, &slot))
        return std::move(*failure);
    // Expiring a session that already ended succeeds and changes nothing (the call is idempotent).
    m_store.expireSession({portalIndex, slot}, context.nowMs);
    return EmulatorResponse::json({});
}
