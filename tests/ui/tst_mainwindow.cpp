// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeServiceGateway.h"
#include "MainWindow.h"
#include "common/AppSettings.h"
#include "common/MessageBanner.h"
#include "details/ClientAddressesSection.h"
#include "details/QAppSharingSection.h"
#include "details/SessionDetailPane.h"
#include "details/SessionSummarySection.h"
#include "portals/PortalSelector.h"
#include "sessions/ExpireSessionsDialog.h"
#include "sessions/SessionFilterBar.h"
#include "sessions/SessionStatusLine.h"
#include "sessions/SessionTableModel.h"
#include "sessions/SessionTableView.h"

#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSet>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

using namespace Qt::StringLiterals;

/// The main window driven through its widgets, on an in-memory gateway whose answers and faults the
/// test controls exactly. tst_mainwindowemulator runs the same window on the real stack.
class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void portalsArePagedAndRowsAppear();
    void lastPortalIsRemembered();
    void scrollingToTheEndAppendsTheNextPage();
    void loadAllWorksFromTheKeyboardWhileAPageLoads();
    void filtersRestartPaging_data();
    void filtersRestartPaging();
    void usernameFilterWaitsForTypingToStop();
    void staleAnswersNeverShow();
    void startTimeHeaderTogglesServiceSort();
    void otherColumnsSortOnlyWhenAllLoaded();
    void columnLayoutIsKeptAcrossConnectionsAndRestarts();
    void filtersAndTimeModeAreRemembered();
    void selectingSessionFillsDetailPane();
    void qAppSharingStates();
    void failedPageRetriesWithoutDuplicates();
    void throttlingRetryIsAnnounced();
    void anExpiredSignInIsABannerWithSignInAgain();
    void theConnectionLabelSaysWhoTheCredentialsBelongTo();
    void expireUpdatesTheRow();
    void copyRowsAsTsv();
    void everyWidgetIsNamed();

private:
    void showWindow();
    SessionTableModel *model() const { return m_window->sessionModel(); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
    QPointer<FakeServiceGateway> m_gateway;
    QString m_portalId;
};

void TestMainWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<AppSettings>(m_dir->filePath(u"settings.ini"_s));
    m_gateway = new FakeServiceGateway;
    for (int i = 0; i < 3; ++i)
        m_gateway->portals.append(FakeServiceGateway::makePortal(u"Portal %1"_s.arg(i), i));
    m_portalId = m_gateway->portals.first().portalId();
    m_gateway->sessions.insert(m_portalId,
                               FakeServiceGateway::makeSessions(m_gateway->portals.first().portalArn, 60));
    m_gateway->sessions.insert(m_gateway->portals.at(1).portalId(),
                               FakeServiceGateway::makeSessions(m_gateway->portals.at(1).portalArn, 5));
    m_window = std::make_unique<MainWindow>(m_settings.get());
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    m_settings.reset();
    m_dir.reset();
}

void TestMainWindow::showWindow()
{
    m_window->resize(1200, 700);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->setGateway(m_gateway);
    QTRY_COMPARE(m_window->portalSelector()->comboBox()->count(), 3);
    QTRY_VERIFY(model() && model()->rowCount() > 0);
}

void TestMainWindow::portalsArePagedAndRowsAppear()
{
    showWindow();
    QCOMPARE(m_gateway->calls.count(u"ListPortals"_s), 2); // two pages of two portals
    QCOMPARE(m_window->portalSelector()->currentPortal().portalId(), m_portalId);
    QVERIFY(m_window->portalSelector()->comboBox()->currentText().contains(u"Portal 0"_s));
    QVERIFY(m_window->portalSelector()->comboBox()->currentText().contains(u"active"_s));
    QCOMPARE(m_gateway->listRequests.first().portalId, m_portalId);
    QCOMPARE(m_gateway->listRequests.first().nextToken, QString());
    QCOMPARE(model()->index(0, 0).data().toString(), m_gateway->sessions.value(m_portalId).first().sessionId);
    QTRY_VERIFY(m_window->statusLine()->text().contains(u"loaded"_s));

    // Another portal: its rows, and none of the first portal's.
    m_window->portalSelector()->comboBox()->setCurrentIndex(1);
    QTRY_COMPARE(model()->rowCount(), 5);
    QCOMPARE(m_gateway->listRequests.last().portalId, m_gateway->portals.at(1).portalId());
    QTRY_VERIFY(m_window->statusLine()->text().contains(u"all loaded"_s));
}

void TestMainWindow::lastPortalIsRemembered()
{
    showWindow();
    m_window->portalSelector()->comboBox()->setCurrentIndex(1);
    QTRY_COMPARE(model()->rowCount(), 5);
    const QList<Portal> portals = m_gateway->portals;
    m_window.reset(); // owns the gateway
    m_window = std::make_unique<MainWindow>(m_settings.get());
    auto *gateway = new FakeServiceGateway;
    gateway->portals = portals;
    m_window->show();
    m_window->setGateway(gateway);
    QTRY_COMPARE(m_window->portalSelector()->comboBox()->count(), 3);
    QCOMPARE(m_window->portalSelector()->currentPortal().portalId(), gateway->portals.at(1).portalId());
}

