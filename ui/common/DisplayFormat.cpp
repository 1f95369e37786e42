// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/DisplayFormat.h"

#include "sessions/TimeFormat.h"

using namespace Qt::StringLiterals;

QString DisplayFormat::time(const QDateTime &utcTime, bool inUtc)
{
    if (!utcTime.isValid())
        return {};
    // The table's own format (TimeFormat), so a time reads the same in the table and beside it.
    const TimeFormat format(inUtc ? TimeFormat::Mode::Utc : TimeFormat::Mode::Local);
    const QString text = format.display(TimeFormat::toMsecs(utcTime));
    return inUtc ? tr("%1 UTC").arg(text) : text;
}

QString DisplayFormat::isoTime(const QDateTime &utcTime)
{
    return TimeFormat(TimeFormat::Mode::Utc).iso(utcTime);
}

QString DisplayFormat::sessionDuration(const SessionSummary &session, const QDateTime &now)
{
    // The table's rule and words (SessionSummary, TimeFormat).
    const qint64 seconds = TimeFormat::durationSeconds(TimeFormat::toMsecs(session.startTime),
                                                       TimeFormat::toMsecs(session.endTime),
                                                       session.isRunning(), now.toMSecsSinceEpoch());
    if (seconds < 0)
        return {};
    return session.endTime.isValid() ? TimeFormat::duration(seconds) : TimeFormat::runningFor(seconds);
}

QString DisplayFormat::status(const SessionSummary &session)
{
    return session.statusDisplay();
}

QString DisplayFormat::statusIconPath(SessionStatus status)
{
    switch (status) {
    case SessionStatus::Active:
        return u":/icons/status-active.svg"_s;
    case SessionStatus::Terminated:
        return u":/icons/status-terminated.svg"_s;
    case SessionStatus::Unknown:
        break;
    }
    return u":/icons/status-unknown.svg"_s;
}
