// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/config/ConnectionResolver.h"

#include "aws/config/AppIdResolver.h"
#include "aws/config/CaBundleResolver.h"
#include "aws/config/EndpointResolver.h"
#include "aws/config/MaxAttemptsResolver.h"
#include "aws/config/RegionResolver.h"
#include "aws/config/RetryModeResolver.h"
#include "aws/config/SharedConfig.h"
#include "aws/config/TimeoutResolver.h"
#include "aws/credentials/AppProfileCredentialsProvider.h"
#include "aws/credentials/AppProfileStore.h"
#include "aws/credentials/CredentialsProviderChain.h"
#include "aws/credentials/EnvironmentCredentialsProvider.h"
#include "aws/credentials/machine/ContainerCredentialsProvider.h"
#include "aws/credentials/sso/SsoProfile.h"
#include "aws/credentials/sso/SsoTokenCache.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QPointer>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcConnectionResolver, "sessionscope.aws.config", QtWarningMsg)

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ConnectionResolver", text);
}

QString appProfilesLocation()
{
    // Spelled out: lupdate cannot tell the context of tr() outside a class.
    return QCoreApplication::translate("ConnectionResolver", "SessionScope's profiles (system keychain)");
}

// How long the cached IAM Identity Center sign-in of an IdentityCenter profile lasts.
void fillSignInState(ConnectionResolver::ProfileChoice &choice, const SharedConfig &config,
                     const QProcessEnvironment &env)
{
    const AwsResult<SsoProfile> profile = SsoProfile::fromConfig(config, choice.name);
    if (!profile)
        return;
    const AwsResult<std::optional<SsoToken>> token =
        SsoTokenCache(SsoTokenCache::defaultFolder(env)).read(profile.value().cacheKey());
    if (!token || !token.value())
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!token.value()->isExpired(now))
        choice.signedInUntil = token.value()->expiresAt;
    else
        choice.signInRefreshable = token.value()->canRefresh(now);
}

} // namespace

QString ConnectionResolver::qappsInstanceIdKey()
{
    return u"sessionscope_qapps_instance_id"_s;
}

