// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsResult.h"
#include "aws/config/ConnectionOptions.h"
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
class ServiceGateway;

/// Chooses how to connect: a profile from the shared AWS files or one of SessionScope's own (which it
/// creates, edits and deletes, secrets in the keychain), plus region, endpoint override and the Q Business
/// instance id. "Test connection" calls ListPortals and says what happened in words.
class ConnectionDialog : public QDialog
{
    Q_OBJECT

public:
    /// Builds a gateway for options (or says why not); the dialog owns what it gets.
    using GatewayFactory = std::function<AwsResult<ServiceGateway *>(const ConnectionOptions &options)>;

    ConnectionDialog(AppProfileStore *store, QProcessEnvironment environment, GatewayFactory factory,
                     QWidget *parent = nullptr);
    ~ConnectionDialog() override;

    /// Preselects these choices.
    void setOptions(const ConnectionOptions &options);
    ConnectionOptions options() const;

    QString testResult() const;

public Q_SLOTS:
    void testConnection();
    void reloadProfiles();

Q_SIGNALS:
    void connectionChosen(const ConnectionOptions &options);

private:
    QString selectedProfile() const;
    bool selectedIsAppProfile() const;
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
    QComboBox *m_regionComboBox;
    QLineEdit *m_endpointLineEdit;
    QLineEdit *m_instanceLineEdit;
    QPushButton *m_testButton;
    QLabel *m_testResultLabel;
    QDialogButtonBox *m_buttonBox;
};
