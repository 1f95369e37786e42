// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/transport/TransportCall.h"

#include "aws/credentials/CredentialsProvider.h"
#include "aws/transport/ProxySettings.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

using namespace Qt::StringLiterals;

// Logs method, path, status, attempt and request id; never headers, query strings or bodies, which can
// carry the session token or user names.
Q_LOGGING_CATEGORY(lcAwsTransport, "sessionscope.aws.transport", QtWarningMsg)

namespace {

// Errors below the HTTP layer: no complete answer arrived, whatever status line may have been read.
// (Qt reports HTTP 4xx/5xx answers as content/server errors and HTTP 400 as ProtocolInvalidOperationError.)
bool isTransportFailure(QNetworkReply::NetworkError error)
{
    const int code = int(error);
    return (code > 0 && code < 200) || error == QNetworkReply::ProtocolUnknownError ||
           error == QNetworkReply::ProtocolFailure;
}

// A timeout of 0 or less means "no limit".
void startTimeout(QTimer &timer, int timeoutMs)
{
    if (timeoutMs > 0)
        timer.start(timeoutMs);
}

} // namespace

TransportCall::TransportCall(AwsTransport *transport, QObject *context, AwsTransport::Callback callback)
    : PendingCall(transport)
    , m_transport(transport)
    , m_context(context)
    , m_hasContext(context != nullptr)
    , m_callback(std::move(callback))
{
    m_connectTimer.setSingleShot(true);
    m_readTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] { onTimeout(true); });
    connect(&m_readTimer, &QTimer::timeout, this, [this] { onTimeout(false); });
    if (context)
        connect(context, &QObject::destroyed, this, &TransportCall::cancel);
}

TransportCall::~TransportCall()
{
    dropReply(true);
}

void TransportCall::start(const AwsRequest &request, const QString &signingName, const QString &region,
                          const QString &action)
{
    m_request = request;
    m_signingName = signingName;
    m_region = region;
    m_action = action;
    QMetaObject::invokeMethod(this, &TransportCall::fetchCredentials, Qt::QueuedConnection);
}

void TransportCall::startFailed(const AwsError &error)
{
    QMetaObject::invokeMethod(
        this, [this, error] { finish(error); }, Qt::QueuedConnection);
}

void TransportCall::cancel()
{
    if (m_done)
        return;
    m_done = true;
    qCDebug(lcAwsTransport) << "cancelled" << m_action;
    dropReply(true);
    m_callback = nullptr;
    deleteLater();
}

void TransportCall::fetchCredentials()
{
    if (m_done)
        return;
    if (m_signingName.isEmpty()) {
        // Unsigned operations (bearer tokens, web identity, the metadata services) need no credentials.
        sendRequest(AwsCredentials());
        return;
    }
    CredentialsProvider *provider = m_transport->m_credentials;
    if (!provider) {
        AwsError error(AwsError::Category::Credentials, tr("No AWS credentials are configured."));
        finish(error.setAction(m_action));
        return;
    }
    provider->fetch(this, [this](const AwsResult<AwsCredentials> &credentials) {
        if (m_done)
            return;
        if (!credentials) {
            AwsError error = credentials.error();
            if (error.action().isEmpty())
                error.setAction(m_action);
            finish(error);
            return;
        }
        sendRequest(credentials.value());
    });
}