AwsResult<ResolvedConnection> ConnectionResolver::resolve(const ConnectionOptions &options,
                                                          const QProcessEnvironment &env,
                                                          AppProfileStore *appProfiles, AwsClock clock)
{
    const AwsResult<SharedConfig> loaded = SharedConfig::load(env);
    if (!loaded)
        return loaded.error();
    const SharedConfig &config = loaded.value();

    ResolvedConnection connection;
    connection.profileName = SharedConfig::selectedProfileName(options.profile, env);
    const QString &name = connection.profileName;

    std::optional<AppProfile> appProfile;
    if (!config.hasProfile(name) && appProfiles)
        appProfile = appProfiles->profile(name);
    if (appProfile) {
        connection.profileSource = ResolvedConnection::ProfileSource::AppManaged;
    } else if (!config.hasProfile(name)) {
        //: Appended to "was not found in %2" (the files searched), right after the file names.
        const QString also = appProfiles ? tr(" or among SessionScope's own profiles") : QString();
        if (!options.profile.isEmpty()) {
            return AwsError(
                AwsError::Category::Configuration,
                tr("The profile \"%1\" was not found in %2%3.").arg(name, config.filesDescription(), also));
        }
        if (!env.value(u"AWS_PROFILE"_s).isEmpty()) {
            return AwsError(AwsError::Category::Configuration,
                            tr("The profile \"%1\" named by AWS_PROFILE was not found in %2%3.")
                                .arg(name, config.filesDescription(), also));
        }
        // The implicit "default" profile may simply not exist; the environment can still do everything.
    }

    const AwsResult<RegionResolver::Resolved> region =
        appProfile
            ? RegionResolver::resolve(options.region, env, appProfile->region, name, appProfilesLocation())
            : RegionResolver::resolve(options.region, env, config.profileValue(name, u"region"_s), name,
                                      config.configFile().displayPath());
    if (!region)
        return region.error();
    connection.region = region.value().region;
    connection.regionSource = region.value().source;

    using Service = EndpointResolver::Service;
    const auto profileSettings = [&](Service service) {
        EndpointResolver::ProfileSettings settings;
        if (appProfile) {
            settings.name = name;
            settings.endpointUrl = appProfile->endpointUrl;
        } else {
            settings = EndpointResolver::profileSettings(config, name, service);
        }
        return settings;
    };
    // The same two settings apply to every service; EndpointResolver reads them again for each one.
    const AwsResult<EndpointResolver::Setting> fips =
        EndpointResolver::useFipsEndpoint(env, profileSettings(Service::WorkSpacesWeb));
    if (!fips)
        return fips.error();
    connection.useFipsEndpoint = fips.value().enabled;
    connection.useFipsEndpointSource = fips.value().source;
    const AwsResult<EndpointResolver::Setting> dualStack =
        EndpointResolver::useDualStackEndpoint(env, profileSettings(Service::WorkSpacesWeb));
    if (!dualStack)
        return dualStack.error();
    connection.useDualStackEndpoint = dualStack.value().enabled;
    connection.useDualStackEndpointSource = dualStack.value().source;

    for (const Service service : {Service::WorkSpacesWeb, Service::QApps, Service::Sts}) {
        const EndpointResolver::ProfileSettings settings = profileSettings(service);
        const AwsResult<EndpointResolver::Resolved> endpoint =
            EndpointResolver::resolve(service, options.endpointUrl, env, settings, connection.region);
        if (!endpoint)
            return endpoint.error();
        if (service == Service::WorkSpacesWeb) {
            connection.workspacesWebEndpoint = endpoint.value().url;
            connection.workspacesWebEndpointSource = endpoint.value().source;
        } else if (service == Service::QApps) {
            connection.qappsEndpoint = endpoint.value().url;
            connection.qappsEndpointSource = endpoint.value().source;
        } else {
            connection.stsEndpoint = endpoint.value().url;
            connection.stsEndpointSource = endpoint.value().source;
        }
    }

    // App-managed profiles have none of these keys: only the environment and the options count.
    const auto profileValue = [&](const QString &key) {
        return appProfile ? QString() : config.profileValue(name, key);
    };
    const AwsResult<RetryModeResolver::Resolved> retryMode =
        RetryModeResolver::resolve(env, profileValue(u"retry_mode"_s), name);
    if (!retryMode)
        return retryMode.error();
    connection.retryMode = retryMode.value().mode;
    connection.retryModeSource = retryMode.value().source;

    const AwsResult<MaxAttemptsResolver::Resolved> attempts =
        MaxAttemptsResolver::resolve(env, profileValue(u"max_attempts"_s), name, connection.retryMode);
    if (!attempts)
        return attempts.error();
    connection.maxAttempts = attempts.value().maxAttempts;
    connection.maxAttemptsSource = attempts.value().source;

    const AwsResult<TimeoutResolver::Resolved> connectTimeout = TimeoutResolver::resolve(
        u"connect_timeout"_s, options.connectTimeoutMs, u"--cli-connect-timeout"_s,
        profileValue(u"connect_timeout"_s), name, AwsTransportOptions{}.connectTimeoutMs);
    if (!connectTimeout)
        return connectTimeout.error();
    connection.connectTimeoutMs = connectTimeout.value().timeoutMs;
    connection.connectTimeoutSource = connectTimeout.value().source;
    const AwsResult<TimeoutResolver::Resolved> readTimeout =
        TimeoutResolver::resolve(u"read_timeout"_s, options.readTimeoutMs, u"--cli-read-timeout"_s,
                                 profileValue(u"read_timeout"_s), name, AwsTransportOptions{}.readTimeoutMs);
    if (!readTimeout)
        return readTimeout.error();
    connection.readTimeoutMs = readTimeout.value().timeoutMs;
    connection.readTimeoutSource = readTimeout.value().source;

    const AppIdResolver::Resolved appId = AppIdResolver::resolve(env, profileValue(u"sdk_ua_app_id"_s), name);
    if (!appId.warning.isEmpty())
        qCWarning(lcConnectionResolver).noquote() << appId.warning;
    connection.appId = appId.appId;
    connection.appIdSource = appId.source;

    const AwsResult<TlsSettings> tls = CaBundleResolver::resolve(
        options.caBundle, env,
        appProfile ? QString() : config.profileValue(name, CaBundleResolver::profileKey()), name);
    if (!tls)
        return tls.error();
    connection.tls = tls.value();

    // The GUI's choice, else the AWS CLI's: the proxy variables of the environment (never the profile:
    // botocore has no proxy key there).
    connection.proxy = options.proxy ? *options.proxy : ProxySettings::fromEnvironment(env);
    if (options.proxy && connection.proxy.source.isEmpty())
        connection.proxy.source = QCoreApplication::translate("ConnectionResolver", "connection settings");
    if (const QString problem = connection.proxy.problem(); !problem.isEmpty())
        return AwsError(AwsError::Category::Configuration, problem);

    const QPointer<AppProfileStore> store(appProfiles);
    CredentialsProviderChain::ProfileFallback fallback;
    if (appProfiles) {
        fallback = [store](const QString &profileName) -> std::shared_ptr<CredentialsProvider> {
            if (!store || !store->contains(profileName))
                return nullptr;
            return std::make_shared<AppProfileCredentialsProvider>(store.data(), profileName);
        };
    }
    auto chain = std::make_shared<CredentialsProviderChain>(options.profile, env, std::move(clock),
                                                            std::move(fallback));
    chain->setTlsSettings(connection.tls);
    chain->setProxySettings(connection.proxy);
    chain->setProcessTimeout(options.credentialProcessTimeoutMs);
    chain->setPrompts(options.prompts);
    chain->setRegion(connection.region);
    connection.credentials = std::move(chain);

    if (!options.qappsInstanceId.trimmed().isEmpty())
        connection.qappsInstanceId = options.qappsInstanceId.trimmed();
    else if (appProfile)
        connection.qappsInstanceId = appProfile->qappsInstanceId;
    else
        connection.qappsInstanceId = config.profileValue(name, qappsInstanceIdKey()).trimmed();
    return connection;
}

