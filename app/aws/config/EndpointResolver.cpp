// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/config/EndpointResolver.h"

#include "aws/config/AwsPartitions.h"
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

// use_fips_endpoint / use_dualstack_endpoint: the variable, else the profile's key, else false.
AwsResult<EndpointResolver::Setting> booleanSetting(const QString &key, const QString &variable,
                                                    const QProcessEnvironment &env,
                                                    const QString &profileValue, const QString &profileName)
{
    const QString fromEnv = env.value(variable).trimmed();
    const QString text = fromEnv.isEmpty() ? profileValue.trimmed() : fromEnv;
    const QString source =
        fromEnv.isEmpty() ? QCoreApplication::translate("EndpointResolver", "profile %1").arg(profileName)
                          : variable;
    if (text.isEmpty())
        return EndpointResolver::Setting{false, u"default"_s};
    if (text.compare(u"true", Qt::CaseInsensitive) == 0)
        return EndpointResolver::Setting{true, source};
    if (text.compare(u"false", Qt::CaseInsensitive) == 0)
        return EndpointResolver::Setting{false, source};
    return AwsError(AwsError::Category::Configuration,
                    QCoreApplication::translate("EndpointResolver",
                                                "%1 (from %2) must be \"true\" or \"false\", not \"%3\".")
                        .arg(key, source, text));
}

// The first part of the service's host name, to which FIPS endpoints append "-fips".
QString hostPrefix(EndpointResolver::Service service)
{
    using Service = EndpointResolver::Service;
    switch (service) {
    case Service::WorkSpacesWeb:
        return u"workspaces-web"_s;
    case Service::QApps:
        return u"data.qapps"_s;
    case Service::Sts:
        return u"sts"_s;
    case Service::Sso:
        return u"portal.sso"_s;
    case Service::SsoOidc:
        return u"oidc"_s;
    }
    return {};
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
    // Plain endpoints exist in every partition, so only an invalid region can fail; it gets no URL.
    const AwsResult<QUrl> url = defaultEndpoint(service, region, Setting{}, Setting{});
    return url ? url.value() : QUrl();
}

AwsResult<QString> EndpointResolver::validateRegion(const QString &region)
{
    if (AwsPartitions::isValidHostLabel(region))
        return region;
    return AwsError(AwsError::Category::Configuration,
                    tr("\"%1\" is not a valid region name: a region is a single host name label of letters, "
                       "digits and hyphens, such as us-east-1.")
                        .arg(region));
}

AwsResult<QUrl> EndpointResolver::defaultEndpoint(Service service, const QString &region, const Setting &fips,
                                                  const Setting &dualStack)
{
    const AwsResult<QString> valid = validateRegion(region);
    if (!valid)
        return valid.error();
    // The endpoint rules of the five services (botocore's endpoint-rule-set-1.json) differ only in the host
    // prefix, STS's global endpoint and the FIPS host names of STS and IAM Identity Center in GovCloud.
    const AwsPartition &partition = AwsPartitions::forRegion(region);
    const QString prefix = hostPrefix(service);
    const auto unsupported = [&](const QString &what, const QString &sources) {
        return AwsError(
            AwsError::Category::Configuration,
            tr("%1 (from %2) are not available in the %3 partition of region %4. Turn the setting "
               "off or set an endpoint URL.")
                .arg(what, sources, partition.id, region));
    };
    // botocore's older resolver refuses first, for the regions endpoints.json knows: all but the partition's
    // "<id>-global" pseudo-region, which only partitions.json lists.
    if (dualStack.enabled && !partition.dualStackAllowedByBotocore && region != partition.id + u"-global"_s) {
        return AwsError(
            AwsError::Category::Configuration,
            tr("Dual-stack endpoints (use_dualstack_endpoint, from %1) are not available in the %2 "
               "partition of region %3; botocore and the AWS CLI refuse them there too. Turn the "
               "setting off or set an endpoint URL.")
                .arg(dualStack.source, partition.id, region));
    }
    QString host;
    if (fips.enabled && dualStack.enabled) {
        if (!partition.supportsFips || !partition.supportsDualStack) {
            return unsupported(tr("FIPS dual-stack endpoints"),
                               tr("%1 and %2").arg(fips.source, dualStack.source));
        }
        host = prefix + u"-fips."_s + region + u'.' + partition.dualStackDnsSuffix;
    } else if (fips.enabled) {
        if (!partition.supportsFips)
            return unsupported(tr("FIPS endpoints"), fips.source);
        if (partition.id == u"aws-us-gov" && isSignInService(service))
            host = prefix + u'.' + region + u".amazonaws.com"_s;
        else
            host = prefix + u"-fips."_s + region + u'.' + partition.dnsSuffix;
    } else if (dualStack.enabled) {
        if (!partition.supportsDualStack)
            return unsupported(tr("Dual-stack endpoints"), dualStack.source);
        host = prefix + u'.' + region + u'.' + partition.dualStackDnsSuffix;
    } else if (service == Service::Sts && region == u"aws-global") {
        host = u"sts.amazonaws.com"_s;
    } else {
        host = prefix + u'.' + region + u'.' + partition.dnsSuffix;
    }
    QUrl url;
    url.setScheme(u"https"_s);
    url.setHost(host);
    return url;
}

AwsResult<EndpointResolver::Setting> EndpointResolver::useFipsEndpoint(const QProcessEnvironment &env,
                                                                       const ProfileSettings &profile)
{
    return booleanSetting(u"use_fips_endpoint"_s, u"AWS_USE_FIPS_ENDPOINT"_s, env, profile.useFipsEndpoint,
                          profile.name);
}

AwsResult<EndpointResolver::Setting> EndpointResolver::useDualStackEndpoint(const QProcessEnvironment &env,
                                                                            const ProfileSettings &profile)
{
    return booleanSetting(u"use_dualstack_endpoint"_s, u"AWS_USE_DUALSTACK_ENDPOINT"_s, env,
                          profile.useDualStackEndpoint, profile.name);
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
    settings.useFipsEndpoint = config.profileValue(profileName, u"use_fips_endpoint"_s);
    settings.useDualStackEndpoint = config.profileValue(profileName, u"use_dualstack_endpoint"_s);
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

    // botocore refuses a region that is not a host label when it makes the client, before any endpoint.
    const AwsResult<QString> validRegion = validateRegion(region);
    if (!validRegion)
        return validRegion.error();
    // Bad values are errors even where a configured endpoint makes them moot, so a typo never hides.
    const AwsResult<Setting> fips = useFipsEndpoint(env, profile);
    if (!fips)
        return fips.error();
    const AwsResult<Setting> dualStack = useDualStackEndpoint(env, profile);
    if (!dualStack)
        return dualStack.error();

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
        // The global endpoint has neither a FIPS nor a dual-stack variant: those settings win over legacy.
        if (mode == u"legacy" && legacyGlobalRegions.contains(region) && !fips.value().enabled &&
            !dualStack.value().enabled)
            return Resolved{QUrl(u"https://sts.amazonaws.com"_s), modeSource};
    }
    const AwsResult<QUrl> url = defaultEndpoint(service, region, fips.value(), dualStack.value());
    if (!url)
        return url.error();
    return Resolved{url.value(), u"default"_s};
}
