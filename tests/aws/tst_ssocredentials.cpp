// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/config/SharedConfig.h"
#include "aws/credentials/sso/SsoCredentialsProvider.h"
#include "aws/credentials/sso/SsoTokenCache.h"

#include "ScriptedHttpServer.h"

#include <QDir>
#include <QFile>
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

// SsoCredentialsProvider against scripted SSO portal and OIDC answers on loopback, with the token cache
// in a temporary HOME and a clock the test moves. Tokens are compared with QVERIFY, never printed.
class TestSsoCredentials : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void validTokenGivesRoleCredentials();
    void credentialsAreCachedUntilShortlyBeforeTheirExpiry();
    void concurrentFetchesShareOneCall();
    void noSignInAsksToSignIn();
    void expiredLegacyTokenAsksToSignInWithoutCalling();
    void expiredTokenIsRenewedAndWrittenBack();
    void tokenIsRenewedFifteenMinutesAhead();
    void rejectedRenewalOfAnExpiredTokenAsksToSignIn();
    void failedRenewalKeepsAStillValidToken();
    void networkFailureOfARenewalIsNotASignInProblem();
    void unauthorizedAnswerAsksToSignIn();
    void missingRoleIsAConfigurationError();
    void malformedAnswerNeverQuotesIt();
    void malformedCacheFileNamesTheFile();

private:
    std::unique_ptr<SsoCredentialsProvider> makeProvider(const QString &profileName);
    AwsResult<AwsCredentials> fetchAndWait(SsoCredentialsProvider &provider);
    void writeToken(const QString &key, qint64 expiresInSeconds, bool refreshable);
    static Answer roleCredentials(qint64 expirationMs);
    static QJsonObject bodyOf(const ScriptedHttpServer::Request &request);

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<ScriptedHttpServer> m_server;
    std::shared_ptr<QNetworkAccessManager> m_network;
    std::shared_ptr<QDateTime> m_now;
};

namespace {

const QByteArray config = "[profile dev]\n"
                          "sso_session = corp\n"
                          "sso_account_id = 111122223333\n"
                          "sso_role_name = Admin\n"
                          "[sso-session corp]\n"
                          "sso_start_url = https://corp.awsapps.com/start\n"
                          "sso_region = eu-west-1\n"
                          "sso_registration_scopes = sso:account:access\n"
                          "[profile old]\n"
                          "sso_start_url = https://old.awsapps.com/start\n"
                          "sso_region = us-east-1\n"
                          "sso_account_id = 111122223333\n"
                          "sso_role_name = ReadOnly\n"
                          "[profile norole]\n"
                          "sso_session = corp\n";

const QString cachedToken = u"cached-access-token"_s;

} // namespace

void TestSsoCredentials::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    m_server = std::make_unique<ScriptedHttpServer>();
    QVERIFY(m_server->listen());
    m_network = std::make_shared<QNetworkAccessManager>();
    m_now = std::make_shared<QDateTime>(QDate(2026, 12, 7), QTime(18, 0), QTimeZone::utc());
}

std::unique_ptr<SsoCredentialsProvider> TestSsoCredentials::makeProvider(const QString &profileName)
{
    auto context = std::make_shared<CredentialsContext>();
    context->env.insert(u"HOME"_s, m_home->path());
    context->env.insert(u"AWS_ENDPOINT_URL_SSO"_s, m_server->url().toString());
    context->env.insert(u"AWS_ENDPOINT_URL_SSO_OIDC"_s, m_server->url().toString());
    context->config = SharedConfig(
        SharedConfigFile::parse(config, SharedConfigFile::Kind::Config, u"c"_s).value(), SharedConfigFile());
    context->clock = [now = m_now] { return *now; };
    context->network = m_network;
    const AwsResult<SsoProfile> profile = SsoProfile::fromConfig(context->config, profileName);
    if (!profile)
        qFatal("test profile does not parse");
    return std::make_unique<SsoCredentialsProvider>(profile.value(), context);
}

