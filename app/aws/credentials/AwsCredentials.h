// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

/// A set of AWS credentials. Never log, print or persist secretAccessKey or sessionToken: there is
/// deliberately no QDebug operator for this type.
struct AwsCredentials
{
    QString accessKeyId;
    QString secretAccessKey;
    QString sessionToken; ///< empty for long-term credentials
    QDateTime expiration; ///< invalid when the credentials do not expire
    QString source;       ///< where they came from, for display: "environment", "profile dev", ...

    bool isValid() const { return !accessKeyId.isEmpty() && !secretAccessKey.isEmpty(); }
    /// True when the credentials expire before now + margin seconds.
    bool expiresWithin(const QDateTime &now, qint64 marginSeconds) const
    {
        return expiration.isValid() && now.secsTo(expiration) <= marginSeconds;
    }
};