void TestMainWindow::scrollingToTheEndAppendsTheNextPage()
{
    showWindow();
    // The first page may already have been followed by more to fill the viewport; wait until quiet.
    QTRY_VERIFY(!model()->isLoading());
    const int before = model()->rowCount();
    const int requests = static_cast<int>(m_gateway->listRequests.size());
    QVERIFY(before < 60);
    m_window->sessionTableView()->scrollToBottom();
    QTRY_VERIFY(model()->rowCount() > before);
    QVERIFY(m_gateway->listRequests.size() > requests);
    QCOMPARE(m_gateway->listRequests.at(requests).nextToken, u"tok/%1"_s.arg(before));
    // Rows were appended: the first rows are unchanged.
    QCOMPARE(model()->index(0, 0).data().toString(), m_gateway->sessions.value(m_portalId).first().sessionId);
    // Keep scrolling to the end: every session once, then "all loaded".
    QTRY_VERIFY((m_window->sessionTableView()->scrollToBottom(), model()->isComplete()));
    QCOMPARE(model()->rowCount(), 60);
    QVERIFY(m_window->statusLine()->text().contains(u"60"_s));
    QVERIFY(m_window->statusLine()->text().contains(u"all loaded"_s));
}

void TestMainWindow::loadAllWorksFromTheKeyboardWhileAPageLoads()
{
    showWindow();
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTRY_VERIFY(!model()->isLoading());
    auto *loadAll = m_window->statusLine()->findChild<QPushButton *>(u"loadAllPushButton"_s);
    auto *cancel = m_window->statusLine()->findChild<QPushButton *>(u"cancelLoadAllPushButton"_s);
    QVERIFY(loadAll && cancel);
    QVERIFY(loadAll->isVisible() && !cancel->isVisible());

    // A page on its way leaves Load all in place and usable: it never drops out of the Tab order.
    m_gateway->holdAnswers(u"ListSessions"_s, true);
    m_window->sessionTableView()->scrollToBottom();
    QTRY_VERIFY(model()->isLoading());
    QVERIFY(loadAll->isVisible() && loadAll->isEnabled());

    // Space on Load all: Cancel takes its place and the focus.
    loadAll->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(loadAll->hasFocus());
    QTest::keyClick(loadAll, Qt::Key_Space);
    QVERIFY(model()->isLoadingAll());
    QVERIFY(cancel->isVisible() && !loadAll->isVisible());
    QVERIFY2(cancel->hasFocus(), QApplication::focusWidget()
                                     ? QApplication::focusWidget()->objectName().toUtf8().constData()
                                     : "no focus");

    // Space on Cancel: back to Load all, focus and all, and the rows already loaded stay.
    const int loaded = model()->rowCount();
    QTest::keyClick(cancel, Qt::Key_Space);
    QVERIFY(!model()->isLoadingAll());
    QVERIFY(loadAll->isVisible() && !cancel->isVisible());
    QVERIFY(loadAll->hasFocus());
    QCOMPARE(model()->rowCount(), loaded);

    // Load all again, answers flowing: every session once, and both buttons gone.
    m_gateway->holdAnswers(u"ListSessions"_s, false);
    m_gateway->release(u"ListSessions"_s);
    QTest::keyClick(loadAll, Qt::Key_Space);
    QTRY_VERIFY(model()->isComplete());
    QCOMPARE(model()->rowCount(), 60);
    QVERIFY(!loadAll->isVisible() && !cancel->isVisible());
    QVERIFY(m_window->statusLine()->text().contains(u"all loaded"_s));
}

void TestMainWindow::filtersRestartPaging_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("username");
    QTest::addColumn<bool>("bySessionId");
    QTest::addColumn<int>("expectedRows");

    QTest::newRow("active") << int(ListSessionsRequest::StatusFilter::Active) << QString() << false << 20;
    QTest::newRow("terminated") << int(ListSessionsRequest::StatusFilter::Terminated) << QString() << false
                                << 40;
    QTest::newRow("username") << int(ListSessionsRequest::StatusFilter::Any) << u"user3@example.com"_s
                              << false << 9;
    QTest::newRow("session id") << int(ListSessionsRequest::StatusFilter::Any) << QString() << true << 1;
}

