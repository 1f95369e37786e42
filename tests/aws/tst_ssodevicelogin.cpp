// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/config/SharedConfig.h"
#include "aws/credentials/sso/SsoDeviceLogin.h"
#include "aws/credentials/sso/SsoRegistrationCache.h"
#include "aws/credentials/sso/SsoTokenCache.h"

#include "ScriptedHttpServer.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace Qt::StringLiterals;
using Answer = ScriptedHttpServer::Answer;

// The OAuth device flow against scripted SSO OIDC answers on loopback: registration (cached and reused),
// device authorization, polling, and what ends it. Tokens are compared with QVERIFY, never printed.
class TestSsoDeviceLogin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void signsInAndCachesTokenAndRegistration();
    void reusesAnUnexpiredCachedRegistration();
    void legacyProfileRegistersWithoutScopes();
    void slowDownAddsFiveSeconds();
    void expiredCodeEndsWithTimeout();
    void refusedSignInEndsWithAccessDenied();
    void cancelStopsPollingAndWritesNothing();
    void codePastItsExpiryStopsPolling();
    void registrationErrorEndsAtOnce();

private:
    std::unique_ptr<SsoDeviceLogin> makeLogin(const QString &profileName);
    AwsResult<QDateTime> waitForFinished(SsoDeviceLogin &login);
    QString cacheFolder() const;
    void enqueueRegistration();
    void enqueueAuthorization(int interval = 1, int expiresIn = 600);
    static Answer oidcError(const QByteArray &code, const QByteArray &oauthError);
    static QJsonObject bodyOf(const ScriptedHttpServer::Request &request);

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<ScriptedHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::shared_ptr<QDateTime> m_now;
    SharedConfig m_config;
};

namespace {

const QByteArray configText = "[profile dev]\n"
                              "sso_session = corp\n"
                              "[sso-session corp]\n"
                              "sso_start_url = https://corp.awsapps.com/start\n"
                              "sso_region = eu-west-1\n"
                              "sso_registration_scopes = sso:account:access\n"
                              "[profile old]\n"
                              "sso_start_url = https://old.awsapps.com/start\n"
                              "sso_region = us-east-1\n";

} // namespace

void TestSsoDeviceLogin::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    m_server = std::make_unique<ScriptedHttpServer>();
    QVERIFY(m_server->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_now = std::make_shared<QDateTime>(QDate(2026, 12, 7), QTime(18, 0), QTimeZone::utc());
    m_config =
        SharedConfig(SharedConfigFile::parse(configText, SharedConfigFile::Kind::Config, u"c"_s).value(),
                     SharedConfigFile());
}

QString TestSsoDeviceLogin::cacheFolder() const
{
    return m_home->filePath(u".aws/sso/cache"_s);
}

std::unique_ptr<SsoDeviceLogin> TestSsoDeviceLogin::makeLogin(const QString &profileName)
{
    QProcessEnvironment env;
    env.insert(u"HOME"_s, m_home->path());
    env.insert(u"AWS_ENDPOINT_URL_SSO_OIDC"_s, m_server->url().toString());
    const AwsResult<SsoProfile> profile = SsoProfile::fromConfig(m_config, profileName);
    if (!profile)
        qFatal("test profile does not parse");
    return std::make_unique<SsoDeviceLogin>(profile.value(), env, m_config, m_network.get(),
                                            [now = m_now] { return *now; });
}

