// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CountingNetworkAccessManager.h"
#include "ScriptedHttpServer.h"
#include "api/WorkSpacesWebClient.h"
#include "aws/credentials/StaticCredentialsProvider.h"
#include "aws/transport/AwsTransport.h"

#include <QTest>
#include <QTimer>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

using Answer = ScriptedHttpServer::Answer;
// Starts one client call; `done` receives the call's error, or nullopt on success.
using Invoke =
    std::function<CallHandle(WorkSpacesWebClient &, std::function<void(std::optional<AwsError>)> done)>;
Q_DECLARE_METATYPE(Invoke)
Q_DECLARE_METATYPE(ListSessionsRequest)

namespace {

const QString secretKey = u"tst/ClientSecret+Key/ExampleOnly01234567"_s;
const QString portalId = u"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"_s;
const QString sessionId = u"11111111-2222-3333-4444-555555555555"_s;
const QString portalArn = u"arn:aws:workspaces-web:eu-west-1:123456789012:portal/"_s + portalId;

template <typename T>
std::function<void(const AwsResult<T> &)> adapt(std::function<void(std::optional<AwsError>)> done)
{
    return [done](const AwsResult<T> &result) {
        done(result.ok() ? std::nullopt : std::optional<AwsError>(result.error()));
    };
}

} // namespace

class TestWorkSpacesWebClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void listSessionsRequestLine();
    void listSessionsQuery_data();
    void listSessionsQuery();
    void listSessionsDecodes();
    void malformedAnswerNamesActionAndRequestId();
    void serviceErrorsCarryTheAction();
    void listPortals();
    void getPortalUsesGreedyArnPath();
    void getSession();
    void expireSession();
    void refusesInvalidInput_data();
    void refusesInvalidInput();
    void idValidation_data();
    void idValidation();

private:
    std::unique_ptr<ScriptedHttpServer> m_server;
    std::unique_ptr<CountingNetworkAccessManager> m_network;
    std::unique_ptr<StaticCredentialsProvider> m_credentials;
    std::unique_ptr<AwsTransport> m_transport;
    std::unique_ptr<WorkSpacesWebClient> m_client;
};

void TestWorkSpacesWebClient::init()
{
    m_server = std::make_unique<ScriptedHttpServer>();
    QVERIFY(m_server->listen());
    m_network = std::make_unique<CountingNetworkAccessManager>();
    AwsCredentials credentials;
    credentials.accessKeyId = u"AKIDCLIENTTEST"_s;
    credentials.secretAccessKey = secretKey;
    m_credentials = std::make_unique<StaticCredentialsProvider>(credentials);
    m_transport = std::make_unique<AwsTransport>(m_network.get(), m_credentials.get());
    m_transport->setScheduler([](int, QObject *context, std::function<void()> task) {
        QTimer::singleShot(0, context, std::move(task));
    });
    m_client = std::make_unique<WorkSpacesWebClient>(m_transport.get(), m_server->url(), u"eu-west-1"_s);
}

void TestWorkSpacesWebClient::cleanup()
{
    m_client.reset();
    m_transport.reset();
    m_network.reset();
    m_server.reset();
}

void TestWorkSpacesWebClient::listSessionsRequestLine()
{
    m_server->enqueue(Answer::json(200, R"({"sessions":[]})"));
    ListSessionsRequest query;
    query.portalId = portalId;
    query.maxResults = 25;
    query.nextToken = u"ab+c/d=="_s;
    query.status = ListSessionsRequest::StatusFilter::Active;
    query.username = u"alice smith"_s;
    query.sort = ListSessionsRequest::Sort::OldestFirst;
    std::optional<AwsResult<SessionPage>> result;
    m_client->listSessions(query, nullptr, [&](const AwsResult<SessionPage> &r) { result = r; });
    QTRY_VERIFY(result.has_value());
    QVERIFY(result->ok());

    QCOMPARE(m_server->requests().size(), 1);
    const ScriptedHttpServer::Request &request = m_server->requests().first();
    QCOMPARE(
        request.requestLine(),
        QByteArray(
            "GET "
            "/portals/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee/sessions?maxResults=25&nextToken=ab%2Bc%2Fd%3D%"
            "3D&sortBy=StartTimeAscending&status=Active&username=alice%20smith HTTP/1.1"));
    QVERIFY(request.header("authorization").contains("/eu-west-1/workspaces-web/aws4_request"));
    QVERIFY(request.hasValidSignature(m_server->url(), secretKey));
}