void TestMainWindow::filtersRestartPaging()
{
    QFETCH(int, status);
    QFETCH(QString, username);
    QFETCH(bool, bySessionId);
    QFETCH(int, expectedRows);

    showWindow();
    const QString sessionId = bySessionId ? m_gateway->sessions.value(m_portalId).at(7).sessionId : QString();
    m_window->filterBar()->setFilters(ListSessionsRequest::StatusFilter(status), username, sessionId);
    QTRY_VERIFY(!model()->isLoading());
    m_window->loadAll();
    QTRY_VERIFY(model()->isComplete());
    QCOMPARE(model()->rowCount(), expectedRows);
    const ListSessionsRequest last = m_gateway->listRequests.last();
    QCOMPARE(int(last.status), status);
    QCOMPARE(last.username, username);
    QCOMPARE(last.sessionId, sessionId);
    for (int row = 0; row < model()->rowCount(); ++row) {
        const auto s = model()->session(row);
        if (status == int(ListSessionsRequest::StatusFilter::Active))
            QCOMPARE(s.status, SessionStatus::Active);
        if (status == int(ListSessionsRequest::StatusFilter::Terminated))
            QCOMPARE(s.status, SessionStatus::Terminated);
        if (!username.isEmpty())
            QCOMPARE(s.username, username);
        if (!sessionId.isEmpty())
            QCOMPARE(s.sessionId, sessionId);
    }
    // The first request of the new list started from the beginning.
    int firstOfQuery = static_cast<int>(m_gateway->listRequests.size()) - 1;
    while (firstOfQuery > 0 && m_gateway->listRequests.at(firstOfQuery - 1).sameQuery(last))
        --firstOfQuery;
    QCOMPARE(m_gateway->listRequests.at(firstOfQuery).nextToken, QString());
}

void TestMainWindow::usernameFilterWaitsForTypingToStop()
{
    showWindow();
    QTRY_VERIFY(!model()->isLoading());
    const int requests = static_cast<int>(m_gateway->listRequests.size());
    QLineEdit *edit = m_window->findChild<QLineEdit *>(u"usernameLineEdit"_s);
    QVERIFY(edit);
    QSignalSpy changed(m_window->filterBar(), &SessionFilterBar::filtersChanged);
    QTest::keyClicks(edit, u"user1@example.com"_s);
    // Nothing is asked while typing; one request after the pause. (The unfiltered list may still ask for
    // a page of its own on a slow machine, so the test looks for the filtered request, not at a position.)
    QCOMPARE(changed.count(), 0);
    for (qsizetype i = requests; i < m_gateway->listRequests.size(); ++i)
        QVERIFY(m_gateway->listRequests.at(i).username.isEmpty());
    QVERIFY(changed.wait(2000));
    QCOMPARE(changed.count(), 1);
    QTRY_VERIFY(m_gateway->listRequests.size() > requests &&
                m_gateway->listRequests.last().username == u"user1@example.com"_s);
    QCOMPARE(m_gateway->listRequests.last().nextToken, QString());
    // Enter applies at once.
    edit->clear();
    QCOMPARE(changed.count(), 2);
    QTest::keyClicks(edit, u"user2@example.com"_s);
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(changed.count(), 3);
    QCOMPARE(m_window->filterBar()->username(), u"user2@example.com"_s);
}

void TestMainWindow::staleAnswersNeverShow()
{
    showWindow();
    QTRY_VERIFY(!model()->isLoading());
    m_gateway->holdAnswers(u"ListSessions"_s, true);
    m_window->filterBar()->setFilters(ListSessionsRequest::StatusFilter::Terminated, {}, {});
    QTRY_VERIFY(model()->isLoading());
    // The user changes the filter again before the answer came.
    m_window->filterBar()->setFilters(ListSessionsRequest::StatusFilter::Active, {}, {});
    QTRY_VERIFY(model()->isLoading());
    m_gateway->holdAnswers(u"ListSessions"_s, false);
    m_gateway->release(u"ListSessions"_s);
    QTRY_VERIFY(model()->rowCount() > 0);
    QTest::qWait(50);
    for (int row = 0; row < model()->rowCount(); ++row)
        QCOMPARE(model()->session(row).status, SessionStatus::Active);
}

void TestMainWindow::startTimeHeaderTogglesServiceSort()
{
    showWindow();
    QTRY_VERIFY(!model()->isLoading());
    SessionTableView *view = m_window->sessionTableView();
    QHeaderView *header = view->horizontalHeader();
    const int start = int(SessionTableModel::Column::StartTime);
    QCOMPARE(header->sortIndicatorSection(), start);
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                      QPoint(header->sectionViewportPosition(start) + 10, header->height() / 2));
    QTRY_COMPARE(m_gateway->listRequests.last().sort, ListSessionsRequest::Sort::OldestFirst);
    QTRY_VERIFY(model()->rowCount() > 0);
    QCOMPARE(header->sortIndicatorSection(), start);
    QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
    QCOMPARE(model()->index(0, 0).data().toString(), m_gateway->sessions.value(m_portalId).last().sessionId);
    // The new order starts from the first page.
    const auto first = std::find_if(
        m_gateway->listRequests.cbegin(), m_gateway->listRequests.cend(),
        [](const ListSessionsRequest &r) { return r.sort == ListSessionsRequest::Sort::OldestFirst; });
    QCOMPARE(first->nextToken, QString());
    // And back.
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                      QPoint(header->sectionViewportPosition(start) + 10, header->height() / 2));
    QTRY_COMPARE(m_gateway->listRequests.last().sort, ListSessionsRequest::Sort::NewestFirst);
    QTRY_COMPARE(model()->index(0, 0).data().toString(),
                 m_gateway->sessions.value(m_portalId).first().sessionId);
}

