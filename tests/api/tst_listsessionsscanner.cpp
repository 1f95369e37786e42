// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ListSessionsWalk.h"
#include "api/ApiJson.h"
#include "api/ListSessionsScanner.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// Every ListSessions page of an emulator portal with `sessions` sessions (its first pages hold the
// hostile usernames: quotes, tabs, a newline, accents, CJK, right-to-left text).
QList<QByteArray> emulatorPages(int sessions)
{
    return ListSessionsWalk::emulatorPages(sessions, sessions / 100 + 1);
}

// Empty when equal, else what differs.
QString difference(const SessionPage &a, const SessionPage &b)
{
    if (a.nextToken != b.nextToken || a.nextToken.isNull() != b.nextToken.isNull())
        return u"nextToken %1 / %2"_s.arg(a.nextToken, b.nextToken);
    if (a.sessions.size() != b.sessions.size())
        return u"%1 / %2 sessions"_s.arg(a.sessions.size()).arg(b.sessions.size());
    for (qsizetype i = 0; i < a.sessions.size(); ++i) {
        const SessionSummary &x = a.sessions.at(i);
        const SessionSummary &y = b.sessions.at(i);
        const auto ms = [](const QDateTime &t) { return t.isValid() ? t.toMSecsSinceEpoch() : -1; };
        if (x.sessionId != y.sessionId || x.username != y.username || x.status != y.status ||
            x.statusText != y.statusText || x.portalArn != y.portalArn ||
            ms(x.startTime) != ms(y.startTime) || ms(x.endTime) != ms(y.endTime) ||
            x.startTime.timeSpec() != y.startTime.timeSpec() || x.endTime.isValid() != y.endTime.isValid())
            return u"session %1 (%2 / %3)"_s.arg(i).arg(x.sessionId, y.sessionId);
    }
    return QString();
}

} // namespace

class TestListSessionsScanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emulatorPagesTakeTheFastPath();
    void agreesWithTheDocumentDecoder_data();
    void agreesWithTheDocumentDecoder();
    void mutatedPagesNeverDecodeDifferently();
};

void TestListSessionsScanner::emulatorPagesTakeTheFastPath()
{
    const QList<QByteArray> pages = emulatorPages(3000);
    QCOMPARE(pages.size(), 30);
    for (const QByteArray &body : pages) {
        const std::optional<SessionPage> fast = ListSessionsScanner::scan(body);
        QVERIFY2(fast, body.left(300).constData());
        const AwsResult<SessionPage> general = ApiJson::decodeListSessionsDocument(body);
        QVERIFY(general.ok());
        QCOMPARE(difference(*fast, general.value()), QString());
        QCOMPARE(fast->sessions.size(), 100);
    }
}

