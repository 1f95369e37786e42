// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsResult.h"
#include "aws/config/ConnectionOptions.h"
#include "connection/ProxyAuthenticationHandler.h"

#include <QObject>
#include <QPointer>
#include <QProcessEnvironment>
#include <QSettings>

#include <memory>

class AppProfileStore;
class AppSettings;
class DemoConnection;
class GuiCredentialPrompts;
class MainWindow;
class ProxyCredentialStore;
class ServiceGateway;

/// Turns the user's connection choices into a gateway for the main window: resolves profiles, region and
/// endpoints (ConnectionResolver), starts the demo, opens the connection dialog, and remembers the
/// last choice (no secrets).
class ConnectionManager : public QObject
{
    Q_OBJECT

public:
    /// `window` and `settings` must outlive the manager.
    ConnectionManager(MainWindow *window, AppSettings *settings, QProcessEnvironment environment,
                      QObject *parent = nullptr);
    ~ConnectionManager() override;

    /// True when any credentials are configured: environment keys, AWS_PROFILE, a shared-files profile or
    /// a SessionScope profile.
    bool credentialsConfigured() const;
    /// At start: the last connection (or the default one) when credentials are configured; otherwise
    /// the window's welcome panel offers the demo and the connection dialog.
    void connectAtStartup();
    /// Starts the built-in demo and connects the window to it. False when it could not start (the
    /// window says why).
    bool startDemo();
    /// Resolves `options` and connects the window. False when they do not resolve (the window says why).
    bool connectWith(const ConnectionOptions &options);
    /// A gateway for `options`, not connected to the window (the connection dialog's test uses it).
    AwsResult<ServiceGateway *> createGateway(const ConnectionOptions &options) const;

    /// Who is asked for MFA codes on behalf of every connection the window makes.
    std::shared_ptr<GuiCredentialPrompts> prompts() const { return m_prompts; }
    /// Who answers proxies that want a user name and password, for every gateway made here.
    ProxyAuthenticationHandler *proxyAuthentication() const { return m_proxyAuthentication.get(); }

public Q_SLOTS:
    void openConnectionDialog();
    /// Signs `profileName` in to IAM Identity Center (a dialog over the window), then connects again
    /// with the last options so the list reloads with the new sign-in.
    void signInAgain(const QString &profileName);

private:
    AwsResult<ServiceGateway *> createGateway(const ConnectionOptions &options,
                                              const ProxyAuthenticationHandler::Target &target) const;
    ConnectionOptions lastOptions() const;
    void rememberOptions(const ConnectionOptions &options);

    QPointer<MainWindow> m_window;
    AppSettings *m_settings;
    QProcessEnvironment m_environment;
    // Not AppSettings: AppProfileStore (app/, shared with the CLI) takes a QSettings, and the CLI finds the
    // profiles in the application's default settings, so they are written there even when AppSettings is
    // pointed at another file (as tests do). AppSettings.h lists the group it uses.
    QSettings m_profileSettings;
    std::unique_ptr<AppProfileStore> m_store;
    std::unique_ptr<DemoConnection> m_demo;
    std::shared_ptr<GuiCredentialPrompts> m_prompts;
    std::unique_ptr<ProxyCredentialStore> m_proxyStore;
    std::unique_ptr<ProxyAuthenticationHandler> m_proxyAuthentication;
};
