// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/QAppSessionMetadata.h"
#include "api/SessionSummary.h"
#include "aws/AwsResult.h"
#include "aws/transport/CallHandle.h"

#include <functional>

class QAppsClient;
class QObject;
class WorkSpacesWebClient;

/// Where an export fetches the columns ListSessions does not have: client IP addresses (GetSession per
/// session) and the Amazon Q Apps sharing fields (GetQAppSessionMetadata per session). Plain functions,
/// so the real clients and test fakes plug in alike.
struct ExportEnrichment
{
    template <typename T>
    using Callback = std::function<void(const AwsResult<T> &)>;
    using SessionDetailFetcher = std::function<CallHandle(const QString &sessionId, QObject *context,
                                                          Callback<SessionDetail> callback)>;
    using QAppMetadataFetcher = std::function<CallHandle(const QString &sessionId, QObject *context,
                                                         Callback<QAppSessionMetadata> callback)>;

    SessionDetailFetcher sessionDetails; ///< empty: client IP addresses cannot be exported
    QAppMetadataFetcher qAppMetadata;    ///< empty: no Q Business instance is configured
    /// Requests in flight at most; halved while the service throttles, then grown back one by one.
    int maxInFlight = 4;

    /// Binds the real clients: GetSession on `portalId`, GetQAppSessionMetadata on `instanceId` (no Q Apps
    /// enrichment when `qapps` is null or `instanceId` empty).
    /// Wraps a Q Apps lookup so that an id that cannot be a Q Apps session id (they are lower-case UUID v4)
    /// is answered "none" (NotFound) on the next event-loop turn without asking: the service would refuse
    /// it as invalid, and that must not stop a whole export.
    static QAppMetadataFetcher skippingImpossibleQAppIds(QAppMetadataFetcher fetch);

    static ExportEnrichment fromClients(WorkSpacesWebClient *web, const QString &portalId, QAppsClient *qapps,
                                        const QString &instanceId, int maxInFlight = 4);
};