void TestListSessionsScanner::agreesWithTheDocumentDecoder_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("fast"); // the fast path must accept it

    const QByteArray one = R"({"sessionId":"a1b2c3d4-0000-4000-8000-000000000001","status":"Active",)"
                           R"("startTime":1795789478.331})";
    QTest::newRow("minimal") << (R"({"sessions":[)" + one + "]}") << true;
    QTest::newRow("empty list, no token") << QByteArray(R"({"sessions":[]})") << true;
    QTest::newRow("whitespace everywhere")
        << QByteArray(" \n{ \"sessions\" :\t[ { \"sessionId\" : \"x\" , \"status\" : \"Terminated\" , "
                      "\"startTime\" : 1 , \"endTime\" : 2.5 } ] , \"nextToken\" : \"t+/=\" }\r\n ")
        << true;
    QTest::newRow("unknown fields, nested")
        << QByteArray(R"({"x":{"a":[1,2,{"b":null}],"c":true},"sessions":[{"new":[false,"\"]"],)"
                      R"("sessionId":"s","status":"Active","startTime":5}],"y":-1.5e-3})")
        << true;
    QTest::newRow("null optional fields")
        << QByteArray(R"({"sessions":[{"sessionId":"s","status":"Active","startTime":5,"username":null,)"
                      R"("endTime":null,"portalArn":null}],"nextToken":null})")
        << true;
    QTest::newRow("escapes") << QByteArray(R"({"sessions":[{"sessionId":"s","status":"Active","startTime":5,)"
                                           R"("username":"a\"b\\c\/d\b\f\n\r\t\u00e9\u4e2d\u0000z"}]})")
                             << true;
    QTest::newRow("raw UTF-8")
        << QByteArray("{\"sessions\":[{\"sessionId\":\"s\",\"status\":\"Active\",\"startTime\":5,"
                      "\"username\":\"Fran\xc3\xa7oise \xe4\xb8\xad \xf0\x9f\x98\x80\"}]}")
        << true;
    QTest::newRow("escaped key")
        << QByteArray(R"({"sessions":[{"session\u0049d":"s","status":"Active","startTime":5}]})") << true;
    QTest::newRow("exponent and negative zero")
        << QByteArray(
               R"({"sessions":[{"sessionId":"s","status":"Active","startTime":1.7957e9,"endTime":-0}]})")
        << true;
    QTest::newRow("huge integer")
        << QByteArray(R"({"sessions":[{"sessionId":"s","status":"Active","startTime":9007199254740993}]})")
        << false;
    QTest::newRow("unknown status kept")
        << QByteArray(R"({"sessions":[{"sessionId":"s","status":"Paused","startTime":5}]})") << true;

    // Left to the general decoder (which decodes or rejects them).
    QTest::newRow("ISO time")
        << QByteArray(
               R"({"sessions":[{"sessionId":"s","status":"Active","startTime":"2026-11-30T17:00:00Z"}]})")
        << false;
    QTest::newRow("surrogate pair escape")
        << QByteArray(
               R"({"sessions":[{"sessionId":"s","status":"Active","startTime":5,"username":"\ud83d\ude00"}]})")
        << false;
    QTest::newRow("lone surrogate escape")
        << QByteArray(
               R"({"sessions":[{"sessionId":"s","status":"Active","startTime":5,"username":"\ud83d"}]})")
        << false;
    QTest::newRow("duplicate key")
        << QByteArray(R"({"sessions":[{"sessionId":"s","sessionId":"t","status":"Active","startTime":5}]})")
        << false;
    QTest::newRow("duplicate sessions") << QByteArray(R"({"sessions":[],"sessions":[]})") << false;
    QTest::newRow("missing sessionId")
        << QByteArray(R"({"sessions":[{"status":"Active","startTime":5}]})") << false;
    QTest::newRow("empty status") << QByteArray(
                                         R"({"sessions":[{"sessionId":"s","status":"","startTime":5}]})")
                                  << false;
    QTest::newRow("null startTime")
        << QByteArray(R"({"sessions":[{"sessionId":"s","status":"Active","startTime":null}]})") << false;
    QTest::newRow("number as id") << QByteArray(
                                         R"({"sessions":[{"sessionId":5,"status":"Active","startTime":5}]})")
                                  << false;
    QTest::newRow("time out of range")
        << QByteArray(R"({"sessions":[{"sessionId":"s","status":"Active","startTime":1e12}]})") << false;
    QTest::newRow("no sessions") << QByteArray(R"({"nextToken":"x"})") << false;
    QTest::newRow("sessions null") << QByteArray(R"({"sessions":null})") << false;
    QTest::newRow("element null") << QByteArray(R"({"sessions":[null]})") << false;
    QTest::newRow("token a number") << QByteArray(R"({"sessions":[],"nextToken":5})") << false;
    QTest::newRow("trailing comma") << QByteArray(R"({"sessions":[],})") << false;
    QTest::newRow("trailing garbage") << QByteArray(R"({"sessions":[]} x)") << false;
    QTest::newRow("truncated") << QByteArray(R"({"sessions":[{"sessionId":"s","stat)") << false;
    QTest::newRow("top-level array") << QByteArray(R"([{"sessions":[]}])") << false;
    QTest::newRow("byte order mark") << QByteArray("\xef\xbb\xbf{\"sessions\":[]}") << false;
    QTest::newRow("invalid UTF-8")
        << QByteArray("{\"sessions\":[{\"sessionId\":\"s\xff\",\"status\":\"Active\",\"startTime\":5}]}")
        << false;
    QTest::newRow("overlong UTF-8")
        << QByteArray("{\"sessions\":[{\"sessionId\":\"s\xc0\xaf\",\"status\":\"Active\",\"startTime\":5}]}")
        << false;
    QTest::newRow("raw control character")
        << QByteArray("{\"sessions\":[{\"sessionId\":\"s\x01\",\"status\":\"Active\",\"startTime\":5}]}")
        << false;
    QTest::newRow("leading zero")
        << QByteArray(R"({"sessions":[{"sessionId":"s","status":"Active","startTime":05}]})") << false;
    QTest::newRow("deep nesting") << (QByteArray(R"({"x":)") + QByteArray(100, '[') + QByteArray(100, ']') +
                                      R"(,"sessions":[]})")
                                  << false;
}

