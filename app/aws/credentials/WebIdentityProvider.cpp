// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/credentials/WebIdentityProvider.h"

#include "aws/credentials/sts/StsClient.h"
#include "aws/credentials/sts/StsLocation.h"
#include "aws/transport/AwsTransport.h"

#include <QCoreApplication>
#include <QFile>

using namespace Qt::StringLiterals;

WebIdentityProvider::Settings WebIdentityProvider::settings(const CredentialsContext &context,
                                                            const QString &profileName, bool useEnvironment)
{
    Settings settings;
    settings.profileName = profileName;
    bool fromEnv = false;
    const auto value = [&](const QString &variable, const QString &key) {
        if (useEnvironment && context.env.contains(variable)) {
            fromEnv = true;
            return context.env.value(variable).trimmed();
        }
        return context.config.profileValue(profileName, key).trimmed();
    };
    settings.tokenFile = value(u"AWS_WEB_IDENTITY_TOKEN_FILE"_s, u"web_identity_token_file"_s);
    const bool tokenFromEnv = fromEnv;
    settings.roleArn = value(u"AWS_ROLE_ARN"_s, u"role_arn"_s);
    settings.roleSessionName = value(u"AWS_ROLE_SESSION_NAME"_s, u"role_session_name"_s);
    settings.origin =
        tokenFromEnv ? tr("environment (AWS_WEB_IDENTITY_TOKEN_FILE)") : tr("profile %1").arg(profileName);
    return settings;
}

WebIdentityProvider::WebIdentityProvider(Settings settings, std::shared_ptr<const CredentialsContext> context,
                                         std::shared_ptr<const RoleCredentialsCache> cache, QObject *parent)
    : RefreshingCredentialsProvider(context->clock, RoleCredentialsCache::expiryWindowSeconds, parent)
    , m_settings(std::move(settings))
    , m_context(std::move(context))
    , m_cache(std::move(cache))
{
    m_sessionName = m_settings.roleSessionName.isEmpty()
                        ? StsClient::defaultRoleSessionName(m_context->clock())
                        : m_settings.roleSessionName;
}

WebIdentityProvider::~WebIdentityProvider() = default;

QString WebIdentityProvider::cacheKey() const
{
    RoleCredentialsCache::Arguments arguments = {{u"RoleArn"_s, m_settings.roleArn}};
    if (!m_settings.roleSessionName.isEmpty())
        arguments.append({u"RoleSessionName"_s, m_settings.roleSessionName});
    return RoleCredentialsCache::key(arguments);
}

void WebIdentityProvider::invalidate()
{
    RefreshingCredentialsProvider::invalidate();
    m_skipFileCache = true;
}

QString WebIdentityProvider::description() const
{
    return tr("web identity (role %1, %2)").arg(m_settings.roleArn, m_settings.origin);
}

void WebIdentityProvider::load()
{
    if (m_settings.roleArn.isEmpty()) {
        finish(
            AwsError(AwsError::Category::Configuration,
                     tr("The %1 sets a web identity token file but no role: set role_arn in the profile or "
                        "AWS_ROLE_ARN.")
                         .arg(m_settings.origin)));
        return;
    }
    if (m_cache && !std::exchange(m_skipFileCache, false)) {
        if (const std::optional<StsClient::AssumedRole> cached = m_cache->load(cacheKey(), now())) {
            AwsCredentials credentials = cached->credentials;
            credentials.source = description();
            finish(credentials);
            return;
        }
    }
    QFile file(m_settings.tokenFile);
    if (!file.open(QIODevice::ReadOnly)) {
        finish(AwsError(AwsError::Category::Credentials,
                        tr("Could not read the web identity token file %1 (from the %2): %3")
                            .arg(m_settings.tokenFile, m_settings.origin, file.errorString())));
        return;
    }
    const QString token = QString::fromUtf8(file.read(1024 * 1024)).trimmed();
    if (token.isEmpty()) {
        finish(AwsError(AwsError::Category::Credentials,
                        tr("The web identity token file %1 (from the %2) is empty.")
                            .arg(m_settings.tokenFile, m_settings.origin)));
        return;
    }
    const AwsResult<StsLocation> location = StsLocation::resolve(*m_context, m_settings.profileName);
    if (!location) {
        finish(location.error());
        return;
    }
    if (!m_transport) {
        // Unsigned calls: the transport never asks these credentials.
        m_transport = std::make_unique<AwsTransport>(m_context->network.get(), nullptr);
        m_transport->setClock(m_context->clock);
        m_context->configure(*m_transport);
    }
    m_sts =
        std::make_unique<StsClient>(m_transport.get(), location.value().endpoint, location.value().region);
    StsClient::AssumeRoleWithWebIdentityRequest request;
    request.roleArn = m_settings.roleArn;
    request.roleSessionName = m_sessionName;
    request.webIdentityToken = token;
    m_sts->assumeRoleWithWebIdentity(request, this, [this](const AwsResult<StsClient::AssumedRole> &role) {
        if (!role) {
            finish(role.error());
            return;
        }
        if (m_cache)
            m_cache->store(cacheKey(), role.value());
        AwsCredentials credentials = role.value().credentials;
        credentials.source = description();
        finish(credentials);
    });
}
