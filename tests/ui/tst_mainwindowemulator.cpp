// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FaultInjectingGateway.h"
#include "MainWindow.h"
#include "common/AppSettings.h"
#include "common/MessageBanner.h"
#include "connection/DemoConnection.h"
#include "details/ClientAddressesSection.h"
#include "details/QAppSharingSection.h"
#include "details/SessionDetailPane.h"
#include "details/SessionSummarySection.h"
#include "portals/PortalSelector.h"
#include "sessions/ExpireSessionsDialog.h"
#include "sessions/SessionFilterBar.h"
#include "sessions/SessionTableModel.h"
#include "sessions/SessionTableView.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

using namespace Qt::StringLiterals;

/// The real MainWindow on the real stack: the emulator embedded on a background thread, reached through
/// AwsTransport, SigV4 and HTTP over loopback, exactly as `sessionscope --demo` does.
class TestMainWindowEmulator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void demoIsMarkedAndPortalsLoad();
    void choosingPortalShowsRowsAndScrollingAppends();
    void filtersSendTheirParameters();
    void startTimeSortToggles();
    void detailPaneShowsQAppSharingAndItsStates();
    void failedPageRetriesWithoutDuplicates();
    void expireUpdatesTheRow();

private:
    SessionTableModel *model() const { return m_window->sessionModel(); }
    void selectFirstRowWhere(const std::function<bool(const SessionSummary &)> &predicate);

    std::unique_ptr<DemoConnection> m_demo;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
    QPointer<FaultInjectingGateway> m_gateway;
};

void TestMainWindowEmulator::initTestCase()
{
    m_demo = std::make_unique<DemoConnection>(3, 400);
    QString error;
    QVERIFY2(m_demo->start(&error), qPrintable(error));
}

void TestMainWindowEmulator::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<AppSettings>(m_dir->filePath(u"settings.ini"_s));
    m_window = std::make_unique<MainWindow>(m_settings.get());
    m_window->resize(1200, 700);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_gateway = new FaultInjectingGateway(m_demo->createGateway(nullptr));
    m_window->setGateway(m_gateway);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->portalSelector()->comboBox()->count() > 0, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(model()->rowCount() > 0, 10000);
    QTRY_VERIFY(!model()->isLoading());
}

void TestMainWindowEmulator::cleanup()
{
    m_window.reset();
    m_settings.reset();
    m_dir.reset();
}

void TestMainWindowEmulator::selectFirstRowWhere(const std::function<bool(const SessionSummary &)> &predicate)
{
    for (int i = 0; i < 20 && !model()->isComplete(); ++i) {
        for (int row = 0; row < model()->rowCount(); ++row) {
            if (predicate(model()->session(row))) {
                m_window->sessionTableView()->selectRow(row);
                return;
            }
        }
        model()->fetchMore({});
        QTRY_VERIFY(!model()->isLoading());
    }
    QFAIL("no row matches");
}

void TestMainWindowEmulator::demoIsMarkedAndPortalsLoad()
{
    auto *demoLabel = m_window->findChild<QLabel *>(u"demoDataLabel"_s);
    QVERIFY(demoLabel);
    QVERIFY(demoLabel->isVisible());
    QVERIFY(m_window->windowTitle().contains(u"Demo"_s));
    QVERIFY(m_window->portalSelector()->comboBox()->count() >= 1);
    QCOMPARE(m_gateway->listRequests.first().portalId,
             m_window->portalSelector()->currentPortal().portalId());
}

void TestMainWindowEmulator::choosingPortalShowsRowsAndScrollingAppends()
{
    const QString firstId = model()->session(0).sessionId;
    const int before = model()->rowCount();
    const int requests = static_cast<int>(m_gateway->listRequests.size());
    QVERIFY(!model()->isComplete());
    m_window->sessionTableView()->scrollToBottom();
    QTRY_VERIFY_WITH_TIMEOUT(model()->rowCount() > before, 10000);
    QVERIFY(!m_gateway->listRequests.at(requests).nextToken.isEmpty());
    QCOMPARE(model()->session(0).sessionId, firstId);
    // Every session once, newest first.
    m_window->loadAll();
    QTRY_VERIFY_WITH_TIMEOUT(model()->isComplete(), 20000);
    QSet<QString> ids;
    for (int row = 0; row < model()->rowCount(); ++row) {
        ids.insert(model()->session(row).sessionId);
        if (row > 0)
            QVERIFY(model()->session(row - 1).startTime >= model()->session(row).startTime);
    }
    QCOMPARE(ids.size(), model()->rowCount());
}

