// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/config/AwsPartitions.h"
#include "aws/config/EndpointResolver.h"
#include "aws/config/SharedConfig.h"

#include "TestEnvironment.h"

#include <QTest>

using namespace Qt::StringLiterals;

using Service = EndpointResolver::Service;

class TestEndpointResolver : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void precedence_data();
    void precedence();
    void validation_data();
    void validation();
    void defaults();
    void profileSettingsFromSharedConfig();
    void signInServices();
    void stsRegionalEndpoints_data();
    void stsRegionalEndpoints();
    void fipsAndDualStack_data();
    void fipsAndDualStack();
    void fipsAndDualStackSettings_data();
    void fipsAndDualStackSettings();
    void configuredEndpointWinsOverFips();
    void regionMustBeHostLabel_data();
    void regionMustBeHostLabel();
    void partitions();
};

void TestEndpointResolver::precedence_data()
{
    QTest::addColumn<Service>("service");
    QTest::addColumn<QString>("flag");
    QTest::addColumn<QStringList>("env");
    QTest::addColumn<QString>("profileEndpoint");
    QTest::addColumn<QString>("servicesEndpoint");
    QTest::addColumn<QString>("profileIgnore");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("source");

    const QStringList allEnv{u"AWS_ENDPOINT_URL_WORKSPACES_WEB=https://ww.env.example"_s,
                             u"AWS_ENDPOINT_URL_QAPPS=https://qa.env.example"_s,
                             u"AWS_ENDPOINT_URL=https://global.env.example"_s};
    const QString profileUrl = u"https://profile.example"_s;
    const QString servicesUrl = u"https://services.example"_s;

    QTest::newRow("flag wins") << Service::QApps << u"http://127.0.0.1:8443/"_s << allEnv << profileUrl
                               << servicesUrl << QString() << u"http://127.0.0.1:8443"_s
                               << u"--endpoint-url"_s;
    QTest::newRow("service env (workspaces web)")
        << Service::WorkSpacesWeb << QString() << allEnv << profileUrl << servicesUrl << QString()
        << u"https://ww.env.example"_s << u"AWS_ENDPOINT_URL_WORKSPACES_WEB"_s;
    QTest::newRow("service env (qapps)")
        << Service::QApps << QString() << allEnv << profileUrl << servicesUrl << QString()
        << u"https://qa.env.example"_s << u"AWS_ENDPOINT_URL_QAPPS"_s;
    QTest::newRow("global env") << Service::QApps << QString()
                                << QStringList{u"AWS_ENDPOINT_URL_WORKSPACES_WEB=https://ww.env.example"_s,
                                               u"AWS_ENDPOINT_URL=https://global.env.example"_s}
                                << profileUrl << servicesUrl << QString() << u"https://global.env.example"_s
                                << u"AWS_ENDPOINT_URL"_s;
    QTest::newRow("services section")
        << Service::QApps << QString() << QStringList{} << profileUrl << servicesUrl << QString()
        << servicesUrl << u"the services section of profile dev"_s;
    QTest::newRow("profile endpoint_url") << Service::QApps << QString() << QStringList{} << profileUrl
                                          << QString() << QString() << profileUrl << u"profile dev"_s;
    QTest::newRow("default") << Service::WorkSpacesWeb << QString() << QStringList{} << QString() << QString()
                             << QString() << u"https://workspaces-web.eu-west-1.amazonaws.com"_s
                             << u"default"_s;
    QTest::newRow("ignore via env") << Service::QApps << QString()
                                    << (allEnv + QStringList{u"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=TRUE"_s})
                                    << profileUrl << servicesUrl << QString()
                                    << u"https://data.qapps.eu-west-1.amazonaws.com"_s << u"default"_s;
    QTest::newRow("ignore does not affect the flag")
        << Service::QApps << u"https://flag.example"_s
        << QStringList{u"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true"_s} << profileUrl << QString() << QString()
        << u"https://flag.example"_s << u"--endpoint-url"_s;
    QTest::newRow("ignore via profile")
        << Service::QApps << QString() << allEnv << profileUrl << QString() << u"true"_s
        << u"https://data.qapps.eu-west-1.amazonaws.com"_s << u"default"_s;
    QTest::newRow("env false beats profile true")
        << Service::QApps << QString() << QStringList{u"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=false"_s}
        << profileUrl << QString() << u"true"_s << profileUrl << u"profile dev"_s;
    QTest::newRow("ignore needs exactly true")
        << Service::QApps << QString() << QStringList{u"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=1"_s}
        << profileUrl << QString() << QString() << profileUrl << u"profile dev"_s;
    QTest::newRow("empty env values are unset")
        << Service::QApps << QString() << QStringList{u"AWS_ENDPOINT_URL_QAPPS="_s, u"AWS_ENDPOINT_URL= "_s}
        << profileUrl << QString() << QString() << profileUrl << u"profile dev"_s;
}

