// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/ApiJson.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

class TestApiJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listSessions_data();
    void listSessions();
    void sessionFields();
    void timestamps_data();
    void timestamps();
    void listPortals_data();
    void listPortals();
    void portalFields();
    void getPortal_data();
    void getPortal();
    void getSession_data();
    void getSession();
    void emptyAnswer_data();
    void emptyAnswer();
    void qappMetadata_data();
    void qappMetadata();
    void encodesUpdate_data();
    void encodesUpdate();
};

namespace {

const QByteArray sessionA = R"({"sessionId":"11111111-2222-3333-4444-555555555555","username":"alice",)"
                            R"("status":"Active","startTime":1710408413.123,)"
                            R"("portalArn":"arn:aws:workspaces-web:eu-west-1:123456789012:portal/)"
                            R"(aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"})";

QByteArray sessions(const QByteArray &items, const QByteArray &extra = {})
{
    return R"({"sessions":[)" + items + "]" + extra + "}";
}

} // namespace

void TestApiJson::listSessions_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("error"); // a part of the error message; empty when the body is fine
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("nextToken");

    // Good bodies.
    QTest::newRow("one session") << sessions(sessionA) << QString() << 1 << QString();
    QTest::newRow("empty last page") << sessions({}) << QString() << 0 << QString();
    QTest::newRow("empty page with a token is legal")
        << sessions({}, R"(,"nextToken":"abc")") << QString() << 0 << u"abc"_s;
    QTest::newRow("token returned verbatim")
        << sessions(sessionA, R"(,"nextToken":"a+b/c==\u00e9 \/x")") << QString() << 1 << u"a+b/c==é /x"_s;
    QTest::newRow("null token") << sessions(sessionA, R"(,"nextToken":null)") << QString() << 1 << QString();
    QTest::newRow("unknown fields everywhere")
        << QByteArray(R"({"future":{"a":[1,2,{"b":null}]},"sessions":[{"sessionId":"s-1","status":"Active",)"
                      R"("startTime":1,"newField":[true],"huge":1e308}],"count":99999999999999999999})")
        << QString() << 1 << QString();
    QTest::newRow("unknown status kept")
        << sessions(R"({"sessionId":"s-1","status":"Suspended","startTime":1})") << QString() << 1
        << QString();
    QTest::newRow("ISO timestamps")
        << sessions(R"({"sessionId":"s-1","status":"Terminated","startTime":"2024-03-14T09:26:53.123Z",)"
                    R"("endTime":"2024-03-14T10:00:00+01:00"})")
        << QString() << 1 << QString();
    QTest::newRow("null optional fields")
        << sessions(R"({"sessionId":"s-1","status":"Active","startTime":1,"endTime":null,"username":null})")
        << QString() << 1 << QString();
    QTest::newRow("two sessions") << sessions(sessionA + "," + sessionA) << QString() << 2 << QString();

    // Hostile bodies.
    QTest::newRow("empty body") << QByteArray() << u"not valid JSON"_s << 0 << QString();
    QTest::newRow("truncated") << sessionA.left(40) << u"not valid JSON"_s << 0 << QString();
    QTest::newRow("truncated page") << sessions(sessionA).chopped(3) << u"not valid JSON"_s << 0 << QString();
    QTest::newRow("HTML") << QByteArray("<html><body>Bad gateway</body></html>") << u"not a JSON object"_s
                          << 0 << QString();
    QTest::newRow("root array") << QByteArray("[" + sessionA + "]") << u"not a JSON object"_s << 0
                                << QString();
    QTest::newRow("root string") << QByteArray(R"("sessions")") << u"not a JSON object"_s << 0 << QString();
    QTest::newRow("root null") << QByteArray("null") << u"not a JSON object"_s << 0 << QString();
    QTest::newRow("no sessions array")
        << QByteArray(R"({"nextToken":"abc"})") << u"\"sessions\" is missing"_s << 0 << QString();
    QTest::newRow("sessions null") << QByteArray(R"({"sessions":null})") << u"\"sessions\" is missing"_s << 0
                                   << QString();
    QTest::newRow("sessions is an object")
        << QByteArray(R"({"sessions":{"0":{}}})") << u"\"sessions\" should be an array"_s << 0 << QString();
    QTest::newRow("session is a string")
        << sessions(R"("s-1")") << u"\"sessions[0]\" should be an object"_s << 0 << QString();
    QTest::newRow("second session bad") << sessions(sessionA + R"(,{"status":"Active","startTime":1})")
                                        << u"\"sessions[1].sessionId\" is missing"_s << 0 << QString();
    QTest::newRow("sessionId number")
        << sessions(R"({"sessionId":42,"status":"Active","startTime":1})")
        << u"\"sessions[0].sessionId\" should be a string, but is a number"_s << 0 << QString();
    QTest::newRow("sessionId empty") << sessions(R"({"sessionId":"","status":"Active","startTime":1})")
                                     << u"\"sessions[0].sessionId\" is empty"_s << 0 << QString();
    QTest::newRow("status missing") << sessions(R"({"sessionId":"s-1","startTime":1})")
                                    << u"\"sessions[0].status\" is missing"_s << 0 << QString();
    QTest::newRow("status wrong type") << sessions(R"({"sessionId":"s-1","status":["Active"],"startTime":1})")
                                       << u"\"sessions[0].status\" should be a string"_s << 0 << QString();
    QTest::newRow("startTime missing") << sessions(R"({"sessionId":"s-1","status":"Active"})")
                                       << u"\"sessions[0].startTime\" is missing"_s << 0 << QString();
    QTest::newRow("startTime null") << sessions(R"({"sessionId":"s-1","status":"Active","startTime":null})")
                                    << u"\"sessions[0].startTime\" is missing"_s << 0 << QString();
    QTest::newRow("startTime boolean")
        << sessions(R"({"sessionId":"s-1","status":"Active","startTime":true})")
        << u"\"sessions[0].startTime\" should be a time"_s << 0 << QString();
    QTest::newRow("startTime huge") << sessions(R"({"sessionId":"s-1","status":"Active","startTime":1e300})")
                                    << u"\"sessions[0].startTime\" is not a plausible time"_s << 0
                                    << QString();
    QTest::newRow("startTime beyond double")
        << sessions(R"({"sessionId":"s-1","status":"Active","startTime":1e999})") << u"not valid JSON"_s << 0
        << QString();
    QTest::newRow("startTime text") << sessions(
                                           R"({"sessionId":"s-1","status":"Active","startTime":"yesterday"})")
                                    << u"\"sessions[0].startTime\" is not a time"_s << 0 << QString();
    QTest::newRow("endTime object")
        << sessions(R"({"sessionId":"s-1","status":"Active","startTime":1,"endTime":{}})")
        << u"\"sessions[0].endTime\" should be a time"_s << 0 << QString();
    QTest::newRow("username number")
        << sessions(R"({"sessionId":"s-1","status":"Active","startTime":1,"username":7})")
        << u"\"sessions[0].username\" should be a string"_s << 0 << QString();
    QTest::newRow("nextToken number") << sessions(sessionA, R"(,"nextToken":12)")
                                      << u"\"nextToken\" should be a string"_s << 0 << QString();
}

