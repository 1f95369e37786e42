// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/credentials/AppProfileCredentialsProvider.h"
#include "aws/credentials/AppProfileStore.h"
#include "aws/credentials/SecretServiceProbe.h"

#include <QCoreApplication>
#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusVariant>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

// App-managed profiles against a real Secret Service (gnome-keyring on a private D-Bus session bus, set up
// by with-secret-service.sh). The situations without a working keychain run in child processes of this
// executable, each with its own bus (or none): a process keeps its first D-Bus connection for good.
class TestKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void roundTrip();
    void secretsNeverReachTheSettingsFile();
    void credentialsProvider();
    void missingEntry();
    void invalidInputIsRejectedBeforeTheKeychain();
    void noSessionBus();
    void noSecretServiceOnTheBus();
    void serviceThatStartsLateIsFoundByTheRetry();
    void lockedKeychain();

private:
    QJsonObject runChild(const QString &scenario, bool ownBus);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<AppProfileStore> m_store;
};

namespace {

const QString secret = u"wJalrXUtnFEMI/K7MDENG/bPxRfiCYKEYCHAINSECRET"_s;
const QString token = u"IQoJb3JpZ2luX2VjEKEYCHAINTOKEN"_s;

AppProfile devProfile(const QString &name = u"dev"_s)
{
    return AppProfile{name, u"AKIAIOSFODNN7EXAMPLE"_s, u"eu-west-1"_s, u"http://127.0.0.1:4566"_s,
                      u"a1b2c3d4-5678-90ab-cdef-111122223333"_s};
}

// Waits for an asynchronous answer while running the event loop.
template <typename T>
std::optional<T> waitFor(std::optional<T> &slot, int timeoutMs = 30'000)
{
    if (!QTest::qWaitFor([&] { return slot.has_value(); }, timeoutMs))
        return std::nullopt;
    return slot;
}

AwsResult<std::monostate> save(AppProfileStore &store, const AppProfile &profile,
                               const AppProfileStore::Secret &s)
{
    std::optional<AwsResult<std::monostate>> result;
    store.saveProfile(profile, s, &store, [&](const AwsResult<std::monostate> &r) { result = r; });
    if (!waitFor(result))
        return AwsError(AwsError::Category::Timeout, u"test: no answer from saveProfile"_s);
    return *result;
}

AwsResult<std::monostate> remove(AppProfileStore &store, const QString &name)
{
    std::optional<AwsResult<std::monostate>> result;
    store.removeProfile(name, &store, [&](const AwsResult<std::monostate> &r) { result = r; });
    if (!waitFor(result))
        return AwsError(AwsError::Category::Timeout, u"test: no answer from removeProfile"_s);
    return *result;
}

AwsResult<AppProfileStore::Secret> readSecret(AppProfileStore &store, const QString &name)
{
    std::optional<AwsResult<AppProfileStore::Secret>> result;
    store.readSecret(name, &store, [&](const AwsResult<AppProfileStore::Secret> &r) { result = r; });
    if (!waitFor(result))
        return AwsError(AwsError::Category::Timeout, u"test: no answer from readSecret"_s);
    return *result;
}

AwsResult<AwsCredentials> fetch(CredentialsProvider &provider, QObject *context)
{
    std::optional<AwsResult<AwsCredentials>> result;
    provider.fetch(context, [&](const AwsResult<AwsCredentials> &r) { result = r; });
    if (!waitFor(result))
        return AwsError(AwsError::Category::Timeout, u"test: no answer from fetch"_s);
    return *result;
}

SecretServiceProbe::Finding probe(const QString &key)
{
    std::optional<SecretServiceProbe::Finding> finding;
    SecretServiceProbe::probe(KeychainAccess::serviceName(), key, nullptr,
                              [&](const SecretServiceProbe::Finding &f) { finding = f; });
    return waitFor(finding).value_or(SecretServiceProbe::Finding());
}

QString errorText(const AwsResult<std::monostate> &result)
{
    return result.ok() ? u"ok"_s : result.error().message();
}

// Every file under `root` whose bytes contain `needle`.
QStringList filesContaining(const QString &root, const QString &needle)
{
    QStringList found;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle.toUtf8()))
            found.append(file.fileName());
    }
    return found;
}

