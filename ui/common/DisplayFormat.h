// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/SessionSummary.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

/// How the widgets outside the table write times, durations and statuses.
class DisplayFormat
{
    Q_DECLARE_TR_FUNCTIONS(DisplayFormat)

public:
    /// "2026-03-02 14:05:12" in local time, or "2026-03-02 14:05:12 UTC"; empty for an invalid time.
    /// Times and durations are written by TimeFormat, the session table's formatter, so they read the
    /// same everywhere.
    static QString time(const QDateTime &utcTime, bool inUtc);
    /// The full ISO 8601 value in UTC (milliseconds when not zero), for tooltips and copying.
    static QString isoTime(const QDateTime &utcTime);
    /// The duration of a session ("1 h 23 min"): start to end, or "running for …" (up to `now`) while it
    /// is active.
    static QString sessionDuration(const SessionSummary &session, const QDateTime &now);
    /// "Active", "Terminated" or the service's own word for a status we do not know.
    static QString status(const SessionSummary &session);
    /// The resource path of the status icon.
    static QString statusIconPath(SessionStatus status);
};
