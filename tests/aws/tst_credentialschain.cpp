// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/credentials/CredentialsProviderChain.h"
#include "aws/credentials/ProfileCredentialsProvider.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

// The provider chain and the profile provider, against real files in a temporary HOME.
class TestCredentialsChain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void profileKinds_data();
    void profileKinds();
    void profileCredentials_data();
    void profileCredentials();
    void chainOrder_data();
    void chainOrder();
    void roleProfileSetupErrors();
    void profileWithCredentialProcess();
    void fallbackForAppProfiles();
    void rereadsFilesAfterInvalidate();
    void malformedFileIsAnError();

private:
    void write(const QString &relativePath, const QByteArray &text);
    QProcessEnvironment environment(const QStringList &assignments = {}) const;
    static AwsResult<AwsCredentials> fetchAndWait(CredentialsProvider &provider, QObject *context);

    std::unique_ptr<QTemporaryDir> m_home;
};

namespace {

const QByteArray credentialsFile =
    "[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = s-default\n"
    "[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = s-dev\n"
    "aws_session_token = t-dev\n"
    "[half]\naws_access_key_id = AKIDHALF\n";
const QByteArray configFile = "[default]\nregion = us-east-1\n"
                              "[profile dev]\nregion = eu-west-1\naws_access_key_id = AKIDIGNORED\n"
                              "[profile regiononly]\nregion = eu-west-2\n"
                              "[profile sso]\nsso_session = corp\nsso_account_id = 123456789012\n"
                              "[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\n";

QDateTime fixedNow()
{
    return QDateTime(QDate(2030, 1, 1), QTime(0, 0), QTimeZone::utc());
}

} // namespace

void TestCredentialsChain::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    QVERIFY(QDir(m_home->path()).mkpath(u".aws"_s));
}

void TestCredentialsChain::write(const QString &relativePath, const QByteArray &text)
{
    QFile file(m_home->filePath(relativePath));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text);
}

QProcessEnvironment TestCredentialsChain::environment(const QStringList &assignments) const
{
    QProcessEnvironment env;
    env.insert(u"HOME"_s, m_home->path());
    env.insert(u"PATH"_s, qEnvironmentVariable("PATH", u"/usr/bin:/bin"_s));
    // No instance metadata on a test machine: the chain's last try is turned off.
    env.insert(u"AWS_EC2_METADATA_DISABLED"_s, u"true"_s);
    for (const QString &assignment : assignments) {
        const qsizetype eq = assignment.indexOf(u'=');
        env.insert(assignment.left(eq), assignment.mid(eq + 1));
    }
    return env;
}

AwsResult<AwsCredentials> TestCredentialsChain::fetchAndWait(CredentialsProvider &provider, QObject *context)
{
    std::optional<AwsResult<AwsCredentials>> result;
    int calls = 0;
    provider.fetch(context, [&](const AwsResult<AwsCredentials> &r) {
        ++calls;
        result = r;
    });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 20'000))
        return AwsError(AwsError::Category::Timeout, u"test: no answer"_s);
    if (calls != 1)
        return AwsError(AwsError::Category::Cancelled, u"test: callback ran %1 times"_s.arg(calls));
    return *result;
}

