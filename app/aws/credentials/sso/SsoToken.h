// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

/// One IAM Identity Center sign-in as the AWS CLI v2 caches it in ~/.aws/sso/cache/<sha1>.json:
/// startUrl, region, accessToken, expiresAt, and with the sso-session form also clientId, clientSecret,
/// registrationExpiresAt and refreshToken. Secrets: accessToken, refreshToken, clientSecret - never
/// logged or shown.
struct SsoToken
{
    QString startUrl;
    QString region;
    QString accessToken;
    QDateTime expiresAt;
    QString refreshToken; ///< empty for the legacy form
    QString clientId;
    QString clientSecret;
    QDateTime registrationExpiresAt;
    /// Fields this version does not know, written back unchanged.
    QJsonObject otherFields;

    bool isExpired(const QDateTime &now) const { return !expiresAt.isValid() || now >= expiresAt; }
    bool canRefresh(const QDateTime &now) const
    {
        return !refreshToken.isEmpty() && !clientId.isEmpty() && !clientSecret.isEmpty() &&
               (!registrationExpiresAt.isValid() || now < registrationExpiresAt);
    }
};
