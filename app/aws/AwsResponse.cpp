// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/AwsResponse.h"

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
