// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsResult.h"
#include "aws/config/ConnectionOptions.h"
#include "aws/config/ConnectionResolver.h"
#include "aws/transport/CallHandle.h"

#include <QDialog>
#include <QPointer>
#include <QProcessEnvironment>

#include <functional>

class AppProfileStore;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class NetworkSettingsGroupBox;
class ServiceGateway;

/// Chooses how to connect: a profile from the shared AWS files or one of SessionScope's own (which it
/// creates, edits and deletes, secrets in the keychain), plus region, endpoint override and the Q Business
/// instance id, and the network settings (proxy, CA bundle, timeouts). "Test connection" calls ListPortals
/// and says what happened in words. Each profile shows its kind and, for IAM Identity Center, whether it is
/// signed in; "Sign in…" signs such a profile in.
class ConnectionDialog : public QDialog
{
    Q_OBJECT

public:
    /// Builds a gateway for options (or says why not); the dialog owns what it gets.
    using GatewayFactory = std::function<AwsResult<ServiceGateway *>(const ConnectionOptions &options)>;

    ConnectionDialog(AppProfileStore *store, QProcessEnvironment environment, GatewayFactory factory,
                     QWidget *parent = nullptr);
    ~ConnectionDialog() override;

    /// Replaces the factory given to the constructor (a factory that needs the dialog itself).
    void setGatewayFactory(GatewayFactory factory) { m_factory = std::move(factory); }

    /// Preselects these choices.
    void setOptions(const ConnectionOptions &options);
    ConnectionOptions options() const;

    QString testResult() const;
    /// Says what went wrong with a connection attempt (the proxy's refusal, ...), where the test result goes.
    void showConnectionProblem(const QString &text);
    /// Says why "Sign in…" could not start, where the test result goes.
    void showSignInProblem(const QString &text);

    /// How the profile list names a kind of credentials: "access keys", "role + MFA", ...
    static QString kindText(ProfileCredentialsProvider::Kind kind);
    /// For an IAM Identity Center profile, whether its sign-in is valid at `now` ("signed in until 19:40",
    /// "not signed in"); empty for other kinds.
    static QString signInText(const ConnectionResolver::ProfileChoice &choice, const QDateTime &now);

public Q_SLOTS:
    void testConnection();
    void reloadProfiles();

Q_SIGNALS:
    void connectionChosen(const ConnectionOptions &options);
    /// "Sign in…" for the selected IAM Identity Center profile; reloadProfiles() shows the new sign-in.
    void signInRequested(const ConnectionOptions &options);

private:
    QString selectedProfile() const;
    bool selectedIsAppProfile() const;
    bool selectedIsIdentityCenter() const;
    void updateButtons();
    void newProfile();
    void editProfile();
    void deleteProfile();
    void showTestResult(bool ok, const QString &text);

    QPointer<AppProfileStore> m_store;
    QProcessEnvironment m_environment;
    GatewayFactory m_factory;
    ServiceGateway *m_testGateway = nullptr;
    CallHandle m_testCall;
    QListWidget *m_profileListWidget;
    QLabel *m_profilesProblemLabel;
    QPushButton *m_newButton;
    QPushButton *m_editButton;
    QPushButton *m_deleteButton;
    QPushButton *m_signInButton;
    QComboBox *m_regionComboBox;
    QLineEdit *m_endpointLineEdit;
    QLineEdit *m_instanceLineEdit;
    NetworkSettingsGroupBox *m_networkGroupBox;
    QPushButton *m_testButton;
    QLabel *m_testResultLabel;
    QDialogButtonBox *m_buttonBox;
};