void TestListSessionsScanner::agreesWithTheDocumentDecoder()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, fast);
    const std::optional<SessionPage> scanned = ListSessionsScanner::scan(body);
    const AwsResult<SessionPage> general = ApiJson::decodeListSessionsDocument(body);
    QCOMPARE(scanned.has_value(), fast);
    if (scanned) {
        QVERIFY2(general.ok(), general.ok() ? "" : qPrintable(general.error().toLogLine()));
        QCOMPARE(difference(*scanned, general.value()), QString());
    }
    // The public decoder gives the general decoder's outcome in every case.
    const AwsResult<SessionPage> decoded = ApiJson::decodeListSessions(body);
    QCOMPARE(decoded.ok(), general.ok());
    if (decoded.ok())
        QCOMPARE(difference(decoded.value(), general.value()), QString());
    else
        QCOMPARE(decoded.error().toLogLine(), general.error().toLogLine());
}

void TestListSessionsScanner::mutatedPagesNeverDecodeDifferently()
{
    // Random damage to real pages: whenever the fast path still accepts a page, the general decoder must
    // decode it to the same page.
    const QList<QByteArray> pages = emulatorPages(1000);
    QVERIFY(!pages.isEmpty());
    QRandomGenerator random(20261130);
    const QByteArray significant = "{}[]:,\"\\ 0123456789.-+eEnulltruefalse\xc3\xa9\x01\xff";
    int accepted = 0;
    constexpr int rounds = 4000;
    for (int round = 0; round < rounds; ++round) {
        QByteArray body = pages.at(random.bounded(int(pages.size())));
        // Most damage near the start, so the rest of the page still parses often.
        const int mutations = 1 + random.bounded(3);
        for (int m = 0; m < mutations; ++m) {
            const int at = random.bounded(std::min<int>(int(body.size()), 400));
            switch (random.bounded(4)) {
            case 0:
                body[at] = significant.at(random.bounded(int(significant.size())));
                break;
            case 1:
                body.remove(at, 1 + random.bounded(3));
                break;
            case 2:
                body.insert(at, significant.at(random.bounded(int(significant.size()))));
                break;
            default:
                body.insert(at, " ");
                break;
            }
        }
        const std::optional<SessionPage> scanned = ListSessionsScanner::scan(body);
        if (!scanned)
            continue;
        ++accepted;
        const AwsResult<SessionPage> general = ApiJson::decodeListSessionsDocument(body);
        QVERIFY2(general.ok(), body.left(400).constData());
        QVERIFY2(difference(*scanned, general.value()).isEmpty(), body.left(400).constData());
    }
    qInfo("%d of %d damaged pages still decoded (identically) on the fast path", accepted, rounds);
    QVERIFY(accepted > 0);
}

QTEST_GUILESS_MAIN(TestListSessionsScanner)
#include "tst_listsessionsscanner.moc"
