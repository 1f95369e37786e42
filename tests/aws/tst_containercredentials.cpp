// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/credentials/machine/ContainerCredentialsProvider.h"

#include "ScriptedHttpServer.h"
#include "TestEnvironment.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

// Container credentials (ECS, EKS Pod Identity) as botocore's ContainerProvider gets them: the URL it
// builds, the hosts it allows, the Authorization header (the token file read at every fetch), errors
// that never quote the answer, and refresh before expiry - against a scripted endpoint on loopback.
class TestContainerCredentials : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void relativeUriIsOnTheEcsAddress();
    void fullUriHosts_data();
    void fullUriHosts();
    void fetchesWithTheTokenFromTheEnvironment();
    void tokenFileIsReadAtEveryFetch();
    void tokenWithALineBreakIsRefused();
    void unreadableTokenFile();
    void wrongTokenIsAnError();
    void malformedAnswers_data();
    void malformedAnswers();
    void refreshesBeforeExpiry();

private:
    std::shared_ptr<CredentialsContext> context(const QProcessEnvironment &env);
    AwsResult<AwsCredentials> fetch(CredentialsProvider &provider);
    QString endpointUrl() const { return m_server->url().toString() + u"/v2/credentials/abc?x=1"_s; }
    void writeTokenFile(const QByteArray &token);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ScriptedHttpServer> m_server;
    std::shared_ptr<QNetworkAccessManager> m_network;
    QDateTime m_now;
};

namespace {

const QByteArray secret = "container/secret/NEVER-SHOWN";
const QByteArray sessionToken = "container-session-token-NEVER-SHOWN";

QByteArray credentialsJson(const QByteArray &keyId, const QByteArray &expiration)
{
    return R"({"AccessKeyId": ")" + keyId + R"(", "SecretAccessKey": ")" + secret + R"(", "Token": ")" +
           sessionToken + R"(", "Expiration": ")" + expiration + R"(", "AccountId": "123456789012"})";
}

QString messageOf(const AwsResult<AwsCredentials> &result)
{
    return result.ok() ? QString() : result.error().message();
}

} // namespace

void TestContainerCredentials::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_server = std::make_unique<ScriptedHttpServer>();
    QVERIFY(m_server->listen());
    m_network = std::make_shared<QNetworkAccessManager>();
    m_now = QDateTime(QDate(2030, 1, 1), QTime(0, 0), QTimeZone::utc());
}

std::shared_ptr<CredentialsContext> TestContainerCredentials::context(const QProcessEnvironment &env)
{
    auto context = std::make_shared<CredentialsContext>();
    context->env = env;
    context->clock = [this] { return m_now; };
    context->network = m_network;
    return context;
}

