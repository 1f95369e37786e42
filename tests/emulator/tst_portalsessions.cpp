// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/DeterministicRandom.h"
#include "emulator/PortalSessions.h"

#include <QSet>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(PortalSessions::StatusFilter)

namespace {

constexpr quint32 userCount = 6;
constexpr quint32 unknownUser = 99;

// Sessions with many equal start times (the id breaks ties), spread over few users and both statuses.
PortalSessions makeSessions(quint64 seed, int count)
{
    DeterministicRandom random(seed);
    PortalSessions sessions;
    for (int i = 0; i < count; ++i) {
        SessionRecord record;
        record.id = Uuid128::generateV4(random);
        record.startMs = 1'000'000 + qint64(random.below(count / 4 + 1)) * 1000;
        record.endMs = random.below(4) == 0 ? 0 : record.startMs + 500;
        record.user = quint32(random.below(userCount));
        sessions.appendUnindexed(record);
    }
    sessions.buildIndexes();
    return sessions;
}

bool matches(const SessionRecord &record, const PortalSessions::Query &query)
{
    if (query.status == PortalSessions::StatusFilter::Active && !record.isActive())
        return false;
    if (query.status == PortalSessions::StatusFilter::Terminated && record.isActive())
        return false;
    return !query.user || *query.user == record.user;
}

// The answer by brute force: filter everything, sort by the query's order.
QList<Uuid128> expected(const PortalSessions &sessions, const PortalSessions::Query &query)
{
    QList<SessionKey> keys;
    for (quint32 slot = 0; slot < quint32(sessions.size()); ++slot) {
        if (matches(sessions.at(slot), query))
            keys.append(sessions.at(slot).key());
    }
    std::sort(keys.begin(), keys.end());
    if (query.descending)
        std::reverse(keys.begin(), keys.end());
    QList<Uuid128> ids;
    for (const SessionKey &key : std::as_const(keys))
        ids.append(key.id);
    return ids;
}

QList<Uuid128> walk(const PortalSessions &sessions, const PortalSessions::Query &query, int pageSize,
                    int *pages)
{
    QList<Uuid128> ids;
    std::optional<SessionKey> after;
    *pages = 0;
    while (*pages <= sessions.size() + 1) { // more pages than sessions means the walk is looping
        bool more = false;
        const QList<quint32> slots = sessions.page(query, after, pageSize, &more);
        ++*pages;
        if (slots.size() > pageSize)
            return {};
        for (const quint32 slot : slots)
            ids.append(sessions.at(slot).id);
        if (!more)
            break;
        if (slots.isEmpty())
            return {}; // "more" with an empty page would loop forever
        after = sessions.at(slots.last()).key();
    }
    return ids;
}

} // namespace

class TestPortalSessions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pagesAreCompleteAndOrdered_data();
    void pagesAreCompleteAndOrdered();
    void unknownUserIsEmpty();
    void pagesSurviveConcurrentChanges_data();
    void pagesSurviveConcurrentChanges();
    void findAndExpire();
};

void TestPortalSessions::pagesAreCompleteAndOrdered_data()
{
    QTest::addColumn<PortalSessions::StatusFilter>("status");
    QTest::addColumn<int>("user"); // -1: all users
    QTest::addColumn<bool>("descending");
    QTest::addColumn<int>("pageSize");
    const QList<QPair<const char *, PortalSessions::StatusFilter>> statuses = {
        {"any", PortalSessions::StatusFilter::Any},
        {"active", PortalSessions::StatusFilter::Active},
        {"terminated", PortalSessions::StatusFilter::Terminated}};
    for (const auto &status : statuses) {
        for (const int user : {-1, 0, 3}) {
            for (const bool descending : {true, false}) {
                for (const int pageSize : {1, 3, 7, 100, 5000}) {
                    QTest::addRow("%s user%d %s page%d", status.first, user, descending ? "desc" : "asc",
                                  pageSize)
                        << status.second << user << descending << pageSize;
                }
            }
        }
    }
}

void TestPortalSessions::pagesAreCompleteAndOrdered()
{
    QFETCH(PortalSessions::StatusFilter, status);
    QFETCH(int, user);
    QFETCH(bool, descending);
    QFETCH(int, pageSize);
    const PortalSessions sessions = makeSessions(1, 600);
    PortalSessions::Query query;
    query.status = status;
    if (user >= 0)
        query.user = quint32(user);
    query.descending = descending;

    int pages = 0;
    const QList<Uuid128> got = walk(sessions, query, pageSize, &pages);
    const QList<Uuid128> want = expected(sessions, query);
    QVERIFY(!want.isEmpty());
    QCOMPARE(got.size(), want.size());
    QCOMPARE(got, want);
    QCOMPARE(pages, std::max<int>(1, int((want.size() + pageSize - 1) / pageSize)));
}

void TestPortalSessions::unknownUserIsEmpty()
{
    const PortalSessions sessions = makeSessions(2, 50);
    PortalSessions::Query query;
    query.user = unknownUser;
    bool more = true;
    QVERIFY(sessions.page(query, std::nullopt, 10, &more).isEmpty());
    QVERIFY(!more);
}

