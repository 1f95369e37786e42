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
        enrichment.qAppMetadata = ExportEnrichment::skippingImpossibleQAppIds(
            [guard, instanceId](const QString &sessionId, QObject *context,
                                ExportEnrichment::Callback<QAppSessionMetadata> callback) {
                if (!guard)
                    return answerLater(context, callback, connectionClosed());
                return guard->getQAppSessionMetadata(instanceId, sessionId, context, std::move(callback));
            });
    }
    return enrichment;
}
