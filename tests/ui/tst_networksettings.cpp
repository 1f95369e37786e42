// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Issue 14's network settings in the GUI: the connection dialog's Network section (proxy, CA bundle,
// timeouts) into ConnectionOptions and the settings file (never a password there), its inline checks,
// and the 407 prompt: ProxyCredentialsDialog and ProxyAuthenticationHandler, with a real but private
// Secret Service (the test runs under tests/aws/with-secret-service.sh).
#include "aws/credentials/AppProfileStore.h"
#include "common/AppSettings.h"
#include "connection/ConnectionDialog.h"
#include "connection/NetworkSettings.h"
#include "connection/NetworkSettingsGroupBox.h"
#include "connection/ProxyAuthenticationHandler.h"
#include "connection/ProxyCredentialStore.h"
#include "connection/ProxyCredentialsDialog.h"

#include <QAuthenticator>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkProxy>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

template <typename T>
T *child(QObject *parent, const QString &name)
{
    T *found = parent->findChild<T *>(name);
    if (!found)
        qWarning("no child %s", qPrintable(name));
    return found;
}

const QString proxyPassword = u"Pr0xy-S3cret!"_s;

ProxyCredentialsDialog *openedDialog(const QSignalSpy &spy, int index = 0)
{
    return qobject_cast<ProxyCredentialsDialog *>(spy.at(index).at(0).value<QObject *>());
}

} // namespace

class TestNetworkSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void dialogGivesTheNetworkChoicesAsOptions();
    void dialogShowsTheOptionsItIsGiven();
    void environmentModeLeavesTheProxyUnset();
    void badFieldsAreNamedInlineAndBlockConnect_data();
    void badFieldsAreNamedInlineAndBlockConnect();
    void settingsRoundTripWithoutThePassword();
    void timeoutsAreSecondsInTheDialog_data();
    void timeoutsAreSecondsInTheDialog();
    void credentialsDialogFillsTheAuthenticator();
    void credentialsDialogNamesTheProxyAndForgetsThePassword();
    void handlerAsksThenAnswersTheNext407();
    void handlerOffersKeychainCredentialsFirst();
    void handlerAsksOnceMoreAfterARefusalThenGivesUp();
    void handlerCancelSaysWhatIsMissing();

private:
    std::unique_ptr<ConnectionDialog> makeDialog();
    std::optional<ProxyCredentials> readStored(const QString &host, int port);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_profileSettings;
    std::unique_ptr<AppProfileStore> m_store;
    QProcessEnvironment m_environment;
};

void TestNetworkSettings::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QFile config(m_dir->filePath(u"config"_s));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("[default]\nregion = us-east-1\n");
    config.close();
    m_environment = QProcessEnvironment();
    m_environment.insert(u"HOME"_s, m_dir->path());
    m_environment.insert(u"AWS_CONFIG_FILE"_s, m_dir->filePath(u"config"_s));
    m_environment.insert(u"AWS_SHARED_CREDENTIALS_FILE"_s, m_dir->filePath(u"credentials"_s));
    m_profileSettings = std::make_unique<QSettings>(m_dir->filePath(u"profiles.ini"_s), QSettings::IniFormat);
    m_store = std::make_unique<AppProfileStore>(m_profileSettings.get());
}

void TestNetworkSettings::cleanup()
{
    m_store.reset();
    m_profileSettings.reset();
    m_dir.reset();
}

std::unique_ptr<ConnectionDialog> TestNetworkSettings::makeDialog()
{
    auto dialog = std::make_unique<ConnectionDialog>(
        m_store.get(), m_environment, [](const ConnectionOptions &) -> AwsResult<ServiceGateway *> {
            return AwsError(AwsError::Category::Configuration, u"no gateway in this test"_s);
        });
    dialog->show();
    return dialog;
}

