// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/credentials/CredentialsProviderChain.h"
#include "aws/credentials/machine/InstanceMetadataProvider.h"

#include "ScriptedHttpServer.h"
#include "TestEnvironment.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

using Answer = ScriptedHttpServer::Answer;

// EC2 instance metadata as botocore's InstanceMetadataFetcher (1.43) gets it: an IMDSv2 token first,
// IMDSv1 exactly when botocore falls back, the endpoint and timeout settings, and a service that
// accepts the connection and never answers (or a closed port): a clear error, no hang.
class TestInstanceMetadata : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void v2TokenFlow();
    void fallbackToV1_data();
    void fallbackToV1();
    void badTokenRequestStops();
    void v1Disabled_data();
    void v1Disabled();
    void disabled();
    void endpointSettings_data();
    void endpointSettings();
    void endpointPathIsKept();
    void timeoutAndAttemptSettings();
    void attemptsRetryFailures();
    void incompleteAnswers_data();
    void incompleteAnswers();
    void silentServiceEndsWithAnError();
    void closedPortEndsQuickly();

private:
    std::shared_ptr<CredentialsContext> context(const QProcessEnvironment &env, int timeoutMs = 1000,
                                                int attempts = 1);
    QProcessEnvironment environment(const QUrl &endpoint) const;
    AwsResult<AwsCredentials> fetch(CredentialsProvider &provider);
    void enqueueRoleAndCredentials(const QByteArray &keyId = "ASIAIMDS");
    void writeConfig(const QByteArray &text);

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<ScriptedHttpServer> m_imds;
    std::shared_ptr<QNetworkAccessManager> m_network;
};

namespace {

const QByteArray secret = "imds/secret/NEVER-SHOWN";
const QByteArray sessionToken = "imds-session-token-NEVER-SHOWN";
const QByteArray credentialsPath = "/latest/meta-data/iam/security-credentials/";

QByteArray credentialsJson(const QByteArray &keyId)
{
    return R"({"Code": "Success", "LastUpdated": "2030-01-01T00:00:00Z", "Type": "AWS-HMAC", "AccessKeyId": ")" +
           keyId + R"(", "SecretAccessKey": ")" + secret + R"(", "Token": ")" + sessionToken +
           R"(", "Expiration": "2030-01-01T06:00:00Z"})";
}

QString messageOf(const AwsResult<AwsCredentials> &result)
{
    return result.ok() ? QString() : result.error().message();
}

} // namespace

void TestInstanceMetadata::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    QVERIFY(QDir(m_home->path()).mkpath(u".aws"_s));
    m_imds = std::make_unique<ScriptedHttpServer>();
    QVERIFY(m_imds->listen());
    m_network = std::make_shared<QNetworkAccessManager>();
}

void TestInstanceMetadata::writeConfig(const QByteArray &text)
{
    QFile file(m_home->filePath(u".aws/config"_s));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text);
}

QProcessEnvironment TestInstanceMetadata::environment(const QUrl &endpoint) const
{
    QProcessEnvironment env;
    env.insert(u"HOME"_s, m_home->path());
    env.insert(u"AWS_EC2_METADATA_SERVICE_ENDPOINT"_s, endpoint.toString());
    return env;
}

std::shared_ptr<CredentialsContext> TestInstanceMetadata::context(const QProcessEnvironment &env,
                                                                  int timeoutMs, int attempts)
{
    auto context = std::make_shared<CredentialsContext>();
    context->env = env;
    const AwsResult<SharedConfig> config = SharedConfig::load(env);
    if (config)
        context->config = config.value();
    context->clock = [] { return QDateTime(QDate(2030, 1, 1), QTime(0, 0), QTimeZone::utc()); };
    context->network = m_network;
    context->metadataTimeoutMs = timeoutMs;
    context->metadataAttempts = attempts;
    return context;
}

