// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/credentials/machine/MetadataHttp.h"

#include "aws/credentials/Iso8601Timestamp.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>

void MetadataHttp::send(QNetworkAccessManager *network, const QByteArray &verb, const QUrl &url,
                        const QList<QPair<QByteArray, QByteArray>> &headers, int timeoutMs, QObject *context,
                        Callback callback)
{
    QNetworkRequest request(url);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(timeoutMs);
    QNetworkReply *reply = network->sendCustomRequest(request, verb);
    QObject::connect(reply, &QNetworkReply::finished, context, [reply, callback = std::move(callback)] {
        reply->deleteLater();
        Answer answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.body = reply->read(1024 * 1024);
        answer.timedOut = reply->error() == QNetworkReply::OperationCanceledError ||
                          reply->error() == QNetworkReply::TimeoutError;
        if (answer.status == 0)
            answer.error = reply->errorString();
        callback(answer);
    });
    // Without a context to answer, the reply still goes away.
    if (context) {
        QObject::connect(context, &QObject::destroyed, reply, [reply] {
            reply->abort();
            reply->deleteLater();
        });
    }
}

std::optional<AwsCredentials> MetadataHttp::parseCredentials(const QByteArray &body, const QString &source)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    AwsCredentials credentials;
    credentials.accessKeyId = object.value(u"AccessKeyId").toString();
    credentials.secretAccessKey = object.value(u"SecretAccessKey").toString();
    credentials.sessionToken = object.value(u"Token").toString();
    credentials.expiration = Iso8601Timestamp::parse(object.value(u"Expiration").toString());
    credentials.source = source;
    if (!credentials.isValid() || credentials.sessionToken.isEmpty() || !credentials.expiration.isValid())
        return std::nullopt;
    return credentials;
}
