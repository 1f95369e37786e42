// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/QAppsService.h"

#include "emulator/EmulatorStore.h"
#include "emulator/ValidationErrors.h"

#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

constexpr auto getPath = "/runtime.getQAppSessionMetadata";
constexpr auto updatePath = "/runtime.updateQAppSessionMetadata";
const auto uuidPattern = u"[\\da-f]{8}-[\\da-f]{4}-[45][\\da-f]{3}-[89ABab][\\da-f]{3}-[\\da-f]{12}"_s;

EmulatorResponse serializationError(const QString &message)
{
    return EmulatorResponse::error(400, u"SerializationException"_s, message, u"com.amazon.coral.service"_s);
}

} // namespace

bool QAppsService::ownsPath(const QByteArray &encodedPath)
{
    return encodedPath.startsWith("/runtime.");
}

bool QAppsService::isValidSessionId(const QString &sessionId)
{
    static const QRegularExpression pattern(u"^"_s + uuidPattern + u"$"_s);
    return pattern.match(sessionId).hasMatch();
}

QAppsService::QAppsService(EmulatorStore &store)
    : m_store(store)
{}

EmulatorResponse QAppsService::handle(const AwsRequest &request, const RequestContext &)
{
    const QByteArray method = request.method.toUpper();
    if (request.encodedPath == getPath && method == "GET")
        return getMetadata(request);
    if (request.encodedPath == updatePath && method == "POST")
        return updateMetadata(request);
    return EmulatorResponse::error(
        404, u"UnknownOperationException"_s,
        u"sessionscope-emulator has no Q Apps operation for %1 %2"_s.arg(
            QString::fromLatin1(request.method), QString::fromUtf8(request.encodedPath)),
        u"com.amazon.coral.service"_s);
}

std::optional<EmulatorResponse> QAppsService::lookup(const QString &instanceId, const QString &sessionId,
                                                     Uuid128 *id, QAppSessionState *state) const
{
    if (m_store.qappsInstanceId().isEmpty() || instanceId != m_store.qappsInstanceId()) {
        return EmulatorResponse::error(
            404, u"ResourceNotFoundException"_s, u"The Q Apps instance %1 was not found."_s.arg(instanceId),
            errorNamespace(), {{u"resourceId"_s, instanceId}, {u"resourceType"_s, u"Instance"_s}});
    }
    const auto parsed = Uuid128::fromString(sessionId);
    const auto found = parsed ? m_store.qappSession(*parsed) : std::nullopt;
    if (!found) {
        return EmulatorResponse::error(
            404, u"ResourceNotFoundException"_s, u"The Q App session %1 was not found."_s.arg(sessionId),
            errorNamespace(), {{u"resourceId"_s, sessionId}, {u"resourceType"_s, u"QAppSession"_s}});
    }
    *id = *parsed;
    *state = *found;
    return std::nullopt;
}

QJsonObject QAppsService::metadataJson(const Uuid128 &id, const QAppSessionState &state, bool withOwner) const
{
    QJsonObject sharing{{u"enabled"_s, state.enabled}};
    if (state.acceptResponses)
        sharing.insert(u"acceptResponses"_s, *state.acceptResponses);
    if (state.revealCards)
        sharing.insert(u"revealCards"_s, *state.revealCards);
    QJsonObject json{
        {u"sessionId"_s, id.toString()},
        {u"sessionArn"_s, m_store.qappSessionArn(id, state)},
        {u"sharingConfiguration"_s, sharing},
    };
    if (state.name)
        json.insert(u"sessionName"_s, *state.name);
    if (withOwner)
        json.insert(u"sessionOwner"_s, state.owner);
    return json;
}