void TestWorkSpacesWebClient::listSessionsQuery_data()
{
    QTest::addColumn<ListSessionsRequest>("query");
    QTest::addColumn<QByteArray>("target");

    ListSessionsRequest base;
    base.portalId = portalId;
    QTest::newRow("defaults") << base
                              << QByteArray("/portals/" + portalId.toLatin1() +
                                            "/sessions?sortBy=StartTimeDescending");
    ListSessionsRequest terminated = base;
    terminated.status = ListSessionsRequest::StatusFilter::Terminated;
    terminated.maxResults = 1;
    QTest::newRow("terminated, page of one")
        << terminated
        << QByteArray("/portals/" + portalId.toLatin1() +
                      "/sessions?maxResults=1&sortBy=StartTimeDescending&status=Terminated");
    ListSessionsRequest one = base;
    one.sessionId = sessionId;
    QTest::newRow("one session") << one
                                 << QByteArray("/portals/" + portalId.toLatin1() + "/sessions?sessionId=" +
                                               sessionId.toLatin1() + "&sortBy=StartTimeDescending");
    ListSessionsRequest unicode = base;
    unicode.username = u"zoë@example.com"_s;
    QTest::newRow("non-ASCII user name")
        << unicode
        << QByteArray("/portals/" + portalId.toLatin1() +
                      "/sessions?sortBy=StartTimeDescending&username=zo%C3%AB%40example.com");
}

void TestWorkSpacesWebClient::listSessionsQuery()
{
    QFETCH(ListSessionsRequest, query);
    QFETCH(QByteArray, target);
    m_server->enqueue(Answer::json(200, R"({"sessions":[]})"));
    std::optional<AwsResult<SessionPage>> result;
    m_client->listSessions(query, nullptr, [&](const AwsResult<SessionPage> &r) { result = r; });
    QTRY_VERIFY(result.has_value());
    QVERIFY(result->ok());
    QCOMPARE(m_server->requests().first().target, target);
    QVERIFY(m_server->requests().first().hasValidSignature(m_server->url(), secretKey));
}

void TestWorkSpacesWebClient::listSessionsDecodes()
{
    m_server->enqueue(Answer::json(
        200, R"({"sessions":[{"sessionId":"11111111-2222-3333-4444-555555555555","username":"alice",)"
             R"("status":"Terminated","startTime":1710408413.25,"endTime":1710412013,"portalArn":"arn:p"},)"
             R"({"sessionId":"s-2","status":"Suspended","startTime":1710408000}],"nextToken":"n+/="})"));
    ListSessionsRequest query;
    query.portalId = portalId;
    bool returned = false;
    std::optional<AwsResult<SessionPage>> result;
    m_client->listSessions(query, nullptr, [&](const AwsResult<SessionPage> &r) {
        QVERIFY(returned); // never called back before listSessions() returned
        result = r;
    });
    returned = true;
    QTRY_VERIFY(result.has_value());
    QVERIFY2(result->ok(), qPrintable(result->ok() ? QString() : result->error().toLogLine()));
    const SessionPage &page = result->value();
    QCOMPARE(page.sessions.size(), 2);
    QCOMPARE(page.nextToken, u"n+/="_s);
    QCOMPARE(page.sessions[0].status, SessionStatus::Terminated);
    QCOMPARE(page.sessions[0].startTime.toMSecsSinceEpoch(), 1710408413250LL);
    QCOMPARE(page.sessions[0].endTime.toMSecsSinceEpoch(), 1710412013000LL);
    QCOMPARE(page.sessions[1].status, SessionStatus::Unknown);
    QCOMPARE(page.sessions[1].statusText, u"Suspended"_s);
}

