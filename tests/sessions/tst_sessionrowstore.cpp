// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessions/SessionRowStore.h"

#include "SessionFixtures.h"

#include <QTest>
#include <QVariant>

#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(SessionSummary)

class TestSessionRowStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sessionsComeBackAsTheyWentIn_data();
    void sessionsComeBackAsTheyWentIn();
    void everyStoredIdIsFoundAndNoOther_data();
    void everyStoredIdIsFoundAndNoOther();
    void statusTextsBeyondSixteenBitsFallBackToTheApiWord();
    void runningRowsAreCounted_data();
    void runningRowsAreCounted();
    void reorderingKeepsTheIndexInStep_data();
    void reorderingKeepsTheIndexInStep();
    void rowDurations_data();
    void rowDurations();
    void clearForgetsEverything();
};

namespace {

using SessionFixtures::session;

SessionRowStore storeOf(const QList<SessionSummary> &sessions)
{
    SessionRowStore store;
    for (const SessionSummary &s : sessions)
        store.append(s);
    return store;
}

} // namespace

void TestSessionRowStore::sessionsComeBackAsTheyWentIn_data()
{
    QTest::addColumn<SessionSummary>("input");
    QTest::newRow("terminated") << session(u"id-1"_s, u"alice"_s, u"Terminated"_s,
                                           u"2026-11-21T19:35:12.123Z"_s, u"2026-11-21T20:00:00Z"_s);
    QTest::newRow("active, no end") << session(u"id-2"_s, u"bob"_s, u"Active"_s, u"2026-11-21T19:35:12Z"_s);
    QTest::newRow("a status this version does not know")
        << session(u"id-3"_s, u"carol"_s, u"Pending"_s, u"2026-11-21T19:35:12Z"_s);
    QTest::newRow("no start time") << session(u"id-4"_s, u"dave"_s, u"Terminated"_s, QString());
    QTest::newRow("hostile username")
        << session(u"id-5"_s, u"line1\nline2, \"quoted\""_s, u"Active"_s, u"2026-11-21T19:35:12Z"_s);
    SessionSummary built; // built in code rather than decoded: no status text
    built.sessionId = u"id-6"_s;
    built.status = SessionStatus::Terminated;
    built.portalArn = SessionFixtures::portalArn;
    QTest::newRow("no status text") << built;
}

void TestSessionRowStore::sessionsComeBackAsTheyWentIn()
{
    QFETCH(SessionSummary, input);
    SessionRowStore store = storeOf(SessionFixtures::generated(5));
    store.append(input);
    const int row = store.size() - 1;
    // Every field of the summary, in order, so one comparison names the first that differs.
    const auto fields = [](const SessionSummary &s) {
        return QVariantList{s.sessionId, s.username, int(s.status), s.statusText,
                            s.startTime, s.endTime,  s.portalArn};
    };
    QCOMPARE(fields(store.session(row)), fields(input));
    QCOMPARE(store.statusDisplay(store.at(row)), input.statusDisplay());
    QCOMPARE(store.session(store.size()).sessionId, QString()); // out of range: a default summary
}

void TestSessionRowStore::everyStoredIdIsFoundAndNoOther_data()
{
    QTest::addColumn<int>("count");
    QTest::newRow("empty") << 0;
    QTest::newRow("one") << 1;
    QTest::newRow("half of the first table") << 32;
    QTest::newRow("one past it, so the table grows") << 33;
    QTest::newRow("many growths") << 5000;
}

void TestSessionRowStore::everyStoredIdIsFoundAndNoOther()
{
    QFETCH(int, count);
    const QList<SessionSummary> sessions = SessionFixtures::generated(count);
    const SessionRowStore store = storeOf(sessions);
    QCOMPARE(store.size(), count);
    QCOMPARE(store.isEmpty(), count == 0);
    for (int row = 0; row < count; ++row) {
        QCOMPARE(store.rowOf(sessions.at(row).sessionId), row);
        QCOMPARE(store.at(row).sessionId, sessions.at(row).sessionId);
    }
    QCOMPARE(store.rowOf(SessionFixtures::sessionId(count)), -1);
    QVERIFY(!store.contains(QString()));
}

void TestSessionRowStore::statusTextsBeyondSixteenBitsFallBackToTheApiWord()
{
    // A broken service that sends a new status word with every session: once the interned texts pass
    // 16 bits, rows show the SessionStatus's own word (none for Unknown) instead.
    SessionRowStore store;
    const int count = 0x10000 + 2;
    for (int i = 0; i < count; ++i)
        store.append(session(SessionFixtures::sessionId(i), u"u"_s, u"Word%1"_s.arg(i), QString()));
    QCOMPARE(store.statusText(store.at(0)), u"Word0"_s);
    QCOMPARE(store.statusText(store.at(count - 1)), QString());
    SessionSummary active = session(SessionFixtures::sessionId(count - 1), u"u"_s, u"Active"_s, QString());
    store.replace(count - 1, active); // "Active" was never interned before, so it gets no slot either
    QCOMPARE(store.statusText(store.at(count - 1)), u"Active"_s);
}

