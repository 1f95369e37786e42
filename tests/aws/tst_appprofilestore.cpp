// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/credentials/AppProfileStore.h"
#include "aws/credentials/KeychainAccess.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

using Finding = SecretServiceProbe::Finding;
using State = SecretServiceProbe::State;
using Operation = KeychainAccess::Operation;

// The parts of app-managed profiles that need no keychain: validation, the settings layout, and the
// mapping of keychain failures to messages (tst_keychain covers the real keychain).
class TestAppProfileStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validatesProfiles_data();
    void validatesProfiles();
    void validatesSecrets();
    void readsSettings();
    void keychainErrors_data();
    void keychainErrors();
};

void TestAppProfileStore::validatesProfiles_data()
{
    QTest::addColumn<AppProfile>("profile");
    QTest::addColumn<QString>("errorContains"); // empty: valid

    const AppProfile good{u"dev"_s, u"AKIAIOSFODNN7EXAMPLE"_s, QString(), QString(), QString()};
    QTest::newRow("minimal") << good << QString();
    AppProfile full = good;
    full.name = u"prod.eu-1_admin@corp+x"_s;
    full.region = u"eu-central-1"_s;
    full.endpointUrl = u"https://workspaces-web.example.com"_s;
    full.qappsInstanceId = u"a1b2c3d4-5678-90ab-cdef-111122223333"_s;
    QTest::newRow("full") << full << QString();
    AppProfile p = good;
    p.name = QString();
    QTest::newRow("empty name") << p << u"profile name"_s;
    p.name = u"a/b"_s;
    QTest::newRow("slash in name") << p << u"profile name"_s;
    p.name = QString(65, u'x');
    QTest::newRow("long name") << p << u"profile name"_s;
    p = good;
    p.accessKeyId = u"AKIA123"_s;
    QTest::newRow("short key id") << p << u"access key id"_s;
    p.accessKeyId = u"AKIAIOSFODNN7EXAMPLE "_s;
    QTest::newRow("key id with space") << p << u"access key id"_s;
    p = good;
    p.region = u"eu-central-1b"_s;
    QTest::newRow("zone as region") << p << u"not an AWS region"_s;
    p = good;
    p.endpointUrl = u"http://10.0.0.1:8080"_s;
    QTest::newRow("remote http") << p << u"plain http://"_s;
    p.endpointUrl = u"http://127.0.0.1:8080"_s;
    QTest::newRow("loopback http") << p << QString();
    p = good;
    p.qappsInstanceId = u"id with spaces"_s;
    QTest::newRow("bad instance id") << p << u"instance id"_s;
}

void TestAppProfileStore::validatesProfiles()
{
    QFETCH(AppProfile, profile);
    QFETCH(QString, errorContains);
    const AwsResult<std::monostate> result = AppProfileStore::validate(profile);
    if (errorContains.isEmpty()) {
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message()));
        return;
    }
    QVERIFY(!result.ok());
    QCOMPARE(result.error().category(), AwsError::Category::Configuration);
    QVERIFY2(result.error().message().contains(errorContains), qPrintable(result.error().message()));
}

void TestAppProfileStore::validatesSecrets()
{
    QVERIFY(AppProfileStore::validate(AppProfileStore::Secret{u"wJalrXUtnFEMI/K7MDENG+bPxRfiCY"_s, QString()})
                .ok());
    QVERIFY(AppProfileStore::validate(AppProfileStore::Secret{u"s"_s, u"token/with+chars="_s}).ok());
    for (const AppProfileStore::Secret &bad :
         {AppProfileStore::Secret{QString(), QString()}, AppProfileStore::Secret{u"two words"_s, QString()},
          AppProfileStore::Secret{u"s"_s, u"tok en"_s}}) {
        const AwsResult<std::monostate> result = AppProfileStore::validate(bad);
        QVERIFY(!result.ok());
        QVERIFY(!result.error().message().contains(u"words"_s));
        QVERIFY(!result.error().message().contains(u"tok en"_s));
    }
}

