// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

/// A WorkSpaces Secure Browser web portal (PortalSummary / Portal of the WorkSpaces Web API).
struct Portal
{
    QString portalArn;
    QString displayName;
    QString portalStatus;          ///< Incomplete, Pending, Active, or an unknown value kept as sent
    QDateTime creationDate;        ///< UTC
    int maxConcurrentSessions = 0; ///< 0 when the service did not say
    QString portalEndpoint;
    QString browserType;
    QString rendererType;
    QString authenticationType;
    QString instanceType;

    /// The last path segment of portalArn: what the API calls portalId.
    QString portalId() const;
};

struct PortalPage
{
    QList<Portal> portals;
    QString nextToken; ///< empty on the last page
};