void TestMainWindow::otherColumnsSortOnlyWhenAllLoaded()
{
    showWindow();
    QTRY_VERIFY(!model()->isLoading());
    QHeaderView *header = m_window->sessionTableView()->horizontalHeader();
    const int username = int(SessionTableModel::Column::Username);
    const int start = int(SessionTableModel::Column::StartTime);
    const QString firstBefore = model()->index(0, 0).data().toString();
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                      QPoint(header->sectionViewportPosition(username) + 10, header->height() / 2));
    // Refused while partial: same order, indicator still on Start time, and the status bar says why.
    QCOMPARE(header->sortIndicatorSection(), start);
    QCOMPARE(model()->index(0, 0).data().toString(), firstBefore);
    QVERIFY(!m_window->statusBar()->currentMessage().isEmpty());

    m_window->loadAll();
    QTRY_VERIFY(model()->isComplete());
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                      QPoint(header->sectionViewportPosition(username) + 10, header->height() / 2));
    QTRY_COMPARE(header->sortIndicatorSection(), username);
    for (int row = 1; row < model()->rowCount(); ++row)
        QVERIFY(model()->index(row - 1, username).data().toString() <=
                model()->index(row, username).data().toString());
    // A new query makes the list partial again: back to the service's order.
    m_window->filterBar()->setFilters(ListSessionsRequest::StatusFilter::Active, {}, {});
    QTRY_COMPARE(header->sortIndicatorSection(), start);
}

void TestMainWindow::columnLayoutIsKeptAcrossConnectionsAndRestarts()
{
    showWindow();
    const int username = int(SessionTableModel::Column::Username);
    const int start = int(SessionTableModel::Column::StartTime);
    SessionTableView *view = m_window->sessionTableView();
    QCOMPARE(view->horizontalHeader()->sectionSize(username), 180); // the view's default
    view->horizontalHeader()->resizeSection(username, 240);
    view->horizontalHeader()->moveSection(view->horizontalHeader()->visualIndex(start), 0);

    // Another connection: a new model, the same layout.
    auto *other = new FakeServiceGateway;
    other->portals = m_gateway->portals;
    other->sessions = m_gateway->sessions;
    m_window->setGateway(other);
    QTRY_VERIFY(model() && model()->rowCount() > 0);
    QCOMPARE(view->horizontalHeader()->sectionSize(username), 240);
    QCOMPARE(view->horizontalHeader()->visualIndex(start), 0);

    // Closing saves it; the next window shows it before and after connecting.
    const QList<Portal> portals = other->portals;
    const auto sessions = other->sessions;
    m_window->close();
    m_window.reset(); // owns the gateway
    m_window = std::make_unique<MainWindow>(m_settings.get());
    QVERIFY(!m_window->sessionTableView()->viewState().isEmpty());
    m_gateway = new FakeServiceGateway;
    m_gateway->portals = portals;
    m_gateway->sessions = sessions;
    showWindow();
    QHeaderView *header = m_window->sessionTableView()->horizontalHeader();
    QCOMPARE(header->sectionSize(username), 240);
    QCOMPARE(header->visualIndex(start), 0);
    // The saved header's sort indicator never overrides the model's order.
    QCOMPARE(header->sortIndicatorSection(), model()->sortColumn());

    // A layout that cannot be read gives the defaults.
    QVERIFY(!m_window->sessionTableView()->setViewState(QByteArray("not a header state")));
    QCOMPARE(header->sectionSize(username), 180);
    QCOMPARE(header->visualIndex(start), start);
}

void TestMainWindow::filtersAndTimeModeAreRemembered()
{
    showWindow();
    m_window->filterBar()->setFilters(ListSessionsRequest::StatusFilter::Terminated, u"carol"_s, {});
    m_window->setTimesInUtc(true);
    // Written when they change, not only on closing.
    QCOMPARE(m_settings->value(AppSettings::Key::StatusFilter).toInt(),
             int(ListSessionsRequest::StatusFilter::Terminated));
    QCOMPARE(m_settings->value(AppSettings::Key::UsernameFilter).toString(), u"carol"_s);
    QCOMPARE(m_settings->value(AppSettings::Key::TimeModeUtc).toBool(), true);

    m_window.reset();
    m_window = std::make_unique<MainWindow>(m_settings.get());
    QCOMPARE(m_window->filterBar()->statusFilter(), ListSessionsRequest::StatusFilter::Terminated);
    QCOMPARE(m_window->filterBar()->username(), u"carol"_s);
    QVERIFY(m_window->findChild<QAction *>(u"utcAction"_s)->isChecked());
}

