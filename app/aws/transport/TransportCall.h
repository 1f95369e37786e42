// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/credentials/AwsCredentials.h"
#include "aws/transport/AwsRequest.h"
#include "aws/transport/AwsTransport.h"
#include "aws/transport/CallHandle.h"
#include "aws/transport/ProxyTunnelProbe.h"

#include <QByteArray>
#include <QList>
#include <QNetworkReply>
#include <QPair>
#include <QPointer>
#include <QSslError>
#include <QString>
#include <QTimer>

class QNetworkReply;

/// One call of AwsTransport, retries included: fetch credentials, sign, send, time out, decide whether
/// to retry, deliver. Internal to the transport (its child); deletes itself when done or cancelled.
class TransportCall : public PendingCall
{
    Q_OBJECT

public:
    TransportCall(AwsTransport *transport, QObject *context, AwsTransport::Callback callback);
    ~TransportCall() override;

    /// Starts the call from the event loop, so the callback never runs inside AwsTransport::send().
    void start(const AwsRequest &request, const QString &signingName, const QString &region,
               const QString &action);
    /// Delivers `error` from the event loop.
    void startFailed(const AwsError &error);

    void cancel() override;

private:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    void fetchCredentials();
    void sendRequest(const AwsCredentials &credentials);
    void onProgress();
    void onTimeout(bool connecting);
    void onReplyFinished();
    /// Adaptive mode: tells the rate limiter how the attempt ended.
    void recordAnswer(bool throttled);
    void handleFailure(AwsError error, const Headers &headers);
    /// The proxy's 407: it asked for a user name and password, or refused those it was given.
    AwsError proxyAuthenticationError(const QNetworkProxy &proxy) const;
    /// A failure of the proxy (unreachable, refusing or unable to reach AWS), from what `probe` learnt
    /// (nothing for plain http) and Qt's `qtReason`; names the proxy, not AWS.
    AwsError proxyFailureError(const QNetworkProxy &proxy, const ProxyTunnelProbe::Result &probe,
                               const QString &qtReason) const;
    void failThroughProxy(const AwsError &error, const Headers &headers);
    void finish(const AwsResult<AwsResponse> &result);
    void dropReply(bool abort);

    AwsTransport *m_transport;
    QPointer<QObject> m_context;
    bool m_hasContext;
    AwsTransport::Callback m_callback;

    AwsRequest m_request;
    QString m_signingName;
    QString m_region;
    QString m_action;

    QPointer<QNetworkReply> m_reply;
    QList<QSslError> m_sslErrors; ///< of the reply in flight: why its server certificate was refused
    QTimer m_connectTimer;
    QTimer m_readTimer;

    int m_attempt = 1;            ///< standard-mode attempt number of the request in flight
    int m_requestsSent = 0;       ///< all requests, including the free clock-skew and credentials retries
    int m_lastRetryCost = 0;      ///< refunded to the retry quota on success
    bool m_tokenAcquired = false; ///< adaptive mode: this attempt has its rate limiter token
    bool m_connectObservable = false;
    bool m_skewRetried = false;
    bool m_credentialsRetried = false;
    bool m_done = false;
};