void TestApiJson::listSessions()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, error);
    QFETCH(int, count);
    QFETCH(QString, nextToken);

    const AwsResult<SessionPage> page = ApiJson::decodeListSessions(body);
    if (!error.isEmpty()) {
        QVERIFY2(!page.ok(), "a hostile body was accepted");
        QCOMPARE(page.error().category(), AwsError::Category::MalformedAnswer);
        QVERIFY2(page.error().message().contains(error), qPrintable(page.error().message()));
        QVERIFY(!page.error().userMessage().isEmpty());
        return;
    }
    QVERIFY2(page.ok(), qPrintable(page.ok() ? QString() : page.error().message()));
    QCOMPARE(page.value().sessions.size(), count);
    QCOMPARE(page.value().nextToken, nextToken);
    for (const SessionSummary &session : page.value().sessions) {
        QVERIFY(!session.sessionId.isEmpty());
        QVERIFY(!session.statusText.isEmpty());
        QVERIFY(session.startTime.isValid());
        QCOMPARE(session.startTime.timeSpec(), Qt::UTC);
    }
}

void TestApiJson::sessionFields()
{
    AwsResult<SessionPage> page = ApiJson::decodeListSessions(
        sessions(sessionA + R"(,{"sessionId":"s-2","status":"Suspended","startTime":"2024-03-14T09:26:53.5",)"
                            R"("endTime":1710412013.999})"));
    QVERIFY(page.ok());
    const SessionSummary &a = page.value().sessions.at(0);
    QCOMPARE(a.sessionId, u"11111111-2222-3333-4444-555555555555"_s);
    QCOMPARE(a.username, u"alice"_s);
    QCOMPARE(a.status, SessionStatus::Active);
    QCOMPARE(a.statusText, u"Active"_s);
    QCOMPARE(a.startTime.toMSecsSinceEpoch(), 1710408413123LL); // milliseconds kept
    QVERIFY(!a.endTime.isValid());
    QCOMPARE(a.portalArn,
             u"arn:aws:workspaces-web:eu-west-1:123456789012:portal/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"_s);

    const SessionSummary &b = page.value().sessions.at(1);
    QCOMPARE(b.status, SessionStatus::Unknown);
    QCOMPARE(b.statusText, u"Suspended"_s); // unknown values stay visible
    QVERIFY(b.username.isEmpty());
    // An ISO time without offset is UTC.
    QCOMPARE(b.startTime, QDateTime(QDate(2024, 3, 14), QTime(9, 26, 53, 500), Qt::UTC));
    QCOMPARE(b.endTime.toMSecsSinceEpoch(), 1710412013999LL);
}