AwsResult<AwsCredentials> TestContainerCredentials::fetch(CredentialsProvider &provider)
{
    std::optional<AwsResult<AwsCredentials>> result;
    provider.fetch(this, [&](const AwsResult<AwsCredentials> &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 30'000))
        return AwsError(AwsError::Category::Timeout, u"test: no answer"_s);
    return *result;
}

void TestContainerCredentials::writeTokenFile(const QByteArray &token)
{
    QFile file(m_dir->filePath(u"token"_s));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(token);
}

void TestContainerCredentials::relativeUriIsOnTheEcsAddress()
{
    // 169.254.170.2 cannot be reached from a test: the URL is checked without sending anything.
    QProcessEnvironment env =
        testEnvironment({u"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI=/v2/credentials/5f8a-task?x=1"_s});
    QVERIFY(ContainerCredentialsProvider::isConfigured(env));
    AwsResult<QUrl> url = ContainerCredentialsProvider::url(env);
    QVERIFY(url.ok());
    QCOMPARE(url.value().toString(), u"http://169.254.170.2/v2/credentials/5f8a-task?x=1"_s);

    // The relative URI wins over a full one, as in botocore.
    env.insert(u"AWS_CONTAINER_CREDENTIALS_FULL_URI"_s, u"http://127.0.0.1:9/other"_s);
    url = ContainerCredentialsProvider::url(env);
    QVERIFY(url.ok());
    QCOMPARE(url.value().host(), u"169.254.170.2"_s);

    QVERIFY(!ContainerCredentialsProvider::isConfigured(QProcessEnvironment()));
}

void TestContainerCredentials::fullUriHosts_data()
{
    QTest::addColumn<QString>("uri");
    QTest::addColumn<bool>("allowed");
    // botocore's ContainerMetadataFetcher: https anywhere; http to a loopback address or its list.
    QTest::newRow("loopback v4") << u"http://127.0.0.1:8080/creds"_s << true;
    QTest::newRow("loopback v4 elsewhere in 127/8") << u"http://127.3.4.5/creds"_s << true;
    QTest::newRow("loopback v6") << u"http://[::1]:8080/creds"_s << true;
    QTest::newRow("localhost") << u"http://localhost:8080/creds"_s << true;
    QTest::newRow("ecs") << u"http://169.254.170.2/creds"_s << true;
    QTest::newRow("eks pod identity") << u"http://169.254.170.23/v1/credentials"_s << true;
    QTest::newRow("eks pod identity v6") << u"http://[fd00:ec2::23]/v1/credentials"_s << true;
    QTest::newRow("https anywhere") << u"https://credentials.example.com/creds"_s << true;
    QTest::newRow("http elsewhere") << u"http://credentials.example.com/creds"_s << false;
    QTest::newRow("instance metadata address") << u"http://169.254.169.254/creds"_s << false;
    QTest::newRow("private address") << u"http://10.0.0.1/creds"_s << false;
    QTest::newRow("looks like loopback") << u"http://127.0.0.1.example.com/creds"_s << false;
    QTest::newRow("other scheme") << u"ftp://localhost/creds"_s << false;
    QTest::newRow("no host") << u"/creds"_s << false;
    QTest::newRow("user info not shown") << u"http://user:pa55word@example.com/creds"_s << false;
}

void TestContainerCredentials::fullUriHosts()
{
    QFETCH(QString, uri);
    QFETCH(bool, allowed);
    QProcessEnvironment env;
    env.insert(u"AWS_CONTAINER_CREDENTIALS_FULL_URI"_s, uri);
    const AwsResult<QUrl> url = ContainerCredentialsProvider::url(env);
    QCOMPARE(url.ok(), allowed);
    if (allowed)
        return;
    QCOMPARE(url.error().category(), AwsError::Category::Configuration);
    QVERIFY2(url.error().message().contains(u"AWS_CONTAINER_CREDENTIALS_FULL_URI"_s),
             qPrintable(url.error().message()));
    QVERIFY(!url.error().message().contains(u"pa55word"_s));

    // The provider ends with that error without sending anything.
    ContainerCredentialsProvider provider(context(env));
    const AwsResult<AwsCredentials> result = fetch(provider);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().category(), AwsError::Category::Configuration);
}

void TestContainerCredentials::fetchesWithTheTokenFromTheEnvironment()
{
    m_server->enqueue(
        ScriptedHttpServer::Answer::json(200, credentialsJson("ASIACONTAINER", "2030-01-01T06:00:00Z")));
    ContainerCredentialsProvider provider(context(testEnvironment({
        u"AWS_CONTAINER_CREDENTIALS_FULL_URI="_s + endpointUrl(),
        u"AWS_CONTAINER_AUTHORIZATION_TOKEN=Basic env-token"_s,
    })));
    const AwsResult<AwsCredentials> result = fetch(provider);
    QVERIFY2(result.ok(), qPrintable(messageOf(result)));
    QCOMPARE(result.value().accessKeyId, u"ASIACONTAINER"_s);
    QCOMPARE(result.value().secretAccessKey, QString::fromUtf8(secret));
    QCOMPARE(result.value().sessionToken, QString::fromUtf8(sessionToken));
    QCOMPARE(result.value().expiration, QDateTime(QDate(2030, 1, 1), QTime(6, 0), QTimeZone::utc()));
    QCOMPARE(m_server->requests().size(), 1);
    const ScriptedHttpServer::Request &request = m_server->requests().first();
    QCOMPARE(request.method, "GET");
    QCOMPARE(request.target, "/v2/credentials/abc?x=1");
    QCOMPARE(request.header("authorization"), "Basic env-token");
    QCOMPARE(request.header("accept"), "application/json");

    // Without a token, no Authorization header at all.
    m_server->enqueue(
        ScriptedHttpServer::Answer::json(200, credentialsJson("ASIANOTOKEN", "2030-01-01T06:00:00Z")));
    ContainerCredentialsProvider anonymous(
        context(testEnvironment({u"AWS_CONTAINER_CREDENTIALS_FULL_URI="_s + endpointUrl()})));
    QCOMPARE(fetch(anonymous).value().accessKeyId, u"ASIANOTOKEN"_s);
    QVERIFY(m_server->requests().last().header("authorization").isNull());
}

void TestContainerCredentials::tokenFileIsReadAtEveryFetch()
{
    writeTokenFile("file-token-1");
    m_server->enqueue(
        ScriptedHttpServer::Answer::json(200, credentialsJson("ASIAONE", "2030-01-01T01:00:00Z")));
    m_server->enqueue(
        ScriptedHttpServer::Answer::json(200, credentialsJson("ASIATWO", "2030-01-01T02:00:00Z")));
    ContainerCredentialsProvider provider(context(testEnvironment({
        u"AWS_CONTAINER_CREDENTIALS_FULL_URI="_s + endpointUrl(),
        u"AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE="_s + m_dir->filePath(u"token"_s),
        u"AWS_CONTAINER_AUTHORIZATION_TOKEN=env-token-loses"_s, // the file wins, as in botocore
    })));
    QCOMPARE(fetch(provider).value().accessKeyId, u"ASIAONE"_s);
    QCOMPARE(m_server->requests().last().header("authorization"), "file-token-1");

    // EKS rotates the file; the next fetch (after invalidate, or near expiry) sends the new token.
    writeTokenFile("file-token-2");
    provider.invalidate();
    QCOMPARE(fetch(provider).value().accessKeyId, u"ASIATWO"_s);
    QCOMPARE(m_server->requests().last().header("authorization"), "file-token-2");
}

void TestContainerCredentials::tokenWithALineBreakIsRefused()
{
    ContainerCredentialsProvider provider(context(testEnvironment({
        u"AWS_CONTAINER_CREDENTIALS_FULL_URI="_s + endpointUrl(),
        u"AWS_CONTAINER_AUTHORIZATION_TOKEN=secret-part\r\nX-Injected: 1"_s,
    })));
    const AwsResult<AwsCredentials> result = fetch(provider);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().category(), AwsError::Category::Configuration);
    QVERIFY(!result.error().message().contains(u"secret-part"_s));
    QCOMPARE(m_server->requests().size(), 0);
}

