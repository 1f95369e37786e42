// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>
#include <QTimeZone>

#include <limits>

/// Formats instants for the table and for exports, in UTC or in a local time zone, and durations for
/// people. One instance per user (the model, a writer); it caches the local offset between time-zone
/// transitions, so formatting a row costs one small allocation and no time-zone lookup.
///
/// Instants are milliseconds since the Unix epoch (UTC), the form the session model stores.
class TimeFormat
{
public:
    enum class Mode {
        Utc,   ///< "2026-11-21T19:35:12.123Z"
        Local, ///< "2026-11-21T20:35:12.123+01:00", in localZone()
    };

    /// A marker for "no instant" (an active session's end time).
    static constexpr qint64 NoTime = std::numeric_limits<qint64>::min();

    explicit TimeFormat(Mode mode = Mode::Utc, const QTimeZone &localZone = QTimeZone::systemTimeZone());

    Mode mode() const { return m_mode; }
    void setMode(Mode mode);
    QTimeZone localZone() const { return m_zone; }
    /// The zone Local mode uses; the system's by default. Tests pass a fixed one.
    void setLocalZone(const QTimeZone &zone);

    /// ISO 8601 with the milliseconds only when they are not zero: "…T19:35:12Z", "…T19:35:12.120Z",
    /// or in Local mode with the zone's offset at that instant, "…T20:35:12+01:00". Empty for NoTime.
    QString iso(qint64 msecsSinceEpoch) const;
    /// The same for a QDateTime (any time spec); empty for an invalid one.
    QString iso(const QDateTime &dateTime) const;
    /// For a table cell: "2026-11-21 19:35:12" (seconds precision, the zone is the column's business).
    /// Empty for NoTime.
    QString display(qint64 msecsSinceEpoch) const;
    /// The offset from UTC in seconds that this format applies at an instant (0 in Utc mode).
    int offsetSeconds(qint64 msecsSinceEpoch) const;

    /// "45 s", "5 min 3 s", "1 h 23 min", "2 d 3 h": the two most significant units, a zero second unit
    /// left out. Negative values (clock skew) count as 0.
    static QString duration(qint64 seconds);
    /// "running for 2 h 5 min", for a session that has not ended.
    static QString runningFor(qint64 seconds);
    /// A session's duration in seconds: start to end, or start to `nowMs` while it is `running`
    /// (SessionSummary::isRunning()); -1 when there is none to show (no start time, or not running and
    /// no end time). Instants in epoch ms or NoTime; negative spans (clock skew) count as 0.
    static qint64 durationSeconds(qint64 startMs, qint64 endMs, bool running, qint64 nowMs);
    /// Milliseconds since the epoch of a QDateTime, NoTime for an invalid one.
    static qint64 toMsecs(const QDateTime &dateTime);
    /// The inverse of toMsecs(): a UTC QDateTime, invalid for NoTime.
    static QDateTime fromMsecs(qint64 msecsSinceEpoch);

private:
    enum class Style {
        Iso,
        Display,
    };
    QString format(qint64 msecsSinceEpoch, Style style) const;

    Mode m_mode;
    QTimeZone m_zone;
    // The offset last looked up and the span of instants [from, to) it is valid for.
    mutable qint64 m_offsetFrom = 0;
    mutable qint64 m_offsetTo = 0;
    mutable int m_offset = 0;
};