void TestCredentialsChain::profileKinds_data()
{
    using Kind = ProfileCredentialsProvider::Kind;
    using Properties = SharedConfigFile::Properties;
    QTest::addColumn<Properties>("profile");
    QTest::addColumn<Kind>("kind");

    QTest::newRow("static") << Properties{{u"aws_access_key_id"_s, u"A"_s},
                                          {u"aws_secret_access_key"_s, u"S"_s}}
                            << Kind::StaticKeys;
    QTest::newRow("half static is static")
        << Properties{{u"aws_secret_access_key"_s, u"S"_s}} << Kind::StaticKeys;
    QTest::newRow("process") << Properties{{u"credential_process"_s, u"tool"_s}} << Kind::Process;
    QTest::newRow("static beats process")
        << Properties{{u"aws_access_key_id"_s, u"A"_s}, {u"credential_process"_s, u"tool"_s}}
        << Kind::StaticKeys;
    QTest::newRow("sso") << Properties{{u"sso_session"_s, u"corp"_s}} << Kind::IdentityCenter;
    QTest::newRow("legacy sso") << Properties{{u"sso_start_url"_s, u"https://x"_s}} << Kind::IdentityCenter;
    QTest::newRow("role with keys") << Properties{{u"role_arn"_s, u"arn:aws:iam::1:role/r"_s},
                                                  {u"aws_access_key_id"_s, u"A"_s}}
                                    << Kind::AssumeRole;
    QTest::newRow("web identity") << Properties{{u"web_identity_token_file"_s, u"/t"_s}} << Kind::WebIdentity;
    QTest::newRow("sso with process")
        << Properties{{u"sso_session"_s, u"corp"_s}, {u"credential_process"_s, u"t"_s}}
        << Kind::IdentityCenter;
    QTest::newRow("role beats process")
        << Properties{{u"role_arn"_s, u"arn:aws:iam::1:role/r"_s}, {u"credential_process"_s, u"t"_s}}
        << Kind::AssumeRole;
    QTest::newRow("role with mfa") << Properties{{u"role_arn"_s, u"arn:aws:iam::1:role/r"_s},
                                                 {u"mfa_serial"_s, u"arn:aws:iam::1:mfa/a"_s}}
                                   << Kind::AssumeRoleWithMfa;
    QTest::newRow("role with token file is web identity")
        << Properties{{u"role_arn"_s, u"arn:aws:iam::1:role/r"_s}, {u"web_identity_token_file"_s, u"/t"_s}}
        << Kind::WebIdentity;
    QTest::newRow("region only") << Properties{{u"region"_s, u"us-east-1"_s}} << Kind::None;
    QTest::newRow("blank keys") << Properties{{u"aws_access_key_id"_s, u" "_s}} << Kind::None;
}

void TestCredentialsChain::profileKinds()
{
    QFETCH(SharedConfigFile::Properties, profile);
    QFETCH(ProfileCredentialsProvider::Kind, kind);
    QCOMPARE(ProfileCredentialsProvider::kindOf(profile), kind);
}

void TestCredentialsChain::profileCredentials_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("accessKeyId");
    QTest::addColumn<QString>("errorContains");

    QTest::newRow("credentials file wins") << u"dev"_s << u"AKIDDEV"_s << QString();
    QTest::newRow("half") << u"half"_s << QString()
                          << u"has aws_access_key_id but no aws_secret_access_key"_s;
    QTest::newRow("region only") << u"regiononly"_s << QString()
                                 << u"\"regiononly\" (~/.aws/config) has no credentials"_s;
    QTest::newRow("missing") << u"nope"_s << QString()
                             << u"\"nope\" was not found in ~/.aws/config and ~/.aws/credentials"_s;
}

void TestCredentialsChain::profileCredentials()
{
    QFETCH(QString, profile);
    QFETCH(QString, accessKeyId);
    QFETCH(QString, errorContains);

    write(u".aws/credentials"_s, credentialsFile);
    write(u".aws/config"_s, configFile);
    const QProcessEnvironment env = environment();
    const AwsResult<SharedConfig> config = SharedConfig::load(env);
    QVERIFY(config.ok());
    ProfileCredentialsProvider provider(config.value(), profile, env, fixedNow);
    const AwsResult<AwsCredentials> result = fetchAndWait(provider, this);
    if (accessKeyId.isEmpty()) {
        QVERIFY(!result.ok());
        QVERIFY2(result.error().message().contains(errorContains), qPrintable(result.error().message()));
        QVERIFY(!result.error().message().contains(u"s-"_s));
        return;
    }
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message()));
    QCOMPARE(result.value().accessKeyId, accessKeyId);
    QCOMPARE(result.value().secretAccessKey, u"s-dev"_s);
    QCOMPARE(result.value().sessionToken, u"t-dev"_s);
    QCOMPARE(result.value().source, u"profile dev"_s);
    QCOMPARE(provider.description(), u"profile dev (~/.aws/config and ~/.aws/credentials)"_s);
}