void TestApiJson::timestamps_data()
{
    QTest::addColumn<QByteArray>("json"); // a JSON value
    QTest::addColumn<qint64>("msecs");    // -1: an error is expected

    QTest::newRow("integer seconds") << QByteArray("1710408413") << 1710408413000LL;
    QTest::newRow("fractional seconds") << QByteArray("1710408413.123") << 1710408413123LL;
    QTest::newRow("sub-millisecond rounds") << QByteArray("1710408413.1236") << 1710408413124LL;
    QTest::newRow("zero") << QByteArray("0") << 0LL;
    QTest::newRow("exponent form") << QByteArray("1.710408413e9") << 1710408413000LL;
    QTest::newRow("ISO UTC") << QByteArray(R"("2024-03-14T09:26:53Z")") << 1710408413000LL;
    QTest::newRow("ISO with ms") << QByteArray(R"("2024-03-14T09:26:53.123Z")") << 1710408413123LL;
    QTest::newRow("ISO with offset") << QByteArray(R"("2024-03-14T10:26:53+01:00")") << 1710408413000LL;
    QTest::newRow("ISO without offset is UTC") << QByteArray(R"("2024-03-14T09:26:53")") << 1710408413000LL;
    QTest::newRow("year 9999") << QByteArray("253402300799") << 253402300799000LL;
    QTest::newRow("beyond year 9999") << QByteArray("253402300800") << -1LL;
    // Found by fuzz_listportals: accepted, but QDateTime writes no ISO 8601 form for it.
    QTest::newRow("before year 1") << QByteArray("-62135596801") << -1LL;
    QTest::newRow("year -6060") << QByteArray("-253402300799") << -1LL;
    QTest::newRow("ISO offset beyond year 9999") << QByteArray(R"("9999-12-31T23:59:59-14:00")") << -1LL;
    QTest::newRow("ISO offset before year 1") << QByteArray(R"("0001-01-01T00:00:00+14:00")") << -1LL;
    QTest::newRow("ISO last millisecond") << QByteArray(R"("9999-12-31T23:59:59.999Z")") << 253402300799999LL;
    QTest::newRow("1e20") << QByteArray("1e20") << -1LL;
    QTest::newRow("-1e20") << QByteArray("-1e20") << -1LL;
    QTest::newRow("empty string") << QByteArray(R"("")") << -1LL;
    QTest::newRow("epoch as string") << QByteArray(R"("1710408413")") << -1LL;
    QTest::newRow("garbage string") << QByteArray(R"("2024-13-45T99:99:99Z")") << -1LL;
    QTest::newRow("array") << QByteArray("[1710408413]") << -1LL;
    QTest::newRow("boolean") << QByteArray("false") << -1LL;
}

