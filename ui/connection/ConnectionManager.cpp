// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "connection/ConnectionManager.h"

#include "MainWindow.h"
#include "aws/config/ConnectionResolver.h"
#include "aws/credentials/AppProfileStore.h"
#include "aws/credentials/CredentialsProvider.h"
#include "common/AppSettings.h"
#include "common/ClientGateway.h"
#include "connection/ConnectionDialog.h"
#include "connection/DemoConnection.h"
#include "connection/GuiCredentialPrompts.h"
#include "connection/NetworkSettings.h"
#include "connection/ProxyCredentialStore.h"
#include "connection/SsoSignIn.h"

#include <QGuiApplication>

using namespace Qt::StringLiterals;

ConnectionManager::ConnectionManager(MainWindow *window, AppSettings *settings,
                                     QProcessEnvironment environment, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_settings(settings)
    , m_environment(std::move(environment))
    , m_store(std::make_unique<AppProfileStore>(&m_profileSettings))
    , m_prompts(std::make_shared<GuiCredentialPrompts>(window))
    , m_proxyStore(std::make_unique<ProxyCredentialStore>())
    , m_proxyAuthentication(std::make_unique<ProxyAuthenticationHandler>(m_proxyStore.get()))
{
    connect(window, &MainWindow::demoRequested, this, &ConnectionManager::startDemo);
    connect(window, &MainWindow::signInRequested, this, &ConnectionManager::signInAgain);
    connect(window, &MainWindow::connectionDialogRequested, this, &ConnectionManager::openConnectionDialog);
}

ConnectionManager::~ConnectionManager()
{
    // The window's gateway may talk to the demo emulator; disconnect it before the emulator stops.
    if (m_window && m_demo)
        m_window->setGateway(nullptr);
}

bool ConnectionManager::credentialsConfigured() const
{
    if (!m_environment.value(u"AWS_ACCESS_KEY_ID"_s).isEmpty() ||
        !m_environment.value(u"AWS_PROFILE"_s).isEmpty())
        return true;
    return !ConnectionResolver::availableProfiles(m_environment, m_store.get()).profiles.isEmpty();
}

void ConnectionManager::connectAtStartup()
{
    if (!credentialsConfigured()) {
        m_window->showMessage(
            tr("No AWS credentials were found (no environment keys, no profile in ~/.aws, no "
               "SessionScope profile). Try the demo, or set up a connection."),
            false);
        return;
    }
    connectWith(lastOptions());
}

bool ConnectionManager::startDemo()
{
    if (!m_demo)
        m_demo = std::make_unique<DemoConnection>();
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    QString error;
    const bool started = m_demo->start(&error);
    QGuiApplication::restoreOverrideCursor();
    if (!started) {
        m_window->showMessage(tr("The demo could not start: %1").arg(error), true);
        return false;
    }
    m_window->setGateway(m_demo->createGateway(m_window));
    return true;
}

AwsResult<ServiceGateway *> ConnectionManager::createGateway(const ConnectionOptions &options) const
{
    ProxyAuthenticationHandler::Target target;
    target.report = [window = m_window](const QString &text) {
        if (window)
            window->showMessage(text, true);
    };
    target.dialogParent = m_window.data();
    return createGateway(options, target);
}

AwsResult<ServiceGateway *>
ConnectionManager::createGateway(const ConnectionOptions &chosen,
                                 const ProxyAuthenticationHandler::Target &target) const
{
    ConnectionOptions options = chosen;
    if (!options.prompts)
        options.prompts = m_prompts;
    const AwsResult<ResolvedConnection> resolved =
        ConnectionResolver::resolve(options, m_environment, m_store.get());
    if (!resolved.ok())
        return resolved.error();
    const ResolvedConnection &c = resolved.value();
    ClientGateway::Settings settings;
    settings.description.profileName = c.profileName;
    settings.description.region = c.region;
    settings.description.target = c.workspacesWebEndpoint.host();
    if (c.workspacesWebEndpoint.port() > 0)
        settings.description.target += u':' + QString::number(c.workspacesWebEndpoint.port());
    settings.description.credentialSource = c.credentials->description();
    settings.description.qBusinessInstanceId = c.qappsInstanceId;
    settings.workSpacesWebEndpoint = c.workspacesWebEndpoint;
    settings.qAppsEndpoint = c.qappsEndpoint;
    settings.stsEndpoint = c.stsEndpoint;
    settings.transport = c.transportOptions();
    auto *gateway = new ClientGateway(settings, c.credentials);
    m_proxyAuthentication->attach(gateway, target);
    return static_cast<ServiceGateway *>(gateway);
}

bool ConnectionManager::connectWith(const ConnectionOptions &options)
{
    ProxyAuthenticationHandler::Target target;
    // Once the proxy's credentials are known, connect again (the failed request is not resumed).
    target.retry = [self = QPointer<ConnectionManager>(this)] {
        if (self)
            self->connectWith(self->lastOptions());
    };
    target.report = [window = m_window](const QString &text) {
        if (window)
            window->showMessage(text, true);
    };
    target.dialogParent = m_window.data();
    const AwsResult<ServiceGateway *> gateway = createGateway(options, target);
    if (!gateway.ok()) {
        m_window->showMessage(tr("Could not connect: %1").arg(gateway.error().userMessage()), true);
        return false;
    }
    rememberOptions(options);
    m_window->setGateway(gateway.value());
    if (!options.qappsInstanceId.isEmpty())
        m_window->setQBusinessInstanceId(options.qappsInstanceId);
    return true;
}

void ConnectionManager::openConnectionDialog()
{
    auto *dialog = new ConnectionDialog(m_store.get(), m_environment, {}, m_window);
    // The dialog's test gateway: a proxy's question is answered over the dialog, and the test repeated.
    dialog->setGatewayFactory([this, d = QPointer<ConnectionDialog>(dialog)](const ConnectionOptions &o) {
        ProxyAuthenticationHandler::Target target;
        target.retry = [d] {
            if (d)
                d->testConnection();
        };
        target.report = [d](const QString &text) {
            if (d)
                d->showConnectionProblem(text);
        };
        target.dialogParent = d.data();
        return createGateway(o, target);
    });
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setOptions(lastOptions());
    connect(dialog, &ConnectionDialog::connectionChosen, this, &ConnectionManager::connectWith);
    connect(dialog, &ConnectionDialog::signInRequested, this, [this, dialog](const ConnectionOptions &o) {
        const AwsResult<SsoSignIn *> signIn = SsoSignIn::start(
            SharedConfig::selectedProfileName(o.profile, m_environment), m_environment, o, dialog);
        if (!signIn) {
            dialog->showSignInProblem(signIn.error().userMessage());
            return;
        }
        connect(signIn.value(), &SsoSignIn::signedIn, dialog, &ConnectionDialog::reloadProfiles);
    });
    dialog->open();
}

void ConnectionManager::signInAgain(const QString &profileName)
{
    const AwsResult<SsoSignIn *> signIn =
        SsoSignIn::start(SharedConfig::selectedProfileName(profileName, m_environment), m_environment,
                         lastOptions(), m_window);
    if (!signIn) {
        m_window->showMessage(tr("Could not sign in: %1").arg(signIn.error().userMessage()), true);
        return;
    }
    connect(signIn.value(), &SsoSignIn::signedIn, this, [this] {
        // A new gateway with new credentials: the provider of the old one gave up on the old sign-in.
        connectWith(lastOptions());
    });
}

ConnectionOptions ConnectionManager::lastOptions() const
{
    ConnectionOptions o;
    o.profile = m_settings->value(AppSettings::Key::LastProfile).toString();
    o.region = m_settings->value(AppSettings::Key::LastRegion).toString();
    o.endpointUrl = m_settings->value(AppSettings::Key::LastEndpointUrl).toString();
    NetworkSettings::read(*m_settings, &o);
    return o;
}

void ConnectionManager::rememberOptions(const ConnectionOptions &options)
{
    m_settings->setValue(AppSettings::Key::LastProfile, options.profile);
    m_settings->setValue(AppSettings::Key::LastRegion, options.region);
    m_settings->setValue(AppSettings::Key::LastEndpointUrl, options.endpointUrl);
    // A manual proxy URL's password goes to the keychain (and this session's memory), never the file.
    const QList<ProxyCredentials> secrets = NetworkSettings::write(m_settings, options);
    for (const ProxyCredentials &credentials : secrets) {
        m_proxyAuthentication->remember(credentials);
        m_proxyStore->write(credentials, this, [window = m_window](const AwsResult<std::monostate> &written) {
            if (!written && window)
                window->showMessage(written.error().userMessage(), true);
        });
    }
}