void TestCredentialsChain::chainOrder_data()
{
    QTest::addColumn<QString>("explicitProfile");
    QTest::addColumn<QStringList>("env");
    QTest::addColumn<bool>("withFiles");
    QTest::addColumn<QString>("accessKeyId"); // empty: an error is expected
    QTest::addColumn<QString>("errorContains");
    QTest::addColumn<AwsError::Category>("category");

    const QStringList envKeys{u"AWS_ACCESS_KEY_ID=AKIDENV"_s, u"AWS_SECRET_ACCESS_KEY=s-env"_s};
    const auto none = AwsError::Category::Credentials;

    QTest::newRow("explicit profile beats environment")
        << u"dev"_s << envKeys << true << u"AKIDDEV"_s << QString() << none;
    QTest::newRow("explicit profile beats AWS_PROFILE")
        << u"dev"_s << QStringList{u"AWS_PROFILE=default"_s} << true << u"AKIDDEV"_s << QString() << none;
    QTest::newRow("explicit missing profile: no fallthrough")
        << u"nope"_s << envKeys << true << QString() << u"The profile \"nope\" was not found"_s
        << AwsError::Category::Configuration;
    QTest::newRow("explicit profile without credentials: no fallthrough")
        << u"regiononly"_s << envKeys << true << QString() << u"has no credentials"_s << none;
    QTest::newRow("explicit half profile: no fallthrough")
        << u"half"_s << envKeys << true << QString() << u"no aws_secret_access_key"_s << none;
    QTest::newRow("environment beats files")
        << QString() << envKeys << true << u"AKIDENV"_s << QString() << none;
    QTest::newRow("environment beats AWS_PROFILE")
        << QString() << (envKeys + QStringList{u"AWS_PROFILE=dev"_s}) << true << u"AKIDENV"_s << QString()
        << none;
    QTest::newRow("partial environment is an error")
        << QString() << QStringList{u"AWS_ACCESS_KEY_ID=AKIDENV"_s} << true << QString()
        << u"AWS_SECRET_ACCESS_KEY is not"_s << none;
    QTest::newRow("AWS_PROFILE") << QString() << QStringList{u"AWS_PROFILE=dev"_s} << true << u"AKIDDEV"_s
                                 << QString() << none;
    QTest::newRow("AWS_PROFILE missing")
        << QString() << QStringList{u"AWS_PROFILE=nope"_s} << true << QString()
        << u"\"nope\" named by AWS_PROFILE was not found"_s << AwsError::Category::Configuration;
    // botocore goes on to container credentials and instance metadata (turned off here).
    QTest::newRow("AWS_PROFILE without credentials")
        << QString() << QStringList{u"AWS_PROFILE=regiononly"_s} << true << QString()
        << u"No AWS credentials found"_s << none;
    QTest::newRow("AWS_DEFAULT_PROFILE before AWS_PROFILE")
        << QString() << QStringList{u"AWS_DEFAULT_PROFILE=dev"_s, u"AWS_PROFILE=default"_s} << true
        << u"AKIDDEV"_s << QString() << none;
    QTest::newRow("web identity from the environment beats profile keys")
        << QString()
        << QStringList{u"AWS_WEB_IDENTITY_TOKEN_FILE=/nonexistent/token"_s,
                       u"AWS_ROLE_ARN=arn:aws:iam::123456789012:role/web"_s}
        << true << QString() << u"Could not read the web identity token file /nonexistent/token"_s << none;
    QTest::newRow("explicit profile ignores environment web identity")
        << u"dev"_s << QStringList{u"AWS_WEB_IDENTITY_TOKEN_FILE=/nonexistent/token"_s} << true
        << u"AKIDDEV"_s << QString() << none;
    QTest::newRow("default profile") << QString() << QStringList{} << true << u"AKIDDEFAULT"_s << QString()
                                     << none;
    QTest::newRow("nothing at all") << QString() << QStringList{} << false << QString()
                                    << u"No AWS credentials found"_s << none;
    QTest::newRow("file paths from the environment")
        << u"other"_s
        << QStringList{u"AWS_SHARED_CREDENTIALS_FILE=${HOME}/elsewhere/creds"_s,
                       u"AWS_CONFIG_FILE=~/elsewhere/conf"_s}
        << true << u"AKIDOTHER"_s << QString() << none;
    QTest::newRow("overridden paths hide the default files")
        << u"dev"_s << QStringList{u"AWS_SHARED_CREDENTIALS_FILE=$HOME/elsewhere/creds"_s} << true
        << QString() << u"\"dev\" (~/.aws/config) has aws_access_key_id but no aws_secret_access_key"_s
        << none;
}