void TestEndpointResolver::precedence()
{
    QFETCH(Service, service);
    QFETCH(QString, flag);
    QFETCH(QStringList, env);
    QFETCH(QString, profileEndpoint);
    QFETCH(QString, servicesEndpoint);
    QFETCH(QString, profileIgnore);
    QFETCH(QString, url);
    QFETCH(QString, source);

    const EndpointResolver::ProfileSettings profile{
        u"dev"_s, profileEndpoint, servicesEndpoint, profileIgnore, QString(), QString(), QString()};
    const AwsResult<EndpointResolver::Resolved> result =
        EndpointResolver::resolve(service, flag, testEnvironment(env), profile, u"eu-west-1"_s);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message()));
    QCOMPARE(result.value().url.toString(), url);
    QCOMPARE(result.value().source, source);
}

void TestEndpointResolver::validation_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("normalized"); // empty: rejected
    QTest::addColumn<QString>("errorContains");

    QTest::newRow("https") << u"https://example.com"_s << u"https://example.com"_s << QString();
    QTest::newRow("https with port and slash")
        << u" HTTPS://Example.com:8443/ "_s << u"https://example.com:8443"_s << QString();
    QTest::newRow("http localhost") << u"http://localhost:9000"_s << u"http://localhost:9000"_s << QString();
    QTest::newRow("http LOCALHOST") << u"http://LOCALHOST"_s << u"http://localhost"_s << QString();
    QTest::newRow("http 127.0.0.1") << u"http://127.0.0.1:1234"_s << u"http://127.0.0.1:1234"_s << QString();
    QTest::newRow("http 127.255.0.9") << u"http://127.255.0.9"_s << u"http://127.255.0.9"_s << QString();
    QTest::newRow("http ::1") << u"http://[::1]:8080"_s << u"http://[::1]:8080"_s << QString();
    QTest::newRow("http remote") << u"http://example.com"_s << QString() << u"plain http://"_s;
    QTest::newRow("http lan") << u"http://192.168.1.10:9000"_s << QString() << u"plain http://"_s;
    QTest::newRow("http 128.0.0.1") << u"http://128.0.0.1"_s << QString() << u"plain http://"_s;
    QTest::newRow("http localhost lookalike")
        << u"http://localhost.example.com"_s << QString() << u"plain http://"_s;
    QTest::newRow("http 0.0.0.0") << u"http://0.0.0.0:80"_s << QString() << u"plain http://"_s;
    QTest::newRow("ftp") << u"ftp://example.com"_s << QString() << u"must start with https://"_s;
    QTest::newRow("no scheme") << u"example.com"_s << QString() << u"not a valid URL"_s;
    QTest::newRow("user info") << u"https://admin:hunter2@example.com"_s << QString()
                               << u"user name or password"_s;
    QTest::newRow("query") << u"https://example.com?x=1"_s << QString() << u"query"_s;
    QTest::newRow("fragment") << u"https://example.com#top"_s << QString() << u"fragment"_s;
    QTest::newRow("path") << u"https://example.com/prefix"_s << QString() << u"must not have a path"_s;
    QTest::newRow("no host") << u"https://"_s << QString() << u"host"_s;
    QTest::newRow("garbage") << u"https://exa mple.com"_s << QString() << u"not a valid URL"_s;
}

