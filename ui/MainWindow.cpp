// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include "MainWindowActions.h"
#include "common/AppSettings.h"
#include "common/MessageBanner.h"
#include "common/ServiceGateway.h"
#include "connection/ConnectionSummaryLabel.h"
#include "connection/WelcomePanel.h"
#include "details/SessionDetailPane.h"
#include "export/ExportDialog.h"
#include "portals/PortalSelector.h"
#include "sessions/ExpireSessionsDialog.h"
#include "sessions/SessionFilterBar.h"
#include "sessions/SessionStatusLine.h"
#include "sessions/SessionTableModel.h"
#include "sessions/SessionTableView.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
constexpr int statusMessageMs = 8000;
constexpr int sessionIdColumn = int(SessionTableModel::Column::SessionId);

} // namespace

MainWindow::MainWindow(AppSettings *settings, QWidget *parent)
    : QMainWindow(parent)
    , m_settings(settings)
    , m_centralStack(new QStackedWidget(this))
    , m_welcomePanel(new WelcomePanel(this))
    , m_workspaceWidget(new QWidget(this))
    , m_banner(new MessageBanner(this))
    , m_filterBar(new SessionFilterBar(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_tableView(new SessionTableView(this))
    , m_detailPane(new SessionDetailPane(this))
    , m_statusLine(new SessionStatusLine(this))
    , m_portalSelector(new PortalSelector(this))
    , m_connectionLabel(new ConnectionSummaryLabel(this))
{
    setObjectName(u"mainWindow"_s);
    setAccessibleName(tr("SessionScope"));
    setWindowTitle(tr("SessionScope"));
    setWindowIcon(QIcon(u":/icons/sessionscope.svg"_s));

    m_centralStack->setObjectName(u"centralStackedWidget"_s);
    m_workspaceWidget->setObjectName(u"workspaceWidget"_s);
    m_splitter->setObjectName(u"detailSplitter"_s);
    m_splitter->setAccessibleName(tr("Sessions and details"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_tableView);
    m_splitter->addWidget(m_detailPane);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_detailPane->setMinimumWidth(280);

    auto *layout = new QVBoxLayout(m_workspaceWidget);
    layout->addWidget(m_banner);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_splitter, 1);
    m_centralStack->addWidget(m_welcomePanel);
    m_centralStack->addWidget(m_workspaceWidget);
    setCentralWidget(m_centralStack);

    statusBar()->setObjectName(u"mainStatusBar"_s);
    statusBar()->setAccessibleName(tr("Status"));
    statusBar()->addPermanentWidget(m_statusLine);

    m_actions = new MainWindowActions(this);
    m_actions->addTableActions(m_tableView);
    connectActions();
    m_actions->createToolBar(m_connectionLabel, m_portalSelector);
    m_actions->createMenus(m_tableView, m_settings);

    connect(m_welcomePanel, &WelcomePanel::demoRequested, this, &MainWindow::demoRequested);
    connect(m_welcomePanel, &WelcomePanel::connectionDialogRequested, this,
            &MainWindow::connectionDialogRequested);
    connect(m_portalSelector, &PortalSelector::currentPortalChanged, this, &MainWindow::onPortalChanged);
    connect(m_portalSelector, &PortalSelector::loadFailed, this, [this](const AwsError &error) {
        if (showSignInBanner(error))
            return;
        showBanner(BannerTopic::Portals, MessageBanner::Severity::Error,
                   tr("The portals could not be loaded. %1").arg(error.userMessage()), tr("&Retry"));
    });
    connect(m_portalSelector, &PortalSelector::portalsLoaded, this, [this](int count) {
        clearBanner(BannerTopic::Portals);
        clearBanner(BannerTopic::Retrying);
        if (count == 0)
            showBanner(BannerTopic::Notice, MessageBanner::Severity::Information,
                       tr("There are no WorkSpaces Secure Browser portals in "
                          "%1. Check the region of the "
                          "connection.")
                           .arg(m_gateway ? m_gateway->description().region : QString()));
    });
    connect(m_banner, &MessageBanner::actionTriggered, this, [this] {
        const BannerTopic topic = m_bannerTopic;
        clearBanner(topic);
        if (topic == BannerTopic::SignIn) {
            Q_EMIT signInRequested(profileName());
            return;
        }
        if (SessionTableModel *model = sessionModel();
            topic == BannerTopic::Page && model && model->hasError())
            model->retry();
        else if (topic == BannerTopic::Portals)
            m_portalSelector->reload(m_settings->lastPortalId(profileName()));
        else
            refresh();
    });
    connect(m_banner, &MessageBanner::dismissed, this, [this] { m_bannerTopic = BannerTopic::None; });
    connect(m_filterBar, &SessionFilterBar::filtersChanged, this, [this] {
        if (m_restoring)
            return;
        m_settings->setValue(AppSettings::Key::StatusFilter, static_cast<int>(m_filterBar->statusFilter()));
        m_settings->setValue(AppSettings::Key::UsernameFilter, m_filterBar->username());
        applyQuery();
    });
    connect(m_statusLine, &SessionStatusLine::loadAllRequested, this, &MainWindow::loadAll);
    connect(m_statusLine, &SessionStatusLine::cancelRequested, this, [this] {
        if (SessionTableModel *model = sessionModel())
            model->cancelLoadAll();
    });
    connect(m_detailPane, &SessionDetailPane::configureInstanceRequested, this,
            &MainWindow::editQBusinessInstanceId);
    connect(m_detailPane, &SessionDetailPane::sessionRefreshed, this, [this](const SessionSummary &session) {
        if (SessionTableModel *model = sessionModel())
            model->updateSession(session);
    });

    setTabOrder(m_portalSelector->comboBox(), m_filterBar);
    setTabOrder(m_filterBar, m_tableView);
    setTabOrder(m_tableView, m_detailPane);

    restoreSettings();
    setGateway(nullptr);
}

MainWindow::~MainWindow() = default;

SessionTableModel *MainWindow::sessionModel() const
{
    return m_tableView->sessionModel();
}

void MainWindow::connectActions()
{
    const MainWindowActions *a = m_actions;
    connect(a->connection(), &QAction::triggered, this, &MainWindow::connectionDialogRequested);
    connect(a->refresh(), &QAction::triggered, this, &MainWindow::refresh);
    connect(a->loadAll(), &QAction::triggered, this, &MainWindow::loadAll);
    connect(a->timesInUtc(), &QAction::toggled, this, &MainWindow::setTimesInUtc);
    connect(a->copyRows(), &QAction::triggered, this, &MainWindow::copySelectedRows);
    connect(a->copySessionId(), &QAction::triggered, this, &MainWindow::copySessionId);
    connect(a->expire(), &QAction::triggered, this, &MainWindow::expireSelectedSessions);
    connect(a->focusUsername(), &QAction::triggered, m_filterBar, &SessionFilterBar::focusUsername);
    connect(a->clearFilters(), &QAction::triggered, m_filterBar, &SessionFilterBar::clearFilters);
    connect(a->focusTable(), &QAction::triggered, this,
            [this] { m_tableView->setFocus(Qt::ShortcutFocusReason); });
    connect(a->focusDetails(), &QAction::triggered, this,
            [this] { m_detailPane->focusFirstControl(Qt::ShortcutFocusReason); });
    connect(a->focusPortal(), &QAction::triggered, this, [this] {
        m_portalSelector->comboBox()->setFocus(Qt::ShortcutFocusReason);
        m_portalSelector->comboBox()->showPopup();
    });
    connect(a->focusQAppLookup(), &QAction::triggered, this,
            [this] { m_detailPane->focusQAppLookup(Qt::ShortcutFocusReason); });
    connect(a->instanceId(), &QAction::triggered, this, &MainWindow::editQBusinessInstanceId);
    connect(a->exportSessions(), &QAction::triggered, this, &MainWindow::exportSessions);
    connect(a->quit(), &QAction::triggered, this, &QWidget::close);
}

void MainWindow::restoreSettings()
{
    m_restoring = true;
    restoreGeometry(m_settings->value(AppSettings::Key::WindowGeometry).toByteArray());
    restoreState(m_settings->value(AppSettings::Key::WindowState).toByteArray());
    const QByteArray splitter = m_settings->value(AppSettings::Key::DetailSplitterState).toByteArray();
    if (!splitter.isEmpty())
        m_splitter->restoreState(splitter);
    else
        m_splitter->setSizes({700, 420});
    m_tableView->setViewState(m_settings->value(AppSettings::Key::SessionHeaderState).toByteArray());
    m_filterBar->setFilters(static_cast<ListSessionsRequest::StatusFilter>(
                                m_settings->value(AppSettings::Key::StatusFilter).toInt()),
                            m_settings->value(AppSettings::Key::UsernameFilter).toString(), {});
    const bool inUtc = m_settings->value(AppSettings::Key::TimeModeUtc).toBool();
    {
        const QSignalBlocker blocker(m_actions->timesInUtc());
        m_actions->timesInUtc()->setChecked(inUtc);
    }
    m_tableView->setTimeMode(inUtc ? TimeFormat::Mode::Utc : TimeFormat::Mode::Local);
    m_detailPane->setTimesInUtc(inUtc);
    if (!m_settings->contains(AppSettings::Key::WindowGeometry))
        resize(1280, 760);
    m_restoring = false;
}

void MainWindow::saveSettings()
{
    // The layout is saved here, on closing; the filters, the sort and the time mode when they change.
    m_settings->setValue(AppSettings::Key::WindowGeometry, saveGeometry());
    m_settings->setValue(AppSettings::Key::WindowState, saveState());
    m_settings->setValue(AppSettings::Key::DetailSplitterState, m_splitter->saveState());
    // The view keeps its layout across connections, so this is the only place it is written.
    if (const QByteArray viewState = m_tableView->viewState(); !viewState.isEmpty())
        m_settings->setValue(AppSettings::Key::SessionHeaderState, viewState);
    m_settings->sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

QString MainWindow::profileName() const
{
    return m_gateway ? m_gateway->description().profileName : QString();
}

void MainWindow::setGateway(ServiceGateway *gateway)
{
    // The model goes first: its lister belongs to the gateway.
    m_tableView->setSessionLister(nullptr);
    m_identityCall.cancel();
    m_connectionLabel->clearIdentity();
    if (m_gateway && m_gateway != gateway)
        m_gateway->deleteLater();
    m_gateway = gateway;
    m_portalId.clear();
    clearBanner(m_bannerTopic);
    m_detailPane->setGateway(gateway);
    m_portalSelector->setGateway(gateway);

    if (!gateway) {
        m_centralStack->setCurrentWidget(m_welcomePanel);
        updateConnectionLabels();
        updateStatusLine();
        updateActions();
        return;
    }
    gateway->setParent(this);
    connect(gateway, &ServiceGateway::retrying, this, &MainWindow::onRetrying);

    m_tableView->setSessionLister(gateway->sessionLister());
    SessionTableModel *model = sessionModel();
    connect(model, &SessionTableModel::loadingChanged, this, &MainWindow::updateStatusLine);
    connect(model, &SessionTableModel::loadingAllChanged, this, &MainWindow::updateStatusLine);
    connect(model, &SessionTableModel::loadAllProgress, this, &MainWindow::updateStatusLine);
    connect(model, &SessionTableModel::pageLoaded, this, [this] {
        clearBanner(BannerTopic::Page);
        clearBanner(BannerTopic::Retrying);
        updateStatusLine();
        updateActions();
    });
    connect(model, &SessionTableModel::allLoaded, this, &MainWindow::updateStatusLine);
    connect(model, &SessionTableModel::modelReset, this, [this] {
        m_detailPane->clearSession();
        updateStatusLine();
        updateActions();
    });
    connect(model, &SessionTableModel::pageFailed, this, &MainWindow::onPageFailed);
    connect(model, &SessionTableModel::sortChanged, this, [this](int column, Qt::SortOrder order) {
        if (column == int(SessionTableModel::Column::StartTime))
            m_settings->setValue(AppSettings::Key::SortNewestFirst, order == Qt::DescendingOrder);
    });
    connect(model, &SessionTableModel::sortRefused, this,
            [this](int, const QString &message) { statusBar()->showMessage(message, statusMessageMs); });
    connect(model, &SessionTableModel::duplicateSessionsSkipped, this, [this](const QStringList &ids) {
        statusBar()->showMessage(tr("The service sent %n session(s) twice; each is shown once.", nullptr,
                                    static_cast<int>(ids.size())),
                                 statusMessageMs);
    });
    connect(m_tableView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::onCurrentRowChanged);
    connect(m_tableView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateActions);

    const ServiceGateway::Description d = gateway->description();
    const QString storedInstance = m_settings->qBusinessInstanceId(d.profileName);
    m_instanceId = storedInstance.isEmpty() ? d.qBusinessInstanceId : storedInstance;
    m_detailPane->setQBusinessInstanceId(m_instanceId);

    m_centralStack->setCurrentWidget(m_workspaceWidget);
    updateConnectionLabels();
    updateStatusLine();
    updateActions();
    m_portalSelector->reload(m_settings->lastPortalId(d.profileName));
    askWhoAmI();
}

void MainWindow::askWhoAmI()
{
    if (!m_gateway)
        return;
    // Who the credentials belong to is a detail for the toolbar: a failure here is said in its tooltip
    // only; the portals' own call says what is wrong with the connection.
    m_identityCall = m_gateway->getCallerIdentity(this, [this](const AwsResult<CallerIdentity> &result) {
        if (result.ok())
            m_connectionLabel->showIdentity(result.value());
        else
            m_connectionLabel->showIdentityUnavailable(result.error());
    });
}

void MainWindow::updateConnectionLabels()
{
    if (!m_gateway) {
        m_connectionLabel->showDisconnected();
        m_actions->setDemoBadgeVisible(false);
        setWindowTitle(tr("SessionScope"));
        return;
    }
    const ServiceGateway::Description d = m_gateway->description();
    m_connectionLabel->showConnection(d, m_instanceId);
    m_actions->setDemoBadgeVisible(d.demo);
    setWindowTitle(d.demo ? tr("SessionScope — Demo data") : tr("SessionScope — %1").arg(d.profileName));
}

void MainWindow::onPortalChanged(const Portal &portal)
{
    SessionTableModel *model = sessionModel();
    const QString id = portal.portalId();
    if (id == m_portalId && model && model->query().portalId == id)
        return;
    m_portalId = id;
    if (!id.isEmpty())
        m_settings->setLastPortalId(profileName(), id);
    applyQuery();
}

void MainWindow::applyQuery()
{
    SessionTableModel *model = sessionModel();
    if (!model)
        return;
    SessionQuery query;
    query.portalId = m_portalId;
    query.status = m_filterBar->statusFilter();
    query.username = m_filterBar->username();
    query.sessionId = m_filterBar->sessionId();
    query.sort = model->query().isValid() ? model->query().sort
                 : m_settings->value(AppSettings::Key::SortNewestFirst).toBool()
                     ? SessionQuery::Sort::NewestFirst
                     : SessionQuery::Sort::OldestFirst;
    clearBanner(BannerTopic::Page);
    clearBanner(BannerTopic::Retrying);
    // setQuery resets the model (bumping its generation, so no earlier answer can land) and the view's
    // fetchMore fills the viewport again.
    model->setQuery(query);
    m_tableView->showSortIndicator(model->sortColumn(), model->sortOrder());
    updateStatusLine();
    updateActions();
}

void MainWindow::refresh()
{
    SessionTableModel *model = sessionModel();
    if (!m_gateway)
        return;
    if (m_portalSelector->portals().isEmpty()) {
        m_portalSelector->reload(m_settings->lastPortalId(profileName()));
        return;
    }
    if (!model || !model->query().isValid())
        return;
    clearBanner(BannerTopic::Page);
    clearBanner(BannerTopic::Retrying);
    model->refresh();
}

void MainWindow::loadAll()
{
    SessionTableModel *model = sessionModel();
    if (model && !model->isComplete())
        model->loadAll();
}

void MainWindow::updateStatusLine()
{
    SessionTableModel *model = sessionModel();
    SessionStatusLine::State s;
    s.active = model && model->query().isValid();
    if (model) {
        s.loaded = model->rowCount();
        s.moreAvailable = !model->isComplete();
        s.busy = model->isLoading();
        s.loadingAll = model->isLoadingAll();
    }
    m_statusLine->setState(s);
    QString empty;
    if (model && s.active && model->isComplete() && model->rowCount() == 0) {
        const SessionQuery q = model->query();
        empty = q.status != SessionQuery::StatusFilter::Any || !q.username.isEmpty() || !q.sessionId.isEmpty()
                    ? tr("No sessions match these filters.")
                    : tr("This portal has no sessions. Terminated sessions are "
                         "kept for about 35 days.");
    } else if (model && s.active && s.busy && model->rowCount() == 0) {
        empty = tr("Loading sessions…");
    } else if (m_gateway && !s.active && !m_portalSelector->isLoading() &&
               m_portalSelector->portals().isEmpty()) {
        empty = tr("No portal to show.");
    }
    m_tableView->setEmptyText(empty);
    m_actions->loadAll()->setEnabled(s.canLoadAll());
}

void MainWindow::updateActions()
{
    const bool connected = m_gateway != nullptr;
    // Runs on every selection change and page: only "any row?" and "any active row?", read from the
    // selection's ranges without building a list of every selected row.
    const QItemSelectionModel *selection = m_tableView->selectionModel();
    const bool anySelected = selection && selection->hasSelection();
    bool anyActive = false;
    if (anySelected && connected) {
        for (const QItemSelectionRange &range : selection->selection()) {
            for (int row = range.top(); row <= range.bottom() && !anyActive; ++row) {
                anyActive = range.model()
                                ->index(row, 0, range.parent())
                                .data(SessionTableModel::StatusRole)
                                .value<SessionStatus>() == SessionStatus::Active;
            }
            if (anyActive)
                break;
        }
    }
    m_actions->refresh()->setEnabled(connected);
    m_actions->copyRows()->setEnabled(anySelected);
    m_actions->copySessionId()->setEnabled(anySelected);
    m_actions->expire()->setEnabled(connected && anyActive);
    m_actions->instanceId()->setEnabled(connected);
    m_actions->exportSessions()->setEnabled(connected && sessionModel() && sessionModel()->query().isValid());
    m_filterBar->setEnabled(connected);
}

void MainWindow::onCurrentRowChanged()
{
    const QModelIndex current = m_tableView->currentIndex();
    if (!current.isValid() || !sessionModel()) {
        m_detailPane->clearSession();
        return;
    }
    const SessionSummary session = current.data(SessionTableModel::SessionRole).value<SessionSummary>();
    m_detailPane->showSession(m_portalId, session);
}

bool MainWindow::showSignInBanner(const AwsError &error)
{
    if (!error.isSignInRequired())
        return false;
    showBanner(BannerTopic::SignIn, MessageBanner::Severity::Warning,
               tr("Your IAM Identity Center sign-in for profile %1 has expired.").arg(profileName()),
               tr("&Sign in again"));
    updateStatusLine();
    return true;
}

void MainWindow::onPageFailed(const AwsError &error)
{
    if (showSignInBanner(error))
        return;
    SessionTableModel *model = sessionModel();
    QString text = error.userMessage();
    if (model && model->rowCount() > 0)
        text = tr("%1 The sessions loaded so far stay in the list.").arg(text);
    showBanner(BannerTopic::Page, MessageBanner::Severity::Error, text,
               model && model->canRetry() ? tr("&Retry") : QString());
    updateStatusLine();
}

void MainWindow::onRetrying(const QString &action, int attempt, int delayMs, const AwsError &error)
{
    Q_UNUSED(action);
    Q_UNUSED(attempt);
    const int seconds = std::max(1, (delayMs + 999) / 1000);
    QString text;
    switch (error.category()) {
    case AwsError::Category::Throttled:
        text = tr("AWS is limiting requests; retrying in %n s.", nullptr, seconds);
        break;
    case AwsError::Category::Network:
    case AwsError::Category::Timeout:
        text = tr("The network did not answer; retrying in %n s.", nullptr, seconds);
        break;
    default:
        text = tr("AWS had a temporary problem; retrying in %n s.", nullptr, seconds);
        break;
    }
    showBanner(BannerTopic::Retrying, MessageBanner::Severity::Warning, text);
}

void MainWindow::copySelectedRows()
{
    const QString tsv = m_tableView->selectedRowsAsTsv();
    if (tsv.isEmpty())
        return;
    QApplication::clipboard()->setText(tsv);
    const int count = static_cast<int>(m_tableView->selectionModel()->selectedRows().size());
    statusBar()->showMessage(tr("Copied %n row(s) as tab-separated values", nullptr, count), statusMessageMs);
}

void MainWindow::copySessionId()
{
    const QModelIndexList rows = m_tableView->selectedRowIndexes(sessionIdColumn);
    QStringList ids;
    for (const QModelIndex &index : rows)
        ids.append(index.data(SessionTableModel::SessionIdRole).toString());
    if (ids.isEmpty())
        return;
    QApplication::clipboard()->setText(ids.join(u'\n'));
    statusBar()->showMessage(tr("Copied %n session ID(s)", nullptr, static_cast<int>(ids.size())),
                             statusMessageMs);
}

void MainWindow::expireSelectedSessions()
{
    if (!m_gateway || !sessionModel())
        return;
    QList<SessionSummary> active;
    for (const QModelIndex &index : m_tableView->selectedRowIndexes()) {
        const SessionSummary s = index.data(SessionTableModel::SessionRole).value<SessionSummary>();
        if (s.status == SessionStatus::Active)
            active.append(s);
    }
    if (active.isEmpty()) {
        statusBar()->showMessage(tr("Only active sessions can be expired; none is selected."),
                                 statusMessageMs);
        return;
    }
    auto *dialog = new ExpireSessionsDialog(m_gateway, m_portalId, active, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ExpireSessionsDialog::sessionExpired, this, &MainWindow::onSessionExpired);
    connect(dialog, &ExpireSessionsDialog::allFinished, this, [this, dialog] {
        statusBar()->showMessage(
            tr("Expired %1 of %n session(s)", nullptr, dialog->expiredCount() + dialog->failedCount())
                .arg(dialog->expiredCount()),
            statusMessageMs);
    });
    dialog->open();
}

void MainWindow::onSessionExpired(const QString &sessionId)
{
    if (!m_gateway || !sessionModel())
        return;
    // Show what the service now says about the session rather than guessing its end time.
    const QString portalId = m_portalId;
    m_gateway->getSession(portalId, sessionId, this,
                          [this, sessionId, portalId](const AwsResult<SessionDetail> &result) {
                              SessionTableModel *model = sessionModel();
                              if (!model || portalId != m_portalId)
                                  return;
                              SessionSummary updated;
                              if (result.ok()) {
                                  updated = result.value().summary;
                              } else {
                                  const int row = model->rowOfSession(sessionId);
                                  if (row < 0)
                                      return;
                                  updated = model->session(row);
                                  updated.status = SessionStatus::Terminated;
                                  updated.statusText = SessionSummary::statusName(SessionStatus::Terminated);
                              }
                              model->updateSession(updated);
                              if (m_detailPane->sessionId() == sessionId)
                                  m_detailPane->showSession(m_portalId, updated);
                              updateActions();
                          });
}

void MainWindow::setTimesInUtc(bool inUtc)
{
    if (m_actions->timesInUtc()->isChecked() != inUtc) {
        m_actions->timesInUtc()->setChecked(inUtc); // comes back here through toggled
        return;
    }
    m_tableView->setTimeMode(inUtc ? TimeFormat::Mode::Utc : TimeFormat::Mode::Local);
    m_detailPane->setTimesInUtc(inUtc);
    m_settings->setValue(AppSettings::Key::TimeModeUtc, inUtc);
}

void MainWindow::editQBusinessInstanceId()
{
    if (!m_gateway)
        return;
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(u"instanceIdInputDialog"_s);
    dialog->setAccessibleName(tr("Amazon Q Business instance ID"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Amazon Q Business instance"));
    dialog->setLabelText(tr("The ID of the Amazon Q Business instance whose Q "
                            "Apps sessions to read (for "
                            "profile %1). Leave empty to turn Q App sharing off.")
                             .arg(profileName()));
    dialog->setTextValue(m_instanceId);
    dialog->setInputMode(QInputDialog::TextInput);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &text) {
        const QString id = text.trimmed();
        if (!id.isEmpty() && !m_gateway->isValidQBusinessInstanceId(id)) {
            showBanner(BannerTopic::Notice, MessageBanner::Severity::Warning,
                       tr("“%1” is not an Amazon Q Business instance ID (it looks like "
                          "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111).")
                           .arg(id));
            return;
        }
        setQBusinessInstanceId(id);
    });
    dialog->open();
}

void MainWindow::setQBusinessInstanceId(const QString &instanceId)
{
    m_instanceId = instanceId;
    m_settings->setQBusinessInstanceId(profileName(), instanceId);
    m_detailPane->setQBusinessInstanceId(instanceId);
    updateConnectionLabels();
    Q_EMIT qBusinessInstanceIdChanged(instanceId);
}

void MainWindow::exportSessions()
{
    SessionTableModel *model = sessionModel();
    if (!m_gateway || !model)
        return;
    ExportDialog::Source source;
    source.query = model->query();
    source.portalName = m_portalSelector->currentPortal().displayName;
    for (const QModelIndex &index : m_tableView->selectedRowIndexes())
        source.selectedSessions.append(index.data(SessionTableModel::SessionRole).value<SessionSummary>());
    source.model = model;
    source.qBusinessInstanceId = m_instanceId;
    auto *dialog = new ExportDialog(m_gateway, m_settings, source, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ExportDialog::configureInstanceRequested, this, &MainWindow::editQBusinessInstanceId);
    connect(this, &MainWindow::qBusinessInstanceIdChanged, dialog, &ExportDialog::setQBusinessInstanceId);
    connect(dialog, &ExportDialog::exportFinished, this,
            [this](bool, const QString &summary) { statusBar()->showMessage(summary, statusMessageMs); });
    dialog->open();
}

void MainWindow::showMessage(const QString &text, bool isError)
{
    showBanner(BannerTopic::Notice,
               isError ? MessageBanner::Severity::Error : MessageBanner::Severity::Information, text);
    if (!m_gateway)
        m_welcomePanel->setMessage(text);
}

void MainWindow::showBanner(BannerTopic topic, MessageBanner::Severity severity, const QString &text,
                            const QString &actionText)
{
    m_bannerTopic = topic;
    m_banner->showMessage(severity, text, actionText);
}

void MainWindow::clearBanner(BannerTopic topic)
{
    if (topic != m_bannerTopic)
        return;
    m_bannerTopic = BannerTopic::None;
    m_banner->clear();
}
