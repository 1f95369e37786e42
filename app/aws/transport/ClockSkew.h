// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QDateTime>
#include <QtGlobal>

class AwsError;

/// The difference between this computer's clock and AWS's, learnt from the Date header of answers that
/// rejected a request's time. AWS refuses signatures more than five minutes off, so a machine with a wrong
/// clock would otherwise fail every call; the SDKs correct for it the same way.
class ClockSkew
{
public:
    /// Offset to add to the local clock, in milliseconds (server minus local).
    qint64 offsetMs() const { return m_offsetMs; }

    /// The local time corrected by the offset.
    QDateTime correct(const QDateTime &localNow) const { return localNow.addMSecs(m_offsetMs); }

    /// True when `error` (with the answer's server time, invalid when it had no Date header) says the
    /// request's time was rejected: RequestTimeTooSkewed/RequestExpired/RequestInTheFuture, a signature
    /// error that says "expired" or "not yet current", or any signature error while the server's clock is
    /// more than four minutes away from our corrected one.
    bool isSkewError(const AwsError &error, const QDateTime &serverTime, const QDateTime &localNow) const;

    /// Learns the offset from a server time; returns true when it moved by at least a second (the
    /// resolution of a Date header), i.e. when re-signing can make a difference.
    bool update(const QDateTime &serverTime, const QDateTime &localNow);

    /// Parses an HTTP date (RFC 9110: IMF-fixdate, the obsolete RFC 850 form, or asctime) as UTC;
    /// an invalid QDateTime when the text is none of them.
    static QDateTime parseHttpDate(QByteArrayView value);

private:
    qint64 m_offsetMs = 0;
};
