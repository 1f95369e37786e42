// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The sign-ins as the person meets them, with the real MainWindow, ConnectionManager and credential
// providers against the emulator's STS, IAM Identity Center portal and OIDC over loopback: the MFA dialog
// for an assumed role (right code, wrong code, cancel), the device sign-in from the connection dialog to
// the first rows (approved through the emulator's route), and the expired-session banner.
#include "MainWindow.h"
#include "common/AppSettings.h"
#include "common/MessageBanner.h"
#include "connection/ConnectionDialog.h"
#include "connection/ConnectionManager.h"
#include "connection/MfaCodeDialog.h"
#include "connection/SsoSignInDialog.h"
#include "emulator/BackgroundEmulator.h"
#include "portals/PortalSelector.h"
#include "sessions/SessionTableModel.h"

#include <QApplication>
#include <QComboBox>
#include <QDesktopServices>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

const auto mfaSerial = u"arn:aws:iam::123456789012:mfa/alice"_s;

template <typename T>
T *openDialog()
{
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (auto *d = qobject_cast<T *>(w); d && d->isVisible())
            return d;
    }
    // Window-modal dialogs are children of the main window.
    for (QWidget *w : QApplication::allWidgets()) {
        if (auto *d = qobject_cast<T *>(w); d && d->isVisible())
            return d;
    }
    return nullptr;
}

/// With SESSIONSCOPE_SCREENSHOT_DIR set (the test run under Xvfb with the xcb platform), the whole screen
/// as `name`.png, taken with ImageMagick's import like a person would; otherwise nothing.
void screenshot(const QString &name)
{
    const QString dir = qEnvironmentVariable("SESSIONSCOPE_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QTest::qWait(300); // let the window manager-less X server paint
    QProcess::execute(u"import"_s, {u"-window"_s, u"root"_s, dir + u'/' + name + u".png"_s});
}

} // namespace

/// Catches what the app opens in the browser, so no browser starts during the tests.
class BrowserCatcher : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> opened;

public Q_SLOTS:
    void openUrl(const QUrl &url) { opened.append(url); }
};

class TestSignInEmulator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void mfaRightCodeLoadsTheRows();
    void mfaWrongCodeSaysSoAndDoesNotAskAgainByItself();
    void mfaCancelIsNotSignedIn();
    void identityCenterSignInFromTheConnectionDialogToTheFirstRows();
    void expiredSessionBannerSignsInAgainAndReloads();

private:
    void writeConfig();
    QProcessEnvironment environment() const;
    void postControl(const QByteArray &path, const QJsonObject &body);
    void approveOpenSignIn();
    MfaCodeDialog *waitForMfaDialog();
    SessionTableModel *model() const { return m_window->sessionModel(); }

    std::unique_ptr<BackgroundEmulator> m_emulator;
    BrowserCatcher m_browser;
    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<ConnectionManager> m_connections;
    QNetworkAccessManager m_network;
};

void TestSignInEmulator::initTestCase()
{
    EmulatorConfig config;
    config.portals = 2;
    config.sessionsPerPortal = 80;
    config.identity.requireMfaRoles = {u"mfa-role"_s};
    m_emulator = std::make_unique<BackgroundEmulator>(config);
    QString error;
    QVERIFY2(m_emulator->start(&error), qPrintable(error));
    QDesktopServices::setUrlHandler(u"http"_s, &m_browser, "openUrl");
    QDesktopServices::setUrlHandler(u"https"_s, &m_browser, "openUrl");
}

void TestSignInEmulator::cleanupTestCase()
{
    QDesktopServices::unsetUrlHandler(u"http"_s);
    QDesktopServices::unsetUrlHandler(u"https"_s);
    m_emulator.reset();
}

void TestSignInEmulator::init()
{
    m_browser.opened.clear();
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    writeConfig();
    m_settings = std::make_unique<AppSettings>(m_home->filePath(u"settings.ini"_s));
    m_window = std::make_unique<MainWindow>(m_settings.get());
    m_window->resize(1200, 700);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_connections = std::make_unique<ConnectionManager>(m_window.get(), m_settings.get(), environment());
}

void TestSignInEmulator::cleanup()
{
    m_connections.reset();
    m_window.reset();
    m_settings.reset();
    m_home.reset();
}