void TestMainWindow::selectingSessionFillsDetailPane()
{
    m_gateway->setDescription([] {
        ServiceGateway::Description d;
        d.profileName = u"test"_s;
        d.region = u"eu-west-1"_s;
        d.target = u"fake"_s;
        d.qBusinessInstanceId = u"11111111-2222-4333-8444-555555555555"_s;
        return d;
    }());
    const SessionSummary second = m_gateway->sessions.value(m_portalId).at(1);
    m_gateway->clientAddresses.insert(second.sessionId, {u"198.51.100.7"_s, u"2001:db8::7"_s});
    QAppSessionMetadata meta;
    meta.sessionId = second.sessionId;
    meta.sessionArn = u"arn:aws:qapps:eu-west-1:111122223333:application/x/qappsession/"_s + second.sessionId;
    meta.sessionName = u"Quarterly review"_s;
    meta.sharingConfiguration.enabled = true;
    meta.sharingConfiguration.acceptResponses = false;
    meta.sharingConfiguration.revealCards = true;
    meta.sessionOwner = true;
    m_gateway->qAppSessions.insert(second.sessionId, meta);
    showWindow();

    m_window->sessionTableView()->selectRow(1);
    SessionDetailPane *pane = m_window->detailPane();
    QTRY_COMPARE(pane->clientAddressesSection()->state(), ClientAddressesSection::State::Loaded);
    QCOMPARE(pane->clientAddressesSection()->addresses(), QStringList({u"198.51.100.7"_s, u"2001:db8::7"_s}));
    QCOMPARE(pane->summarySection()->session().sessionId, second.sessionId);
    auto *idValue = pane->findChild<QWidget *>(u"sessionIdCopyableValue"_s);
    QVERIFY(idValue && idValue->isVisible());
    QTRY_COMPARE(pane->qAppSharingSection()->state(), QAppSharingSection::State::Loaded);
    QCOMPARE(pane->qAppSharingSection()->metadata().sessionName, u"Quarterly review"_s);
    const auto *sharing = pane->findChild<QLabel *>(u"valueLabel"_s);
    QVERIFY(sharing);
    QStringList texts;
    for (auto *label : pane->findChildren<QLabel *>(u"valueLabel"_s))
        texts.append(label->text());
    QVERIFY2(texts.contains(u"On: the session is shared"_s), qPrintable(texts.join(u" | "_s)));
    QVERIFY(texts.contains(u"Off: does not accept responses"_s));
    QVERIFY(texts.contains(u"On: reveals cards"_s));
    QVERIFY(texts.contains(u"Yes, you own this session"_s));
    // For a person to look at: SESSIONSCOPE_SCREENSHOT_DIR=/tmp ./tst_mainwindow
    if (const QString dir = qEnvironmentVariable("SESSIONSCOPE_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(m_window->grab().save(dir + u"/tst_mainwindow-details.png"_s));

    // Changing the selection while answers are outstanding: only the last selection's answers count.
    m_gateway->holdAnswers(u"GetSession"_s, true);
    m_window->sessionTableView()->selectRow(2);
    m_window->sessionTableView()->selectRow(1);
    m_gateway->holdAnswers(u"GetSession"_s, false);
    m_gateway->release(u"GetSession"_s);
    QTRY_COMPARE(pane->clientAddressesSection()->state(), ClientAddressesSection::State::Loaded);
    QCOMPARE(pane->summarySection()->session().sessionId, second.sessionId);
    QCOMPARE(pane->clientAddressesSection()->addresses().size(), 2);

    // The service no longer knows the session: said plainly, and no Retry that would get the same 404.
    // A failure that may pass (here the network) offers Retry, and Retry asks again.
    auto *addresses = pane->clientAddressesSection();
    auto *addressAction = addresses->findChild<QPushButton *>(u"stateActionPushButton"_s);
    QVERIFY(addressAction);
    m_gateway->failNext(u"GetSession"_s, AwsError(AwsError::Category::NotFound, u"Session not found"_s)
                                             .setCode(u"ResourceNotFoundException"_s)
                                             .setHttpStatus(404));
    m_window->sessionTableView()->selectRow(3);
    QTRY_COMPARE(addresses->state(), ClientAddressesSection::State::NotFound);
    QVERIFY(!addressAction->isVisible());
    m_gateway->failNext(u"GetSession"_s, AwsError(AwsError::Category::Network, u"Connection refused"_s));
    m_window->sessionTableView()->selectRow(4);
    QTRY_COMPARE(addresses->state(), ClientAddressesSection::State::Failed);
    QVERIFY(addressAction->isVisible());
    QCOMPARE(addressAction->text(), u"Retry"_s);
    QTest::mouseClick(addressAction, Qt::LeftButton);
    QTRY_COMPARE(addresses->state(), ClientAddressesSection::State::Loaded);
}

void TestMainWindow::qAppSharingStates()
{
    showWindow();
    SessionDetailPane *pane = m_window->detailPane();
    QAppSharingSection *qapp = pane->qAppSharingSection();
    // No instance id configured anywhere: "not configured", no request.
    m_window->sessionTableView()->selectRow(0);
    QTRY_COMPARE(qapp->state(), QAppSharingSection::State::NotConfigured);
    QVERIFY(!m_gateway->calls.join(u' ').contains(u"GetQAppSessionMetadata"_s));
    // The dialog that sets the instance id (File menu, or the section's button); it shows the current id.
    const auto answerInstanceDialog = [this](const QString &current, const QString &id) {
        QPointer<QInputDialog> dialog;
        QTRY_VERIFY((dialog = m_window->findChild<QInputDialog *>(u"instanceIdInputDialog"_s)) &&
                    dialog->isVisible());
        QCOMPARE(dialog->textValue(), current);
        dialog->setTextValue(id);
        dialog->accept();
        QTRY_VERIFY(!dialog); // deleted on close
    };
    // Set it: the same session is looked up, and there is no Q App session with that id.
    m_window->editQBusinessInstanceId();
    answerInstanceDialog(QString(), u"11111111-2222-4333-8444-555555555555"_s);
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE(qapp->state(), QAppSharingSection::State::NotFound);
    // Asking again would give the same 404: what is offered is another instance, in the same dialog.
    auto *action = qapp->findChild<QPushButton *>(u"stateActionPushButton"_s);
    QVERIFY(action && action->isVisible());
    QCOMPARE(action->text(), u"Change i&nstance ID…"_s);
    const auto lookups = [this] { return m_gateway->calls.filter(u"GetQAppSessionMetadata"_s).size(); };
    const qsizetype lookupsBefore = lookups();
    QTest::mouseClick(action, Qt::LeftButton);
    answerInstanceDialog(u"11111111-2222-4333-8444-555555555555"_s,
                         u"99999999-2222-4333-8444-555555555555"_s);
    QTRY_VERIFY(lookups() > lookupsBefore);
    QTRY_COMPARE(qapp->state(), QAppSharingSection::State::NotFound);
    auto *stateText = qapp->findChild<QLabel *>(u"stateTextLabel"_s);
    QVERIFY2(stateText->text().contains(u"99999999-2222"_s), qPrintable(stateText->text()));
    // Access denied speaks of the action.
    m_gateway->failNext(u"GetQAppSessionMetadata"_s,
                        AwsError(AwsError::Category::AccessDenied, u"User is not authorized"_s)
                            .setCode(u"AccessDeniedException"_s)
                            .setHttpStatus(403)
                            .setAction(u"qapps:GetQAppSessionMetadata"_s));
    QLineEdit *lookup = pane->findChild<QLineEdit *>(u"qAppSessionIdLineEdit"_s);
    QVERIFY(lookup);
    lookup->setText(u"aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"_s);
    QTest::keyClick(lookup, Qt::Key_Return);
    QTRY_COMPARE(qapp->state(), QAppSharingSection::State::AccessDenied);
    // An id that cannot be a Q App session id is not sent.
    lookup->setText(u"NOT-A-UUID"_s);
    QTest::keyClick(lookup, Qt::Key_Return);
    QCOMPARE(qapp->state(), QAppSharingSection::State::InvalidId);
}

void TestMainWindow::failedPageRetriesWithoutDuplicates()
{
    showWindow();
    QTRY_VERIFY(!model()->isLoading());
    const int before = model()->rowCount();
    m_gateway->failNext(u"ListSessions"_s, AwsError(AwsError::Category::Network, u"Connection refused"_s)
                                               .setAction(u"workspaces-web:ListSessions"_s));
    m_window->sessionTableView()->scrollToBottom();
    MessageBanner *banner = m_window->messageBanner();
    QTRY_VERIFY(banner->isVisible());
    QCOMPARE(banner->severity(), MessageBanner::Severity::Error);
    QVERIFY(!banner->text().isEmpty());
    QCOMPARE(model()->rowCount(), before);
    auto *retry = banner->findChild<QPushButton *>(u"bannerActionPushButton"_s);
    QVERIFY(retry && retry->isVisible());
    const qsizetype failedAt = m_gateway->listRequests.size() - 1;
    const QString failedToken = m_gateway->listRequests.at(failedAt).nextToken;
    QVERIFY(!failedToken.isEmpty());
    QTest::mouseClick(retry, Qt::LeftButton);
    QTRY_VERIFY(model()->rowCount() > before);
    // Nothing is asked while the error shows; the retry asks for the very page that failed.
    QVERIFY(m_gateway->listRequests.size() > failedAt + 1);
    QCOMPARE(m_gateway->listRequests.at(failedAt + 1).nextToken, failedToken);
    QTRY_VERIFY(!banner->isVisible());
    m_window->loadAll();
    QTRY_VERIFY(model()->isComplete());
    QSet<QString> ids;
    for (int row = 0; row < model()->rowCount(); ++row)
        ids.insert(model()->session(row).sessionId);
    QCOMPARE(ids.size(), 60);
    QCOMPARE(model()->rowCount(), 60);
}

void TestMainWindow::throttlingRetryIsAnnounced()
{
    showWindow();
    Q_EMIT m_gateway->retrying(
        u"workspaces-web:ListSessions"_s, 2, 1500,
        AwsError(AwsError::Category::Throttled, u"Rate exceeded"_s).setCode(u"ThrottlingException"_s));
    MessageBanner *banner = m_window->messageBanner();
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(u"AWS is limiting requests; retrying in 2 s"_s),
             qPrintable(banner->text()));
    m_window->refresh();
    QTRY_VERIFY(model()->rowCount() > 0);
}

void TestMainWindow::expireUpdatesTheRow()
{
    showWindow();
    QTRY_VERIFY(!model()->isLoading());
    // Row 0 and 3 are active (every third session), row 1 is not.
    QCOMPARE(model()->session(0).status, SessionStatus::Active);
    SessionTableView *view = m_window->sessionTableView();
    view->selectionModel()->select(model()->index(0, 0),
                                   QItemSelectionModel::Select | QItemSelectionModel::Rows);
    view->selectionModel()->select(model()->index(1, 0),
                                   QItemSelectionModel::Select | QItemSelectionModel::Rows);
    view->selectionModel()->select(model()->index(3, 0),
                                   QItemSelectionModel::Select | QItemSelectionModel::Rows);
    m_window->expireSelectedSessions();
    ExpireSessionsDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<ExpireSessionsDialog *>()) != nullptr);
    QTRY_VERIFY(dialog->isVisible());
    // Only the active ones are listed.
    QVERIFY(!dialog->resultText(model()->session(0).sessionId).isEmpty());
    QVERIFY(!dialog->resultText(model()->session(3).sessionId).isEmpty());
    QVERIFY(dialog->resultText(model()->session(1).sessionId).isEmpty());
    QCOMPARE(m_gateway->calls.filter(u"ExpireSession"_s).size(), 0);
    auto *confirm = dialog->findChild<QPushButton *>(u"expireConfirmPushButton"_s);
    QVERIFY(confirm);
    QTest::mouseClick(confirm, Qt::LeftButton);
    QTRY_COMPARE(dialog->phase(), ExpireSessionsDialog::Phase::Done);
    QCOMPARE(dialog->expiredCount(), 2);
    QCOMPARE(dialog->resultText(model()->session(0).sessionId), u"Expired"_s);
    QTRY_COMPARE(model()->session(0).status, SessionStatus::Terminated);
    QTRY_COMPARE(model()->session(3).status, SessionStatus::Terminated);
    QVERIFY(model()->session(0).endTime.isValid());
    QCOMPARE(model()->index(0, int(SessionTableModel::Column::Status)).data().toString(), u"Terminated"_s);
}