void TransportCall::sendRequest(const AwsCredentials &credentials)
{
    if (m_transport->m_options.retryMode == RetryMode::Adaptive && !m_tokenAcquired) {
        m_tokenAcquired = true;
        const int delay = m_transport->m_rateLimiter.acquireDelayMs();
        if (delay > 0) {
            qCDebug(lcAwsTransport).noquote() << m_action << "rate limited: sending in" << delay << "ms";
            // Signed after the wait, so the signature's time is the sending time.
            m_transport->m_scheduler(delay, this, [this, credentials] {
                if (!m_done)
                    sendRequest(credentials);
            });
            return;
        }
    }
    m_tokenAcquired = false; // the next attempt takes a token of its own

    AwsRequest request = m_request;
    request.setHeader("User-Agent", AwsTransport::userAgent(m_transport->m_options.appId));
    if (!m_signingName.isEmpty())
        m_transport->m_signer.sign(request, credentials, m_region, m_signingName, m_transport->now());

    const QUrl url = request.url();
    if (!url.isValid()) {
        AwsError error(AwsError::Category::Configuration,
                       tr("The request URL is not valid: %1").arg(url.errorString()));
        finish(error.setAction(m_action));
        return;
    }
    QNetworkRequest networkRequest(url);
    // The request is signed: a redirect would resend it elsewhere, a cache or cookie would change it.
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                QNetworkRequest::ManualRedirectPolicy);
    networkRequest.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    networkRequest.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    networkRequest.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    networkRequest.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    m_transport->m_options.tls.applyTo(networkRequest);
    for (const auto &h : std::as_const(request.headers)) {
        // Qt writes Host from the URL, which url() built from the same hostHeader() that was signed.
        if (h.first.compare("host", Qt::CaseInsensitive) != 0)
            networkRequest.setRawHeader(h.first, h.second);
    }

    ++m_requestsSent;
    qCDebug(lcAwsTransport).noquote() << m_action << request.method << request.encodedPath << "attempt"
                                      << m_attempt << "request" << m_requestsSent;
    m_reply = m_transport->m_network->sendCustomRequest(networkRequest, request.method, request.body);
    connect(m_reply, &QNetworkReply::finished, this, &TransportCall::onReplyFinished);
    // Recorded for the error message only. Nothing here ever calls ignoreSslErrors(): an untrusted
    // certificate always fails the request.
    m_sslErrors.clear();
    connect(m_reply, &QNetworkReply::sslErrors, this,
            [this](const QList<QSslError> &errors) { m_sslErrors += errors; });
    // The read timeout is an idle timeout: it runs from now and restarts with every sign of life. The
    // connect timeout runs while a new connection is being opened for this request (not when Qt reuses a
    // kept-alive one). Qt 6.4 signals the end of connecting with encrypted() (TLS) and requestSent() (only
    // for requests with a body); for a plain-HTTP request without body it cannot be observed, and the
    // read timeout alone applies.
    m_connectObservable = url.scheme() == u"https"_s || !request.body.isEmpty();
    connect(m_reply, &QNetworkReply::socketStartedConnecting, this,
            [this] { startTimeout(m_connectTimer, m_transport->m_options.connectTimeoutMs); });
    connect(m_reply, &QNetworkReply::encrypted, this, &TransportCall::onProgress);
    connect(m_reply, &QNetworkReply::requestSent, this, &TransportCall::onProgress);
    connect(m_reply, &QNetworkReply::uploadProgress, this, &TransportCall::onProgress);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &TransportCall::onProgress);
    connect(m_reply, &QNetworkReply::readyRead, this, &TransportCall::onProgress);
    connect(m_reply, &QNetworkReply::downloadProgress, this, &TransportCall::onProgress);
    startTimeout(m_readTimer, m_transport->m_options.readTimeoutMs);
}

void TransportCall::onProgress()
{
    if (!m_reply)
        return;
    m_connectTimer.stop();
    startTimeout(m_readTimer, m_transport->m_options.readTimeoutMs);
}

void TransportCall::onTimeout(bool connecting)
{
    if (!m_reply || m_done)
        return;
    if (connecting && !m_connectObservable)
        return;
    dropReply(true);
    const QString host = m_request.endpoint.host();
    const double seconds =
        (connecting ? m_transport->m_options.connectTimeoutMs : m_transport->m_options.readTimeoutMs) /
        1000.0;
    AwsError error(AwsError::Category::Timeout,
                   connecting ? tr("Could not connect to %1 within %2 s.").arg(host).arg(seconds)
                              : tr("No data from %1 for %2 s.").arg(host).arg(seconds));
    error.setAction(m_action);
    qCDebug(lcAwsTransport).noquote() << m_action << (connecting ? "connect timeout" : "read timeout");
    handleFailure(error, {});
}

