// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeSessionLister.h"
#include "SessionFixtures.h"

#include "sessions/SessionTableModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

#include <malloc.h>

#include <memory>

using namespace Qt::StringLiterals;
using Column = SessionTableModel::Column;

namespace {

SessionQuery portalQuery(const QString &portalId = u"0f3c2a51-7d4e-4c69-9b1a-2f4e8d7c6b5a"_s)
{
    SessionQuery query;
    query.portalId = portalId;
    return query;
}

AwsError throttled()
{
    return AwsError(AwsError::Category::Throttled, u"Rate exceeded"_s)
        .setCode(u"ThrottlingException"_s)
        .setHttpStatus(429);
}

// The lister, the model and a QAbstractItemModelTester that watches the model for its whole life.
struct Harness
{
    explicit Harness(int pageSize = 10)
    {
        model.setPageSize(pageSize);
        tester.setUseFetchMore(false); // fetching is the network's business, tests drive it
    }

    QStringList ids() const
    {
        QStringList list;
        for (int row = 0; row < model.rowCount(); ++row)
            list.append(model.data(model.index(row, int(Column::SessionId))).toString());
        return list;
    }

    QString text(int row, Column column, int role = Qt::DisplayRole) const
    {
        return model.data(model.index(row, int(column)), role).toString();
    }

    FakeSessionLister lister;
    SessionTableModel model{&lister};
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::QtTest};
};

QStringList idsOf(const QList<SessionSummary> &sessions)
{
    QStringList ids;
    for (const SessionSummary &s : sessions)
        ids.append(s.sessionId);
    return ids;
}

// The data set in the service's default order (newest first).
QList<SessionSummary> newestFirst(QList<SessionSummary> sessions)
{
    std::stable_sort(sessions.begin(), sessions.end(), [](const SessionSummary &a, const SessionSummary &b) {
        return b.startTime < a.startTime;
    });
    return sessions;
}

} // namespace

class TestSessionTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyWithoutQuery();
    void fetchMoreInsertsRowsWhenThePageArrives();
    void noSecondRequestWhileOneIsInFlight();
    void lastPageCompletesTheList();
    void changingTheQueryDropsALateAnswer();
    void failedPageKeepsRowsAndRetryResumes();
    void duplicateSessionIsNotInsertedTwice();
    void repeatedTokenStopsLoading_data();
    void repeatedTokenStopsLoading();
    void loadAllNeverSpinsOnARepeatedToken();
    void emptyPagesAreSkipped();
    void endlessEmptyPagesStop();
    void loadAllFetchesEverything();
    void cancelLoadAllKeepsTheToken();
    void loadAllResumesAfterAnError();
    void startTimeSortRequeries();
    void localSortRefusedUntilComplete();
    void localSortIsStableAndTyped_data();
    void localSortIsStableAndTyped();
    void localSortKeepsPersistentIndexes();
    void updateSessionReplacesTheRow();
    void durationsOfTerminatedAndActiveSessions();
    void refreshDurationsTouchesOnlyActiveDurations();
    void durationTimerRefreshes();
    void rolesAndTimeModes();
    void unknownStatusShowsTheServiceText();
    void destroyingTheModelCancelsTheRequest();
    void memoryPerRow();
};

void TestSessionTableModel::emptyWithoutQuery()
{
    Harness h;
    QCOMPARE(h.model.rowCount(), 0);
    QCOMPARE(h.model.columnCount(), SessionTableModel::ColumnCount);
    QVERIFY(!h.model.canFetchMore(QModelIndex()));
    h.model.fetchMore(QModelIndex());
    QCOMPARE(h.lister.requestCount(), 0);
    QVERIFY(!h.model.isLoading());
}

void TestSessionTableModel::fetchMoreInsertsRowsWhenThePageArrives()
{
    Harness h(10);
    const QList<SessionSummary> data = SessionFixtures::generated(25);
    h.lister.setSessions(data);
    QSignalSpy inserted(&h.model, &QAbstractItemModel::rowsInserted);
    QSignalSpy loading(&h.model, &SessionTableModel::loadingChanged);
    QSignalSpy loaded(&h.model, &SessionTableModel::pageLoaded);

    h.model.setQuery(portalQuery());
    QVERIFY(h.model.canFetchMore(QModelIndex()));
    QCOMPARE(h.lister.requestCount(), 0); // setQuery alone asks nothing

    h.model.fetchMore(QModelIndex());
    QCOMPARE(h.lister.requestCount(), 1);
    QCOMPARE(h.model.rowCount(), 0); // fetchMore only starts the request
    QVERIFY(h.model.isLoading());
    QCOMPARE(loading.count(), 1);
    QCOMPARE(loading.at(0).at(0).toBool(), true);
    const ListSessionsRequest first = h.lister.lastRequest();
    QCOMPARE(first.portalId, portalQuery().portalId);
    QCOMPARE(first.maxResults, 10);
    QVERIFY(first.nextToken.isEmpty());
    QCOMPARE(first.sort, ListSessionsRequest::Sort::NewestFirst);

    QVERIFY(h.lister.deliver());
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 9);
    QCOMPARE(h.model.rowCount(), 10);
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(loaded.at(0).at(0).toInt(), 10);
    QCOMPARE(loading.count(), 2);
    QCOMPARE(loading.at(1).at(0).toBool(), false);
    QVERIFY(h.model.canFetchMore(QModelIndex()));
    QCOMPARE(h.ids(), idsOf(newestFirst(data).mid(0, 10)));

    h.model.fetchMore(QModelIndex());
    QCOMPARE(h.lister.lastRequest().nextToken, FakeSessionLister::tokenForOffset(10));
    QVERIFY(h.lister.deliver());
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(inserted.at(1).at(1).toInt(), 10);
    QCOMPARE(inserted.at(1).at(2).toInt(), 19);
    QCOMPARE(h.model.pagesLoaded(), 2);
}