void TestContainerCredentials::unreadableTokenFile()
{
    const QString missing = m_dir->filePath(u"no-such-token"_s);
    ContainerCredentialsProvider provider(context(testEnvironment({
        u"AWS_CONTAINER_CREDENTIALS_FULL_URI="_s + endpointUrl(),
        u"AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE="_s + missing,
    })));
    const AwsResult<AwsCredentials> result = fetch(provider);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().category(), AwsError::Category::Credentials);
    QVERIFY2(result.error().message().contains(missing), qPrintable(result.error().message()));
    QCOMPARE(m_server->requests().size(), 0);
}

void TestContainerCredentials::wrongTokenIsAnError()
{
    // botocore tries three times whatever the failure, then gives up.
    m_server->setFallback(ScriptedHttpServer::Answer::json(
        401, R"({"code": "Unauthorized", "message": "bad token wrong-token-value"})"));
    ContainerCredentialsProvider provider(context(testEnvironment({
        u"AWS_CONTAINER_CREDENTIALS_FULL_URI="_s + endpointUrl(),
        u"AWS_CONTAINER_AUTHORIZATION_TOKEN=wrong-token-value"_s,
    })));
    const AwsResult<AwsCredentials> result = fetch(provider);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().category(), AwsError::Category::Credentials);
    QVERIFY2(result.error().message().contains(u"401"_s), qPrintable(result.error().message()));
    QVERIFY(!result.error().message().contains(u"wrong-token-value"_s));
    QCOMPARE(m_server->requests().size(), ContainerCredentialsProvider::attempts);
}

