// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

/// Session status as the service reports it. Unknown values are kept as text in SessionSummary::statusText.
enum class SessionStatus {
    Active,
    Terminated,
    Unknown,
};

/// One row of ListSessions (SessionSummary), plus the fields GetSession adds (Session).
struct SessionSummary
{
    QString sessionId;
    QString username;
    SessionStatus status = SessionStatus::Unknown;
    QString statusText;  ///< exactly what the service sent ("Active", "Terminated", or a new value)
    QDateTime startTime; ///< UTC, milliseconds kept; invalid when absent
    QDateTime endTime;   ///< UTC; invalid while the session is active
    QString portalArn;

    static SessionStatus statusFromText(const QString &text);
    /// The API's word for a known status ("Active", "Terminated"); empty for Unknown.
    static QString statusName(SessionStatus status);

    /// How the table and the detail pane name a status: translated for the known ones, the service's
    /// own word (`serviceText`) for others, "Unknown" without one.
    static QString statusDisplay(SessionStatus status, const QString &serviceText);
    QString statusDisplay() const { return statusDisplay(status, statusText); }

    /// True for a session that is still going: Active and without an end time. Its duration runs up to
    /// "now" (TimeFormat::durationSeconds()).
    static bool isRunning(SessionStatus status, bool hasEndTime)
    {
        return status == SessionStatus::Active && !hasEndTime;
    }
    bool isRunning() const { return isRunning(status, endTime.isValid()); }
};

/// GetSession's answer: the summary fields plus the client IP addresses.
struct SessionDetail
{
    SessionSummary summary;
    QStringList clientIpAddresses;
};

struct SessionPage
{
    QList<SessionSummary> sessions;
    QString nextToken; ///< empty on the last page
};