void TestMainWindow::copyRowsAsTsv()
{
    showWindow();
    SessionTableView *view = m_window->sessionTableView();
    view->setFocus();
    view->selectRow(0);
    QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
    const QStringList lines = QApplication::clipboard()->text().split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines.at(0).contains(u'\t'));
    QVERIFY(lines.at(1).startsWith(model()->session(0).sessionId + u'\t'));
    m_window->copySessionId();
    QCOMPARE(QApplication::clipboard()->text(), model()->session(0).sessionId);
}

void TestMainWindow::everyWidgetIsNamed()
{
    showWindow();
    m_window->sessionTableView()->selectRow(0);
    // Every control a person (or a screen reader, or a test) interacts with has an objectName ending in its
    // kind and an accessible name. Qt's own internals (a combo box's line edit, a toolbar's extension
    // button, scroll bars) are not ours to name.
    const auto isInternal = [](const QWidget *w) {
        if (w->objectName().startsWith(u"qt_"_s))
            return true;
        for (const QWidget *p = w->parentWidget(); p; p = p->parentWidget()) {
            if (qobject_cast<const QComboBox *>(p) || qobject_cast<const QAbstractSpinBox *>(p) ||
                qobject_cast<const QLineEdit *>(p))
                return true;
        }
        if (qobject_cast<const QAbstractItemView *>(w->parentWidget()) &&
            qobject_cast<const QAbstractButton *>(w))
            return true; // a table's corner button
        return qobject_cast<const QScrollBar *>(w) != nullptr;
    };
    QStringList problems;
    for (QWidget *w : m_window->findChildren<QWidget *>()) {
        const bool interactive = qobject_cast<QAbstractButton *>(w) || qobject_cast<QLineEdit *>(w) ||
                                 qobject_cast<QComboBox *>(w) || qobject_cast<QAbstractItemView *>(w);
        if (!interactive || isInternal(w))
            continue;
        const bool toolBarButton =
            qobject_cast<QToolButton *>(w) && qobject_cast<QToolBar *>(w->parentWidget());
        if (toolBarButton)
            continue; // named through their QAction (objectName, text)
        const QString cls = QString::fromLatin1(w->metaObject()->className());
        // The kind is the Qt class the widget is: SessionTableView is a TableView.
        const QMetaObject *qtClass = w->metaObject();
        while (!QString::fromLatin1(qtClass->className()).startsWith(u'Q'))
            qtClass = qtClass->superClass();
        const QString kind = QString::fromLatin1(qtClass->className()).mid(1);
        if (w->objectName().isEmpty() || w->accessibleName().isEmpty())
            problems.append(u"%1 '%2' in %3"_s.arg(
                cls, w->objectName(), w->parentWidget() ? w->parentWidget()->objectName() : QString()));
        else if (!w->objectName().endsWith(kind, Qt::CaseInsensitive) &&
                 !w->objectName().endsWith(u"Button"_s))
            problems.append(u"%1 named '%2'"_s.arg(cls, w->objectName()));
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"\n"_s)));
}

