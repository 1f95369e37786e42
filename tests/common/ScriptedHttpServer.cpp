// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScriptedHttpServer.h"

#include "aws/signing/SigV4Signer.h"

#include <QHostAddress>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

} // namespace

QByteArray ScriptedHttpServer::Request::path() const
{
    const qsizetype q = target.indexOf('?');
    return q < 0 ? target : target.left(q);
}

QByteArray ScriptedHttpServer::Request::query() const
{
    const qsizetype q = target.indexOf('?');
    return q < 0 ? QByteArray() : target.mid(q + 1);
}

QList<QPair<QString, QString>> ScriptedHttpServer::Request::queryItems() const
{
    QList<QPair<QString, QString>> items;
    const QByteArray q = query();
    if (q.isEmpty())
        return items;
    const QList<QByteArray> pairs = q.split('&');
    for (const QByteArray &pair : pairs) {
        const qsizetype eq = pair.indexOf('=');
        const QByteArray key = eq < 0 ? pair : pair.left(eq);
        const QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        items.append({QString::fromUtf8(QByteArray::fromPercentEncoding(key)),
                      QString::fromUtf8(QByteArray::fromPercentEncoding(value))});
    }
    return items;
}

QByteArray ScriptedHttpServer::Request::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

AwsRequest ScriptedHttpServer::Request::toAwsRequest(const QUrl &endpoint) const
{
    AwsRequest request;
    request.method = method;
    request.endpoint = endpoint;
    request.encodedPath = path();
    request.query = queryItems();
    request.headers = headers;
    request.body = body;
    return request;
}

bool ScriptedHttpServer::Request::hasValidSignature(const QUrl &endpoint,
                                                    const QString &secretAccessKey) const
{
    // "AWS4-HMAC-SHA256 Credential=AKID/date/region/service/aws4_request, SignedHeaders=a;b, Signature=hex"
    const QByteArray authorization = header("authorization");
    const qsizetype credential = authorization.indexOf("Credential=");
    const qsizetype signedHeaders = authorization.indexOf("SignedHeaders=");
    if (!authorization.startsWith("AWS4-HMAC-SHA256 ") || credential < 0 || signedHeaders < 0)
        return false;
    const QByteArray scope =
        authorization.mid(credential + 11, authorization.indexOf(',', credential) - credential - 11);
    const QList<QByteArray> scopeParts = scope.split('/');
    const QByteArray names =
        authorization.mid(signedHeaders + 14, authorization.indexOf(',', signedHeaders) - signedHeaders - 14);
    if (scopeParts.size() != 5)
        return false;
    const SigV4Signer signer;
    const QByteArray expected = signer.authorization(
        toAwsRequest(endpoint), names.split(';'), QString::fromUtf8(scopeParts[0]), secretAccessKey,
        QString::fromUtf8(scopeParts[2]), QString::fromUtf8(scopeParts[3]));
    return expected == authorization;
}

ScriptedHttpServer::Answer ScriptedHttpServer::Answer::json(int status, const QByteArray &body,
                                                            const Headers &headers)
{
    Answer a;
    a.status = status;
    a.body = body;
    a.headers = headers;
    a.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    return a;
}

ScriptedHttpServer::Answer ScriptedHttpServer::Answer::awsError(int status, const QByteArray &code,
                                                                const QByteArray &message,
                                                                const Headers &headers)
{
    Headers all = headers;
    all.append({QByteArrayLiteral("x-amzn-ErrorType"), code});
    QByteArray escaped = message;
    escaped.replace('\\', "\\\\").replace('"', "\\\"");
    return json(status, "{\"message\":\"" + escaped + "\"}", all);
}

ScriptedHttpServer::Answer ScriptedHttpServer::Answer::closeMidBody(int status, const QByteArray &partialBody,
                                                                    int declaredLength)
{
    Answer a;
    a.kind = Kind::CloseMidBody;
    a.status = status;
    a.body = partialBody;
    a.declaredLength = declaredLength;
    return a;
}