void TestApiJson::timestamps()
{
    QFETCH(QByteArray, json);
    QFETCH(qint64, msecs);
    const QJsonDocument document = QJsonDocument::fromJson("{\"t\":" + json + "}");
    QVERIFY(document.isObject());
    const AwsResult<QDateTime> time = ApiJson::decodeTimestamp(document.object().value(u"t"_s), u"t"_s);
    if (msecs < 0) {
        QVERIFY2(!time.ok(), qPrintable(time.ok() ? time.value().toString(Qt::ISODateWithMs) : QString()));
        QCOMPARE(time.error().category(), AwsError::Category::MalformedAnswer);
        QVERIFY(time.error().message().contains(u"\"t\""_s));
        return;
    }
    QVERIFY2(time.ok(), qPrintable(time.ok() ? QString() : time.error().message()));
    QCOMPARE(time.value().toMSecsSinceEpoch(), msecs);
    QCOMPARE(time.value().timeSpec(), Qt::UTC);
    QVERIFY(!time.value().toString(Qt::ISODateWithMs).isEmpty()); // every accepted time can be shown
}

void TestApiJson::listPortals_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("error");
    QTest::addColumn<int>("count");

    const QByteArray portal = R"({"portalArn":"arn:aws:workspaces-web:eu-west-1:123456789012:portal/p1",)"
                              R"("displayName":"Sales","portalStatus":"Active","creationDate":1700000000.5,)"
                              R"("maxConcurrentSessions":25})";
    QTest::newRow("one portal") << QByteArray(R"({"portals":[)" + portal + "]}") << QString() << 1;
    QTest::newRow("no portals") << QByteArray(R"({"portals":[]})") << QString() << 0;
    QTest::newRow("only the required field")
        << QByteArray(R"({"portals":[{"portalArn":"arn:aws:workspaces-web:eu-west-1:1:portal/p"}]})")
        << QString() << 1;
    QTest::newRow("unknown status and fields")
        << QByteArray(R"({"portals":[{"portalArn":"arn:x","portalStatus":"Deleting","tags":{"a":"b"}}],)"
                      R"("nextToken":"t"})")
        << QString() << 1;
    QTest::newRow("portals missing") << QByteArray(R"({"nextToken":"t"})") << u"\"portals\" is missing"_s
                                     << 0;
    QTest::newRow("portals a string")
        << QByteArray(R"({"portals":"none"})") << u"\"portals\" should be an array"_s << 0;
    QTest::newRow("portalArn missing") << QByteArray(R"({"portals":[{"displayName":"Sales"}]})")
                                       << u"\"portals[0].portalArn\" is missing"_s << 0;
    QTest::newRow("portalArn number") << QByteArray(R"({"portals":[{"portalArn":5}]})")
                                      << u"\"portals[0].portalArn\" should be a string"_s << 0;
    QTest::newRow("maxConcurrentSessions huge")
        << QByteArray(R"({"portals":[{"portalArn":"arn:x","maxConcurrentSessions":1e12}]})")
        << u"\"portals[0].maxConcurrentSessions\" should be a whole number"_s << 0;
    QTest::newRow("maxConcurrentSessions negative")
        << QByteArray(R"({"portals":[{"portalArn":"arn:x","maxConcurrentSessions":-3}]})")
        << u"portals[0].maxConcurrentSessions"_s << 0;
    QTest::newRow("maxConcurrentSessions fraction")
        << QByteArray(R"({"portals":[{"portalArn":"arn:x","maxConcurrentSessions":2.5}]})")
        << u"portals[0].maxConcurrentSessions"_s << 0;
    QTest::newRow("maxConcurrentSessions text")
        << QByteArray(R"({"portals":[{"portalArn":"arn:x","maxConcurrentSessions":"25"}]})")
        << u"portals[0].maxConcurrentSessions"_s << 0;
    QTest::newRow("creationDate text")
        << QByteArray(R"({"portals":[{"portalArn":"arn:x","creationDate":"soon"}]})")
        << u"\"portals[0].creationDate\" is not a time"_s << 0;
    QTest::newRow("truncated") << QByteArray(R"({"portals":[)" + portal.left(30)) << u"not valid JSON"_s << 0;
    QTest::newRow("root array") << QByteArray("[]") << u"not a JSON object"_s << 0;
}