void TestWorkSpacesWebClient::malformedAnswerNamesActionAndRequestId()
{
    m_server->enqueue(Answer::json(200, R"({"sessions":[{"sessionId":"s-1","status":"Active"}]})",
                                   {{"x-amzn-RequestId", "rid-malformed"}}));
    ListSessionsRequest query;
    query.portalId = portalId;
    std::optional<AwsResult<SessionPage>> result;
    m_client->listSessions(query, nullptr, [&](const AwsResult<SessionPage> &r) { result = r; });
    QTRY_VERIFY(result.has_value());
    QVERIFY(!result->ok());
    const AwsError &error = result->error();
    QCOMPARE(error.category(), AwsError::Category::MalformedAnswer);
    QVERIFY2(error.message().contains(u"sessions[0].startTime"_s), qPrintable(error.message()));
    QCOMPARE(error.action(), u"workspaces-web:ListSessions"_s);
    QCOMPARE(error.requestId(), u"rid-malformed"_s);
    QCOMPARE(error.httpStatus(), 200);
}

void TestWorkSpacesWebClient::serviceErrorsCarryTheAction()
{
    m_server->enqueue(Answer::awsError(403, "AccessDeniedException", "User is not authorized",
                                       {{"x-amzn-RequestId", "rid-denied"}}));
    std::optional<AwsResult<SessionDetail>> result;
    m_client->getSession(portalId, sessionId, nullptr,
                         [&](const AwsResult<SessionDetail> &r) { result = r; });
    QTRY_VERIFY(result.has_value());
    QVERIFY(!result->ok());
    QCOMPARE(result->error().category(), AwsError::Category::AccessDenied);
    QCOMPARE(result->error().action(), u"workspaces-web:GetSession"_s);
    QCOMPARE(result->error().requestId(), u"rid-denied"_s);
    QVERIFY(result->error().userMessage().contains(u"workspaces-web:GetSession"_s));
}

void TestWorkSpacesWebClient::listPortals()
{
    m_server->enqueue(
        Answer::json(200, R"({"portals":[{"portalArn":")" + portalArn.toLatin1() +
                              R"(","displayName":"Sales","portalStatus":"Active"}],"nextToken":"p2"})"));
    std::optional<AwsResult<PortalPage>> result;
    m_client->listPortals(u"tok/1+"_s, 10, nullptr, [&](const AwsResult<PortalPage> &r) { result = r; });
    QTRY_VERIFY(result.has_value());
    QVERIFY2(result->ok(), qPrintable(result->ok() ? QString() : result->error().toLogLine()));
    QCOMPARE(m_server->requests().first().requestLine(),
             QByteArray("GET /portals?maxResults=10&nextToken=tok%2F1%2B HTTP/1.1"));
    QCOMPARE(result->value().portals.size(), 1);
    QCOMPARE(result->value().portals.first().portalId(), portalId);
    QCOMPARE(result->value().nextToken, u"p2"_s);

    // First page, service's page size: no query at all.
    result.reset();
    m_server->enqueue(Answer::json(200, R"({"portals":[]})"));
    m_client->listPortals(QString(), 0, nullptr, [&](const AwsResult<PortalPage> &r) { result = r; });
    QTRY_VERIFY(result.has_value());
    QVERIFY(result->ok());
    QCOMPARE(m_server->requests().at(1).requestLine(), QByteArray("GET /portals HTTP/1.1"));
}

void TestWorkSpacesWebClient::getPortalUsesGreedyArnPath()
{
    m_server->enqueue(Answer::json(200, R"({"portal":{"portalArn":")" + portalArn.toLatin1() +
                                            R"(","displayName":"Sales","maxConcurrentSessions":5}})"));
    std::optional<AwsResult<Portal>> result;
    m_client->getPortal(portalArn, nullptr, [&](const AwsResult<Portal> &r) { result = r; });
    QTRY_VERIFY(result.has_value());
    QVERIFY2(result->ok(), qPrintable(result->ok() ? QString() : result->error().toLogLine()));
    QCOMPARE(result->value().maxConcurrentSessions, 5);
    const ScriptedHttpServer::Request &request = m_server->requests().first();
    // The same path botocore sends for {portalArn+}: ':' encoded, the ARN's '/' kept.
    QCOMPARE(request.requestLine(),
             QByteArray("GET /portals/arn%3Aaws%3Aworkspaces-web%3Aeu-west-1%3A123456789012%"
                        "3Aportal/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee HTTP/1.1"));
    QVERIFY(request.hasValidSignature(m_server->url(), secretKey));
}