AwsResult<AwsCredentials> TestSsoCredentials::fetchAndWait(SsoCredentialsProvider &provider)
{
    std::optional<AwsResult<AwsCredentials>> result;
    provider.fetch(this, [&](const AwsResult<AwsCredentials> &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 20'000))
        return AwsError(AwsError::Category::Timeout, u"no answer"_s);
    return *result;
}

void TestSsoCredentials::writeToken(const QString &key, qint64 expiresInSeconds, bool refreshable)
{
    SsoToken token;
    token.startUrl = u"https://corp.awsapps.com/start"_s;
    token.region = u"eu-west-1"_s;
    token.accessToken = cachedToken;
    token.expiresAt = m_now->addSecs(expiresInSeconds);
    if (refreshable) {
        token.clientId = u"client-id"_s;
        token.clientSecret = u"client-secret"_s;
        token.registrationExpiresAt = m_now->addDays(90);
        token.refreshToken = u"refresh-1"_s;
    }
    token.otherFields.insert(u"futureField"_s, u"kept"_s);
    QProcessEnvironment env;
    env.insert(u"HOME"_s, m_home->path());
    QVERIFY(SsoTokenCache(SsoTokenCache::defaultFolder(env)).write(key, token));
}

Answer TestSsoCredentials::roleCredentials(qint64 expirationMs)
{
    const QJsonObject role{{u"accessKeyId"_s, u"ASIAROLE"_s},
                           {u"secretAccessKey"_s, u"role-secret"_s},
                           {u"sessionToken"_s, u"role-session"_s},
                           {u"expiration"_s, double(expirationMs)}};
    return Answer::json(200, QJsonDocument(QJsonObject{{u"roleCredentials"_s, role}}).toJson());
}

QJsonObject TestSsoCredentials::bodyOf(const ScriptedHttpServer::Request &request)
{
    return QJsonDocument::fromJson(request.body).object();
}

void TestSsoCredentials::validTokenGivesRoleCredentials()
{
    writeToken(u"corp"_s, 3600, true);
    const qint64 expirationMs = m_now->addSecs(3600).toMSecsSinceEpoch() + 250;
    m_server->enqueue(roleCredentials(expirationMs));
    auto provider = makeProvider(u"dev"_s);
    const AwsResult<AwsCredentials> result = fetchAndWait(*provider);
    QVERIFY2(result, qPrintable(result ? QString() : result.error().message()));
    QCOMPARE(result.value().accessKeyId, u"ASIAROLE"_s);
    QVERIFY(result.value().secretAccessKey == u"role-secret"_s);
    QVERIFY(result.value().sessionToken == u"role-session"_s);
    QCOMPARE(result.value().expiration.toMSecsSinceEpoch(), expirationMs);
    QCOMPARE(result.value().source, u"IAM Identity Center profile dev"_s);

    QCOMPARE(m_server->requests().size(), 1);
    const ScriptedHttpServer::Request &request = m_server->requests().first();
    QCOMPARE(request.method, QByteArray("GET"));
    QCOMPARE(request.path(), QByteArray("/federation/credentials"));
    const auto query = request.queryItems();
    QVERIFY(query.contains(qMakePair(u"role_name"_s, u"Admin"_s)));
    QVERIFY(query.contains(qMakePair(u"account_id"_s, u"111122223333"_s)));
    QVERIFY2(request.header("x-amz-sso_bearer_token") == cachedToken.toUtf8(),
             "the bearer token is not the cached one");
    QVERIFY(request.header("Authorization").isNull());
}

void TestSsoCredentials::credentialsAreCachedUntilShortlyBeforeTheirExpiry()
{
    writeToken(u"corp"_s, 8 * 3600, true);
    m_server->enqueue(roleCredentials(m_now->addSecs(3600).toMSecsSinceEpoch()));
    m_server->enqueue(roleCredentials(m_now->addSecs(7200).toMSecsSinceEpoch()));
    auto provider = makeProvider(u"dev"_s);
    QVERIFY(fetchAndWait(*provider));
    *m_now = m_now->addSecs(3600 - 301);
    QVERIFY(fetchAndWait(*provider));
    QCOMPARE(m_server->requests().size(), 1);
    *m_now = m_now->addSecs(2);
    QVERIFY(fetchAndWait(*provider));
    QCOMPARE(m_server->requests().size(), 2);
    provider->invalidate();
    m_server->enqueue(roleCredentials(m_now->addSecs(7200).toMSecsSinceEpoch()));
    QVERIFY(fetchAndWait(*provider));
    QCOMPARE(m_server->requests().size(), 3);
}

void TestSsoCredentials::concurrentFetchesShareOneCall()
{
    writeToken(u"corp"_s, 3600, true);
    m_server->enqueue(roleCredentials(m_now->addSecs(3600).toMSecsSinceEpoch()).after(100));
    auto provider = makeProvider(u"dev"_s);
    int answers = 0;
    for (int i = 0; i < 3; ++i)
        provider->fetch(this, [&](const AwsResult<AwsCredentials> &r) { answers += r.ok() ? 1 : 100; });
    QTRY_COMPARE_WITH_TIMEOUT(answers, 3, 20'000);
    QCOMPARE(m_server->requests().size(), 1);
}

void TestSsoCredentials::noSignInAsksToSignIn()
{
    auto provider = makeProvider(u"dev"_s);
    const AwsResult<AwsCredentials> result = fetchAndWait(*provider);
    QVERIFY(!result);
    QVERIFY(result.error().isSignInRequired());
    QCOMPARE(result.error().category(), AwsError::Category::Credentials);
    QCOMPARE(
        result.error().message(),
        u"The IAM Identity Center sign-in for profile dev has expired. Sign in again: sessionscope-cli login "
        "--profile dev (or aws sso login --profile dev)."_s);
    QCOMPARE(m_server->requests().size(), 0);
}

void TestSsoCredentials::expiredLegacyTokenAsksToSignInWithoutCalling()
{
    writeToken(u"https://old.awsapps.com/start"_s, -1, true);
    auto provider = makeProvider(u"old"_s);
    const AwsResult<AwsCredentials> result = fetchAndWait(*provider);
    QVERIFY(!result);
    QVERIFY(result.error().isSignInRequired());
    QVERIFY(result.error().message().contains(u"--profile old"_s));
    QCOMPARE(m_server->requests().size(), 0);
}

void TestSsoCredentials::expiredTokenIsRenewedAndWrittenBack()
{
    writeToken(u"corp"_s, -60, true);
    m_server->enqueue(Answer::json(200,
                                   R"({"accessToken":"renewed-token","tokenType":"Bearer","expiresIn":28800,)"
                                   R"("refreshToken":"refresh-2"})"));
    m_server->enqueue(roleCredentials(m_now->addSecs(3600).toMSecsSinceEpoch()));
    auto provider = makeProvider(u"dev"_s);
    const AwsResult<AwsCredentials> result = fetchAndWait(*provider);
    QVERIFY2(result, qPrintable(result ? QString() : result.error().message()));

    QCOMPARE(m_server->requests().size(), 2);
    const ScriptedHttpServer::Request &refresh = m_server->requests().at(0);
    QCOMPARE(refresh.method, QByteArray("POST"));
    QCOMPARE(refresh.path(), QByteArray("/token"));
    const QJsonObject body = bodyOf(refresh);
    QCOMPARE(body.value(u"grantType").toString(), u"refresh_token"_s);
    QCOMPARE(body.value(u"clientId").toString(), u"client-id"_s);
    QVERIFY(body.value(u"clientSecret").toString() == u"client-secret"_s);
    QVERIFY(body.value(u"refreshToken").toString() == u"refresh-1"_s);
    QVERIFY2(m_server->requests().at(1).header("x-amz-sso_bearer_token") == "renewed-token",
             "GetRoleCredentials did not use the renewed token");

    QProcessEnvironment env;
    env.insert(u"HOME"_s, m_home->path());
    const auto cached = SsoTokenCache(SsoTokenCache::defaultFolder(env)).read(u"corp"_s);
    QVERIFY(cached && cached.value());
    QVERIFY(cached.value()->accessToken == u"renewed-token"_s);
    QVERIFY(cached.value()->refreshToken == u"refresh-2"_s);
    QCOMPARE(cached.value()->expiresAt, m_now->addSecs(28800));
    QCOMPARE(cached.value()->clientId, u"client-id"_s);
    QCOMPARE(cached.value()->otherFields.value(u"futureField").toString(), u"kept"_s);
}

void TestSsoCredentials::tokenIsRenewedFifteenMinutesAhead()
{
    writeToken(u"corp"_s, 14 * 60, true);
    m_server->enqueue(Answer::json(200, R"({"accessToken":"renewed-token","expiresIn":3600})"));
    m_server->enqueue(roleCredentials(m_now->addSecs(3600).toMSecsSinceEpoch()));
    auto provider = makeProvider(u"dev"_s);
    QVERIFY(fetchAndWait(*provider));
    QCOMPARE(m_server->requests().size(), 2);
    QCOMPARE(m_server->requests().at(0).path(), QByteArray("/token"));

    // With 16 minutes left, the token is used as it is.
    writeToken(u"corp"_s, 16 * 60, true);
    auto second = makeProvider(u"dev"_s);
    m_server->enqueue(roleCredentials(m_now->addSecs(3600).toMSecsSinceEpoch()));
    QVERIFY(fetchAndWait(*second));
    QCOMPARE(m_server->requests().size(), 3);
    QCOMPARE(m_server->requests().at(2).path(), QByteArray("/federation/credentials"));
}

void TestSsoCredentials::rejectedRenewalOfAnExpiredTokenAsksToSignIn()
{
    writeToken(u"corp"_s, -60, true);
    m_server->enqueue(
        Answer::json(400, R"({"error":"invalid_grant","error_description":"Invalid refresh token"})",
                     {{"x-amzn-ErrorType", "InvalidGrantException:http://internal.amazon.com/"}}));
    auto provider = makeProvider(u"dev"_s);
    const AwsResult<AwsCredentials> result = fetchAndWait(*provider);
    QVERIFY(!result);
    QVERIFY(result.error().isSignInRequired());
    QCOMPARE(m_server->requests().size(), 1);
}

void TestSsoCredentials::failedRenewalKeepsAStillValidToken()
{
    writeToken(u"corp"_s, 10 * 60, true);
    m_server->enqueue(Answer::json(400, R"({"error":"invalid_grant","error_description":"no"})"));
    m_server->enqueue(roleCredentials(m_now->addSecs(600).toMSecsSinceEpoch()));
    auto provider = makeProvider(u"dev"_s);
    QVERIFY(fetchAndWait(*provider));
    QVERIFY(m_server->requests().at(1).header("x-amz-sso_bearer_token") == cachedToken.toUtf8());
}

void TestSsoCredentials::networkFailureOfARenewalIsNotASignInProblem()
{
    writeToken(u"corp"_s, -60, true);
    m_server->setFallback(Answer::closeWithoutAnswer());
    auto provider = makeProvider(u"dev"_s);
    const AwsResult<AwsCredentials> result = fetchAndWait(*provider);
    QVERIFY(!result);
    QVERIFY(!result.error().isSignInRequired());
    QCOMPARE(result.error().category(), AwsError::Category::Network);
}

void TestSsoCredentials::unauthorizedAnswerAsksToSignIn()
{
    writeToken(u"corp"_s, 3600, false);
    m_server->enqueue(Answer::awsError(401, "UnauthorizedException", "Session token not found or invalid"));
    auto provider = makeProvider(u"dev"_s);
    const AwsResult<AwsCredentials> result = fetchAndWait(*provider);
    QVERIFY(!result);
    QVERIFY(result.error().isSignInRequired());
}

void TestSsoCredentials::missingRoleIsAConfigurationError()
{
    auto provider = makeProvider(u"norole"_s);
    const AwsResult<AwsCredentials> result = fetchAndWait(*provider);
    QVERIFY(!result);
    QCOMPARE(result.error().category(), AwsError::Category::Configuration);
    QCOMPARE(result.error().message(),
             u"The profile \"norole\" is configured to use SSO but is missing required "
             "configuration: sso_role_name, sso_account_id"_s);
}

void TestSsoCredentials::malformedAnswerNeverQuotesIt()
{
    writeToken(u"corp"_s, 3600, true);
    m_server->enqueue(
        Answer::json(200, R"({"roleCredentials":{"accessKeyId":"ASIA","secretAccessKey":"SECRETX"}})"));
    auto provider = makeProvider(u"dev"_s);
    const AwsResult<AwsCredentials> result = fetchAndWait(*provider);
    QVERIFY(!result);
    QCOMPARE(result.error().category(), AwsError::Category::MalformedAnswer);
    QVERIFY(result.error().message().contains(u"sessionToken"_s));
    QVERIFY2(!result.error().toLogLine().contains(u"SECRETX"_s), "the error quotes the answer");
}

void TestSsoCredentials::malformedCacheFileNamesTheFile()
{
    QProcessEnvironment env;
    env.insert(u"HOME"_s, m_home->path());
    const SsoTokenCache cache(SsoTokenCache::defaultFolder(env));
    QVERIFY(QDir().mkpath(cache.folder()));
    QFile file(cache.path(u"corp"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"accessToken\": \"SECRETX\"");
    file.close();
    auto provider = makeProvider(u"dev"_s);
    const AwsResult<AwsCredentials> result = fetchAndWait(*provider);
    QVERIFY(!result);
    QCOMPARE(result.error().category(), AwsError::Category::Credentials);
    QVERIFY(result.error().message().contains(SsoTokenCache::fileName(u"corp"_s)));
    QVERIFY2(!result.error().message().contains(u"SECRETX"_s), "the error quotes the file");
}

QTEST_GUILESS_MAIN(TestSsoCredentials)
#include "tst_ssocredentials.moc"