ScriptedHttpServer::Answer ScriptedHttpServer::Answer::closeWithoutAnswer()
{
    Answer a;
    a.kind = Kind::CloseWithoutAnswer;
    return a;
}

ScriptedHttpServer::Answer ScriptedHttpServer::Answer::hang()
{
    Answer a;
    a.kind = Kind::Hang;
    return a;
}

ScriptedHttpServer::Answer ScriptedHttpServer::Answer::after(int delay) const
{
    Answer a = *this;
    a.delayMs = delay;
    return a;
}

ScriptedHttpServer::ScriptedHttpServer(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
    , m_fallback(Answer::json(599, R"({"message":"ScriptedHttpServer: no scripted answer left"})"))
{
    connect(m_server, &QTcpServer::newConnection, this, &ScriptedHttpServer::onNewConnection);
}

ScriptedHttpServer::~ScriptedHttpServer() = default;

bool ScriptedHttpServer::listen()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

quint16 ScriptedHttpServer::port() const
{
    return m_server->serverPort();
}

QUrl ScriptedHttpServer::url() const
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(port());
    return url;
}

void ScriptedHttpServer::enqueue(const Answer &answer)
{
    m_script.append(answer);
}

void ScriptedHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        ++m_connectionCount;
        socket->setParent(this);
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            m_hung.remove(socket);
            socket->deleteLater();
            Q_EMIT connectionClosed();
        });
        if (m_silent) {
            connect(socket, &QTcpSocket::readyRead, socket, [socket] { socket->readAll(); });
            continue;
        }
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
    }
}

void ScriptedHttpServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer.append(socket->readAll());
    while (!m_hung.contains(socket)) {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        Request request;
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        request.method = requestLine.value(0);
        request.target = requestLine.value(1);
        qsizetype contentLength = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed();
            const QByteArray value = line.mid(colon + 1).trimmed();
            request.headers.append({name, value});
            if (name.compare("content-length", Qt::CaseInsensitive) == 0)
                contentLength = value.toLongLong();
        }
        if (buffer.size() < end + 4 + contentLength)
            return; // the body is still coming
        request.body = buffer.mid(end + 4, contentLength);
        buffer.remove(0, end + 4 + contentLength);

        m_requests.append(request);
        const Answer next = m_script.isEmpty() ? m_fallback : m_script.takeFirst();
        Q_EMIT requestReceived(int(m_requests.size() - 1));
        answer(socket, next);
        if (socket->state() != QAbstractSocket::ConnectedState)
            return;
    }
}

void ScriptedHttpServer::answer(QTcpSocket *socket, const Answer &answer)
{
    switch (answer.kind) {
    case Answer::Kind::Hang:
        m_hung.insert(socket);
        return;
    case Answer::Kind::CloseWithoutAnswer:
        socket->abort();
        return;
    case Answer::Kind::Respond:
    case Answer::Kind::CloseMidBody:
        break;
    }
    if (answer.delayMs > 0) {
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(answer.delayMs, this, [this, guard, answer] {
            if (guard && guard->state() == QAbstractSocket::ConnectedState)
                write(guard, answer);
        });
        return;
    }
    write(socket, answer);
}

void ScriptedHttpServer::write(QTcpSocket *socket, const Answer &answer)
{
    const bool midBody = answer.kind == Answer::Kind::CloseMidBody;
    QByteArray out =
        "HTTP/1.1 " + QByteArray::number(answer.status) + ' ' + reasonPhrase(answer.status) + "\r\n";
    for (const auto &h : answer.headers)
        out += h.first + ": " + h.second + "\r\n";
    out += "Content-Length: " + QByteArray::number(midBody ? answer.declaredLength : answer.body.size()) +
           "\r\n";
    out += "\r\n";
    out += answer.body;
    socket->write(out);
    if (midBody) {
        socket->flush();
        socket->disconnectFromHost();
    }
}
