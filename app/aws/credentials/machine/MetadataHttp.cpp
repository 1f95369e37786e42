// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/credentials/machine/MetadataHttp.h"

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
