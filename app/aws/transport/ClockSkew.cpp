// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/transport/ClockSkew.h"

#include "aws/AwsError.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

#include <cstdlib>

using namespace Qt::StringLiterals;

namespace {

int monthFromName(const QByteArray &name)
{
    static const QList<QByteArray> months = {"jan", "feb", "mar", "apr", "may", "jun",
                                             "jul", "aug", "sep", "oct", "nov", "dec"};
    const qsizetype index = months.indexOf(name.toLower());
    return index < 0 ? 0 : int(index) + 1;
}

bool toNumber(const QByteArray &text, int &out)
{
    if (text.isEmpty() || text.size() > 4)
        return false;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    out = text.toInt();
    return true;
}

QDateTime makeUtc(int year, int month, int day, const QByteArray &clock)
{
    const QList<QByteArray> hms = clock.split(':');
    int h = 0;
    int m = 0;
    int s = 0;
    if (hms.size() != 3 || !toNumber(hms[0], h) || !toNumber(hms[1], m) || !toNumber(hms[2], s))
        return {};
    const QDate date(year, month, day);
    // A leap second (60) is legal in HTTP dates; QTime cannot hold it.
    const QTime time(h, m, s == 60 ? 59 : s);
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC);
}

} // namespace

bool ClockSkew::isSkewError(const AwsError &error, const QDateTime &serverTime,
                            const QDateTime &localNow) const
{
    static const QStringList timeCodes = {u"RequestTimeTooSkewed"_s, u"RequestExpired"_s,
                                          u"RequestInTheFuture"_s};
    static const QStringList signatureCodes = {u"InvalidSignatureException"_s, u"SignatureDoesNotMatch"_s,
                                               u"AuthFailure"_s};
    if (timeCodes.contains(error.code()))
        return true;
    if (!signatureCodes.contains(error.code()))
        return false;
    const QString message = error.message();
    if (message.contains(u"expired"_s, Qt::CaseInsensitive) ||
        message.contains(u"not yet current"_s, Qt::CaseInsensitive) ||
        message.contains(u"skew"_s, Qt::CaseInsensitive))
        return true;
    if (!serverTime.isValid())
        return false;
    constexpr qint64 fourMinutesMs = 4 * 60 * 1000;
    return std::llabs(correct(localNow).msecsTo(serverTime)) > fourMinutesMs;
}

bool ClockSkew::update(const QDateTime &serverTime, const QDateTime &localNow)
{
    if (!serverTime.isValid() || !localNow.isValid())
        return false;
    const qint64 offset = localNow.msecsTo(serverTime);
    if (std::llabs(offset - m_offsetMs) < 1000)
        return false;
    m_offsetMs = offset;
    return true;
}

QDateTime ClockSkew::parseHttpDate(QByteArrayView value)
{
    const QByteArray text = value.toByteArray().simplified();
    const QList<QByteArray> parts = text.split(' ');
    if (parts.isEmpty())
        return {};
    int day = 0;
    int year = 0;
    if (parts[0].endsWith(',')) {
        if (parts.size() == 4 && parts[3] == "GMT") {
            // RFC 850: "Sunday, 06-Nov-94 08:49:37 GMT"
            const QList<QByteArray> dmy = parts[1].split('-');
            if (dmy.size() != 3 || !toNumber(dmy[0], day) || !toNumber(dmy[2], year) || dmy[2].size() != 2)
                return {};
            // RFC 9110: a two-digit year more than 50 years in the future is in the past century.
            year += year < 70 ? 2000 : 1900;
            return makeUtc(year, monthFromName(dmy[1]), day, parts[2]);
        }
        // IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT"
        if (parts.size() != 6 || parts[5] != "GMT" || !toNumber(parts[1], day) || !toNumber(parts[3], year))
            return {};
        return makeUtc(year, monthFromName(parts[2]), day, parts[4]);
    }
    // asctime: "Sun Nov  6 08:49:37 1994" (simplified() folded the double space)
    if (parts.size() != 5 || !toNumber(parts[2], day) || !toNumber(parts[4], year))
        return {};
    return makeUtc(year, monthFromName(parts[1]), day, parts[3]);
}
