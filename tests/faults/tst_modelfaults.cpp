// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The GUI's session table (SessionTableModel over a real WorkSpacesWebClient and AwsTransport) against an
// emulator that misbehaves: it must show every session exactly once and in the service's order, or stop
// with a clear error - keeping the rows it has, and resuming without duplicates where resuming can help.
#include "ClientStack.h"
#include "FaultScenario.h"
#include "ListSessionsWalk.h"
#include "emulator/BackgroundEmulator.h"
#include "sessions/SessionTableModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// 240 sessions in pages of 12: twenty pages, so every fault kind is met several times per walk.
constexpr int pageSize = 12;
constexpr int rideOutAttempts = 12;
constexpr int pageTimeoutMs = 30'000;
// A walk that needs more rounds than this is spinning.
constexpr int maxRounds = 200;

} // namespace

class TestModelFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void deliversEverySessionOnceOrStops_data();
    void deliversEverySessionOnceOrStops();

private:
    std::unique_ptr<BackgroundEmulator> m_reference;
    QString m_portal;
    QStringList m_expected;
};

void TestModelFaults::initTestCase()
{
    m_reference = std::make_unique<BackgroundEmulator>(FaultScenario::baseConfig());
    QString error;
    QVERIFY2(m_reference->start(&error), qPrintable(error));
    ClientStack stack(*m_reference, 1);
    m_portal = stack.firstActivePortal();
    QVERIFY(!m_portal.isEmpty());
    ListSessionsRequest all;
    all.portalId = m_portal;
    m_expected = ListSessionsWalk::sessionIds(stack.client(), all);
    QCOMPARE(m_expected.size(), FaultScenario::sessionCount());
    QCOMPARE(QSet<QString>(m_expected.cbegin(), m_expected.cend()).size(), m_expected.size());
}

void TestModelFaults::deliversEverySessionOnceOrStops_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<int>("maxAttempts");
    const QList<FaultScenario> scenarios = FaultScenario::all();
    for (const FaultScenario &scenario : scenarios) {
        QTest::addRow("%s, 1 attempt", qPrintable(scenario.name)) << scenario.name << 1;
        QTest::addRow("%s, %d attempts", qPrintable(scenario.name), rideOutAttempts)
            << scenario.name << rideOutAttempts;
    }
}