void TransportCall::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply || m_done)
        return;
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const int status = statusAttribute.isValid() ? statusAttribute.toInt() : 0;
    const QNetworkReply::NetworkError networkError = reply->error();
    const QString errorString = reply->errorString();
    const Headers headers = reply->rawHeaderPairs();
    const QByteArray body = reply->readAll();
#if QT_CONFIG(ssl)
    const QSslCertificate peerCertificate = reply->sslConfiguration().peerCertificate();
#else
    const QSslCertificate peerCertificate;
#endif
    dropReply(false);

    const QString requestId = AwsResponse::requestId(headers);
    qCDebug(lcAwsTransport).noquote() << m_action << "status" << status << "network error"
                                      << int(networkError) << "request id" << requestId;

    if (networkError == QNetworkReply::SslHandshakeFailedError && !m_sslErrors.isEmpty()) {
        AwsError error = m_transport->m_options.tls.certificateError(m_request.endpoint.host(), m_sslErrors,
                                                                     peerCertificate);
        error.setAction(m_action);
        qCDebug(lcAwsTransport).noquote() << m_action << "server certificate refused";
        handleFailure(error, headers); // not retryable: ends the call with this error
        return;
    }
    // Failures of the proxy are named as such, with the proxy's host and port, never as AWS's.
    const QNetworkProxy proxy = m_transport->m_options.proxy.proxyFor(m_request.endpoint);
    if (proxy.type() != QNetworkProxy::NoProxy) {
        if (networkError == QNetworkReply::ProxyAuthenticationRequiredError) {
            failThroughProxy(proxyAuthenticationError(proxy), headers);
            return;
        }
        // Some proxies (tinyproxy) answer wrong credentials with 401 and a challenge, which AWS never sends.
        if (status == 401 && requestId.isEmpty() &&
            (!AwsResponse::header(headers, "www-authenticate").isEmpty() ||
             !AwsResponse::header(headers, "proxy-authenticate").isEmpty())) {
            failThroughProxy(proxyAuthenticationError(proxy), headers);
            return;
        }
        const bool proxyFailure = (int(networkError) > 100 && int(networkError) < 200) ||
                                  (status == 0 && networkError == QNetworkReply::UnknownNetworkError);
        if (proxyFailure) {
            qCDebug(lcAwsTransport).noquote() << m_action << "proxy failure" << int(networkError);
            if (proxy.type() == QNetworkProxy::HttpProxy && m_request.endpoint.scheme() == u"https"_s) {
                // Qt does not say what the proxy answered to CONNECT: ask it once more.
                ProxyTunnelProbe::probe(
                    proxy, m_request.endpoint.host(), m_request.endpoint.port(443),
                    m_transport->m_options.connectTimeoutMs, this,
                    [this, proxy, errorString, headers](const ProxyTunnelProbe::Result &probe) {
                        if (m_done)
                            return;
                        failThroughProxy(proxyFailureError(proxy, probe, errorString), headers);
                    });
                return;
            }
            failThroughProxy(proxyFailureError(proxy, {}, errorString), headers);
            return;
        }
    }
    if (networkError != QNetworkReply::NoError && (status == 0 || isTransportFailure(networkError))) {
        const auto category = networkError == QNetworkReply::TimeoutError ? AwsError::Category::Timeout
                                                                          : AwsError::Category::Network;
        AwsError error(category, errorString);
        error.setAction(m_action).setRequestId(requestId);
        handleFailure(error, headers);
        return;
    }
    // Qt 6.4 can finish a reply without an error when the server closes the connection in the middle of
    // a body whose length it announced (the socket is already closed when the last bytes are read). A
    // short body is a broken connection, retried like one, never an answer to decode.
    if (const qint64 announced = AwsResponse::announcedLengthIfShort(headers, body); announced >= 0) {
        AwsError error(AwsError::Category::Network,
                       tr("The connection closed after %1 of the %2 bytes of the answer.")
                           .arg(body.size())
                           .arg(announced));
        error.setAction(m_action).setRequestId(requestId);
        handleFailure(error, headers);
        return;
    }
    if (status >= 200 && status < 300) {
        recordAnswer(false);
        m_transport->m_quota.recordSuccess(m_lastRetryCost);
        AwsResponse response;
        response.httpStatus = status;
        response.headers = headers;
        response.body = body;
        response.attempts = m_requestsSent;
        finish(response);
        return;
    }
    if (status >= 300 && status < 400) {
        AwsError error(
            AwsError::Category::Configuration,
            tr("The endpoint redirected the request (HTTP %1). Check the region and the endpoint URL.")
                .arg(status));
        error.setHttpStatus(status).setRequestId(requestId).setAction(m_action);
        finish(error);
        return;
    }
    if (status < 100) {
        AwsError error(AwsError::Category::MalformedAnswer, tr("The answer had no HTTP status."));
        finish(error.setAction(m_action));
        return;
    }
    AwsError error = AwsError::fromHttpResponse(status, headers, body);
    error.setAction(m_action);
    handleFailure(error, headers);
}