void TestEndpointResolver::validation()
{
    QFETCH(QString, text);
    QFETCH(QString, normalized);
    QFETCH(QString, errorContains);

    const AwsResult<QUrl> result = EndpointResolver::validate(text, u"AWS_ENDPOINT_URL"_s);
    if (normalized.isEmpty()) {
        QVERIFY(!result.ok());
        QCOMPARE(result.error().category(), AwsError::Category::Configuration);
        QVERIFY2(result.error().message().contains(errorContains), qPrintable(result.error().message()));
        QVERIFY(result.error().message().contains(u"(from AWS_ENDPOINT_URL)"_s));
        QVERIFY(!result.error().message().contains(u"hunter2"_s));
        return;
    }
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message()));
    QCOMPARE(result.value().toString(), normalized);
    QVERIFY(result.value().path().isEmpty());
}

void TestEndpointResolver::defaults()
{
    QCOMPARE(EndpointResolver::defaultEndpoint(Service::WorkSpacesWeb, u"us-east-1"_s).toString(),
             u"https://workspaces-web.us-east-1.amazonaws.com"_s);
    QCOMPARE(EndpointResolver::defaultEndpoint(Service::QApps, u"us-west-2"_s).toString(),
             u"https://data.qapps.us-west-2.amazonaws.com"_s);
    QCOMPARE(EndpointResolver::defaultEndpoint(Service::QApps, u"cn-north-1"_s).toString(),
             u"https://data.qapps.cn-north-1.amazonaws.com.cn"_s);
    QCOMPARE(EndpointResolver::signingName(Service::WorkSpacesWeb), u"workspaces-web"_s);
    QCOMPARE(EndpointResolver::signingName(Service::QApps), u"qapps"_s);
    QCOMPARE(EndpointResolver::environmentSuffix(Service::WorkSpacesWeb), u"WORKSPACES_WEB"_s);
    QVERIFY(EndpointResolver::isLoopbackHost(u"127.0.0.2"_s));
    QVERIFY(EndpointResolver::isLoopbackHost(u"::1"_s));
    QVERIFY(!EndpointResolver::isLoopbackHost(u"::2"_s));
}

void TestEndpointResolver::profileSettingsFromSharedConfig()
{
    const QByteArray config = "[profile dev]\nendpoint_url = https://dev.example\nservices = local\n"
                              "ignore_configured_endpoint_urls = false\n"
                              "[services local]\nqapps =\n  endpoint_url = http://127.0.0.1:9001\n"
                              "[profile plain]\nregion = us-east-1\n";
    const AwsResult<SharedConfigFile> file =
        SharedConfigFile::parse(config, SharedConfigFile::Kind::Config, u"c"_s);
    QVERIFY(file.ok());
    const SharedConfig shared(file.value(), SharedConfigFile());

    const auto qapps = EndpointResolver::profileSettings(shared, u"dev"_s, Service::QApps);
    QCOMPARE(qapps.endpointUrl, u"https://dev.example"_s);
    QCOMPARE(qapps.serviceEndpointUrl, u"http://127.0.0.1:9001"_s);
    QCOMPARE(qapps.ignoreConfiguredEndpointUrls, u"false"_s);
    const auto web = EndpointResolver::profileSettings(shared, u"dev"_s, Service::WorkSpacesWeb);
    QVERIFY(web.serviceEndpointUrl.isEmpty());

    const QProcessEnvironment env;
    QCOMPARE(EndpointResolver::resolve(Service::QApps, {}, env, qapps, u"us-east-1"_s).value().url.toString(),
             u"http://127.0.0.1:9001"_s);
    QCOMPARE(EndpointResolver::resolve(Service::WorkSpacesWeb, {}, env, web, u"us-east-1"_s)
                 .value()
                 .url.toString(),
             u"https://dev.example"_s);
    const auto plain = EndpointResolver::profileSettings(shared, u"plain"_s, Service::QApps);
    QCOMPARE(EndpointResolver::resolve(Service::QApps, {}, env, plain, u"us-east-1"_s).value().source,
             u"default"_s);
}