void TestMainWindowEmulator::filtersSendTheirParameters()
{
    m_window->filterBar()->setFilters(ListSessionsRequest::StatusFilter::Terminated, {}, {});
    QTRY_VERIFY_WITH_TIMEOUT(model()->rowCount() > 0 && !model()->isLoading(), 10000);
    QCOMPARE(m_gateway->listRequests.last().status, ListSessionsRequest::StatusFilter::Terminated);
    for (int row = 0; row < model()->rowCount(); ++row)
        QCOMPARE(model()->session(row).status, SessionStatus::Terminated);

    const SessionSummary some = model()->session(model()->rowCount() / 2);
    m_window->filterBar()->setFilters(ListSessionsRequest::StatusFilter::Any, some.username, {});
    QTRY_VERIFY_WITH_TIMEOUT(model()->rowCount() > 0 && !model()->isLoading(), 10000);
    QCOMPARE(m_gateway->listRequests.last().username, some.username);
    QCOMPARE(m_gateway->listRequests.last().status, ListSessionsRequest::StatusFilter::Any);
    for (int row = 0; row < model()->rowCount(); ++row)
        QCOMPARE(model()->session(row).username, some.username);

    m_window->filterBar()->setFilters(ListSessionsRequest::StatusFilter::Any, {}, some.sessionId);
    QTRY_VERIFY_WITH_TIMEOUT(model()->isComplete(), 10000);
    QCOMPARE(m_gateway->listRequests.last().sessionId, some.sessionId);
    QCOMPARE(model()->rowCount(), 1);
    QCOMPARE(model()->session(0).sessionId, some.sessionId);
}

void TestMainWindowEmulator::startTimeSortToggles()
{
    const QDateTime newest = model()->session(0).startTime;
    QHeaderView *header = m_window->sessionTableView()->horizontalHeader();
    const int start = int(SessionTableModel::Column::StartTime);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                      QPoint(header->sectionViewportPosition(start) + 10, header->height() / 2));
    QTRY_COMPARE(m_gateway->listRequests.last().sort, ListSessionsRequest::Sort::OldestFirst);
    QTRY_VERIFY_WITH_TIMEOUT(model()->rowCount() > 1 && !model()->isLoading(), 10000);
    QVERIFY(model()->session(0).startTime < newest);
    QVERIFY(model()->session(0).startTime <= model()->session(1).startTime);
    QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
}

