// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ListSessionsWalk.h"
#include "SignedClient.h"

#include "emulator/BackgroundEmulator.h"
#include "emulator/Emulator.h"
#include "emulator/EmulatorStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <QTcpSocket>
#include <QTest>
#include <QTimeZone>
#include <QUuid>

using namespace Qt::StringLiterals;

using Query = QList<QPair<QString, QString>>;
using Fault = FaultInjector::Fault;

namespace {

const auto wsw = u"workspaces-web"_s;
const auto qapps = u"qapps"_s;

QByteArray sessionsPath(const QString &portalId)
{
    return "/portals/" + SigV4Signer::uriEncode(portalId.toUtf8()) + "/sessions";
}

QByteArray sessionPath(const QString &portalId, const QString &sessionId)
{
    return sessionsPath(portalId) + '/' + SigV4Signer::uriEncode(sessionId.toUtf8());
}

// The HTTP date of an answer ("Sun, 06 Nov 1994 08:49:37 GMT").
QDateTime httpDate(const QByteArray &text)
{
    QDateTime date = QLocale::c().toDateTime(QString::fromLatin1(text), u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s);
    date.setTimeZone(QTimeZone::utc());
    return date;
}

QStringList idsOf(const QJsonArray &sessions)
{
    QStringList ids;
    for (const QJsonValue &s : sessions)
        ids << s.toObject().value(u"sessionId"_s).toString();
    return ids;
}

} // namespace

class TestEmulatorServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void listAndGetPortals();
    void listSessionsMatchesTheStore_data();
    void listSessionsMatchesTheStore();
    void queryIsDecodedLikeAws_data();
    void queryIsDecodedLikeAws();
    void getAndExpireSession();
    void pagingWhileSessionsExpire();
    void validationErrors_data();
    void validationErrors();
    void tokensAreBoundToTheQuery();
    void notFound();
    void unknownOperations_data();
    void unknownOperations();
    void everyAnswerHasAwsHeaders();
    void signatureErrors();
    void qappsMetadata();
    void qappsErrors();
    void faults_data();
    void faults();
    void faultsNeverChangeState();
    void latencyDelaysButAnswers();
    void clockOffsetNeedsSkewCorrection();
    void backgroundEmulator();

private:
    const PortalRecord &activePortal() const;
    /// A session of the active portal matching `predicate`.
    template <typename Predicate>
    const SessionRecord *findSession(Predicate predicate) const;
    /// Walks ListSessions to the end; fails the test on an error answer.
    QStringList walk(const QString &portalId, Query query, int pageSize, int *pages = nullptr);

    std::unique_ptr<Emulator> m_emulator;
    std::unique_ptr<SignedClient> m_client;
};

void TestEmulatorServer::initTestCase()
{
    EmulatorConfig config;
    config.seed = 4;
    config.portals = 3;
    config.sessionsPerPortal = 400;
    config.maxPage = 50;
    m_emulator = std::make_unique<Emulator>(config);
    QString error;
    QVERIFY2(m_emulator->start(&error), qPrintable(error));
    QVERIFY(m_emulator->port() != 0);
    QCOMPARE(m_emulator->endpoint().toString(), u"http://127.0.0.1:%1"_s.arg(m_emulator->port()));
    m_client = std::make_unique<SignedClient>(m_emulator->endpoint(), m_emulator->credentials());
}

void TestEmulatorServer::cleanup()
{
    m_emulator->faults()->setPlan({});
    m_client->setCredentials(m_emulator->credentials());
}

const PortalRecord &TestEmulatorServer::activePortal() const
{
    for (const PortalRecord &portal : m_emulator->store()->portals()) {
        if (portal.sessions.size() > 0)
            return portal;
    }
    qFatal("no portal with sessions");
}

template <typename Predicate>
const SessionRecord *TestEmulatorServer::findSession(Predicate predicate) const
{
    const PortalRecord &portal = activePortal();
    for (quint32 slot = 0; slot < quint32(portal.sessions.size()); ++slot) {
        if (predicate(portal.sessions.at(slot)))
            return &portal.sessions.at(slot);
    }
    return nullptr;
}

QStringList TestEmulatorServer::walk(const QString &portalId, Query query, int pageSize, int *pages)
{
    query.append({u"maxResults"_s, QString::number(pageSize)});
    const ListSessionsWalk::Result walked = ListSessionsWalk::walk([&](const QString &token) {
        Query pageQuery = query;
        if (!token.isEmpty())
            pageQuery.append({u"nextToken"_s, token});
        const auto answer = m_client->get(sessionsPath(portalId), pageQuery);
        return ListSessionsWalk::fromAnswer(answer.status, answer.body);
    });
    if (!walked.complete)
        return {u"<error>"_s};
    for (const ListSessionsWalk::Page &page : walked.pages) {
        if (page.sessionIds.size() > pageSize)
            return {u"<page too large>"_s};
    }
    if (pages)
        *pages = int(walked.pages.size());
    return walked.sessionIds();
}