void TestSessionTableModel::noSecondRequestWhileOneIsInFlight()
{
    Harness h(5);
    h.lister.setSessions(SessionFixtures::generated(20));
    h.model.setQuery(portalQuery());
    h.model.fetchMore(QModelIndex());
    QVERIFY(!h.model.canFetchMore(QModelIndex()));
    h.model.fetchMore(QModelIndex());
    h.model.fetchMore(QModelIndex());
    h.model.loadAll(); // joins the request in flight rather than starting another
    QCOMPARE(h.lister.requestCount(), 1);
    QCOMPARE(h.lister.maxInFlight(), 1);
    h.lister.deliverAll();
    QCOMPARE(h.lister.maxInFlight(), 1);
    QCOMPARE(h.model.rowCount(), 20);
}

void TestSessionTableModel::lastPageCompletesTheList()
{
    Harness h(10);
    h.lister.setSessions(SessionFixtures::generated(5));
    QSignalSpy all(&h.model, &SessionTableModel::allLoaded);
    h.model.setQuery(portalQuery());
    QVERIFY(!h.model.isComplete());
    h.model.fetchMore(QModelIndex());
    h.lister.deliver();
    QCOMPARE(h.model.rowCount(), 5);
    QCOMPARE(all.count(), 1);
    QVERIFY(h.model.isComplete());
    QVERIFY(!h.model.canFetchMore(QModelIndex()));
    h.model.fetchMore(QModelIndex());
    QCOMPARE(h.lister.requestCount(), 1);
}

void TestSessionTableModel::changingTheQueryDropsALateAnswer()
{
    Harness h(10);
    h.lister.setSessions(SessionFixtures::generated(30));
    h.lister.setDeliverCancelled(true); // the old answer was already on its way
    QSignalSpy reset(&h.model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&h.model, &QAbstractItemModel::rowsInserted);

    h.model.setQuery(portalQuery());
    const quint64 firstGeneration = h.model.generation();
    h.model.fetchMore(QModelIndex());
    QVERIFY(h.model.isLoading());

    SessionQuery other = portalQuery();
    other.username = u"user3@example.com"_s;
    h.model.setQuery(other);
    QCOMPARE(reset.count(), 2);
    QVERIFY(h.model.generation() > firstGeneration);
    QCOMPARE(h.lister.cancelCount(), 1); // the stale request was cancelled
    QVERIFY(!h.model.isLoading());

    QVERIFY(h.lister.deliver()); // the late answer for the old query
    QCOMPARE(h.model.rowCount(), 0);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(h.model.staleAnswersDropped(), 1);
    QVERIFY(h.model.canFetchMore(QModelIndex()));

    h.model.fetchMore(QModelIndex());
    QCOMPARE(h.lister.lastRequest().username, u"user3@example.com"_s);
    h.lister.deliver();
    QVERIFY(h.model.rowCount() > 0);
    for (int row = 0; row < h.model.rowCount(); ++row)
        QCOMPARE(h.text(row, Column::Username), u"user3@example.com"_s);
}

void TestSessionTableModel::failedPageKeepsRowsAndRetryResumes()
{
    Harness h(10);
    const QList<SessionSummary> data = SessionFixtures::generated(35);
    h.lister.setSessions(data);
    h.lister.failRequest(1, throttled());
    QSignalSpy failed(&h.model, &SessionTableModel::pageFailed);

    h.model.setQuery(portalQuery());
    h.model.fetchMore(QModelIndex());
    h.lister.deliver();
    QCOMPARE(h.model.rowCount(), 10);

    h.model.fetchMore(QModelIndex());
    h.lister.deliver();
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.at(0).at(0).value<AwsError>().category(), AwsError::Category::Throttled);
    QCOMPARE(h.model.rowCount(), 10); // nothing lost
    QVERIFY(h.model.hasError());
    QCOMPARE(h.model.lastError().code(), u"ThrottlingException"_s);
    QVERIFY(h.model.canRetry());
    QVERIFY(!h.model.canFetchMore(QModelIndex())); // an error is pending
    QVERIFY(!h.model.isLoading());

    h.model.retry();
    QVERIFY(!h.model.hasError());
    QCOMPARE(h.lister.requestCount(), 3);
    QCOMPARE(h.lister.calls().at(2).request.nextToken, h.lister.calls().at(1).request.nextToken);
    h.lister.deliver();
    QCOMPARE(h.model.rowCount(), 20);

    while (h.model.canFetchMore(QModelIndex())) {
        h.model.fetchMore(QModelIndex());
        h.lister.deliver();
    }
    QVERIFY(h.model.isComplete());
    QCOMPARE(h.ids(), idsOf(newestFirst(data))); // every session once, in order
    QCOMPARE(h.model.duplicatesSkipped(), 0);
}

