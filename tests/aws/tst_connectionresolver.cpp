// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/config/ConnectionResolver.h"
#include "aws/credentials/AppProfileCredentialsProvider.h"
#include "aws/credentials/AppProfileStore.h"
#include "aws/credentials/CredentialsProviderChain.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

// The single entry point of the CLI and the GUI, against real files in a temporary HOME.
class TestConnectionResolver : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void resolves_data();
    void resolves();
    void errors_data();
    void errors();
    void appManagedProfiles();
    void credentialsComeFromTheChain();
    void proxyFromTheEnvironmentOrTheConnectionSettings();
    void listsProfilesForAPicker();
    void detectsWhetherAnythingIsConfigured();
    void fipsAndDualStackReachEveryEndpoint();

private:
    void write(const QString &relativePath, const QByteArray &text);
    QProcessEnvironment environment(const QStringList &assignments = {}) const;

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<AppProfileStore> m_store;
};

namespace {

const QByteArray configFile =
    "[default]\nregion = us-east-1\n"
    "[profile dev]\nregion = eu-west-1\nmax_attempts = 5\n"
    "endpoint_url = https://dev.example.com\n"
    "sessionscope_qapps_instance_id = 11111111-2222-3333-4444-555555555555\n"
    "[profile local]\nregion = us-west-2\nservices = emulator\n"
    "[services emulator]\nworkspaces_web =\n  endpoint_url = http://127.0.0.1:9001\n"
    "qapps =\n  endpoint_url = http://[::1]:9002\n"
    "[profile noregion]\noutput = json\n"
    "[profile badurl]\nregion = us-east-1\nendpoint_url = http://10.1.2.3\n"
    "[profile badattempts]\nregion = us-east-1\nmax_attempts = 0\n";
const QByteArray credentialsFile = "[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = s\n"
                                   "[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = s\n";

struct Expected
{
    QString profile;
    QString region;
    QString regionSource;
    QString workspacesWeb;
    QString workspacesWebSource;
    QString qapps;
    QString qappsSource;
    int maxAttempts = 3;
    QString instanceId;
};

} // namespace

Q_DECLARE_METATYPE(Expected)

void TestConnectionResolver::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    QVERIFY(QDir(m_home->path()).mkpath(u".aws"_s));
    write(u".aws/config"_s, configFile);
    write(u".aws/credentials"_s, credentialsFile);
    m_settings = std::make_unique<QSettings>(m_home->filePath(u"settings.ini"_s), QSettings::IniFormat);
    m_store = std::make_unique<AppProfileStore>(m_settings.get());
}

void TestConnectionResolver::cleanup()
{
    // Settings first: destroying QSettings writes its file, which would recreate the removed folder.
    m_store.reset();
    m_settings.reset();
    m_home.reset();
}

void TestConnectionResolver::write(const QString &relativePath, const QByteArray &text)
{
    QFile file(m_home->filePath(relativePath));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text);
}

QProcessEnvironment TestConnectionResolver::environment(const QStringList &assignments) const
{
    QProcessEnvironment env;
    env.insert(u"HOME"_s, m_home->path());
    for (const QString &assignment : assignments) {
        const qsizetype eq = assignment.indexOf(u'=');
        env.insert(assignment.left(eq), assignment.mid(eq + 1));
    }
    return env;
}

