// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/config/EndpointResolver.h"

#include "aws/config/SharedConfig.h"

#include <QCoreApplication>
#include <QHostAddress>

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
    return service == Service::WorkSpacesWeb ? u"workspaces-web"_s : u"qapps"_s;
}

QString EndpointResolver::environmentSuffix(Service service)
{
    return service == Service::WorkSpacesWeb ? u"WORKSPACES_WEB"_s : u"QAPPS"_s;
}

QString EndpointResolver::servicesKey(Service service)
{
    return service == Service::WorkSpacesWeb ? u"workspaces_web"_s : u"qapps"_s;
}

QUrl EndpointResolver::defaultEndpoint(Service service, const QString &region)
{
    const QString prefix = service == Service::WorkSpacesWeb ? u"workspaces-web"_s : u"data.qapps"_s;
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

    if (!flagUrl.trimmed().isEmpty())
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
    return Resolved{defaultEndpoint(service, region), u"default"_s};
}
