// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/Portal.h"
#include "api/SessionLister.h"
#include "api/SessionSummary.h"
#include "aws/transport/AwsRequest.h"

#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <variant>

class AwsTransport;

/// Typed client of the WorkSpaces Web operations SessionScope uses. Validates input against the
/// service model before sending (an invalid id is a Validation error, not a request), decodes answers
/// strictly (a wrong type or a missing required field is a MalformedAnswer error).
///
/// Every method's callback runs exactly once on the caller's thread, never before the method returns,
/// unless the handle is cancelled or `context` is destroyed first.
class WorkSpacesWebClient : public SessionLister
{
public:
    template <typename T>
    using Callback = std::function<void(const AwsResult<T> &)>;

    /// `transport` must outlive the client. `endpoint` is scheme://host[:port]; `region` signs requests.
    WorkSpacesWebClient(AwsTransport *transport, QUrl endpoint, QString region);

    QUrl endpoint() const { return m_endpoint; }
    QString region() const { return m_region; }

    CallHandle listPortals(const QString &nextToken, int maxResults, QObject *context,
                           Callback<PortalPage> callback);
    /// GetPortal addresses the portal by its full ARN (Portal::portalArn), not by its id; an id alone is
    /// a Validation error.
    CallHandle getPortal(const QString &portalArn, QObject *context, Callback<Portal> callback);
    CallHandle listSessions(const ListSessionsRequest &request, QObject *context,
                            PageCallback callback) override;
    CallHandle getSession(const QString &portalId, const QString &sessionId, QObject *context,
                          Callback<SessionDetail> callback);
    CallHandle expireSession(const QString &portalId, const QString &sessionId, QObject *context,
                             Callback<std::monostate> callback);

    /// The service's constraints, shared with the emulator and the UI's input checks.
    static bool isValidPortalId(const QString &portalId);
    static bool isValidSessionId(const QString &sessionId);

private:
    /// A request to `method` /seg1/seg2/... on this client's endpoint, each segment percent-encoded.
    AwsRequest newRequest(const QByteArray &method, const QStringList &pathSegments) const;

    AwsTransport *m_transport;
    QUrl m_endpoint;
    QString m_region;
};