void TestSessionTableModel::duplicateSessionIsNotInsertedTwice()
{
    Harness h;
    const QList<SessionSummary> data = SessionFixtures::generated(4);
    h.lister.setPage(QString(), SessionPage{{data[0], data[1]}, u"T1"_s});
    h.lister.setPage(u"T1"_s, SessionPage{{data[1], data[2], data[2], data[3]}, QString()});
    QSignalSpy duplicates(&h.model, &SessionTableModel::duplicateSessionsSkipped);

    h.model.setQuery(portalQuery());
    h.model.fetchMore(QModelIndex());
    h.lister.deliver();
    h.model.fetchMore(QModelIndex());
    h.lister.deliver();
    QCOMPARE(h.ids(), idsOf(data));
    QCOMPARE(duplicates.count(), 1);
    QCOMPARE(duplicates.at(0).at(0).toStringList(), (QStringList{data[1].sessionId, data[2].sessionId}));
    QCOMPARE(h.model.duplicatesSkipped(), 2);
    QVERIFY(h.model.isComplete());
}

void TestSessionTableModel::repeatedTokenStopsLoading_data()
{
    QTest::addColumn<QStringList>("tokens"); // the nextToken of each page in turn
    QTest::addColumn<int>("pagesBeforeStop");
    QTest::newRow("page repeats the token it was asked with") << QStringList{u"A"_s, u"A"_s} << 2;
    QTest::newRow("token from two pages back") << QStringList{u"A"_s, u"B"_s, u"A"_s} << 3;
}

void TestSessionTableModel::repeatedTokenStopsLoading()
{
    QFETCH(QStringList, tokens);
    QFETCH(int, pagesBeforeStop);

    Harness h;
    const QList<SessionSummary> data = SessionFixtures::generated(int(tokens.size()));
    for (int i = 0; i < tokens.size(); ++i)
        h.lister.setPage(i == 0 ? QString() : tokens.at(i - 1), SessionPage{{data.at(i)}, tokens.at(i)});
    QSignalSpy failed(&h.model, &SessionTableModel::pageFailed);

    h.model.setQuery(portalQuery());
    for (int i = 0; i < pagesBeforeStop && h.model.canFetchMore(QModelIndex()); ++i) {
        h.model.fetchMore(QModelIndex());
        h.lister.deliver();
    }
    QCOMPARE(h.lister.requestCount(), pagesBeforeStop);
    QCOMPARE(failed.count(), 1);
    const AwsError error = h.model.lastError();
    QCOMPARE(error.category(), AwsError::Category::MalformedAnswer);
    QVERIFY2(error.message().contains(u"page token"_s), qPrintable(error.message()));
    QVERIFY(!h.model.canFetchMore(QModelIndex()));
    QVERIFY(!h.model.canRetry());
    h.model.retry();
    h.model.loadAll();
    h.model.fetchMore(QModelIndex());
    QCOMPARE(h.lister.requestCount(), pagesBeforeStop); // nothing more is asked
    QVERIFY(!h.model.isComplete());
    QVERIFY(!h.model.canSortLocally());
}

void TestSessionTableModel::loadAllNeverSpinsOnARepeatedToken()
{
    Harness h;
    const QList<SessionSummary> data = SessionFixtures::generated(3);
    h.lister.setDelivery(FakeSessionLister::Delivery::Queued);
    h.lister.setPage(QString(), SessionPage{{data[0]}, u"A"_s});
    h.lister.setPage(u"A"_s, SessionPage{{data[1]}, u"B"_s});
    h.lister.setPage(u"B"_s, SessionPage{{data[2]}, u"A"_s});
    QSignalSpy failed(&h.model, &SessionTableModel::pageFailed);
    QSignalSpy loadingAll(&h.model, &SessionTableModel::loadingAllChanged);

    h.model.setQuery(portalQuery());
    h.model.loadAll();
    QVERIFY(failed.wait());
    QCOMPARE(h.lister.requestCount(), 3);
    QCOMPARE(h.model.rowCount(), 3);
    QVERIFY(!h.model.isLoadingAll());
    QCOMPARE(loadingAll.count(), 2);
    QTest::qWait(20); // give a spinning model the chance to ask again
    QCOMPARE(h.lister.requestCount(), 3);
}

void TestSessionTableModel::emptyPagesAreSkipped()
{
    Harness h;
    const QList<SessionSummary> data = SessionFixtures::generated(1);
    h.lister.setPage(QString(), SessionPage{{}, u"T1"_s});
    h.lister.setPage(u"T1"_s, SessionPage{{data[0]}, QString()});
    h.model.setQuery(portalQuery());
    h.model.fetchMore(QModelIndex());
    h.lister.deliver();
    // A page without rows inserts nothing, so no view would ask again: the model does.
    QCOMPARE(h.lister.requestCount(), 2);
    QVERIFY(h.model.isLoading());
    h.lister.deliver();
    QCOMPARE(h.model.rowCount(), 1);
    QVERIFY(h.model.isComplete());
}