void TestEmulatorServer::listAndGetPortals()
{
    const EmulatorStore &store = *m_emulator->store();
    QStringList arns;
    QString token;
    do {
        Query query{{u"maxResults"_s, u"2"_s}};
        if (!token.isEmpty())
            query.append({u"nextToken"_s, token});
        const auto answer = m_client->get("/portals", query);
        QCOMPARE(answer.status, 200);
        const QJsonArray portals = answer.json().value(u"portals"_s).toArray();
        QVERIFY(portals.size() <= 2);
        for (const QJsonValue &p : portals) {
            const QJsonObject portal = p.toObject();
            arns << portal.value(u"portalArn"_s).toString();
            QVERIFY(portal.value(u"creationDate"_s).isDouble());
            QCOMPARE(portal.value(u"browserType"_s).toString(), u"Chrome"_s);
            QCOMPARE(portal.value(u"rendererType"_s).toString(), u"AppStream"_s);
            QVERIFY(portal.contains(u"displayName"_s) && portal.contains(u"portalStatus"_s));
            QVERIFY(portal.value(u"maxConcurrentSessions"_s).toInt() > 0);
        }
        token = answer.json().value(u"nextToken"_s).toString();
    } while (!token.isEmpty());
    QStringList expected;
    for (const PortalRecord &portal : store.portals())
        expected << store.portalArn(portal);
    QCOMPARE(arns, expected);

    // GetPortal takes the whole ARN as a greedy label, ':' percent-encoded and '/' kept.
    const QString arn = expected.first();
    const auto answer = m_client->get("/portals/" + SigV4Signer::uriEncode(arn.toUtf8(), true));
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.json().value(u"portal"_s).toObject().value(u"portalArn"_s).toString(), arn);

    const QString unknown =
        arn.left(arn.lastIndexOf(u'/') + 1) + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const auto missing = m_client->get("/portals/" + SigV4Signer::uriEncode(unknown.toUtf8(), true));
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.errorCode(), u"ResourceNotFoundException"_s);
    const auto bad =
        m_client->get("/portals/" + SigV4Signer::uriEncode(store.portals().front().portalId.toUtf8()));
    QCOMPARE(bad.status, 400);
    QCOMPARE(bad.errorCode(), u"ValidationException"_s);
}

void TestEmulatorServer::listSessionsMatchesTheStore_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("sortBy");
    QTest::addColumn<QString>("username"); // "<none>" for no filter
    QTest::addColumn<int>("pageSize");
    const QStringList users = {u"<none>"_s,   u"Smith, John"_s, u"user+tag@example.com"_s, u"=1+2"_s,
                               u"山田太郎"_s, u"line\nbreak"_s, u"nobody at all"_s};
    int row = 0;
    for (const QString &status : {QString(), u"Active"_s, u"Terminated"_s}) {
        for (const QString &sortBy : {QString(), u"StartTimeAscending"_s, u"StartTimeDescending"_s}) {
            for (const QString &user : users) {
                const int pageSize = QList<int>{1, 7, 50, 500}.at(row++ % 4);
                QTest::addRow("%s/%s/%s/%d", qPrintable(status), qPrintable(sortBy),
                              qPrintable(user.left(8).replace(u'\n', u' ')), pageSize)
                    << status << sortBy << user << pageSize;
            }
        }
    }
}

void TestEmulatorServer::listSessionsMatchesTheStore()
{
    QFETCH(QString, status);
    QFETCH(QString, sortBy);
    QFETCH(QString, username);
    QFETCH(int, pageSize);
    const EmulatorStore &store = *m_emulator->store();
    const PortalRecord &portal = activePortal();

    Query query;
    if (!status.isEmpty())
        query.append({u"status"_s, status});
    if (!sortBy.isEmpty())
        query.append({u"sortBy"_s, sortBy});
    if (username != u"<none>")
        query.append({u"username"_s, username});
    int pages = 0;
    const QStringList got = walk(portal.portalId, query, pageSize, &pages);

    // Independently: every session of the store, filtered and sorted here.
    QList<SessionKey> keys;
    for (quint32 slot = 0; slot < quint32(portal.sessions.size()); ++slot) {
        const SessionRecord &s = portal.sessions.at(slot);
        if (status == u"Active" && !s.isActive())
            continue;
        if (status == u"Terminated" && s.isActive())
            continue;
        if (username != u"<none>" && store.usernames().at(s.user) != username)
            continue;
        keys.append(s.key());
    }
    std::sort(keys.begin(), keys.end());
    if (sortBy != u"StartTimeAscending")
        std::reverse(keys.begin(), keys.end()); // newest first is the default
    QStringList expected;
    for (const SessionKey &key : std::as_const(keys))
        expected << key.id.toString();
    QCOMPARE(got, expected);
    const int effectivePage = std::min(pageSize, 50); // the emulator's maximum page in this test
    QCOMPARE(pages, std::max(1, int((expected.size() + effectivePage - 1) / effectivePage)));
}

