// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

/// The ISO 8601 date-times of credential expirations (AWS_CREDENTIAL_EXPIRATION, credential_process).
class Iso8601Timestamp
{
public:
    /// Parses "2024-05-01T12:00:00Z", with optional fractional seconds and a "Z" or "+hh:mm" offset; a
    /// time without an offset is UTC. Returns an invalid QDateTime for anything else, including a date
    /// without a time.
    static QDateTime parse(const QString &text);
    /// "2024-05-01T12:00:00Z".
    static QString format(const QDateTime &dateTime);
};