void TestSessionTableModel::endlessEmptyPagesStop()
{
    Harness h;
    h.lister.setDelivery(FakeSessionLister::Delivery::Queued);
    h.lister.setPage(QString(), SessionPage{{}, u"E1"_s});
    for (int i = 1; i <= 500; ++i)
        h.lister.setPage(u"E%1"_s.arg(i), SessionPage{{}, u"E%1"_s.arg(i + 1)});
    QSignalSpy failed(&h.model, &SessionTableModel::pageFailed);
    h.model.setQuery(portalQuery());
    h.model.fetchMore(QModelIndex());
    QVERIFY(failed.wait());
    QCOMPARE(h.lister.requestCount(), 100);
    QCOMPARE(h.model.lastError().category(), AwsError::Category::MalformedAnswer);
    QVERIFY(!h.model.canFetchMore(QModelIndex()));
}

void TestSessionTableModel::loadAllFetchesEverything()
{
    Harness h(7);
    const QList<SessionSummary> data = SessionFixtures::generated(40);
    h.lister.setSessions(data);
    h.lister.setDelivery(FakeSessionLister::Delivery::Queued);
    QSignalSpy all(&h.model, &SessionTableModel::allLoaded);
    QSignalSpy progress(&h.model, &SessionTableModel::loadAllProgress);
    QSignalSpy loadingAll(&h.model, &SessionTableModel::loadingAllChanged);
    QSignalSpy loading(&h.model, &SessionTableModel::loadingChanged);

    h.model.setQuery(portalQuery());
    h.model.loadAll();
    QVERIFY(h.model.isLoadingAll());
    QVERIFY(all.wait());
    QCOMPARE(h.model.rowCount(), 40);
    QCOMPARE(h.ids(), idsOf(newestFirst(data)));
    QCOMPARE(h.lister.requestCount(), 6);
    QCOMPARE(h.lister.maxInFlight(), 1);
    QCOMPARE(progress.count(), 6);
    QCOMPARE(progress.last().at(0).toInt(), 40);
    QCOMPARE(progress.last().at(1).toInt(), 6);
    QCOMPARE(loadingAll.count(), 2);
    QVERIFY(!h.model.isLoadingAll());
    // Loading stays on between the pages of loadAll.
    QCOMPARE(loading.count(), 2);
    QVERIFY(h.model.canSortLocally());
}

void TestSessionTableModel::cancelLoadAllKeepsTheToken()
{
    Harness h(10);
    const QList<SessionSummary> data = SessionFixtures::generated(50);
    h.lister.setSessions(data);
    h.model.setQuery(portalQuery());
    h.model.loadAll();
    h.lister.deliver();
    QCOMPARE(h.model.rowCount(), 10);
    QCOMPARE(h.lister.requestCount(), 2); // loadAll asked for the next page at once

    QSignalSpy loadingAll(&h.model, &SessionTableModel::loadingAllChanged);
    h.model.cancelLoadAll();
    QCOMPARE(loadingAll.count(), 1);
    QCOMPARE(h.lister.cancelCount(), 1);
    QVERIFY(!h.model.isLoading());
    QVERIFY(!h.model.isLoadingAll());
    QCOMPARE(h.lister.deliverAll(), 0);
    QCOMPARE(h.model.rowCount(), 10);
    QVERIFY(h.model.canFetchMore(QModelIndex()));

    h.model.fetchMore(QModelIndex());
    QCOMPARE(h.lister.lastRequest().nextToken, h.lister.calls().at(1).request.nextToken);
    h.lister.deliver();
    QCOMPARE(h.ids(), idsOf(newestFirst(data).mid(0, 20)));
}

void TestSessionTableModel::loadAllResumesAfterAnError()
{
    Harness h(10);
    const QList<SessionSummary> data = SessionFixtures::generated(30);
    h.lister.setSessions(data);
    h.lister.failRequest(1, throttled());
    h.lister.setDelivery(FakeSessionLister::Delivery::Queued);
    QSignalSpy failed(&h.model, &SessionTableModel::pageFailed);
    QSignalSpy all(&h.model, &SessionTableModel::allLoaded);
    h.model.setQuery(portalQuery());
    h.model.loadAll();
    QVERIFY(failed.wait());
    QVERIFY(!h.model.isLoadingAll());
    QCOMPARE(h.model.rowCount(), 10);
    h.model.loadAll(); // clears the retryable error and goes on from the failed page
    QVERIFY(all.wait());
    QCOMPARE(h.ids(), idsOf(newestFirst(data)));
}