void TestEmulatorServer::queryIsDecodedLikeAws_data()
{
    QTest::addColumn<QByteArray>("rawUsername");
    QTest::addColumn<QString>("username");
    QTest::newRow("plus is a space") << QByteArray("Smith,+John") << u"Smith, John"_s;
    QTest::newRow("%20 is a space") << QByteArray("Smith%2C%20John") << u"Smith, John"_s;
    QTest::newRow("%2B is a plus") << QByteArray("user%2Btag%40example.com") << u"user+tag@example.com"_s;
    QTest::newRow("lower-case escapes") << QByteArray("%3d1%2b2") << u"=1+2"_s;
    QTest::newRow("utf-8") << QByteArray("%E5%B1%B1%E7%94%B0%E5%A4%AA%E9%83%8E") << u"山田太郎"_s;
}

void TestEmulatorServer::queryIsDecodedLikeAws()
{
    // The signature covers the decoded query; the wire form is what other clients may send.
    QFETCH(QByteArray, rawUsername);
    QFETCH(QString, username);
    const PortalRecord &portal = activePortal();
    AwsRequest request = m_client->request("GET", sessionsPath(portal.portalId), {{u"username"_s, username}});
    const auto answer = m_client->send(request, wsw, {}, true, "username=" + rawUsername);
    QCOMPARE(answer.status, 200);
    const QJsonArray sessions = answer.json().value(u"sessions"_s).toArray();
    QVERIFY(!sessions.isEmpty());
    for (const QJsonValue &s : sessions)
        QCOMPARE(s.toObject().value(u"username"_s).toString(), username);
}

void TestEmulatorServer::getAndExpireSession()
{
    const PortalRecord &portal = activePortal();
    const SessionRecord *active = findSession([](const SessionRecord &s) { return s.isActive(); });
    QVERIFY(active);
    const QString id = active->id.toString();

    auto answer = m_client->get(sessionPath(portal.portalId, id));
    QCOMPARE(answer.status, 200);
    QJsonObject session = answer.json().value(u"session"_s).toObject();
    QCOMPARE(session.value(u"sessionId"_s).toString(), id);
    QCOMPARE(session.value(u"status"_s).toString(), u"Active"_s);
    QVERIFY(!session.contains(u"endTime"_s));
    QCOMPARE(session.value(u"portalArn"_s).toString(), m_emulator->store()->portalArn(portal));
    const QJsonArray addresses = session.value(u"clientIpAddresses"_s).toArray();
    QVERIFY(addresses.size() >= 1 && addresses.size() <= 3);

    answer = m_client->send(m_client->request("DELETE", sessionPath(portal.portalId, id)));
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.json(), QJsonObject());

    answer = m_client->get(sessionPath(portal.portalId, id));
    session = answer.json().value(u"session"_s).toObject();
    QCOMPARE(session.value(u"status"_s).toString(), u"Terminated"_s);
    const double endTime = session.value(u"endTime"_s).toDouble();
    QVERIFY(endTime >= session.value(u"startTime"_s).toDouble());
    QVERIFY(std::abs(endTime - QDateTime::currentMSecsSinceEpoch() / 1000.0) < 600);

    // Expiring it again succeeds and changes nothing.
    answer = m_client->send(m_client->request("DELETE", sessionPath(portal.portalId, id)));
    QCOMPARE(answer.status, 200);
    answer = m_client->get(sessionPath(portal.portalId, id));
    QCOMPARE(answer.json().value(u"session"_s).toObject().value(u"endTime"_s).toDouble(), endTime);

    // In the list it is Terminated now.
    const QStringList terminated = walk(portal.portalId, {{u"status"_s, u"Terminated"_s}}, 50);
    QVERIFY(terminated.contains(id));
}

void TestEmulatorServer::pagingWhileSessionsExpire()
{
    // Reading the whole list page by page while another client expires sessions: nothing is repeated,
    // and every session that matched throughout is seen.
    const PortalRecord &portal = activePortal();
    for (const QString &status : {QString(), u"Active"_s, u"Terminated"_s}) {
        QSet<QString> before;
        for (quint32 slot = 0; slot < quint32(portal.sessions.size()); ++slot) {
            const SessionRecord &s = portal.sessions.at(slot);
            if (status.isEmpty() || (status == u"Active") == s.isActive())
                before.insert(s.id.toString());
        }
        QStringList seen;
        QString token;
        int expired = 0;
        do {
            Query query{{u"maxResults"_s, u"3"_s}};
            if (!status.isEmpty())
                query.append({u"status"_s, status});
            if (!token.isEmpty())
                query.append({u"nextToken"_s, token});
            const auto answer = m_client->get(sessionsPath(portal.portalId), query);
            QCOMPARE(answer.status, 200);
            seen << idsOf(answer.json().value(u"sessions"_s).toArray());
            token = answer.json().value(u"nextToken"_s).toString();
            // Expire an active session somewhere in the list.
            if (const SessionRecord *victim =
                    findSession([](const SessionRecord &s) { return s.isActive(); });
                victim && expired < 6) {
                const auto del = m_client->send(
                    m_client->request("DELETE", sessionPath(portal.portalId, victim->id.toString())));
                QCOMPARE(del.status, 200);
                ++expired;
            }
        } while (!token.isEmpty());

        QCOMPARE(QSet<QString>(seen.begin(), seen.end()).size(), seen.size()); // no duplicates
        QSet<QString> after;
        for (quint32 slot = 0; slot < quint32(portal.sessions.size()); ++slot) {
            const SessionRecord &s = portal.sessions.at(slot);
            if (status.isEmpty() || (status == u"Active") == s.isActive())
                after.insert(s.id.toString());
        }
        const QSet<QString> seenSet(seen.begin(), seen.end());
        const QSet<QString> stable = QSet<QString>(before).intersect(after);
        for (const QString &id : stable)
            QVERIFY2(seenSet.contains(id), qPrintable(u"skipped "_s + id));
    }
}

