// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/AwsResponse.h"

QByteArray AwsResponse::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

QString AwsResponse::requestId() const
{
    QByteArray id = header("x-amzn-RequestId");
    if (id.isNull())
        id = header("x-amz-request-id");
    return QString::fromUtf8(id).trimmed();
}