void TestApiJson::listPortals()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, error);
    QFETCH(int, count);
    const AwsResult<PortalPage> page = ApiJson::decodeListPortals(body);
    if (!error.isEmpty()) {
        QVERIFY2(!page.ok(), "a hostile body was accepted");
        QCOMPARE(page.error().category(), AwsError::Category::MalformedAnswer);
        QVERIFY2(page.error().message().contains(error), qPrintable(page.error().message()));
        return;
    }
    QVERIFY2(page.ok(), qPrintable(page.ok() ? QString() : page.error().message()));
    QCOMPARE(page.value().portals.size(), count);
}

void TestApiJson::portalFields()
{
    const AwsResult<PortalPage> page = ApiJson::decodeListPortals(
        R"({"portals":[{"portalArn":"arn:aws:workspaces-web:eu-west-1:123456789012:portal/)"
        R"(aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee","displayName":"Sales","portalStatus":"Deleting",)"
        R"("creationDate":1700000000.25,"maxConcurrentSessions":25,"portalEndpoint":"abc.workspaces-web.com",)"
        R"("browserType":"Chrome","rendererType":"AppStream","authenticationType":"IAM_Identity_Center",)"
        R"("instanceType":"standard.large"}],"nextToken":"n/1+="})");
    QVERIFY(page.ok());
    const Portal &p = page.value().portals.first();
    QCOMPARE(p.portalId(), u"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"_s);
    QCOMPARE(p.displayName, u"Sales"_s);
    QCOMPARE(p.portalStatus, u"Deleting"_s);
    QCOMPARE(p.creationDate.toMSecsSinceEpoch(), 1700000000250LL);
    QCOMPARE(p.maxConcurrentSessions, 25);
    QCOMPARE(p.portalEndpoint, u"abc.workspaces-web.com"_s);
    QCOMPARE(p.browserType, u"Chrome"_s);
    QCOMPARE(p.rendererType, u"AppStream"_s);
    QCOMPARE(p.authenticationType, u"IAM_Identity_Center"_s);
    QCOMPARE(p.instanceType, u"standard.large"_s);
    QCOMPARE(page.value().nextToken, u"n/1+="_s);
}

void TestApiJson::getPortal_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("error");

    QTest::newRow("portal") << QByteArray(R"({"portal":{"portalArn":"arn:x","displayName":"D"}})")
                            << QString();
    QTest::newRow("summary shape at the root is not a portal")
        << QByteArray(R"({"portalArn":"arn:x"})") << u"\"portal\" is missing"_s;
    QTest::newRow("portal null") << QByteArray(R"({"portal":null})") << u"\"portal\" is missing"_s;
    QTest::newRow("portal array") << QByteArray(R"({"portal":[]})") << u"\"portal\" should be an object"_s;
    QTest::newRow("portalArn missing")
        << QByteArray(R"({"portal":{}})") << u"\"portal.portalArn\" is missing"_s;
}

void TestApiJson::getPortal()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, error);
    const AwsResult<Portal> portal = ApiJson::decodeGetPortal(body);
    if (!error.isEmpty()) {
        QVERIFY(!portal.ok());
        QVERIFY2(portal.error().message().contains(error), qPrintable(portal.error().message()));
        return;
    }
    QVERIFY(portal.ok());
    QCOMPARE(portal.value().portalArn, u"arn:x"_s);
}