void TestCredentialsChain::chainOrder()
{
    QFETCH(QString, explicitProfile);
    QFETCH(QStringList, env);
    QFETCH(bool, withFiles);
    QFETCH(QString, accessKeyId);
    QFETCH(QString, errorContains);
    QFETCH(AwsError::Category, category);

    if (withFiles) {
        write(u".aws/credentials"_s, credentialsFile);
        write(u".aws/config"_s, configFile);
        QVERIFY(QDir(m_home->path()).mkpath(u"elsewhere"_s));
        write(u"elsewhere/creds"_s,
              "[other]\naws_access_key_id = AKIDOTHER\naws_secret_access_key = s-other\n");
        write(u"elsewhere/conf"_s, "[profile other]\nregion = ap-south-1\n");
    }
    CredentialsProviderChain chain(explicitProfile, environment(env), fixedNow);
    const AwsResult<AwsCredentials> result = fetchAndWait(chain, this);
    if (accessKeyId.isEmpty()) {
        QVERIFY(!result.ok());
        QCOMPARE(result.error().category(), category);
        QVERIFY2(result.error().message().contains(errorContains), qPrintable(result.error().message()));
        return;
    }
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message()));
    QCOMPARE(result.value().accessKeyId, accessKeyId);
}

void TestCredentialsChain::roleProfileSetupErrors()
{
    write(u".aws/credentials"_s, credentialsFile);
    write(u".aws/config"_s,
          configFile +
              "[profile loop-a]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = loop-b\n"
              "[profile loop-b]\nrole_arn = arn:aws:iam::1:role/b\nsource_profile = loop-a\n"
              "[profile self-no-keys]\nrole_arn = arn:aws:iam::1:role/s\nsource_profile = self-no-keys\n"
              "[profile both]\nrole_arn = arn:aws:iam::1:role/x\nsource_profile = dev\n"
              "credential_source = Environment\n"
              "[profile neither]\nrole_arn = arn:aws:iam::1:role/x\n"
              "[profile bad-source]\nrole_arn = arn:aws:iam::1:role/x\ncredential_source = Moon\n"
              "[profile ghost-source]\nrole_arn = arn:aws:iam::1:role/x\nsource_profile = ghost\n");
    const QList<QPair<QString, QString>> cases = {
        {u"loop-a"_s, u"form a loop: loop-a → loop-b → loop-a"_s},
        {u"self-no-keys"_s, u"form a loop: self-no-keys → self-no-keys"_s},
        {u"both"_s, u"contains both source_profile and credential_source"_s},
        {u"neither"_s, u"neither source_profile nor credential_source"_s},
        {u"bad-source"_s, u"credential_source \"Moon\""_s},
        {u"ghost-source"_s,
         u"source_profile \"ghost\" named in the profile \"ghost-source\" does not exist"_s},
    };
    for (const auto &[profile, expected] : cases) {
        CredentialsProviderChain chain(profile, environment(), fixedNow);
        const AwsResult<AwsCredentials> result = fetchAndWait(chain, this);
        QVERIFY2(!result.ok(), qPrintable(profile));
        QCOMPARE(result.error().category(), AwsError::Category::Configuration);
        QVERIFY2(result.error().message().contains(expected), qPrintable(result.error().message()));
    }
}

void TestCredentialsChain::profileWithCredentialProcess()
{
    const QString script = m_home->filePath(u"creds.sh"_s);
    write(u"creds.sh"_s, "#!/bin/sh\necho \"{\\\"Version\\\": 1, \\\"AccessKeyId\\\": \\\"AKID$1\\\", "
                         "\\\"SecretAccessKey\\\": \\\"s-process\\\"}\"\n");
    QVERIFY(QFile::setPermissions(script, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    write(u".aws/config"_s, "[profile proc]\ncredential_process = \"" + script.toUtf8() +
                                "\" PROC # comment\n"
                                "[profile slow]\ncredential_process = sleep 30\n");
    CredentialsProviderChain chain(u"proc"_s, environment(), fixedNow);
    const AwsResult<AwsCredentials> result = fetchAndWait(chain, this);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message()));
    QCOMPARE(result.value().accessKeyId, u"AKIDPROC"_s);

    CredentialsProviderChain slow(u"slow"_s, environment(), fixedNow);
    slow.setProcessTimeout(300);
    const AwsResult<AwsCredentials> timedOut = fetchAndWait(slow, this);
    QVERIFY(!timedOut.ok());
    QVERIFY(timedOut.error().message().contains(u"did not finish within 1 s"_s));
}

