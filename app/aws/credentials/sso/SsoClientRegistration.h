// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

/// An SSO OIDC client registration (RegisterClient) as the AWS CLI v2 caches it next to the tokens:
/// clientId, clientSecret, expiresAt and, when it was registered with scopes, scopes. clientSecret is a
/// secret: never logged or shown.
struct SsoClientRegistration
{
    QString clientId;
    QString clientSecret;
    QDateTime expiresAt;
    QStringList scopes;
    /// Fields this version does not know, written back unchanged.
    QJsonObject otherFields;

    /// The AWS CLI registers again when less than 15 minutes are left.
    static constexpr qint64 expiryWindowSeconds = 15 * 60;
    bool isUsable(const QDateTime &now) const
    {
        return !clientId.isEmpty() && !clientSecret.isEmpty() && expiresAt.isValid() &&
               now.secsTo(expiresAt) >= expiryWindowSeconds;
    }
};
