// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/credentials/Iso8601Timestamp.h"

#include <QTimeZone>

QDateTime Iso8601Timestamp::parse(const QString &text)
{
    const QString trimmed = text.trimmed();
    // Qt also accepts a bare date; an expiration needs a time.
    if (trimmed.size() < 16 || (trimmed.at(10) != u'T' && trimmed.at(10) != u't'))
        return {};
    QDateTime parsed = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
    if (!parsed.isValid())
        return {};
    if (parsed.timeSpec() == Qt::LocalTime)
        parsed.setTimeZone(QTimeZone::utc());
    return parsed.toUTC();
}

QString Iso8601Timestamp::format(const QDateTime &dateTime)
{
    return dateTime.toUTC().toString(Qt::ISODate);
}