void TestEndpointResolver::signInServices()
{
    QCOMPARE(EndpointResolver::defaultEndpoint(Service::Sts, u"eu-west-1"_s).toString(),
             u"https://sts.eu-west-1.amazonaws.com"_s);
    QCOMPARE(EndpointResolver::defaultEndpoint(Service::Sso, u"eu-west-1"_s).toString(),
             u"https://portal.sso.eu-west-1.amazonaws.com"_s);
    QCOMPARE(EndpointResolver::defaultEndpoint(Service::SsoOidc, u"eu-west-1"_s).toString(),
             u"https://oidc.eu-west-1.amazonaws.com"_s);
    QCOMPARE(EndpointResolver::defaultEndpoint(Service::Sts, u"cn-north-1"_s).toString(),
             u"https://sts.cn-north-1.amazonaws.com.cn"_s);
    QCOMPARE(EndpointResolver::defaultEndpoint(Service::Sso, u"cn-northwest-1"_s).toString(),
             u"https://portal.sso.cn-northwest-1.amazonaws.com.cn"_s);
    QCOMPARE(EndpointResolver::signingName(Service::Sts), u"sts"_s);
    QCOMPARE(EndpointResolver::signingName(Service::Sso), u"awsssoportal"_s);
    QCOMPARE(EndpointResolver::signingName(Service::SsoOidc), u"sso-oauth"_s);
    QCOMPARE(EndpointResolver::environmentSuffix(Service::Sts), u"STS"_s);
    QCOMPARE(EndpointResolver::environmentSuffix(Service::Sso), u"SSO"_s);
    QCOMPARE(EndpointResolver::environmentSuffix(Service::SsoOidc), u"SSO_OIDC"_s);
    QCOMPARE(EndpointResolver::servicesKey(Service::SsoOidc), u"sso_oidc"_s);

    // --endpoint-url is for the service calls only, as in the AWS CLI.
    const QProcessEnvironment empty;
    EndpointResolver::ProfileSettings none;
    none.name = u"dev"_s;
    for (const Service service : {Service::Sts, Service::Sso, Service::SsoOidc}) {
        const auto resolved =
            EndpointResolver::resolve(service, u"http://127.0.0.1:1234"_s, empty, none, u"us-east-2"_s);
        QVERIFY(resolved.ok());
        QCOMPARE(resolved.value().source, u"default"_s);
        QCOMPARE(resolved.value().url, EndpointResolver::defaultEndpoint(service, u"us-east-2"_s));
    }

    QProcessEnvironment env;
    env.insert(u"AWS_ENDPOINT_URL_STS"_s, u"http://127.0.0.1:4000"_s);
    env.insert(u"AWS_ENDPOINT_URL_SSO"_s, u"http://127.0.0.1:4001"_s);
    env.insert(u"AWS_ENDPOINT_URL_SSO_OIDC"_s, u"http://127.0.0.1:4002"_s);
    QCOMPARE(EndpointResolver::resolve(Service::Sts, {}, env, none, u"us-east-1"_s).value().url.port(), 4000);
    QCOMPARE(EndpointResolver::resolve(Service::Sso, {}, env, none, u"us-east-1"_s).value().url.port(), 4001);
    QCOMPARE(EndpointResolver::resolve(Service::SsoOidc, {}, env, none, u"us-east-1"_s).value().source,
             u"AWS_ENDPOINT_URL_SSO_OIDC"_s);

    const QByteArray config = "[profile dev]\nservices = local\nsts_regional_endpoints = legacy\n"
                              "[services local]\nsts =\n  endpoint_url = http://127.0.0.1:9002\n"
                              "sso_oidc =\n  endpoint_url = http://127.0.0.1:9003\n";
    const AwsResult<SharedConfigFile> file =
        SharedConfigFile::parse(config, SharedConfigFile::Kind::Config, u"c"_s);
    QVERIFY(file.ok());
    const SharedConfig shared(file.value(), SharedConfigFile());
    const auto sts = EndpointResolver::profileSettings(shared, u"dev"_s, Service::Sts);
    QCOMPARE(sts.serviceEndpointUrl, u"http://127.0.0.1:9002"_s);
    QCOMPARE(sts.stsRegionalEndpoints, u"legacy"_s);
    const auto oidc = EndpointResolver::profileSettings(shared, u"dev"_s, Service::SsoOidc);
    QCOMPARE(oidc.serviceEndpointUrl, u"http://127.0.0.1:9003"_s);
}