ConnectionResolver::AvailableProfiles
ConnectionResolver::availableProfiles(const QProcessEnvironment &env, const AppProfileStore *appProfiles)
{
    AvailableProfiles available;
    const AwsResult<SharedConfig> config = SharedConfig::load(env);
    if (config) {
        for (const QString &name : config.value().profileNames()) {
            ProfileChoice choice;
            choice.name = name;
            choice.source = ResolvedConnection::ProfileSource::SharedFiles;
            choice.location = config.value().profileLocation(name);
            choice.region = config.value().profileValue(name, u"region"_s);
            choice.kind = ProfileCredentialsProvider::kindOf(config.value(), name);
            if (choice.kind == ProfileCredentialsProvider::Kind::IdentityCenter)
                fillSignInState(choice, config.value(), env);
            available.profiles.append(choice);
        }
    } else {
        available.sharedFilesError = config.error();
    }
    if (appProfiles) {
        for (const QString &name : appProfiles->profileNames()) {
            const std::optional<AppProfile> profile = appProfiles->profile(name);
            ProfileChoice choice;
            choice.name = name;
            choice.source = ResolvedConnection::ProfileSource::AppManaged;
            choice.location = appProfilesLocation();
            choice.region = profile ? profile->region : QString();
            choice.kind = ProfileCredentialsProvider::Kind::StaticKeys;
            available.profiles.append(choice);
        }
    }
    return available;
}

bool ConnectionResolver::anyCredentialsConfigured(const QProcessEnvironment &env,
                                                  const AppProfileStore *appProfiles)
{
    if (EnvironmentCredentialsProvider::isConfigured(env) ||
        !env.value(u"AWS_WEB_IDENTITY_TOKEN_FILE"_s).trimmed().isEmpty() ||
        ContainerCredentialsProvider::isConfigured(env))
        return true;
    if (appProfiles && !appProfiles->profileNames().isEmpty())
        return true;
    const AwsResult<SharedConfig> config = SharedConfig::load(env);
    if (!config)
        return true;
    for (const QString &name : config.value().profileNames()) {
        if (ProfileCredentialsProvider::kindOf(config.value(), name) !=
            ProfileCredentialsProvider::Kind::None)
            return true;
    }
    return false;
}