void TestSessionTableModel::startTimeSortRequeries()
{
    Harness h(100);
    const QList<SessionSummary> data = SessionFixtures::generated(12);
    h.lister.setSessions(data);
    h.model.setQuery(portalQuery());
    h.model.fetchMore(QModelIndex());
    h.lister.deliver();
    QCOMPARE(h.model.sortColumn(), int(Column::StartTime));
    QCOMPARE(h.model.sortOrder(), Qt::DescendingOrder);

    QSignalSpy reset(&h.model, &QAbstractItemModel::modelReset);
    QSignalSpy sortChanged(&h.model, &SessionTableModel::sortChanged);
    h.model.sort(int(Column::StartTime), Qt::DescendingOrder); // already so: nothing happens
    QCOMPARE(reset.count(), 0);

    const quint64 generation = h.model.generation();
    h.model.sort(int(Column::StartTime), Qt::AscendingOrder);
    QCOMPARE(reset.count(), 1);
    QVERIFY(h.model.generation() > generation);
    QCOMPARE(h.model.rowCount(), 0);
    QCOMPARE(h.model.query().sort, SessionQuery::Sort::OldestFirst);
    QCOMPARE(sortChanged.count(), 1);
    QCOMPARE(sortChanged.at(0).at(1).value<Qt::SortOrder>(), Qt::AscendingOrder);
    h.model.fetchMore(QModelIndex());
    QCOMPARE(h.lister.lastRequest().sort, ListSessionsRequest::Sort::OldestFirst);
    h.lister.deliver();
    QStringList expected = idsOf(newestFirst(data));
    std::reverse(expected.begin(), expected.end());
    QCOMPARE(h.ids(), expected);
}

void TestSessionTableModel::localSortRefusedUntilComplete()
{
    Harness h(5);
    h.lister.setSessions(SessionFixtures::generated(12));
    QSignalSpy refused(&h.model, &SessionTableModel::sortRefused);
    QSignalSpy layout(&h.model, &QAbstractItemModel::layoutChanged);
    h.model.setQuery(portalQuery());
    h.model.fetchMore(QModelIndex());
    h.lister.deliver();
    const QStringList before = h.ids();

    h.model.sort(int(Column::Username), Qt::AscendingOrder);
    QCOMPARE(refused.count(), 1);
    QCOMPARE(refused.at(0).at(0).toInt(), int(Column::Username));
    const QString message = refused.at(0).at(1).toString();
    QVERIFY2(message.contains(u"every page"_s) && message.contains(u"5 session"_s), qPrintable(message));
    QCOMPARE(h.ids(), before);
    QCOMPARE(layout.count(), 0);
    QCOMPARE(h.model.sortColumn(), int(Column::StartTime));
    QVERIFY(!h.model.canSortLocally());

    h.model.loadAll();
    h.lister.deliverAll();
    QVERIFY(h.model.canSortLocally());
    h.model.sort(int(Column::Username), Qt::AscendingOrder);
    QCOMPARE(refused.count(), 1);
    QCOMPARE(layout.count(), 1);
    QCOMPARE(h.model.sortColumn(), int(Column::Username));
    QCOMPARE(h.model.sortOrder(), Qt::AscendingOrder);

    // A new query is back in the service's order.
    h.model.refresh();
    QCOMPARE(h.model.sortColumn(), int(Column::StartTime));
}

void TestSessionTableModel::localSortIsStableAndTyped_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::addColumn<QStringList>("expected"); // session ids, by the numbers below

    // Service order (newest first) is 4 3 2 1 0; see the sessions built in the test.
    QTest::newRow("username ascending, ties keep service order")
        << int(Column::Username) << Qt::AscendingOrder << QStringList{u"3"_s, u"4"_s, u"1"_s, u"2"_s, u"0"_s};
    QTest::newRow("username descending, ties keep service order")
        << int(Column::Username) << Qt::DescendingOrder
        << QStringList{u"0"_s, u"2"_s, u"4"_s, u"1"_s, u"3"_s};
    QTest::newRow("duration as a number, not as text")
        << int(Column::Duration) << Qt::AscendingOrder << QStringList{u"4"_s, u"3"_s, u"1"_s, u"0"_s, u"2"_s};
    QTest::newRow("end time: active sessions last")
        << int(Column::EndTime) << Qt::AscendingOrder << QStringList{u"0"_s, u"1"_s, u"3"_s, u"4"_s, u"2"_s};
    QTest::newRow("status") << int(Column::Status) << Qt::AscendingOrder
                            << QStringList{u"4"_s, u"2"_s, u"3"_s, u"1"_s, u"0"_s};
    QTest::newRow("session id descending") << int(Column::SessionId) << Qt::DescendingOrder
                                           << QStringList{u"4"_s, u"3"_s, u"2"_s, u"1"_s, u"0"_s};
}