void TestAppProfileStore::readsSettings()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QSettings settings(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
    settings.setValue(u"appProfiles/zeta/accessKeyId"_s, u"AKIAZETAZETAZETA1234"_s);
    settings.setValue(u"appProfiles/Alpha/accessKeyId"_s, u"AKIAALPHAALPHAALPHA1"_s);
    settings.setValue(u"appProfiles/Alpha/region"_s, u"ap-northeast-1"_s);
    settings.setValue(u"appProfiles/Alpha/qappsInstanceId"_s, u"abc-123"_s);
    settings.setValue(u"unrelated/key"_s, 1);
    AppProfileStore store(&settings);
    QCOMPARE(store.profileNames(), (QStringList{u"Alpha"_s, u"zeta"_s}));
    QVERIFY(store.contains(u"zeta"_s));
    QVERIFY(!store.contains(u"unrelated"_s));
    QVERIFY(!store.contains(QString()));
    const std::optional<AppProfile> alpha = store.profile(u"Alpha"_s);
    QVERIFY(alpha);
    QCOMPARE(*alpha, (AppProfile{u"Alpha"_s, u"AKIAALPHAALPHAALPHA1"_s, u"ap-northeast-1"_s, QString(),
                                 u"abc-123"_s}));
    QVERIFY(!store.profile(u"nobody"_s));
    QCOMPARE(AppProfileStore::keychainKey(u"Alpha"_s), u"profile:Alpha"_s);
    QCOMPARE(KeychainAccess::serviceName(), u"SessionScope"_s);

    const AwsResult<std::monostate> update = store.updateProfile(
        AppProfile{u"nobody"_s, u"AKIAIOSFODNN7EXAMPLE"_s, QString(), QString(), QString()});
    QVERIFY(!update.ok());
    QVERIFY(update.error().message().contains(u"no SessionScope profile named \"nobody\""_s));
}

void TestAppProfileStore::keychainErrors_data()
{
    QTest::addColumn<Operation>("operation");
    QTest::addColumn<int>("code");
    QTest::addColumn<Finding>("finding");
    QTest::addColumn<QString>("expected");

    const Finding running{State::Running, 0, 0, false};
    const Finding lockedItem{State::Running, 0, 1, true};
    const Finding lockedCollection{State::Running, 0, 0, true};
    const Finding unknown{};

    QTest::newRow("no bus")
        << Operation::Write << int(QKeychain::OtherError) << Finding{State::NoSessionBus}
        << u"No keychain service is running (Secret Service over D-Bus): there is no D-Bus "
           u"session bus"_s;
    QTest::newRow("no service")
        << Operation::Read << int(QKeychain::OtherError) << Finding{State::NoSecretService}
        << u"No keychain service is running (Secret Service over D-Bus): nothing provides"_s;
    QTest::newRow("read of a locked item")
        << Operation::Read << int(QKeychain::EntryNotFound) << lockedItem
        << u"The system keychain is locked, so the secret of profile dev cannot "
           u"be read."_s;
    QTest::newRow("read, nothing found, collection locked")
        << Operation::Read << int(QKeychain::EntryNotFound) << lockedCollection
        << u"The system keychain is locked"_s;
    QTest::newRow("write into a locked collection")
        << Operation::Write << int(QKeychain::AccessDenied) << lockedCollection
        << u"The system keychain is locked, so the secret of profile dev cannot be saved."_s;
    QTest::newRow("delete of a locked item")
        << Operation::Delete << int(QKeychain::CouldNotDeleteEntry) << lockedItem << u"cannot be deleted"_s;
    QTest::newRow("missing entry") << Operation::Read << int(QKeychain::EntryNotFound) << running
                                   << u"The system keychain holds no secret for profile dev."_s;
    QTest::newRow("missing entry, no probe")
        << Operation::Read << int(QKeychain::EntryNotFound) << unknown << u"holds no secret"_s;
    QTest::newRow("denied by user") << Operation::Read << int(QKeychain::AccessDeniedByUser) << lockedItem
                                    << u"Access to the system keychain was denied by the user"_s;
    QTest::newRow("access denied")
        << Operation::Write << int(QKeychain::AccessDenied) << running
        << u"The system keychain denied access to the secret of profile dev: backend text"_s;
    QTest::newRow("no backend") << Operation::Read << int(QKeychain::NoBackendAvailable) << unknown
                                << u"No keychain service is available on this system: backend text"_s;
    QTest::newRow("not implemented") << Operation::Read << int(QKeychain::NotImplemented) << unknown
                                     << u"not supported on this platform"_s;
    QTest::newRow("could not delete") << Operation::Delete << int(QKeychain::CouldNotDeleteEntry) << running
                                      << u"Could not delete the secret of profile dev"_s;
    QTest::newRow("other")
        << Operation::Read << int(QKeychain::OtherError) << running
        << u"The system keychain failed while handling the secret of profile dev: backend text"_s;
}

void TestAppProfileStore::keychainErrors()
{
    QFETCH(Operation, operation);
    QFETCH(int, code);
    QFETCH(Finding, finding);
    QFETCH(QString, expected);

    const AwsError error = KeychainAccess::errorFor(operation, QKeychain::Error(code), u"backend text"_s,
                                                    finding, u"profile dev"_s);
    QCOMPARE(error.category(), AwsError::Category::Credentials);
    QVERIFY2(error.message().startsWith(expected) || error.message().contains(expected),
             qPrintable(error.message()));
    QVERIFY(error.userMessage().contains(error.message()));
}

QTEST_GUILESS_MAIN(TestAppProfileStore)
#include "tst_appprofilestore.moc"
