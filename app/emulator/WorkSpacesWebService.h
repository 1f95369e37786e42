// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/transport/AwsRequest.h"
#include "emulator/EmulatorResponse.h"
#include "emulator/PageTokenCodec.h"
#include "emulator/RequestContext.h"
#include "emulator/SessionListJson.h"

#include <QString>

#include <optional>

class EmulatorStore;
struct PortalRecord;
struct SessionRecord;

/// The WorkSpaces Web operations (signing name "workspaces-web"): ListPortals, GetPortal, ListSessions,
/// GetSession and ExpireSession, with the service model's input constraints, errors and answer shapes.
/// The request's signature has already been checked.
class WorkSpacesWebService
{
public:
    static QString signingName() { return QStringLiteral("workspaces-web"); }
    static QString errorNamespace() { return QStringLiteral("com.amazonaws.workspacesweb"); }
    /// True for "/portals" and everything below it.
    static bool ownsPath(const QByteArray &encodedPath);
    /// 36 characters of [a-zA-Z0-9-]: the model's PortalId and SessionId.
    static bool isValidId(const QString &id);

    WorkSpacesWebService(EmulatorStore &store, const PageTokenCodec &tokens, int maxPage);

    EmulatorResponse handle(const AwsRequest &request, const RequestContext &context);

private:
    EmulatorResponse listPortals(const AwsRequest &request, const RequestContext &context);
    EmulatorResponse getPortal(const QString &portalArn);
    EmulatorResponse listSessions(const AwsRequest &request, const QString &portalId,
                                  const RequestContext &context);
    /// GetSession's and ExpireSession's shared checks, in the service's order: the ids' form, the portal,
    /// the session. Returns the error to answer, or nothing with `portalIndex` and `slot` set.
    std::optional<EmulatorResponse> locateSession(const QString &portalId, const QString &sessionId,
                                                  int *portalIndex, quint32 *slot) const;
    EmulatorResponse getSession(const QString &portalId, const QString &sessionId);
    EmulatorResponse expireSession(const QString &portalId, const QString &sessionId,
                                   const RequestContext &context);

    QJsonObject portalJson(const PortalRecord &portal, bool detail) const;
    /// GetSession's session: the summary fields plus clientIpAddresses.
    QJsonObject sessionJson(const PortalRecord &portal, const SessionRecord &session) const;
    EmulatorResponse portalNotFound(const QString &portalId) const;
    EmulatorResponse sessionNotFound(const QString &sessionId) const;

    EmulatorStore &m_store;
    const PageTokenCodec &m_tokens;
    int m_maxPage;
    SessionListJson m_listJson; // ListSessions' answers, written without a QJsonDocument
};