void TestSessionTableModel::localSortIsStableAndTyped()
{
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    QFETCH(QStringList, expected);

    using SessionFixtures::session;
    // Id "n" starts n hours after 08:00. Durations: 0 → 100 s, 1 → 20 s, 2 → active 3 h,
    // 3 → 5 s, 4 → active 1 s. "alice" and "Alice" fold together.
    const QList<SessionSummary> data = {
        session(u"0"_s, u"zed"_s, u"Terminated"_s, u"2026-11-21T08:00:00Z"_s, u"2026-11-21T08:01:40Z"_s),
        session(u"1"_s, u"alice"_s, u"Terminated"_s, u"2026-11-21T09:00:00Z"_s, u"2026-11-21T09:00:20Z"_s),
        session(u"2"_s, u"bob"_s, u"Active"_s, u"2026-11-21T10:00:00Z"_s),
        session(u"3"_s, u"Alice"_s, u"Terminated"_s, u"2026-11-21T11:00:00Z"_s, u"2026-11-21T11:00:05Z"_s),
        session(u"4"_s, u"alice"_s, u"Active"_s, u"2026-11-21T12:59:59Z"_s),
    };
    Harness h(100);
    h.model.setClock([] { return SessionFixtures::utc(u"2026-11-21T13:00:00Z"_s).toMSecsSinceEpoch(); });
    h.lister.setSessions(data);
    h.model.setQuery(portalQuery());
    h.model.fetchMore(QModelIndex());
    h.lister.deliver();
    QCOMPARE(h.ids(), (QStringList{u"4"_s, u"3"_s, u"2"_s, u"1"_s, u"0"_s}));

    h.model.sort(column, order);
    QCOMPARE(h.ids(), expected);
    QCOMPARE(h.model.sortColumn(), column);
    QCOMPARE(h.model.sortOrder(), order);
    // The id index follows the rows.
    for (int row = 0; row < h.model.rowCount(); ++row)
        QCOMPARE(h.model.rowOfSession(expected.at(row)), row);
}

void TestSessionTableModel::localSortKeepsPersistentIndexes()
{
    Harness h(100);
    h.lister.setSessions(SessionFixtures::generated(30));
    h.model.setQuery(portalQuery());
    h.model.loadAll();
    h.lister.deliverAll();
    QPersistentModelIndex tracked(h.model.index(4, int(Column::Username)));
    const QString id = h.text(4, Column::SessionId);
    h.model.sort(int(Column::Username), Qt::DescendingOrder);
    QVERIFY(tracked.isValid());
    QCOMPARE(tracked.column(), int(Column::Username));
    QCOMPARE(h.text(tracked.row(), Column::SessionId), id);
}

void TestSessionTableModel::updateSessionReplacesTheRow()
{
    Harness h(100);
    using SessionFixtures::session;
    h.lister.setSessions({
        session(u"a"_s, u"ann"_s, u"Active"_s, u"2026-11-21T08:00:00Z"_s),
        session(u"b"_s, u"ben"_s, u"Active"_s, u"2026-11-21T09:00:00Z"_s),
    });
    h.model.setQuery(portalQuery());
    h.model.fetchMore(QModelIndex());
    h.lister.deliver();
    const int row = h.model.rowOfSession(u"a"_s);
    QCOMPARE(row, 1);
    QSignalSpy changed(&h.model, &QAbstractItemModel::dataChanged);

    const SessionSummary expired =
        session(u"a"_s, u"ann"_s, u"Terminated"_s, u"2026-11-21T08:00:00Z"_s, u"2026-11-21T10:30:00Z"_s);
    QVERIFY(h.model.updateSession(expired));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex(), h.model.index(row, 0));
    QCOMPARE(changed.at(0).at(1).toModelIndex(), h.model.index(row, SessionTableModel::ColumnCount - 1));
    QCOMPARE(h.model.rowCount(), 2);
    QCOMPARE(h.text(row, Column::Status), u"Terminated"_s);
    QCOMPARE(h.text(row, Column::EndTime), u"2026-11-21 10:30:00"_s);
    QCOMPARE(h.text(row, Column::Duration), u"2 h 30 min"_s);
    QCOMPARE(h.model.data(h.model.index(row, 0), SessionTableModel::StatusRole).value<SessionStatus>(),
             SessionStatus::Terminated);

    QVERIFY(!h.model.updateSession(session(u"zzz"_s, u"x"_s, u"Active"_s, u"2026-11-21T08:00:00Z"_s)));
    QCOMPARE(h.model.rowCount(), 2);
    QCOMPARE(changed.count(), 1);
}

void TestSessionTableModel::durationsOfTerminatedAndActiveSessions()
{
    using SessionFixtures::session;
    Harness h(100);
    qint64 now = SessionFixtures::utc(u"2026-11-21T12:00:00Z"_s).toMSecsSinceEpoch();
    h.model.setClock([&now] { return now; });
    h.lister.setSessions({
        session(u"t"_s, u"u"_s, u"Terminated"_s, u"2026-11-21T08:00:00Z"_s, u"2026-11-21T09:23:40Z"_s),
        session(u"a"_s, u"u"_s, u"Active"_s, u"2026-11-21T09:55:00Z"_s),
        session(u"s"_s, u"u"_s, u"Terminated"_s, u"2026-11-21T09:59:00Z"_s, u"2026-11-21T09:59:45.500Z"_s),
    });
    h.model.setQuery(portalQuery());
    h.model.fetchMore(QModelIndex());
    h.lister.deliver();
    const int t = h.model.rowOfSession(u"t"_s);
    const int a = h.model.rowOfSession(u"a"_s);
    const int s = h.model.rowOfSession(u"s"_s);
    QCOMPARE(h.text(t, Column::Duration), u"1 h 23 min"_s);
    QCOMPARE(h.model.data(h.model.index(t, int(Column::Duration)), SessionTableModel::DurationSecondsRole)
                 .toLongLong(),
             5020);
    QCOMPARE(h.text(s, Column::Duration), u"45 s"_s);
    QCOMPARE(h.text(a, Column::Duration), u"running for 2 h 5 min"_s);
    QCOMPARE(h.text(a, Column::EndTime), QString());
    QCOMPARE(h.text(a, Column::EndTime, Qt::ToolTipRole), u"Still active"_s);
    QCOMPARE(h.text(t, Column::Duration, Qt::ToolTipRole),
             u"5020 s, from 2026-11-21T08:00:00Z to 2026-11-21T09:23:40Z"_s);
    QCOMPARE(h.text(a, Column::Duration, Qt::ToolTipRole), u"7500 s so far, since 2026-11-21T09:55:00Z"_s);
    now += 60 * 60 * 1000;
    QCOMPARE(h.text(a, Column::Duration), u"running for 3 h 5 min"_s);
    QCOMPARE(h.text(t, Column::Duration), u"1 h 23 min"_s);
}

