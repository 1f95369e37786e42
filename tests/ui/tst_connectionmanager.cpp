// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The connection manager on its own, with a real main window: which credentials count as set up, what
// happens at start, connecting with a choice (remembered, never a secret), choices that do not resolve,
// what the gateway says about its connection, the connection dialog and the demo.
//
// Everything it reads is private to the test: the environment is passed in (HOME and the shared AWS
// files in a temporary folder), the window's settings are a temporary INI file, and the settings that
// hold SessionScope's own profiles are redirected to a temporary folder. Nothing here reads a secret,
// so no Secret Service is needed: credentials are only fetched when a request is signed.
#include "MainWindow.h"
#include "common/AppSettings.h"
#include "common/MessageBanner.h"
#include "common/ServiceGateway.h"
#include "connection/ConnectionDialog.h"
#include "connection/ConnectionManager.h"

#include <QCoreApplication>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

const QString accessKeyId = u"AKIAIOSFODNN7EXAMPLE"_s;
const QString secretKey = u"wJalrXUtnFEMI/K7MDENG/bPxRfiCYCONNMANAGER"_s;
const QString instanceId = u"11111111-2222-4333-8444-555555555555"_s;

} // namespace

class TestConnectionManager : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void credentialsConfiguredFindsEverySource_data();
    void credentialsConfiguredFindsEverySource();
    void withoutCredentialsStartupOffersTheDemo();
    void startupConnectsWithTheLastChoice();
    void connectingRemembersTheChoiceButNoSecret();
    void aChoiceThatDoesNotResolveIsRefused_data();
    void aChoiceThatDoesNotResolveIsRefused();
    void gatewayDescribesItsConnection_data();
    void gatewayDescribesItsConnection();
    void connectionDialogStartsFromTheLastChoice();
    void demoConnectsTheWindowWhileTheManagerLives();

private:
    void writeFile(const QString &name, const QByteArray &text);
    /// A SessionScope profile as the profile dialog stores it (without its secret, which is in the keychain).
    void addAppProfile(const QString &name, const QString &region);
    ConnectionManager *makeManager();
    QString settingsText() const;

    QTemporaryDir m_profileSettingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<ConnectionManager> m_manager;
    QProcessEnvironment m_env;
};

void TestConnectionManager::initTestCase()
{
    QVERIFY(m_profileSettingsDir.isValid());
    // The manager keeps SessionScope's profiles in the application's default settings: away from the
    // user's own.
    QCoreApplication::setOrganizationName(u"SessionScopeTest"_s);
    QCoreApplication::setApplicationName(u"tst_connectionmanager"_s);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_profileSettingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_profileSettingsDir.path());
}

void TestConnectionManager::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QSettings().clear();
    m_settings = std::make_unique<AppSettings>(m_dir->filePath(u"settings.ini"_s));
    m_window = std::make_unique<MainWindow>(m_settings.get());
    m_env = QProcessEnvironment();
    m_env.insert(u"HOME"_s, m_dir->path());
    m_env.insert(u"AWS_CONFIG_FILE"_s, m_dir->filePath(u"aws-config"_s));
    m_env.insert(u"AWS_SHARED_CREDENTIALS_FILE"_s, m_dir->filePath(u"aws-credentials"_s));
}

void TestConnectionManager::cleanup()
{
    m_manager.reset();
    m_window.reset();
    m_settings.reset();
    m_dir.reset();
    QSettings().clear();
}

void TestConnectionManager::writeFile(const QString &name, const QByteArray &text)
{
    QFile file(m_dir->filePath(name));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(text), text.size());
}

void TestConnectionManager::addAppProfile(const QString &name, const QString &region)
{
    QSettings settings;
    settings.beginGroup(u"appProfiles/"_s + name);
    settings.setValue(u"accessKeyId"_s, accessKeyId);
    settings.setValue(u"region"_s, region);
    settings.endGroup();
    settings.sync();
    QCOMPARE(settings.status(), QSettings::NoError);
}

ConnectionManager *TestConnectionManager::makeManager()
{
    m_manager = std::make_unique<ConnectionManager>(m_window.get(), m_settings.get(), m_env);
    return m_manager.get();
}