void TestApiJson::getSession_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QStringList>("addresses");

    QTest::newRow("with addresses") << QByteArray(
                                           R"({"session":{"sessionId":"s","status":"Active","startTime":1,)"
                                           R"("clientIpAddresses":["192.0.2.1","2001:db8::1"]}})")
                                    << QString() << QStringList{u"192.0.2.1"_s, u"2001:db8::1"_s};
    QTest::newRow("without addresses")
        << QByteArray(R"({"session":{"sessionId":"s","status":"Active","startTime":1}})") << QString()
        << QStringList();
    QTest::newRow("no session") << QByteArray("{}") << u"\"session\" is missing"_s << QStringList();
    QTest::newRow("addresses not an array")
        << QByteArray(
               R"({"session":{"sessionId":"s","status":"Active","startTime":1,"clientIpAddresses":"1.2.3.4"}})")
        << u"\"session.clientIpAddresses\" should be an array"_s << QStringList();
    QTest::newRow("address not a string")
        << QByteArray(
               R"({"session":{"sessionId":"s","status":"Active","startTime":1,"clientIpAddresses":["1.2.3.4",7]}})")
        << u"\"session.clientIpAddresses[1]\" should be a string"_s << QStringList();
    QTest::newRow("session without status") << QByteArray(R"({"session":{"sessionId":"s","startTime":1}})")
                                            << u"\"session.status\" is missing"_s << QStringList();
}

void TestApiJson::getSession()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, error);
    QFETCH(QStringList, addresses);
    const AwsResult<SessionDetail> detail = ApiJson::decodeGetSession(body);
    if (!error.isEmpty()) {
        QVERIFY(!detail.ok());
        QVERIFY2(detail.error().message().contains(error), qPrintable(detail.error().message()));
        return;
    }
    QVERIFY2(detail.ok(), qPrintable(detail.ok() ? QString() : detail.error().message()));
    QCOMPARE(detail.value().clientIpAddresses, addresses);
    QCOMPARE(detail.value().summary.sessionId, u"s"_s);
}

void TestApiJson::emptyAnswer_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("ok");

    QTest::newRow("{}") << QByteArray("{}") << true;
    QTest::newRow("empty body") << QByteArray() << true;
    QTest::newRow("object with fields") << QByteArray(R"({"expired":true})") << true;
    QTest::newRow("array") << QByteArray("[]") << false;
    QTest::newRow("text") << QByteArray("OK") << false;
    QTest::newRow("truncated") << QByteArray("{") << false;
}

void TestApiJson::emptyAnswer()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, ok);
    QCOMPARE(ApiJson::decodeEmpty(body).ok(), ok);
}

void TestApiJson::qappMetadata_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("error");

    QTest::newRow("full")
        << QByteArray(R"({"sessionId":"0b5c1a52-3c4f-4d2e-9a1b-2c3d4e5f6a7b","sessionArn":"arn:q",)"
                      R"("sessionName":"Survey","sharingConfiguration":{"enabled":true,)"
                      R"("acceptResponses":false,"revealCards":true},"sessionOwner":true})")
        << QString();
    QTest::newRow("minimal")
        << QByteArray(R"({"sessionId":"x","sessionArn":"arn:q","sharingConfiguration":{"enabled":false}})")
        << QString();
    QTest::newRow("sharingConfiguration missing") << QByteArray(R"({"sessionId":"x","sessionArn":"arn:q"})")
                                                  << u"\"sharingConfiguration\" is missing"_s;
    QTest::newRow("enabled missing")
        << QByteArray(R"({"sessionId":"x","sessionArn":"arn:q","sharingConfiguration":{"revealCards":true}})")
        << u"\"sharingConfiguration.enabled\" is missing"_s;
    QTest::newRow("enabled as text")
        << QByteArray(R"({"sessionId":"x","sessionArn":"arn:q","sharingConfiguration":{"enabled":"true"}})")
        << u"\"sharingConfiguration.enabled\" should be true or false"_s;
    QTest::newRow("acceptResponses as number")
        << QByteArray(
               R"({"sessionId":"x","sessionArn":"arn:q","sharingConfiguration":{"enabled":true,"acceptResponses":1}})")
        << u"\"sharingConfiguration.acceptResponses\" should be true or false"_s;
    QTest::newRow("sessionArn missing")
        << QByteArray(R"({"sessionId":"x","sharingConfiguration":{"enabled":true}})")
        << u"\"sessionArn\" is missing"_s;
    QTest::newRow("sessionOwner as text")
        << QByteArray(
               R"({"sessionId":"x","sessionArn":"a","sharingConfiguration":{"enabled":true},"sessionOwner":"yes"})")
        << u"\"sessionOwner\" should be true or false"_s;
    QTest::newRow("not JSON") << QByteArray("{\"sessionId\":") << u"not valid JSON"_s;
}