void TestMainWindow::anExpiredSignInIsABannerWithSignInAgain()
{
    const AwsError expired = AwsError(AwsError::Category::Credentials,
                                      u"The IAM Identity Center sign-in of profile dev expired."_s)
                                 .setCode(AwsError::signInRequiredCode());
    ServiceGateway::Description d = m_gateway->description();
    d.profileName = u"dev"_s;
    m_gateway->setDescription(d);
    m_gateway->failNext(u"ListPortals"_s, expired);
    QSignalSpy signIn(m_window.get(), &MainWindow::signInRequested);
    m_window->show();
    m_window->setGateway(m_gateway);
    MessageBanner *banner = m_window->messageBanner();
    QTRY_VERIFY(banner->isVisible());
    QCOMPARE(banner->severity(), MessageBanner::Severity::Warning);
    QCOMPARE(banner->text(), u"Your IAM Identity Center sign-in for profile dev has expired."_s);
    QCOMPARE(banner->actionText(), u"&Sign in again"_s);
    // Not an error dump: neither the code nor the technical message.
    QVERIFY(!banner->text().contains(AwsError::signInRequiredCode()));
    QTest::mouseClick(banner->findChild<QPushButton *>(u"bannerActionPushButton"_s), Qt::LeftButton);
    QCOMPARE(signIn.size(), 1);
    QCOMPARE(signIn.at(0).at(0).toString(), u"dev"_s);
    QVERIFY(!banner->isVisible());

    // A page that fails the same way says the same.
    showWindow();
    QTRY_VERIFY(model() && model()->rowCount() > 0);
    m_gateway->failNext(u"ListSessions"_s, expired);
    m_window->refresh();
    QTRY_VERIFY(banner->isVisible());
    QCOMPARE(banner->actionText(), u"&Sign in again"_s);
}

