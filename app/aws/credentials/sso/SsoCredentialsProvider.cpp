// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/credentials/sso/SsoCredentialsProvider.h"

#include "aws/credentials/AwsCliCacheFile.h"
#include "aws/credentials/CredentialsCallback.h"
#include "aws/credentials/sso/SsoEndpoints.h"
#include "aws/credentials/sso/SsoOidcClient.h"
#include "aws/credentials/sso/SsoPortalClient.h"
#include "aws/credentials/sso/SsoTokenCache.h"
#include "aws/transport/AwsTransport.h"

#include <QList>
#include <QNetworkAccessManager>

#include <optional>

using namespace Qt::StringLiterals;

namespace {

// botocore's SSOTokenProvider renews a token that has less than this left.
constexpr qint64 tokenRefreshWindowSeconds = 15 * 60;
// Role credentials this close to their expiry are fetched again (the CredentialsProvider contract).
constexpr qint64 credentialsRefreshMarginSeconds = 300;

} // namespace

class SsoCredentialsProvider::Private
{
public:
    Private(SsoCredentialsProvider *q, SsoProfile profile, std::shared_ptr<const CredentialsContext> context)
        : q(q)
        , profile(std::move(profile))
        , context(std::move(context))
        , cache(SsoTokenCache::defaultFolder(this->context->env))
    {}

    AwsTransport *transport()
    {
        if (!m_transport) {
            QNetworkAccessManager *network = context->network.get();
            if (!network) {
                ownNetwork = std::make_unique<QNetworkAccessManager>();
                network = ownNetwork.get();
            }
            m_transport = new AwsTransport(network, nullptr, q);
            context->configure(*m_transport);
        }
        return m_transport;
    }

    AwsError signInRequired() const
    {
        return AwsError(AwsError::Category::Credentials,
                        tr("The IAM Identity Center sign-in for profile %1 has expired. Sign in again: "
                           "sessionscope-cli login --profile %1 (or aws sso login --profile %1).")
                            .arg(profile.profileName))
            .setCode(AwsError::signInRequiredCode());
    }

    void start();
    void refreshThenUse(const SsoToken &token);
    void useToken(const SsoToken &token);
    void finish(const AwsResult<AwsCredentials> &result);

    SsoCredentialsProvider *q;
    SsoProfile profile;
    std::shared_ptr<const CredentialsContext> context;
    SsoTokenCache cache;
    std::unique_ptr<QNetworkAccessManager> ownNetwork;
    AwsTransport *m_transport = nullptr;

    std::optional<AwsCredentials> cached;
    QList<CredentialsCallback> waiting;
    bool running = false;
};

SsoCredentialsProvider::SsoCredentialsProvider(SsoProfile profile,
                                               std::shared_ptr<const CredentialsContext> context,
                                               QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, std::move(profile), std::move(context)))
{}

SsoCredentialsProvider::~SsoCredentialsProvider()
{
    // The transport (a child) aborts its calls; their callbacks are guarded by this object.
    delete d->m_transport;
    d->m_transport = nullptr;
}

void SsoCredentialsProvider::fetch(QObject *context, Callback callback)
{
    if (d->cached && !d->cached->expiresWithin(d->context->clock(), credentialsRefreshMarginSeconds)) {
        CredentialsCallback(context, std::move(callback)).invoke(*d->cached);
        return;
    }
    d->waiting.append(CredentialsCallback(context, std::move(callback)));
    if (!d->running) {
        d->running = true;
        d->start();
    }
}

void SsoCredentialsProvider::invalidate()
{
    d->cached.reset();
}

QString SsoCredentialsProvider::description() const
{
    return tr("IAM Identity Center profile %1").arg(d->profile.profileName);
}

