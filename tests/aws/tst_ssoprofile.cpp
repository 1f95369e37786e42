// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/config/SharedConfig.h"
#include "aws/credentials/sso/SsoEndpoints.h"
#include "aws/credentials/sso/SsoProfile.h"

#include "TestEnvironment.h"

#include <QTest>

using namespace Qt::StringLiterals;

// The two forms of an IAM Identity Center profile, validated with botocore's rules and messages.
class TestSsoProfile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sessionForm();
    void legacyForm();
    void scopesAreSplitLikeTheAwsCli_data();
    void scopesAreSplitLikeTheAwsCli();
    void errors_data();
    void errors();
    void cacheKeyIsTheSessionElseTheStartUrl();
    void endpoints_data();
    void endpoints();
};

namespace {

SharedConfig configOf(const QByteArray &text)
{
    const AwsResult<SharedConfigFile> file =
        SharedConfigFile::parse(text, SharedConfigFile::Kind::Config, u"config"_s);
    if (!file)
        qFatal("test config does not parse");
    return SharedConfig(file.value(), SharedConfigFile());
}

} // namespace

void TestSsoProfile::sessionForm()
{
    const SharedConfig config = configOf("[profile dev]\n"
                                         "sso_session = corp\n"
                                         "sso_account_id = 111122223333\n"
                                         "sso_role_name = Admin\n"
                                         "[sso-session corp]\n"
                                         "sso_start_url = https://corp.awsapps.com/start\n"
                                         "sso_region = eu-west-1\n");
    const AwsResult<SsoProfile> profile = SsoProfile::fromConfig(config, u"dev"_s);
    QVERIFY2(profile, qPrintable(profile ? QString() : profile.error().message()));
    QCOMPARE(profile.value().profileName, u"dev"_s);
    QCOMPARE(profile.value().sessionName, u"corp"_s);
    QCOMPARE(profile.value().startUrl, u"https://corp.awsapps.com/start"_s);
    QCOMPARE(profile.value().ssoRegion, u"eu-west-1"_s);
    QCOMPARE(profile.value().accountId, u"111122223333"_s);
    QCOMPARE(profile.value().roleName, u"Admin"_s);
    QCOMPARE(profile.value().registrationScopes, QStringList{u"sso:account:access"_s});
    QVERIFY(!profile.value().isLegacy());
}

void TestSsoProfile::legacyForm()
{
    const SharedConfig config = configOf("[profile old]\n"
                                         "sso_start_url = https://old.awsapps.com/start\n"
                                         "sso_region = us-east-1\n"
                                         "sso_account_id = 111122223333\n"
                                         "sso_role_name = ReadOnly\n");
    const AwsResult<SsoProfile> profile = SsoProfile::fromConfig(config, u"old"_s);
    QVERIFY(profile);
    QVERIFY(profile.value().isLegacy());
    QCOMPARE(profile.value().startUrl, u"https://old.awsapps.com/start"_s);
    QCOMPARE(profile.value().ssoRegion, u"us-east-1"_s);
    QCOMPARE(profile.value().roleName, u"ReadOnly"_s);
    // `aws sso login` registers legacy profiles without scopes.
    QVERIFY(profile.value().registrationScopes.isEmpty());
}

void TestSsoProfile::scopesAreSplitLikeTheAwsCli_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QStringList>("scopes");
    QTest::newRow("one") << QByteArray("sso_registration_scopes = sso:account:access\n")
                         << QStringList{u"sso:account:access"_s};
    QTest::newRow("two with spaces and an empty item")
        << QByteArray("sso_registration_scopes = sso:account:access , ,codewhisperer:completions\n")
        << QStringList{u"sso:account:access"_s, u"codewhisperer:completions"_s};
    QTest::newRow("not set") << QByteArray() << QStringList{u"sso:account:access"_s};
}

void TestSsoProfile::scopesAreSplitLikeTheAwsCli()
{
    QFETCH(QByteArray, line);
    QFETCH(QStringList, scopes);
    const SharedConfig config =
        configOf("[profile dev]\nsso_session = corp\n[sso-session corp]\n"
                 "sso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\n" +
                 line);
    const AwsResult<SsoProfile> profile = SsoProfile::fromConfig(config, u"dev"_s);
    QVERIFY(profile);
    QCOMPARE(profile.value().registrationScopes, scopes);
}