void TestMainWindow::theConnectionLabelSaysWhoTheCredentialsBelongTo()
{
    m_gateway->identity =
        CallerIdentity{u"123456789012"_s, u"arn:aws:sts::123456789012:assumed-role/Admin/alice-session"_s,
                       u"AROAEXAMPLE:alice-session"_s};
    showWindow();
    auto *label = m_window->findChild<QLabel *>(u"connectionLabel"_s);
    QVERIFY(label);
    QTRY_VERIFY2(label->text().contains(u"123456789012"_s), qPrintable(label->text()));
    QVERIFY2(label->text().startsWith(u"Admin"_s), qPrintable(label->text()));
    QVERIFY(label->toolTip().contains(u"arn:aws:sts::123456789012:assumed-role/Admin/alice-session"_s));
    QVERIFY(label->toolTip().contains(u"AROAEXAMPLE:alice-session"_s));

    // A connection that cannot tell keeps the plain summary and says why in the tooltip only.
    auto *other = new FakeServiceGateway;
    other->portals = m_gateway->portals;
    m_window->setGateway(other);
    QTRY_VERIFY2(label->toolTip().contains(u"Identity: not known"_s), qPrintable(label->toolTip()));
    QVERIFY(!label->text().contains(u"123456789012"_s));
    QVERIFY(!m_window->messageBanner()->isVisible() ||
            m_window->messageBanner()->severity() != MessageBanner::Severity::Error);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
