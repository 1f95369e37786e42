// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/transport/AwsRequest.h"
#include "emulator/EmulatorResponse.h"

#include <QAbstractHttpServer>
#include <QPointer>

#include <functional>

class QHttpServerRequest;
class QTcpSocket;

/// The emulator's HTTP/1.1 front: turns each request into an AwsRequest exactly as it arrived (method,
/// encoded path, query decoded the AWS way, headers, body), hands it to the handler, and writes the
/// answer itself on the socket, so that answers can be delayed (a timer) or broken on purpose
/// (truncated body, connection reset).
///
/// Built on Qt HTTP Server 6.4's QAbstractHttpServer, whose handleRequest() gives the socket. One
/// limit comes from it: the path reaches us through QUrl, which upper-cases percent-escape hex digits
/// and decodes escaped unreserved characters (%7E -> ~); clients that send such non-canonical paths
/// (not botocore, the AWS CLI or SessionScope) would fail signature verification.
class EmulatorServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    using Handler = std::function<EmulatorResponse(const AwsRequest &)>;

    EmulatorServer(Handler handler, std::function<int()> latencyMs, QObject *parent = nullptr);

    /// The AwsRequest for what arrived; the query is decoded as AWS does: '+' is a space, then %XX.
    static AwsRequest toAwsRequest(const QHttpServerRequest &request);
    /// Decodes a raw query string ("a=b+c&d=%2B") into pairs, in order.
    static QList<QPair<QString, QString>> decodeQuery(const QByteArray &rawQuery);

protected:
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
#error                                                                                                       \
    "EmulatorServer needs Qt HTTP Server 6.4's handleRequest(request, QTcpSocket *); port it to QHttpServerResponder."
#endif
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    static void deliver(QTcpSocket *socket, const EmulatorResponse &response, bool closeAfter, bool withBody);

    Handler m_handler;
    std::function<int()> m_latencyMs;
};