AwsResult<AwsCredentials> TestInstanceMetadata::fetch(CredentialsProvider &provider)
{
    std::optional<AwsResult<AwsCredentials>> result;
    provider.fetch(this, [&](const AwsResult<AwsCredentials> &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 30'000))
        return AwsError(AwsError::Category::Timeout, u"test: no answer"_s);
    return *result;
}

void TestInstanceMetadata::enqueueRoleAndCredentials(const QByteArray &keyId)
{
    m_imds->enqueue(Answer::json(200, "instance-role\n"));
    m_imds->enqueue(Answer::json(200, credentialsJson(keyId)));
}

void TestInstanceMetadata::v2TokenFlow()
{
    m_imds->enqueue(Answer::json(200, "imds-v2-session-token"));
    enqueueRoleAndCredentials();
    InstanceMetadataProvider provider(context(environment(m_imds->url())), u"default"_s);
    const AwsResult<AwsCredentials> result = fetch(provider);
    QVERIFY2(result.ok(), qPrintable(messageOf(result)));
    QCOMPARE(result.value().accessKeyId, u"ASIAIMDS"_s);
    QCOMPARE(result.value().secretAccessKey, QString::fromUtf8(secret));
    QCOMPARE(result.value().sessionToken, QString::fromUtf8(sessionToken));
    QCOMPARE(result.value().expiration, QDateTime(QDate(2030, 1, 1), QTime(6, 0), QTimeZone::utc()));
    QVERIFY(result.value().source.contains(u"instance-role"_s));

    const QList<ScriptedHttpServer::Request> &requests = m_imds->requests();
    QCOMPARE(requests.size(), 3);
    QCOMPARE(requests.at(0).requestLine(), "PUT /latest/api/token HTTP/1.1");
    QCOMPARE(requests.at(0).header("x-aws-ec2-metadata-token-ttl-seconds"), "21600");
    QCOMPARE(requests.at(1).requestLine(), "GET " + credentialsPath + " HTTP/1.1");
    QCOMPARE(requests.at(1).header("x-aws-ec2-metadata-token"), "imds-v2-session-token");
    QCOMPARE(requests.at(2).requestLine(), "GET " + credentialsPath + "instance-role HTTP/1.1");
    QCOMPARE(requests.at(2).header("x-aws-ec2-metadata-token"), "imds-v2-session-token");
}

void TestInstanceMetadata::fallbackToV1_data()
{
    // botocore's _fetch_metadata_token: 403/404/405 and a read timeout give up on the token at once;
    // other statuses and connection errors are tried `attempts` times, then it falls back as well.
    QTest::addColumn<QList<Answer>>("tokenAnswers");
    QTest::addColumn<int>("attempts");
    QTest::newRow("403") << QList<Answer>{Answer::json(403, "")} << 1;
    QTest::newRow("404") << QList<Answer>{Answer::json(404, "")} << 1;
    QTest::newRow("405") << QList<Answer>{Answer::json(405, "")} << 3;
    QTest::newRow("read timeout") << QList<Answer>{Answer::hang()} << 3;
    QTest::newRow("500 then gives up") << QList<Answer>{Answer::json(500, ""), Answer::json(503, "")} << 2;
    // Qt resends a request once by itself when the connection closes before any answer.
    QTest::newRow("connection reset")
        << QList<Answer>{Answer::closeWithoutAnswer(), Answer::closeWithoutAnswer()} << 1;
}

void TestInstanceMetadata::fallbackToV1()
{
    QFETCH(QList<Answer>, tokenAnswers);
    QFETCH(int, attempts);
    for (const Answer &answer : tokenAnswers)
        m_imds->enqueue(answer);
    enqueueRoleAndCredentials("ASIAV1");
    InstanceMetadataProvider provider(context(environment(m_imds->url()), 500, attempts), u"default"_s);
    const AwsResult<AwsCredentials> result = fetch(provider);
    QVERIFY2(result.ok(), qPrintable(messageOf(result)));
    QCOMPARE(result.value().accessKeyId, u"ASIAV1"_s);
    const QList<ScriptedHttpServer::Request> &requests = m_imds->requests();
    QCOMPARE(requests.size(), tokenAnswers.size() + 2);
    for (qsizetype i = 0; i < tokenAnswers.size(); ++i)
        QCOMPARE(requests.at(i).method, "PUT");
    for (qsizetype i = tokenAnswers.size(); i < requests.size(); ++i) {
        QCOMPARE(requests.at(i).method, "GET");
        QVERIFY(requests.at(i).header("x-aws-ec2-metadata-token").isNull());
    }
}

void TestInstanceMetadata::badTokenRequestStops()
{
    // HTTP 400 to the token request is BadIMDSRequestError in botocore: no fallback, no credentials.
    m_imds->enqueue(Answer::json(400, ""));
    InstanceMetadataProvider provider(context(environment(m_imds->url()), 1000, 3), u"default"_s);
    const AwsResult<AwsCredentials> result = fetch(provider);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().category(), AwsError::Category::Credentials);
    QVERIFY2(result.error().message().contains(u"400"_s), qPrintable(result.error().message()));
    QCOMPARE(m_imds->requests().size(), 1);
}

void TestInstanceMetadata::v1Disabled_data()
{
    QTest::addColumn<QString>("variable");
    QTest::addColumn<QByteArray>("config");
    QTest::newRow("environment") << u"true"_s << QByteArray();
    QTest::newRow("environment, any case") << u"TRUE"_s << QByteArray();
    QTest::newRow("profile") << QString() << QByteArray("[default]\nec2_metadata_v1_disabled = true\n");
}

void TestInstanceMetadata::v1Disabled()
{
    QFETCH(QString, variable);
    QFETCH(QByteArray, config);
    if (!config.isEmpty())
        writeConfig(config);
    QProcessEnvironment env = environment(m_imds->url());
    if (!variable.isEmpty())
        env.insert(u"AWS_EC2_METADATA_V1_DISABLED"_s, variable);
    m_imds->enqueue(Answer::json(403, ""));
    InstanceMetadataProvider provider(context(env), u"default"_s);
    const AwsResult<AwsCredentials> result = fetch(provider);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().category(), AwsError::Category::Credentials);
    QVERIFY2(result.error().message().contains(u"IMDSv1"_s), qPrintable(result.error().message()));
    QCOMPARE(m_imds->requests().size(), 1); // no tokenless GET

    // With a token, v1 being off does not matter.
    m_imds->enqueue(Answer::json(200, "tok"));
    enqueueRoleAndCredentials("ASIAV2ONLY");
    InstanceMetadataProvider withToken(context(env), u"default"_s);
    QCOMPARE(fetch(withToken).value().accessKeyId, u"ASIAV2ONLY"_s);
}

