// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/credentials/sso/SsoDeviceLogin.h"

#include "aws/config/SharedConfig.h"
#include "aws/credentials/AwsCliCacheFile.h"
#include "aws/credentials/sso/SsoEndpoints.h"
#include "aws/credentials/sso/SsoOidcClient.h"
#include "aws/credentials/sso/SsoRegistrationCache.h"
#include "aws/credentials/sso/SsoTokenCache.h"
#include "aws/transport/AwsTransport.h"

#include <QTimer>

#include <optional>

using namespace Qt::StringLiterals;

namespace {

// RFC 8628: a slow_down answer adds five seconds to the polling interval.
constexpr int slowDownSeconds = 5;

} // namespace

class SsoDeviceLogin::Private
{
public:
    Private(SsoDeviceLogin *q, QProcessEnvironment env, const SharedConfig &config,
            QNetworkAccessManager *network, AwsClock clock)
        : q(q)
        , env(std::move(env))
        , config(config)
        , clock(std::move(clock))
        , transport(network, nullptr)
        , registrations(SsoTokenCache::defaultFolder(this->env))
        , tokens(SsoTokenCache::defaultFolder(this->env))
    {
        pollTimer.setSingleShot(true);
    }

    void registered(const SsoClientRegistration &registration);
    void authorized(const SsoOidcClient::DeviceAuthorization &authorization);
    void poll();
    void finish(const AwsResult<QDateTime> &result);

    SsoDeviceLogin *q;
    QProcessEnvironment env;
    SharedConfig config;
    AwsClock clock;
    AwsTransport transport;
    SsoRegistrationCache registrations;
    SsoTokenCache tokens;
    std::optional<SsoOidcClient> oidc;
    SsoClientRegistration registration;
    QString deviceCode;
    QDateTime codeExpiresAt;
    int intervalSeconds = 5;
    QTimer pollTimer;
    CallHandle call;
    bool started = false;
    bool done = false;
};

SsoDeviceLogin::SsoDeviceLogin(SsoProfile profile, QProcessEnvironment env, const SharedConfig &config,
                               QNetworkAccessManager *network, AwsClock clock, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, std::move(env), config, network, std::move(clock)))
    , m_profile(std::move(profile))
{
    connect(&d->pollTimer, &QTimer::timeout, this, [this] { d->poll(); });
    setProxySettings(ProxySettings::fromEnvironment(d->env));
}

void SsoDeviceLogin::setTlsSettings(const TlsSettings &tls)
{
    AwsTransportOptions options = d->transport.options();
    options.tls = tls;
    d->transport.setOptions(options);
}

void SsoDeviceLogin::setProxySettings(const ProxySettings &proxy)
{
    AwsTransportOptions options = d->transport.options();
    options.proxy = proxy;
    d->transport.setOptions(options);
}

SsoDeviceLogin::~SsoDeviceLogin()
{
    d->call.cancel();
    d->deviceCode.fill(u'\0');
}

void SsoDeviceLogin::start()
{
    if (d->started)
        return;
    d->started = true;

    const AwsResult<EndpointResolver::Resolved> endpoint =
        SsoEndpoints::oidc(d->env, d->config, m_profile.profileName, m_profile.ssoRegion);
    if (!endpoint) {
        QTimer::singleShot(0, this, [this, error = endpoint.error()] { d->finish(error); });
        return;
    }
    d->oidc.emplace(&d->transport, endpoint.value().url, m_profile.ssoRegion);

    // The AWS CLI's registration, reused while it has more than 15 minutes left; the legacy form registers
    // without scopes and under no session name, as `aws sso login` does.
    const QString key = SsoRegistrationCache::cacheKey(m_profile.startUrl, m_profile.ssoRegion,
                                                       m_profile.registrationScopes, m_profile.sessionName);
    const AwsResult<std::optional<SsoClientRegistration>> cached = d->registrations.read(key);
    // A broken registration file is replaced, like an expired one.
    if (cached && cached.value() && cached.value()->isUsable(d->clock())) {
        // Deferred, so that finished() never comes before start() returns.
        QTimer::singleShot(0, this, [this, registration = *cached.value()] { d->registered(registration); });
        return;
    }
    const QString clientName =
        u"sessionscope-client-"_s +
        (m_profile.isLegacy() ? QString::number(d->clock().toSecsSinceEpoch()) : m_profile.sessionName);
    d->call = d->oidc->registerClient(clientName, m_profile.registrationScopes, this,
                                      [this, key](const AwsResult<SsoClientRegistration> &answer) {
                                          if (!answer) {
                                              d->finish(answer.error());
                                              return;
                                          }
                                          const AwsResult<std::monostate> saved =
                                              d->registrations.write(key, answer.value());
                                          if (!saved) {
                                              d->finish(saved.error());
                                              return;
                                          }
                                          d->registered(answer.value());
                                      });
}

