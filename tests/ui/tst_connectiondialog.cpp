// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The connection dialog and the app-profile dialog, driven through their widgets: the profiles of the
// shared AWS files (from a temporary config and credentials file), the options they give, Test
// connection (on a FakeServiceGateway), and SessionScope's own profiles, whose secrets go to a real but
// private Secret Service (the test runs under tests/aws/with-secret-service.sh).
#include "FakeServiceGateway.h"
#include "aws/credentials/AppProfileStore.h"
#include "aws/credentials/KeychainAccess.h"
#include "connection/AppProfileDialog.h"
#include "connection/ConnectionDialog.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

const QString secretKey = u"wJalrXUtnFEMI/K7MDENG/bPxRfiCYCANARYSECRET"_s;

template <typename T>
T *child(QObject *parent, const QString &name)
{
    T *found = parent->findChild<T *>(name);
    if (!found)
        qWarning("no child %s", qPrintable(name));
    return found;
}

QStringList itemTexts(QListWidget *list)
{
    QStringList out;
    for (int i = 0; i < list->count(); ++i)
        out.append(list->item(i)->text());
    return out;
}

} // namespace

class TestConnectionDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void listsSharedProfiles();
    void showsBrokenSharedFile();
    void optionsRoundTrip();
    void connectEmitsTheOptions();
    void testConnectionCountsPortals();
    void testConnectionShowsErrors();
    void newProfileKeepsItsSecretInTheKeychain();
    void profileDialogRefusesBadInput();
    void editKeepsTheSecret();
    void deleteRemovesProfileAndSecret();

private:
    void writeFile(const QString &name, const QByteArray &text);
    std::unique_ptr<ConnectionDialog> makeDialog(ConnectionDialog::GatewayFactory factory = {});
    /// Creates an app profile through the dialogs, as a user would; false when it was not saved.
    bool createProfileThroughDialog(ConnectionDialog *dialog, const QString &name, const QString &accessKey,
                                    const QString &secret, const QString &region);
    AwsResult<AppProfileStore::Secret> readSecret(const QString &name);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<AppProfileStore> m_store;
    QProcessEnvironment m_environment;
};

void TestConnectionDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    writeFile(u"config"_s, "[default]\nregion = us-east-1\n\n[profile prod]\nregion = eu-west-1\n");
    writeFile(u"credentials"_s, "[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
                                "aws_secret_access_key = notused\n\n[prod]\naws_access_key_id = "
                                "AKIAIOSFODNN7EXAMPL2\naws_secret_access_key = notused\n");
    m_environment = QProcessEnvironment();
    m_environment.insert(u"HOME"_s, m_dir->path());
    m_environment.insert(u"AWS_CONFIG_FILE"_s, m_dir->filePath(u"config"_s));
    m_environment.insert(u"AWS_SHARED_CREDENTIALS_FILE"_s, m_dir->filePath(u"credentials"_s));
    m_settings = std::make_unique<QSettings>(m_dir->filePath(u"settings.ini"_s), QSettings::IniFormat);
    m_store = std::make_unique<AppProfileStore>(m_settings.get());
}

void TestConnectionDialog::cleanup()
{
    m_store.reset();
    m_settings.reset();
    m_dir.reset();
}

void TestConnectionDialog::writeFile(const QString &name, const QByteArray &text)
{
    QFile file(m_dir->filePath(name));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text);
}

std::unique_ptr<ConnectionDialog> TestConnectionDialog::makeDialog(ConnectionDialog::GatewayFactory factory)
{
    if (!factory) {
        factory = [](const ConnectionOptions &) -> AwsResult<ServiceGateway *> {
            return AwsError(AwsError::Category::Configuration, u"no factory in this test"_s);
        };
    }
    auto dialog = std::make_unique<ConnectionDialog>(m_store.get(), m_environment, std::move(factory));
    dialog->show();
    return dialog;
}