void TestConnectionResolver::resolves_data()
{
    QTest::addColumn<ConnectionOptions>("options");
    QTest::addColumn<QStringList>("env");
    QTest::addColumn<Expected>("expected");

    const QString wwDefault = u"https://workspaces-web.%1.amazonaws.com"_s;
    const QString qaDefault = u"https://data.qapps.%1.amazonaws.com"_s;

    QTest::newRow("default profile") << ConnectionOptions{} << QStringList{}
                                     << Expected{u"default"_s,
                                                 u"us-east-1"_s,
                                                 u"profile default"_s,
                                                 wwDefault.arg(u"us-east-1"_s),
                                                 u"default"_s,
                                                 qaDefault.arg(u"us-east-1"_s),
                                                 u"default"_s,
                                                 3,
                                                 QString()};
    QTest::newRow("AWS_PROFILE") << ConnectionOptions{} << QStringList{u"AWS_PROFILE=dev"_s}
                                 << Expected{u"dev"_s,
                                             u"eu-west-1"_s,
                                             u"profile dev"_s,
                                             u"https://dev.example.com"_s,
                                             u"profile dev"_s,
                                             u"https://dev.example.com"_s,
                                             u"profile dev"_s,
                                             5,
                                             u"11111111-2222-3333-4444-555555555555"_s};
    QTest::newRow("flags win") << ConnectionOptions{u"dev"_s, u"ap-south-1"_s, u"http://localhost:8080"_s,
                                                    u"instance-from-flag"_s}
                               << QStringList{u"AWS_REGION=eu-north-1"_s,
                                              u"AWS_ENDPOINT_URL=https://env.example.com"_s,
                                              u"AWS_MAX_ATTEMPTS=2"_s}
                               << Expected{u"dev"_s,
                                           u"ap-south-1"_s,
                                           u"--region"_s,
                                           u"http://localhost:8080"_s,
                                           u"--endpoint-url"_s,
                                           u"http://localhost:8080"_s,
                                           u"--endpoint-url"_s,
                                           2,
                                           u"instance-from-flag"_s};
    QTest::newRow("environment over profile")
        << ConnectionOptions{u"dev"_s}
        << QStringList{u"AWS_DEFAULT_REGION=eu-north-1"_s,
                       u"AWS_ENDPOINT_URL_QAPPS=https://qapps.env.example.com"_s}
        << Expected{u"dev"_s,
                    u"eu-north-1"_s,
                    u"AWS_DEFAULT_REGION"_s,
                    u"https://dev.example.com"_s,
                    u"profile dev"_s,
                    u"https://qapps.env.example.com"_s,
                    u"AWS_ENDPOINT_URL_QAPPS"_s,
                    5,
                    u"11111111-2222-3333-4444-555555555555"_s};
    QTest::newRow("ignore configured endpoints")
        << ConnectionOptions{u"dev"_s} << QStringList{u"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true"_s}
        << Expected{u"dev"_s,
                    u"eu-west-1"_s,
                    u"profile dev"_s,
                    wwDefault.arg(u"eu-west-1"_s),
                    u"default"_s,
                    qaDefault.arg(u"eu-west-1"_s),
                    u"default"_s,
                    5,
                    u"11111111-2222-3333-4444-555555555555"_s};
    QTest::newRow("services section per service") << ConnectionOptions{u"local"_s} << QStringList{}
                                                  << Expected{u"local"_s,
                                                              u"us-west-2"_s,
                                                              u"profile local"_s,
                                                              u"http://127.0.0.1:9001"_s,
                                                              u"the services section of profile local"_s,
                                                              u"http://[::1]:9002"_s,
                                                              u"the services section of profile local"_s,
                                                              3,
                                                              QString()};
    QTest::newRow("no default profile, all from the environment")
        << ConnectionOptions{}
        << QStringList{u"AWS_CONFIG_FILE=/nonexistent/config"_s, u"AWS_REGION=sa-east-1"_s}
        << Expected{u"default"_s,    u"sa-east-1"_s,
                    u"AWS_REGION"_s, wwDefault.arg(u"sa-east-1"_s),
                    u"default"_s,    qaDefault.arg(u"sa-east-1"_s),
                    u"default"_s,    3,
                    QString()};
}

void TestConnectionResolver::resolves()
{
    QFETCH(ConnectionOptions, options);
    QFETCH(QStringList, env);
    QFETCH(Expected, expected);

    const AwsResult<ResolvedConnection> result =
        ConnectionResolver::resolve(options, environment(env), m_store.get());
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message()));
    const ResolvedConnection &c = result.value();
    QCOMPARE(c.profileName, expected.profile);
    QCOMPARE(c.profileSource, ResolvedConnection::ProfileSource::SharedFiles);
    QCOMPARE(c.region, expected.region);
    QCOMPARE(c.regionSource, expected.regionSource);
    QCOMPARE(c.workspacesWebEndpoint.toString(), expected.workspacesWeb);
    QCOMPARE(c.workspacesWebEndpointSource, expected.workspacesWebSource);
    QCOMPARE(c.qappsEndpoint.toString(), expected.qapps);
    QCOMPARE(c.qappsEndpointSource, expected.qappsSource);
    QCOMPARE(c.maxAttempts, expected.maxAttempts);
    QCOMPARE(c.qappsInstanceId, expected.instanceId);
    QVERIFY(c.credentials);
}