void TestSsoProfile::errors_data()
{
    QTest::addColumn<QByteArray>("config");
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("expected");

    QTest::newRow("no such profile") << QByteArray("[profile a]\nregion = us-east-1\n") << u"b"_s
                                     << u"The config profile (b) could not be found"_s;
    QTest::newRow("session missing") << QByteArray("[profile a]\nsso_session = nope\n") << u"a"_s
                                     << u"The specified sso-session does not exist: \"nope\""_s;
    QTest::newRow("session without region")
        << QByteArray("[profile a]\nsso_session = s\n[sso-session s]\nsso_start_url = https://x/start\n")
        << u"a"_s
        << u"The profile \"a\" is configured to use SSO but is missing required configuration: sso_region"_s;
    QTest::newRow("legacy without region")
        << QByteArray("[profile a]\nsso_start_url = https://x/start\n") << u"a"_s
        << u"The profile \"a\" is configured to use SSO but is missing required configuration: sso_region"_s;
    QTest::newRow("session without both")
        << QByteArray("[profile a]\nsso_session = s\n[sso-session s]\nregion = us-east-1\n") << u"a"_s
        << u"missing required configuration: sso_start_url, sso_region"_s;
    QTest::newRow("start url differs")
        << QByteArray("[profile a]\nsso_session = s\nsso_start_url = https://other/start\n"
                      "[sso-session s]\nsso_start_url = https://x/start\nsso_region = us-east-1\n")
        << u"a"_s
        << u"The value for sso_start_url is inconsistent between profile (https://other/start) and "
           u"sso-session "
           "(https://x/start)."_s;
    QTest::newRow("region differs")
        << QByteArray("[profile a]\nsso_session = s\nsso_region = eu-west-1\n"
                      "[sso-session s]\nsso_start_url = https://x/start\nsso_region = us-east-1\n")
        << u"a"_s << u"The value for sso_region is inconsistent"_s;
    QTest::newRow("not sso at all") << QByteArray("[profile a]\nregion = us-east-1\n") << u"a"_s
                                    << u"has neither sso_session nor sso_start_url"_s;
    QTest::newRow("bad region") << QByteArray(
                                       "[profile a]\nsso_start_url = https://x/start\nsso_region = us/east\n")
                                << u"a"_s << u"is not a region name"_s;
}

void TestSsoProfile::errors()
{
    QFETCH(QByteArray, config);
    QFETCH(QString, profile);
    QFETCH(QString, expected);
    const AwsResult<SsoProfile> result = SsoProfile::fromConfig(configOf(config), profile);
    QVERIFY(!result);
    QCOMPARE(result.error().category(), AwsError::Category::Configuration);
    QVERIFY2(result.error().message().contains(expected), qPrintable(result.error().message()));
}

void TestSsoProfile::cacheKeyIsTheSessionElseTheStartUrl()
{
    SsoProfile profile;
    profile.startUrl = u"https://x/start"_s;
    QCOMPARE(profile.cacheKey(), u"https://x/start"_s);
    profile.sessionName = u"corp"_s;
    QCOMPARE(profile.cacheKey(), u"corp"_s);
}

void TestSsoProfile::endpoints_data()
{
    QTest::addColumn<QByteArray>("config");
    QTest::addColumn<QStringList>("env");
    QTest::addColumn<QString>("portal");
    QTest::addColumn<QString>("oidc");

    const QByteArray plain = "[profile p]\nregion = us-east-1\n";
    QTest::newRow("defaults") << plain << QStringList{} << u"https://portal.sso.eu-west-1.amazonaws.com"_s
                              << u"https://oidc.eu-west-1.amazonaws.com"_s;
    QTest::newRow("service variables") << plain
                                       << QStringList{u"AWS_ENDPOINT_URL_SSO=http://127.0.0.1:1"_s,
                                                      u"AWS_ENDPOINT_URL_SSO_OIDC=http://127.0.0.1:2"_s}
                                       << u"http://127.0.0.1:1"_s << u"http://127.0.0.1:2"_s;
    QTest::newRow("global variable") << plain << QStringList{u"AWS_ENDPOINT_URL=http://localhost:9"_s}
                                     << u"http://localhost:9"_s << u"http://localhost:9"_s;
    QTest::newRow("services section")
        << QByteArray(
               "[profile p]\nservices = local\n[services local]\nsso =\n  endpoint_url = http://127.0.0.1:3\n"
               "sso_oidc =\n  endpoint_url = http://127.0.0.1:4\n")
        << QStringList{} << u"http://127.0.0.1:3"_s << u"http://127.0.0.1:4"_s;
    QTest::newRow("ignored") << plain
                             << QStringList{u"AWS_ENDPOINT_URL=http://localhost:9"_s,
                                            u"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true"_s}
                             << u"https://portal.sso.eu-west-1.amazonaws.com"_s
                             << u"https://oidc.eu-west-1.amazonaws.com"_s;
}

void TestSsoProfile::endpoints()
{
    QFETCH(QByteArray, config);
    QFETCH(QStringList, env);
    QFETCH(QString, portal);
    QFETCH(QString, oidc);
    const SharedConfig shared = configOf(config);
    const auto portalUrl = SsoEndpoints::portal(testEnvironment(env), shared, u"p"_s, u"eu-west-1"_s);
    const auto oidcUrl = SsoEndpoints::oidc(testEnvironment(env), shared, u"p"_s, u"eu-west-1"_s);
    QVERIFY(portalUrl && oidcUrl);
    QCOMPARE(portalUrl.value().url.toString(), portal);
    QCOMPARE(oidcUrl.value().url.toString(), oidc);
}

QTEST_GUILESS_MAIN(TestSsoProfile)
#include "tst_ssoprofile.moc"