QString TestConnectionManager::settingsText() const
{
    m_settings->sync();
    QFile file(m_dir->filePath(u"settings.ini"_s));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

void TestConnectionManager::credentialsConfiguredFindsEverySource_data()
{
    QTest::addColumn<QString>("variable");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("fileText");
    QTest::addColumn<bool>("appProfile");
    QTest::addColumn<bool>("configured");

    QTest::newRow("nothing") << QString() << QString() << QByteArray() << false << false;
    QTest::newRow("empty shared files") << QString() << u"aws-config"_s << QByteArray() << false << false;
    QTest::newRow("environment keys") << u"AWS_ACCESS_KEY_ID"_s << QString() << QByteArray() << false << true;
    QTest::newRow("AWS_PROFILE") << u"AWS_PROFILE"_s << QString() << QByteArray() << false << true;
    QTest::newRow("a profile in the config file")
        << QString() << u"aws-config"_s << QByteArray("[profile dev]\nregion = eu-west-2\n") << false << true;
    QTest::newRow("keys in the credentials file")
        << QString() << u"aws-credentials"_s
        << QByteArray("[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = x\n")
        << false << true;
    QTest::newRow("a SessionScope profile") << QString() << QString() << QByteArray() << true << true;
}

void TestConnectionManager::credentialsConfiguredFindsEverySource()
{
    QFETCH(QString, variable);
    QFETCH(QString, file);
    QFETCH(QByteArray, fileText);
    QFETCH(bool, appProfile);
    QFETCH(bool, configured);

    if (!variable.isEmpty())
        m_env.insert(variable, u"dev"_s);
    if (!file.isEmpty())
        writeFile(file, fileText);
    if (appProfile)
        addAppProfile(u"mine"_s, u"eu-west-1"_s);
    QCOMPARE(makeManager()->credentialsConfigured(), configured);
}

void TestConnectionManager::withoutCredentialsStartupOffersTheDemo()
{
    makeManager()->connectAtStartup();
    QVERIFY(!m_window->gateway());
    MessageBanner *banner = m_window->messageBanner();
    QVERIFY(!banner->isHidden());
    QVERIFY2(banner->text().contains(u"No AWS credentials were found"_s), qPrintable(banner->text()));
    QVERIFY(banner->text().contains(u"demo"_s));
    // Not an error: a first start.
    QCOMPARE(banner->severity(), MessageBanner::Severity::Information);
}

void TestConnectionManager::startupConnectsWithTheLastChoice()
{
    m_env.insert(u"AWS_ACCESS_KEY_ID"_s, accessKeyId);
    m_env.insert(u"AWS_SECRET_ACCESS_KEY"_s, secretKey);
    m_settings->setValue(AppSettings::Key::LastRegion, u"eu-central-1"_s);
    m_settings->setValue(AppSettings::Key::LastEndpointUrl, u"http://127.0.0.1:9"_s);
    makeManager()->connectAtStartup();
    ServiceGateway *gateway = m_window->gateway();
    QVERIFY(gateway);
    const ServiceGateway::Description d = gateway->description();
    QCOMPARE(d.region, u"eu-central-1"_s);
    QCOMPARE(d.target, u"127.0.0.1:9"_s);
    QVERIFY(!d.demo);
}

void TestConnectionManager::connectingRemembersTheChoiceButNoSecret()
{
    m_env.insert(u"AWS_ACCESS_KEY_ID"_s, accessKeyId);
    m_env.insert(u"AWS_SECRET_ACCESS_KEY"_s, secretKey);
    writeFile(u"aws-config"_s, "[profile dev]\nregion = eu-west-2\n");
    ConnectionOptions options;
    options.profile = u"dev"_s;
    options.region = u"ap-southeast-2"_s;
    options.endpointUrl = u"http://127.0.0.1:9"_s;
    options.qappsInstanceId = instanceId;
    QVERIFY(makeManager()->connectWith(options));
    QVERIFY(m_window->gateway());
    QCOMPARE(m_window->gateway()->description().profileName, u"dev"_s);
    QCOMPARE(m_window->gateway()->description().qBusinessInstanceId, instanceId);

    QCOMPARE(m_settings->value(AppSettings::Key::LastProfile).toString(), u"dev"_s);
    QCOMPARE(m_settings->value(AppSettings::Key::LastRegion).toString(), u"ap-southeast-2"_s);
    QCOMPARE(m_settings->value(AppSettings::Key::LastEndpointUrl).toString(), u"http://127.0.0.1:9"_s);
    QCOMPARE(m_settings->qBusinessInstanceId(u"dev"_s), instanceId);
    const QString stored = settingsText();
    QVERIFY2(stored.contains(u"ap-southeast-2"_s), qPrintable(stored)); // the right file was read
    QVERIFY(!stored.contains(secretKey));
    QVERIFY(!stored.contains(accessKeyId));

    // Connecting again with another choice replaces the window's gateway.
    QPointer<ServiceGateway> first = m_window->gateway();
    options.profile.clear();
    options.qappsInstanceId.clear();
    QVERIFY(m_manager->connectWith(options));
    QVERIFY(m_window->gateway() && m_window->gateway() != first.data());
    QTRY_VERIFY(!first); // the old one goes
    QCOMPARE(m_settings->value(AppSettings::Key::LastProfile).toString(), QString());
    // Without an instance id in the choice, the one set for the profile stays.
    QCOMPARE(m_settings->qBusinessInstanceId(u"dev"_s), instanceId);
}

void TestConnectionManager::aChoiceThatDoesNotResolveIsRefused_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("endpointUrl");
    QTest::addColumn<QString>("words");

    QTest::newRow("unknown profile") << u"nope"_s << u"eu-west-1"_s << QString()
                                     << u"\"nope\" was not found"_s;
    QTest::newRow("no region anywhere") << QString() << QString() << QString() << u"region"_s;
    QTest::newRow("malformed region") << QString() << u"not a region!"_s << QString() << u"region"_s;
    QTest::newRow("malformed endpoint")
        << QString() << u"eu-west-1"_s << u"ftp://example.com"_s << u"ftp://example.com"_s;
}