void TestWorkSpacesWebClient::getSession()
{
    m_server->enqueue(Answer::json(
        200, R"({"session":{"sessionId":")" + sessionId.toLatin1() +
                 R"(","status":"Active","startTime":1710408413,"clientIpAddresses":["192.0.2.7"]}})"));
    std::optional<AwsResult<SessionDetail>> result;
    m_client->getSession(portalId, sessionId, nullptr,
                         [&](const AwsResult<SessionDetail> &r) { result = r; });
    QTRY_VERIFY(result.has_value());
    QVERIFY2(result->ok(), qPrintable(result->ok() ? QString() : result->error().toLogLine()));
    QCOMPARE(m_server->requests().first().requestLine(),
             "GET /portals/" + portalId.toLatin1() + "/sessions/" + sessionId.toLatin1() + " HTTP/1.1");
    QCOMPARE(result->value().clientIpAddresses, QStringList{u"192.0.2.7"_s});
    QCOMPARE(result->value().summary.status, SessionStatus::Active);
}

void TestWorkSpacesWebClient::expireSession()
{
    m_server->enqueue(Answer::json(200, "{}"));
    std::optional<AwsResult<std::monostate>> result;
    m_client->expireSession(portalId, sessionId, nullptr,
                            [&](const AwsResult<std::monostate> &r) { result = r; });
    QTRY_VERIFY(result.has_value());
    QVERIFY2(result->ok(), qPrintable(result->ok() ? QString() : result->error().toLogLine()));
    const ScriptedHttpServer::Request &request = m_server->requests().first();
    QCOMPARE(request.requestLine(),
             "DELETE /portals/" + portalId.toLatin1() + "/sessions/" + sessionId.toLatin1() + " HTTP/1.1");
    QVERIFY(request.hasValidSignature(m_server->url(), secretKey));

    result.reset();
    m_server->enqueue(Answer::awsError(404, "ResourceNotFoundException", "Session not found"));
    m_client->expireSession(portalId, sessionId, nullptr,
                            [&](const AwsResult<std::monostate> &r) { result = r; });
    QTRY_VERIFY(result.has_value());
    QVERIFY(!result->ok());
    QCOMPARE(result->error().category(), AwsError::Category::NotFound);
    QCOMPARE(result->error().action(), u"workspaces-web:ExpireSession"_s);
}

