// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/credentials/sso/SsoEndpoints.h"

#include "aws/config/SharedConfig.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

AwsResult<EndpointResolver::Resolved> SsoEndpoints::portal(const QProcessEnvironment &env,
                                                           const SharedConfig &config,
                                                           const QString &profileName,
                                                           const QString &ssoRegion)
{
    return resolveUntilEndpointResolverKnowsSso(u"SSO"_s, u"sso"_s, u"portal.sso"_s, env, config, profileName,
                                                ssoRegion);
}

AwsResult<EndpointResolver::Resolved> SsoEndpoints::oidc(const QProcessEnvironment &env,
                                                         const SharedConfig &config,
                                                         const QString &profileName, const QString &ssoRegion)
{
    return resolveUntilEndpointResolverKnowsSso(u"SSO_OIDC"_s, u"sso_oidc"_s, u"oidc"_s, env, config,
                                                profileName, ssoRegion);
}

AwsResult<EndpointResolver::Resolved>
SsoEndpoints::resolveUntilEndpointResolverKnowsSso(const QString &environmentSuffix,
                                                   const QString &servicesKey, const QString &hostPrefix,
                                                   const QProcessEnvironment &env, const SharedConfig &config,
                                                   const QString &profileName, const QString &region)
{
    const auto isTrue = [](const QString &value) {
        return value.trimmed().compare(u"true", Qt::CaseInsensitive) == 0;
    };
    const QString ignoreFromEnv = env.value(u"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"_s).trimmed();
    const bool ignoreConfigured =
        ignoreFromEnv.isEmpty()
            ? isTrue(config.profileValue(profileName, u"ignore_configured_endpoint_urls"_s))
            : isTrue(ignoreFromEnv);
    if (!ignoreConfigured) {
        QString serviceEndpointUrl;
        const QString servicesSection = config.profileValue(profileName, u"services"_s).trimmed();
        if (!servicesSection.isEmpty()) {
            serviceEndpointUrl =
                config.configFile().servicesSubSection(servicesSection, servicesKey).value(u"endpoint_url"_s);
        }
        const QString serviceVariable = u"AWS_ENDPOINT_URL_"_s + environmentSuffix;
        const QList<QPair<QString, QString>> candidates = {
            {env.value(serviceVariable), serviceVariable},
            {env.value(u"AWS_ENDPOINT_URL"_s), u"AWS_ENDPOINT_URL"_s},
            {serviceEndpointUrl,
             QCoreApplication::translate("EndpointResolver", "the services section of profile %1")
                 .arg(profileName)},
            {config.profileValue(profileName, u"endpoint_url"_s),
             QCoreApplication::translate("EndpointResolver", "profile %1").arg(profileName)},
        };
        for (const auto &[text, source] : candidates) {
            if (text.trimmed().isEmpty())
                continue;
            const AwsResult<QUrl> url = EndpointResolver::validate(text, source);
            if (!url)
                return url.error();
            return EndpointResolver::Resolved{url.value(), source};
        }
    }
    QUrl url;
    url.setScheme(u"https"_s);
    url.setHost(hostPrefix + u'.' + region + u'.' +
                (region.startsWith(u"cn-") ? u"amazonaws.com.cn"_s : u"amazonaws.com"_s));
    return EndpointResolver::Resolved{url, u"default"_s};
}
