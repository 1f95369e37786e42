// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessions/TimeFormat.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 msecsPerDay = 86'400'000;

struct CivilDate
{
    qint64 year;
    int month;
    int day;
};

// Proleptic Gregorian date of a day count since 1970-01-01, by the era arithmetic of
// H. Hinnant's "chrono-compatible low-level date algorithms" (eras of 400 years starting on March 1st).
CivilDate civilFromDays(qint64 days)
{
    days += 719'468;
    const qint64 era = (days >= 0 ? days : days - 146'096) / 146'097;
    const qint64 dayOfEra = days - era * 146'097;
    const qint64 yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36'524 - dayOfEra / 146'096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 shiftedMonth = (5 * dayOfYear + 2) / 153;
    const int day = int(dayOfYear - (153 * shiftedMonth + 2) / 5 + 1);
    const int month = int(shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
    return {yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

void putDigits(QChar *&out, qint64 value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        out[i] = QChar(u'0' + char16_t(value % 10));
        value /= 10;
    }
    out += width;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("TimeFormat", text);
}

} // namespace

TimeFormat::TimeFormat(Mode mode, const QTimeZone &localZone)
    : m_mode(mode)
    , m_zone(localZone)
{}

void TimeFormat::setMode(Mode mode)
{
    m_mode = mode;
}

void TimeFormat::setLocalZone(const QTimeZone &zone)
{
    m_zone = zone;
    m_offsetFrom = m_offsetTo = 0;
}

int TimeFormat::offsetSeconds(qint64 msecsSinceEpoch) const
{
    if (m_mode == Mode::Utc || !m_zone.isValid())
        return 0;
    if (msecsSinceEpoch >= m_offsetFrom && msecsSinceEpoch < m_offsetTo)
        return m_offset;

    const QDateTime at = QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch, Qt::UTC);
    m_offset = m_zone.offsetFromUtc(at);
    m_offsetFrom = msecsSinceEpoch;
    m_offsetTo = msecsSinceEpoch + 1;
    if (m_zone.hasTransitions()) {
        // The offset holds from the last transition at or before the instant up to the next one.
        const QTimeZone::OffsetData previous = m_zone.previousTransition(at.addMSecs(1));
        const QTimeZone::OffsetData next = m_zone.nextTransition(at);
        m_offsetFrom = previous.atUtc.isValid() ? previous.atUtc.toMSecsSinceEpoch()
                                                : std::numeric_limits<qint64>::min();
        m_offsetTo =
            next.atUtc.isValid() ? next.atUtc.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
    } else {
        // A zone without transitions (a fixed offset) has one offset for all time.
        m_offsetFrom = std::numeric_limits<qint64>::min();
        m_offsetTo = std::numeric_limits<qint64>::max();
    }
    return m_offset;
}

QString TimeFormat::format(qint64 msecsSinceEpoch, Style style) const
{
    if (msecsSinceEpoch == NoTime)
        return QString();
    const int offset = offsetSeconds(msecsSinceEpoch);
    const qint64 local = msecsSinceEpoch + qint64(offset) * 1000;
    const qint64 days = floorDiv(local, msecsPerDay);
    const qint64 msOfDay = local - days * msecsPerDay;
    const CivilDate date = civilFromDays(days);
    if (date.year < 0 || date.year > 9999) {
        // Outside ISO 8601's four-digit years; no session lives there, but never print garbage.
        const QDateTime dt = QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch, Qt::OffsetFromUTC, offset);
        return dt.toString(style == Style::Iso ? Qt::ISODateWithMs : Qt::TextDate);
    }
    const int millis = int(msOfDay % 1000);
    const qint64 seconds = msOfDay / 1000;
    const bool withMillis = style == Style::Iso && millis != 0;
    const bool withZone = style == Style::Iso;
    const int absOffset = offset < 0 ? -offset : offset;
    const bool hasOffsetSeconds = absOffset % 60 != 0;

    qsizetype size = 19 + (withMillis ? 4 : 0);
    if (withZone)
        size += m_mode == Mode::Utc ? 1 : (hasOffsetSeconds ? 9 : 6);
    QString text(size, Qt::Uninitialized);
    QChar *out = text.data();
    putDigits(out, date.year, 4);
    *out++ = u'-';
    putDigits(out, date.month, 2);
    *out++ = u'-';
    putDigits(out, date.day, 2);
    *out++ = style == Style::Iso ? u'T' : u' ';
    putDigits(out, seconds / 3600, 2);
    *out++ = u':';
    putDigits(out, seconds / 60 % 60, 2);
    *out++ = u':';
    putDigits(out, seconds % 60, 2);
    if (withMillis) {
        *out++ = u'.';
        putDigits(out, millis, 3);
    }
    if (withZone) {
        if (m_mode == Mode::Utc) {
            *out++ = u'Z';
        } else {
            *out++ = offset < 0 ? u'-' : u'+';
            putDigits(out, absOffset / 3600, 2);
            *out++ = u':';
            putDigits(out, absOffset / 60 % 60, 2);
            if (hasOffsetSeconds) {
                *out++ = u':';
                putDigits(out, absOffset % 60, 2);
            }
        }
    }
    Q_ASSERT(out == text.data() + size);
    return text;
}

QString TimeFormat::iso(qint64 msecsSinceEpoch) const
{
    return format(msecsSinceEpoch, Style::Iso);
}

QString TimeFormat::iso(const QDateTime &dateTime) const
{
    return format(toMsecs(dateTime), Style::Iso);
}

QString TimeFormat::display(qint64 msecsSinceEpoch) const
{
    return format(msecsSinceEpoch, Style::Display);
}

QString TimeFormat::duration(qint64 seconds)
{
    if (seconds < 0)
        seconds = 0;
    const qint64 days = seconds / 86'400;
    const qint64 hours = seconds / 3600 % 24;
    const qint64 minutes = seconds / 60 % 60;
    const qint64 secs = seconds % 60;
    if (days > 0)
        return hours > 0 ? tr("%1 d %2 h").arg(days).arg(hours) : tr("%1 d").arg(days);
    if (hours > 0)
        return minutes > 0 ? tr("%1 h %2 min").arg(hours).arg(minutes) : tr("%1 h").arg(hours);
    if (minutes > 0)
        return secs > 0 ? tr("%1 min %2 s").arg(minutes).arg(secs) : tr("%1 min").arg(minutes);
    return tr("%1 s").arg(secs);
}

QString TimeFormat::runningFor(qint64 seconds)
{
    return tr("running for %1").arg(duration(seconds));
}

qint64 TimeFormat::durationSeconds(qint64 startMs, qint64 endMs, bool running, qint64 nowMs)
{
    if (startMs == NoTime)
        return -1;
    if (endMs != NoTime)
        return std::max<qint64>(0, (endMs - startMs) / 1000);
    if (running)
        return std::max<qint64>(0, (nowMs - startMs) / 1000);
    return -1;
}

qint64 TimeFormat::toMsecs(const QDateTime &dateTime)
{
    return dateTime.isValid() ? dateTime.toMSecsSinceEpoch() : NoTime;
}

QDateTime TimeFormat::fromMsecs(qint64 msecsSinceEpoch)
{
    return msecsSinceEpoch == NoTime ? QDateTime() : QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch, Qt::UTC);
}