// ---- child processes ----------------------------------------------------------------------------

qint64 secretServicePid()
{
    QDBusMessage call =
        QDBusMessage::createMethodCall(u"org.freedesktop.DBus"_s, u"/org/freedesktop/DBus"_s,
                                       u"org.freedesktop.DBus"_s, u"GetConnectionUnixProcessID"_s);
    call << u"org.freedesktop.secrets"_s;
    const QDBusMessage reply = QDBusConnection::sessionBus().call(call, QDBus::Block, 5000);
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty())
        return 0;
    return reply.arguments().constFirst().toLongLong();
}

// Starts gnome-keyring-daemon on this process's session bus with an unlocked login keyring.
bool startKeyringDaemon()
{
    QProcess daemon;
    daemon.start(u"gnome-keyring-daemon"_s, {u"--unlock"_s, u"--components=secrets"_s});
    if (!daemon.waitForStarted(10'000))
        return false;
    daemon.write("\n");
    daemon.closeWriteChannel();
    if (!daemon.waitForFinished(20'000))
        return false;
    return QTest::qWaitFor([] { return secretServicePid() > 0; }, 10'000);
}

bool processGone(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    // "pid (comm) S ...": a zombie (Z) has ended and only waits to be reaped.
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')');
    return close >= 0 && line.mid(close + 2, 1) == "Z";
}

// Stops the daemon and waits for it, so it writes no more files into a folder about to be removed.
void stopKeyringDaemon()
{
    const qint64 pid = secretServicePid();
    if (pid <= 0)
        return;
    ::kill(pid_t(pid), SIGTERM);
    if (!QTest::qWaitFor([pid] { return processGone(pid); }, 10'000))
        ::kill(pid_t(pid), SIGKILL);
}

bool lockDefaultCollection()
{
    auto bus = QDBusConnection::sessionBus();
    QDBusMessage alias =
        QDBusMessage::createMethodCall(u"org.freedesktop.secrets"_s, u"/org/freedesktop/secrets"_s,
                                       u"org.freedesktop.Secret.Service"_s, u"ReadAlias"_s);
    alias << u"default"_s;
    const QDBusMessage aliasReply = bus.call(alias, QDBus::Block, 5000);
    if (aliasReply.arguments().isEmpty())
        return false;
    const QDBusObjectPath collection = qdbus_cast<QDBusObjectPath>(aliasReply.arguments().constFirst());
    QDBusMessage lock =
        QDBusMessage::createMethodCall(u"org.freedesktop.secrets"_s, u"/org/freedesktop/secrets"_s,
                                       u"org.freedesktop.Secret.Service"_s, u"Lock"_s);
    lock << QVariant::fromValue(QList<QDBusObjectPath>{collection});
    return bus.call(lock, QDBus::Block, 5000).type() == QDBusMessage::ReplyMessage;
}

// The body of a child process: runs one scenario and prints "RESULT <json>".
int runChild(const QString &scenario)
{
    const QString home = qEnvironmentVariable("HOME");
    QSettings settings(home + u"/settings.ini"_s, QSettings::IniFormat);
    AppProfileStore store(&settings);
    store.keychain()->setRetryDelay(200);
    int retries = 0;
    QObject::connect(store.keychain(), &KeychainAccess::retryScheduled, [&](const QString &) {
        ++retries;
        // The keychain comes up between the first attempt and the retry.
        if (scenario == u"late-service")
            startKeyringDaemon();
    });

    QJsonObject out;
    if (scenario == u"locked") {
        if (!startKeyringDaemon())
            return 3;
        out.insert(u"setup"_s, errorText(save(store, devProfile(), {secret, token})));
        out.insert(u"lockedCall"_s, lockDefaultCollection());
        AppProfileCredentialsProvider provider(&store, u"dev"_s);
        const AwsResult<AwsCredentials> read = fetch(provider, &store);
        out.insert(u"read"_s, read.ok() ? u"ok"_s : read.error().message());
        out.insert(u"readCategory"_s,
                   read.ok() ? QString() : AwsError::categoryName(read.error().category()));
        out.insert(u"save"_s, errorText(save(store, devProfile(u"other"_s), {secret, QString()})));
        out.insert(u"remove"_s, errorText(remove(store, u"dev"_s)));
    } else {
        const AwsResult<std::monostate> saved = save(store, devProfile(), {secret, token});
        out.insert(u"save"_s, errorText(saved));
        out.insert(u"saveCategory"_s,
                   saved.ok() ? QString() : AwsError::categoryName(saved.error().category()));
        out.insert(u"retriesAfterSave"_s, retries);
        if (saved.ok()) {
            const AwsResult<AppProfileStore::Secret> back = readSecret(store, u"dev"_s);
            out.insert(u"readBack"_s, back.ok() && back.value().secretAccessKey == secret &&
                                          back.value().sessionToken == token);
        } else {
            // A profile whose secret we try to read and delete without a keychain.
            settings.setValue(u"appProfiles/ghost/accessKeyId"_s, u"AKIAIOSFODNN7EXAMPLE"_s);
            settings.sync();
            AppProfileCredentialsProvider provider(&store, u"ghost"_s);
            const AwsResult<AwsCredentials> read = fetch(provider, &store);
            out.insert(u"read"_s, read.ok() ? u"ok"_s : read.error().message());
            out.insert(u"remove"_s, errorText(remove(store, u"ghost"_s)));
        }
    }
    out.insert(u"profiles"_s, QJsonArray::fromStringList(store.profileNames()));
    stopKeyringDaemon();
    QTextStream(stdout) << "RESULT " << QJsonDocument(out).toJson(QJsonDocument::Compact) << '\n';
    return 0;
}

} // namespace

void TestKeychain::initTestCase()
{
    if (qEnvironmentVariable("SESSIONSCOPE_TEST_SECRET_SERVICE") != u"1") {
        QSKIP("Needs a private Secret Service: run it through ctest or tests/aws/with-secret-service.sh, "
              "never against your own keyring.");
    }
    QVERIFY2(secretServicePid() > 0, "with-secret-service.sh should have started gnome-keyring-daemon");
}

void TestKeychain::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(m_dir->filePath(u"settings.ini"_s), QSettings::IniFormat);
    m_store = std::make_unique<AppProfileStore>(m_settings.get());
    m_store->keychain()->setRetryDelay(200);
}

void TestKeychain::cleanup()
{
    // Leave no entries behind for the next test.
    for (const QString &name : m_store->profileNames())
        remove(*m_store, name);
    m_store.reset();
    m_settings.reset();
}

void TestKeychain::roundTrip()
{
    QSignalSpy changed(m_store.get(), &AppProfileStore::profilesChanged);
    QCOMPARE(errorText(save(*m_store, devProfile(), {secret, token})), u"ok"_s);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_store->profileNames(), QStringList{u"dev"_s});
    QCOMPARE(m_store->profile(u"dev"_s), devProfile());

    // It really is in the Secret Service, under our service name and key.
    QCOMPARE(probe(AppProfileStore::keychainKey(u"dev"_s)).unlockedItems, 1);

    AwsResult<AppProfileStore::Secret> read = readSecret(*m_store, u"dev"_s);
    QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().message()));
    QCOMPARE(read.value().secretAccessKey, secret);
    QCOMPARE(read.value().sessionToken, token);

    // Replace the secret (no session token any more).
    const QString newSecret = u"NEWwJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLE"_s;
    QCOMPARE(errorText(save(*m_store, devProfile(), {newSecret, QString()})), u"ok"_s);
    read = readSecret(*m_store, u"dev"_s);
    QVERIFY(read.ok());
    QCOMPARE(read.value().secretAccessKey, newSecret);
    QVERIFY(read.value().sessionToken.isEmpty());
    QCOMPARE(probe(AppProfileStore::keychainKey(u"dev"_s)).unlockedItems, 1);

    // Non-secret changes leave the secret alone.
    AppProfile changedProfile = devProfile();
    changedProfile.region = u"us-west-2"_s;
    changedProfile.endpointUrl.clear();
    QCOMPARE(errorText(m_store->updateProfile(changedProfile)), u"ok"_s);
    QCOMPARE(m_store->profile(u"dev"_s), changedProfile);
    QCOMPARE(readSecret(*m_store, u"dev"_s).value().secretAccessKey, newSecret);
    QVERIFY(!m_store->updateProfile(devProfile(u"nobody"_s)).ok());

    // Delete: both the keychain entry and the settings go.
    QCOMPARE(errorText(remove(*m_store, u"dev"_s)), u"ok"_s);
    QVERIFY(m_store->profileNames().isEmpty());
    QCOMPARE(probe(AppProfileStore::keychainKey(u"dev"_s)).unlockedItems, 0);
    const AwsResult<AppProfileStore::Secret> gone = readSecret(*m_store, u"dev"_s);
    QVERIFY(!gone.ok());
    QCOMPARE(gone.error().category(), AwsError::Category::Credentials);
    QVERIFY2(gone.error().message().contains(u"holds no secret for profile dev"_s),
             qPrintable(gone.error().message()));
    // Deleting again is fine.
    QCOMPARE(errorText(remove(*m_store, u"dev"_s)), u"ok"_s);
}

void TestKeychain::secretsNeverReachTheSettingsFile()
{
    QCOMPARE(errorText(save(*m_store, devProfile(), {secret, token})), u"ok"_s);
    QCOMPARE(errorText(save(*m_store, devProfile(u"second"_s), {secret + u"2"_s, QString()})), u"ok"_s);
    m_settings->sync();

    QFile file(m_settings->fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray written = file.readAll();
    QVERIFY(written.contains("AKIAIOSFODNN7EXAMPLE")); // the non-secret fields are there
    QVERIFY(written.contains("eu-west-1"));
    QVERIFY(!written.contains(secret.toUtf8()));
    QVERIFY(!written.contains(token.toUtf8()));
    QVERIFY(!written.contains("wJalr"));
    // Nor anywhere else in the test's HOME, e.g. a plaintext fallback store of QtKeychain.
    QCOMPARE(filesContaining(m_dir->path(), secret), QStringList());
    QCOMPARE(filesContaining(qEnvironmentVariable("HOME"), secret), QStringList());
    QCOMPARE(filesContaining(qEnvironmentVariable("XDG_CONFIG_HOME"), secret), QStringList());
}

void TestKeychain::credentialsProvider()
{
    QCOMPARE(errorText(save(*m_store, devProfile(), {secret, token})), u"ok"_s);
    AppProfileCredentialsProvider provider(m_store.get(), u"dev"_s);
    const AwsResult<AwsCredentials> credentials = fetch(provider, this);
    QVERIFY2(credentials.ok(), qPrintable(credentials.ok() ? QString() : credentials.error().message()));
    QCOMPARE(credentials.value().accessKeyId, u"AKIAIOSFODNN7EXAMPLE"_s);
    QCOMPARE(credentials.value().secretAccessKey, secret);
    QCOMPARE(credentials.value().sessionToken, token);
    QCOMPARE(credentials.value().source, u"profile dev (system keychain)"_s);

    // Cached: a changed secret shows up only after invalidate().
    QCOMPARE(errorText(save(*m_store, devProfile(), {u"rotatedSecretKey"_s, QString()})), u"ok"_s);
    QCOMPARE(fetch(provider, this).value().secretAccessKey, secret);
    provider.invalidate();
    QCOMPARE(fetch(provider, this).value().secretAccessKey, u"rotatedSecretKey"_s);

    // Two fetches at once: both answered, once each.
    provider.invalidate();
    int answers = 0;
    provider.fetch(this, [&](const AwsResult<AwsCredentials> &r) { answers += r.ok() ? 1 : 100; });
    provider.fetch(this, [&](const AwsResult<AwsCredentials> &r) { answers += r.ok() ? 1 : 100; });
    QTRY_COMPARE(answers, 2);

    AppProfileCredentialsProvider unknown(m_store.get(), u"nobody"_s);
    const AwsResult<AwsCredentials> missing = fetch(unknown, this);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().category(), AwsError::Category::Configuration);
}

void TestKeychain::missingEntry()
{
    // Settings that name a profile whose keychain entry is gone (e.g. the keyring was reset).
    m_settings->setValue(u"appProfiles/orphan/accessKeyId"_s, u"AKIAIOSFODNN7EXAMPLE"_s);
    m_settings->sync();
    AppProfileCredentialsProvider provider(m_store.get(), u"orphan"_s);
    const AwsResult<AwsCredentials> result = fetch(provider, this);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().category(), AwsError::Category::Credentials);
    QVERIFY2(result.error().message().contains(u"The system keychain holds no secret for profile orphan"_s),
             qPrintable(result.error().message()));
}

