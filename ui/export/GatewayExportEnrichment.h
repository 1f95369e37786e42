// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessions/ExportEnrichment.h"

#include <QString>

class ServiceGateway;

/// The export's lookups (GetSession for client IP addresses, GetQAppSessionMetadata for the Q App
/// sharing columns) bound to the window's gateway, so they share its transport, retries and "AWS is
/// limiting requests" notices. No Q App lookups when `instanceId` is empty.
///
/// The gateway may be replaced while an export runs; a lookup asked of a gateway that is gone fails with
/// a Cancelled error (on a later event-loop turn, as the contract requires) instead of crashing.
class GatewayExportEnrichment
{
public:
    static ExportEnrichment create(ServiceGateway *gateway, const QString &portalId,
                                   const QString &instanceId, int maxInFlight = 4);
};
