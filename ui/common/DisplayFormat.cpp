// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/DisplayFormat.h"

using namespace Qt::StringLiterals;

QString DisplayFormat::time(const QDateTime &utcTime, bool inUtc)
{
    if (!utcTime.isValid())
        return {};
    if (inUtc)
        return tr("%1 UTC").arg(utcTime.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s));
    return utcTime.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s);
}

QString DisplayFormat::isoTime(const QDateTime &utcTime)
{
    if (!utcTime.isValid())
        return {};
    return utcTime.toUTC().toString(Qt::ISODateWithMs);
}

QString DisplayFormat::duration(qint64 seconds)
{
    if (seconds < 0)
        seconds = 0;
    const qint64 days = seconds / 86400;
    const qint64 hours = (seconds % 86400) / 3600;
    const qint64 minutes = (seconds % 3600) / 60;
    const qint64 secs = seconds % 60;
    if (days > 0)
        return tr("%1 d %2 h").arg(days).arg(hours);
    if (hours > 0)
        return tr("%1 h %2 min").arg(hours).arg(minutes, 2, 10, QLatin1Char('0'));
    if (minutes > 0)
        return tr("%1 min %2 s").arg(minutes).arg(secs, 2, 10, QLatin1Char('0'));
    return tr("%1 s").arg(secs);
}

QString DisplayFormat::sessionDuration(const SessionSummary &session, const QDateTime &now)
{
    if (!session.startTime.isValid())
        return {};
    if (session.endTime.isValid())
        return duration(session.startTime.secsTo(session.endTime));
    if (session.status == SessionStatus::Active)
        return tr("running for %1").arg(duration(session.startTime.secsTo(now)));
    return {};
}

QString DisplayFormat::status(const SessionSummary &session)
{
    switch (session.status) {
    case SessionStatus::Active:
        return tr("Active");
    case SessionStatus::Terminated:
        return tr("Terminated");
    case SessionStatus::Unknown:
        break;
    }
    return session.statusText.isEmpty() ? tr("Unknown") : session.statusText;
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