void TestKeychain::invalidInputIsRejectedBeforeTheKeychain()
{
    AppProfile bad = devProfile(u"has space"_s);
    QVERIFY(save(*m_store, bad, {secret, QString()}).error().message().contains(u"profile name"_s));
    bad = devProfile();
    bad.region = u"Frankfurt"_s;
    QVERIFY(save(*m_store, bad, {secret, QString()}).error().message().contains(u"Frankfurt"_s));
    bad = devProfile();
    bad.endpointUrl = u"http://example.com"_s;
    QVERIFY(save(*m_store, bad, {secret, QString()}).error().message().contains(u"plain http://"_s));
    bad = devProfile();
    bad.accessKeyId = u"AKIA SHORT"_s;
    QVERIFY(save(*m_store, bad, {secret, QString()}).error().message().contains(u"access key id"_s));
    const AwsResult<std::monostate> noSecret = save(*m_store, devProfile(), {u"two words"_s, QString()});
    QVERIFY(!noSecret.ok());
    QVERIFY(!noSecret.error().message().contains(u"two words"_s));
    QVERIFY(m_store->profileNames().isEmpty());
    QCOMPARE(probe(AppProfileStore::keychainKey(u"dev"_s)).unlockedItems, 0);
}

QJsonObject TestKeychain::runChild(const QString &scenario, bool ownBus)
{
    QTemporaryDir childHome;
    if (!childHome.isValid())
        return {};
    for (const char *sub : {"data", "config", "cache", "runtime"})
        QDir(childHome.path()).mkpath(QString::fromLatin1(sub));
    QFile::setPermissions(childHome.filePath(u"runtime"_s),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"SESSIONSCOPE_KEYCHAIN_CHILD"_s, scenario);
    env.insert(u"HOME"_s, childHome.path());
    env.insert(u"XDG_DATA_HOME"_s, childHome.filePath(u"data"_s));
    env.insert(u"XDG_CONFIG_HOME"_s, childHome.filePath(u"config"_s));
    env.insert(u"XDG_CACHE_HOME"_s, childHome.filePath(u"cache"_s));
    env.insert(u"XDG_RUNTIME_DIR"_s, childHome.filePath(u"runtime"_s));
    env.remove(u"GNOME_KEYRING_CONTROL"_s);

    QProcess child;
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::SeparateChannels);
    if (ownBus) {
        // A bus that cannot start services on demand: nothing owns org.freedesktop.secrets unless the
        // scenario starts gnome-keyring itself.
        const QString config = childHome.filePath(u"bus.conf"_s);
        QFile file(config);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
                   " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                   "<busconfig>\n  <type>session</type>\n"
                   // Not in childHome: the bus removes its socket while shutting down, which may race with
                   // the removal of childHome.
                   "  <listen>unix:tmpdir=" +
                   QDir::tempPath().toUtf8() +
                   "</listen>\n  <auth>EXTERNAL</auth>\n"
                   "  <policy context=\"default\">\n    <allow send_destination=\"*\" eavesdrop=\"true\"/>\n"
                   "    <allow eavesdrop=\"true\"/>\n    <allow own=\"*\"/>\n  </policy>\n</busconfig>\n");
        file.close();
        child.start(u"dbus-run-session"_s,
                    {u"--config-file="_s + config, u"--"_s, QCoreApplication::applicationFilePath()});
    } else {
        env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path="_s + childHome.filePath(u"no-bus-here"_s));
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), QStringList());
    }
    if (!child.waitForFinished(120'000)) {
        child.kill();
        child.waitForFinished();
        qWarning() << "child did not finish:" << child.readAllStandardError();
        return {};
    }
    const QByteArray output = child.readAllStandardOutput();
    const qsizetype at = output.lastIndexOf("RESULT ");
    if (at < 0) {
        qWarning() << "child gave no result; exit code" << child.exitCode() << child.readAllStandardError();
        return {};
    }
    QJsonObject result = QJsonDocument::fromJson(output.mid(at + 7)).object();
    // Whatever happened, the secret reached no file of the child.
    result.insert(u"filesWithSecret"_s,
                  QJsonArray::fromStringList(filesContaining(childHome.path(), secret)));
    return result;
}

