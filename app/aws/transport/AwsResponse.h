// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

/// A successful (2xx) answer of an AWS service, as AwsTransport delivers it to the clients.
struct AwsResponse
{
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    int httpStatus = 0;
    Headers headers;
    QByteArray body;
    /// How many requests the call took, retries included (1 when the first one succeeded).
    int attempts = 1;

    /// The value of the first header of that name (case-insensitive), or a null QByteArray.
    QByteArray header(const QByteArray &name) const { return header(headers, name); }
    /// The x-amzn-RequestId (or x-amz-request-id) header, empty when absent.
    QString requestId() const { return requestId(headers); }

    /// The same for any answer's headers (failed ones too).
    static QByteArray header(const Headers &headers, const QByteArray &name);
    static QString requestId(const Headers &headers);
    /// The wait a Retry-After header asks for, in seconds; -1 without one (or with one that says
    /// nothing usable). Its delay-seconds form ("7") always counts; its HTTP-date form counts from
    /// `reference` (the answer's Date, else the local clock) and only when that is given, bounded to
    /// [0, 24 h]. The one reader of Retry-After: AwsError and the transport both use it.
    static int retryAfterSeconds(const Headers &headers, const QDateTime &reference = {});
    /// The length the answer's Content-Length announced, when `body` is shorter than that; -1 when the
    /// body is complete or its length cannot be known (no Content-Length, or a compressed answer, which
    /// QNetworkAccessManager hands over decompressed).
    static qint64 announcedLengthIfShort(const Headers &headers, const QByteArray &body);
};
