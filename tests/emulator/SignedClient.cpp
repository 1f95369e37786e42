// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SignedClient.h"

#include <QJsonDocument>
#include <QNetworkProxy>
#include <QSignalSpy>

SignedClient::SignedClient(QUrl endpoint, AwsCredentials credentials, QString region)
    : m_endpoint(std::move(endpoint))
    , m_credentials(std::move(credentials))
    , m_region(std::move(region))
{
    m_network.setProxy(QNetworkProxy::NoProxy);
}

QJsonObject SignedClient::Answer::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QByteArray SignedClient::Answer::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

QString SignedClient::Answer::errorCode() const
{
    const QByteArray type = header("x-amzn-ErrorType");
    return QString::fromUtf8(type.left(type.indexOf(':')));
}

AwsRequest SignedClient::request(const QByteArray &method, const QByteArray &encodedPath,
                                 const QList<QPair<QString, QString>> &query) const
{
    AwsRequest request;
    request.method = method;
    request.endpoint = m_endpoint;
    request.encodedPath = encodedPath;
    request.query = query;
    return request;
}

SignedClient::Answer SignedClient::send(AwsRequest request, const QString &service, const QDateTime &signTime,
                                        bool sign, const QByteArray &rawQuery)
{
    if (sign) {
        m_signer.sign(request, m_credentials, m_region, service,
                      signTime.isValid() ? signTime : QDateTime::currentDateTimeUtc());
    }
    QUrl url = request.url();
    if (!rawQuery.isEmpty()) {
        url = QUrl::fromEncoded(m_endpoint.toEncoded() + request.encodedPath + '?' + rawQuery,
                                QUrl::StrictMode);
    }
    QNetworkRequest networkRequest(url);
    for (const auto &h : std::as_const(request.headers)) {
        if (h.first.compare("host", Qt::CaseInsensitive) != 0) // QNAM writes the same Host itself
            networkRequest.setRawHeader(h.first, h.second);
    }
    QNetworkReply *reply = m_network.sendCustomRequest(networkRequest, request.method, request.body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    Answer answer;
    if (!reply->isFinished() && !finished.wait(20000)) {
        reply->abort();
        answer.networkError = QNetworkReply::TimeoutError;
        reply->deleteLater();
        return answer;
    }
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.networkError = reply->error();
    answer.headers = reply->rawHeaderPairs();
    answer.body = reply->readAll();
    reply->deleteLater();
    return answer;
}

SignedClient::Answer SignedClient::get(const QByteArray &encodedPath,
                                       const QList<QPair<QString, QString>> &query, const QString &service)
{
    return send(request("GET", encodedPath, query), service);
}
