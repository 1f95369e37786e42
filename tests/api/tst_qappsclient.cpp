// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CountingNetworkAccessManager.h"
#include "ScriptedHttpServer.h"
#include "api/QAppsClient.h"
#include "aws/credentials/StaticCredentialsProvider.h"
#include "aws/transport/AwsTransport.h"

#include <QJsonDocument>
#include <QTest>
#include <QTimer>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

using Answer = ScriptedHttpServer::Answer;

namespace {

const QString secretKey = u"tst/QAppsSecret+Key/ExampleOnly012345678"_s;
const QString instanceId = u"a1b2c3d4-0000-4000-8000-123456789abc"_s;
const QString sessionId = u"0b5c1a52-3c4f-4d2e-9a1b-2c3d4e5f6a7b"_s;

} // namespace

class TestQAppsClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void getMetadata();
    void updateMetadata();
    void serviceError();
    void refusesInvalidInput_data();
    void refusesInvalidInput();
    void sessionIdPattern_data();
    void sessionIdPattern();

private:
    std::unique_ptr<ScriptedHttpServer> m_server;
    std::unique_ptr<CountingNetworkAccessManager> m_network;
    std::unique_ptr<StaticCredentialsProvider> m_credentials;
    std::unique_ptr<AwsTransport> m_transport;
    std::unique_ptr<QAppsClient> m_client;
};

void TestQAppsClient::init()
{
    m_server = std::make_unique<ScriptedHttpServer>();
    QVERIFY(m_server->listen());
    m_network = std::make_unique<CountingNetworkAccessManager>();
    AwsCredentials credentials;
    credentials.accessKeyId = u"AKIDQAPPSTEST"_s;
    credentials.secretAccessKey = secretKey;
    credentials.sessionToken = u"qapps-session-token"_s;
    m_credentials = std::make_unique<StaticCredentialsProvider>(credentials);
    m_transport = std::make_unique<AwsTransport>(m_network.get(), m_credentials.get());
    m_transport->setScheduler([](int, QObject *context, std::function<void()> task) {
        QTimer::singleShot(0, context, std::move(task));
    });
    m_client = std::make_unique<QAppsClient>(m_transport.get(), m_server->url(), u"us-east-1"_s);
}

void TestQAppsClient::cleanup()
{
    m_client.reset();
    m_transport.reset();
    m_network.reset();
    m_server.reset();
}

void TestQAppsClient::getMetadata()
{
    m_server->enqueue(Answer::json(
        200, R"({"sessionId":")" + sessionId.toLatin1() +
                 R"(","sessionArn":"arn:aws:qapps:us-east-1:123456789012:application/x/qapp/y/session/z",)"
                 R"("sessionName":"Survey","sharingConfiguration":{"enabled":true,"acceptResponses":true,)"
                 R"("revealCards":false},"sessionOwner":false})"));
    std::optional<AwsResult<QAppSessionMetadata>> result;
    m_client->getQAppSessionMetadata(instanceId, sessionId, nullptr,
                                     [&](const AwsResult<QAppSessionMetadata> &r) { result = r; });
    QTRY_VERIFY(result.has_value());
    QVERIFY2(result->ok(), qPrintable(result->ok() ? QString() : result->error().toLogLine()));
    QCOMPARE(result->value().sessionName, u"Survey"_s);
    QVERIFY(result->value().sharingConfiguration.enabled);
    QCOMPARE(result->value().sharingConfiguration.acceptResponses, std::optional<bool>(true));
    QCOMPARE(result->value().sharingConfiguration.revealCards, std::optional<bool>(false));
    QCOMPARE(result->value().sessionOwner, std::optional<bool>(false));

    const ScriptedHttpServer::Request &request = m_server->requests().first();
    QCOMPARE(request.requestLine(),
             "GET /runtime.getQAppSessionMetadata?sessionId=" + sessionId.toLatin1() + " HTTP/1.1");
    QCOMPARE(request.header("instance-id"), instanceId.toLatin1());
    QCOMPARE(request.header("x-amz-security-token"), QByteArray("qapps-session-token"));
    QVERIFY(request.header("authorization").contains("/us-east-1/qapps/aws4_request"));
    QVERIFY(request.header("authorization").contains("instance-id"));
    QVERIFY(request.hasValidSignature(m_server->url(), secretKey));
}

void TestQAppsClient::updateMetadata()
{
    m_server->enqueue(Answer::json(200, R"({"sessionId":")" + sessionId.toLatin1() +
                                            R"(","sessionArn":"arn:q","sessionName":"Renamed",)"
                                            R"("sharingConfiguration":{"enabled":false}})"));
    QAppSessionMetadataUpdate update;
    update.sessionId = sessionId;
    update.sessionName = u"Renamed"_s;
    update.sharingConfiguration.enabled = false;
    update.sharingConfiguration.revealCards = true;
    std::optional<AwsResult<QAppSessionMetadata>> result;
    m_client->updateQAppSessionMetadata(instanceId, update, nullptr,
                                        [&](const AwsResult<QAppSessionMetadata> &r) { result = r; });
    QTRY_VERIFY(result.has_value());
    QVERIFY2(result->ok(), qPrintable(result->ok() ? QString() : result->error().toLogLine()));
    QCOMPARE(result->value().sessionName, u"Renamed"_s);
    QVERIFY(!result->value().sessionOwner.has_value()); // Update's answer has no sessionOwner

    const ScriptedHttpServer::Request &request = m_server->requests().first();
    QCOMPARE(request.requestLine(), QByteArray("POST /runtime.updateQAppSessionMetadata HTTP/1.1"));
    QCOMPARE(request.header("instance-id"), instanceId.toLatin1());
    QCOMPARE(request.header("content-type"), QByteArray("application/json"));
    QVERIFY(request.header("authorization").contains("content-type"));
    QCOMPARE(QJsonDocument::fromJson(request.body),
             QJsonDocument::fromJson(R"({"sessionId":")" + sessionId.toLatin1() +
                                     R"(","sessionName":"Renamed","sharingConfiguration":{"enabled":false,)"
                                     R"("revealCards":true}})"));
    QVERIFY(request.hasValidSignature(m_server->url(), secretKey));
}

