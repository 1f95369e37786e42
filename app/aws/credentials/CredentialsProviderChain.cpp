// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/credentials/CredentialsProviderChain.h"

#include "aws/config/SharedConfig.h"
#include "aws/credentials/CredentialsCallback.h"
#include "aws/credentials/EnvironmentCredentialsProvider.h"
#include "aws/credentials/ProfileCredentialsProvider.h"
#include "aws/credentials/WebIdentityProvider.h"
#include "aws/credentials/machine/ContainerCredentialsProvider.h"
#include "aws/credentials/machine/InstanceMetadataProvider.h"
#include "aws/credentials/sts/RoleCredentialsCache.h"
#include "aws/transport/AwsProxyFactory.h"

#include <QCoreApplication>

#include <utility>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CredentialsProviderChain", text);
}

} // namespace

CredentialsProviderChain::CredentialsProviderChain(QString explicitProfile, QProcessEnvironment env,
                                                   AwsClock clock, ProfileFallback fallback)
    : m_explicitProfile(std::move(explicitProfile))
    , m_env(std::move(env))
    , m_clock(std::move(clock))
    , m_fallback(std::move(fallback))
    , m_proxy(ProxySettings::fromEnvironment(m_env))
{}

std::shared_ptr<const CredentialsContext> CredentialsProviderChain::makeContext(const SharedConfig &config,
                                                                                const QString &profileName)
{
    auto context = std::make_shared<CredentialsContext>();
    context->env = m_env;
    context->config = config;
    context->clock = m_clock;
    if (!m_network)
        m_network = std::make_shared<QNetworkAccessManager>();
    // The metadata calls use the network directly; the providers' transports apply the same settings.
    AwsProxyFactory::install(m_network.get(), m_proxy);
    context->network = m_network;
    context->prompts = m_prompts;
    context->tls = m_tls;
    context->proxy = m_proxy;
    context->region = m_region;
    context->processTimeoutMs = m_processTimeoutMs;
    const auto setting = [&](const QString &variable, const QString &key) {
        const QString fromEnv = m_env.value(variable).trimmed();
        return fromEnv.isEmpty() ? config.profileValue(profileName, key).trimmed() : fromEnv;
    };
    bool ok = false;
    const double timeoutSeconds =
        setting(u"AWS_METADATA_SERVICE_TIMEOUT"_s, u"metadata_service_timeout"_s).toDouble(&ok);
    if (ok && timeoutSeconds > 0)
        context->metadataTimeoutMs = int(timeoutSeconds * 1000);
    const int attempts =
        setting(u"AWS_METADATA_SERVICE_NUM_ATTEMPTS"_s, u"metadata_service_num_attempts"_s).toInt(&ok);
    if (ok && attempts > 0)
        context->metadataAttempts = attempts;
    return context;
}

