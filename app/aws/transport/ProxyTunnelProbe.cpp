// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/transport/ProxyTunnelProbe.h"

#include <QCoreApplication>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

void ProxyTunnelProbe::probe(const QNetworkProxy &proxy, const QString &host, int port, int timeoutMs,
                             QObject *context, Callback callback)
{
    auto *socket = new QTcpSocket(context);
    socket->setProxy(QNetworkProxy::NoProxy);
    auto *timer = new QTimer(socket);
    timer->setSingleShot(true);
    auto buffer = std::make_shared<QByteArray>();
    auto done = std::make_shared<bool>(false);
    const auto finish = [socket, done, buffer, callback](const QString &why) {
        if (*done)
            return;
        *done = true;
        Result result;
        const qsizetype end = buffer->indexOf("\r\n");
        const QByteArray statusLine = end >= 0 ? buffer->left(end) : QByteArray();
        const QList<QByteArray> parts = statusLine.split(' ');
        if (parts.size() >= 2 && parts.first().startsWith("HTTP/"))
            result.status = parts.at(1).toInt();
        result.statusLine = result.status > 0 ? QString::fromLatin1(statusLine).trimmed() : why;
        const QByteArray lower = buffer->toLower();
        result.authChallenge =
            lower.contains("\nproxy-authenticate:") || lower.contains("\nwww-authenticate:");
        socket->abort();
        socket->deleteLater();
        callback(result);
    };
    QObject::connect(socket, &QTcpSocket::connected, socket, [socket, proxy, host, port] {
        const QByteArray authority =
            (host.contains(u':') ? u'[' + host + u']' : host).toUtf8() + ':' + QByteArray::number(port);
        QByteArray request = "CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n";
        if (!proxy.user().isEmpty()) {
            request += "Proxy-Authorization: Basic " +
                       (proxy.user() + u':' + proxy.password()).toUtf8().toBase64() + "\r\n";
        }
        socket->write(request + "\r\n");
    });
    QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket, buffer, finish] {
        *buffer += socket->readAll();
        if (buffer->contains("\r\n\r\n") || buffer->size() > 16 * 1024)
            finish({});
    });
    QObject::connect(socket, &QTcpSocket::errorOccurred, socket,
                     [socket, finish](QAbstractSocket::SocketError) { finish(socket->errorString()); });
    QObject::connect(timer, &QTimer::timeout, socket, [finish] {
        finish(QCoreApplication::translate("ProxyTunnelProbe", "no answer in time"));
    });
    timer->start(timeoutMs > 0 ? std::min(timeoutMs, 10000) : 10000);
    socket->connectToHost(proxy.hostName(), proxy.port());
}