void TransportCall::recordAnswer(bool throttled)
{
    if (m_transport->m_options.retryMode == RetryMode::Adaptive)
        m_transport->m_rateLimiter.onResponse(throttled);
}

void TransportCall::handleFailure(AwsError error, const Headers &headers)
{
    recordAnswer(error.category() == AwsError::Category::Throttled);
    const QDateTime localNow = m_transport->m_clock();
    const QDateTime serverTime = ClockSkew::parseHttpDate(AwsResponse::header(headers, "date"));

    // Retry-After may also be an HTTP date, which needs a reference time: the answer's, else ours.
    if (error.retryAfterSeconds() < 0) {
        error.setRetryAfterSeconds(
            AwsResponse::retryAfterSeconds(headers, serverTime.isValid() ? serverTime : m_transport->now()));
    }

    ClockSkew &skew = m_transport->m_skew;
    if (!m_skewRetried && serverTime.isValid() && skew.isSkewError(error, serverTime, localNow)) {
        m_skewRetried = true;
        if (skew.update(serverTime, localNow)) {
            qCDebug(lcAwsTransport) << "clock skew corrected to" << skew.offsetMs() << "ms";
            Q_EMIT m_transport->clockSkewCorrected(skew.offsetMs());
            if (m_done)
                return;
            fetchCredentials();
            return;
        }
    }

    CredentialsProvider *provider = m_transport->m_credentials;
    if (!m_credentialsRetried && provider && !m_signingName.isEmpty() && error.isExpiredCredentials()) {
        m_credentialsRetried = true;
        qCDebug(lcAwsTransport) << "credentials rejected as expired; refreshing them once";
        provider->invalidate();
        fetchCredentials();
        return;
    }

    const RetryPolicy &policy = m_transport->m_policy;
    if (policy.shouldRetry(error, m_attempt)) {
        const int cost = RetryPolicy::retryCost(error);
        if (m_transport->m_quota.tryAcquire(cost)) {
            m_lastRetryCost = cost;
            const int delay = policy.delayMs(error, m_attempt, m_transport->m_random());
            ++m_attempt;
            qCDebug(lcAwsTransport).noquote()
                << m_action << "retrying as attempt" << m_attempt << "in" << delay << "ms after"
                << error.code() << AwsError::categoryName(error.category());
            Q_EMIT m_transport->retrying(m_action, m_attempt, delay, error);
            if (m_done) // a slot cancelled the call
                return;
            m_transport->m_scheduler(delay, this, [this] { fetchCredentials(); });
            return;
        }
        qCDebug(lcAwsTransport) << "retry quota exhausted; not retrying" << m_action;
    }
    finish(error);
}

