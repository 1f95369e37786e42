// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/ConfigCommand.h"

#include "aws/config/RetryModeResolver.h"
#include "aws/config/SharedConfig.h"
#include "aws/credentials/CredentialsProviderChain.h"
#include "aws/credentials/EnvironmentCredentialsProvider.h"
#include "aws/credentials/ProfileCredentialsProvider.h"
#include "aws/credentials/sso/SsoEndpoints.h"
#include "aws/credentials/sso/SsoProfile.h"
#include "cli/CliConnection.h"
#include "cli/TextTable.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace {

QString proxyModeName(ProxySettings::Mode mode)
{
    switch (mode) {
    case ProxySettings::Mode::Environment:
        return u"environment"_s;
    case ProxySettings::Mode::System:
        return u"system"_s;
    case ProxySettings::Mode::None:
        return u"none"_s;
    case ProxySettings::Mode::Manual:
        return u"manual"_s;
    }
    return {};
}

QString kindName(ProfileCredentialsProvider::Kind kind)
{
    using Kind = ProfileCredentialsProvider::Kind;
    switch (kind) {
    case Kind::StaticKeys:
        return ConfigCommand::tr("access keys");
    case Kind::Process:
        return u"credential_process"_s;
    case Kind::AssumeRole:
        return ConfigCommand::tr("assume role");
    case Kind::AssumeRoleWithMfa:
        return ConfigCommand::tr("assume role with MFA");
    case Kind::IdentityCenter:
        return ConfigCommand::tr("IAM Identity Center");
    case Kind::WebIdentity:
        return ConfigCommand::tr("web identity");
    case Kind::None:
        break;
    }
    return ConfigCommand::tr("no credentials");
}

/// A proxy URL without its user name and password.
QString shownProxy(const QUrl &url)
{
    return url.isEmpty() ? QString() : url.toString(QUrl::RemoveUserInfo);
}

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

} // namespace

ConfigCommand::ConfigCommand(CommandContext context, QObject *parent)
    : Command(std::move(context), parent)
{}

QString ConfigCommand::maskedAccessKeyId(const QString &accessKeyId)
{
    const QString trimmed = accessKeyId.trimmed();
    if (trimmed.isEmpty())
        return {};
    return u"****"_s + trimmed.right(4);
}

void ConfigCommand::run()
{
    collect();
    if (arguments().format == u"json")
        writeOut(QJsonDocument(m_json).toJson(QJsonDocument::Indented));
    else
        writeOut(toTable().toUtf8());
    succeed();
}