void TestApiJson::qappMetadata()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, error);
    const AwsResult<QAppSessionMetadata> metadata = ApiJson::decodeQAppSessionMetadata(body);
    if (!error.isEmpty()) {
        QVERIFY(!metadata.ok());
        QCOMPARE(metadata.error().category(), AwsError::Category::MalformedAnswer);
        QVERIFY2(metadata.error().message().contains(error), qPrintable(metadata.error().message()));
        return;
    }
    QVERIFY2(metadata.ok(), qPrintable(metadata.ok() ? QString() : metadata.error().message()));
    const QAppSessionMetadata &m = metadata.value();
    if (m.sessionName.isEmpty()) { // minimal
        QVERIFY(!m.sharingConfiguration.enabled);
        QVERIFY(!m.sharingConfiguration.acceptResponses.has_value());
        QVERIFY(!m.sharingConfiguration.revealCards.has_value());
        QVERIFY(!m.sessionOwner.has_value());
    } else {
        QCOMPARE(m.sessionId, u"0b5c1a52-3c4f-4d2e-9a1b-2c3d4e5f6a7b"_s);
        QCOMPARE(m.sessionArn, u"arn:q"_s);
        QCOMPARE(m.sessionName, u"Survey"_s);
        QVERIFY(m.sharingConfiguration.enabled);
        QCOMPARE(m.sharingConfiguration.acceptResponses, std::optional<bool>(false));
        QCOMPARE(m.sharingConfiguration.revealCards, std::optional<bool>(true));
        QCOMPARE(m.sessionOwner, std::optional<bool>(true));
    }
}

void TestApiJson::encodesUpdate_data()
{
    QTest::addColumn<bool>("withName");
    QTest::addColumn<bool>("withOptionals");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("only required") << false << false
                                   << QByteArray(
                                          R"({"sessionId":"s","sharingConfiguration":{"enabled":true}})");
    QTest::newRow("everything")
        << true << true
        << QByteArray(R"({"sessionId":"s","sessionName":"Näme \"q\"","sharingConfiguration":)"
                      R"({"acceptResponses":false,"enabled":true,"revealCards":true}})");
}

void TestApiJson::encodesUpdate()
{
    QFETCH(bool, withName);
    QFETCH(bool, withOptionals);
    QFETCH(QByteArray, expected);
    QAppSessionMetadataUpdate update;
    update.sessionId = u"s"_s;
    if (withName)
        update.sessionName = u"Näme \"q\""_s;
    update.sharingConfiguration.enabled = true;
    if (withOptionals) {
        update.sharingConfiguration.acceptResponses = false;
        update.sharingConfiguration.revealCards = true;
    }
    const QByteArray body = ApiJson::encodeQAppSessionMetadataUpdate(update);
    QCOMPARE(QJsonDocument::fromJson(body), QJsonDocument::fromJson(expected));
    QVERIFY(!QJsonDocument::fromJson(expected).isNull());
}

QTEST_GUILESS_MAIN(TestApiJson)
#include "tst_apijson.moc"