void TestSessionRowStore::runningRowsAreCounted_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("end");
    QTest::addColumn<bool>("running");
    QTest::newRow("active without end") << u"Active"_s << QString() << true;
    QTest::newRow("active with an end") << u"Active"_s << u"2026-11-21T20:00:00Z"_s << false;
    QTest::newRow("terminated") << u"Terminated"_s << u"2026-11-21T20:00:00Z"_s << false;
    QTest::newRow("unknown without end") << u"Pending"_s << QString() << false;
}

void TestSessionRowStore::runningRowsAreCounted()
{
    QFETCH(QString, status);
    QFETCH(QString, end);
    QFETCH(bool, running);
    const SessionSummary s = session(u"id"_s, u"u"_s, status, u"2026-11-21T19:00:00Z"_s, end);
    QCOMPARE(s.isRunning(), running);

    SessionRowStore store;
    store.append(s);
    QCOMPARE(store.at(0).isRunning(), running);
    QCOMPARE(store.runningCount(), running ? 1 : 0);

    // Replacing with a running session and back keeps the count in step.
    store.replace(0, session(u"id"_s, u"u"_s, u"Active"_s, u"2026-11-21T19:00:00Z"_s));
    QCOMPARE(store.runningCount(), 1);
    store.replace(0, s);
    QCOMPARE(store.runningCount(), running ? 1 : 0);
}

void TestSessionRowStore::reorderingKeepsTheIndexInStep_data()
{
    QTest::addColumn<int>("count");
    QTest::newRow("one") << 1;
    QTest::newRow("a few") << 7;
    QTest::newRow("many") << 1000;
}

void TestSessionRowStore::reorderingKeepsTheIndexInStep()
{
    QFETCH(int, count);
    const QList<SessionSummary> sessions = SessionFixtures::generated(count);
    SessionRowStore store = storeOf(sessions);
    QList<int> permutation(count);
    std::iota(permutation.begin(), permutation.end(), 0);
    std::reverse(permutation.begin(), permutation.end());
    store.reorder(permutation);
    const int running = store.runningCount();
    for (int row = 0; row < count; ++row) {
        const SessionSummary &expected = sessions.at(permutation.at(row));
        QCOMPARE(store.at(row).sessionId, expected.sessionId);
        QCOMPARE(store.rowOf(expected.sessionId), row);
        QCOMPARE(store.session(row).username, expected.username);
    }
    QCOMPARE(running, int(std::count_if(sessions.cbegin(), sessions.cend(),
                                        [](const SessionSummary &s) { return s.isRunning(); })));
}

void TestSessionRowStore::rowDurations_data()
{
    QTest::addColumn<SessionSummary>("input");
    QTest::addColumn<qint64>("nowMs");
    QTest::addColumn<qint64>("expected");
    const qint64 start = SessionFixtures::utc(u"2026-11-21T19:00:00Z"_s).toMSecsSinceEpoch();
    QTest::newRow("ended") << session(u"a"_s, u"u"_s, u"Terminated"_s, u"2026-11-21T19:00:00Z"_s,
                                      u"2026-11-21T19:01:30.900Z"_s)
                           << start << qint64(90);
    QTest::newRow("running, up to now")
        << session(u"b"_s, u"u"_s, u"Active"_s, u"2026-11-21T19:00:00Z"_s) << start + 5000 << qint64(5);
    QTest::newRow("running, now before start (skew)")
        << session(u"c"_s, u"u"_s, u"Active"_s, u"2026-11-21T19:00:00Z"_s) << start - 5000 << qint64(0);
    QTest::newRow("no start") << session(u"d"_s, u"u"_s, u"Active"_s, QString()) << start << qint64(-1);
    QTest::newRow("terminated without end")
        << session(u"e"_s, u"u"_s, u"Terminated"_s, u"2026-11-21T19:00:00Z"_s) << start << qint64(-1);
}

void TestSessionRowStore::rowDurations()
{
    QFETCH(SessionSummary, input);
    QFETCH(qint64, nowMs);
    QFETCH(qint64, expected);
    SessionRowStore store;
    store.append(input);
    QCOMPARE(store.at(0).durationSeconds(nowMs), expected);
    QCOMPARE(TimeFormat::durationSeconds(TimeFormat::toMsecs(input.startTime),
                                         TimeFormat::toMsecs(input.endTime), input.isRunning(), nowMs),
             expected);
}

void TestSessionRowStore::clearForgetsEverything()
{
    const QList<SessionSummary> sessions = SessionFixtures::generated(100);
    SessionRowStore store = storeOf(sessions);
    QVERIFY(store.runningCount() > 0);
    store.clear();
    QCOMPARE(store.size(), 0);
    QCOMPARE(store.runningCount(), 0);
    QCOMPARE(store.rowOf(sessions.first().sessionId), -1);
    store.append(sessions.at(1)); // and is usable again
    QCOMPARE(store.rowOf(sessions.at(1).sessionId), 0);
    QCOMPARE(store.session(0).portalArn, SessionFixtures::portalArn);
}

QTEST_GUILESS_MAIN(TestSessionRowStore)
#include "tst_sessionrowstore.moc"