void TestEmulatorServer::validationErrors_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<Query>("query");
    QTest::addColumn<QString>("field");
    const QString portalId = u"0f8fad5b-d9cb-469f-a165-70867728950e"_s;
    const QByteArray sessions = sessionsPath(portalId);
    QTest::newRow("maxResults 0") << sessions << Query{{u"maxResults"_s, u"0"_s}} << u"maxResults"_s;
    QTest::newRow("maxResults negative") << sessions << Query{{u"maxResults"_s, u"-3"_s}} << u"maxResults"_s;
    QTest::newRow("maxResults text") << sessions << Query{{u"maxResults"_s, u"ten"_s}} << u"maxResults"_s;
    QTest::newRow("maxResults fraction") << sessions << Query{{u"maxResults"_s, u"1.5"_s}} << u"maxResults"_s;
    QTest::newRow("maxResults huge") << sessions << Query{{u"maxResults"_s, u"99999999999"_s}}
                                     << u"maxResults"_s;
    QTest::newRow("status") << sessions << Query{{u"status"_s, u"Running"_s}} << u"status"_s;
    QTest::newRow("sortBy") << sessions << Query{{u"sortBy"_s, u"Newest"_s}} << u"sortBy"_s;
    QTest::newRow("sessionId filter") << sessions << Query{{u"sessionId"_s, u"short"_s}} << u"sessionId"_s;
    QTest::newRow("empty nextToken") << sessions << Query{{u"nextToken"_s, QString()}} << u"nextToken"_s;
    QTest::newRow("long username") << sessions << Query{{u"username"_s, QString(257, u'x')}} << u"username"_s;
    QTest::newRow("portal id too short") << sessionsPath(u"abc"_s) << Query{} << u"portalId"_s;
    QTest::newRow("portal id characters")
        << sessionsPath(u"0f8fad5b_d9cb_469f_a165_70867728950e"_s) << Query{} << u"portalId"_s;
    QTest::newRow("session id") << sessionPath(portalId, u"x"_s) << Query{} << u"sessionId"_s;
    QTest::newRow("portals maxResults")
        << QByteArray("/portals") << Query{{u"maxResults"_s, u"0"_s}} << u"maxResults"_s;
}

void TestEmulatorServer::validationErrors()
{
    QFETCH(QByteArray, path);
    QFETCH(Query, query);
    QFETCH(QString, field);
    const auto answer = m_client->get(path, query);
    QCOMPARE(answer.status, 400);
    QCOMPARE(answer.errorCode(), u"ValidationException"_s);
    const QJsonObject json = answer.json();
    QVERIFY2(json.value(u"message"_s).toString().startsWith(u"1 validation error detected: "_s),
             answer.body.constData());
    QCOMPARE(json.value(u"reason"_s).toString(), u"fieldValidationFailed"_s);
    QCOMPARE(json.value(u"fieldList"_s).toArray().first().toObject().value(u"name"_s).toString(), field);
    if (field == u"username") // a sensitive member: its value is not repeated
        QVERIFY(!json.value(u"message"_s).toString().contains(u"xxxx"_s));
}

void TestEmulatorServer::tokensAreBoundToTheQuery()
{
    const PortalRecord &portal = activePortal();
    const auto first = m_client->get(sessionsPath(portal.portalId),
                                     {{u"maxResults"_s, u"2"_s}, {u"status"_s, u"Terminated"_s}});
    QCOMPARE(first.status, 200);
    const QString token = first.json().value(u"nextToken"_s).toString();
    QVERIFY(!token.isEmpty());

    // Another page size is fine.
    auto answer =
        m_client->get(sessionsPath(portal.portalId),
                      {{u"maxResults"_s, u"5"_s}, {u"status"_s, u"Terminated"_s}, {u"nextToken"_s, token}});
    QCOMPARE(answer.status, 200);
    // Other filters, another sort order, another portal: refused.
    const QList<Query> others = {
        {{u"status"_s, u"Active"_s}, {u"nextToken"_s, token}},
        {{u"nextToken"_s, token}},
        {{u"status"_s, u"Terminated"_s}, {u"sortBy"_s, u"StartTimeAscending"_s}, {u"nextToken"_s, token}},
        {{u"status"_s, u"Terminated"_s}, {u"username"_s, u"alice@example.com"_s}, {u"nextToken"_s, token}},
    };
    for (const Query &query : others) {
        answer = m_client->get(sessionsPath(portal.portalId), query);
        QCOMPARE(answer.status, 400);
        QCOMPARE(answer.errorCode(), u"ValidationException"_s);
        QVERIFY(answer.json().value(u"message"_s).toString().contains(u"different request"_s));
    }
    // The explicit default sort order is the same query as none.
    answer = m_client->get(
        sessionsPath(portal.portalId),
        {{u"status"_s, u"Terminated"_s}, {u"sortBy"_s, u"StartTimeDescending"_s}, {u"nextToken"_s, token}});
    QCOMPARE(answer.status, 200);
    // Tampered.
    QString tampered = token;
    tampered[5] = tampered[5] == u'A' ? u'B' : u'A';
    answer = m_client->get(sessionsPath(portal.portalId),
                           {{u"status"_s, u"Terminated"_s}, {u"nextToken"_s, tampered}});
    QCOMPARE(answer.status, 400);
    QCOMPARE(answer.errorCode(), u"ValidationException"_s);
    // ListPortals does not take a ListSessions token.
    answer = m_client->get("/portals", {{u"nextToken"_s, token}});
    QCOMPARE(answer.status, 400);
}

