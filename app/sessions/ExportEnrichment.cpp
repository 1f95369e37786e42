// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessions/ExportEnrichment.h"

#include "api/QAppsClient.h"
#include "api/WorkSpacesWebClient.h"

#include <QCoreApplication>
#include <QTimer>

ExportEnrichment::QAppMetadataFetcher ExportEnrichment::skippingImpossibleQAppIds(QAppMetadataFetcher fetch)
{
    return [fetch = std::move(fetch)](const QString &sessionId, QObject *context,
                                      Callback<QAppSessionMetadata> callback) {
        if (QAppsClient::isValidSessionId(sessionId))
            return fetch(sessionId, context, std::move(callback));
        QTimer::singleShot(0, context, [callback = std::move(callback)] {
            callback(AwsError(AwsError::Category::NotFound,
                              QCoreApplication::translate("ExportEnrichment",
                                                          "This session id cannot be a Q Apps session.")));
        });
        return CallHandle();
    };
}

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
        enrichment.qAppMetadata =
            skippingImpossibleQAppIds([qapps, instanceId](const QString &sessionId, QObject *context,
                                                          Callback<QAppSessionMetadata> callback) {
                return qapps->getQAppSessionMetadata(instanceId, sessionId, context, std::move(callback));
            });
    }
    return enrichment;
}