void TestSessionTableModel::refreshDurationsTouchesOnlyActiveDurations()
{
    Harness h(100);
    h.model.setDurationRefreshInterval(0);
    const QList<SessionSummary> data = SessionFixtures::generated(9); // rows 0, 3, 6 are active
    h.lister.setSessions(data);
    h.model.setQuery(portalQuery());
    h.model.fetchMore(QModelIndex());
    h.lister.deliver();

    QSet<int> activeRows;
    for (int row = 0; row < h.model.rowCount(); ++row) {
        if (h.model.data(h.model.index(row, 0), SessionTableModel::StatusRole).value<SessionStatus>() ==
            SessionStatus::Active)
            activeRows.insert(row);
    }
    QCOMPARE(activeRows.size(), 3);

    QSignalSpy changed(&h.model, &QAbstractItemModel::dataChanged);
    h.model.refreshDurations();
    QSet<int> touched;
    for (const QList<QVariant> &args : std::as_const(changed)) {
        const QModelIndex topLeft = args.at(0).toModelIndex();
        const QModelIndex bottomRight = args.at(1).toModelIndex();
        QCOMPARE(topLeft.column(), int(Column::Duration));
        QCOMPARE(bottomRight.column(), int(Column::Duration));
        for (int row = topLeft.row(); row <= bottomRight.row(); ++row)
            touched.insert(row);
    }
    QCOMPARE(touched, activeRows);
}