void TestEndpointResolver::stsRegionalEndpoints_data()
{
    QTest::addColumn<QString>("envMode");
    QTest::addColumn<QString>("profileMode");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("url"); // empty: a Configuration error

    QTest::newRow("default is regional")
        << QString() << QString() << u"us-east-1"_s << u"https://sts.us-east-1.amazonaws.com"_s;
    QTest::newRow("legacy global region")
        << QString() << u"legacy"_s << u"eu-west-1"_s << u"https://sts.amazonaws.com"_s;
    QTest::newRow("legacy newer region")
        << u"legacy"_s << QString() << u"af-south-1"_s << u"https://sts.af-south-1.amazonaws.com"_s;
    QTest::newRow("environment beats profile")
        << u"regional"_s << u"legacy"_s << u"us-west-2"_s << u"https://sts.us-west-2.amazonaws.com"_s;
    QTest::newRow("bad value") << u"global"_s << QString() << u"us-east-1"_s << QString();
}

void TestEndpointResolver::stsRegionalEndpoints()
{
    QFETCH(QString, envMode);
    QFETCH(QString, profileMode);
    QFETCH(QString, region);
    QFETCH(QString, url);
    QProcessEnvironment env;
    if (!envMode.isEmpty())
        env.insert(u"AWS_STS_REGIONAL_ENDPOINTS"_s, envMode);
    EndpointResolver::ProfileSettings profile;
    profile.name = u"dev"_s;
    profile.stsRegionalEndpoints = profileMode;
    const auto resolved = EndpointResolver::resolve(Service::Sts, {}, env, profile, region);
    if (url.isEmpty()) {
        QVERIFY(!resolved.ok());
        QCOMPARE(resolved.error().category(), AwsError::Category::Configuration);
        return;
    }
    QVERIFY(resolved.ok());
    QCOMPARE(resolved.value().url.toString(), url);
}

void TestEndpointResolver::fipsAndDualStack_data()
{
    QTest::addColumn<Service>("service");
    QTest::addColumn<QString>("region");
    QTest::addColumn<bool>("fips");
    QTest::addColumn<bool>("dualStack");
    QTest::addColumn<QString>("host"); // empty: a Configuration error

    QTest::newRow("fips") << Service::WorkSpacesWeb << u"us-east-1"_s << true << false
                          << u"workspaces-web-fips.us-east-1.amazonaws.com"_s;
    QTest::newRow("dual-stack") << Service::WorkSpacesWeb << u"eu-west-1"_s << false << true
                                << u"workspaces-web.eu-west-1.api.aws"_s;
    QTest::newRow("both") << Service::QApps << u"us-west-2"_s << true << true
                          << u"data.qapps-fips.us-west-2.api.aws"_s;
    QTest::newRow("china dual-stack") << Service::Sts << u"cn-north-1"_s << false << true
                                      << u"sts.cn-north-1.api.amazonwebservices.com.cn"_s;
    QTest::newRow("sovereign cloud") << Service::WorkSpacesWeb << u"eusc-de-east-1"_s << false << false
                                     << u"workspaces-web.eusc-de-east-1.amazonaws.eu"_s;
    QTest::newRow("sovereign cloud, unlisted region")
        << Service::QApps << u"eusc-de-south-2"_s << true << false
        << u"data.qapps-fips.eusc-de-south-2.amazonaws.eu"_s;
    QTest::newRow("iso") << Service::SsoOidc << u"us-iso-east-1"_s << false << false
                         << u"oidc.us-iso-east-1.c2s.ic.gov"_s;
    QTest::newRow("iso-b fips") << Service::Sts << u"us-isob-east-1"_s << true << false
                                << u"sts-fips.us-isob-east-1.sc2s.sgov.gov"_s;
    QTest::newRow("iso-e") << Service::WorkSpacesWeb << u"eu-isoe-west-1"_s << false << false
                           << u"workspaces-web.eu-isoe-west-1.cloud.adc-e.uk"_s;
    QTest::newRow("iso-e dual-stack (botocore refuses)")
        << Service::WorkSpacesWeb << u"eu-isoe-west-1"_s << false << true << QString();
    QTest::newRow("iso-f fips dual-stack (botocore refuses)")
        << Service::Sso << u"us-isof-south-1"_s << true << true << QString();
    QTest::newRow("iso-f global pseudo-region dual-stack")
        << Service::Sts << u"aws-iso-f-global"_s << false << true
        << u"sts.aws-iso-f-global.api.aws.hci.ic.gov"_s;
    QTest::newRow("govcloud fips sts")
        << Service::Sts << u"us-gov-west-1"_s << true << false << u"sts.us-gov-west-1.amazonaws.com"_s;
    QTest::newRow("govcloud fips sso")
        << Service::Sso << u"us-gov-east-1"_s << true << false << u"portal.sso.us-gov-east-1.amazonaws.com"_s;
    QTest::newRow("govcloud fips oidc")
        << Service::SsoOidc << u"us-gov-west-1"_s << true << false << u"oidc.us-gov-west-1.amazonaws.com"_s;
    QTest::newRow("govcloud fips workspaces web")
        << Service::WorkSpacesWeb << u"us-gov-west-1"_s << true << false
        << u"workspaces-web-fips.us-gov-west-1.amazonaws.com"_s;
    QTest::newRow("govcloud fips dual-stack sts")
        << Service::Sts << u"us-gov-west-1"_s << true << true << u"sts-fips.us-gov-west-1.api.aws"_s;
    QTest::newRow("sts aws-global") << Service::Sts << u"aws-global"_s << false << false
                                    << u"sts.amazonaws.com"_s;
    QTest::newRow("sts aws-global fips")
        << Service::Sts << u"aws-global"_s << true << false << u"sts-fips.aws-global.amazonaws.com"_s;
    QTest::newRow("unknown prefix falls back to aws")
        << Service::QApps << u"zz-nowhere-1"_s << false << true << u"data.qapps.zz-nowhere-1.api.aws"_s;
}