EmulatorResponse QAppsService::getMetadata(const AwsRequest &request)
{
    const QByteArray instanceHeader = request.header("instance-id");
    std::optional<QString> sessionId;
    for (const auto &item : request.query) {
        if (item.first == u"sessionId") {
            sessionId = item.second;
            break;
        }
    }
    ValidationErrors errors;
    if (instanceHeader.isNull())
        errors.addMissing(u"instanceId"_s);
    if (!sessionId)
        errors.addMissing(u"sessionId"_s);
    else if (!isValidSessionId(*sessionId))
        errors.add(u"sessionId"_s, *sessionId,
                   u"Member must satisfy regular expression pattern: "_s + uuidPattern);
    if (!errors.isEmpty())
        return errors.response(errorNamespace(), false);

    Uuid128 id;
    QAppSessionState state;
    if (auto failure = lookup(QString::fromUtf8(instanceHeader.trimmed()), *sessionId, &id, &state))
        return *failure;
    return EmulatorResponse::json(metadataJson(id, state, true));
}

EmulatorResponse QAppsService::updateMetadata(const AwsRequest &request)
{
    QJsonParseError parseError;
    const QJsonDocument document =
        QJsonDocument::fromJson(request.body.isEmpty() ? QByteArrayLiteral("{}") : request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return serializationError(u"The request body is not a JSON object."_s);
    const QJsonObject body = document.object();

    ValidationErrors errors;
    const QByteArray instanceHeader = request.header("instance-id");
    if (instanceHeader.isNull())
        errors.addMissing(u"instanceId"_s);

    const QJsonValue sessionIdValue = body.value(u"sessionId"_s);
    QString sessionId;
    if (sessionIdValue.isUndefined() || sessionIdValue.isNull()) {
        errors.addMissing(u"sessionId"_s);
    } else if (!sessionIdValue.isString()) {
        return serializationError(u"sessionId must be a string."_s);
    } else {
        sessionId = sessionIdValue.toString();
        if (!isValidSessionId(sessionId))
            errors.add(u"sessionId"_s, sessionId,
                       u"Member must satisfy regular expression pattern: "_s + uuidPattern);
    }

    std::optional<QString> newName;
    const QJsonValue nameValue = body.value(u"sessionName"_s);
    if (nameValue.isString()) {
        newName = nameValue.toString();
        if (newName->toUcs4().size() > 100)
            errors.add(u"sessionName"_s, *newName, u"Member must have length less than or equal to 100"_s);
    } else if (!nameValue.isUndefined() && !nameValue.isNull()) {
        return serializationError(u"sessionName must be a string."_s);
    }

    const QJsonValue sharingValue = body.value(u"sharingConfiguration"_s);
    QAppSessionState requested;
    if (sharingValue.isUndefined() || sharingValue.isNull()) {
        errors.addMissing(u"sharingConfiguration"_s);
    } else if (!sharingValue.isObject()) {
        return serializationError(u"sharingConfiguration must be an object."_s);
    } else {
        const QJsonObject sharing = sharingValue.toObject();
        const auto flag = [&](const QString &name, std::optional<bool> *out) -> bool {
            const QJsonValue value = sharing.value(name);
            if (value.isUndefined() || value.isNull())
                return true;
            if (!value.isBool())
                return false;
            *out = value.toBool();
            return true;
        };
        std::optional<bool> enabled;
        if (!flag(u"enabled"_s, &enabled) || !flag(u"acceptResponses"_s, &requested.acceptResponses) ||
            !flag(u"revealCards"_s, &requested.revealCards)) {
            return serializationError(u"The sharingConfiguration flags must be booleans."_s);
        }
        if (!enabled)
            errors.addMissing(u"sharingConfiguration.enabled"_s);
        requested.enabled = enabled.value_or(false);
    }
    if (!errors.isEmpty())
        return errors.response(errorNamespace(), false);

    Uuid128 id;
    QAppSessionState state;
    if (auto failure = lookup(QString::fromUtf8(instanceHeader.trimmed()), sessionId, &id, &state))
        return *failure;
    if (!state.owner) {
        return EmulatorResponse::error(
            403, u"AccessDeniedException"_s,
            u"Only the owner of the Q App session can change its sharing settings."_s, errorNamespace());
    }
    state.enabled = requested.enabled;
    state.acceptResponses = requested.acceptResponses;
    state.revealCards = requested.revealCards;
    if (newName)
        state.name = newName;
    m_store.setQAppSession(id, state);
    return EmulatorResponse::json(metadataJson(id, state, false));
}