void TestConnectionResolver::errors_data()
{
    QTest::addColumn<ConnectionOptions>("options");
    QTest::addColumn<QStringList>("env");
    QTest::addColumn<QString>("errorContains");

    QTest::newRow("explicit profile missing")
        << ConnectionOptions{u"ghost"_s} << QStringList{u"AWS_REGION=us-east-1"_s}
        << u"The profile \"ghost\" was not found in ~/.aws/config and ~/.aws/credentials or among "
           u"SessionScope's "
           u"own profiles."_s;
    QTest::newRow("AWS_PROFILE missing") << ConnectionOptions{} << QStringList{u"AWS_PROFILE=ghost"_s}
                                         << u"\"ghost\" named by AWS_PROFILE was not found"_s;
    QTest::newRow("no region") << ConnectionOptions{u"noregion"_s} << QStringList{}
                               << u"No AWS region is set"_s;
    QTest::newRow("bad region flag") << ConnectionOptions{u"dev"_s, u"Ireland"_s} << QStringList{}
                                     << u"\"Ireland\" (from --region)"_s;
    QTest::newRow("remote http in profile")
        << ConnectionOptions{u"badurl"_s} << QStringList{} << u"plain http://"_s;
    QTest::newRow("remote http flag") << ConnectionOptions{u"dev"_s, QString(), u"http://example.com"_s}
                                      << QStringList{} << u"(from --endpoint-url)"_s;
    QTest::newRow("bad max_attempts") << ConnectionOptions{u"badattempts"_s} << QStringList{}
                                      << u"max_attempts (from profile badattempts)"_s;
    QTest::newRow("bad use_dualstack_endpoint")
        << ConnectionOptions{u"dev"_s} << QStringList{u"AWS_USE_DUALSTACK_ENDPOINT=yes"_s}
        << u"use_dualstack_endpoint (from AWS_USE_DUALSTACK_ENDPOINT) must be \"true\" or \"false\""_s;
    QTest::newRow("malformed config")
        << ConnectionOptions{} << QStringList{u"AWS_CONFIG_FILE=~/broken"_s} << u"~/broken, line 2:"_s;
}

void TestConnectionResolver::errors()
{
    QFETCH(ConnectionOptions, options);
    QFETCH(QStringList, env);
    QFETCH(QString, errorContains);

    write(u"broken"_s, "[default]\nregion us-east-1\n");
    const AwsResult<ResolvedConnection> result =
        ConnectionResolver::resolve(options, environment(env), m_store.get());
    QVERIFY(!result.ok());
    QCOMPARE(result.error().category(), AwsError::Category::Configuration);
    QVERIFY2(result.error().message().contains(errorContains), qPrintable(result.error().message()));
}