void TestConnectionManager::aChoiceThatDoesNotResolveIsRefused()
{
    QFETCH(QString, profile);
    QFETCH(QString, region);
    QFETCH(QString, endpointUrl);
    QFETCH(QString, words);

    m_env.insert(u"AWS_ACCESS_KEY_ID"_s, accessKeyId);
    m_env.insert(u"AWS_SECRET_ACCESS_KEY"_s, secretKey);
    m_settings->setValue(AppSettings::Key::LastProfile, u"before"_s);
    m_settings->setValue(AppSettings::Key::LastRegion, u"us-east-1"_s);
    ConnectionOptions options;
    options.profile = profile;
    options.region = region;
    options.endpointUrl = endpointUrl;
    options.qappsInstanceId = instanceId;

    QVERIFY(!makeManager()->connectWith(options));
    QVERIFY(!m_window->gateway());
    MessageBanner *banner = m_window->messageBanner();
    QVERIFY(!banner->isHidden());
    QCOMPARE(banner->severity(), MessageBanner::Severity::Error);
    QVERIFY2(banner->text().startsWith(u"Could not connect: "_s), qPrintable(banner->text()));
    QVERIFY2(banner->text().contains(words, Qt::CaseInsensitive), qPrintable(banner->text()));
    // Nothing of the refused choice is remembered.
    QCOMPARE(m_settings->value(AppSettings::Key::LastProfile).toString(), u"before"_s);
    QCOMPARE(m_settings->value(AppSettings::Key::LastRegion).toString(), u"us-east-1"_s);
    QCOMPARE(m_settings->qBusinessInstanceId(profile.isEmpty() ? u"default"_s : profile), QString());
}

void TestConnectionManager::gatewayDescribesItsConnection_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("endpointUrl");
    QTest::addColumn<QString>("expectedProfile");
    QTest::addColumn<QString>("expectedRegion");
    QTest::addColumn<QString>("expectedTarget");
    QTest::addColumn<QString>("expectedSource");
    QTest::addColumn<QString>("expectedInstance");

    QTest::newRow("environment, region and endpoint given")
        << QString() << u"eu-west-1"_s << u"http://127.0.0.1:8443"_s << u"default"_s << u"eu-west-1"_s
        << u"127.0.0.1:8443"_s << u"environment, then profile default, then container and instance metadata"_s
        << QString();
    QTest::newRow("shared-files profile with its region")
        << u"dev"_s << QString() << QString() << u"dev"_s << u"eu-west-2"_s
        << u"workspaces-web.eu-west-2.amazonaws.com"_s << u"profile dev"_s << instanceId;
    QTest::newRow("shared-files profile, region overridden")
        << u"dev"_s << u"us-west-2"_s << QString() << u"dev"_s << u"us-west-2"_s
        << u"workspaces-web.us-west-2.amazonaws.com"_s << u"profile dev"_s << instanceId;
    QTest::newRow("SessionScope profile")
        << u"mine"_s << QString() << QString() << u"mine"_s << u"ca-central-1"_s
        << u"workspaces-web.ca-central-1.amazonaws.com"_s << u"profile mine"_s << QString();
}

