// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/transport/AwsRequest.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QSet>
#include <QString>
#include <QUrl>

class QTcpServer;
class QTcpSocket;

/// A tiny HTTP/1.1 server on 127.0.0.1 for tests: it records every request and answers each with the
/// next scripted Answer (a response, a connection closed mid-body or without answer, or silence).
class ScriptedHttpServer : public QObject
{
    Q_OBJECT

public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    struct Request
    {
        QByteArray method;
        QByteArray target; ///< exactly as on the request line: path and query, still percent-encoded
        Headers headers;
        QByteArray body;

        QByteArray requestLine() const { return method + ' ' + target + " HTTP/1.1"; }
        QByteArray path() const;
        QByteArray query() const;
        /// The query parameters, percent-decoded as UTF-8 ('+' stays '+', as AWS reads it).
        QList<QPair<QString, QString>> queryItems() const;
        /// The first header of that name (case-insensitive), or a null QByteArray.
        QByteArray header(const QByteArray &name) const;
        /// The request as an AwsRequest, to check its signature with SigV4Signer.
        AwsRequest toAwsRequest(const QUrl &endpoint) const;
        /// True when the Authorization header is the SigV4 signature of this request, as received, for
        /// `secretAccessKey` (key id, scope and signed headers are read from the header itself).
        bool hasValidSignature(const QUrl &endpoint, const QString &secretAccessKey) const;
    };

    struct Answer
    {
        enum class Kind {
            Respond,            ///< status line, headers, Content-Length and body
            CloseMidBody,       ///< promises `declaredLength` bytes, sends `body`, then closes
            CloseWithoutAnswer, ///< resets the connection without answering
            Hang,               ///< never answers, keeps the connection open
        };
        Kind kind = Kind::Respond;
        int status = 200;
        Headers headers;
        QByteArray body;
        int declaredLength = 0;
        int delayMs = 0; ///< wait this long before answering (a slow but alive server)

        static Answer json(int status, const QByteArray &body, const Headers &headers = {});
        /// An AWS REST-JSON error: x-amzn-ErrorType header and a {"message": ...} body.
        static Answer awsError(int status, const QByteArray &code, const QByteArray &message,
                               const Headers &headers = {});
        static Answer closeMidBody(int status, const QByteArray &partialBody, int declaredLength);
        static Answer closeWithoutAnswer();
        static Answer hang();
        /// The same answer, sent after `delayMs`.
        Answer after(int delayMs) const;
    };

    explicit ScriptedHttpServer(QObject *parent = nullptr);
    ~ScriptedHttpServer() override;

    /// Listens on 127.0.0.1 on a free port.
    bool listen();
    quint16 port() const;
    /// http://127.0.0.1:<port>
    QUrl url() const;

    /// Queues the answer for the next request that has none yet.
    void enqueue(const Answer &answer);
    /// The answer once the queue is empty (by default a 599 "no scripted answer" that tests notice).
    void setFallback(const Answer &answer) { m_fallback = answer; }
    /// Accepts connections but never reads or answers them (a TLS client then waits for the handshake).
    void setSilent(bool silent) { m_silent = silent; }

    const QList<Request> &requests() const { return m_requests; }
    int connectionCount() const { return m_connectionCount; }

Q_SIGNALS:
    void requestReceived(int index);
    void connectionClosed();

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void answer(QTcpSocket *socket, const Answer &answer);
    void write(QTcpSocket *socket, const Answer &answer);

    QTcpServer *m_server;
    QList<Answer> m_script;
    Answer m_fallback;
    QList<Request> m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QSet<QTcpSocket *> m_hung;
    bool m_silent = false;
    int m_connectionCount = 0;
};

Q_DECLARE_METATYPE(ScriptedHttpServer::Answer)