void TestWorkSpacesWebClient::refusesInvalidInput_data()
{
    QTest::addColumn<Invoke>("invoke");
    QTest::addColumn<QString>("action");

    const auto list = [](ListSessionsRequest query) -> Invoke {
        return [query](WorkSpacesWebClient &client, std::function<void(std::optional<AwsError>)> done) {
            return client.listSessions(query, nullptr, adapt<SessionPage>(done));
        };
    };
    ListSessionsRequest base;
    base.portalId = portalId;
    const QString listAction = u"workspaces-web:ListSessions"_s;

    ListSessionsRequest q = base;
    q.portalId = portalId.chopped(1);
    QTest::newRow("35-character portal id") << list(q) << listAction;
    q.portalId = portalId + u"f"_s;
    QTest::newRow("37-character portal id") << list(q) << listAction;
    q.portalId = u"aaaaaaaa_bbbb-cccc-dddd-eeeeeeeeeeee"_s;
    QTest::newRow("underscore in portal id") << list(q) << listAction;
    q.portalId = u"../../portals/aaaaaaaa-bbbb-cccc-dddd"_s;
    QTest::newRow("path traversal in portal id") << list(q) << listAction;
    q.portalId.clear();
    QTest::newRow("empty portal id") << list(q) << listAction;
    q = base;
    q.sessionId = u"short"_s;
    QTest::newRow("bad session id filter") << list(q) << listAction;
    q = base;
    q.username = QString(257, u'u');
    QTest::newRow("257-character user name") << list(q) << listAction;
    q = base;
    q.nextToken = u"abc def"_s;
    QTest::newRow("token with a space") << list(q) << listAction;
    q.nextToken = QString(2049, u'x');
    QTest::newRow("2049-character token") << list(q) << listAction;
    q = base;
    q.maxResults = -1;
    QTest::newRow("negative page size") << list(q) << listAction;

    QTest::newRow("listPortals negative page size")
        << Invoke([](WorkSpacesWebClient &client, std::function<void(std::optional<AwsError>)> done) {
               return client.listPortals(QString(), -5, nullptr, adapt<PortalPage>(done));
           })
        << u"workspaces-web:ListPortals"_s;
    QTest::newRow("listPortals token with newline")
        << Invoke([](WorkSpacesWebClient &client, std::function<void(std::optional<AwsError>)> done) {
               return client.listPortals(u"abc\n"_s, 0, nullptr, adapt<PortalPage>(done));
           })
        << u"workspaces-web:ListPortals"_s;
    QTest::newRow("getPortal with a bare id")
        << Invoke([](WorkSpacesWebClient &client, std::function<void(std::optional<AwsError>)> done) {
               return client.getPortal(portalId, nullptr, adapt<Portal>(done));
           })
        << u"workspaces-web:GetPortal"_s;
    QTest::newRow("getPortal with garbage")
        << Invoke([](WorkSpacesWebClient &client, std::function<void(std::optional<AwsError>)> done) {
               return client.getPortal(u"arn:aws:workspaces-web:eu-west-1:123:portal/x?y=z"_s, nullptr,
                                       adapt<Portal>(done));
           })
        << u"workspaces-web:GetPortal"_s;
    QTest::newRow("getSession bad session id")
        << Invoke([](WorkSpacesWebClient &client, std::function<void(std::optional<AwsError>)> done) {
               return client.getSession(portalId, sessionId.chopped(1), nullptr, adapt<SessionDetail>(done));
           })
        << u"workspaces-web:GetSession"_s;
    QTest::newRow("expireSession bad portal id")
        << Invoke([](WorkSpacesWebClient &client, std::function<void(std::optional<AwsError>)> done) {
               return client.expireSession(u"x"_s, sessionId, nullptr, adapt<std::monostate>(done));
           })
        << u"workspaces-web:ExpireSession"_s;
}

void TestWorkSpacesWebClient::refusesInvalidInput()
{
    QFETCH(Invoke, invoke);
    QFETCH(QString, action);
    m_server->setFallback(Answer::json(200, R"({"sessions":[],"portals":[],"portal":{"portalArn":"a"}})"));

    bool returned = false;
    bool called = false;
    bool calledEarly = false;
    std::optional<AwsError> error;
    invoke(*m_client, [&](std::optional<AwsError> e) {
        called = true;
        calledEarly = !returned;
        error = e;
    });
    returned = true;
    QTRY_VERIFY(called);
    QVERIFY2(!calledEarly, "the error was delivered before the method returned");
    QVERIFY(error.has_value());
    QCOMPARE(error->category(), AwsError::Category::Validation);
    QCOMPARE(error->action(), action);
    QVERIFY(!error->message().isEmpty());
    QCOMPARE(m_network->requestCount(), 0); // refused before the network
}

void TestWorkSpacesWebClient::idValidation_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("valid");

    QTest::newRow("uuid") << portalId << true;
    QTest::newRow("upper case") << portalId.toUpper() << true;
    QTest::newRow("36 letters") << QString(36, u'Z') << true;
    QTest::newRow("35") << QString(35, u'a') << false;
    QTest::newRow("37") << QString(37, u'a') << false;
    QTest::newRow("slash") << u"aaaaaaaa/bbbb-cccc-dddd-eeeeeeeeeeee"_s << false;
    QTest::newRow("non-ASCII letter") << u"aaaaaaaé-bbbb-cccc-dddd-eeeeeeeeeeee"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void TestWorkSpacesWebClient::idValidation()
{
    QFETCH(QString, id);
    QFETCH(bool, valid);
    QCOMPARE(WorkSpacesWebClient::isValidPortalId(id), valid);
    QCOMPARE(WorkSpacesWebClient::isValidSessionId(id), valid);
}

QTEST_GUILESS_MAIN(TestWorkSpacesWebClient)
#include "tst_workspaceswebclient.moc"