void TestKeychain::noSessionBus()
{
    const QJsonObject result = runChild(u"no-bus"_s, false);
    QVERIFY(!result.isEmpty());
    const QString expected = u"No keychain service is running (Secret Service over D-Bus): there is no D-Bus "
                             u"session bus"_s;
    QVERIFY2(result.value(u"save").toString().startsWith(expected),
             qPrintable(result.value(u"save").toString()));
    QCOMPARE(result.value(u"saveCategory").toString(), u"credentials"_s);
    QCOMPARE(result.value(u"retriesAfterSave").toInt(), 1);
    QVERIFY2(result.value(u"read").toString().startsWith(expected),
             qPrintable(result.value(u"read").toString()));
    QVERIFY2(result.value(u"remove").toString().startsWith(expected),
             qPrintable(result.value(u"remove").toString()));
    // No half profile, no plaintext fallback.
    QCOMPARE(result.value(u"profiles").toArray(), QJsonArray{u"ghost"_s});
    QCOMPARE(result.value(u"filesWithSecret").toArray(), QJsonArray());
}

void TestKeychain::noSecretServiceOnTheBus()
{
    const QJsonObject result = runChild(u"no-service"_s, true);
    QVERIFY(!result.isEmpty());
    const QString expected = u"No keychain service is running (Secret Service over D-Bus): nothing provides "
                             u"org.freedesktop.secrets"_s;
    QVERIFY2(result.value(u"save").toString().startsWith(expected),
             qPrintable(result.value(u"save").toString()));
    QCOMPARE(result.value(u"retriesAfterSave").toInt(), 1);
    QVERIFY2(result.value(u"read").toString().startsWith(expected),
             qPrintable(result.value(u"read").toString()));
    QVERIFY2(result.value(u"remove").toString().startsWith(expected),
             qPrintable(result.value(u"remove").toString()));
    QCOMPARE(result.value(u"profiles").toArray(), QJsonArray{u"ghost"_s});
    QCOMPARE(result.value(u"filesWithSecret").toArray(), QJsonArray());
}