AwsResult<AppProfileStore::Secret> TestConnectionDialog::readSecret(const QString &name)
{
    std::optional<AwsResult<AppProfileStore::Secret>> result;
    QObject context;
    m_store->readSecret(name, &context, [&](const AwsResult<AppProfileStore::Secret> &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 30'000))
        return AwsError(AwsError::Category::Timeout, u"the keychain did not answer"_s);
    return *result;
}

bool TestConnectionDialog::createProfileThroughDialog(ConnectionDialog *dialog, const QString &name,
                                                      const QString &accessKey, const QString &secret,
                                                      const QString &region)
{
    auto *newButton = child<QPushButton>(dialog, u"newProfilePushButton"_s);
    if (!newButton || !newButton->isEnabled())
        return false;
    newButton->click();
    auto *profileDialog = child<AppProfileDialog>(dialog, u"appProfileDialog"_s);
    if (!profileDialog)
        return false;
    QSignalSpy saved(profileDialog, &AppProfileDialog::profileSaved);
    child<QLineEdit>(profileDialog, u"profileNameLineEdit"_s)->setText(name);
    child<QLineEdit>(profileDialog, u"accessKeyIdLineEdit"_s)->setText(accessKey);
    child<QLineEdit>(profileDialog, u"secretAccessKeyLineEdit"_s)->setText(secret);
    child<QLineEdit>(profileDialog, u"profileRegionLineEdit"_s)->setText(region);
    child<QPushButton>(profileDialog, u"profileSavePushButton"_s)->click();
    return QTest::qWaitFor([&] { return saved.count() == 1; }, 30'000);
}

void TestConnectionDialog::listsSharedProfiles()
{
    auto dialog = makeDialog();
    auto *list = child<QListWidget>(dialog.get(), u"profileListWidget"_s);
    QVERIFY(list);
    const QStringList texts = itemTexts(list);
    QCOMPARE(texts.size(), 2);
    QVERIFY2(texts.at(0).startsWith(u"default"_s), qPrintable(texts.join(u" | "_s)));
    QVERIFY2(texts.at(1).startsWith(u"prod"_s) && texts.at(1).contains(u"eu-west-1"_s),
             qPrintable(texts.join(u" | "_s)));
    // The shared files are the AWS CLI's: SessionScope neither edits nor deletes their profiles.
    QCOMPARE(list->currentRow(), 0);
    QVERIFY(child<QPushButton>(dialog.get(), u"newProfilePushButton"_s)->isEnabled());
    QVERIFY(!child<QPushButton>(dialog.get(), u"editProfilePushButton"_s)->isEnabled());
    QVERIFY(!child<QPushButton>(dialog.get(), u"deleteProfilePushButton"_s)->isEnabled());
    QVERIFY(child<QLabel>(dialog.get(), u"profilesProblemLabel"_s)->isHidden());
}

void TestConnectionDialog::showsBrokenSharedFile()
{
    writeFile(u"config"_s, "[default]\nregion = us-east-1\n[profile broken\nregion = eu-west-1\n");
    auto dialog = makeDialog();
    auto *problem = child<QLabel>(dialog.get(), u"profilesProblemLabel"_s);
    QVERIFY(problem);
    QVERIFY(!problem->isHidden());
    QVERIFY2(problem->text().contains(u"config"_s), qPrintable(problem->text()));
}

void TestConnectionDialog::optionsRoundTrip()
{
    auto dialog = makeDialog();
    ConnectionOptions wanted;
    wanted.profile = u"prod"_s;
    wanted.region = u"eu-central-1"_s;
    wanted.endpointUrl = u"http://127.0.0.1:4566"_s;
    wanted.qappsInstanceId = u"5e5510e5-c0de-4d3e-8a5b-0000000000d1"_s;
    dialog->setOptions(wanted);
    ConnectionOptions got = dialog->options();
    QCOMPARE(got.profile, wanted.profile);
    QCOMPARE(got.region, wanted.region);
    QCOMPARE(got.endpointUrl, wanted.endpointUrl);
    QCOMPARE(got.qappsInstanceId, wanted.qappsInstanceId);

    // A region that is not in the list is taken as typed; the first entry means "from the profile".
    auto *region = child<QComboBox>(dialog.get(), u"regionComboBox"_s);
    region->setEditText(u"  me-central-1 "_s);
    QCOMPARE(dialog->options().region, u"me-central-1"_s);
    region->setCurrentIndex(0);
    QCOMPARE(dialog->options().region, QString());
    // Spaces around typed values do not reach the resolver.
    child<QLineEdit>(dialog.get(), u"endpointLineEdit"_s)->setText(u" https://example.test "_s);
    QCOMPARE(dialog->options().endpointUrl, u"https://example.test"_s);
}

void TestConnectionDialog::connectEmitsTheOptions()
{
    auto dialog = makeDialog();
    dialog->setOptions(ConnectionOptions{u"prod"_s, u"us-west-2"_s, {}, {}});
    QList<ConnectionOptions> chosen;
    connect(dialog.get(), &ConnectionDialog::connectionChosen, this,
            [&](const ConnectionOptions &options) { chosen.append(options); });
    child<QPushButton>(dialog.get(), u"connectPushButton"_s)->click();
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(chosen.first().profile, u"prod"_s);
    QCOMPARE(chosen.first().region, u"us-west-2"_s);
    QCOMPARE(dialog->result(), int(QDialog::Accepted));
}

void TestConnectionDialog::testConnectionCountsPortals()
{
    std::optional<ConnectionOptions> asked;
    auto dialog = makeDialog([&](const ConnectionOptions &options) -> AwsResult<ServiceGateway *> {
        asked = options;
        auto *gateway = new FakeServiceGateway;
        ServiceGateway::Description description;
        description.profileName = options.profile;
        description.region = u"eu-west-1"_s;
        description.target = u"the test's fake"_s;
        gateway->setDescription(description);
        for (int i = 0; i < 3; ++i)
            gateway->portals.append(FakeServiceGateway::makePortal(u"Portal %1"_s.arg(i), i));
        gateway->portalPageSize = 2; // more than one page: Test connection asks for the first only
        return gateway;
    });
    dialog->setOptions(ConnectionOptions{u"prod"_s, {}, {}, {}});
    child<QPushButton>(dialog.get(), u"testConnectionPushButton"_s)->click();
    QVERIFY(asked.has_value());
    QCOMPARE(asked->profile, u"prod"_s);
    QVERIFY(QTest::qWaitFor([&] { return dialog->testResult().startsWith(u"Connected"_s); }, 10'000));
    // "portal(s)": the plural comes from the English catalog, which this test does not load.
    QVERIFY2(dialog->testResult().contains(u"prod"_s) && dialog->testResult().contains(u"eu-west-1"_s) &&
                 dialog->testResult().contains(u"at least 2 portal"_s),
             qPrintable(dialog->testResult()));
    QVERIFY(child<QPushButton>(dialog.get(), u"testConnectionPushButton"_s)->isEnabled());
}

void TestConnectionDialog::testConnectionShowsErrors()
{
    // The gateway cannot be built (e.g. an SSO profile): the factory's reason is shown.
    auto failing = makeDialog([](const ConnectionOptions &) -> AwsResult<ServiceGateway *> {
        return AwsError(AwsError::Category::Configuration, u"profile prod uses SSO"_s);
    });
    child<QPushButton>(failing.get(), u"testConnectionPushButton"_s)->click();
    QVERIFY2(failing->testResult().startsWith(u"Not connected"_s) &&
                 failing->testResult().contains(u"profile prod uses SSO"_s),
             qPrintable(failing->testResult()));

    // The service refuses: its message is shown and the button works again.
    auto denied = makeDialog([](const ConnectionOptions &) -> AwsResult<ServiceGateway *> {
        auto *gateway = new FakeServiceGateway;
        gateway->failNext(u"ListPortals"_s, AwsError(AwsError::Category::AccessDenied,
                                                     u"User is not authorized to perform ListPortals"_s));
        return gateway;
    });
    auto *button = child<QPushButton>(denied.get(), u"testConnectionPushButton"_s);
    button->click();
    QVERIFY(QTest::qWaitFor([&] { return denied->testResult().startsWith(u"Not connected"_s); }, 10'000));
    QVERIFY2(denied->testResult().contains(u"not authorized"_s), qPrintable(denied->testResult()));
    QVERIFY(button->isEnabled());
}

void TestConnectionDialog::newProfileKeepsItsSecretInTheKeychain()
{
    auto dialog = makeDialog();
    QVERIFY(createProfileThroughDialog(dialog.get(), u"ops"_s, u"AKIAOPSEXAMPLE000001"_s, secretKey,
                                       u"eu-central-1"_s));

    // Listed, selected, and editable as SessionScope's own.
    auto *list = child<QListWidget>(dialog.get(), u"profileListWidget"_s);
    QVERIFY(QTest::qWaitFor([&] { return list->count() == 3; }, 5'000));
    QVERIFY2(list->currentItem() && list->currentItem()->text().startsWith(u"ops"_s) &&
                 list->currentItem()->text().contains(u"keychain"_s),
             qPrintable(itemTexts(list).join(u" | "_s)));
    QCOMPARE(dialog->options().profile, u"ops"_s);
    QVERIFY(child<QPushButton>(dialog.get(), u"editProfilePushButton"_s)->isEnabled());
    QVERIFY(child<QPushButton>(dialog.get(), u"deleteProfilePushButton"_s)->isEnabled());

    // The secret is in the keychain and nowhere in the settings file.
    const auto secret = readSecret(u"ops"_s);
    QVERIFY2(secret.ok(), secret.ok() ? "" : qPrintable(secret.error().userMessage()));
    QCOMPARE(secret.value().secretAccessKey, secretKey);
    m_settings->sync();
    QFile settings(m_settings->fileName());
    QVERIFY(settings.open(QIODevice::ReadOnly));
    const QByteArray stored = settings.readAll();
    QVERIFY(stored.contains("AKIAOPSEXAMPLE000001"));
    QVERIFY(!stored.contains(secretKey.toUtf8()));
    QVERIFY(!stored.contains("CANARYSECRET"));
}

void TestConnectionDialog::profileDialogRefusesBadInput()
{
    AppProfileDialog dialog(m_store.get(), std::nullopt);
    dialog.show();
    QSignalSpy saved(&dialog, &AppProfileDialog::profileSaved);
    auto *problem = child<QLabel>(&dialog, u"profileProblemLabel"_s);
    auto *save = child<QPushButton>(&dialog, u"profileSavePushButton"_s);
    child<QLineEdit>(&dialog, u"profileNameLineEdit"_s)->setText(u"ops"_s);
    child<QLineEdit>(&dialog, u"accessKeyIdLineEdit"_s)->setText(u"AKIAOPSEXAMPLE000001"_s);

    // No secret.
    save->click();
    QVERIFY(!problem->isHidden());
    QVERIFY2(problem->text().contains(u"secret access key"_s), qPrintable(problem->text()));

    // A malformed access key id.
    child<QLineEdit>(&dialog, u"secretAccessKeyLineEdit"_s)->setText(secretKey);
    child<QLineEdit>(&dialog, u"accessKeyIdLineEdit"_s)->setText(u"not a key"_s);
    save->click();
    QVERIFY(!problem->isHidden());
    const QString afterKey = problem->text();

    // A name with spaces.
    child<QLineEdit>(&dialog, u"accessKeyIdLineEdit"_s)->setText(u"AKIAOPSEXAMPLE000001"_s);
    child<QLineEdit>(&dialog, u"profileNameLineEdit"_s)->setText(u"my ops"_s);
    save->click();
    QVERIFY(!problem->isHidden());
    QVERIFY(problem->text() != afterKey);

    // The problems never quote the secret, and nothing was stored.
    QVERIFY(!problem->text().contains(secretKey));
    QTest::qWait(100);
    QCOMPARE(saved.count(), 0);
    QVERIFY(dialog.isVisible());
    QVERIFY(m_store->profileNames().isEmpty());
}

void TestConnectionDialog::editKeepsTheSecret()
{
    auto dialog = makeDialog();
    QVERIFY(createProfileThroughDialog(dialog.get(), u"ops"_s, u"AKIAOPSEXAMPLE000001"_s, secretKey,
                                       u"eu-central-1"_s));
    QCOMPARE(dialog->options().profile, u"ops"_s);

    child<QPushButton>(dialog.get(), u"editProfilePushButton"_s)->click();
    auto *edit = child<AppProfileDialog>(dialog.get(), u"appProfileDialog"_s);
    QVERIFY(edit);
    QCOMPARE(child<QLineEdit>(edit, u"profileRegionLineEdit"_s)->text(), u"eu-central-1"_s);
    // The secret is not read back into the form.
    QVERIFY(child<QLineEdit>(edit, u"secretAccessKeyLineEdit"_s)->text().isEmpty());
    QSignalSpy saved(edit, &AppProfileDialog::profileSaved);
    child<QLineEdit>(edit, u"profileRegionLineEdit"_s)->setText(u"ap-northeast-1"_s);
    child<QPushButton>(edit, u"profileSavePushButton"_s)->click();
    QVERIFY(QTest::qWaitFor([&] { return saved.count() == 1; }, 10'000));

    QCOMPARE(m_store->profile(u"ops"_s)->region, u"ap-northeast-1"_s);
    const auto secret = readSecret(u"ops"_s);
    QVERIFY(secret.ok());
    QCOMPARE(secret.value().secretAccessKey, secretKey);
}

void TestConnectionDialog::deleteRemovesProfileAndSecret()
{
    auto dialog = makeDialog();
    QVERIFY(createProfileThroughDialog(dialog.get(), u"ops"_s, u"AKIAOPSEXAMPLE000001"_s, secretKey, {}));
    QCOMPARE(dialog->options().profile, u"ops"_s);

    child<QPushButton>(dialog.get(), u"deleteProfilePushButton"_s)->click();
    auto *box = child<QMessageBox>(dialog.get(), u"deleteProfileMessageBox"_s);
    QVERIFY(box);
    QVERIFY(box->text().contains(u"ops"_s));
    // Cancel is the default: Enter does not delete.
    QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
    box->button(QMessageBox::Yes)->click();

    auto *list = child<QListWidget>(dialog.get(), u"profileListWidget"_s);
    QVERIFY(QTest::qWaitFor([&] { return list->count() == 2 && !m_store->contains(u"ops"_s); }, 30'000));
    const auto secret = readSecret(u"ops"_s);
    QVERIFY(!secret.ok());
    QVERIFY2(secret.error().message().contains(u"holds no secret"_s), qPrintable(secret.error().message()));
    QVERIFY(!child<QPushButton>(dialog.get(), u"deleteProfilePushButton"_s)->isEnabled());
}

QTEST_MAIN(TestConnectionDialog)
#include "tst_connectiondialog.moc"