void TestEndpointResolver::fipsAndDualStack()
{
    QFETCH(Service, service);
    QFETCH(QString, region);
    QFETCH(bool, fips);
    QFETCH(bool, dualStack);
    QFETCH(QString, host);

    QProcessEnvironment env;
    env.insert(u"AWS_USE_FIPS_ENDPOINT"_s, fips ? u"true"_s : u"false"_s);
    env.insert(u"AWS_USE_DUALSTACK_ENDPOINT"_s, dualStack ? u"TRUE"_s : u"False"_s);
    EndpointResolver::ProfileSettings profile;
    profile.name = u"dev"_s;
    const auto resolved = EndpointResolver::resolve(service, {}, env, profile, region);
    if (host.isEmpty()) {
        QVERIFY(!resolved.ok());
        QCOMPARE(resolved.error().category(), AwsError::Category::Configuration);
        QVERIFY2(resolved.error().message().contains(u"AWS_USE_DUALSTACK_ENDPOINT"_s),
                 qPrintable(resolved.error().message()));
        QVERIFY(resolved.error().message().contains(region));
        return;
    }
    QVERIFY2(resolved.ok(), qPrintable(resolved.ok() ? QString() : resolved.error().message()));
    QCOMPARE(resolved.value().url.toString(), u"https://"_s + host);
    QCOMPARE(resolved.value().source, u"default"_s);
}

void TestEndpointResolver::fipsAndDualStackSettings_data()
{
    QTest::addColumn<QString>("envValue");
    QTest::addColumn<QString>("profileValue");
    QTest::addColumn<bool>("enabled");
    QTest::addColumn<QString>("sourceOrError");

    QTest::newRow("unset") << QString() << QString() << false << u"default"_s;
    QTest::newRow("profile") << QString() << u"True"_s << true << u"profile dev"_s;
    QTest::newRow("environment beats profile")
        << u"false"_s << u"true"_s << false << u"AWS_USE_FIPS_ENDPOINT"_s;
    QTest::newRow("environment, any case") << u" TRUE "_s << QString() << true << u"AWS_USE_FIPS_ENDPOINT"_s;
    QTest::newRow("empty environment value is unset") << u""_s << u"true"_s << true << u"profile dev"_s;
    QTest::newRow("yes is not a boolean")
        << u"yes"_s << QString() << false
        << u"use_fips_endpoint (from AWS_USE_FIPS_ENDPOINT) must be \"true\" or \"false\", not \"yes\"."_s;
    QTest::newRow("1 in the profile")
        << QString() << u"1"_s << false
        << u"use_fips_endpoint (from profile dev) must be \"true\" or \"false\", not \"1\"."_s;
}

