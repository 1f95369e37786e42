// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/transport/AwsResponse.h"

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

qint64 AwsResponse::announcedLengthIfShort(const Headers &headers, const QByteArray &body)
{
    const QByteArray encoding = header(headers, "content-encoding").trimmed();
    if (!encoding.isEmpty() && encoding.compare("identity", Qt::CaseInsensitive) != 0)
        return -1;
    bool ok = false;
    const qint64 announced = header(headers, "content-length").trimmed().toLongLong(&ok);
    return ok && announced > body.size() ? announced : -1;
}