void TestEmulatorServer::notFound()
{
    const QString unknownPortal = u"00000000-0000-4000-8000-000000000000"_s;
    auto answer = m_client->get(sessionsPath(unknownPortal));
    QCOMPARE(answer.status, 404);
    QCOMPARE(answer.errorCode(), u"ResourceNotFoundException"_s);
    QCOMPARE(answer.json().value(u"resourceId"_s).toString(), unknownPortal);
    QVERIFY(!answer.json().value(u"message"_s).toString().isEmpty());

    const PortalRecord &portal = activePortal();
    answer = m_client->get(sessionPath(portal.portalId, unknownPortal));
    QCOMPARE(answer.status, 404);
    QCOMPARE(answer.errorCode(), u"ResourceNotFoundException"_s);
    answer = m_client->send(m_client->request("DELETE", sessionPath(portal.portalId, unknownPortal)));
    QCOMPARE(answer.status, 404);
    // A session of another portal is not found in this one.
    for (const PortalRecord &other : m_emulator->store()->portals()) {
        if (&other == &portal || other.sessions.size() == 0)
            continue;
        answer = m_client->get(sessionPath(portal.portalId, other.sessions.at(0).id.toString()));
        QCOMPARE(answer.status, 404);
    }
}

void TestEmulatorServer::unknownOperations_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    const QByteArray sessions = sessionsPath(u"0f8fad5b-d9cb-469f-a165-70867728950e"_s);
    QTest::newRow("unknown path") << QByteArray("GET") << QByteArray("/nothing/here");
    QTest::newRow("root") << QByteArray("GET") << QByteArray("/");
    QTest::newRow("PUT session") << QByteArray("PUT")
                                 << QByteArray(sessions + "/0f8fad5b-d9cb-469f-a165-70867728950e");
    QTest::newRow("POST sessions") << QByteArray("POST") << sessions;
    QTest::newRow("DELETE portals") << QByteArray("DELETE") << QByteArray("/portals");
    QTest::newRow("unknown Q Apps operation") << QByteArray("GET") << QByteArray("/runtime.listQApps");
    QTest::newRow("Q Apps wrong method")
        << QByteArray("POST") << QByteArray("/runtime.getQAppSessionMetadata");
}

void TestEmulatorServer::unknownOperations()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    const QString service = path.startsWith("/runtime.") ? qapps : wsw;
    const auto answer = m_client->send(m_client->request(method, path), service);
    QCOMPARE(answer.status, 404);
    QCOMPARE(answer.errorCode(), u"UnknownOperationException"_s);
}

void TestEmulatorServer::everyAnswerHasAwsHeaders()
{
    static const QRegularExpression uuid(u"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"_s);
    QSet<QByteArray> requestIds;
    const QList<SignedClient::Answer> answers = {
        m_client->get("/portals"),
        m_client->get(sessionsPath(u"00000000-0000-4000-8000-000000000000"_s)),
        m_client->get("/nowhere"),
        m_client->send(m_client->request("GET", "/portals"), wsw, {}, false),
    };
    for (const auto &answer : answers) {
        QVERIFY(answer.status != 0);
        QVERIFY2(uuid.match(QString::fromLatin1(answer.header("x-amzn-RequestId"))).hasMatch(),
                 answer.header("x-amzn-RequestId").constData());
        requestIds.insert(answer.header("x-amzn-RequestId"));
        QCOMPARE(answer.header("Content-Type"), QByteArray("application/json"));
        const QDateTime date = httpDate(answer.header("Date"));
        QVERIFY2(date.isValid(), answer.header("Date").constData());
        QVERIFY(std::abs(date.secsTo(QDateTime::currentDateTimeUtc())) < 600);
        if (answer.status != 200)
            QVERIFY(!answer.json().value(u"message"_s).toString().isEmpty());
    }
    QCOMPARE(requestIds.size(), answers.size());
}