void TestCredentialsChain::fallbackForAppProfiles()
{
    write(u".aws/credentials"_s, credentialsFile);
    QStringList asked;
    auto appProvider = std::make_shared<CredentialsProviderChain>(
        QString(), environment({u"AWS_ACCESS_KEY_ID=AKIDAPP"_s, u"AWS_SECRET_ACCESS_KEY=s"_s}));
    const auto fallback = [&](const QString &name) -> std::shared_ptr<CredentialsProvider> {
        asked.append(name);
        return name == u"app" ? appProvider : nullptr;
    };

    CredentialsProviderChain explicitApp(u"app"_s, environment(), fixedNow, fallback);
    const AwsResult<AwsCredentials> viaFallback = fetchAndWait(explicitApp, this);
    QVERIFY(viaFallback.ok());
    QCOMPARE(viaFallback.value().accessKeyId, u"AKIDAPP"_s);

    // Shared-file profiles come first; the fallback is not asked for them.
    CredentialsProviderChain explicitShared(u"dev"_s, environment(), fixedNow, fallback);
    QCOMPARE(fetchAndWait(explicitShared, this).value().accessKeyId, u"AKIDDEV"_s);

    CredentialsProviderChain fromEnv(QString(), environment({u"AWS_PROFILE=app"_s}), fixedNow, fallback);
    QCOMPARE(fetchAndWait(fromEnv, this).value().accessKeyId, u"AKIDAPP"_s);

    CredentialsProviderChain missing(u"ghost"_s, environment(), fixedNow, fallback);
    const AwsResult<AwsCredentials> notFound = fetchAndWait(missing, this);
    QVERIFY(!notFound.ok());
    QVERIFY(notFound.error().message().contains(u"or among SessionScope's own profiles"_s));
    QCOMPARE(asked, (QStringList{u"app"_s, u"app"_s, u"ghost"_s}));
}

void TestCredentialsChain::rereadsFilesAfterInvalidate()
{
    write(u".aws/credentials"_s, "[default]\naws_access_key_id = AKIDOLD\naws_secret_access_key = s\n");
    CredentialsProviderChain chain(QString(), environment(), fixedNow);
    QCOMPARE(fetchAndWait(chain, this).value().accessKeyId, u"AKIDOLD"_s);
    QVERIFY(chain.description().startsWith(u"profile default"_s));

    write(u".aws/credentials"_s, "[default]\naws_access_key_id = AKIDNEW\naws_secret_access_key = s\n");
    QCOMPARE(fetchAndWait(chain, this).value().accessKeyId, u"AKIDOLD"_s); // cached choice
    chain.invalidate();
    QCOMPARE(fetchAndWait(chain, this).value().accessKeyId, u"AKIDNEW"_s);
}

void TestCredentialsChain::malformedFileIsAnError()
{
    write(u".aws/credentials"_s, "[default]\naws_access_key_id = AKID\naws_secret_access_key wJalrSECRET\n");
    CredentialsProviderChain chain(QString(), environment(), fixedNow);
    const AwsResult<AwsCredentials> result = fetchAndWait(chain, this);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().category(), AwsError::Category::Configuration);
    QVERIFY2(result.error().message().startsWith(u"~/.aws/credentials, line 3: "_s),
             qPrintable(result.error().message()));
    QVERIFY(!result.error().message().contains(u"SECRET"_s));

    // The environment does not need the files.
    CredentialsProviderChain fromEnv(
        QString(), environment({u"AWS_ACCESS_KEY_ID=AKIDENV"_s, u"AWS_SECRET_ACCESS_KEY=s"_s}), fixedNow);
    QVERIFY(fetchAndWait(fromEnv, this).ok());
}

QTEST_GUILESS_MAIN(TestCredentialsChain)
#include "tst_credentialschain.moc"
