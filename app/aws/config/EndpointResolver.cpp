// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/config/EndpointResolver.h"

#include "aws/config/SharedConfig.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("EndpointResolver", text);
}

bool isTrue(const QString &value)
{
    return value.trimmed().compare(u"true", Qt::CaseInsensitive) == 0;
}

} // namespace

QString EndpointResolver::signingName(Service service)
{
    switch (service) {
    case Service::WorkSpacesWeb:
        return u"workspaces-web"_s;
    case Service::QApps:
        return u"qapps"_s;
    case Service::Sts:
        return u"sts"_s;
    case Service::Sso:
        return u"awsssoportal"_s;
    case Service::SsoOidc:
        return u"sso-oauth"_s;
    }
    return {};
}

QString EndpointResolver::environmentSuffix(Service service)
{
    return servicesKey(service).toUpper();
}

QString EndpointResolver::servicesKey(Service service)
{
    switch (service) {
    case Service::WorkSpacesWeb:
        return u"workspaces_web"_s;
    case Service::QApps:
        return u"qapps"_s;
    case Service::Sts:
        return u"sts"_s;
    case Service::Sso:
        return u"sso"_s;
    case Service::SsoOidc:
        return u"sso_oidc"_s;
    }
    return {};
}

bool EndpointResolver::isSignInService(Service service)
{
    return service == Service::Sts || service == Service::Sso || service == Service::SsoOidc;
}

QUrl EndpointResolver::defaultEndpoint(Service service, const QString &region)
{
    QString prefix;
    switch (service) {
    case Service::WorkSpacesWeb:
        prefix = u"workspaces-web"_s;
        break;
    case Service::QApps:
        prefix = u"data.qapps"_s;
        break;
    case Service::Sts:
        prefix = u"sts"_s;
        break;
    case Service::Sso:
        prefix = u"portal.sso"_s;
        break;
    case Service::SsoOidc:
        prefix = u"oidc"_s;
        break;
    }
    const QString domain = region.startsWith(u"cn-") ? u"amazonaws.com.cn"_s : u"amazonaws.com"_s;
    QUrl url;
    url.setScheme(u"https"_s);
    url.setHost(prefix + u'.' + region + u'.' + domain);
    return url;
}