void TestPortalSessions::pagesSurviveConcurrentChanges_data()
{
    QTest::addColumn<PortalSessions::StatusFilter>("status");
    QTest::addColumn<bool>("descending");
    QTest::addColumn<bool>("byUser");
    for (const bool descending : {true, false}) {
        for (const bool byUser : {false, true}) {
            const char *order = descending ? "desc" : "asc";
            const char *scope = byUser ? "user" : "all";
            QTest::addRow("any %s %s", order, scope)
                << PortalSessions::StatusFilter::Any << descending << byUser;
            QTest::addRow("active %s %s", order, scope)
                << PortalSessions::StatusFilter::Active << descending << byUser;
            QTest::addRow("terminated %s %s", order, scope)
                << PortalSessions::StatusFilter::Terminated << descending << byUser;
        }
    }
}

void TestPortalSessions::pagesSurviveConcurrentChanges()
{
    // Between pages, sessions are expired and added. Keyset pagination must still return every session
    // that matched before and after the walk exactly once, in order, and never repeat one.
    QFETCH(PortalSessions::StatusFilter, status);
    QFETCH(bool, descending);
    QFETCH(bool, byUser);
    PortalSessions sessions = makeSessions(3, 800);
    PortalSessions::Query query;
    query.status = status;
    query.descending = descending;
    if (byUser)
        query.user = 2;

    QSet<Uuid128> matchedAtStart;
    for (quint32 slot = 0; slot < quint32(sessions.size()); ++slot) {
        if (matches(sessions.at(slot), query))
            matchedAtStart.insert(sessions.at(slot).id);
    }

    DeterministicRandom random(4);
    QList<Uuid128> got;
    QSet<Uuid128> seen;
    std::optional<SessionKey> after;
    std::optional<SessionKey> previous;
    qint64 now = 10'000'000;
    for (int guard = 0; guard < 1000; ++guard) {
        bool more = false;
        const QList<quint32> slots = sessions.page(query, after, 9, &more);
        for (const quint32 slot : slots) {
            const SessionRecord &record = sessions.at(slot);
            QVERIFY2(!seen.contains(record.id), "a session came twice");
            seen.insert(record.id);
            got.append(record.id);
            if (previous)
                QVERIFY(descending ? record.key() < *previous : *previous < record.key());
            previous = record.key();
        }
        if (!more)
            break;
        after = sessions.at(slots.last()).key();
        // Changes while the client reads the page: expire a few random sessions, add a new one and one
        // with an old start time (it lands in the middle of the list).
        for (int i = 0; i < 5; ++i)
            sessions.expire(quint32(random.below(quint64(sessions.size()))), now);
        SessionRecord fresh;
        fresh.id = Uuid128::generateV4(random);
        fresh.startMs = now;
        fresh.user = 2;
        sessions.insert(fresh);
        SessionRecord old = fresh;
        old.id = Uuid128::generateV4(random);
        old.startMs = 1'000'000 + qint64(random.below(200)) * 1000;
        old.endMs = old.startMs + 10;
        sessions.insert(old);
        now += 1000;
    }

    QSet<Uuid128> matchedAtEnd;
    for (quint32 slot = 0; slot < quint32(sessions.size()); ++slot) {
        if (matches(sessions.at(slot), query))
            matchedAtEnd.insert(sessions.at(slot).id);
    }
    const QSet<Uuid128> stable = QSet<Uuid128>(matchedAtStart).intersect(matchedAtEnd);
    QVERIFY(!stable.isEmpty());
    for (const Uuid128 &id : stable)
        QVERIFY2(seen.contains(id), qPrintable(u"skipped "_s + id.toString()));
}

void TestPortalSessions::findAndExpire()
{
    PortalSessions sessions = makeSessions(5, 100);
    const qsizetype activeBefore = sessions.count(PortalSessions::StatusFilter::Active);
    quint32 activeSlot = 0;
    while (!sessions.at(activeSlot).isActive())
        ++activeSlot;
    const Uuid128 id = sessions.at(activeSlot).id;
    QCOMPARE(sessions.find(id), std::optional<quint32>(activeSlot));
    QVERIFY(!sessions.find({123, 456}));

    QVERIFY(sessions.expire(activeSlot, 5));
    QVERIFY(!sessions.at(activeSlot).isActive());
    QVERIFY(sessions.at(activeSlot).endMs > sessions.at(activeSlot).startMs); // never before the start
    QVERIFY(!sessions.expire(activeSlot, 99'999'999));
    QCOMPARE(sessions.count(PortalSessions::StatusFilter::Active), activeBefore - 1);
    QCOMPARE(sessions.count(PortalSessions::StatusFilter::Terminated), sessions.size() - activeBefore + 1);
    QVERIFY(sessions.memoryBytes() >= qsizetype(100 * sizeof(SessionRecord)));
}

QTEST_GUILESS_MAIN(TestPortalSessions)
#include "tst_portalsessions.moc"