void TestSignInEmulator::writeConfig()
{
    QVERIFY(QDir(m_home->path()).mkpath(u".aws"_s));
    QFile file(m_home->filePath(u".aws/config"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    const QString config = uR"([profile base]
aws_access_key_id = %1
aws_secret_access_key = %2
region = %3

[profile admin]
role_arn = arn:aws:iam::123456789012:role/mfa-role
source_profile = base
mfa_serial = %4
region = %3

[profile dev]
sso_start_url = https://emulator.awsapps.com/start
sso_region = %3
sso_account_id = 123456789012
sso_role_name = demo-role
region = %3
)"_s.arg(EmulatorConfig::demoAccessKeyId(), EmulatorConfig::demoSecretAccessKey(), m_emulator->region(),
         mfaSerial);
    file.write(config.toUtf8());
}

QProcessEnvironment TestSignInEmulator::environment() const
{
    QProcessEnvironment env;
    env.insert(u"HOME"_s, m_home->path());
    env.insert(u"AWS_CONFIG_FILE"_s, m_home->filePath(u".aws/config"_s));
    env.insert(u"AWS_SHARED_CREDENTIALS_FILE"_s, m_home->filePath(u".aws/credentials"_s));
    // Every service of the emulator on its one port: STS, the portal, OIDC, WorkSpaces Web, Q Apps.
    env.insert(u"AWS_ENDPOINT_URL"_s, m_emulator->endpoint().toString());
    env.insert(u"AWS_EC2_METADATA_DISABLED"_s, u"true"_s);
    return env;
}

void TestSignInEmulator::postControl(const QByteArray &path, const QJsonObject &body)
{
    QNetworkRequest request(m_emulator->endpoint().resolved(QUrl(QString::fromLatin1(path))));
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    QNetworkReply *reply = m_network.post(request, QJsonDocument(body).toJson());
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
    QVERIFY2(reply->error() == QNetworkReply::NoError, reply->readAll().constData());
    reply->deleteLater();
}

void TestSignInEmulator::approveOpenSignIn()
{
    SsoSignInDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = openDialog<SsoSignInDialog>()) && !dialog->userCode().isEmpty(),
                             10000);
    // The verification page was opened in the (caught) browser, with the code in it.
    QTRY_VERIFY(!m_browser.opened.isEmpty());
    QVERIFY(m_browser.opened.last().toString().contains(dialog->userCode()));
    screenshot(u"sso-sign-in-dialog"_s);
    postControl("/_emulator/sso/approve", {{u"userCode"_s, dialog->userCode()}});
    QTRY_VERIFY_WITH_TIMEOUT(!openDialog<SsoSignInDialog>(), 15000);
}

MfaCodeDialog *TestSignInEmulator::waitForMfaDialog()
{
    MfaCodeDialog *dialog = nullptr;
    const bool shown =
        QTest::qWaitFor([&] { return (dialog = openDialog<MfaCodeDialog>()) != nullptr; }, 10000);
    return shown ? dialog : nullptr;
}

void TestSignInEmulator::mfaRightCodeLoadsTheRows()
{
    QVERIFY(m_connections->connectWith(ConnectionOptions{u"admin"_s}));
    MfaCodeDialog *dialog = waitForMfaDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->accessibleDescription().contains(mfaSerial));
    QVERIFY(dialog->accessibleDescription().contains(u"mfa-role"_s));
    screenshot(u"mfa-dialog"_s);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(u"mfaCodeLineEdit"_s), u"123456"_s);
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"mfaOkPushButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(model() && model()->rowCount() > 0, 15000);
    // One question for every call the window made (portals, sessions, who am I).
    QVERIFY(!openDialog<MfaCodeDialog>());
    auto *label = m_window->findChild<QLabel *>(u"connectionLabel"_s);
    QTRY_VERIFY_WITH_TIMEOUT(label->text().contains(u"123456789012"_s), 10000);
    QVERIFY2(label->text().startsWith(u"mfa-role"_s), qPrintable(label->text()));
    screenshot(u"who-am-i"_s);
}

void TestSignInEmulator::mfaWrongCodeSaysSoAndDoesNotAskAgainByItself()
{
    QVERIFY(m_connections->connectWith(ConnectionOptions{u"admin"_s}));
    MfaCodeDialog *dialog = waitForMfaDialog();
    QVERIFY(dialog);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(u"mfaCodeLineEdit"_s), u"000000"_s);
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"mfaOkPushButton"_s), Qt::LeftButton);
    MessageBanner *banner = m_window->messageBanner();
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible() && banner->severity() == MessageBanner::Severity::Error,
                             15000);
    QVERIFY2(!banner->text().contains(u"000000"_s), qPrintable(banner->text()));
    QVERIFY(!openDialog<MfaCodeDialog>());
    QVERIFY(!model() || model()->rowCount() == 0);

    // Retry is the person's choice: it asks once more, and the right code then works.
    QTest::mouseClick(banner->findChild<QPushButton *>(u"bannerActionPushButton"_s), Qt::LeftButton);
    dialog = waitForMfaDialog();
    QVERIFY(dialog);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(u"mfaCodeLineEdit"_s), u"123456"_s);
    QTest::keyClick(dialog->findChild<QLineEdit *>(u"mfaCodeLineEdit"_s), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(model() && model()->rowCount() > 0, 15000);
}