void TestConnectionManager::gatewayDescribesItsConnection()
{
    QFETCH(QString, profile);
    QFETCH(QString, region);
    QFETCH(QString, endpointUrl);
    QFETCH(QString, expectedProfile);
    QFETCH(QString, expectedRegion);
    QFETCH(QString, expectedTarget);
    QFETCH(QString, expectedSource);
    QFETCH(QString, expectedInstance);

    m_env.insert(u"AWS_ACCESS_KEY_ID"_s, accessKeyId);
    m_env.insert(u"AWS_SECRET_ACCESS_KEY"_s, secretKey);
    writeFile(u"aws-config"_s, "[profile dev]\nregion = eu-west-2\nsessionscope_qapps_instance_id = " +
                                   instanceId.toUtf8() + "\n");
    addAppProfile(u"mine"_s, u"ca-central-1"_s);
    ConnectionOptions options;
    options.profile = profile;
    options.region = region;
    options.endpointUrl = endpointUrl;

    const AwsResult<ServiceGateway *> gateway = makeManager()->createGateway(options);
    QVERIFY2(gateway.ok(), qPrintable(gateway.ok() ? QString() : gateway.error().toLogLine()));
    const std::unique_ptr<ServiceGateway> owned(gateway.value());
    const ServiceGateway::Description d = owned->description();
    QCOMPARE(d.profileName, expectedProfile);
    QCOMPARE(d.region, expectedRegion);
    QCOMPARE(d.target, expectedTarget);
    QCOMPARE(d.credentialSource, expectedSource);
    QCOMPARE(d.qBusinessInstanceId, expectedInstance);
    QVERIFY(!d.demo);
    // Only a gateway was made: the window is not connected, nothing is remembered.
    QVERIFY(!m_window->gateway());
    QCOMPARE(m_settings->value(AppSettings::Key::LastRegion).toString(), QString());
}

void TestConnectionManager::connectionDialogStartsFromTheLastChoice()
{
    m_env.insert(u"AWS_ACCESS_KEY_ID"_s, accessKeyId);
    m_env.insert(u"AWS_SECRET_ACCESS_KEY"_s, secretKey);
    writeFile(u"aws-config"_s, "[profile dev]\nregion = eu-west-2\n");
    m_settings->setValue(AppSettings::Key::LastProfile, u"dev"_s);
    m_settings->setValue(AppSettings::Key::LastRegion, u"eu-north-1"_s);
    m_settings->setValue(AppSettings::Key::LastEndpointUrl, u"http://127.0.0.1:9"_s);
    makeManager();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

    // The window asks (File > Connection…, or the welcome panel); the manager opens the dialog.
    Q_EMIT m_window->connectionDialogRequested();
    QPointer<ConnectionDialog> dialog;
    QTRY_VERIFY((dialog = m_window->findChild<ConnectionDialog *>()) && dialog->isVisible());
    const ConnectionOptions shown = dialog->options();
    QCOMPARE(shown.profile, u"dev"_s);
    QCOMPARE(shown.region, u"eu-north-1"_s);
    QCOMPARE(shown.endpointUrl, u"http://127.0.0.1:9"_s);
    QVERIFY(!m_window->gateway());

    // The dialog's choice connects the window, and becomes the last choice.
    ConnectionOptions chosen = shown;
    chosen.region = u"sa-east-1"_s;
    Q_EMIT dialog->connectionChosen(chosen);
    QVERIFY(m_window->gateway());
    QCOMPARE(m_window->gateway()->description().region, u"sa-east-1"_s);
    QCOMPARE(m_settings->value(AppSettings::Key::LastRegion).toString(), u"sa-east-1"_s);
    dialog->close();
    QTRY_VERIFY(!dialog); // deleted on close
}

void TestConnectionManager::demoConnectsTheWindowWhileTheManagerLives()
{
    makeManager();
    Q_EMIT m_window->demoRequested();
    QPointer<ServiceGateway> gateway = m_window->gateway();
    QVERIFY(gateway);
    QVERIFY(gateway->description().demo);
    QVERIFY(m_manager->startDemo()); // a second start reuses the running demo
    QVERIFY(m_window->gateway() && m_window->gateway()->description().demo);
    // The demo's gateway talks to the manager's emulator: when the manager goes, so does the connection.
    m_manager.reset();
    QVERIFY(!m_window->gateway());
}

QTEST_MAIN(TestConnectionManager)
#include "tst_connectionmanager.moc"