void TestQAppsClient::serviceError()
{
    m_server->enqueue(Answer::awsError(404, "ResourceNotFoundException", "Session not found",
                                       {{"x-amzn-RequestId", "rid-q"}}));
    std::optional<AwsResult<QAppSessionMetadata>> result;
    m_client->getQAppSessionMetadata(instanceId, sessionId, nullptr,
                                     [&](const AwsResult<QAppSessionMetadata> &r) { result = r; });
    QTRY_VERIFY(result.has_value());
    QVERIFY(!result->ok());
    QCOMPARE(result->error().category(), AwsError::Category::NotFound);
    QCOMPARE(result->error().action(), u"qapps:GetQAppSessionMetadata"_s);
    QCOMPARE(result->error().requestId(), u"rid-q"_s);
}

void TestQAppsClient::refusesInvalidInput_data()
{
    QTest::addColumn<QString>("instance");
    QTest::addColumn<QString>("session");
    QTest::addColumn<int>("nameLength"); // -1: no name; used by the update call only

    QTest::newRow("upper-case uuid") << instanceId << sessionId.toUpper() << -1;
    QTest::newRow("uuid version 1") << instanceId << u"0b5c1a52-3c4f-1d2e-9a1b-2c3d4e5f6a7b"_s << -1;
    QTest::newRow("bad variant") << instanceId << u"0b5c1a52-3c4f-4d2e-1a1b-2c3d4e5f6a7b"_s << -1;
    QTest::newRow("uuid with suffix") << instanceId << sessionId + u"0"_s << -1;
    QTest::newRow("empty session") << instanceId << QString() << -1;
    QTest::newRow("empty instance") << QString() << sessionId << -1;
    QTest::newRow("instance with space") << u"a b"_s << sessionId << -1;
    QTest::newRow("instance with newline") << u"a\r\nX-Injected: 1"_s << sessionId << -1;
    QTest::newRow("instance not ASCII") << u"instänce"_s << sessionId << -1;
    QTest::newRow("name of 101 characters") << instanceId << sessionId << 101;
}

void TestQAppsClient::refusesInvalidInput()
{
    QFETCH(QString, instance);
    QFETCH(QString, session);
    QFETCH(int, nameLength);
    m_server->setFallback(Answer::json(200, "{}"));

    QAppSessionMetadataUpdate update;
    update.sessionId = session;
    if (nameLength >= 0)
        update.sessionName = QString(nameLength, u'n');
    bool returned = false;
    std::optional<AwsResult<QAppSessionMetadata>> updated;
    m_client->updateQAppSessionMetadata(instance, update, nullptr,
                                        [&](const AwsResult<QAppSessionMetadata> &r) {
                                            QVERIFY(returned);
                                            updated = r;
                                        });
    std::optional<AwsResult<QAppSessionMetadata>> got;
    if (nameLength < 0) {
        m_client->getQAppSessionMetadata(instance, session, nullptr,
                                         [&](const AwsResult<QAppSessionMetadata> &r) {
                                             QVERIFY(returned);
                                             got = r;
                                         });
    }
    returned = true;
    QTRY_VERIFY(updated.has_value());
    QVERIFY(!updated->ok());
    QCOMPARE(updated->error().category(), AwsError::Category::Validation);
    QCOMPARE(updated->error().action(), u"qapps:UpdateQAppSessionMetadata"_s);
    if (nameLength < 0) {
        QTRY_VERIFY(got.has_value());
        QVERIFY(!got->ok());
        QCOMPARE(got->error().category(), AwsError::Category::Validation);
        QCOMPARE(got->error().action(), u"qapps:GetQAppSessionMetadata"_s);
    }
    QCOMPARE(m_network->requestCount(), 0);
}

void TestQAppsClient::sessionIdPattern_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("valid");

    QTest::newRow("v4") << sessionId << true;
    QTest::newRow("v5") << u"0b5c1a52-3c4f-5d2e-9a1b-2c3d4e5f6a7b"_s << true;
    QTest::newRow("upper-case variant nibble") << u"0b5c1a52-3c4f-4d2e-Ba1b-2c3d4e5f6a7b"_s << true;
    QTest::newRow("upper-case hex") << u"0B5C1A52-3c4f-4d2e-9a1b-2c3d4e5f6a7b"_s << false;
    QTest::newRow("no dashes") << u"0b5c1a523c4f4d2e9a1b2c3d4e5f6a7b"_s << false;
    QTest::newRow("braces") << u"{0b5c1a52-3c4f-4d2e-9a1b-2c3d4e5f6a7b}"_s << false;
}

void TestQAppsClient::sessionIdPattern()
{
    QFETCH(QString, id);
    QFETCH(bool, valid);
    QCOMPARE(QAppsClient::isValidSessionId(id), valid);
}

QTEST_GUILESS_MAIN(TestQAppsClient)
#include "tst_qappsclient.moc"