AwsResult<std::shared_ptr<CredentialsProvider>> CredentialsProviderChain::select()
{
    using Result = AwsResult<std::shared_ptr<CredentialsProvider>>;
    using Kind = ProfileCredentialsProvider::Kind;
    m_selectedIsLastResort = false;

    if (!m_explicitProfile.isEmpty()) {
        const AwsResult<SharedConfig> config = SharedConfig::load(m_env);
        if (!config)
            return config.error();
        if (config.value().hasProfile(m_explicitProfile)) {
            return Result(std::make_shared<ProfileCredentialsProvider>(
                makeContext(config.value(), m_explicitProfile), m_explicitProfile));
        }
        if (m_fallback) {
            if (std::shared_ptr<CredentialsProvider> provider = m_fallback(m_explicitProfile))
                return provider;
        }
        return AwsError(AwsError::Category::Configuration,
                        tr("The profile \"%1\" was not found in %2%3.")
                            .arg(m_explicitProfile, config.value().filesDescription(),
                                 m_fallback ? tr(" or among SessionScope's own profiles") : QString()));
    }

    if (EnvironmentCredentialsProvider::isConfigured(m_env))
        return std::shared_ptr<CredentialsProvider>(
            std::make_shared<EnvironmentCredentialsProvider>(m_env, m_clock));

    const AwsResult<SharedConfig> config = SharedConfig::load(m_env);
    if (!config)
        return config.error();
    const QString name = SharedConfig::selectedProfileName(QString(), m_env);
    const bool namedByEnv =
        !m_env.value(u"AWS_DEFAULT_PROFILE"_s).isEmpty() || !m_env.value(u"AWS_PROFILE"_s).isEmpty();
    m_nothingFound =
        tr("No AWS credentials found. Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, add a [default] "
           "profile to %1 (for example with \"aws configure\"), or choose a profile with --profile.")
            .arg(config.value().credentialsFile().displayPath());
    const std::shared_ptr<const CredentialsContext> context = makeContext(config.value(), name);
    const bool hasProfile = config.value().hasProfile(name);
    const Kind kind = hasProfile ? ProfileCredentialsProvider::kindOf(config.value(), name) : Kind::None;

    if (kind == Kind::AssumeRole || kind == Kind::AssumeRoleWithMfa)
        return Result(std::make_shared<ProfileCredentialsProvider>(context, name));
    if (!m_env.value(u"AWS_WEB_IDENTITY_TOKEN_FILE"_s).trimmed().isEmpty()) {
        return Result(
            std::make_shared<WebIdentityProvider>(WebIdentityProvider::settings(*context, name, true),
                                                  context, std::make_shared<RoleCredentialsCache>(m_env)));
    }
    if (kind != Kind::None)
        return Result(std::make_shared<ProfileCredentialsProvider>(context, name));
    if (!hasProfile && m_fallback) {
        if (std::shared_ptr<CredentialsProvider> provider = m_fallback(name))
            return provider;
    }
    if (!hasProfile && namedByEnv) {
        return AwsError(AwsError::Category::Configuration,
                        tr("The profile \"%1\" named by %2 was not found in %3.")
                            .arg(name,
                                 m_env.value(u"AWS_DEFAULT_PROFILE"_s).isEmpty() ? u"AWS_PROFILE"_s
                                                                                 : u"AWS_DEFAULT_PROFILE"_s,
                                 config.value().filesDescription()));
    }
    if (ContainerCredentialsProvider::isConfigured(m_env))
        return Result(std::make_shared<ContainerCredentialsProvider>(context));
    if (InstanceMetadataProvider::isEnabled(m_env)) {
        m_selectedIsLastResort = true;
        return Result(std::make_shared<InstanceMetadataProvider>(context, name));
    }
    return AwsError(AwsError::Category::Credentials, m_nothingFound);
}

AwsResult<std::shared_ptr<CredentialsProvider>> CredentialsProviderChain::selectedProvider()
{
    if (m_selected)
        return m_selected;
    AwsResult<std::shared_ptr<CredentialsProvider>> selected = select();
    if (selected) {
        m_selected = selected.value();
        // The provider before it was invalidated because the service refused its credentials; the
        // new one must not take them again from a file cache (~/.aws/cli/cache) it shares.
        if (std::exchange(m_invalidated, false))
            m_selected->invalidate();
    }
    return selected;
}

void CredentialsProviderChain::fetch(QObject *context, Callback callback)
{
    const AwsResult<std::shared_ptr<CredentialsProvider>> selected = selectedProvider();
    if (!selected) {
        CredentialsCallback(context, std::move(callback)).invoke(selected.error());
        return;
    }
    if (!m_selectedIsLastResort) {
        selected.value()->fetch(context, std::move(callback));
        return;
    }
    // Instance metadata is the chain's last try: when it has nothing, nothing was found anywhere.
    selected.value()->fetch(context, [callback = std::move(callback), nothingFound = m_nothingFound](
                                         const AwsResult<AwsCredentials> &result) {
        if (result || result.error().category() != AwsError::Category::Credentials) {
            callback(result);
            return;
        }
        callback(AwsError(AwsError::Category::Credentials,
                          nothingFound + u' ' + tr("(%1)").arg(result.error().message())));
    });
}

void CredentialsProviderChain::invalidate()
{
    if (!m_selected)
        return;
    m_selected->invalidate();
    m_invalidated = true;
    // It may still be answering a fetch (a running credential_process); destroying it would drop that
    // callback, so it lives as long as the chain. Invalidation is rare: this stays small.
    m_retired.append(std::exchange(m_selected, nullptr));
}

QString CredentialsProviderChain::description() const
{
    if (m_selected)
        return m_selected->description();
    if (!m_explicitProfile.isEmpty())
        return tr("profile %1").arg(m_explicitProfile);
    return tr("environment, then profile %1, then container and instance metadata")
        .arg(SharedConfig::selectedProfileName(QString(), m_env));
}
