// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/config/SharedConfig.h"
#include "aws/credentials/sso/SsoCredentialsProvider.h"
#include "aws/credentials/sso/SsoDeviceLogin.h"
#include "aws/credentials/sso/SsoTokenCache.h"
#include "emulator/Emulator.h"

#include "SignedClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

// IAM Identity Center end to end against the emulator over loopback: the device sign-in writes the AWS
// CLI's token cache, SsoCredentialsProvider turns it into role credentials the emulator's ListSessions
// accepts, and once the token expired (advance-clock) the refresh token renews it and the cache is
// rewritten. Tokens are compared with QVERIFY, never printed.
class TestSsoSignIn : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void deviceSignInThenCredentialsThenRenewal();

private:
    SignedClient::Answer postControl(const QByteArray &path, const QJsonObject &body);
    SignedClient::Answer listSessions(const AwsCredentials &credentials);
    QDateTime now() const { return QDateTime::currentDateTimeUtc().addSecs(*m_offsetSeconds); }

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<Emulator> m_emulator;
    std::unique_ptr<SignedClient> m_client;
    std::shared_ptr<qint64> m_offsetSeconds = std::make_shared<qint64>(0);
};

void TestSsoSignIn::initTestCase()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    EmulatorConfig config;
    config.portals = 1;
    config.sessionsPerPortal = 5;
    m_emulator = std::make_unique<Emulator>(config);
    QString error;
    QVERIFY2(m_emulator->start(&error), qPrintable(error));
    m_client = std::make_unique<SignedClient>(m_emulator->endpoint(), m_emulator->credentials());
}

SignedClient::Answer TestSsoSignIn::postControl(const QByteArray &path, const QJsonObject &body)
{
    AwsRequest request = m_client->request("POST", path);
    request.setHeader("Content-Type", "application/json");
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return m_client->send(request, {}, {}, false);
}

SignedClient::Answer TestSsoSignIn::listSessions(const AwsCredentials &credentials)
{
    m_client->setCredentials(credentials);
    const SignedClient::Answer portals =
        m_client->send(m_client->request("GET", "/portals"), u"workspaces-web"_s, now());
    const QString arn =
        portals.json().value(u"portals"_s).toArray().at(0).toObject().value(u"portalArn"_s).toString();
    const QByteArray portalId = arn.section(u'/', -1).toUtf8();
    const SignedClient::Answer sessions = m_client->send(
        m_client->request("GET", "/portals/" + portalId + "/sessions"), u"workspaces-web"_s, now());
    m_client->setCredentials(m_emulator->credentials());
    return sessions;
}

void TestSsoSignIn::deviceSignInThenCredentialsThenRenewal()
{
    auto context = std::make_shared<CredentialsContext>();
    context->env.insert(u"HOME"_s, m_home->path());
    context->env.insert(u"AWS_ENDPOINT_URL_SSO"_s, m_emulator->endpoint().toString());
    context->env.insert(u"AWS_ENDPOINT_URL_SSO_OIDC"_s, m_emulator->endpoint().toString());
    const QByteArray configText = "[profile dev]\n"
                                  "sso_session = corp\n"
                                  "sso_account_id = 444455556666\n"
                                  "sso_role_name = Admin\n"
                                  "[sso-session corp]\n"
                                  "sso_start_url = https://example.awsapps.com/start\n"
                                  "sso_region = us-east-1\n"
                                  "sso_registration_scopes = sso:account:access\n";
    context->config =
        SharedConfig(SharedConfigFile::parse(configText, SharedConfigFile::Kind::Config, u"config"_s).value(),
                     SharedConfigFile());
    context->clock = [offset = m_offsetSeconds] { return QDateTime::currentDateTimeUtc().addSecs(*offset); };
    context->network = std::make_shared<QNetworkAccessManager>();
    const AwsResult<SsoProfile> profile = SsoProfile::fromConfig(context->config, u"dev"_s);
    QVERIFY(profile);

    // 1. Device sign-in, approved through the emulator's control route as a browser would.
    SsoDeviceLogin login(profile.value(), context->env, context->config, context->network.get(),
                         context->clock);
    QString userCode;
    std::optional<AwsResult<QDateTime>> signedIn;
    connect(&login, &SsoDeviceLogin::verificationReady, this,
            [&](const QUrl &, const QString &code, const QUrl &, const QDateTime &) { userCode = code; });
    connect(&login, &SsoDeviceLogin::finished, this, [&](const AwsResult<QDateTime> &r) { signedIn = r; });
    login.start();
    QTRY_VERIFY_WITH_TIMEOUT(!userCode.isEmpty() || signedIn.has_value(), 20'000);
    QVERIFY(!userCode.isEmpty());
    QCOMPARE(postControl("/_emulator/sso/approve", {{u"userCode"_s, userCode}}).status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(signedIn.has_value(), 30'000);
    QVERIFY2(signedIn->ok(), qPrintable(signedIn->ok() ? QString() : signedIn->error().message()));

    const SsoTokenCache cache(SsoTokenCache::defaultFolder(context->env));
    const auto first = cache.read(u"corp"_s);
    QVERIFY(first && first.value());
    QVERIFY(!first.value()->refreshToken.isEmpty());
    QCOMPARE(first.value()->startUrl, u"https://example.awsapps.com/start"_s);
    QCOMPARE(first.value()->expiresAt, signedIn->value());

    // 2. The cached token gives role credentials that the emulator's ListSessions accepts.
    SsoCredentialsProvider provider(profile.value(), context);
    const auto fetch = [&]() -> AwsResult<AwsCredentials> {
        std::optional<AwsResult<AwsCredentials>> result;
        provider.fetch(this, [&](const AwsResult<AwsCredentials> &r) { result = r; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 30'000))
            return AwsError(AwsError::Category::Timeout, u"no answer"_s);
        return *result;
    };
    const AwsResult<AwsCredentials> credentials = fetch();
    QVERIFY2(credentials, qPrintable(credentials ? QString() : credentials.error().message()));
    QCOMPARE(listSessions(credentials.value()).status, 200);

    // 3. Past the token's lifetime (emulator and client clocks both), the refresh token renews it.
    const qint64 past = now().secsTo(first.value()->expiresAt) + 60;
    QCOMPARE(postControl("/_emulator/advance-clock", {{u"seconds"_s, past}}).status, 200);
    *m_offsetSeconds += past;
    provider.invalidate();
    const AwsResult<AwsCredentials> renewed = fetch();
    QVERIFY2(renewed, qPrintable(renewed ? QString() : renewed.error().message()));
    const auto second = cache.read(u"corp"_s);
    QVERIFY(second && second.value());
    QVERIFY2(second.value()->accessToken != first.value()->accessToken,
             "the cache still holds the old token");
    QVERIFY(second.value()->expiresAt > now());
    QCOMPARE(second.value()->clientId, first.value()->clientId);
    QCOMPARE(listSessions(renewed.value()).status, 200);
}

QTEST_GUILESS_MAIN(TestSsoSignIn)
#include "tst_ssosignin.moc"