void TestInstanceMetadata::disabled()
{
    for (const QString &value : {u"true"_s, u"True"_s, u"TRUE"_s}) {
        QProcessEnvironment env = environment(m_imds->url());
        env.insert(u"AWS_EC2_METADATA_DISABLED"_s, value);
        QVERIFY(!InstanceMetadataProvider::isEnabled(env));
        InstanceMetadataProvider provider(context(env), u"default"_s);
        const AwsResult<AwsCredentials> result = fetch(provider);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().category(), AwsError::Category::Credentials);
        QVERIFY(result.error().message().contains(u"AWS_EC2_METADATA_DISABLED"_s));

        // The chain does not even try it: nothing found, no request.
        CredentialsProviderChain chain(QString(), env);
        const AwsResult<AwsCredentials> none = fetch(chain);
        QVERIFY(!none.ok());
        QCOMPARE(none.error().category(), AwsError::Category::Credentials);
    }
    QCOMPARE(m_imds->requests().size(), 0);
    // botocore compares with "true" only.
    QVERIFY(InstanceMetadataProvider::isEnabled(testEnvironment({u"AWS_EC2_METADATA_DISABLED=1"_s})));
    QVERIFY(InstanceMetadataProvider::isEnabled(testEnvironment({u"AWS_EC2_METADATA_DISABLED=false"_s})));
}

