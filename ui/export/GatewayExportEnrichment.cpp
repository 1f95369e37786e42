// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/GatewayExportEnrichment.h"

#include "common/ServiceGateway.h"

#include <QCoreApplication>
#include <QPointer>
#include <QTimer>

namespace {

// Answers `error` on a later event-loop turn: the callback never runs before the fetcher returns.
template <typename T>
CallHandle answerLater(QObject *context, const ExportEnrichment::Callback<T> &callback, const AwsError &error)
{
    QTimer::singleShot(0, context, [callback, error] { callback(error); });
    return CallHandle();
}

AwsError connectionClosed()
{
    return AwsError(AwsError::Category::Cancelled,
                    QCoreApplication::translate("GatewayExportEnrichment",
                                                "The connection was closed during the export."));
}

} // namespace

ExportEnrichment GatewayExportEnrichment::create(ServiceGateway *gateway, const QString &portalId,
                                                 const QString &instanceId, int maxInFlight)
{
    ExportEnrichment enrichment;
    enrichment.maxInFlight = maxInFlight;
    if (!gateway)
        return enrichment;
    const QPointer<ServiceGateway> guard(gateway);
    enrichment.sessionDetails = [guard, portalId](const QString &sessionId, QObject *context,
                                                  ExportEnrichment::Callback<SessionDetail> callback) {
        if (!guard)
            return answerLater(context, callback, connectionClosed());
        return guard->getSession(portalId, sessionId, context, std::move(callback));
    };
    if (!instanceId.isEmpty()) {
        enrichment.qAppMetadata = [guard,
                                   instanceId](const QString &sessionId, QObject *context,
                                               ExportEnrichment::Callback<QAppSessionMetadata> callback) {
            if (!guard)
                return answerLater(context, callback, connectionClosed());
            // Q Apps session ids are lower-case UUID v4; a browser session with any other id cannot have
            // a Q App session. Asking would be refused as invalid and stop the whole export, so the
            // answer is "none" (NotFound), which the exporter writes as qAppSession=none.
            if (!guard->isValidQAppSessionId(sessionId))
                return answerLater(
                    context, callback,
                    AwsError(AwsError::Category::NotFound,
                             QCoreApplication::translate("GatewayExportEnrichment",
                                                         "No Q App session can have this session ID.")));
            return guard->getQAppSessionMetadata(instanceId, sessionId, context, std::move(callback));
        };
    }
    return enrichment;
}
