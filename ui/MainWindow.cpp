// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include "common/AccessKeyText.h"
#include "common/AppSettings.h"
#include "common/LanguageMenu.h"
#include "common/MessageBanner.h"
#include "common/ServiceGateway.h"
#include "connection/WelcomePanel.h"
#include "details/QAppSharingSection.h"
#include "details/SessionDetailPane.h"
#include "export/ExportDialog.h"
#include "help/HelpMenu.h"
#include "portals/PortalSelector.h"
#include "sessions/ExpireSessionsDialog.h"
#include "sessions/SessionFilterBar.h"
#include "sessions/SessionStatusIconProxyModel.h"
#include "sessions/SessionStatusLine.h"
#include "sessions/SessionTableModel.h"
#include "sessions/SessionTableView.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
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
    , m_connectionLabel(new QLabel(this))
    , m_demoLabel(new QLabel(this))
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

    createActions();
    createToolBar();
    createMenus();

    connect(m_welcomePanel, &WelcomePanel::demoRequested, this, &MainWindow::demoRequested);
    connect(m_welcomePanel, &WelcomePanel::connectionDialogRequested, this,
            &MainWindow::connectionDialogRequested);
    connect(m_portalSelector, &PortalSelector::currentPortalChanged, this, &MainWindow::onPortalChanged);
    connect(m_portalSelector, &PortalSelector::loadFailed, this, [this](const AwsError &error) {
        showBanner(BannerTopic::Portals, MessageBanner::Severity::Error,
                   tr("The portals could not be loaded. %1").arg(error.userMessage()), tr("&Retry"));
    });
    connect(m_portalSelector, &PortalSelector::portalsLoaded, this, [this](int count) {
        clearBanner(BannerTopic::Portals);
        clearBanner(BannerTopic::Retrying);
        if (count == 0)
            showBanner(BannerTopic::Notice, MessageBanner::Severity::Information,
                       tr("There are no WorkSpaces Secure Browser portals in %1. Check the region of the "
                          "connection.")
                           .arg(m_gateway ? m_gateway->description().region : QString()));
    });
    connect(m_banner, &MessageBanner::actionTriggered, this, [this] {
        const BannerTopic topic = m_bannerTopic;
        clearBanner(topic);
        if (topic == BannerTopic::Page && m_model && m_model->hasError())
            m_model->retry();
        else if (topic == BannerTopic::Portals)
            m_portalSelector->reload(m_settings->lastPortalId(profileName()));
        else
            refresh();
    });
    connect(m_banner, &MessageBanner::dismissed, this, [this] { m_bannerTopic = BannerTopic::None; });
    connect(m_filterBar, &SessionFilterBar::filtersChanged, this, [this] {
        if (!m_restoring)
            applyQuery();
    });
    connect(m_tableView, &SessionTableView::sortRequested, this, [this](int column, Qt::SortOrder order) {
        if (m_model)
            m_model->sort(column, order);
    });
    connect(m_statusLine, &SessionStatusLine::loadAllRequested, this, &MainWindow::loadAll);
    connect(m_statusLine, &SessionStatusLine::cancelRequested, this, [this] {
        if (m_model)
            m_model->cancelLoadAll();
    });
    connect(m_detailPane, &SessionDetailPane::configureInstanceRequested, this,
            &MainWindow::editQBusinessInstanceId);
    connect(m_detailPane, &SessionDetailPane::sessionRefreshed, this, [this](const SessionSummary &session) {
        if (m_model)
            m_model->updateSession(session);
    });

    setTabOrder(m_portalSelector->comboBox(), m_filterBar);
    setTabOrder(m_filterBar, m_tableView);
    setTabOrder(m_tableView, m_detailPane);

    restoreSettings();
    setGateway(nullptr);
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    const auto make = [this](const QString &objectName, const QString &text, const QKeySequence &shortcut) {
        auto *action = new QAction(text, this);
        action->setObjectName(objectName);
        action->setShortcut(shortcut);
        if (!shortcut.isEmpty())
            action->setToolTip(
                tr("%1 (%2)").arg(AccessKeyText::plain(text), shortcut.toString(QKeySequence::NativeText)));
        addAction(action);
        return action;
    };
    m_connectionAction = make(u"connectionAction"_s, tr("&Connection…"), QKeySequence(Qt::CTRL | Qt::Key_K));
    m_connectionAction->setIcon(QIcon(u":/icons/connection.svg"_s));
    m_refreshAction = make(u"refreshAction"_s, tr("&Refresh"), QKeySequence::Refresh);
    m_refreshAction->setIcon(QIcon(u":/icons/view-refresh.svg"_s));
    m_loadAllAction =
        make(u"loadAllAction"_s, tr("Load &all pages"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    m_utcAction = make(u"utcAction"_s, tr("&Times in UTC"), QKeySequence(Qt::CTRL | Qt::Key_U));
    m_utcAction->setCheckable(true);
    m_copyRowsAction = make(u"copyRowsAction"_s, tr("&Copy selected rows"), QKeySequence::Copy);
    m_copyRowsAction->setIcon(QIcon(u":/icons/edit-copy.svg"_s));
    // Ctrl+C copies rows only while the table has focus; elsewhere it copies text as usual.
    m_copyRowsAction->setShortcutContext(Qt::WidgetShortcut);
    removeAction(m_copyRowsAction);
    m_tableView->addAction(m_copyRowsAction);
    m_copySessionIdAction = make(u"copySessionIdAction"_s, tr("Copy session &ID"),
                                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_expireAction =
        make(u"expireAction"_s, tr("&Expire selected sessions…"), QKeySequence(Qt::CTRL | Qt::Key_Delete));
    m_expireAction->setIcon(QIcon(u":/icons/session-expire.svg"_s));
    // The toolbar's label has its own entry, so a language whose menu text is long can shorten it there.
    m_expireAction->setIconText(tr("Expire selected sessions…", "toolbar button"));
    m_focusUsernameAction = make(u"focusUsernameAction"_s, tr("Filter by &username"), QKeySequence::Find);
    m_clearFiltersAction =
        make(u"clearFiltersAction"_s, tr("C&lear filters"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    m_focusTableAction =
        make(u"focusTableAction"_s, tr("Go to &sessions"), QKeySequence(Qt::CTRL | Qt::Key_1));
    m_focusDetailsAction =
        make(u"focusDetailsAction"_s, tr("Go to &details"), QKeySequence(Qt::CTRL | Qt::Key_2));
    m_focusPortalAction =
        make(u"focusPortalAction"_s, tr("Choose &portal"), QKeySequence(Qt::CTRL | Qt::Key_P));
    m_focusQAppLookupAction =
        make(u"focusQAppLookupAction"_s, tr("Look up a &Q App session"), QKeySequence(Qt::CTRL | Qt::Key_G));
    m_instanceIdAction = make(u"instanceIdAction"_s, tr("Amazon Q &Business instance…"),
                              QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    m_exportAction = make(u"exportAction"_s, tr("&Export…"), QKeySequence(Qt::CTRL | Qt::Key_E));
    // Not QKeySequence::Quit: it is empty where the window manager closes windows (Windows, offscreen).
    m_quitAction = make(u"quitAction"_s, tr("&Quit"), QKeySequence(Qt::CTRL | Qt::Key_Q));

    connect(m_connectionAction, &QAction::triggered, this, &MainWindow::connectionDialogRequested);
    connect(m_refreshAction, &QAction::triggered, this, &MainWindow::refresh);
    connect(m_loadAllAction, &QAction::triggered, this, &MainWindow::loadAll);
    connect(m_utcAction, &QAction::toggled, this, &MainWindow::setTimesInUtc);
    connect(m_copyRowsAction, &QAction::triggered, this, &MainWindow::copySelectedRows);
    connect(m_copySessionIdAction, &QAction::triggered, this, &MainWindow::copySessionId);
    connect(m_expireAction, &QAction::triggered, this, &MainWindow::expireSelectedSessions);
    connect(m_focusUsernameAction, &QAction::triggered, m_filterBar, &SessionFilterBar::focusUsername);
    connect(m_clearFiltersAction, &QAction::triggered, m_filterBar, &SessionFilterBar::clearFilters);
    connect(m_focusTableAction, &QAction::triggered, this,
            [this] { m_tableView->setFocus(Qt::ShortcutFocusReason); });
    connect(m_focusDetailsAction, &QAction::triggered, this, [this] {
        // The first focusable value of the pane (the copy buttons and lookup field take Tab focus).
        if (QWidget *first = m_detailPane->widget()->nextInFocusChain();
            first && m_detailPane->isAncestorOf(first))
            first->setFocus(Qt::ShortcutFocusReason);
        else
            m_detailPane->setFocus(Qt::ShortcutFocusReason);
    });
    connect(m_focusPortalAction, &QAction::triggered, this, [this] {
        m_portalSelector->comboBox()->setFocus(Qt::ShortcutFocusReason);
        m_portalSelector->comboBox()->showPopup();
    });
    connect(m_focusQAppLookupAction, &QAction::triggered, this, [this] {
        if (auto *edit = m_detailPane->findChild<QLineEdit *>(u"qAppSessionIdLineEdit"_s)) {
            m_detailPane->ensureWidgetVisible(edit);
            edit->setFocus(Qt::ShortcutFocusReason);
            edit->selectAll();
        }
    });
    connect(m_instanceIdAction, &QAction::triggered, this, &MainWindow::editQBusinessInstanceId);
    connect(m_exportAction, &QAction::triggered, this, &MainWindow::exportSessions);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(u"mainToolBar"_s);
    bar->setAccessibleName(tr("Main toolbar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_connectionAction);
    m_connectionLabel->setObjectName(u"connectionLabel"_s);
    m_connectionLabel->setAccessibleName(tr("Connection"));
    m_connectionLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_connectionLabel->setContentsMargins(4, 0, 8, 0);
    bar->addWidget(m_connectionLabel);
    m_demoLabel->setObjectName(u"demoDataLabel"_s);
    m_demoLabel->setAccessibleName(tr("Demo data"));
    m_demoLabel->setText(tr("Demo data"));
    m_demoLabel->setToolTip(
        tr("Connected to the built-in emulator with generated data; nothing here is real."));
    {
        QFont font = m_demoLabel->font();
        font.setBold(true);
        m_demoLabel->setFont(font);
    }
    m_demoLabel->setFrameShape(QFrame::StyledPanel);
    m_demoLabel->setContentsMargins(6, 1, 6, 1);
    m_demoAction = bar->addWidget(m_demoLabel);
    bar->addSeparator();
    bar->addWidget(m_portalSelector);
    bar->addSeparator();
    bar->addAction(m_refreshAction);
    bar->addAction(m_exportAction);
    bar->addAction(m_expireAction);
    // A toolbar's buttons take no focus by default; here they are in the Tab order like every control.
    for (QAction *action : bar->actions()) {
        if (auto *button = qobject_cast<QToolButton *>(bar->widgetForAction(action))) {
            button->setObjectName(QString(action->objectName()).replace(u"Action"_s, u"ToolButton"_s));
            button->setFocusPolicy(Qt::TabFocus);
        }
    }
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(u"fileMenu"_s);
    file->addAction(m_connectionAction);
    file->addAction(m_instanceIdAction);
    file->addAction(m_exportAction);
    file->addSeparator();
    file->addAction(m_quitAction);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(u"viewMenu"_s);
    view->addAction(m_refreshAction);
    view->addAction(m_loadAllAction);
    view->addAction(m_utcAction);
    view->addSeparator();
    view->addAction(m_focusPortalAction);
    view->addAction(m_focusUsernameAction);
    view->addAction(m_clearFiltersAction);
    view->addAction(m_focusTableAction);
    view->addAction(m_focusDetailsAction);
    view->addAction(m_focusQAppLookupAction);
    view->addSeparator();
    // The column headers sort with the mouse only; the same requests from the keyboard.
    QMenu *sortMenu = view->addMenu(tr("Sort &by"));
    sortMenu->setObjectName(u"sortMenu"_s);
    auto *sortGroup = new QActionGroup(sortMenu);
    using Column = SessionTableModel::Column;
    const QList<std::pair<Column, QString>> sortColumns{
        {Column::SessionId, tr("Session &ID")}, {Column::Username, tr("&Username")},
        {Column::Status, tr("&Status")},        {Column::StartTime, tr("Start &time")},
        {Column::EndTime, tr("&End time")},     {Column::Duration, tr("&Duration")}};
    for (const auto &[column, text] : sortColumns) {
        QAction *action = sortMenu->addAction(text);
        action->setObjectName(u"sortByColumn%1Action"_s.arg(int(column)));
        action->setCheckable(true);
        action->setData(int(column));
        sortGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, c = int(column)] { m_tableView->requestSort(c); });
    }
    connect(sortMenu, &QMenu::aboutToShow, this, [this, sortMenu] {
        for (QAction *action : sortMenu->actions()) {
            action->setEnabled(m_model && m_model->query().isValid());
            action->setChecked(m_model && action->data().toInt() == m_model->sortColumn());
        }
    });
    view->addMenu(new LanguageMenu(m_settings, view));
    QMenu *session = menuBar()->addMenu(tr("&Session"));
    session->setObjectName(u"sessionMenu"_s);
    session->addAction(m_copyRowsAction);
    session->addAction(m_copySessionIdAction);
    session->addSeparator();
    session->addAction(m_expireAction);
    menuBar()->addMenu(new HelpMenu(this));
    menuBar()->setObjectName(u"mainMenuBar"_s);

    m_tableView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_tableView->addAction(m_copySessionIdAction);
    m_tableView->addAction(m_expireAction);
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
    m_filterBar->setFilters(static_cast<ListSessionsRequest::StatusFilter>(
                                m_settings->value(AppSettings::Key::StatusFilter, 0).toInt()),
                            m_settings->value(AppSettings::Key::UsernameFilter).toString(), {});
    {
        const QSignalBlocker blocker(m_utcAction);
        m_utcAction->setChecked(m_settings->value(AppSettings::Key::TimeModeUtc, false).toBool());
    }
    m_detailPane->setTimesInUtc(m_utcAction->isChecked());
    if (!m_settings->value(AppSettings::Key::WindowGeometry).isValid())
        resize(1280, 760);
    m_restoring = false;
}

void MainWindow::saveSettings()
{
    m_settings->setValue(AppSettings::Key::WindowGeometry, saveGeometry());
    m_settings->setValue(AppSettings::Key::WindowState, saveState());
    m_settings->setValue(AppSettings::Key::DetailSplitterState, m_splitter->saveState());
    if (m_model)
        m_settings->setValue(AppSettings::Key::SessionHeaderState,
                             m_tableView->horizontalHeader()->saveState());
    m_settings->setValue(AppSettings::Key::StatusFilter, static_cast<int>(m_filterBar->statusFilter()));
    m_settings->setValue(AppSettings::Key::UsernameFilter, m_filterBar->username());
    m_settings->setValue(AppSettings::Key::TimeModeUtc, m_utcAction->isChecked());
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
    if (m_model) {
        m_settings->setValue(AppSettings::Key::SessionHeaderState,
                             m_tableView->horizontalHeader()->saveState());
        m_tableView->setModel(nullptr);
        delete m_proxy;
        delete m_model;
        m_proxy = nullptr;
        m_model = nullptr;
    }
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

    m_model = new SessionTableModel(gateway->sessionLister(), this);
    m_model->setObjectName(u"sessionTableModel"_s);
    m_model->setTimeMode(m_utcAction->isChecked() ? TimeFormat::Mode::Utc : TimeFormat::Mode::Local);
    m_proxy = new SessionStatusIconProxyModel(int(SessionTableModel::Column::Status),
                                              SessionTableModel::StatusRole, this);
    m_proxy->setSourceModel(m_model);
    m_tableView->setModel(m_proxy);
    QHeaderView *header = m_tableView->horizontalHeader();
    const QByteArray headerState = m_settings->value(AppSettings::Key::SessionHeaderState).toByteArray();
    if (headerState.isEmpty() || !header->restoreState(headerState)) {
        header->resizeSection(int(SessionTableModel::Column::SessionId), 290);
        header->resizeSection(int(SessionTableModel::Column::Username), 180);
        header->resizeSection(int(SessionTableModel::Column::Status), 110);
        header->resizeSection(int(SessionTableModel::Column::StartTime), 160);
        header->resizeSection(int(SessionTableModel::Column::EndTime), 160);
    }
    // The header's own state may carry a sort indicator; the model says what the rows really are.
    m_tableView->showSortIndicator(m_model->sortColumn(), m_model->sortOrder());

    connect(m_model, &SessionTableModel::loadingChanged, this, &MainWindow::updateStatusLine);
    connect(m_model, &SessionTableModel::loadingAllChanged, this, &MainWindow::updateStatusLine);
    connect(m_model, &SessionTableModel::loadAllProgress, this, &MainWindow::updateStatusLine);
    connect(m_model, &SessionTableModel::pageLoaded, this, [this] {
        clearBanner(BannerTopic::Page);
        clearBanner(BannerTopic::Retrying);
        updateStatusLine();
        updateActions();
    });
    connect(m_model, &SessionTableModel::allLoaded, this, &MainWindow::updateStatusLine);
    connect(m_model, &SessionTableModel::modelReset, this, [this] {
        m_detailPane->clearSession();
        updateStatusLine();
        updateActions();
    });
    connect(m_model, &SessionTableModel::pageFailed, this, &MainWindow::onPageFailed);
    connect(m_model, &SessionTableModel::sortChanged, this, [this](int column, Qt::SortOrder order) {
        m_tableView->showSortIndicator(column, order);
        if (column == int(SessionTableModel::Column::StartTime))
            m_settings->setValue(AppSettings::Key::SortNewestFirst, order == Qt::DescendingOrder);
    });
    connect(m_model, &SessionTableModel::sortRefused, this, [this](int, const QString &message) {
        m_tableView->showSortIndicator(m_model->sortColumn(), m_model->sortOrder());
        statusBar()->showMessage(message, statusMessageMs);
    });
    connect(m_model, &SessionTableModel::duplicateSessionsSkipped, this, [this](const QStringList &ids) {
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
}

void MainWindow::updateConnectionLabels()
{
    if (!m_gateway) {
        m_connectionLabel->setText(tr("Not connected"));
        m_connectionLabel->setToolTip({});
        m_connectionLabel->setAccessibleDescription({});
        m_demoAction->setVisible(false);
        setWindowTitle(tr("SessionScope"));
        return;
    }
    const ServiceGateway::Description d = m_gateway->description();
    // At most about 40 characters, so the toolbar keeps every button at 1280 pixels in every language;
    // the tooltip and the accessible description say it all.
    const QString summary = tr("%1 · %2 · %3").arg(d.profileName, d.region, d.target);
    const QFontMetrics metrics = m_connectionLabel->fontMetrics();
    m_connectionLabel->setText(metrics.elidedText(summary, Qt::ElideRight, metrics.averageCharWidth() * 40));
    m_connectionLabel->setAccessibleDescription(summary);
    m_connectionLabel->setToolTip(tr("Profile: %1\nRegion: %2\nRequests go to: %3\nCredentials: %4\nAmazon Q "
                                     "Business instance: %5")
                                      .arg(d.profileName, d.region, d.target, d.credentialSource,
                                           m_instanceId.isEmpty() ? tr("not set") : m_instanceId));
    m_demoAction->setVisible(d.demo);
    setWindowTitle(d.demo ? tr("SessionScope — Demo data") : tr("SessionScope — %1").arg(d.profileName));
}

void MainWindow::onPortalChanged(const Portal &portal)
{
    const QString id = portal.portalId();
    if (id == m_portalId && m_model && m_model->query().portalId == id)
        return;
    m_portalId = id;
    if (!id.isEmpty())
        m_settings->setLastPortalId(profileName(), id);
    applyQuery();
}

void MainWindow::applyQuery()
{
    if (!m_model)
        return;
    SessionQuery query;
    query.portalId = m_portalId;
    query.status = m_filterBar->statusFilter();
    query.username = m_filterBar->username();
    query.sessionId = m_filterBar->sessionId();
    query.sort = m_model->query().isValid() ? m_model->query().sort
                 : m_settings->value(AppSettings::Key::SortNewestFirst, true).toBool()
                     ? SessionQuery::Sort::NewestFirst
                     : SessionQuery::Sort::OldestFirst;
    m_settings->setValue(AppSettings::Key::StatusFilter, static_cast<int>(query.status));
    m_settings->setValue(AppSettings::Key::UsernameFilter, query.username);
    clearBanner(BannerTopic::Page);
    clearBanner(BannerTopic::Retrying);
    // setQuery resets the model (bumping its generation, so no earlier answer can land) and the view's
    // fetchMore fills the viewport again.
    m_model->setQuery(query);
    m_tableView->showSortIndicator(m_model->sortColumn(), m_model->sortOrder());
    updateStatusLine();
    updateActions();
}

void MainWindow::refresh()
{
    if (!m_gateway)
        return;
    if (m_portalSelector->portals().isEmpty()) {
        m_portalSelector->reload(m_settings->lastPortalId(profileName()));
        return;
    }
    if (!m_model || !m_model->query().isValid())
        return;
    clearBanner(BannerTopic::Page);
    clearBanner(BannerTopic::Retrying);
    m_model->refresh();
}

void MainWindow::loadAll()
{
    if (m_model && !m_model->isComplete())
        m_model->loadAll();
}

void MainWindow::updateStatusLine()
{
    SessionStatusLine::State s;
    s.active = m_model && m_model->query().isValid();
    if (m_model) {
        s.loaded = m_model->rowCount();
        s.moreAvailable = !m_model->isComplete();
        s.busy = m_model->isLoading();
        s.loadingAll = m_model->isLoadingAll();
    }
    m_statusLine->setState(s);
    QString empty;
    if (m_model && s.active && m_model->isComplete() && m_model->rowCount() == 0) {
        const SessionQuery q = m_model->query();
        empty = q.status != SessionQuery::StatusFilter::Any || !q.username.isEmpty() || !q.sessionId.isEmpty()
                    ? tr("No sessions match these filters.")
                    : tr("This portal has no sessions. Terminated sessions are kept for about 35 days.");
    } else if (m_model && s.active && s.busy && m_model->rowCount() == 0) {
        empty = tr("Loading sessions…");
    } else if (m_gateway && !s.active && !m_portalSelector->isLoading() &&
               m_portalSelector->portals().isEmpty()) {
        empty = tr("No portal to show.");
    }
    m_tableView->setEmptyText(empty);
    m_loadAllAction->setEnabled(s.canLoadAll());
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
    m_refreshAction->setEnabled(connected);
    m_copyRowsAction->setEnabled(anySelected);
    m_copySessionIdAction->setEnabled(anySelected);
    m_expireAction->setEnabled(connected && anyActive);
    m_instanceIdAction->setEnabled(connected);
    m_exportAction->setEnabled(connected && m_model && m_model->query().isValid());
    m_filterBar->setEnabled(connected);
}

void MainWindow::onCurrentRowChanged()
{
    const QModelIndex current = m_tableView->currentIndex();
    if (!current.isValid() || !m_model) {
        m_detailPane->clearSession();
        return;
    }
    const SessionSummary session = current.data(SessionTableModel::SessionRole).value<SessionSummary>();
    m_detailPane->showSession(m_portalId, session);
}

void MainWindow::onPageFailed(const AwsError &error)
{
    QString text = error.userMessage();
    if (m_model && m_model->rowCount() > 0)
        text = tr("%1 The sessions loaded so far stay in the list.").arg(text);
    showBanner(BannerTopic::Page, MessageBanner::Severity::Error, text,
               m_model && m_model->canRetry() ? tr("&Retry") : QString());
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
    if (!m_gateway || !m_model)
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
    if (!m_gateway || !m_model)
        return;
    // Show what the service now says about the session rather than guessing its end time.
    const QString portalId = m_portalId;
    m_gateway->getSession(portalId, sessionId, this,
                          [this, sessionId, portalId](const AwsResult<SessionDetail> &result) {
                              if (!m_model || portalId != m_portalId)
                                  return;
                              SessionSummary updated;
                              if (result.ok()) {
                                  updated = result.value().summary;
                              } else {
                                  const int row = m_model->rowOfSession(sessionId);
                                  if (row < 0)
                                      return;
                                  updated = m_model->session(row);
                                  updated.status = SessionStatus::Terminated;
                                  updated.statusText = SessionSummary::statusName(SessionStatus::Terminated);
                              }
                              m_model->updateSession(updated);
                              if (m_detailPane->sessionId() == sessionId)
                                  m_detailPane->showSession(m_portalId, updated);
                              updateActions();
                          });
}

void MainWindow::setTimesInUtc(bool inUtc)
{
    if (m_utcAction->isChecked() != inUtc) {
        m_utcAction->setChecked(inUtc); // comes back here through toggled
        return;
    }
    if (m_model)
        m_model->setTimeMode(inUtc ? TimeFormat::Mode::Utc : TimeFormat::Mode::Local);
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
    dialog->setLabelText(tr("The ID of the Amazon Q Business instance whose Q Apps sessions to read (for "
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
    if (!m_gateway || !m_model)
        return;
    ExportDialog::Source source;
    source.query = m_model->query();
    source.portalName = m_portalSelector->currentPortal().displayName;
    for (const QModelIndex &index : m_tableView->selectedRowIndexes())
        source.selectedSessions.append(index.data(SessionTableModel::SessionRole).value<SessionSummary>());
    source.model = m_model;
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
