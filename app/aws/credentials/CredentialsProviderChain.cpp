// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/credentials/CredentialsProviderChain.h"

#include "aws/config/SharedConfig.h"
#include "aws/credentials/CredentialsCallback.h"
#include "aws/credentials/EnvironmentCredentialsProvider.h"
#include "aws/credentials/ProfileCredentialsProvider.h"

#include <QCoreApplication>

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
{}

AwsResult<std::shared_ptr<CredentialsProvider>> CredentialsProviderChain::select() const
{
    using Result = AwsResult<std::shared_ptr<CredentialsProvider>>;
    const auto fromSharedFiles = [&](const SharedConfig &config, const QString &name) -> Result {
        auto provider = std::make_shared<ProfileCredentialsProvider>(config, name, m_env, m_clock);
        provider->setProcessTimeout(m_processTimeoutMs);
        return std::shared_ptr<CredentialsProvider>(std::move(provider));
    };

    if (!m_explicitProfile.isEmpty()) {
        const AwsResult<SharedConfig> config = SharedConfig::load(m_env);
        if (!config)
            return config.error();
        if (config.value().hasProfile(m_explicitProfile))
            return fromSharedFiles(config.value(), m_explicitProfile);
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
    const QString fromEnv = m_env.value(u"AWS_PROFILE"_s);
    const QString name = SharedConfig::selectedProfileName(QString(), m_env);
    const AwsError nothingFound(
        AwsError::Category::Credentials,
        tr("No AWS credentials found. Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, add a [default] "
           "profile "
           "to %1 (for example with \"aws configure\"), or choose a profile with --profile.")
            .arg(config.value().credentialsFile().displayPath()));

    if (config.value().hasProfile(name)) {
        const auto kind = ProfileCredentialsProvider::kindOf(config.value().profile(name));
        // An implicit default profile that only sets a region is not a credentials source.
        if (fromEnv.isEmpty() && kind == ProfileCredentialsProvider::Kind::None)
            return nothingFound;
        return fromSharedFiles(config.value(), name);
    }
    if (m_fallback) {
        if (std::shared_ptr<CredentialsProvider> provider = m_fallback(name))
            return provider;
    }
    if (!fromEnv.isEmpty()) {
        return AwsError(AwsError::Category::Configuration,
                        tr("The profile \"%1\" named by AWS_PROFILE was not found in %2.")
                            .arg(name, config.value().filesDescription()));
    }
    return nothingFound;
}

AwsResult<std::shared_ptr<CredentialsProvider>> CredentialsProviderChain::selectedProvider()
{
    if (m_selected)
        return m_selected;
    AwsResult<std::shared_ptr<CredentialsProvider>> selected = select();
    if (selected)
        m_selected = selected.value();
    return selected;
}

void CredentialsProviderChain::fetch(QObject *context, Callback callback)
{
    const AwsResult<std::shared_ptr<CredentialsProvider>> selected = selectedProvider();
    if (!selected) {
        CredentialsCallback(context, std::move(callback)).invoke(selected.error());
        return;
    }
    selected.value()->fetch(context, std::move(callback));
}

void CredentialsProviderChain::invalidate()
{
    if (!m_selected)
        return;
    m_selected->invalidate();
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
    return tr("environment, then profile %1").arg(SharedConfig::selectedProfileName(QString(), m_env));
}