void TestInstanceMetadata::endpointSettings_data()
{
    QTest::addColumn<QStringList>("env");
    QTest::addColumn<QByteArray>("config");
    QTest::addColumn<QString>("expected"); ///< empty: a Configuration error
    QTest::newRow("default") << QStringList() << QByteArray() << u"http://169.254.169.254"_s;
    QTest::newRow("mode ipv4") << QStringList{u"AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE=IPv4"_s}
                               << QByteArray() << u"http://169.254.169.254"_s;
    QTest::newRow("mode ipv6") << QStringList{u"AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE=IPv6"_s}
                               << QByteArray() << u"http://[fd00:ec2::254]"_s;
    QTest::newRow("mode from profile")
        << QStringList() << QByteArray("[default]\nec2_metadata_service_endpoint_mode = ipv6\n")
        << u"http://[fd00:ec2::254]"_s;
    QTest::newRow("environment mode over profile")
        << QStringList{u"AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE=ipv4"_s}
        << QByteArray("[default]\nec2_metadata_service_endpoint_mode = ipv6\n")
        << u"http://169.254.169.254"_s;
    QTest::newRow("bad mode") << QStringList{u"AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE=ipv5"_s} << QByteArray()
                              << QString();
    QTest::newRow("endpoint") << QStringList{u"AWS_EC2_METADATA_SERVICE_ENDPOINT=http://127.0.0.1:1338"_s}
                              << QByteArray() << u"http://127.0.0.1:1338"_s;
    QTest::newRow("endpoint wins over mode")
        << QStringList{u"AWS_EC2_METADATA_SERVICE_ENDPOINT=http://127.0.0.1:1338"_s,
                       u"AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE=ipv6"_s}
        << QByteArray() << u"http://127.0.0.1:1338"_s;
    QTest::newRow("endpoint from profile")
        << QStringList() << QByteArray("[default]\nec2_metadata_service_endpoint = http://[::1]:1338\n")
        << u"http://[::1]:1338"_s;
    QTest::newRow("endpoint not a url")
        << QStringList{u"AWS_EC2_METADATA_SERVICE_ENDPOINT=169.254.169.254"_s} << QByteArray() << QString();
    QTest::newRow("endpoint wrong scheme")
        << QStringList{u"AWS_EC2_METADATA_SERVICE_ENDPOINT=ftp://host"_s} << QByteArray() << QString();
}

void TestInstanceMetadata::endpointSettings()
{
    QFETCH(QStringList, env);
    QFETCH(QByteArray, config);
    QFETCH(QString, expected);
    if (!config.isEmpty())
        writeConfig(config);
    QProcessEnvironment environment = testEnvironment(env);
    environment.insert(u"HOME"_s, m_home->path());
    const std::shared_ptr<CredentialsContext> settings = context(environment);
    const AwsResult<QUrl> url = InstanceMetadataProvider::endpoint(*settings, u"default"_s);
    if (expected.isEmpty()) {
        QVERIFY(!url.ok());
        QCOMPARE(url.error().category(), AwsError::Category::Configuration);
        // And the provider ends with it, without a request.
        InstanceMetadataProvider provider(settings, u"default"_s);
        const AwsResult<AwsCredentials> result = fetch(provider);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().category(), AwsError::Category::Configuration);
        return;
    }
    QVERIFY2(url.ok(), qPrintable(url.ok() ? QString() : url.error().message()));
    QCOMPARE(url.value().toString(), expected);
}

void TestInstanceMetadata::endpointPathIsKept()
{
    // botocore appends "/latest/..." to the configured endpoint as written, path included.
    m_imds->enqueue(Answer::json(200, "tok"));
    enqueueRoleAndCredentials();
    QUrl endpoint = m_imds->url();
    endpoint.setPath(u"/imds/"_s);
    InstanceMetadataProvider provider(context(environment(endpoint)), u"default"_s);
    const AwsResult<AwsCredentials> result = fetch(provider);
    QVERIFY2(result.ok(), qPrintable(messageOf(result)));
    QCOMPARE(m_imds->requests().at(0).target, "/imds/latest/api/token");
    QCOMPARE(m_imds->requests().at(2).target, "/imds" + credentialsPath + "instance-role");
}