void TestSessionTableModel::durationTimerRefreshes()
{
    Harness h(100);
    h.lister.setSessions(SessionFixtures::generated(3));
    QCOMPARE(h.model.durationRefreshInterval(), 30'000);
    h.model.setDurationRefreshInterval(10);
    h.model.setQuery(portalQuery());
    h.model.fetchMore(QModelIndex());
    h.lister.deliver();
    QSignalSpy changed(&h.model, &QAbstractItemModel::dataChanged);
    QVERIFY(changed.wait());
    QCOMPARE(changed.at(0).at(0).toModelIndex().column(), int(Column::Duration));

    // Without active sessions there is nothing to refresh.
    using SessionFixtures::session;
    h.lister.setSessions(
        {session(u"t"_s, u"u"_s, u"Terminated"_s, u"2026-11-21T08:00:00Z"_s, u"2026-11-21T09:00:00Z"_s)});
    h.model.refresh();
    h.model.fetchMore(QModelIndex());
    h.lister.deliver();
    changed.clear();
    QVERIFY(!changed.wait(100));
}

void TestSessionTableModel::rolesAndTimeModes()
{
    using SessionFixtures::session;
    Harness h(100);
    h.model.setLocalZone(QTimeZone("Europe/Berlin"));
    const SessionSummary s = session(u"c5a1e2b4-0000-4000-8000-000000000001"_s, u"ann"_s, u"Terminated"_s,
                                     u"2026-11-21T19:35:12.123Z"_s, u"2026-07-01T10:00:00Z"_s);
    h.lister.setSessions({s});
    h.model.setQuery(portalQuery());
    h.model.fetchMore(QModelIndex());
    h.lister.deliver();

    QCOMPARE(h.model.timeMode(), TimeFormat::Mode::Utc);
    QCOMPARE(h.text(0, Column::StartTime), u"2026-11-21 19:35:12"_s);
    QCOMPARE(h.text(0, Column::StartTime, Qt::ToolTipRole), u"2026-11-21T19:35:12.123Z"_s);
    QCOMPARE(h.text(0, Column::EndTime, Qt::ToolTipRole), u"2026-07-01T10:00:00Z"_s);
    QCOMPARE(h.model.headerData(int(Column::StartTime), Qt::Horizontal).toString(), u"Start time (UTC)"_s);
    QCOMPARE(h.model.headerData(int(Column::Username), Qt::Horizontal).toString(), u"Username"_s);

    QSignalSpy changed(&h.model, &QAbstractItemModel::dataChanged);
    QSignalSpy header(&h.model, &QAbstractItemModel::headerDataChanged);
    h.model.setTimeMode(TimeFormat::Mode::Local);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(header.count(), 1);
    QCOMPARE(h.text(0, Column::StartTime), u"2026-11-21 20:35:12"_s);
    QCOMPARE(h.text(0, Column::StartTime, Qt::ToolTipRole), u"2026-11-21T20:35:12.123+01:00"_s);
    QCOMPARE(h.text(0, Column::EndTime, Qt::ToolTipRole), u"2026-07-01T12:00:00+02:00"_s); // summer time
    QCOMPARE(h.model.headerData(int(Column::StartTime), Qt::Horizontal).toString(), u"Start time"_s);
    h.model.setTimeMode(TimeFormat::Mode::Local);
    QCOMPARE(changed.count(), 1); // no change, no signal

    const QModelIndex index = h.model.index(0, int(Column::Username));
    QCOMPARE(h.model.data(index, SessionTableModel::SessionIdRole).toString(), s.sessionId);
    QCOMPARE(h.model.data(index, SessionTableModel::StatusRole).value<SessionStatus>(),
             SessionStatus::Terminated);
    QCOMPARE(h.model.data(index, SessionTableModel::StartTimeRole).toDateTime(), s.startTime);
    QCOMPARE(h.model.data(index, SessionTableModel::EndTimeRole).toDateTime(), s.endTime);
    const auto whole = h.model.data(index, SessionTableModel::SessionRole).value<SessionSummary>();
    QCOMPARE(whole.sessionId, s.sessionId);
    QCOMPARE(whole.username, s.username);
    QCOMPARE(whole.statusText, s.statusText);
    QCOMPARE(whole.startTime, s.startTime);
    QCOMPARE(whole.endTime, s.endTime);
    QCOMPARE(whole.portalArn, s.portalArn);
    QVERIFY(!h.model.data(index, Qt::DecorationRole).isValid()); // the view's business
    QCOMPARE(h.model.session(0).sessionId, s.sessionId);
    QCOMPARE(h.model.sessions().size(), 1);
}

void TestSessionTableModel::unknownStatusShowsTheServiceText()
{
    using SessionFixtures::session;
    Harness h(100);
    h.lister.setSessions({session(u"x"_s, u"u"_s, u"Hibernating"_s, u"2026-11-21T08:00:00Z"_s)});
    h.model.setQuery(portalQuery());
    h.model.fetchMore(QModelIndex());
    h.lister.deliver();
    QCOMPARE(h.text(0, Column::Status), u"Hibernating"_s);
    QCOMPARE(h.model.data(h.model.index(0, 0), SessionTableModel::StatusRole).value<SessionStatus>(),
             SessionStatus::Unknown);
    QCOMPARE(h.text(0, Column::Duration), QString()); // neither ended nor known to be running
}

void TestSessionTableModel::destroyingTheModelCancelsTheRequest()
{
    FakeSessionLister lister;
    lister.setSessions(SessionFixtures::generated(5));
    {
        SessionTableModel model(&lister);
        model.setQuery(portalQuery());
        model.fetchMore(QModelIndex());
        QCOMPARE(lister.inFlight(), 1);
    }
    QCOMPARE(lister.cancelCount(), 1);
    QCOMPARE(lister.deliverAll(), 0);
}

void TestSessionTableModel::memoryPerRow()
{
    // Rough, but real: the heap the model holds per loaded row, with strings as the decoder makes them
    // (heap-allocated, one per field) and the lister's own copies dropped.
    constexpr int rows = 20'000;
    FakeSessionLister lister;
    const size_t before = mallinfo2().uordblks;
    auto model = std::make_unique<SessionTableModel>(&lister);
    model->setPageSize(1000);
    {
        QList<SessionSummary> data;
        data.reserve(rows);
        for (int i = 0; i < rows; ++i) {
            SessionSummary s;
            // Exactly sized, like the strings the JSON decoder makes.
            s.sessionId = QString::fromLatin1(QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
            s.username = QString::fromUtf8("firstname.lastname" + QByteArray::number(i) + "@example.com");
            s.statusText = QString::fromUtf8(i % 2 ? "Active" : "Terminated");
            s.status = SessionSummary::statusFromText(s.statusText);
            s.startTime = QDateTime::fromMSecsSinceEpoch(1'790'000'000'000 + qint64(i) * 1000, Qt::UTC);
            if (i % 2 == 0)
                s.endTime = s.startTime.addSecs(3600);
            s.portalArn = QString::fromUtf8(SessionFixtures::portalArn.toUtf8()); // a fresh copy per row
            data.append(s);
        }
        lister.setSessions(data);
    }
    SessionQuery query = portalQuery();
    model->setQuery(query);
    model->loadAll();
    lister.deliverAll();
    QCOMPARE(model->rowCount(), rows);
    lister.clear();
    const size_t after = mallinfo2().uordblks;
    const double perRow = double(after - before) / rows;
    qInfo("SessionTableModel holds about %.0f bytes per loaded row (%d rows, usernames of 31-35 characters)",
          perRow, rows);
    QVERIFY2(perRow <= 300.0, qPrintable(u"%1 bytes per row"_s.arg(perRow)));
}

QTEST_GUILESS_MAIN(TestSessionTableModel)
#include "tst_sessiontablemodel.moc"
