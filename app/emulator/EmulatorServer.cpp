// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/EmulatorServer.h"

#include <QHttpServerRequest>
#include <QLoggingCategory>
#include <QTcpSocket>
#include <QTimer>

#include <mutex>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

using namespace Qt::StringLiterals;

namespace {

QLoggingCategory::CategoryFilter previousCategoryFilter = nullptr;

// Qt HTTP Server's debug output (category "qt.httpserver", on with QT_LOGGING_RULES="*.debug=true")
// prints every request with all its headers, X-Amz-Security-Token included. Secrets never reach a log,
// so that output stays off whatever the rules say; warnings still get through.
void keepRequestDumpsOff(QLoggingCategory *category)
{
    if (previousCategoryFilter)
        previousCategoryFilter(category);
    if (qstrncmp(category->categoryName(), "qt.httpserver", 13) == 0) {
        category->setEnabled(QtDebugMsg, false);
        category->setEnabled(QtInfoMsg, false);
    }
}

void installRequestDumpFilter()
{
    static std::once_flag once;
    std::call_once(once,
                   [] { previousCategoryFilter = QLoggingCategory::installFilter(keepRequestDumpsOff); });
}

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Connect:
        return "CONNECT";
    case QHttpServerRequest::Method::Trace:
        return "TRACE";
    default:
        return "UNKNOWN";
    }
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

void resetConnection(QTcpSocket *socket)
{
#ifdef Q_OS_UNIX
    // SO_LINGER with a zero timeout makes close() send a TCP RST instead of a FIN.
    const qintptr fd = socket->socketDescriptor();
    if (fd != -1) {
        linger option{1, 0};
        ::setsockopt(int(fd), SOL_SOCKET, SO_LINGER, &option, sizeof option);
    }
#endif
    socket->abort();
}

} // namespace

EmulatorServer::EmulatorServer(Handler handler, std::function<int()> latencyMs, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_handler(std::move(handler))
    , m_latencyMs(std::move(latencyMs))
{
    installRequestDumpFilter();
}

QList<QPair<QString, QString>> EmulatorServer::decodeQuery(const QByteArray &rawQuery)
{
    QList<QPair<QString, QString>> out;
    const QList<QByteArray> pairs = rawQuery.split('&');
    for (const QByteArray &pair : pairs) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        const QByteArray key = eq < 0 ? pair : pair.left(eq);
        const QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        const auto decode = [](QByteArray text) {
            text.replace('+', ' '); // a raw '+' is a space; a real plus arrives as %2B
            return QString::fromUtf8(QByteArray::fromPercentEncoding(text));
        };
        out.append({decode(key), decode(value)});
    }
    return out;
}

AwsRequest EmulatorServer::toAwsRequest(const QHttpServerRequest &request)
{
    AwsRequest out;
    out.method = methodName(request.method());
    const QUrl url = request.url();
    out.encodedPath = url.path(QUrl::FullyEncoded).toUtf8();
    if (out.encodedPath.isEmpty())
        out.encodedPath = "/";
    out.query = decodeQuery(url.query(QUrl::FullyEncoded).toUtf8());
    out.headers = request.headers();
    out.body = request.body();
    const QByteArray host = request.value("host");
    out.endpoint = QUrl::fromEncoded("http://" + (host.isEmpty() ? QByteArray("127.0.0.1") : host));
    return out;
}

bool EmulatorServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const EmulatorResponse response = m_handler(toAwsRequest(request));
    const bool closeAfter = request.value("connection").trimmed().compare("close", Qt::CaseInsensitive) == 0;
    const bool withBody = request.method() != QHttpServerRequest::Method::Head;
    const int latency = m_latencyMs ? m_latencyMs() : 0;
    if (latency <= 0) {
        deliver(socket, response, closeAfter, withBody);
    } else {
        // The socket is the timer's context: if the client goes away first, the answer is dropped.
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(latency, socket, [guard, response, closeAfter, withBody] {
            if (guard)
                deliver(guard, response, closeAfter, withBody);
        });
    }
    return true;
}

void EmulatorServer::missingHandler(const QHttpServerRequest &, QTcpSocket *socket)
{
    // handleRequest() answers everything; this only runs if that ever changes.
    socket->disconnectFromHost();
}

void EmulatorServer::deliver(QTcpSocket *socket, const EmulatorResponse &response, bool closeAfter,
                             bool withBody)
{
    if (socket->state() != QAbstractSocket::ConnectedState)
        return;
    if (response.delivery == EmulatorResponse::Delivery::ConnectionReset) {
        resetConnection(socket);
        return;
    }
    const bool truncated = response.delivery == EmulatorResponse::Delivery::TruncatedBody;
    QByteArray out =
        "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    for (const auto &header : response.headers)
        out += header.first + ": " + header.second + "\r\n";
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    out += (closeAfter || truncated) ? "Connection: close\r\n" : "Connection: keep-alive\r\n";
    out += "\r\n";
    if (withBody) // an answer to HEAD has the headers of the full answer, but no body
        out += truncated ? response.body.left(response.body.size() / 2) : response.body;
    socket->write(out);
    if (closeAfter || truncated)
        socket->disconnectFromHost();
}
