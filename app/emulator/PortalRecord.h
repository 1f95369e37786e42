// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "emulator/PortalSessions.h"
#include "emulator/Uuid128.h"

#include <QString>

/// One web portal of the emulated account and its sessions.
struct PortalRecord
{
    Uuid128 id;
    QString portalId; ///< id.toString(): the last segment of the ARN
    QString displayName;
    QString status; ///< Active, Pending or Incomplete
    QString statusReason;
    qint64 creationMs = 0;
    int maxConcurrentSessions = 0;
    QString portalEndpoint;
    QString authenticationType;
    QString instanceType;
    bool hasSettings = false; ///< whether browser/network/user settings are associated (complete portals)
    PortalSessions sessions;
};
