// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SessionFixtures.h"

#include "sessions/ExportDeduplicator.h"
#include "sessions/TimeFormat.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(ListSessionsRequest::Sort)

namespace {

using Sort = ListSessionsRequest::Sort;

struct Item
{
    QString id;
    qint64 startMs;
};

// `count` sessions in the service's order for `sort`; `perTime` consecutive sessions share a start time.
QList<Item> sortedItems(int count, Sort sort, int perTime = 1)
{
    QList<Item> items;
    for (int i = 0; i < count; ++i) {
        const qint64 step = i / perTime;
        const qint64 startMs =
            sort == Sort::NewestFirst ? 2'000'000'000'000 - step * 1000 : 1'000'000 + step * 1000;
        items.append({SessionFixtures::sessionId(i), startMs});
    }
    return items;
}

} // namespace

class TestExportDeduplicator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sortedListIsNewOnceInBoundedMemory_data();
    void sortedListIsNewOnceInBoundedMemory();
    void pageBoundaryRepeatsAreSkipped_data();
    void pageBoundaryRepeatsAreSkipped();
    void tiesAtTheHorizonAreNeverMistakenForNew();
    void unsortedListFallsBackToRememberingEverything();
    void idsAreComparedExactly();
    void sessionsWithoutStartTimeAreRememberedForever();
    void resetForgetsEverything();
};

void TestExportDeduplicator::sortedListIsNewOnceInBoundedMemory_data()
{
    QTest::addColumn<Sort>("sort");
    QTest::addColumn<int>("perTime");
    QTest::newRow("newest first") << Sort::NewestFirst << 1;
    QTest::newRow("oldest first") << Sort::OldestFirst << 1;
    QTest::newRow("newest first, start times shared by 7") << Sort::NewestFirst << 7;
    QTest::newRow("oldest first, start times shared by 7") << Sort::OldestFirst << 7;
}