void SsoDeviceLogin::cancel()
{
    if (d->done)
        return;
    d->call.cancel();
    d->pollTimer.stop();
    d->finish(AwsError(AwsError::Category::Cancelled, tr("The IAM Identity Center sign-in was cancelled.")));
}

void SsoDeviceLogin::Private::registered(const SsoClientRegistration &clientRegistration)
{
    if (done)
        return;
    registration = clientRegistration;
    call =
        oidc->startDeviceAuthorization(registration, q->m_profile.startUrl, q,
                                       [this](const AwsResult<SsoOidcClient::DeviceAuthorization> &answer) {
                                           if (!answer)
                                               finish(answer.error());
                                           else
                                               authorized(answer.value());
                                       });
}

void SsoDeviceLogin::Private::authorized(const SsoOidcClient::DeviceAuthorization &authorization)
{
    if (done)
        return;
    deviceCode = authorization.deviceCode;
    intervalSeconds = authorization.interval;
    codeExpiresAt = clock().addSecs(authorization.expiresIn);
    Q_EMIT q->verificationReady(authorization.verificationUriComplete, authorization.userCode,
                                authorization.verificationUri, codeExpiresAt);
    if (!done)
        poll();
}

void SsoDeviceLogin::Private::poll()
{
    if (done)
        return;
    if (clock() >= codeExpiresAt) {
        finish(AwsError(AwsError::Category::Timeout,
                        tr("The sign-in code expired before it was approved. Start the sign-in again.")));
        return;
    }
    call = oidc->createTokenWithDeviceCode(
        registration, deviceCode, q, [this](const AwsResult<SsoOidcClient::Token> &answer) {
            if (done)
                return;
            if (answer) {
                const SsoProfile &profile = q->m_profile;
                SsoToken token;
                token.startUrl = profile.startUrl;
                token.region = profile.ssoRegion;
                token.accessToken = answer.value().accessToken;
                token.expiresAt = AwsCliCacheFile::wholeSeconds(clock().addSecs(answer.value().expiresIn));
                token.clientId = registration.clientId;
                token.clientSecret = registration.clientSecret;
                token.registrationExpiresAt = registration.expiresAt;
                token.refreshToken = answer.value().refreshToken;
                const AwsResult<std::monostate> saved = tokens.write(profile.cacheKey(), token);
                if (saved)
                    finish(token.expiresAt);
                else
                    finish(saved.error());
                return;
            }
            const AwsError &error = answer.error();
            const QString code = error.code();
            if (code == u"AuthorizationPendingException"_s || code == u"SlowDownException"_s) {
                if (code == u"SlowDownException"_s)
                    intervalSeconds += slowDownSeconds;
                pollTimer.start(intervalSeconds * 1000);
            } else if (code == u"ExpiredTokenException"_s) {
                finish(
                    AwsError(AwsError::Category::Timeout,
                             tr("The sign-in code expired before it was approved. Start the sign-in again."))
                        .setCode(code));
            } else if (code == u"AccessDeniedException"_s) {
                finish(AwsError(AwsError::Category::AccessDenied,
                                tr("The IAM Identity Center sign-in was refused."))
                           .setCode(code));
            } else {
                finish(error);
            }
        });
}

void SsoDeviceLogin::Private::finish(const AwsResult<QDateTime> &result)
{
    if (done)
        return;
    done = true;
    pollTimer.stop();
    deviceCode.fill(u'\0');
    Q_EMIT q->finished(result);
}
