// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/Portal.h"
#include "aws/AwsError.h"
#include "aws/transport/CallHandle.h"
#include "common/MessageBanner.h"
#include "common/ServiceGateway.h"

#include <QMainWindow>
#include <QPointer>

class AppSettings;
class ConnectionSummaryLabel;
class MainWindowActions;
class PortalSelector;
class QSplitter;
class QStackedWidget;
class SessionDetailPane;
class SessionFilterBar;
class SessionStatusLine;
class SessionTableModel;
class SessionTableView;
class WelcomePanel;

/// SessionScope's main window: the connection and portal in the toolbar, the filters, the lazily paged
/// session table beside the detail pane, and the list's status below. It is given a ServiceGateway
/// (setGateway) and never reaches for AWS itself; without one it offers the demo and the connection
/// dialog.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    /// `settings` must outlive the window.
    explicit MainWindow(AppSettings *settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Uses `instanceId` for the Q App lookups of the current connection and remembers it for its profile
    /// (the one place that writes it to the settings).
    void setQBusinessInstanceId(const QString &instanceId);

    /// Connects the window to `gateway` (the window takes ownership; null disconnects) and loads the
    /// portals, selecting the one last used with this profile.
    void setGateway(ServiceGateway *gateway);
    ServiceGateway *gateway() const { return m_gateway; }

    /// Shows an inline message, e.g. the demo failed to start.
    void showMessage(const QString &text, bool isError);

    /// The table's model; null while not connected, and a new one with each connection.
    SessionTableModel *sessionModel() const;
    SessionTableView *sessionTableView() const { return m_tableView; }
    SessionDetailPane *detailPane() const { return m_detailPane; }
    SessionFilterBar *filterBar() const { return m_filterBar; }
    PortalSelector *portalSelector() const { return m_portalSelector; }
    MessageBanner *messageBanner() const { return m_banner; }
    SessionStatusLine *statusLine() const { return m_statusLine; }

public Q_SLOTS:
    void refresh();
    void copySelectedRows();
    void copySessionId();
    void expireSelectedSessions();
    void loadAll();
    void setTimesInUtc(bool inUtc);
    /// Asks for the Amazon Q Business instance id (a window-modal dialog opened with open()).
    void editQBusinessInstanceId();
    /// Opens the export dialog (window-modal, opened with open()) for the current portal, filters and rows.
    void exportSessions();

Q_SIGNALS:
    /// The user asked for the built-in demo (from the welcome panel).
    void demoRequested();
    /// The user asked for the connection dialog.
    void connectionDialogRequested();
    /// The IAM Identity Center sign-in of profile `profileName` is missing or expired and the person chose
    /// "Sign in again" in the banner.
    void signInRequested(const QString &profileName);
    /// The Amazon Q Business instance id of the connection was set or cleared.
    void qBusinessInstanceIdChanged(const QString &instanceId);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void connectActions();
    void restoreSettings();
    void saveSettings();
    void updateConnectionLabels();
    void onPortalChanged(const Portal &portal);
    void applyQuery();
    void updateStatusLine();
    void updateActions();
    void onCurrentRowChanged();
    void onPageFailed(const AwsError &error);
    /// The banner for an error that only a new IAM Identity Center sign-in mends; false for other errors.
    bool showSignInBanner(const AwsError &error);
    void askWhoAmI();
    void onRetrying(const QString &action, int attempt, int delayMs, const AwsError &error);
    void onSessionExpired(const QString &sessionId);
    QString profileName() const;

    /// What the banner is about, so its Retry does the right thing and a success clears the right message.
    enum class BannerTopic {
        None,
        Portals,
        Page,
        Retrying,
        Notice,
        SignIn,
    };
    void showBanner(BannerTopic topic, MessageBanner::Severity severity, const QString &text,
                    const QString &actionText = {});
    void clearBanner(BannerTopic topic);

    AppSettings *m_settings;
    QPointer<ServiceGateway> m_gateway;
    QString m_portalId;
    QString m_instanceId;
    bool m_restoring = false;
    BannerTopic m_bannerTopic = BannerTopic::None;
    CallHandle m_identityCall;

    QStackedWidget *m_centralStack;
    WelcomePanel *m_welcomePanel;
    QWidget *m_workspaceWidget;
    MessageBanner *m_banner;
    SessionFilterBar *m_filterBar;
    QSplitter *m_splitter;
    SessionTableView *m_tableView;
    SessionDetailPane *m_detailPane;
    SessionStatusLine *m_statusLine;
    PortalSelector *m_portalSelector;
    ConnectionSummaryLabel *m_connectionLabel;
    MainWindowActions *m_actions = nullptr;
};