void TestExportDeduplicator::sortedListIsNewOnceInBoundedMemory()
{
    QFETCH(Sort, sort);
    QFETCH(int, perTime);
    constexpr int window = 100;
    ExportDeduplicator seen(sort, window);
    const QList<Item> items = sortedItems(20'000, sort, perTime);
    qsizetype mostRemembered = 0;
    for (const Item &item : items) {
        QVERIFY2(seen.firstTime(item.id, item.startMs), qPrintable(item.id));
        mostRemembered = std::max(mostRemembered, seen.remembered());
    }
    // The window plus at most one group of equal start times.
    QVERIFY2(mostRemembered <= window + perTime, qPrintable(QString::number(mostRemembered)));
    // Every one of them again, long forgotten or still remembered: a repeat each time.
    for (const Item &item : items)
        QVERIFY2(!seen.firstTime(item.id, item.startMs), qPrintable(item.id));
}

void TestExportDeduplicator::pageBoundaryRepeatsAreSkipped_data()
{
    QTest::addColumn<Sort>("sort");
    QTest::addColumn<int>("overlap");
    QTest::newRow("newest first, repeats remembered") << Sort::NewestFirst << 10;
    QTest::newRow("oldest first, repeats remembered") << Sort::OldestFirst << 10;
    QTest::newRow("newest first, repeats beyond the window") << Sort::NewestFirst << 80;
    QTest::newRow("oldest first, repeats beyond the window") << Sort::OldestFirst << 80;
}

void TestExportDeduplicator::pageBoundaryRepeatsAreSkipped()
{
    // An offset-paged service while new sessions arrive: each page starts with some of the previous one.
    QFETCH(Sort, sort);
    QFETCH(int, overlap);
    ExportDeduplicator seen(sort, 50);
    const QList<Item> items = sortedItems(3000, sort);
    int written = 0;
    int skipped = 0;
    for (int offset = 0; offset < items.size(); offset += 90) {
        for (int i = std::max(0, offset - overlap); i < std::min<int>(items.size(), offset + 90); ++i) {
            if (seen.firstTime(items.at(i).id, items.at(i).startMs))
                ++written;
            else
                ++skipped;
        }
    }
    QCOMPARE(written, 3000);
    QCOMPARE(skipped, overlap * (3000 / 90 + (3000 % 90 ? 1 : 0) - 1));
}

void TestExportDeduplicator::tiesAtTheHorizonAreNeverMistakenForNew()
{
    // 30 sessions share each start time, the window is 10: groups are forgotten whole, and a member of
    // a forgotten group that comes again is recognised although its id is no longer remembered.
    ExportDeduplicator seen(Sort::NewestFirst, 10);
    const QList<Item> items = sortedItems(300, Sort::NewestFirst, 30);
    for (const Item &item : items)
        QVERIFY(seen.firstTime(item.id, item.startMs));
    QVERIFY(seen.remembered() <= 10 + 30);
    QVERIFY(!seen.firstTime(items.at(0).id, items.at(0).startMs));
    QVERIFY(!seen.firstTime(items.at(29).id, items.at(29).startMs));
    QVERIFY(!seen.firstTime(items.at(150).id, items.at(150).startMs));
    // A new session in the order of the list is still new.
    QVERIFY(seen.firstTime(SessionFixtures::sessionId(1'000'000), items.last().startMs - 1000));
}

void TestExportDeduplicator::unsortedListFallsBackToRememberingEverything()
{
    ExportDeduplicator seen(Sort::NewestFirst, 10);
    QList<Item> items = sortedItems(2000, Sort::NewestFirst);
    QRandomGenerator random(42);
    std::shuffle(items.begin(), items.end(), random);
    for (const Item &item : items)
        QVERIFY2(seen.firstTime(item.id, item.startMs), qPrintable(item.id));
    QCOMPARE(seen.remembered(), 2000);
    for (const Item &item : items)
        QVERIFY(!seen.firstTime(item.id, item.startMs));
}

void TestExportDeduplicator::idsAreComparedExactly()
{
    ExportDeduplicator seen(Sort::NewestFirst, 10);
    const QString id = SessionFixtures::sessionId(1);
    QVERIFY(seen.firstTime(id, 5000));
    QVERIFY(seen.firstTime(id.toUpper(), 5000)); // another id, kept as text
    QVERIFY(seen.firstTime(u"not-a-uuid-but-36-characters-long-xx"_s, 4000));
    QVERIFY(seen.firstTime(u"{"_s + id + u"}"_s, 4000));
    QVERIFY(!seen.firstTime(id, 5000));
    QVERIFY(!seen.firstTime(id.toUpper(), 5000));
    QVERIFY(!seen.firstTime(u"not-a-uuid-but-36-characters-long-xx"_s, 4000));
    QCOMPARE(seen.remembered(), 4);
}

void TestExportDeduplicator::sessionsWithoutStartTimeAreRememberedForever()
{
    ExportDeduplicator seen(Sort::NewestFirst, 5);
    QVERIFY(seen.firstTime(u"undated"_s, TimeFormat::NoTime));
    const QList<Item> items = sortedItems(100, Sort::NewestFirst);
    for (const Item &item : items)
        QVERIFY(seen.firstTime(item.id, item.startMs));
    QVERIFY(!seen.firstTime(u"undated"_s, TimeFormat::NoTime));
    QVERIFY(seen.remembered() <= 5 + 1);
}

void TestExportDeduplicator::resetForgetsEverything()
{
    ExportDeduplicator seen(Sort::NewestFirst, 5);
    const QList<Item> newest = sortedItems(100, Sort::NewestFirst);
    for (const Item &item : newest)
        QVERIFY(seen.firstTime(item.id, item.startMs));
    seen.reset(Sort::OldestFirst);
    QCOMPARE(seen.remembered(), 0);
    // The same sessions, now in the other order: all new again, and no horizon of the old list remains.
    for (qsizetype i = newest.size() - 1; i >= 0; --i)
        QVERIFY(seen.firstTime(newest.at(i).id, newest.at(i).startMs));
}

QTEST_GUILESS_MAIN(TestExportDeduplicator)
#include "tst_exportdeduplicator.moc"