AwsError TransportCall::proxyAuthenticationError(const QNetworkProxy &proxy) const
{
    const QString name = ProxySettings::hostAndPort(proxy);
    const bool offered = !proxy.user().isEmpty() || m_transport->m_proxyCredentialsOffered;
    //: %1 the proxy's host:port
    AwsError error(AwsError::Category::Configuration,
                   offered
                       ? tr("The proxy %1 refused the user name and password. Check them in the proxy URL "
                            "(HTTPS_PROXY / HTTP_PROXY, or the connection settings).")
                             .arg(name)
                       : tr("The proxy %1 asked for a user name and password. Put them into the proxy URL "
                            "(http://user:password@host:port) of HTTPS_PROXY / HTTP_PROXY, or the "
                            "connection settings.")
                             .arg(name));
    error.setCode(AwsError::proxyAuthenticationCode()).setHttpStatus(407).setAction(m_action);
    return error;
}

AwsError TransportCall::proxyFailureError(const QNetworkProxy &proxy, const ProxyTunnelProbe::Result &probe,
                                          const QString &qtReason) const
{
    if (probe.status == 407 || (probe.status == 401 && probe.authChallenge))
        return proxyAuthenticationError(proxy);
    const QString name = ProxySettings::hostAndPort(proxy);
    const QString host = m_request.endpoint.host();
    const QString check =
        tr("Check the proxy (HTTPS_PROXY / HTTP_PROXY / NO_PROXY, or the connection settings).");
    AwsError error;
    if (probe.status == 403 || probe.status == 405) {
        //: %1 the proxy's host:port, %2 the AWS host, %3 the proxy's answer ("HTTP/1.1 403 Forbidden")
        error = AwsError(AwsError::Category::Configuration,
                         tr("The proxy %1 does not allow connections to %2 (it answered \"%3\").")
                                 .arg(name, host, probe.statusLine) +
                             u' ' + check);
    } else if (probe.status >= 500) {
        error = AwsError(
            AwsError::Category::Network,
            tr("The proxy %1 could not reach %2 (it answered \"%3\").").arg(name, host, probe.statusLine) +
                u' ' + check);
    } else if (probe.status > 0 && probe.status != 200) {
        error = AwsError(AwsError::Category::Network,
                         tr("The proxy %1 refused the connection to %2 (it answered \"%3\").")
                                 .arg(name, host, probe.statusLine) +
                             u' ' + check);
    } else {
        // No answer from the proxy (its own failure then says why), or it accepts the tunnel now.
        //: %1 the proxy's host:port, %2 why (Qt's or the system's words, e.g. "Connection refused")
        error = AwsError(
            AwsError::Category::Network,
            tr("Could not connect through the proxy %1: %2.")
                    .arg(name, probe.status > 0 || probe.statusLine.isEmpty() ? qtReason : probe.statusLine) +
                u' ' + check);
    }
    error.setCode(AwsError::proxyConnectionCode()).setAction(m_action);
    return error;
}

void TransportCall::failThroughProxy(const AwsError &error, const Headers &headers)
{
    // A refused user name and password or a proxy policy does not change on the next attempt; an
    // unreachable or failing proxy may, and is retried like any connection failure.
    if (error.category() == AwsError::Category::Configuration)
        finish(error);
    else
        handleFailure(error, headers);
}

void TransportCall::finish(const AwsResult<AwsResponse> &result)
{
    if (m_done)
        return;
    m_done = true;
    dropReply(true);
    const AwsTransport::Callback callback = std::move(m_callback);
    m_callback = nullptr;
    const bool deliver = !m_hasContext || !m_context.isNull();
    // Nothing touches `this` after the callback: it may destroy the transport, and with it this call.
    deleteLater();
    if (deliver && callback)
        callback(result);
}

void TransportCall::dropReply(bool abort)
{
    m_connectTimer.stop();
    m_readTimer.stop();
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    if (!reply)
        return;
    disconnect(reply, nullptr, this, nullptr);
    if (abort && reply->isRunning())
        reply->abort();
    reply->deleteLater();
}
