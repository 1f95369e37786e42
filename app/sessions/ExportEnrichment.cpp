// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessions/ExportEnrichment.h"

#include "api/QAppsClient.h"
#include "api/WorkSpacesWebClient.h"

#include <QCoreApplication>
#include <QTimer>

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
            // Q Apps session ids are lower-case UUID v4; a browser session id of another shape cannot be
            // one, which is an answer ("none"), not a reason to fail the whole export.
            if (!QAppsClient::isValidSessionId(sessionId)) {
                QTimer::singleShot(0, context, [callback = std::move(callback)] {
                    callback(
                        AwsError(AwsError::Category::NotFound,
                                 QCoreApplication::translate("ExportEnrichment",
                                                             "This session id cannot be a Q Apps session.")));
                });
                return CallHandle();
            }
            return qapps->getQAppSessionMetadata(instanceId, sessionId, context, std::move(callback));
        };
    }
    return enrichment;
}