void TestEmulatorServer::signatureErrors()
{
    auto answer = m_client->send(m_client->request("GET", "/portals"), wsw, {}, false);
    QCOMPARE(answer.status, 403);
    QCOMPARE(answer.errorCode(), u"MissingAuthenticationTokenException"_s);

    answer = m_client->send(m_client->request("GET", "/portals"), qapps);
    QCOMPARE(answer.status, 403);
    QCOMPARE(answer.errorCode(), u"InvalidSignatureException"_s);
    QVERIFY(answer.json().value(u"message"_s).toString().contains(u"correct service: 'workspaces-web'"_s));

    answer = m_client->send(m_client->request("GET", "/portals"), wsw,
                            QDateTime::currentDateTimeUtc().addSecs(-3600));
    QCOMPARE(answer.status, 403);
    QCOMPARE(answer.errorCode(), u"InvalidSignatureException"_s);
    QVERIFY(answer.json().value(u"message"_s).toString().startsWith(u"Signature expired"_s));
    QVERIFY(!answer.header("Date").isEmpty());

    AwsCredentials wrong = m_emulator->credentials();
    wrong.accessKeyId = u"AKIAWRONGWRONGWRONG1"_s;
    m_client->setCredentials(wrong);
    answer = m_client->get("/portals");
    QCOMPARE(answer.status, 403);
    QCOMPARE(answer.errorCode(), u"UnrecognizedClientException"_s);

    wrong = m_emulator->credentials();
    wrong.secretAccessKey = u"not the secret"_s;
    m_client->setCredentials(wrong);
    answer = m_client->get("/portals");
    QCOMPARE(answer.status, 403);
    QCOMPARE(answer.errorCode(), u"InvalidSignatureException"_s);
    QVERIFY(!answer.body.contains(m_emulator->credentials().secretAccessKey.toUtf8()));
}

void TestEmulatorServer::qappsMetadata()
{
    const EmulatorStore &store = *m_emulator->store();
    const SessionRecord *owned = findSession([&](const SessionRecord &s) {
        const auto state = store.qappSession(s.id);
        return state && state->owner && !state->acceptResponses && state->name;
    });
    QVERIFY(owned);
    const QString id = owned->id.toString();
    const QString instance = m_emulator->config().qappsInstanceId;

    AwsRequest get = m_client->request("GET", "/runtime.getQAppSessionMetadata", {{u"sessionId"_s, id}});
    get.setHeader("instance-id", instance.toUtf8());
    auto answer = m_client->send(get, qapps);
    QCOMPARE(answer.status, 200);
    QJsonObject json = answer.json();
    QCOMPARE(json.value(u"sessionId"_s).toString(), id);
    QVERIFY(json.value(u"sessionArn"_s).toString().startsWith(u"arn:aws:qapps:us-east-1:"_s));
    QCOMPARE(json.value(u"sessionOwner"_s).toBool(), true);
    QVERIFY(json.value(u"sharingConfiguration"_s).toObject().contains(u"enabled"_s));
    QVERIFY(!json.value(u"sharingConfiguration"_s).toObject().contains(u"acceptResponses"_s));

    AwsRequest update = m_client->request("POST", "/runtime.updateQAppSessionMetadata");
    update.setHeader("instance-id", instance.toUtf8());
    update.setHeader("Content-Type", "application/json");
    update.body =
        QJsonDocument(QJsonObject{{u"sessionId"_s, id},
                                  {u"sessionName"_s, u"Nouveau nom — 新しい"_s},
                                  {u"sharingConfiguration"_s,
                                   QJsonObject{{u"enabled"_s, true}, {u"acceptResponses"_s, false}}}})
            .toJson(QJsonDocument::Compact);
    answer = m_client->send(update, qapps);
    QCOMPARE(answer.status, 200);
    json = answer.json();
    QVERIFY(!json.contains(u"sessionOwner"_s));
    QCOMPARE(json.value(u"sessionName"_s).toString(), u"Nouveau nom — 新しい"_s);
    const QJsonObject expectedSharing{{u"enabled"_s, true}, {u"acceptResponses"_s, false}};
    QCOMPARE(json.value(u"sharingConfiguration"_s).toObject(), expectedSharing);

    answer = m_client->send(get, qapps);
    QCOMPARE(answer.json().value(u"sessionName"_s).toString(), u"Nouveau nom — 新しい"_s);
    QCOMPARE(answer.json().value(u"sharingConfiguration"_s).toObject(), expectedSharing);
    QCOMPARE(answer.json().value(u"sessionOwner"_s).toBool(), true);

    // Left out, the name is kept; the sharing configuration is replaced as a whole.
    update.body = R"({"sessionId":")" + id.toUtf8() + R"(","sharingConfiguration":{"enabled":false}})";
    answer = m_client->send(update, qapps);
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.json().value(u"sessionName"_s).toString(), u"Nouveau nom — 新しい"_s);
    QCOMPARE(answer.json().value(u"sharingConfiguration"_s).toObject(), (QJsonObject{{u"enabled"_s, false}}));
}