void TestConnectionResolver::appManagedProfiles()
{
    m_settings->setValue(u"appProfiles/mine/accessKeyId"_s, u"AKIAIOSFODNN7EXAMPLE"_s);
    m_settings->setValue(u"appProfiles/mine/region"_s, u"ca-central-1"_s);
    m_settings->setValue(u"appProfiles/mine/endpointUrl"_s, u"http://127.0.0.1:4566"_s);
    m_settings->setValue(u"appProfiles/mine/qappsInstanceId"_s, u"app-instance"_s);
    // Same name as a shared-files profile: the shared files win, as documented.
    m_settings->setValue(u"appProfiles/dev/accessKeyId"_s, u"AKIAIOSFODNN7EXAMPLE"_s);

    AwsResult<ResolvedConnection> result =
        ConnectionResolver::resolve({u"mine"_s}, environment(), m_store.get());
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message()));
    QCOMPARE(result.value().profileSource, ResolvedConnection::ProfileSource::AppManaged);
    QCOMPARE(result.value().region, u"ca-central-1"_s);
    QCOMPARE(result.value().regionSource, u"profile mine"_s);
    QCOMPARE(result.value().workspacesWebEndpoint.toString(), u"http://127.0.0.1:4566"_s);
    QCOMPARE(result.value().qappsEndpoint.toString(), u"http://127.0.0.1:4566"_s);
    QCOMPARE(result.value().qappsInstanceId, u"app-instance"_s);
    auto *chain = dynamic_cast<CredentialsProviderChain *>(result.value().credentials.get());
    QVERIFY(chain);
    const auto selected = chain->selectedProvider();
    QVERIFY(selected.ok());
    QVERIFY(dynamic_cast<AppProfileCredentialsProvider *>(selected.value().get()));
    QCOMPARE(selected.value()->description(), u"profile mine (system keychain)"_s);

    // AWS_PROFILE can name an app profile too; the flag still overrides its instance id.
    ConnectionOptions options;
    options.qappsInstanceId = u"flag-instance"_s;
    result = ConnectionResolver::resolve(options, environment({u"AWS_PROFILE=mine"_s}), m_store.get());
    QVERIFY(result.ok());
    QCOMPARE(result.value().profileSource, ResolvedConnection::ProfileSource::AppManaged);
    QCOMPARE(result.value().qappsInstanceId, u"flag-instance"_s);

    result = ConnectionResolver::resolve({u"dev"_s}, environment(), m_store.get());
    QVERIFY(result.ok());
    QCOMPARE(result.value().profileSource, ResolvedConnection::ProfileSource::SharedFiles);

    // Without a store, app profiles do not exist.
    result = ConnectionResolver::resolve({u"mine"_s}, environment(), nullptr);
    QVERIFY(!result.ok());
    QVERIFY(!result.error().message().contains(u"SessionScope's own profiles"_s));
}

void TestConnectionResolver::proxyFromTheEnvironmentOrTheConnectionSettings()
{
    // The environment, as the AWS CLI reads it; the chain (STS, SSO, metadata) gets the same proxy.
    AwsResult<ResolvedConnection> result = ConnectionResolver::resolve(
        {}, environment({u"HTTPS_PROXY=http://u:TopSecret@proxy:3128"_s, u"NO_PROXY=amazonaws.com"_s}),
        m_store.get());
    QVERIFY(result.ok());
    const ProxySettings &fromEnv = result.value().proxy;
    QCOMPARE(fromEnv.mode, ProxySettings::Mode::Environment);
    QCOMPARE(fromEnv.httpsProxy.host(), u"proxy"_s);
    QCOMPARE(fromEnv.source, u"HTTPS_PROXY, NO_PROXY"_s);
    QCOMPARE(result.value().transportOptions().proxy, fromEnv);
    auto *chain = dynamic_cast<CredentialsProviderChain *>(result.value().credentials.get());
    QVERIFY(chain);
    QCOMPARE(chain->proxySettings(), fromEnv);

    // The GUI's choice wins over the environment.
    ConnectionOptions options;
    ProxySettings manual;
    manual.mode = ProxySettings::Mode::None;
    options.proxy = manual;
    result = ConnectionResolver::resolve(options, environment({u"HTTPS_PROXY=http://proxy:3128"_s}),
                                         m_store.get());
    QVERIFY(result.ok());
    QCOMPARE(result.value().proxy.mode, ProxySettings::Mode::None);
    QCOMPARE(result.value().proxy.source, u"connection settings"_s);

    // An unusable proxy is a configuration error before any request, without the password.
    result = ConnectionResolver::resolve({}, environment({u"HTTPS_PROXY=https://u:TopSecret@proxy:3128"_s}),
                                         m_store.get());
    QVERIFY(!result.ok());
    QCOMPARE(result.error().category(), AwsError::Category::Configuration);
    QVERIFY2(!result.error().message().contains(u"TopSecret"_s), qPrintable(result.error().message()));
    QVERIFY2(result.error().message().contains(u"HTTPS_PROXY"_s), qPrintable(result.error().message()));
}