void TestContainerCredentials::malformedAnswers_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("not json") << QByteArray("{\"SecretAccessKey\": \"" + secret + "\", oops");
    QTest::newRow("html") << QByteArray("<html>" + secret + "</html>");
    QTest::newRow("array") << QByteArray("[\"" + secret + "\"]");
    QTest::newRow("no key id") << QByteArray(R"({"SecretAccessKey": ")" + secret + R"(", "Token": ")" +
                                             sessionToken + R"(", "Expiration": "2030-01-01T01:00:00Z"})");
    QTest::newRow("no token") << QByteArray(R"({"AccessKeyId": "ASIA", "SecretAccessKey": ")" + secret +
                                            R"(", "Expiration": "2030-01-01T01:00:00Z"})");
    QTest::newRow("no expiration") << QByteArray(R"({"AccessKeyId": "ASIA", "SecretAccessKey": ")" + secret +
                                                 R"(", "Token": ")" + sessionToken + R"("})");
    QTest::newRow("secret is a number")
        << QByteArray(R"({"AccessKeyId": "ASIA", "SecretAccessKey": 42, )"
                      R"("Token": ")" +
                      sessionToken + R"(", "Expiration": "2030-01-01T01:00:00Z"})");
}

void TestContainerCredentials::malformedAnswers()
{
    QFETCH(QByteArray, body);
    m_server->setFallback(ScriptedHttpServer::Answer::json(200, body));
    ContainerCredentialsProvider provider(
        context(testEnvironment({u"AWS_CONTAINER_CREDENTIALS_FULL_URI="_s + endpointUrl()})));
    const AwsResult<AwsCredentials> result = fetch(provider);
    QVERIFY2(!result.ok(), "an incomplete answer is not credentials");
    QVERIFY2(result.error().category() == AwsError::Category::MalformedAnswer ||
                 result.error().category() == AwsError::Category::Credentials,
             qPrintable(AwsError::categoryName(result.error().category())));
    for (const QString &text :
         {result.error().message(), result.error().toLogLine(), result.error().userMessage()}) {
        QVERIFY2(!text.contains(QString::fromUtf8(secret)), qPrintable(text));
        QVERIFY2(!text.contains(QString::fromUtf8(sessionToken)), qPrintable(text));
    }
}

void TestContainerCredentials::refreshesBeforeExpiry()
{
    m_server->enqueue(
        ScriptedHttpServer::Answer::json(200, credentialsJson("ASIAFIRST", "2030-01-01T01:00:00Z")));
    m_server->enqueue(
        ScriptedHttpServer::Answer::json(200, credentialsJson("ASIASECOND", "2030-01-01T02:00:00Z")));
    ContainerCredentialsProvider provider(
        context(testEnvironment({u"AWS_CONTAINER_CREDENTIALS_FULL_URI="_s + endpointUrl()})));
    QCOMPARE(fetch(provider).value().accessKeyId, u"ASIAFIRST"_s);
    m_now = m_now.addSecs(50 * 60); // 10 minutes left: still held
    QCOMPARE(fetch(provider).value().accessKeyId, u"ASIAFIRST"_s);
    QCOMPARE(m_server->requests().size(), 1);
    m_now = m_now.addSecs(6 * 60); // 4 minutes left: fetched again
    QCOMPARE(fetch(provider).value().accessKeyId, u"ASIASECOND"_s);
    QCOMPARE(m_server->requests().size(), 2);

    // Two fetches at once share one request.
    m_server->enqueue(
        ScriptedHttpServer::Answer::json(200, credentialsJson("ASIATHIRD", "2030-01-01T03:00:00Z")));
    provider.invalidate();
    std::optional<AwsResult<AwsCredentials>> a;
    std::optional<AwsResult<AwsCredentials>> b;
    provider.fetch(this, [&](const AwsResult<AwsCredentials> &r) { a = r; });
    provider.fetch(this, [&](const AwsResult<AwsCredentials> &r) { b = r; });
    QVERIFY(QTest::qWaitFor([&] { return a.has_value() && b.has_value(); }, 20'000));
    QCOMPARE(a->value().accessKeyId, u"ASIATHIRD"_s);
    QCOMPARE(b->value().accessKeyId, u"ASIATHIRD"_s);
    QCOMPARE(m_server->requests().size(), 3);
}

QTEST_GUILESS_MAIN(TestContainerCredentials)
#include "tst_containercredentials.moc"