void TestEmulatorServer::qappsErrors()
{
    const EmulatorStore &store = *m_emulator->store();
    const QString instance = m_emulator->config().qappsInstanceId;
    const SessionRecord *notOwned = findSession([&](const SessionRecord &s) {
        const auto state = store.qappSession(s.id);
        return state && !state->owner;
    });
    const SessionRecord *withoutQApp =
        findSession([&](const SessionRecord &s) { return !store.qappSession(s.id); });
    QVERIFY(notOwned && withoutQApp);

    const auto get = [&](const QString &sessionId, const QByteArray &instanceId) {
        AwsRequest request =
            m_client->request("GET", "/runtime.getQAppSessionMetadata", {{u"sessionId"_s, sessionId}});
        if (!instanceId.isNull())
            request.setHeader("instance-id", instanceId);
        return m_client->send(request, qapps);
    };
    const auto update = [&](const QByteArray &body) {
        AwsRequest request = m_client->request("POST", "/runtime.updateQAppSessionMetadata");
        request.setHeader("instance-id", instance.toUtf8());
        request.setHeader("Content-Type", "application/json");
        request.body = body;
        return m_client->send(request, qapps);
    };

    auto answer = get(notOwned->id.toString(), "some-other-instance");
    QCOMPARE(answer.status, 404);
    QCOMPARE(answer.errorCode(), u"ResourceNotFoundException"_s);
    QCOMPARE(answer.json().value(u"resourceType"_s).toString(), u"Instance"_s);
    answer = get(withoutQApp->id.toString(), instance.toUtf8());
    QCOMPARE(answer.status, 404);
    QCOMPARE(answer.json().value(u"resourceId"_s).toString(), withoutQApp->id.toString());
    answer = get(notOwned->id.toString().toUpper(), instance.toUtf8());
    QCOMPARE(answer.status, 400);
    QCOMPARE(answer.errorCode(), u"ValidationException"_s);
    answer = get(notOwned->id.toString(), QByteArray());
    QCOMPARE(answer.status, 400);
    QVERIFY(answer.json().value(u"message"_s).toString().contains(u"instanceId"_s));

    const QByteArray id = notOwned->id.toString().toUtf8();
    answer = update(R"({"sessionId":")" + id + R"(","sharingConfiguration":{"enabled":true}})");
    QCOMPARE(answer.status, 403);
    QCOMPARE(answer.errorCode(), u"AccessDeniedException"_s);
    answer = update("{not json");
    QCOMPARE(answer.status, 400);
    QCOMPARE(answer.errorCode(), u"SerializationException"_s);
    answer = update(R"({"sessionId":")" + id + R"(","sharingConfiguration":{"enabled":"yes"}})");
    QCOMPARE(answer.status, 400);
    QCOMPARE(answer.errorCode(), u"SerializationException"_s);
    answer = update(R"({"sessionId":")" + id + R"(","sharingConfiguration":{}})");
    QCOMPARE(answer.status, 400);
    QCOMPARE(answer.errorCode(), u"ValidationException"_s);
    answer = update(R"({"sessionId":")" + id + R"("})");
    QCOMPARE(answer.status, 400);
    QCOMPARE(answer.errorCode(), u"ValidationException"_s);
    answer = update(R"({"sessionId":")" + id + R"(","sessionName":")" + QByteArray(101, 'n') +
                    R"(","sharingConfiguration":{"enabled":true}})");
    QCOMPARE(answer.status, 400);
    QVERIFY(answer.json().value(u"message"_s).toString().contains(u"sessionName"_s));
    // Q Apps paths must be signed for qapps.
    AwsRequest wrongService = m_client->request("GET", "/runtime.getQAppSessionMetadata",
                                                {{u"sessionId"_s, QString::fromUtf8(id)}});
    wrongService.setHeader("instance-id", instance.toUtf8());
    answer = m_client->send(wrongService, wsw);
    QCOMPARE(answer.status, 403);
    QCOMPARE(answer.errorCode(), u"InvalidSignatureException"_s);
    // Nothing changed for the session that was not ours.
    QVERIFY(!store.qappSession(notOwned->id)->owner);
}

void TestEmulatorServer::faults_data()
{
    QTest::addColumn<Fault>("fault");
    QTest::newRow("throttling") << Fault::Throttling;
    QTest::newRow("internal error") << Fault::InternalError;
    QTest::newRow("unavailable") << Fault::ServiceUnavailable;
    QTest::newRow("connection reset") << Fault::ConnectionReset;
    QTest::newRow("truncated body") << Fault::TruncatedBody;
    QTest::newRow("repeated token") << Fault::RepeatedNextToken;
}