void TestInstanceMetadata::timeoutAndAttemptSettings()
{
    QProcessEnvironment env = environment(m_imds->url());
    env.insert(u"AWS_METADATA_SERVICE_TIMEOUT"_s, u"2.5"_s);
    env.insert(u"AWS_METADATA_SERVICE_NUM_ATTEMPTS"_s, u"4"_s);
    CredentialsProviderChain chain(QString(), env);
    std::shared_ptr<const CredentialsContext> fromEnv = chain.makeContext(SharedConfig(), u"default"_s);
    QCOMPARE(fromEnv->metadataTimeoutMs, 2500);
    QCOMPARE(fromEnv->metadataAttempts, 4);

    writeConfig("[default]\nmetadata_service_timeout = 3\nmetadata_service_num_attempts = 2\n");
    CredentialsProviderChain profileChain(QString(), environment(m_imds->url()));
    const AwsResult<SharedConfig> config = SharedConfig::load(environment(m_imds->url()));
    QVERIFY(config.ok());
    std::shared_ptr<const CredentialsContext> fromProfile =
        profileChain.makeContext(config.value(), u"default"_s);
    QCOMPARE(fromProfile->metadataTimeoutMs, 3000);
    QCOMPARE(fromProfile->metadataAttempts, 2);

    // botocore's defaults: one second, one attempt; nonsense keeps them.
    QProcessEnvironment nonsense = environment(m_imds->url());
    nonsense.insert(u"AWS_METADATA_SERVICE_TIMEOUT"_s, u"soon"_s);
    nonsense.insert(u"AWS_METADATA_SERVICE_NUM_ATTEMPTS"_s, u"-2"_s);
    CredentialsProviderChain defaults(QString(), nonsense);
    std::shared_ptr<const CredentialsContext> fallback = defaults.makeContext(SharedConfig(), u"default"_s);
    QCOMPARE(fallback->metadataTimeoutMs, 1000);
    QCOMPARE(fallback->metadataAttempts, 1);
}

void TestInstanceMetadata::attemptsRetryFailures()
{
    // The role name and the credentials are each tried `attempts` times.
    m_imds->enqueue(Answer::json(200, "tok"));
    m_imds->enqueue(Answer::json(500, ""));
    m_imds->enqueue(Answer::json(200, "instance-role"));
    m_imds->enqueue(Answer::json(503, ""));
    m_imds->enqueue(Answer::json(200, credentialsJson("ASIARETRIED")));
    InstanceMetadataProvider provider(context(environment(m_imds->url()), 1000, 2), u"default"_s);
    const AwsResult<AwsCredentials> result = fetch(provider);
    QVERIFY2(result.ok(), qPrintable(messageOf(result)));
    QCOMPARE(result.value().accessKeyId, u"ASIARETRIED"_s);
    QCOMPARE(m_imds->requests().size(), 5);

    // One attempt: the first failure is the answer.
    m_imds->enqueue(Answer::json(200, "tok"));
    m_imds->enqueue(Answer::json(500, ""));
    InstanceMetadataProvider once(context(environment(m_imds->url()), 1000, 1), u"default"_s);
    const AwsResult<AwsCredentials> failed = fetch(once);
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().category(), AwsError::Category::Credentials);
    QVERIFY2(failed.error().message().contains(u"500"_s), qPrintable(failed.error().message()));
    QCOMPARE(m_imds->requests().size(), 7);
}

void TestInstanceMetadata::incompleteAnswers_data()
{
    QTest::addColumn<QByteArray>("roleAnswer");
    QTest::addColumn<QByteArray>("credentialsAnswer");
    QTest::newRow("not json") << QByteArray("r") << QByteArray("{\"SecretAccessKey\": \"" + secret + "\"");
    QTest::newRow("error document")
        << QByteArray("r")
        << QByteArray(R"({"Code": "AssumeRoleUnauthorizedAccess", "Message": "EC2 cannot assume the role", )"
                      R"("SecretAccessKey": ")" +
                      secret + R"("})");
    QTest::newRow("no token") << QByteArray("r")
                              << QByteArray(R"({"AccessKeyId": "ASIA", "SecretAccessKey": ")" + secret +
                                            R"(", "Expiration": "2030-01-01T06:00:00Z"})");
}