std::optional<ProxyCredentials> TestNetworkSettings::readStored(const QString &host, int port)
{
    ProxyCredentialStore store;
    bool answered = false;
    std::optional<ProxyCredentials> result;
    QObject context;
    store.read(host, port, &context, [&](const std::optional<ProxyCredentials> &c) {
        result = c;
        answered = true;
    });
    if (!QTest::qWaitFor([&] { return answered; }, 30'000))
        qWarning("the keychain did not answer");
    return result;
}

void TestNetworkSettings::dialogGivesTheNetworkChoicesAsOptions()
{
    const QString bundle = m_dir->filePath(u"ca.pem"_s);
    QFile file(bundle);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("-----BEGIN CERTIFICATE-----\n");
    file.close();

    auto dialog = makeDialog();
    auto *mode = child<QComboBox>(dialog.get(), u"proxyModeComboBox"_s);
    QVERIFY(mode);
    mode->setCurrentIndex(mode->findData(int(ProxySettings::Mode::Manual)));
    QVERIFY(child<QLineEdit>(dialog.get(), u"httpsProxyLineEdit"_s)->isVisible());
    child<QLineEdit>(dialog.get(), u"httpsProxyLineEdit"_s)->setText(u"alice@proxy.corp.example:3128"_s);
    child<QLineEdit>(dialog.get(), u"httpProxyLineEdit"_s)->setText(u"https://plain.corp.example"_s);
    child<QLineEdit>(dialog.get(), u"noProxyLineEdit"_s)
        ->setText(u".corp.example, 10.0.0.0/8 localhost:8080"_s);
    child<QLineEdit>(dialog.get(), u"caBundleLineEdit"_s)->setText(bundle);
    child<QLineEdit>(dialog.get(), u"connectTimeoutLineEdit"_s)->setText(u"0"_s);
    child<QLineEdit>(dialog.get(), u"readTimeoutLineEdit"_s)->setText(u"2.5"_s);

    QSignalSpy chosen(dialog.get(), &ConnectionDialog::connectionChosen);
    child<QPushButton>(dialog.get(), u"connectPushButton"_s)->click();
    QCOMPARE(chosen.count(), 1);
    const auto o = chosen.at(0).at(0).value<ConnectionOptions>();
    QVERIFY(o.proxy.has_value());
    QCOMPARE(o.proxy->mode, ProxySettings::Mode::Manual);
    QCOMPARE(o.proxy->httpsProxy, QUrl(u"http://alice@proxy.corp.example:3128"_s));
    QCOMPARE(o.proxy->httpProxy, QUrl(u"https://plain.corp.example"_s));
    QCOMPARE(o.proxy->noProxy, (QStringList{u".corp.example"_s, u"10.0.0.0/8"_s, u"localhost:8080"_s}));
    QCOMPARE(o.caBundle, bundle);
    QCOMPARE(o.connectTimeoutMs, std::optional<int>(0));
    QCOMPARE(o.readTimeoutMs, std::optional<int>(2500));
}

void TestNetworkSettings::dialogShowsTheOptionsItIsGiven()
{
    ConnectionOptions given;
    given.profile = u"default"_s;
    ProxySettings proxy;
    proxy.mode = ProxySettings::Mode::Manual;
    proxy.httpsProxy = QUrl(u"http://bob@proxy.example:8080"_s);
    proxy.noProxy = {u"*.internal"_s, u"192.168.0.0/16"_s};
    given.proxy = proxy;
    given.caBundle = u"/etc/ssl/company.pem"_s;
    given.readTimeoutMs = 90'000;

    auto dialog = makeDialog();
    dialog->setOptions(given);
    QCOMPARE(child<QComboBox>(dialog.get(), u"proxyModeComboBox"_s)->currentData().toInt(),
             int(ProxySettings::Mode::Manual));
    QCOMPARE(child<QLineEdit>(dialog.get(), u"readTimeoutLineEdit"_s)->text(), u"90"_s);
    QCOMPARE(child<QLineEdit>(dialog.get(), u"connectTimeoutLineEdit"_s)->text(), QString());
    const ConnectionOptions back = dialog->options();
    QVERIFY(back.proxy.has_value());
    QCOMPARE(back.proxy->httpsProxy, proxy.httpsProxy);
    QCOMPARE(back.proxy->httpProxy, QUrl());
    QCOMPARE(back.proxy->noProxy, proxy.noProxy);
    QCOMPARE(back.caBundle, given.caBundle);
    QCOMPARE(back.connectTimeoutMs, std::optional<int>());
    QCOMPARE(back.readTimeoutMs, std::optional<int>(90'000));

    // No proxy and the system's are choices of their own.
    for (const ProxySettings::Mode mode : {ProxySettings::Mode::None, ProxySettings::Mode::System}) {
        ConnectionOptions o = given;
        o.proxy->mode = mode;
        dialog->setOptions(o);
        QVERIFY(!child<QLineEdit>(dialog.get(), u"httpsProxyLineEdit"_s)->isVisible());
        QCOMPARE(dialog->options().proxy->mode, mode);
    }
}

void TestNetworkSettings::environmentModeLeavesTheProxyUnset()
{
    auto dialog = makeDialog();
    // The default is the environment's variables, the CLI's only behaviour: no proxy in the options.
    QCOMPARE(child<QComboBox>(dialog.get(), u"proxyModeComboBox"_s)->currentData().toInt(),
             int(ProxySettings::Mode::Environment));
    const ConnectionOptions o = dialog->options();
    QVERIFY(!o.proxy.has_value());
    QVERIFY(o.caBundle.isEmpty());
    QVERIFY(!o.connectTimeoutMs && !o.readTimeoutMs);
}

void TestNetworkSettings::badFieldsAreNamedInlineAndBlockConnect_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("named");

    QTest::newRow("https proxy: not a URL")
        << u"httpsProxyLineEdit"_s << u"http://:3128"_s << u"HTTPS proxy"_s;
    QTest::newRow("https proxy: socks")
        << u"httpsProxyLineEdit"_s << u"socks5://proxy:1080"_s << u"HTTPS proxy"_s;
    QTest::newRow("http proxy: a path")
        << u"httpProxyLineEdit"_s << u"http://proxy:3128/x"_s << u"HTTP proxy"_s;
    QTest::newRow("CA bundle: missing")
        << u"caBundleLineEdit"_s << u"/nonexistent/ca.pem"_s << u"CA bundle"_s;
    QTest::newRow("CA bundle: a folder") << u"caBundleLineEdit"_s << u"/"_s << u"CA bundle"_s;
    QTest::newRow("connect timeout: negative")
        << u"connectTimeoutLineEdit"_s << u"-5"_s << u"Connect timeout"_s;
    QTest::newRow("read timeout: words") << u"readTimeoutLineEdit"_s << u"soon"_s << u"Read timeout"_s;
}

void TestNetworkSettings::badFieldsAreNamedInlineAndBlockConnect()
{
    QFETCH(QString, field);
    QFETCH(QString, text);
    QFETCH(QString, named);

    auto dialog = makeDialog();
    auto *mode = child<QComboBox>(dialog.get(), u"proxyModeComboBox"_s);
    mode->setCurrentIndex(mode->findData(int(ProxySettings::Mode::Manual)));
    child<QLineEdit>(dialog.get(), u"httpsProxyLineEdit"_s)->setText(u"proxy.corp.example:3128"_s);
    child<QLineEdit>(dialog.get(), field)->setText(text);

    QSignalSpy chosen(dialog.get(), &ConnectionDialog::connectionChosen);
    child<QPushButton>(dialog.get(), u"connectPushButton"_s)->click();
    QCOMPARE(chosen.count(), 0);
    QVERIFY(dialog->isVisible());
    auto *problem = child<QLabel>(dialog.get(), u"networkProblemLabel"_s);
    QVERIFY(problem->isVisible());
    QVERIFY2(problem->text().startsWith(named + u':'), qPrintable(problem->text()));
    // Test connection refuses too, without calling the factory.
    child<QPushButton>(dialog.get(), u"testConnectionPushButton"_s)->click();
    QVERIFY(!dialog->testResult().contains(u"no gateway"_s));

    // Fixing the field takes the sentence away.
    child<QLineEdit>(dialog.get(), field)
        ->setText(field == u"httpsProxyLineEdit" ? u"proxy:3128"_s : QString());
    QVERIFY(!problem->isVisible());
    child<QPushButton>(dialog.get(), u"connectPushButton"_s)->click();
    QCOMPARE(chosen.count(), 1);
}

void TestNetworkSettings::settingsRoundTripWithoutThePassword()
{
    const QString path = m_dir->filePath(u"app.ini"_s);
    ConnectionOptions chosen;
    ProxySettings proxy;
    proxy.mode = ProxySettings::Mode::Manual;
    QUrl https(u"http://proxy.corp.example:3128"_s);
    https.setUserName(u"alice"_s);
    https.setPassword(proxyPassword);
    proxy.httpsProxy = https;
    proxy.httpProxy = QUrl(u"http://plain.corp.example:8080"_s);
    proxy.noProxy = {u".corp.example"_s, u"10.0.0.0/8"_s};
    chosen.proxy = proxy;
    chosen.caBundle = u"/etc/ssl/company.pem"_s;
    chosen.connectTimeoutMs = 0;
    chosen.readTimeoutMs = 120'000;
    {
        AppSettings settings(path);
        const QList<ProxyCredentials> secrets = NetworkSettings::write(&settings, chosen);
        QCOMPARE(secrets.size(), 1);
        QCOMPARE(secrets.at(0).host, u"proxy.corp.example"_s);
        QCOMPARE(secrets.at(0).port, 3128);
        QCOMPARE(secrets.at(0).user, u"alice"_s);
        QCOMPARE(secrets.at(0).password, proxyPassword);
        settings.sync();
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray written = file.readAll();
    QVERIFY2(!written.contains(proxyPassword.toUtf8()), written.constData());
    QVERIFY(!written.contains(QUrl::toPercentEncoding(proxyPassword)));
    QVERIFY(written.contains("alice@proxy.corp.example:3128"));

    const AppSettings reread(path);
    ConnectionOptions back;
    NetworkSettings::read(reread, &back);
    QVERIFY(back.proxy.has_value());
    QCOMPARE(back.proxy->mode, ProxySettings::Mode::Manual);
    QCOMPARE(back.proxy->httpsProxy, QUrl(u"http://alice@proxy.corp.example:3128"_s));
    QCOMPARE(back.proxy->httpProxy, proxy.httpProxy);
    QCOMPARE(back.proxy->noProxy, proxy.noProxy);
    QCOMPARE(back.caBundle, chosen.caBundle);
    QCOMPARE(back.connectTimeoutMs, std::optional<int>(0));
    QCOMPARE(back.readTimeoutMs, std::optional<int>(120'000));

    // Back to the environment's proxy and no timeouts: the options say "unset" again.
    {
        AppSettings settings(path);
        NetworkSettings::write(&settings, ConnectionOptions{});
    }
    ConnectionOptions cleared;
    cleared.caBundle = u"stale"_s;
    NetworkSettings::read(AppSettings(path), &cleared);
    QVERIFY(!cleared.proxy.has_value());
    QVERIFY(cleared.caBundle.isEmpty());
    QVERIFY(!cleared.connectTimeoutMs && !cleared.readTimeoutMs);
}

void TestNetworkSettings::timeoutsAreSecondsInTheDialog_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("milliseconds"); // -1: unset

    QTest::newRow("empty: unset") << u"  "_s << true << -1;
    QTest::newRow("0: no limit") << u"0"_s << true << 0;
    QTest::newRow("whole seconds") << u"30"_s << true << 30'000;
    QTest::newRow("fraction") << u"0.25"_s << true << 250;
    QTest::newRow("negative") << u"-1"_s << false << -1;
    QTest::newRow("not a number") << u"1m"_s << false << -1;
    QTest::newRow("too long") << u"1e12"_s << false << -1;
    QTest::newRow("infinite") << u"inf"_s << false << -1;
}

void TestNetworkSettings::timeoutsAreSecondsInTheDialog()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(int, milliseconds);
    std::optional<int> parsed = 7;
    QString problem;
    QCOMPARE(NetworkSettings::parseTimeout(text, &parsed, &problem), valid);
    QCOMPARE(problem.isEmpty(), valid);
    QCOMPARE(parsed, milliseconds < 0 ? std::optional<int>() : std::optional<int>(milliseconds));
    if (parsed)
        QCOMPARE(NetworkSettings::timeoutText(parsed),
                 QString::number(double(milliseconds) / 1000.0, 'g', 10));
}

void TestNetworkSettings::credentialsDialogFillsTheAuthenticator()
{
    ProxyCredentialsDialog dialog(ProxyCredentials{u"proxy.corp.example"_s, 3128, {}, {}}, false);
    dialog.show();
    auto *ok = child<QPushButton>(&dialog, u"proxyOkPushButton"_s);
    QVERIFY(!ok->isEnabled());
    child<QLineEdit>(&dialog, u"proxyUserLineEdit"_s)->setText(u"alice"_s);
    child<QLineEdit>(&dialog, u"proxyPasswordLineEdit"_s)->setText(proxyPassword);
    QCOMPARE(child<QLineEdit>(&dialog, u"proxyPasswordLineEdit"_s)->echoMode(), QLineEdit::Password);
    child<QCheckBox>(&dialog, u"rememberProxyCheckBox"_s)->setChecked(true);
    QVERIFY(ok->isEnabled());

    QAuthenticator authenticator;
    dialog.fillAuthenticator(&authenticator);
    QCOMPARE(authenticator.user(), u"alice"_s);
    QCOMPARE(authenticator.password(), proxyPassword);

    QSignalSpy entered(&dialog, &ProxyCredentialsDialog::credentialsEntered);
    ok->click();
    QCOMPARE(entered.count(), 1);
    const auto credentials = entered.at(0).at(0).value<ProxyCredentials>();
    QCOMPARE(credentials.hostAndPort(), u"proxy.corp.example:3128"_s);
    QCOMPARE(credentials.user, u"alice"_s);
    QCOMPARE(credentials.password, proxyPassword);
    QCOMPARE(entered.at(0).at(1).toBool(), true);
}

void TestNetworkSettings::credentialsDialogNamesTheProxyAndForgetsThePassword()
{
    ProxyCredentialsDialog dialog(ProxyCredentials{u"10.1.2.3"_s, 8080, u"bob"_s, u"wrong"_s}, true);
    dialog.show();
    const QString explanation = child<QLabel>(&dialog, u"proxyExplanationLabel"_s)->text();
    QVERIFY2(explanation.contains(u"10.1.2.3:8080"_s), qPrintable(explanation));
    QVERIFY2(explanation.contains(u"did not accept"_s), qPrintable(explanation));
    // A refused password is not offered again; the user name is.
    QCOMPARE(child<QLineEdit>(&dialog, u"proxyUserLineEdit"_s)->text(), u"bob"_s);
    QVERIFY(child<QLineEdit>(&dialog, u"proxyPasswordLineEdit"_s)->text().isEmpty());
    child<QLineEdit>(&dialog, u"proxyPasswordLineEdit"_s)->setText(proxyPassword);
    child<QPushButton>(&dialog, u"proxyCancelPushButton"_s)->click();
    QVERIFY(child<QLineEdit>(&dialog, u"proxyPasswordLineEdit"_s)->text().isEmpty());
}

void TestNetworkSettings::handlerAsksThenAnswersTheNext407()
{
    ProxyCredentialStore store;
    ProxyAuthenticationHandler handler(&store);
    int retries = 0;
    QStringList reports;
    ProxyAuthenticationHandler::Target target;
    target.retry = [&] { ++retries; };
    target.report = [&](const QString &text) { reports.append(text); };
    QSignalSpy opened(&handler, &ProxyAuthenticationHandler::credentialsDialogOpened);
    const QNetworkProxy proxy(QNetworkProxy::HttpProxy, u"ask.corp.example"_s, 3128);

    QAuthenticator first;
    handler.authenticate(proxy, &first, target);
    // Nothing known: the request fails with 407, and the question comes after it.
    QVERIFY(first.user().isEmpty());
    QAuthenticator concurrent;
    handler.authenticate(proxy, &concurrent, target);
    QVERIFY(opened.wait(30'000));
    QCOMPARE(opened.count(), 1);
    auto *dialog = openedDialog(opened);
    child<QLineEdit>(dialog, u"proxyUserLineEdit"_s)->setText(u"carol"_s);
    child<QLineEdit>(dialog, u"proxyPasswordLineEdit"_s)->setText(proxyPassword);
    child<QCheckBox>(dialog, u"rememberProxyCheckBox"_s)->setChecked(true);
    child<QPushButton>(dialog, u"proxyOkPushButton"_s)->click();
    QCOMPARE(retries, 1);

    QAuthenticator next;
    handler.authenticate(proxy, &next, target);
    QCOMPARE(next.user(), u"carol"_s);
    QCOMPARE(next.password(), proxyPassword);
    QVERIFY(reports.isEmpty());
    // "Remember" put them in the keychain, and only there.
    QTRY_VERIFY_WITH_TIMEOUT(readStored(u"ask.corp.example"_s, 3128).has_value(), 30'000);
    const auto stored = readStored(u"ASK.corp.example"_s, 3128);
    QCOMPARE(stored->user, u"carol"_s);
    QCOMPARE(stored->password, proxyPassword);
}

void TestNetworkSettings::handlerOffersKeychainCredentialsFirst()
{
    ProxyCredentialStore store;
    bool written = false;
    QObject context;
    store.write(ProxyCredentials{u"stored.corp.example"_s, 8080, u"dave"_s, proxyPassword}, &context,
                [&](const AwsResult<std::monostate> &result) {
                    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().userMessage()));
                    written = true;
                });
    QTRY_VERIFY_WITH_TIMEOUT(written, 30'000);

    ProxyAuthenticationHandler handler(&store);
    int retries = 0;
    ProxyAuthenticationHandler::Target target;
    target.retry = [&] { ++retries; };
    QSignalSpy opened(&handler, &ProxyAuthenticationHandler::credentialsDialogOpened);
    const QNetworkProxy proxy(QNetworkProxy::HttpProxy, u"stored.corp.example"_s, 8080);
    QAuthenticator first;
    handler.authenticate(proxy, &first, target);
    QTRY_COMPARE_WITH_TIMEOUT(retries, 1, 30'000);
    QCOMPARE(opened.count(), 0);
    QAuthenticator next;
    handler.authenticate(proxy, &next, target);
    QCOMPARE(next.user(), u"dave"_s);
    QCOMPARE(next.password(), proxyPassword);
}

void TestNetworkSettings::handlerAsksOnceMoreAfterARefusalThenGivesUp()
{
    ProxyCredentialStore store;
    ProxyAuthenticationHandler handler(&store);
    handler.remember(ProxyCredentials{u"strict.corp.example"_s, 3128, u"erin"_s, u"stale"_s});
    int retries = 0;
    QStringList reports;
    ProxyAuthenticationHandler::Target target;
    target.retry = [&] { ++retries; };
    target.report = [&](const QString &text) { reports.append(text); };
    QSignalSpy opened(&handler, &ProxyAuthenticationHandler::credentialsDialogOpened);
    const QNetworkProxy proxy(QNetworkProxy::HttpProxy, u"strict.corp.example"_s, 3128);

    // The known password is offered; the proxy refuses it (the network manager asks again with it).
    QAuthenticator authenticator;
    handler.authenticate(proxy, &authenticator, target);
    QCOMPARE(authenticator.password(), u"stale"_s);
    handler.authenticate(proxy, &authenticator, target);
    QCOMPARE(authenticator.password(), u"stale"_s); // left as it is: this request fails with 407
    QVERIFY(opened.wait(30'000));
    auto *dialog = openedDialog(opened);
    QVERIFY(child<QLabel>(dialog, u"proxyExplanationLabel"_s)->text().contains(u"did not accept"_s));
    QCOMPARE(child<QLineEdit>(dialog, u"proxyUserLineEdit"_s)->text(), u"erin"_s);
    child<QLineEdit>(dialog, u"proxyPasswordLineEdit"_s)->setText(u"also wrong"_s);
    child<QPushButton>(dialog, u"proxyOkPushButton"_s)->click();
    QCOMPARE(retries, 1);

    // The retry's 407: the new password is offered, and refused too. No third question: a sentence.
    QAuthenticator again;
    handler.authenticate(proxy, &again, target);
    QCOMPARE(again.password(), u"also wrong"_s);
    handler.authenticate(proxy, &again, target);
    QTRY_COMPARE(reports.size(), 1);
    QCOMPARE(opened.count(), 1);
    QCOMPARE(retries, 1);
    QVERIFY2(reports.at(0).contains(u"strict.corp.example:3128"_s), qPrintable(reports.at(0)));
    QVERIFY2(reports.at(0).contains(u"refused"_s), qPrintable(reports.at(0)));
    QVERIFY(!reports.at(0).contains(u"also wrong"_s));
}

void TestNetworkSettings::handlerCancelSaysWhatIsMissing()
{
    ProxyCredentialStore store;
    ProxyAuthenticationHandler handler(&store);
    QStringList reports;
    int retries = 0;
    ProxyAuthenticationHandler::Target target;
    target.retry = [&] { ++retries; };
    target.report = [&](const QString &text) { reports.append(text); };
    QSignalSpy opened(&handler, &ProxyAuthenticationHandler::credentialsDialogOpened);
    QAuthenticator authenticator;
    handler.authenticate(QNetworkProxy(QNetworkProxy::HttpProxy, u"cancel.corp.example"_s, 3128),
                         &authenticator, target);
    QVERIFY(opened.wait(30'000));
    child<QPushButton>(openedDialog(opened), u"proxyCancelPushButton"_s)->click();
    QCOMPARE(
        reports,
        QStringList{u"Not connected: the proxy cancel.corp.example:3128 needs a user name and password."_s});
    QCOMPARE(retries, 0);
}

QTEST_MAIN(TestNetworkSettings)
#include "tst_networksettings.moc"