void TestKeychain::serviceThatStartsLateIsFoundByTheRetry()
{
    const QJsonObject result = runChild(u"late-service"_s, true);
    QVERIFY(!result.isEmpty());
    QCOMPARE(result.value(u"save").toString(), u"ok"_s);
    QCOMPARE(result.value(u"retriesAfterSave").toInt(), 1);
    QVERIFY(result.value(u"readBack").toBool());
    QCOMPARE(result.value(u"profiles").toArray(), QJsonArray{u"dev"_s});
}

void TestKeychain::lockedKeychain()
{
    const QJsonObject result = runChild(u"locked"_s, true);
    QVERIFY(!result.isEmpty());
    QCOMPARE(result.value(u"setup").toString(), u"ok"_s);
    QVERIFY(result.value(u"lockedCall").toBool());
    const QString expected = u"The system keychain is locked"_s;
    QVERIFY2(result.value(u"read").toString().startsWith(expected),
             qPrintable(result.value(u"read").toString()));
    QCOMPARE(result.value(u"readCategory").toString(), u"credentials"_s);
    QVERIFY2(result.value(u"save").toString().startsWith(expected),
             qPrintable(result.value(u"save").toString()));
    QVERIFY2(result.value(u"remove").toString().startsWith(expected),
             qPrintable(result.value(u"remove").toString()));
    // The failed save left nothing; the failed delete kept the profile (its secret is still stored).
    QCOMPARE(result.value(u"profiles").toArray(), QJsonArray{u"dev"_s});
    QCOMPARE(result.value(u"filesWithSecret").toArray(), QJsonArray());
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString scenario = qEnvironmentVariable("SESSIONSCOPE_KEYCHAIN_CHILD");
    if (!scenario.isEmpty())
        return runChild(scenario);
    TestKeychain test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_keychain.moc"