void TestEndpointResolver::fipsAndDualStackSettings()
{
    QFETCH(QString, envValue);
    QFETCH(QString, profileValue);
    QFETCH(bool, enabled);
    QFETCH(QString, sourceOrError);

    QProcessEnvironment env;
    if (!envValue.isNull())
        env.insert(u"AWS_USE_FIPS_ENDPOINT"_s, envValue);
    EndpointResolver::ProfileSettings profile;
    profile.name = u"dev"_s;
    profile.useFipsEndpoint = profileValue;
    const auto setting = EndpointResolver::useFipsEndpoint(env, profile);
    const bool isError = sourceOrError.contains(u"must be"_s);
    if (isError) {
        QVERIFY(!setting.ok());
        QCOMPARE(setting.error().category(), AwsError::Category::Configuration);
        QCOMPARE(setting.error().message(), sourceOrError);
        // A bad value fails resolution even though the endpoint would not need it.
        profile.endpointUrl = u"https://example.com"_s;
        QVERIFY(!EndpointResolver::resolve(Service::QApps, {}, env, profile, u"us-east-1"_s).ok());
        return;
    }
    QVERIFY(setting.ok());
    QCOMPARE(setting.value().enabled, enabled);
    QCOMPARE(setting.value().source, sourceOrError);

    // The same rules for use_dualstack_endpoint, with its own variable and key.
    QProcessEnvironment dualEnv;
    if (!envValue.isNull())
        dualEnv.insert(u"AWS_USE_DUALSTACK_ENDPOINT"_s, envValue);
    EndpointResolver::ProfileSettings dualProfile;
    dualProfile.name = u"dev"_s;
    dualProfile.useDualStackEndpoint = profileValue;
    const auto dual = EndpointResolver::useDualStackEndpoint(dualEnv, dualProfile);
    QVERIFY(dual.ok());
    QCOMPARE(dual.value().enabled, enabled);
    QCOMPARE(dual.value().source, QString(sourceOrError).replace(u"FIPS"_s, u"DUALSTACK"_s));
}

void TestEndpointResolver::configuredEndpointWinsOverFips()
{
    // botocore passes no FIPS or dual-stack flag to the endpoint rules when an endpoint URL is configured,
    // so the configured endpoint is used as it is (its rules' refusal never triggers).
    QProcessEnvironment env;
    env.insert(u"AWS_USE_FIPS_ENDPOINT"_s, u"true"_s);
    env.insert(u"AWS_USE_DUALSTACK_ENDPOINT"_s, u"true"_s);
    env.insert(u"AWS_ENDPOINT_URL_STS"_s, u"https://sts.example.com"_s);
    EndpointResolver::ProfileSettings profile;
    profile.name = u"dev"_s;
    const auto web = EndpointResolver::resolve(Service::WorkSpacesWeb, u"https://flag.example.com"_s, env,
                                               profile, u"us-gov-west-1"_s);
    QVERIFY(web.ok());
    QCOMPARE(web.value().url.toString(), u"https://flag.example.com"_s);
    const auto sts = EndpointResolver::resolve(Service::Sts, {}, env, profile, u"us-gov-west-1"_s);
    QVERIFY(sts.ok());
    QCOMPARE(sts.value().url.toString(), u"https://sts.example.com"_s);
    // sts_regional_endpoints = legacy has no FIPS global endpoint: FIPS wins.
    QProcessEnvironment legacy;
    legacy.insert(u"AWS_STS_REGIONAL_ENDPOINTS"_s, u"legacy"_s);
    legacy.insert(u"AWS_USE_FIPS_ENDPOINT"_s, u"true"_s);
    QCOMPARE(
        EndpointResolver::resolve(Service::Sts, {}, legacy, profile, u"us-east-1"_s).value().url.toString(),
        u"https://sts-fips.us-east-1.amazonaws.com"_s);
}