void TestEmulatorServer::faults()
{
    QFETCH(Fault, fault);
    const PortalRecord &portal = activePortal();
    const auto first = m_client->get(sessionsPath(portal.portalId), {{u"maxResults"_s, u"4"_s}});
    const QString token = first.json().value(u"nextToken"_s).toString();
    QVERIFY(!token.isEmpty());

    FaultInjector::Plan plan;
    plan.setRate(fault, 1.0);
    m_emulator->faults()->setPlan(plan);
    const auto answer =
        m_client->get(sessionsPath(portal.portalId), {{u"maxResults"_s, u"4"_s}, {u"nextToken"_s, token}});
    switch (fault) {
    case Fault::Throttling:
        QCOMPARE(answer.status, 429);
        QCOMPARE(answer.errorCode(), u"ThrottlingException"_s);
        QCOMPARE(answer.header("Retry-After"), QByteArray("1"));
        QCOMPARE(answer.json().value(u"serviceCode"_s).toString(), wsw);
        break;
    case Fault::InternalError:
        QCOMPARE(answer.status, 500);
        QCOMPARE(answer.errorCode(), u"InternalServerException"_s);
        break;
    case Fault::ServiceUnavailable:
        QCOMPARE(answer.status, 503);
        QCOMPARE(answer.errorCode(), u"ServiceUnavailableException"_s);
        break;
    case Fault::ConnectionReset:
        QCOMPARE(answer.status, 0);
        QVERIFY(answer.networkError != QNetworkReply::NoError);
        break;
    case Fault::TruncatedBody:
        // Either the transport notices the short body, or what it got is not the whole JSON document.
        QVERIFY(answer.networkError != QNetworkReply::NoError ||
                QJsonDocument::fromJson(answer.body).isNull());
        break;
    case Fault::RepeatedNextToken:
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.json().value(u"nextToken"_s).toString(), token);
        break;
    default:
        QFAIL("unexpected fault");
    }
    QVERIFY(m_emulator->faults()->count(fault) >= 1);
    m_emulator->faults()->setPlan({});
    const auto healthy =
        m_client->get(sessionsPath(portal.portalId), {{u"maxResults"_s, u"4"_s}, {u"nextToken"_s, token}});
    QCOMPARE(healthy.status, 200);
    QVERIFY(healthy.json().value(u"nextToken"_s).toString() != token);
}

void TestEmulatorServer::faultsNeverChangeState()
{
    const PortalRecord &portal = activePortal();
    EmulatorStore &store = *m_emulator->store();
    const int portalIndex = store.portalIndex(portal.portalId);
    const Uuid128 id = store
                           .session(store.addSession(portalIndex, u"fault test"_s,
                                                     QDateTime::currentMSecsSinceEpoch() - 1000))
                           .id;
    for (const Fault fault :
         {Fault::Throttling, Fault::InternalError, Fault::ServiceUnavailable, Fault::ConnectionReset}) {
        FaultInjector::Plan plan;
        plan.setRate(fault, 1.0);
        m_emulator->faults()->setPlan(plan);
        const auto answer =
            m_client->send(m_client->request("DELETE", sessionPath(portal.portalId, id.toString())));
        QVERIFY(answer.status != 200);
        QVERIFY(m_emulator->store()->session(*m_emulator->store()->findSession(id)).isActive());
    }
}

void TestEmulatorServer::latencyDelaysButAnswers()
{
    FaultInjector::Plan plan;
    plan.latencyMs = 150;
    m_emulator->faults()->setPlan(plan);
    const auto answer = m_client->get("/portals");
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.json().value(u"portals"_s).toArray().size(),
             qsizetype(m_emulator->store()->portals().size()));
}

void TestEmulatorServer::clockOffsetNeedsSkewCorrection()
{
    FaultInjector::Plan plan;
    plan.clockOffsetSeconds = 3600;
    m_emulator->faults()->setPlan(plan);
    auto answer = m_client->get("/portals");
    QCOMPARE(answer.status, 403);
    QVERIFY(answer.json().value(u"message"_s).toString().startsWith(u"Signature expired"_s));
    // The Date header tells the emulator's time; signing with it works.
    const QDateTime serverTime = httpDate(answer.header("Date"));
    QVERIFY(serverTime.isValid());
    QVERIFY(serverTime.secsTo(QDateTime::currentDateTimeUtc()) < -3000);
    answer = m_client->send(m_client->request("GET", "/portals"), wsw, serverTime);
    QCOMPARE(answer.status, 200);
}

void TestEmulatorServer::backgroundEmulator()
{
    EmulatorConfig config;
    config.portals = 2;
    config.sessionsPerPortal = 20;
    BackgroundEmulator background(config);
    QString error;
    QVERIFY2(background.start(&error), qPrintable(error));
    QVERIFY(background.isRunning());
    QVERIFY(background.port() != 0 && background.port() != m_emulator->port());
    QCOMPARE(background.credentials().accessKeyId, EmulatorConfig::demoAccessKeyId());
    SignedClient client(background.endpoint(), background.credentials(), background.region());
    const auto answer = client.get("/portals");
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.json().value(u"portals"_s).toArray().size(), 2);
    QVERIFY(!background.start(&error)); // already running
    const quint16 port = background.port();
    background.stop();
    QVERIFY(!background.isRunning());

    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(!socket.waitForConnected(2000));

    // A port in use is a clear error, not a crash.
    config.port = m_emulator->port();
    BackgroundEmulator clash(config);
    QVERIFY(!clash.start(&error));
    QVERIFY2(error.contains(QString::number(m_emulator->port())), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestEmulatorServer)
#include "tst_emulatorserver.moc"
