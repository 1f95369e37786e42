// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/transport/AwsResponse.h"

#include "aws/transport/ClockSkew.h"

#include <algorithm>

QByteArray AwsResponse::header(const Headers &headers, const QByteArray &name)
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

QString AwsResponse::requestId(const Headers &headers)
{
    QByteArray id = header(headers, "x-amzn-RequestId");
    if (id.isNull())
        id = header(headers, "x-amz-request-id");
    return QString::fromUtf8(id).trimmed();
}

int AwsResponse::retryAfterSeconds(const Headers &headers, const QDateTime &reference)
{
    const QByteArray value = header(headers, "retry-after").trimmed();
    if (value.isNull())
        return -1;
    bool ok = false;
    const int seconds = value.toInt(&ok);
    if (ok)
        return seconds >= 0 ? seconds : -1;
    if (!reference.isValid())
        return -1;
    const QDateTime retryAt = ClockSkew::parseHttpDate(value);
    if (!retryAt.isValid())
        return -1;
    return int(std::clamp<qint64>(reference.secsTo(retryAt), 0, 24 * 3600));
}

qint64 AwsResponse::announcedLengthIfShort(const Headers &headers, const QByteArray &body)
{
    const QByteArray encoding = header(headers, "content-encoding").trimmed();
    if (!encoding.isEmpty() && encoding.compare("identity", Qt::CaseInsensitive) != 0)
        return -1;
    bool ok = false;
    const qint64 announced = header(headers, "content-length").trimmed().toLongLong(&ok);
    return ok && announced > body.size() ? announced : -1;
}