void TestModelFaults::deliversEverySessionOnceOrStops()
{
    QFETCH(QString, scenario);
    QFETCH(int, maxAttempts);
    const FaultScenario fault = FaultScenario::byName(scenario);
    BackgroundEmulator emulator(fault.config());
    QString error;
    QVERIFY2(emulator.start(&error), qPrintable(error));

    ClientStack stack(emulator, maxAttempts);
    SessionTableModel model(&stack.client());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    tester.setUseFetchMore(false); // the test decides when pages are fetched
    model.setPageSize(pageSize);
    SessionQuery query;
    query.portalId = m_portal;
    model.setQuery(query);

    // Every row must arrive in the reference's place; no row may ever go away.
    QStringList misplaced;
    int rowsLost = 0;
    connect(&model, &QAbstractItemModel::rowsInserted, this, [&](const QModelIndex &, int first, int last) {
        for (int row = first; row <= last; ++row) {
            const QString id = model.session(row).sessionId;
            if (id != m_expected.value(row))
                misplaced.append(u"row %1: %2, expected %3"_s.arg(row).arg(id, m_expected.value(row)));
        }
    });
    connect(&model, &QAbstractItemModel::rowsRemoved, this, [&] { ++rowsLost; });
    connect(&model, &QAbstractItemModel::modelReset, this, [&] { ++rowsLost; });
    QList<AwsError> failures;
    QList<int> rowsAtFailure;
    connect(&model, &SessionTableModel::pageFailed, this, [&](const AwsError &failure) {
        failures.append(failure);
        rowsAtFailure.append(model.rowCount());
    });

    // Like the GUI: the view fetches a few pages as the user scrolls, then "Load all"; after an error
    // the user presses Retry (or Load all again) until the list is complete or retrying cannot help.
    int rounds = 0;
    while (!model.isComplete() && rounds < maxRounds) {
        ++rounds;
        if (model.hasError()) {
            if (!model.canRetry())
                break;
            const int rowsBefore = model.rowCount();
            if (rounds % 2 == 0)
                model.retry();
            else
                model.loadAll();
            QVERIFY(model.isLoading());
            QCOMPARE(model.rowCount(), rowsBefore);
        } else if (rounds <= 3) {
            QVERIFY(model.canFetchMore(QModelIndex()));
            model.fetchMore(QModelIndex());
        } else {
            model.loadAll();
        }
        // Until the model is idle: after the page (or, for Load all, the last page) or the failure.
        QSignalSpy loading(&model, &SessionTableModel::loadingChanged);
        while (model.isLoading())
            QVERIFY(loading.wait(pageTimeoutMs));
    }
    QVERIFY2(rounds < maxRounds, "the model kept loading without getting anywhere");
    QVERIFY2(misplaced.isEmpty(), qPrintable(misplaced.join(u'\n')));
    QCOMPARE(rowsLost, 0);
    QCOMPARE(model.duplicatesSkipped(), 0);
    for (int i = 1; i < rowsAtFailure.size(); ++i)
        QVERIFY(rowsAtFailure.at(i) >= rowsAtFailure.at(i - 1));

    qInfo("%d of %d rows, %d pages, %d failed page(s), %d retries, %d requests", model.rowCount(),
          int(m_expected.size()), model.pagesLoaded(), int(failures.size()), stack.retries(),
          stack.requestsSent());

    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.session(row).sessionId);

    for (const AwsError &failure : std::as_const(failures)) {
        QCOMPARE(failure.category(), fault.category);
        QCOMPARE(failure.action(), u"workspaces-web:ListSessions"_s);
        QVERIFY2(failure.userMessage().contains(fault.userMessageHint), qPrintable(failure.userMessage()));
    }

    switch (fault.outcome) {
    case FaultScenario::Outcome::Recoverable:
        QVERIFY(model.isComplete());
        QCOMPARE(ids, m_expected);
        QVERIFY2(stack.retries() > 0 || !failures.isEmpty(), "no fault was met: the test proves nothing");
        if (maxAttempts == 1) {
            QVERIFY2(!failures.isEmpty(), "with one attempt a fault must surface as a failed page");
            QCOMPARE(stack.retries(), 0);
        } else {
            QVERIFY2(failures.isEmpty(), qPrintable(failures.value(0).toLogLine()));
        }
        break;
    case FaultScenario::Outcome::Stops: {
        QVERIFY(!model.isComplete());
        QCOMPARE(failures.size(), 1);
        QVERIFY(model.hasError());
        QVERIFY(!model.canRetry());
        // What was shown is the reference's beginning (checked row by row above), and short of the end.
        QVERIFY(!ids.isEmpty());
        QVERIFY(ids.size() < m_expected.size());
        // Never spin: neither Retry, Load all nor scrolling starts another request.
        model.retry();
        model.loadAll();
        QVERIFY(!model.canFetchMore(QModelIndex()));
        model.fetchMore(QModelIndex());
        QVERIFY(!model.isLoading());
        QVERIFY(stack.requestsSent() <= (m_expected.size() / pageSize + 1) * maxAttempts);
        break;
    }
    case FaultScenario::Outcome::Transparent:
        QVERIFY(model.isComplete());
        QCOMPARE(ids, m_expected);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.value(0).toLogLine()));
        QCOMPARE(stack.skewCorrections(), 1);
        // The offset learnt from the Date header (whole seconds) is the emulator's.
        QVERIFY2(std::abs(stack.transport().clockSkewMs() - fault.plan.clockOffsetSeconds * 1000) < 5000,
                 qPrintable(QString::number(stack.transport().clockSkewMs())));
        break;
    }
}

QTEST_GUILESS_MAIN(TestModelFaults)
#include "tst_modelfaults.moc"