void TestMainWindowEmulator::detailPaneShowsQAppSharingAndItsStates()
{
    SessionDetailPane *pane = m_window->detailPane();
    QAppSharingSection *qapp = pane->qAppSharingSection();
    // The demo connection names the Q Business instance, so sharing is configured.
    selectFirstRowWhere([](const SessionSummary &) { return true; });
    const QString id = pane->summarySection()->session().sessionId;
    QVERIFY(!id.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(pane->clientAddressesSection()->state() == ClientAddressesSection::State::Loaded,
                             10000);
    QTRY_VERIFY_WITH_TIMEOUT(qapp->state() != QAppSharingSection::State::Loading, 10000);
    QVERIFY2(qapp->state() == QAppSharingSection::State::Loaded ||
                 qapp->state() == QAppSharingSection::State::NotFound,
             qPrintable(QString::number(int(qapp->state()))));

    // Find one session with a Q App session and one without among the first rows.
    bool sawLoaded = false;
    bool sawNotFound = false;
    for (int row = 0; row < std::min(model()->rowCount(), 60) && !(sawLoaded && sawNotFound); ++row) {
        m_window->sessionTableView()->selectRow(row);
        QTRY_VERIFY_WITH_TIMEOUT(qapp->state() != QAppSharingSection::State::Loading, 10000);
        if (qapp->state() == QAppSharingSection::State::Loaded) {
            sawLoaded = true;
            QCOMPARE(qapp->metadata().sessionId, model()->session(row).sessionId);
            QVERIFY(!qapp->metadata().sessionArn.isEmpty());
            QVERIFY(qapp->metadata().sessionOwner.has_value());
            if (const QString dir = qEnvironmentVariable("SESSIONSCOPE_SCREENSHOT_DIR"); !dir.isEmpty())
                QVERIFY(m_window->grab().save(dir + u"/tst_mainwindowemulator-details.png"_s));
        } else if (qapp->state() == QAppSharingSection::State::NotFound) {
            sawNotFound = true;
        }
    }
    QVERIFY(sawLoaded);
    QVERIFY(sawNotFound);

    // Without an instance id: "not configured", with a way to set it.
    pane->setQBusinessInstanceId({});
    m_window->sessionTableView()->selectRow(0);
    QTRY_COMPARE(qapp->state(), QAppSharingSection::State::NotConfigured);
    auto *action = qapp->findChild<QPushButton *>(u"stateActionPushButton"_s);
    QVERIFY(action && action->isVisible());
}

void TestMainWindowEmulator::failedPageRetriesWithoutDuplicates()
{
    const int before = model()->rowCount();
    m_gateway->failNext(u"ListSessions"_s, AwsError(AwsError::Category::Throttled, u"Rate exceeded"_s)
                                               .setCode(u"ThrottlingException"_s)
                                               .setHttpStatus(429)
                                               .setAction(u"workspaces-web:ListSessions"_s));
    m_window->sessionTableView()->scrollToBottom();
    MessageBanner *banner = m_window->messageBanner();
    QTRY_VERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(u"limiting"_s, Qt::CaseInsensitive), qPrintable(banner->text()));
    QCOMPARE(model()->rowCount(), before);
    const qsizetype failedAt = m_gateway->listRequests.size() - 1;
    const QString failedToken = m_gateway->listRequests.at(failedAt).nextToken;
    auto *retry = banner->findChild<QPushButton *>(u"bannerActionPushButton"_s);
    QVERIFY(retry && retry->isVisible());
    QTest::mouseClick(retry, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(model()->rowCount() > before, 10000);
    // The retry, not the failed request itself, asked for the same page.
    bool retried = false;
    for (qsizetype i = failedAt + 1; i < m_gateway->listRequests.size() && !retried; ++i)
        retried = m_gateway->listRequests.at(i).nextToken == failedToken;
    QVERIFY(retried);
    QTRY_VERIFY(!banner->isVisible());
    m_window->loadAll();
    QTRY_VERIFY_WITH_TIMEOUT(model()->isComplete(), 20000);
    QSet<QString> ids;
    for (int row = 0; row < model()->rowCount(); ++row)
        ids.insert(model()->session(row).sessionId);
    QCOMPARE(ids.size(), model()->rowCount());
}

void TestMainWindowEmulator::expireUpdatesTheRow()
{
    m_window->filterBar()->setFilters(ListSessionsRequest::StatusFilter::Active, {}, {});
    QTRY_VERIFY_WITH_TIMEOUT(model()->rowCount() > 0 && !model()->isLoading(), 10000);
    const SessionSummary target = model()->session(0);
    QCOMPARE(target.status, SessionStatus::Active);
    m_window->sessionTableView()->selectRow(0);
    m_window->expireSelectedSessions();
    ExpireSessionsDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<ExpireSessionsDialog *>()) != nullptr);
    QCOMPARE(dialog->resultText(target.sessionId), u"Not started"_s);
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"expireConfirmPushButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->phase() == ExpireSessionsDialog::Phase::Done, 10000);
    QCOMPARE(dialog->resultText(target.sessionId), u"Expired"_s);
    const int row = model()->rowOfSession(target.sessionId);
    QVERIFY(row >= 0);
    QTRY_COMPARE_WITH_TIMEOUT(model()->session(row).status, SessionStatus::Terminated, 10000);
    QVERIFY(model()->session(row).endTime.isValid());
}

QTEST_MAIN(TestMainWindowEmulator)
#include "tst_mainwindowemulator.moc"