void SsoCredentialsProvider::Private::start()
{
    QStringList missing;
    if (profile.roleName.isEmpty())
        missing.append(u"sso_role_name"_s);
    if (profile.accountId.isEmpty())
        missing.append(u"sso_account_id"_s);
    if (!missing.isEmpty()) {
        finish(AwsError(
            AwsError::Category::Configuration,
            tr("The profile \"%1\" is configured to use SSO but is missing required configuration: %2")
                .arg(profile.profileName, missing.join(u", "_s))));
        return;
    }

    const AwsResult<std::optional<SsoToken>> read = cache.read(profile.cacheKey());
    if (!read) {
        finish(read.error());
        return;
    }
    if (!read.value()) {
        finish(signInRequired());
        return;
    }
    const SsoToken &token = *read.value();
    const QDateTime now = context->clock();
    // botocore renews sso-session tokens ahead of their expiry; legacy tokens have nothing to renew with.
    if (!profile.isLegacy() && now.secsTo(token.expiresAt) < tokenRefreshWindowSeconds &&
        token.canRefresh(now)) {
        refreshThenUse(token);
        return;
    }
    useToken(token);
}

void SsoCredentialsProvider::Private::refreshThenUse(const SsoToken &token)
{
    const AwsResult<EndpointResolver::Resolved> endpoint =
        SsoEndpoints::oidc(context->env, context->config, profile.profileName, profile.ssoRegion);
    if (!endpoint) {
        finish(endpoint.error());
        return;
    }
    SsoOidcClient oidc(transport(), endpoint.value().url, profile.ssoRegion);
    oidc.createTokenWithRefreshToken(
        token.clientId, token.clientSecret, token.refreshToken, q,
        [this, token](const AwsResult<SsoOidcClient::Token> &answer) {
            if (!answer) {
                // As botocore: a failed renewal leaves the cached token, which may still do. When it does
                // not, say why: a network problem is not a reason to sign in again.
                const AwsError &error = answer.error();
                const bool transient = error.isRetryable() || error.category() == AwsError::Category::Timeout;
                if (token.isExpired(context->clock()) && transient)
                    finish(error);
                else
                    useToken(token);
                return;
            }
            SsoToken renewed = token;
            renewed.startUrl = profile.startUrl;
            renewed.region = profile.ssoRegion;
            renewed.accessToken = answer.value().accessToken;
            renewed.expiresAt =
                AwsCliCacheFile::wholeSeconds(context->clock().addSecs(answer.value().expiresIn));
            // botocore keeps only the refresh token the answer carries.
            renewed.refreshToken = answer.value().refreshToken;
            // Failing to save the renewed token does not make it unusable; the next fetch renews again.
            (void)cache.write(profile.cacheKey(), renewed);
            useToken(renewed);
        });
}

void SsoCredentialsProvider::Private::useToken(const SsoToken &token)
{
    if (token.isExpired(context->clock())) {
        finish(signInRequired());
        return;
    }
    const AwsResult<EndpointResolver::Resolved> endpoint =
        SsoEndpoints::portal(context->env, context->config, profile.profileName, profile.ssoRegion);
    if (!endpoint) {
        finish(endpoint.error());
        return;
    }
    SsoPortalClient portal(transport(), endpoint.value().url, profile.ssoRegion);
    portal.getRoleCredentials(token.accessToken, profile.accountId, profile.roleName, q,
                              [this](const AwsResult<AwsCredentials> &answer) {
                                  if (!answer) {
                                      const AwsError &error = answer.error();
                                      if (error.code() == u"UnauthorizedException"_s ||
                                          error.httpStatus() == 401)
                                          finish(signInRequired());
                                      else
                                          finish(error);
                                      return;
                                  }
                                  AwsCredentials credentials = answer.value();
                                  credentials.source = q->description();
                                  cached = credentials;
                                  finish(credentials);
                              });
}

void SsoCredentialsProvider::Private::finish(const AwsResult<AwsCredentials> &result)
{
    running = false;
    QList<CredentialsCallback> callbacks = std::exchange(waiting, {});
    for (CredentialsCallback &callback : callbacks)
        callback.invoke(result);
}
