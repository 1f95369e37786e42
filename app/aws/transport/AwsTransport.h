// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsClock.h"
#include "aws/AwsError.h"
#include "aws/AwsResult.h"
#include "aws/signing/SigV4Signer.h"
#include "aws/transport/AwsRequest.h"
#include "aws/transport/AwsResponse.h"
#include "aws/transport/AwsTransportOptions.h"
#include "aws/transport/CallHandle.h"
#include "aws/transport/ClientRateLimiter.h"
#include "aws/transport/ClockSkew.h"
#include "aws/transport/RetryPolicy.h"
#include "aws/transport/RetryQuota.h"

#include <QDateTime>
#include <QNetworkProxy>
#include <QObject>
#include <QString>

#include <functional>

class CredentialsProvider;
class QAuthenticator;
class QNetworkAccessManager;

class TransportCall;

/// Sends signed requests to AWS services over an injected QNetworkAccessManager, asynchronously and with
/// the SDKs' standard retry mode: backoff with full jitter, Retry-After, a retry quota, connect and read
/// timeouts, clock-skew correction and one refresh of expired credentials. In the adaptive retry mode
/// every attempt first waits for a token of the client-side rate limiter (through the scheduler, never
/// blocking the thread), and every answer adjusts the limiter's rate. One transport serves any
/// number of clients and services; it lives in the thread that created it.
class AwsTransport : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const AwsResult<AwsResponse> &)>;
    using Clock = AwsClock;
    /// A number in [0, 1) for the backoff jitter.
    using RandomSource = std::function<double()>;
    /// Runs `task` after `delayMs` unless `context` is destroyed first (default: QTimer::singleShot).
    using Scheduler = std::function<void(int delayMs, QObject *context, std::function<void()> task)>;

    /// `network` and `credentials` must outlive the transport. The transport chooses the proxies of
    /// `network` (AwsProxyFactory with options().proxy, now and on every setOptions()): transports that
    /// share a network must share their proxy settings.
    AwsTransport(QNetworkAccessManager *network, CredentialsProvider *credentials, QObject *parent = nullptr);
    ~AwsTransport() override;

    AwsTransportOptions options() const { return m_options; }
    /// Applies to calls started afterwards; a new retryQuotaCapacity refills the quota; options.proxy
    /// becomes the network's proxy factory at once.
    void setOptions(const AwsTransportOptions &options);

    CredentialsProvider *credentialsProvider() const { return m_credentials; }
    /// Switches credentials (another profile) for calls started afterwards.
    void setCredentialsProvider(CredentialsProvider *credentials) { m_credentials = credentials; }

    /// The local clock (default: QDateTime::currentDateTimeUtc). Tests inject a fixed one. For all three
    /// setters an empty function restores the default.
    void setClock(Clock clock);
    /// The jitter source (default: QRandomGenerator::global()).
    void setRandomSource(RandomSource random);
    /// How retries wait (default: QTimer::singleShot); tests run them at once and record the delay.
    void setScheduler(Scheduler scheduler);

    /// The corrected clock the transport signs with: the local clock plus the learnt clock skew.
    QDateTime now() const;
    /// Server minus local time in ms, learnt from answers that rejected a request's time.
    qint64 clockSkewMs() const { return m_skew.offsetMs(); }
    /// Tokens left in the retry quota (see RetryQuota).
    int retryQuotaAvailable() const { return m_quota.available(); }

    /// The client-side rate limiter of the adaptive retry mode (used only in that mode).
    const ClientRateLimiter &rateLimiter() const { return m_rateLimiter; }
    /// The limiter's clock (seconds, monotonic); tests drive it by hand. Starts a fresh limiter; an empty
    /// function restores the default.
    void setRateLimiterClock(ClientRateLimiter::Clock clock);

    /// The User-Agent every request carries: "sessionscope/<version>".
    static QByteArray userAgent();
    /// The User-Agent with the SDKs' application id component, "sessionscope/<version> app/<id>", where
    /// every character of `appId` other than ASCII letters, digits and !#$%&'*+-.^_`|~, becomes '-' (as
    /// botocore's useragent.py does); an empty `appId` adds nothing.
    static QByteArray userAgent(const QString &appId);

    /// Signs and sends `request` to the service `signingName` ("workspaces-web", "qapps") in `region`,
    /// or sends it unsigned, without fetching credentials, when `signingName` is empty (STS
    /// AssumeRoleWithWebIdentity, the SSO portal and OIDC, container credentials, instance metadata),
    /// retrying as the options say. `action` is the IAM action ("workspaces-web:ListSessions"), put into
    /// every error. `callback` runs exactly once, on this thread and never before send() returns, with the
    /// 2xx answer or the error of the last attempt (non-2xx answers become AwsError::fromHttpResponse, with
    /// the request id) - unless the handle is cancelled or a non-null `context` is destroyed first
    /// (either aborts the request).
    ///
    /// Timeouts: the read timeout is an idle timeout running from the start of each attempt. The connect
    /// timeout runs while Qt opens a new connection; with Qt 6.4 its end is only observable for https and
    /// for requests with a body, so a plain-http GET is bounded by the read timeout alone.
    CallHandle send(const AwsRequest &request, const QString &signingName, const QString &region,
                    const QString &action, QObject *context, Callback callback);

    /// Delivers `error` through `callback` later (queued), with the same contract as send(): for
    /// requests a client refuses to send, e.g. a Validation error.
    CallHandle fail(const AwsError &error, QObject *context, Callback callback);

Q_SIGNALS:
    /// A call failed with `error` and will be tried again as attempt number `attempt` (2 for the first
    /// retry) after `delayMs` - e.g. "AWS is limiting requests; retrying in N s".
    void retrying(const QString &action, int attempt, int delayMs, const AwsError &error);
    /// The transport learnt a new clock offset (server minus local, ms) and re-signs with it.
    void clockSkewCorrected(qint64 offsetMs);
    /// The proxy answered 407: it wants a user name and password, or refused those of the proxy URL.
    /// The network's QNetworkAccessManager::proxyAuthenticationRequired, passed on. A slot (connected
    /// directly: the authenticator is read when it returns) may fill `authenticator` with a user and
    /// password, e.g. from a prompt; Qt then repeats the request with them and caches them for the
    /// proxy. Left empty (nobody asked, the person cancelled), the call fails with the Configuration
    /// error AwsError::proxyAuthenticationCode(), which is not retried.
    void proxyAuthenticationRequired(const QNetworkProxy &proxy, QAuthenticator *authenticator);

private:
    friend class TransportCall;

    QNetworkAccessManager *m_network;
    CredentialsProvider *m_credentials;
    AwsTransportOptions m_options;
    RetryPolicy m_policy;
    RetryQuota m_quota;
    ClockSkew m_skew;
    ClientRateLimiter m_rateLimiter;
    SigV4Signer m_signer;
    Clock m_clock;
    RandomSource m_random;
    Scheduler m_scheduler;
    /// Whether the proxy was last offered a user name (from its URL or a slot): its 407 then means
    /// "refused", not "asked for".
    bool m_proxyCredentialsOffered = false;
};