void TestInstanceMetadata::incompleteAnswers()
{
    QFETCH(QByteArray, roleAnswer);
    QFETCH(QByteArray, credentialsAnswer);
    m_imds->enqueue(Answer::json(200, "tok"));
    m_imds->enqueue(Answer::json(200, roleAnswer));
    m_imds->setFallback(Answer::json(200, credentialsAnswer));
    InstanceMetadataProvider provider(context(environment(m_imds->url())), u"default"_s);
    const AwsResult<AwsCredentials> result = fetch(provider);
    QVERIFY(!result.ok());
    QVERIFY(result.error().category() == AwsError::Category::MalformedAnswer ||
            result.error().category() == AwsError::Category::Credentials);
    for (const QString &text :
         {result.error().message(), result.error().toLogLine(), result.error().userMessage()})
        QVERIFY2(!text.contains(QString::fromUtf8(secret)), qPrintable(text));
}

void TestInstanceMetadata::silentServiceEndsWithAnError()
{
    // A service that accepts every connection and never says a word (a firewall that completes the
    // handshake, a wedged proxy): each request ends after the timeout, then the fetch fails.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    QList<QTcpSocket *> held;
    connect(&silent, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *socket = silent.nextPendingConnection())
            held.append(socket); // kept open, never read, never answered
    });
    QUrl endpoint;
    endpoint.setScheme(u"http"_s);
    endpoint.setHost(u"127.0.0.1"_s);
    endpoint.setPort(silent.serverPort());

    QElapsedTimer timer;
    timer.start();
    InstanceMetadataProvider provider(context(environment(endpoint), 1000, 1), u"default"_s);
    const AwsResult<AwsCredentials> result = fetch(provider);
    const qint64 elapsed = timer.elapsed();
    QVERIFY(!result.ok());
    QCOMPARE(result.error().category(), AwsError::Category::Credentials);
    QVERIFY2(result.error().message().contains(u"did not answer in time"_s),
             qPrintable(result.error().message()));
    QVERIFY2(result.error().message().contains(endpoint.toString()), qPrintable(result.error().message()));
    // Token (timeout, then v1 as botocore does) and role name: two waits of about a second each. Not a
    // timing assertion - a generous bound that a hang would never meet.
    QVERIFY2(elapsed < 10'000, qPrintable(u"took %1 ms"_s.arg(elapsed)));
    QVERIFY(!held.isEmpty());

    // Through the chain (the last resort): "no credentials found" with the reason, as quickly.
    timer.restart();
    QProcessEnvironment env = environment(endpoint);
    env.insert(u"AWS_METADATA_SERVICE_TIMEOUT"_s, u"1"_s);
    CredentialsProviderChain chain(QString(), env);
    const AwsResult<AwsCredentials> none = fetch(chain);
    QVERIFY(!none.ok());
    QCOMPARE(none.error().category(), AwsError::Category::Credentials);
    QVERIFY2(none.error().message().contains(u"did not answer in time"_s),
             qPrintable(none.error().message()));
    QVERIFY2(timer.elapsed() < 10'000, qPrintable(u"took %1 ms"_s.arg(timer.elapsed())));
    qDeleteAll(held);
}

void TestInstanceMetadata::closedPortEndsQuickly()
{
    quint16 port = 0;
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        port = server.serverPort();
    } // closed: connections are refused
    QUrl endpoint;
    endpoint.setScheme(u"http"_s);
    endpoint.setHost(u"127.0.0.1"_s);
    endpoint.setPort(port);
    QElapsedTimer timer;
    timer.start();
    InstanceMetadataProvider provider(context(environment(endpoint), 1000, 3), u"default"_s);
    const AwsResult<AwsCredentials> result = fetch(provider);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().category(), AwsError::Category::Credentials);
    QVERIFY2(!result.error().message().contains(u"did not answer in time"_s),
             qPrintable(result.error().message()));
    QVERIFY2(timer.elapsed() < 10'000, qPrintable(u"took %1 ms"_s.arg(timer.elapsed())));
}

QTEST_GUILESS_MAIN(TestInstanceMetadata)
#include "tst_instancemetadata.moc"