void ConfigCommand::collect()
{
    const ResolvedConnection &r = connection().resolved();
    const QProcessEnvironment &env = context().environment;
    const AwsResult<SharedConfig> config = SharedConfig::load(env);
    QJsonObject sources;
    const auto add = [this, &sources](const QString &setting, const QString &key, const QString &value,
                                      const QString &source) {
        m_rows.append({setting, value, source});
        if (!key.isEmpty())
            sources.insert(key, source);
    };

    // The profile, named as botocore looks for it.
    QString profileSource = tr("default");
    if (!arguments().profile.isEmpty())
        profileSource = u"--profile"_s;
    else if (!env.value(u"AWS_DEFAULT_PROFILE"_s).isEmpty())
        profileSource = u"AWS_DEFAULT_PROFILE"_s;
    else if (!env.value(u"AWS_PROFILE"_s).isEmpty())
        profileSource = u"AWS_PROFILE"_s;
    add(tr("profile"), QString(), r.profileName, profileSource);
    m_json.insert(u"profile"_s, r.profileName);
    m_json.insert(u"profileSource"_s, profileSource);

    // Which credentials the chain would use, chosen without fetching them: nothing is sent anywhere.
    QString credentialSource;
    QString accessKeyId;
    auto *chain = dynamic_cast<CredentialsProviderChain *>(r.credentials.get());
    const AwsResult<std::shared_ptr<CredentialsProvider>> selected =
        chain ? chain->selectedProvider() : AwsResult<std::shared_ptr<CredentialsProvider>>(r.credentials);
    if (selected) {
        const CredentialsProvider *provider = selected.value().get();
        credentialSource = provider->description();
        if (dynamic_cast<const EnvironmentCredentialsProvider *>(provider)) {
            accessKeyId = env.value(u"AWS_ACCESS_KEY_ID"_s);
        } else if (config && config.value().hasProfile(r.profileName) &&
                   dynamic_cast<const ProfileCredentialsProvider *>(provider)) {
            const ProfileCredentialsProvider::Kind kind =
                ProfileCredentialsProvider::kindOf(config.value(), r.profileName);
            //: %1 where the credentials come from, %2 their kind ("IAM Identity Center", "assume role")
            credentialSource = tr("%1: %2").arg(credentialSource, kindName(kind));
            if (kind == ProfileCredentialsProvider::Kind::StaticKeys)
                accessKeyId = config.value().profileValue(r.profileName, u"aws_access_key_id"_s);
        }
    } else {
        //: %1 why no credentials can be found
        credentialSource = tr("none: %1").arg(selected.error().userMessage());
    }
    const QString maskedKey = maskedAccessKeyId(accessKeyId);
    add(tr("credentials"), QString(), maskedKey.isEmpty() ? tr("(not shown)") : maskedKey, credentialSource);
    m_json.insert(u"credentialSource"_s, credentialSource);
    m_json.insert(u"accessKeyId"_s, orNull(maskedKey));

    add(tr("region"), QString(), r.region, r.regionSource);
    m_json.insert(u"region"_s, r.region);
    m_json.insert(u"regionSource"_s, r.regionSource);

    // The IAM Identity Center services live in the profile's sso_region; a profile without one would use
    // the connection's region.
    QString ssoRegion = r.region;
    QString ssoNote;
    if (config && config.value().hasProfile(r.profileName)) {
        const AwsResult<SsoProfile> sso = SsoProfile::fromConfig(config.value(), r.profileName);
        if (sso && !sso.value().ssoRegion.isEmpty())
            ssoRegion = sso.value().ssoRegion;
        else
            ssoNote = tr(" (the profile does not use IAM Identity Center)");
    }
    QJsonObject endpoints;
    const auto addEndpoint = [&](const QString &key, const QUrl &url, const QString &source) {
        add(tr("endpoint %1").arg(key), QString(), url.toString(), source);
        endpoints.insert(key, QJsonObject{{u"url"_s, url.toString()}, {u"source"_s, source}});
    };
    addEndpoint(u"workspaces-web"_s, r.workspacesWebEndpoint, r.workspacesWebEndpointSource);
    addEndpoint(u"qapps"_s, r.qappsEndpoint, r.qappsEndpointSource);
    addEndpoint(u"sts"_s, r.stsEndpoint, r.stsEndpointSource);
    if (config) {
        const auto addSso = [&](const QString &key, const AwsResult<EndpointResolver::Resolved> &resolved) {
            if (resolved) {
                addEndpoint(key, resolved.value().url, resolved.value().source + ssoNote);
            } else {
                add(tr("endpoint %1").arg(key), QString(), tr("(error)"), resolved.error().userMessage());
                endpoints.insert(key, QJsonObject{{u"url"_s, QJsonValue::Null},
                                                  {u"error"_s, resolved.error().userMessage()}});
            }
        };
        addSso(u"sso"_s, SsoEndpoints::portal(env, config.value(), r.profileName, ssoRegion));
        addSso(u"sso-oidc"_s, SsoEndpoints::oidc(env, config.value(), r.profileName, ssoRegion));
    }
    m_json.insert(u"endpoints"_s, endpoints);

    const auto yesNo = [](bool on) { return on ? u"true"_s : u"false"_s; };
    add(tr("FIPS endpoints"), u"useFipsEndpoint"_s, yesNo(r.useFipsEndpoint),
        r.useFipsEndpointSource.isEmpty() ? tr("default") : r.useFipsEndpointSource);
    m_json.insert(u"useFipsEndpoint"_s, r.useFipsEndpoint);
    add(tr("dual-stack endpoints"), u"useDualStackEndpoint"_s, yesNo(r.useDualStackEndpoint),
        r.useDualStackEndpointSource.isEmpty() ? tr("default") : r.useDualStackEndpointSource);
    m_json.insert(u"useDualStackEndpoint"_s, r.useDualStackEndpoint);

    const ProxySettings &proxy = r.proxy;
    const QString proxySource = proxy.source.isEmpty() ? tr("default") : proxy.source;
    // Worded as --debug words it, never with a password.
    add(tr("proxy"), u"proxy"_s, proxy.displayUrl(), proxySource);
    m_json.insert(u"proxy"_s, QJsonObject{{u"mode"_s, proxyModeName(proxy.mode)},
                                          {u"https"_s, orNull(shownProxy(proxy.httpsProxy))},
                                          {u"http"_s, orNull(shownProxy(proxy.httpProxy))},
                                          {u"noProxy"_s, QJsonArray::fromStringList(proxy.noProxy)}});

    if (r.tls.usesCaBundle()) {
        add(tr("CA bundle"), u"caBundle"_s,
            tr("%1 (%n certificate(s))", nullptr, int(r.tls.caCertificates().size()))
                .arg(r.tls.caBundlePath()),
            r.tls.caBundleSource());
        m_json.insert(u"caBundle"_s, r.tls.caBundlePath());
    } else {
        add(tr("CA bundle"), u"caBundle"_s, tr("the system's certificate authorities"), tr("default"));
        m_json.insert(u"caBundle"_s, QJsonValue::Null);
    }

    const auto seconds = [](int ms) { return ms / 1000.0; };
    const auto timeoutText = [this](int ms) {
        return ms == 0 ? tr("no limit") : tr("%1 s").arg(ms / 1000.0);
    };
    add(tr("connect timeout"), u"connectTimeout"_s, timeoutText(r.connectTimeoutMs),
        r.connectTimeoutSource.isEmpty() ? tr("default") : r.connectTimeoutSource);
    m_json.insert(u"connectTimeout"_s, seconds(r.connectTimeoutMs));
    add(tr("read timeout"), u"readTimeout"_s, timeoutText(r.readTimeoutMs),
        r.readTimeoutSource.isEmpty() ? tr("default") : r.readTimeoutSource);
    m_json.insert(u"readTimeout"_s, seconds(r.readTimeoutMs));
    add(tr("retry mode"), u"retryMode"_s, RetryModeResolver::modeName(r.retryMode),
        r.retryModeSource.isEmpty() ? tr("default") : r.retryModeSource);
    m_json.insert(u"retryMode"_s, RetryModeResolver::modeName(r.retryMode));
    add(tr("max attempts"), u"maxAttempts"_s, QString::number(r.maxAttempts), r.maxAttemptsSource);
    m_json.insert(u"maxAttempts"_s, r.maxAttempts);
    add(tr("app id"), u"appId"_s, r.appId.isEmpty() ? tr("(none)") : r.appId,
        r.appIdSource.isEmpty() ? tr("default") : r.appIdSource);
    m_json.insert(u"appId"_s, orNull(r.appId));

    sources.insert(u"profile"_s, profileSource);
    sources.insert(u"credentials"_s, credentialSource);
    sources.insert(u"region"_s, r.regionSource);
    m_json.insert(u"sources"_s, sources);
}

QString ConfigCommand::toTable() const
{
    TextTable table({tr("Setting"), tr("Value"), tr("Source")});
    for (const Row &row : m_rows)
        table.addRow({row.setting, row.value, row.source});
    return table.render();
}