void TestConnectionResolver::credentialsComeFromTheChain()
{
    const auto fetch = [this](CredentialsProvider &provider) {
        std::optional<AwsResult<AwsCredentials>> result;
        provider.fetch(this, [&](const AwsResult<AwsCredentials> &r) { result = r; });
        [[maybe_unused]] const bool answered = QTest::qWaitFor([&] { return result.has_value(); }, 10'000);
        return result.value_or(AwsError(AwsError::Category::Timeout, u"no answer"_s));
    };

    AwsResult<ResolvedConnection> result = ConnectionResolver::resolve({}, environment(), m_store.get());
    QVERIFY(result.ok());
    QCOMPARE(fetch(*result.value().credentials).value().accessKeyId, u"AKIDDEFAULT"_s);

    result = ConnectionResolver::resolve(
        {}, environment({u"AWS_ACCESS_KEY_ID=AKIDENV"_s, u"AWS_SECRET_ACCESS_KEY=s"_s, u"AWS_PROFILE=dev"_s}),
        m_store.get());
    QVERIFY(result.ok());
    QCOMPARE(result.value().region, u"eu-west-1"_s); // region still from AWS_PROFILE's profile
    QCOMPARE(fetch(*result.value().credentials).value().accessKeyId, u"AKIDENV"_s);

    result = ConnectionResolver::resolve(
        {u"dev"_s}, environment({u"AWS_ACCESS_KEY_ID=AKIDENV"_s, u"AWS_SECRET_ACCESS_KEY=s"_s}),
        m_store.get());
    QVERIFY(result.ok());
    QCOMPARE(fetch(*result.value().credentials).value().accessKeyId, u"AKIDDEV"_s);

    // A profile without credentials resolves (region etc.), and says so on fetch.
    result = ConnectionResolver::resolve({u"local"_s}, environment(), m_store.get());
    QVERIFY(result.ok());
    const AwsResult<AwsCredentials> none = fetch(*result.value().credentials);
    QVERIFY(!none.ok());
    QVERIFY(none.error().message().contains(u"has no credentials"_s));
}

void TestConnectionResolver::listsProfilesForAPicker()
{
    m_settings->setValue(u"appProfiles/mine/accessKeyId"_s, u"AKIAIOSFODNN7EXAMPLE"_s);
    m_settings->setValue(u"appProfiles/mine/region"_s, u"ca-central-1"_s);
    write(u".aws/config"_s, configFile + "[profile sso]\nsso_session = corp\n");

    ConnectionResolver::AvailableProfiles available =
        ConnectionResolver::availableProfiles(environment(), m_store.get());
    QVERIFY(!available.sharedFilesError);
    QStringList names;
    for (const auto &choice : std::as_const(available.profiles))
        names.append(choice.name);
    QCOMPARE(names, (QStringList{u"default"_s, u"badattempts"_s, u"badurl"_s, u"dev"_s, u"local"_s,
                                 u"noregion"_s, u"sso"_s, u"mine"_s}));
    const auto &dev = available.profiles.at(3);
    QCOMPARE(dev.location, u"~/.aws/config and ~/.aws/credentials"_s);
    QCOMPARE(dev.region, u"eu-west-1"_s);
    QCOMPARE(dev.kind, ProfileCredentialsProvider::Kind::StaticKeys);
    QCOMPARE(available.profiles.at(6).kind, ProfileCredentialsProvider::Kind::IdentityCenter);
    const auto &mine = available.profiles.last();
    QCOMPARE(mine.source, ResolvedConnection::ProfileSource::AppManaged);
    QCOMPARE(mine.region, u"ca-central-1"_s);

    // A broken shared file does not hide the app profiles.
    write(u".aws/credentials"_s, "just text\n");
    available = ConnectionResolver::availableProfiles(environment(), m_store.get());
    QVERIFY(available.sharedFilesError);
    QVERIFY(available.sharedFilesError->message().startsWith(u"~/.aws/credentials, line 1"_s));
    QCOMPARE(available.profiles.size(), 1);
    QCOMPARE(available.profiles.constFirst().name, u"mine"_s);
}

void TestConnectionResolver::fipsAndDualStackReachEveryEndpoint()
{
    write(u"gov-config"_s, "[profile gov]\nregion = us-gov-west-1\nuse_fips_endpoint = true\n");
    const AwsResult<ResolvedConnection> gov = ConnectionResolver::resolve(
        ConnectionOptions{u"gov"_s}, environment({u"AWS_CONFIG_FILE=~/gov-config"_s}), m_store.get());
    QVERIFY2(gov.ok(), qPrintable(gov.ok() ? QString() : gov.error().message()));
    QVERIFY(gov.value().useFipsEndpoint);
    QCOMPARE(gov.value().useFipsEndpointSource, u"profile gov"_s);
    QVERIFY(!gov.value().useDualStackEndpoint);
    QCOMPARE(gov.value().useDualStackEndpointSource, u"default"_s);
    QCOMPARE(gov.value().workspacesWebEndpoint.toString(),
             u"https://workspaces-web-fips.us-gov-west-1.amazonaws.com"_s);
    QCOMPARE(gov.value().qappsEndpoint.toString(), u"https://data.qapps-fips.us-gov-west-1.amazonaws.com"_s);
    // GovCloud's STS is FIPS under its plain name.
    QCOMPARE(gov.value().stsEndpoint.toString(), u"https://sts.us-gov-west-1.amazonaws.com"_s);

    const AwsResult<ResolvedConnection> dual = ConnectionResolver::resolve(
        ConnectionOptions{},
        environment({u"AWS_USE_DUALSTACK_ENDPOINT=true"_s, u"AWS_REGION=eusc-de-east-1"_s}), m_store.get());
    QVERIFY2(dual.ok(), qPrintable(dual.ok() ? QString() : dual.error().message()));
    QVERIFY(dual.value().useDualStackEndpoint);
    QCOMPARE(dual.value().useDualStackEndpointSource, u"AWS_USE_DUALSTACK_ENDPOINT"_s);
    QCOMPARE(dual.value().workspacesWebEndpoint.toString(),
             u"https://workspaces-web.eusc-de-east-1.api.amazonwebservices.eu"_s);
    QCOMPARE(dual.value().stsEndpoint.toString(), u"https://sts.eusc-de-east-1.api.amazonwebservices.eu"_s);
}

void TestConnectionResolver::detectsWhetherAnythingIsConfigured()
{
    QVERIFY(ConnectionResolver::anyCredentialsConfigured(environment(), m_store.get()));

    write(u".aws/credentials"_s, QByteArray());
    write(u".aws/config"_s, "[default]\nregion = us-east-1\n");
    QVERIFY(!ConnectionResolver::anyCredentialsConfigured(environment(), m_store.get()));
    QVERIFY(!ConnectionResolver::anyCredentialsConfigured(environment(), nullptr));
    QVERIFY(ConnectionResolver::anyCredentialsConfigured(
        environment({u"AWS_ACCESS_KEY_ID=AKID"_s, u"AWS_SECRET_ACCESS_KEY=s"_s}), m_store.get()));

    write(u".aws/config"_s, "[profile corp]\nsso_session = corp\n");
    QVERIFY(ConnectionResolver::anyCredentialsConfigured(environment(), m_store.get()));

    write(u".aws/config"_s, "garbage\n");
    QVERIFY(ConnectionResolver::anyCredentialsConfigured(environment(), m_store.get()));

    write(u".aws/config"_s, QByteArray());
    m_settings->setValue(u"appProfiles/mine/accessKeyId"_s, u"AKIAIOSFODNN7EXAMPLE"_s);
    QVERIFY(ConnectionResolver::anyCredentialsConfigured(environment(), m_store.get()));
}

QTEST_GUILESS_MAIN(TestConnectionResolver)
#include "tst_connectionresolver.moc"