void TestEndpointResolver::regionMustBeHostLabel_data()
{
    QTest::addColumn<QString>("region");
    QTest::addColumn<bool>("valid");

    QTest::newRow("region") << u"us-east-1"_s << true;
    QTest::newRow("pseudo-region") << u"aws-us-gov-global"_s << true;
    QTest::newRow("dot") << u"us-east-1.example.com"_s << false;
    QTest::newRow("underscore") << u"us_east_1"_s << false;
    QTest::newRow("leading hyphen") << u"-us-east-1"_s << false;
    QTest::newRow("trailing hyphen") << u"us-east-1-"_s << false;
    QTest::newRow("digits only") << u"123"_s << false;
    QTest::newRow("slash") << u"us-east-1/x"_s << false;
    QTest::newRow("64 characters") << QString(64, u'a') << false;
    QTest::newRow("empty") << QString() << false;
}

void TestEndpointResolver::regionMustBeHostLabel()
{
    QFETCH(QString, region);
    QFETCH(bool, valid);
    QCOMPARE(AwsPartitions::isValidHostLabel(region), valid);
    EndpointResolver::ProfileSettings profile;
    profile.name = u"dev"_s;
    for (const Service service : {Service::WorkSpacesWeb, Service::Sso}) {
        // Even a configured endpoint does not make a bad region acceptable (botocore refuses it too).
        const auto resolved = EndpointResolver::resolve(service, u"https://example.com"_s,
                                                        QProcessEnvironment(), profile, region);
        QCOMPARE(resolved.ok(), valid);
        if (!valid) {
            QCOMPARE(resolved.error().category(), AwsError::Category::Configuration);
            QVERIFY(resolved.error().message().contains(u"is not a valid region name"_s));
        }
    }
}

void TestEndpointResolver::partitions()
{
    QCOMPARE(AwsPartitions::all().constFirst().id, u"aws"_s);
    QCOMPARE(AwsPartitions::forRegion(u"us-east-1"_s).id, u"aws"_s);
    QCOMPARE(AwsPartitions::forRegion(u"aws-global"_s).id, u"aws"_s);
    QCOMPARE(AwsPartitions::forRegion(u"cn-northwest-1"_s).id, u"aws-cn"_s);
    QCOMPARE(AwsPartitions::forRegion(u"us-gov-east-1"_s).id, u"aws-us-gov"_s);
    QCOMPARE(AwsPartitions::forRegion(u"us-gov-north-7"_s).id, u"aws-us-gov"_s);
    QCOMPARE(AwsPartitions::forRegion(u"us-iso-east-1"_s).id, u"aws-iso"_s);
    QCOMPARE(AwsPartitions::forRegion(u"us-isob-west-1"_s).id, u"aws-iso-b"_s);
    QCOMPARE(AwsPartitions::forRegion(u"eu-isoe-west-1"_s).id, u"aws-iso-e"_s);
    QCOMPARE(AwsPartitions::forRegion(u"us-isof-east-1"_s).id, u"aws-iso-f"_s);
    QCOMPARE(AwsPartitions::forRegion(u"eusc-de-east-1"_s).id, u"aws-eusc"_s);
    QCOMPARE(AwsPartitions::forRegion(u"zz-nowhere-1"_s).id, u"aws"_s);
    QCOMPARE(AwsPartitions::forRegion(u"eusc-de-east-1"_s).dnsSuffix, u"amazonaws.eu"_s);
    QVERIFY(AwsPartitions::isListedRegion(u"il-central-1"_s));
    QVERIFY(!AwsPartitions::isListedRegion(u"us-gov-north-7"_s));
    for (const AwsPartition &partition : AwsPartitions::all()) {
        QVERIFY(!partition.regions.isEmpty());
        QCOMPARE(AwsPartitions::forRegion(partition.implicitGlobalRegion).id, partition.id);
    }
}

QTEST_GUILESS_MAIN(TestEndpointResolver)
#include "tst_endpointresolver.moc"
