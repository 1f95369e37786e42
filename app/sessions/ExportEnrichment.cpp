// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessions/ExportEnrichment.h"

#include "api/QAppsClient.h"
#include "api/WorkSpacesWebClient.h"

ExportEnrichment ExportEnrichment::fromClients(WorkSpacesWebClient *web, const QString &portalId,
                                               QAppsClient *qapps, const QString &instanceId, int maxInFlight)
{
    ExportEnrichment enrichment;
    enrichment.maxInFlight = maxInFlight;
    if (web) {
        enrichment.sessionDetails = [web, portalId](const QString &sessionId, QObject *context,
                                                    Callback<SessionDetail> callback) {
            return web->getSession(portalId, sessionId, context, std::move(callback));
        };
    }
    if (qapps && !instanceId.isEmpty()) {
        enrichment.qAppMetadata = [qapps, instanceId](const QString &sessionId, QObject *context,
                                                      Callback<QAppSessionMetadata> callback) {
            return qapps->getQAppSessionMetadata(instanceId, sessionId, context, std::move(callback));
        };
    }
    return enrichment;
}