AwsResult<QDateTime> TestSsoDeviceLogin::waitForFinished(SsoDeviceLogin &login)
{
    // AwsResult has no default constructor, so QSignalSpy cannot hold it: collect the results here.
    QList<AwsResult<QDateTime>> results;
    QMetaObject::Connection connection = connect(&login, &SsoDeviceLogin::finished, this,
                                                 [&](const AwsResult<QDateTime> &r) { results.append(r); });
    const bool arrived = QTest::qWaitFor([&] { return !results.isEmpty(); }, 30'000);
    QTest::qWait(50); // a second finished() would show up here
    disconnect(connection);
    if (!arrived || results.size() != 1)
        return AwsError(AwsError::Category::Timeout, u"finished() did not come exactly once"_s);
    return results.first();
}

void TestSsoDeviceLogin::enqueueRegistration()
{
    const qint64 expires = m_now->addDays(90).toSecsSinceEpoch();
    m_server->enqueue(Answer::json(
        200, QJsonDocument(QJsonObject{{u"clientId"_s, u"client-id"_s},
                                       {u"clientSecret"_s, u"client-secret"_s},
                                       {u"clientIdIssuedAt"_s, double(m_now->toSecsSinceEpoch())},
                                       {u"clientSecretExpiresAt"_s, double(expires)}})
                 .toJson()));
}

void TestSsoDeviceLogin::enqueueAuthorization(int interval, int expiresIn)
{
    m_server->enqueue(Answer::json(
        200,
        QJsonDocument(QJsonObject{{u"deviceCode"_s, u"device-code"_s},
                                  {u"userCode"_s, u"ABCD-EFGH"_s},
                                  {u"verificationUri"_s, u"https://device.sso.eu-west-1.amazonaws.com/"_s},
                                  {u"verificationUriComplete"_s,
                                   u"https://device.sso.eu-west-1.amazonaws.com/?user_code=ABCD-EFGH"_s},
                                  {u"expiresIn"_s, expiresIn},
                                  {u"interval"_s, interval}})
            .toJson()));
}

Answer TestSsoDeviceLogin::oidcError(const QByteArray &code, const QByteArray &oauthError)
{
    return Answer::json(
        400, R"({"error":")" + oauthError + R"(","error_description":"from the script"})",
        {{"x-amzn-ErrorType", code + ":http://internal.amazon.com/coral/com.amazonaws.sso.oidc/"}});
}

QJsonObject TestSsoDeviceLogin::bodyOf(const ScriptedHttpServer::Request &request)
{
    return QJsonDocument::fromJson(request.body).object();
}

void TestSsoDeviceLogin::signsInAndCachesTokenAndRegistration()
{
    enqueueRegistration();
    enqueueAuthorization();
    m_server->enqueue(oidcError("AuthorizationPendingException", "authorization_pending"));
    m_server->enqueue(Answer::json(
        200, R"({"accessToken":"new-token","tokenType":"Bearer","expiresIn":28800,"refreshToken":"rt"})"));

    auto login = makeLogin(u"dev"_s);
    QSignalSpy ready(login.get(), &SsoDeviceLogin::verificationReady);
    login->start();
    const AwsResult<QDateTime> result = waitForFinished(*login);
    QVERIFY2(result, qPrintable(result ? QString() : result.error().message()));
    QCOMPARE(result.value(), m_now->addSecs(28800));

    QCOMPARE(ready.size(), 1);
    QCOMPARE(ready.first().at(0).toUrl(),
             QUrl(u"https://device.sso.eu-west-1.amazonaws.com/?user_code=ABCD-EFGH"_s));
    QCOMPARE(ready.first().at(1).toString(), u"ABCD-EFGH"_s);
    QCOMPARE(ready.first().at(2).toUrl(), QUrl(u"https://device.sso.eu-west-1.amazonaws.com/"_s));
    QCOMPARE(ready.first().at(3).toDateTime(), m_now->addSecs(600));

    const QList<ScriptedHttpServer::Request> &requests = m_server->requests();
    QCOMPARE(requests.size(), 4);
    QCOMPARE(requests.at(0).path(), QByteArray("/client/register"));
    const QJsonObject registerBody = bodyOf(requests.at(0));
    QCOMPARE(registerBody.value(u"clientType").toString(), u"public"_s);
    QCOMPARE(registerBody.value(u"clientName").toString(), u"sessionscope-client-corp"_s);
    QCOMPARE(registerBody.value(u"scopes").toArray(), QJsonArray{u"sso:account:access"_s});
    QCOMPARE(requests.at(1).path(), QByteArray("/device_authorization"));
    QCOMPARE(bodyOf(requests.at(1)).value(u"startUrl").toString(), u"https://corp.awsapps.com/start"_s);
    for (int i : {2, 3}) {
        QCOMPARE(requests.at(i).path(), QByteArray("/token"));
        const QJsonObject body = bodyOf(requests.at(i));
        QCOMPARE(body.value(u"grantType").toString(), u"urn:ietf:params:oauth:grant-type:device_code"_s);
        QVERIFY(body.value(u"deviceCode").toString() == u"device-code"_s);
        QCOMPARE(body.value(u"clientId").toString(), u"client-id"_s);
        QVERIFY(requests.at(i).header("Authorization").isNull());
    }

    const auto token = SsoTokenCache(cacheFolder()).read(u"corp"_s);
    QVERIFY(token && token.value());
    QCOMPARE(token.value()->startUrl, u"https://corp.awsapps.com/start"_s);
    QCOMPARE(token.value()->region, u"eu-west-1"_s);
    QVERIFY(token.value()->accessToken == u"new-token"_s);
    QVERIFY(token.value()->refreshToken == u"rt"_s);
    QCOMPARE(token.value()->clientId, u"client-id"_s);
    QCOMPARE(token.value()->registrationExpiresAt, m_now->addDays(90));
    QCOMPARE(token.value()->expiresAt, m_now->addSecs(28800));

    const QString key = SsoRegistrationCache::cacheKey(u"https://corp.awsapps.com/start"_s, u"eu-west-1"_s,
                                                       {u"sso:account:access"_s}, u"corp"_s);
    const auto registration = SsoRegistrationCache(cacheFolder()).read(key);
    QVERIFY(registration && registration.value());
    QCOMPARE(registration.value()->clientId, u"client-id"_s);
    QCOMPARE(registration.value()->expiresAt, m_now->addDays(90));
}

void TestSsoDeviceLogin::reusesAnUnexpiredCachedRegistration()
{
    SsoClientRegistration registration;
    registration.clientId = u"cached-client"_s;
    registration.clientSecret = u"cached-secret"_s;
    registration.expiresAt = m_now->addDays(1);
    registration.scopes = {u"sso:account:access"_s};
    const QString key = SsoRegistrationCache::cacheKey(u"https://corp.awsapps.com/start"_s, u"eu-west-1"_s,
                                                       registration.scopes, u"corp"_s);
    QVERIFY(SsoRegistrationCache(cacheFolder()).write(key, registration));

    enqueueAuthorization();
    m_server->enqueue(Answer::json(200, R"({"accessToken":"new-token","expiresIn":3600})"));
    auto login = makeLogin(u"dev"_s);
    login->start();
    QVERIFY(waitForFinished(*login));
    QCOMPARE(m_server->requests().size(), 2);
    QCOMPARE(m_server->requests().at(0).path(), QByteArray("/device_authorization"));
    QCOMPARE(bodyOf(m_server->requests().at(0)).value(u"clientId").toString(), u"cached-client"_s);
    const auto token = SsoTokenCache(cacheFolder()).read(u"corp"_s);
    QCOMPARE(token.value()->clientId, u"cached-client"_s);
    QVERIFY(token.value()->refreshToken.isEmpty());
}

void TestSsoDeviceLogin::legacyProfileRegistersWithoutScopes()
{
    enqueueRegistration();
    enqueueAuthorization();
    m_server->enqueue(Answer::json(200, R"({"accessToken":"new-token","expiresIn":3600})"));
    auto login = makeLogin(u"old"_s);
    login->start();
    QVERIFY(waitForFinished(*login));
    QVERIFY(!bodyOf(m_server->requests().at(0)).contains(u"scopes"_s));
    // Cached under the start URL, the registration under the AWS CLI's legacy key.
    const auto token = SsoTokenCache(cacheFolder()).read(u"https://old.awsapps.com/start"_s);
    QVERIFY(token && token.value());
    const QString key =
        SsoRegistrationCache::cacheKey(u"https://old.awsapps.com/start"_s, u"us-east-1"_s, {}, QString());
    QCOMPARE(key, u"7ec99555f7262444b173b1e48e0a30c50466e406"_s);
    QVERIFY(QFile::exists(SsoRegistrationCache(cacheFolder()).path(key)));
}

void TestSsoDeviceLogin::slowDownAddsFiveSeconds()
{
    enqueueRegistration();
    enqueueAuthorization();
    m_server->enqueue(oidcError("SlowDownException", "slow_down"));
    m_server->enqueue(Answer::json(200, R"({"accessToken":"new-token","expiresIn":3600})"));
    auto login = makeLogin(u"dev"_s);
    login->start();
    // The second poll waits interval + 5 s; the flow only has to finish (no timed assertion).
    QVERIFY(waitForFinished(*login));
    QCOMPARE(m_server->requests().size(), 4);
}

void TestSsoDeviceLogin::expiredCodeEndsWithTimeout()
{
    enqueueRegistration();
    enqueueAuthorization();
    m_server->enqueue(oidcError("ExpiredTokenException", "expired_token"));
    auto login = makeLogin(u"dev"_s);
    login->start();
    const AwsResult<QDateTime> result = waitForFinished(*login);
    QVERIFY(!result);
    QCOMPARE(result.error().category(), AwsError::Category::Timeout);
    QVERIFY(!QFile::exists(SsoTokenCache(cacheFolder()).path(u"corp"_s)));
}

void TestSsoDeviceLogin::refusedSignInEndsWithAccessDenied()
{
    enqueueRegistration();
    enqueueAuthorization();
    m_server->enqueue(oidcError("AccessDeniedException", "access_denied"));
    auto login = makeLogin(u"dev"_s);
    login->start();
    const AwsResult<QDateTime> result = waitForFinished(*login);
    QVERIFY(!result);
    QCOMPARE(result.error().category(), AwsError::Category::AccessDenied);
}

void TestSsoDeviceLogin::cancelStopsPollingAndWritesNothing()
{
    enqueueRegistration();
    enqueueAuthorization(/*interval*/ 30);
    m_server->enqueue(oidcError("AuthorizationPendingException", "authorization_pending"));
    auto login = makeLogin(u"dev"_s);
    QList<AwsResult<QDateTime>> results;
    connect(login.get(), &SsoDeviceLogin::finished, this,
            [&](const AwsResult<QDateTime> &r) { results.append(r); });
    login->start();
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requests().size(), 3, 20'000);
    QTest::qWait(50);
    login->cancel();
    login->cancel();
    QCOMPARE(results.size(), 1);
    QVERIFY(!results.first());
    QCOMPARE(results.first().error().category(), AwsError::Category::Cancelled);
    QVERIFY(!QFile::exists(SsoTokenCache(cacheFolder()).path(u"corp"_s)));
}

void TestSsoDeviceLogin::codePastItsExpiryStopsPolling()
{
    enqueueRegistration();
    enqueueAuthorization(/*interval*/ 1, /*expiresIn*/ 600);
    m_server->enqueue(oidcError("AuthorizationPendingException", "authorization_pending"));
    auto login = makeLogin(u"dev"_s);
    connect(login.get(), &SsoDeviceLogin::verificationReady, this, [this] { *m_now = m_now->addSecs(601); });
    login->start();
    const AwsResult<QDateTime> result = waitForFinished(*login);
    QVERIFY(!result);
    QCOMPARE(result.error().category(), AwsError::Category::Timeout);
    // Registration and authorization only: the expired code is not polled.
    QCOMPARE(m_server->requests().size(), 2);
}

void TestSsoDeviceLogin::registrationErrorEndsAtOnce()
{
    m_server->enqueue(oidcError("InvalidScopeException", "invalid_scope"));
    auto login = makeLogin(u"dev"_s);
    QSignalSpy ready(login.get(), &SsoDeviceLogin::verificationReady);
    login->start();
    const AwsResult<QDateTime> result = waitForFinished(*login);
    QVERIFY(!result);
    QCOMPARE(result.error().code(), u"InvalidScopeException"_s);
    QCOMPARE(result.error().message(), u"from the script"_s);
    QCOMPARE(ready.size(), 0);
}

QTEST_GUILESS_MAIN(TestSsoDeviceLogin)
#include "tst_ssodevicelogin.moc"