bool EndpointResolver::isLoopbackHost(const QString &host)
{
    if (host.compare(u"localhost", Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

AwsResult<QUrl> EndpointResolver::validate(const QString &text, const QString &source)
{
    const QString trimmed = text.trimmed();
    const QUrl url(trimmed, QUrl::StrictMode);
    // Never repeat a URL that may carry a password.
    const QString shown = url.isValid() ? url.toString(QUrl::RemoveUserInfo)
                                        : (trimmed.contains(u'@') ? tr("(hidden)") : trimmed);
    const auto fail = [&](const QString &reason) {
        return AwsError(AwsError::Category::Configuration,
                        tr("The endpoint URL %1 (from %2) %3").arg(shown, source, reason));
    };
    if (!url.isValid() || url.isRelative())
        return fail(tr("is not a valid URL such as https://example.com."));
    const QString scheme = url.scheme().toLower();
    if (scheme != u"https" && scheme != u"http")
        return fail(tr("must start with https://."));
    if (url.host().isEmpty())
        return fail(tr("has no host name."));
    if (!url.userInfo().isEmpty())
        return fail(tr("must not contain a user name or password."));
    if (url.hasQuery())
        return fail(tr("must not have a query (?...)."));
    if (url.hasFragment())
        return fail(tr("must not have a fragment (#...)."));
    if (!url.path().isEmpty() && url.path() != u"/")
        return fail(tr("must not have a path; give only scheme, host and port."));
    if (scheme == u"http" && !isLoopbackHost(url.host())) {
        return fail(
            tr("uses plain http://, which is allowed only for this computer (localhost, 127.0.0.1, ::1). "
               "Use https://."));
    }
    QUrl normalized;
    normalized.setScheme(scheme);
    normalized.setHost(url.host());
    normalized.setPort(url.port());
    return normalized;
}

EndpointResolver::ProfileSettings
EndpointResolver::profileSettings(const SharedConfig &config, const QString &profileName, Service service)
{
    ProfileSettings settings;
    settings.name = profileName;
    settings.endpointUrl = config.profileValue(profileName, u"endpoint_url"_s);
    settings.ignoreConfiguredEndpointUrls =
        config.profileValue(profileName, u"ignore_configured_endpoint_urls"_s);
    if (service == Service::Sts)
        settings.stsRegionalEndpoints = config.profileValue(profileName, u"sts_regional_endpoints"_s);
    const QString servicesSection = config.profileValue(profileName, u"services"_s).trimmed();
    if (!servicesSection.isEmpty()) {
        settings.serviceEndpointUrl = config.configFile()
                                          .servicesSubSection(servicesSection, servicesKey(service))
                                          .value(u"endpoint_url"_s);
    }
    return settings;
}

AwsResult<EndpointResolver::Resolved> EndpointResolver::resolve(Service service, const QString &flagUrl,
                                                                const QProcessEnvironment &env,
                                                                const ProfileSettings &profile,
                                                                const QString &region)
{
    const auto fromSource = [](const QString &text, const QString &source) -> AwsResult<Resolved> {
        const AwsResult<QUrl> url = validate(text, source);
        if (!url)
            return url.error();
        return Resolved{url.value(), source};
    };

    if (!isSignInService(service) && !flagUrl.trimmed().isEmpty())
        return fromSource(flagUrl, u"--endpoint-url"_s);

    const QString ignoreFromEnv = env.value(u"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"_s).trimmed();
    const bool ignoreConfigured =
        ignoreFromEnv.isEmpty() ? isTrue(profile.ignoreConfiguredEndpointUrls) : isTrue(ignoreFromEnv);
    if (!ignoreConfigured) {
        const QString serviceVariable = u"AWS_ENDPOINT_URL_"_s + environmentSuffix(service);
        const QList<QPair<QString, QString>> candidates = {
            {env.value(serviceVariable), serviceVariable},
            {env.value(u"AWS_ENDPOINT_URL"_s), u"AWS_ENDPOINT_URL"_s},
            {profile.serviceEndpointUrl, tr("the services section of profile %1").arg(profile.name)},
            {profile.endpointUrl, tr("profile %1").arg(profile.name)},
        };
        for (const auto &[text, source] : candidates) {
            if (!text.trimmed().isEmpty())
                return fromSource(text, source);
        }
    }
    if (service == Service::Sts) {
        // botocore: AWS_STS_REGIONAL_ENDPOINTS, else the profile's sts_regional_endpoints, else "regional";
        // "legacy" keeps the global endpoint for the regions that had it before regional STS.
        const QString fromEnv = env.value(u"AWS_STS_REGIONAL_ENDPOINTS"_s).trimmed();
        const QString mode = (fromEnv.isEmpty() ? profile.stsRegionalEndpoints.trimmed() : fromEnv).toLower();
        const QString modeSource =
            fromEnv.isEmpty() ? tr("profile %1").arg(profile.name) : u"AWS_STS_REGIONAL_ENDPOINTS"_s;
        if (!mode.isEmpty() && mode != u"regional" && mode != u"legacy") {
            return AwsError(
                AwsError::Category::Configuration,
                tr("sts_regional_endpoints (from %1) must be \"regional\" or \"legacy\".").arg(modeSource));
        }
        static const QStringList legacyGlobalRegions = {
            u"ap-northeast-1"_s, u"ap-south-1"_s,   u"ap-southeast-1"_s, u"ap-southeast-2"_s,
            u"aws-global"_s,     u"ca-central-1"_s, u"eu-central-1"_s,   u"eu-north-1"_s,
            u"eu-west-1"_s,      u"eu-west-2"_s,    u"eu-west-3"_s,      u"sa-east-1"_s,
            u"us-east-1"_s,      u"us-east-2"_s,    u"us-west-1"_s,      u"us-west-2"_s};
        if (mode == u"legacy" && legacyGlobalRegions.contains(region))
            return Resolved{QUrl(u"https://sts.amazonaws.com"_s), modeSource};
    }
    return Resolved{defaultEndpoint(service, region), u"default"_s};
}