void TestSignInEmulator::mfaCancelIsNotSignedIn()
{
    QVERIFY(m_connections->connectWith(ConnectionOptions{u"admin"_s}));
    MfaCodeDialog *dialog = waitForMfaDialog();
    QVERIFY(dialog);
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"mfaCancelPushButton"_s), Qt::LeftButton);
    MessageBanner *banner = m_window->messageBanner();
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 10000);
    // The provider's sentence for a cancelled prompt: no code, not signed in.
    QVERIFY2(banner->text().contains(u"not signed in"_s, Qt::CaseInsensitive) &&
                 banner->text().contains(u"MFA"_s),
             qPrintable(banner->text()));
    QTest::qWait(200); // nothing asks again by itself
    QVERIFY(!openDialog<MfaCodeDialog>());
}

void TestSignInEmulator::identityCenterSignInFromTheConnectionDialogToTheFirstRows()
{
    m_connections->openConnectionDialog();
    ConnectionDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = openDialog<ConnectionDialog>()) != nullptr);
    auto *list = dialog->findChild<QListWidget *>(u"profileListWidget"_s);
    QListWidgetItem *dev = nullptr;
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->text().startsWith(u"dev "_s))
            dev = list->item(i);
        if (list->item(i)->text().startsWith(u"admin "_s))
            QVERIFY2(list->item(i)->text().contains(u"role + MFA"_s), qPrintable(list->item(i)->text()));
        if (list->item(i)->text().startsWith(u"base "_s))
            QVERIFY2(list->item(i)->text().contains(u"access keys"_s), qPrintable(list->item(i)->text()));
    }
    QVERIFY(dev);
    QVERIFY2(dev->text().contains(u"IAM Identity Center"_s) && dev->text().contains(u"not signed in"_s),
             qPrintable(dev->text()));
    list->setCurrentItem(dev);
    screenshot(u"connection-dialog-profiles"_s);
    auto *signIn = dialog->findChild<QPushButton *>(u"signInPushButton"_s);
    QVERIFY(signIn->isEnabled());
    QTest::mouseClick(signIn, Qt::LeftButton);
    approveOpenSignIn();

    // The list now says until when, and Connect shows the rows.
    QTRY_VERIFY2(list->currentItem() && list->currentItem()->text().contains(u"signed in until"_s),
                 qPrintable(list->currentItem() ? list->currentItem()->text() : QString()));
    screenshot(u"connection-dialog-signed-in"_s);
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"connectPushButton"_s), Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(model() && model()->rowCount() > 0,
                              qPrintable(m_window->messageBanner()->text()), 15000);
    QCOMPARE(m_window->gateway()->description().profileName, u"dev"_s);
}

void TestSignInEmulator::expiredSessionBannerSignsInAgainAndReloads()
{
    // Signed in, rows shown.
    QVERIFY(m_connections->connectWith(ConnectionOptions{u"dev"_s}));
    MessageBanner *banner = m_window->messageBanner();
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 15000); // never signed in: the same banner
    QVERIFY2(banner->actionText() == u"&Sign in again"_s, qPrintable(banner->text()));
    QTest::mouseClick(banner->findChild<QPushButton *>(u"bannerActionPushButton"_s), Qt::LeftButton);
    approveOpenSignIn();
    QTRY_VERIFY_WITH_TIMEOUT(model() && model()->rowCount() > 0, 15000);

    // Nine hours later (the emulator's sign-ins last eight), the sign-in is no longer accepted.
    postControl("/_emulator/advance-clock", {{u"seconds"_s, 9 * 3600}});
    m_window->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible() && banner->actionText() == u"&Sign in again"_s, 15000);
    QCOMPARE(banner->text(), u"Your IAM Identity Center sign-in for profile dev has expired."_s);
    QCOMPARE(banner->severity(), MessageBanner::Severity::Warning);
    screenshot(u"expired-session-banner"_s);
    QTest::mouseClick(banner->findChild<QPushButton *>(u"bannerActionPushButton"_s), Qt::LeftButton);
    approveOpenSignIn();
    QTRY_VERIFY_WITH_TIMEOUT(model() && model()->rowCount() > 0, 15000);
    QVERIFY(!banner->isVisible() || banner->actionText() != u"&Sign in again"_s);
}

QTEST_MAIN(TestSignInEmulator)
#include "tst_signinemulator.moc"
