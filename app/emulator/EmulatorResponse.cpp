// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/EmulatorResponse.h"

#include "aws/transport/AwsResponse.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

EmulatorResponse EmulatorResponse::json(const QJsonObject &object, int status)
{
    EmulatorResponse response;
    response.status = status;
    response.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return response;
}

EmulatorResponse EmulatorResponse::error(int status, const QString &code, const QString &message,
                                         const QString &errorNamespace, const QJsonObject &extra)
{
    QJsonObject body = extra;
    body.insert(u"message"_s, message);
    EmulatorResponse response = json(body, status);
    response.headers.append(
        {"x-amzn-ErrorType",
         (code + u":http://internal.amazon.com/coral/"_s + errorNamespace + u'/').toUtf8()});
    return response;
}

QByteArray EmulatorResponse::header(const QByteArray &name) const
{
    return AwsResponse::header(headers, name);
}

QString EmulatorResponse::errorCode() const
{
    const QByteArray type = header("x-amzn-ErrorType");
    const qsizetype colon = type.indexOf(':');
    return QString::fromUtf8(colon < 0 ? type : type.left(colon));
}
