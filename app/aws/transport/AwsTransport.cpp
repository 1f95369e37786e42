// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/transport/AwsTransport.h"

#include "aws/transport/AwsProxyFactory.h"
#include "aws/transport/TransportCall.h"

#include <QAuthenticator>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QTimer>

#include <string_view>

using namespace Qt::StringLiterals;

namespace {

double systemRandom()
{
    return QRandomGenerator::global()->generateDouble();
}

void timerScheduler(int delayMs, QObject *context, std::function<void()> task)
{
    QTimer::singleShot(delayMs, context, std::move(task));
}

} // namespace

AwsTransport::AwsTransport(QNetworkAccessManager *network, CredentialsProvider *credentials, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_credentials(credentials)
    , m_policy(m_options.maxAttempts, m_options.maxBackoffMs, m_options.maxRetryAfterMs)
    , m_quota(m_options.retryQuotaCapacity)
    , m_clock(systemAwsClock())
    , m_random(systemRandom)
    , m_scheduler(timerScheduler)
{
    AwsProxyFactory::install(m_network, m_options.proxy);
    if (m_network) {
        connect(m_network, &QNetworkAccessManager::proxyAuthenticationRequired, this,
                [this](const QNetworkProxy &proxy, QAuthenticator *authenticator) {
                    Q_EMIT proxyAuthenticationRequired(proxy, authenticator);
                    m_proxyCredentialsOffered = !authenticator->user().isEmpty();
                });
    }
}

// Calls are children: destroying the transport aborts them without invoking their callbacks.
AwsTransport::~AwsTransport() = default;

void AwsTransport::setOptions(const AwsTransportOptions &options)
{
    const bool newCapacity = options.retryQuotaCapacity != m_options.retryQuotaCapacity;
    m_options = options;
    m_policy = RetryPolicy(options.maxAttempts, options.maxBackoffMs, options.maxRetryAfterMs);
    if (newCapacity)
        m_quota.reset(options.retryQuotaCapacity);
    AwsProxyFactory::install(m_network, options.proxy);
}

void AwsTransport::setClock(Clock clock)
{
    m_clock = clock ? std::move(clock) : systemAwsClock();
}

void AwsTransport::setRandomSource(RandomSource random)
{
    m_random = random ? std::move(random) : RandomSource(systemRandom);
}

void AwsTransport::setScheduler(Scheduler scheduler)
{
    m_scheduler = scheduler ? std::move(scheduler) : Scheduler(timerScheduler);
}

QDateTime AwsTransport::now() const
{
    return m_skew.correct(m_clock());
}

QByteArray AwsTransport::userAgent()
{
    return QByteArrayLiteral("sessionscope/" SESSIONSCOPE_VERSION);
}

QByteArray AwsTransport::userAgent(const QString &appId)
{
    QByteArray agent = userAgent();
    if (appId.isEmpty())
        return agent;
    static constexpr std::string_view allowed = "!#$%&'*+-.^_`|~,";
    agent += " app/";
    // Per character (code point), as botocore: "café ü" becomes "caf---".
    for (const char32_t c : appId.toUcs4()) {
        const bool ok = (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= U'0' && c <= U'9') ||
                        (c < 0x80 && allowed.find(char(c)) != std::string_view::npos);
        agent += ok ? char(c) : '-';
    }
    return agent;
}

void AwsTransport::setRateLimiterClock(ClientRateLimiter::Clock clock)
{
    m_rateLimiter = ClientRateLimiter(std::move(clock));
}

CallHandle AwsTransport::send(const AwsRequest &request, const QString &signingName, const QString &region,
                              const QString &action, QObject *context, Callback callback)
{
    auto *call = new TransportCall(this, context, std::move(callback));
    const QString scheme = request.endpoint.scheme().toLower();
    if (!request.endpoint.isValid() || request.endpoint.host().isEmpty() ||
        (scheme != u"https"_s && scheme != u"http"_s)) {
        AwsError error(AwsError::Category::Configuration,
                       tr("The endpoint \"%1\" is not an http(s) URL with a host.")
                           .arg(request.endpoint.toDisplayString()));
        call->startFailed(error.setAction(action));
    } else if (region.isEmpty()) {
        AwsError error(AwsError::Category::Configuration, tr("No AWS region is set."));
        call->startFailed(error.setAction(action));
    } else if (!m_network) {
        AwsError error(AwsError::Category::Configuration, tr("No network access manager."));
        call->startFailed(error.setAction(action));
    } else {
        call->start(request, signingName, region, action);
    }
    return CallHandle(call);
}

CallHandle AwsTransport::fail(const AwsError &error, QObject *context, Callback callback)
{
    auto *call = new TransportCall(this, context, std::move(callback));
    call->startFailed(error);
    return CallHandle(call);
}
