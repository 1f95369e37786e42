// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/SessionSummary.h"

#include <QDateTime>
#include <QList>
#include <QString>

// Sessions for the tests of app/sessions: a deterministic generated list, and rows with hostile text.
namespace SessionFixtures {

using namespace Qt::StringLiterals;

inline const QString portalArn = u"arn:aws:workspaces-web:eu-west-1:123456789012:portal/"
                                 "0f3c2a51-7d4e-4c69-9b1a-2f4e8d7c6b5a"_s;

inline QDateTime utc(const QString &iso)
{
    QDateTime dt = QDateTime::fromString(iso, Qt::ISODateWithMs);
    return dt.isValid() ? dt.toUTC() : dt;
}

inline SessionSummary session(const QString &id, const QString &username, const QString &status,
                              const QString &start, const QString &end = QString())
{
    SessionSummary s;
    s.sessionId = id;
    s.username = username;
    s.statusText = status;
    s.status = SessionSummary::statusFromText(status);
    s.startTime = start.isEmpty() ? QDateTime() : utc(start);
    s.endTime = end.isEmpty() ? QDateTime() : utc(end);
    s.portalArn = portalArn;
    return s;
}

/// A session id shaped like the service's (a lower-case UUID), unique per number.
inline QString sessionId(int number)
{
    return QString::asprintf("%08x-5e55-4c0d-9a1b-%012x", unsigned(number) * 2654435761u, number);
}

/// `count` sessions with distinct ids and start times (a second apart, some with milliseconds),
/// usernames that repeat every 7 rows, every third one still active.
inline QList<SessionSummary> generated(int count)
{
    QList<SessionSummary> list;
    const QDateTime base = utc(u"2026-11-01T08:00:00Z"_s);
    for (int i = 0; i < count; ++i) {
        SessionSummary s;
        s.sessionId = sessionId(i);
        s.username = u"user%1@example.com"_s.arg(i % 7);
        s.startTime = base.addSecs(i * 61).addMSecs((i % 4) * 125);
        if (i % 3 == 0) {
            s.status = SessionStatus::Active;
            s.statusText = u"Active"_s;
        } else {
            s.status = SessionStatus::Terminated;
            s.statusText = u"Terminated"_s;
            s.endTime = s.startTime.addSecs(60 * (i % 50) + 7);
        }
        s.portalArn = portalArn;
        list.append(s);
    }
    return list;
}

/// Usernames that break naive CSV and JSON writers, and spreadsheets.
inline QStringList hostileUsernames()
{
    return {
        u"plain.user@example.com"_s,
        u"comma,separated"_s,
        u"say \"hi\""_s,
        u"line1\nline2"_s,
        u"carriage\rreturn"_s,
        u"crlf\r\nend"_s,
        u" leading space"_s,
        u"trailing space "_s,
        u"=HYPERLINK(\"http://x.invalid\",\"click\")"_s,
        u"+1+1"_s,
        u"-2+3"_s,
        u"@SUM(A1:A2)"_s,
        u"\tstarts with tab"_s,
        u"\rstarts with CR"_s,
        u"山田太郎"_s,
        u"مستخدم عربي"_s,
        u"שלום\u200Fעולם"_s,
        u"👩\u200D💻 dev"_s,
        u"back\\slash/and\u0001control\u2028sep"_s,
        QString(),
        QString(u"long,\"name\" "_s).repeated(21) + u"äöü."_s, // 256 characters
    };
}

/// One session per hostile username: alternating active and terminated, some times with milliseconds,
/// one status the API does not have yet.
inline QList<SessionSummary> hostile()
{
    QList<SessionSummary> list;
    const QStringList names = hostileUsernames();
    const QDateTime base = utc(u"2026-11-21T19:35:12Z"_s);
    for (int i = 0; i < names.size(); ++i) {
        SessionSummary s;
        s.sessionId = sessionId(1000 + i);
        s.username = names.at(i);
        s.startTime = base.addSecs(qint64(i) * 3671).addMSecs(i % 2 ? 123 : 0);
        if (i == 5) {
            s.statusText = u"Expiring"_s;
            s.status = SessionStatus::Unknown;
        } else if (i % 3 == 0) {
            s.statusText = u"Active"_s;
            s.status = SessionStatus::Active;
        } else {
            s.statusText = u"Terminated"_s;
            s.status = SessionStatus::Terminated;
            s.endTime = s.startTime.addSecs(4980 + i).addMSecs(i % 4 == 1 ? 7 : 0);
        }
        s.portalArn = portalArn;
        list.append(s);
    }
    return list;
}

} // namespace SessionFixtures
