// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/credentials/CredentialsProviderChain.h"
#include "aws/credentials/WebIdentityProvider.h"
#include "aws/credentials/sts/RoleCredentialsCache.h"

#include "ScriptedHttpServer.h"

#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUrlQuery>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

// AssumeRoleWithWebIdentity as botocore does it (environment and profile forms, the token file read at
// every call), against a scripted STS on loopback with a temporary HOME and a clock the test moves.
class TestWebIdentity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void environmentForm();
    void defaultSessionNameAndCacheKey();
    void profileForm();
    void unreadableOrEmptyTokenFile_data();
    void unreadableOrEmptyTokenFile();
    void stsRejectsTheToken();
    void refreshReadsTheRotatedToken();
    void cacheIsSharedAcrossRunsAndSkippedAfterInvalidate();

private:
    void write(const QString &relativePath, const QByteArray &text);
    QProcessEnvironment environment(bool withEnvForm = true) const;
    AwsResult<AwsCredentials> fetch(CredentialsProvider &provider);
    /// The decoded form fields of the index-th STS request.
    QUrlQuery form(int index) const;
    QString cachePath(const QString &key) const;

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<ScriptedHttpServer> m_sts;
    QDateTime m_now;
    AwsClock m_clock;
};

namespace {

const auto roleArn = u"arn:aws:iam::123456789012:role/Pod"_s;
const QByteArray tokenOne = "eyJ.web-identity-token-one.sig";
const QByteArray tokenTwo = "eyJ.web-identity-token-two.sig";

QByteArray answer(const QByteArray &keyId, const QByteArray &expiration)
{
    return "<AssumeRoleWithWebIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
           "<AssumeRoleWithWebIdentityResult><Credentials><AccessKeyId>" +
           keyId +
           "</AccessKeyId><SecretAccessKey>s-web</SecretAccessKey><SessionToken>t-web</SessionToken>"
           "<Expiration>" +
           expiration +
           "</Expiration></Credentials><AssumedRoleUser><AssumedRoleId>AROA:s</AssumedRoleId>"
           "<Arn>arn:aws:sts::123456789012:assumed-role/Pod/s</Arn></AssumedRoleUser>"
           "</AssumeRoleWithWebIdentityResult><ResponseMetadata><RequestId>r-1</RequestId>"
           "</ResponseMetadata></AssumeRoleWithWebIdentityResponse>";
}

QString messageOf(const AwsResult<AwsCredentials> &result)
{
    return result.ok() ? QString() : result.error().message();
}

} // namespace

void TestWebIdentity::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    QVERIFY(QDir(m_home->path()).mkpath(u".aws"_s));
    write(u".aws/config"_s, "[default]\nregion = us-east-1\n"
                            "[profile pod]\nweb_identity_token_file = " +
                                m_home->filePath(u"profile-token"_s).toUtf8() +
                                "\nrole_arn = arn:aws:iam::123456789012:role/FromProfile\n"
                                "role_session_name = profile-session\nregion = eu-west-1\n");
    write(u"token"_s, tokenOne + '\n');
    write(u"profile-token"_s, tokenTwo);
    m_sts = std::make_unique<ScriptedHttpServer>();
    QVERIFY(m_sts->listen());
    m_now = QDateTime(QDate(2030, 1, 1), QTime(0, 0), QTimeZone::utc());
    m_clock = [this] { return m_now; };
}

void TestWebIdentity::write(const QString &relativePath, const QByteArray &text)
{
    QFile file(m_home->filePath(relativePath));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text);
}

QProcessEnvironment TestWebIdentity::environment(bool withEnvForm) const
{
    QProcessEnvironment env;
    env.insert(u"HOME"_s, m_home->path());
    env.insert(u"AWS_EC2_METADATA_DISABLED"_s, u"true"_s);
    env.insert(u"AWS_ENDPOINT_URL_STS"_s, m_sts->url().toString());
    if (withEnvForm) {
        env.insert(u"AWS_WEB_IDENTITY_TOKEN_FILE"_s, m_home->filePath(u"token"_s));
        env.insert(u"AWS_ROLE_ARN"_s, roleArn);
    }
    return env;
}

AwsResult<AwsCredentials> TestWebIdentity::fetch(CredentialsProvider &provider)
{
    std::optional<AwsResult<AwsCredentials>> result;
    provider.fetch(this, [&](const AwsResult<AwsCredentials> &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 20'000))
        return AwsError(AwsError::Category::Timeout, u"test: no answer"_s);
    return *result;
}

QUrlQuery TestWebIdentity::form(int index) const
{
    QByteArray body = m_sts->requests().at(index).body;
    body.replace('+', "%20");
    return QUrlQuery(QString::fromUtf8(body));
}

QString TestWebIdentity::cachePath(const QString &key) const
{
    return m_home->filePath(u".aws/cli/cache/"_s + key + u".json"_s);
}

void TestWebIdentity::environmentForm()
{
    m_sts->enqueue(ScriptedHttpServer::Answer::json(200, answer("ASIAWEB", "2030-01-01T01:00:00Z")));
    QProcessEnvironment env = environment();
    env.insert(u"AWS_ROLE_SESSION_NAME"_s, u"my-pod"_s);
    CredentialsProviderChain chain(QString(), env, m_clock);
    const AwsResult<AwsCredentials> result = fetch(chain);
    QVERIFY2(result.ok(), qPrintable(messageOf(result)));
    QCOMPARE(result.value().accessKeyId, u"ASIAWEB"_s);
    QCOMPARE(result.value().secretAccessKey, u"s-web"_s);
    QCOMPARE(result.value().sessionToken, u"t-web"_s);
    QCOMPARE(result.value().expiration, QDateTime(QDate(2030, 1, 1), QTime(1, 0), QTimeZone::utc()));
    QVERIFY(result.value().source.contains(roleArn));

    QCOMPARE(m_sts->requests().size(), 1);
    const ScriptedHttpServer::Request &request = m_sts->requests().first();
    QCOMPARE(request.method, "POST");
    QVERIFY2(request.header("authorization").isNull(), "AssumeRoleWithWebIdentity goes unsigned");
    const QUrlQuery fields = form(0);
    QCOMPARE(fields.queryItemValue(u"Action"_s, QUrl::FullyDecoded), u"AssumeRoleWithWebIdentity"_s);
    QCOMPARE(fields.queryItemValue(u"Version"_s, QUrl::FullyDecoded), u"2011-06-15"_s);
    QCOMPARE(fields.queryItemValue(u"RoleArn"_s, QUrl::FullyDecoded), roleArn);
    QCOMPARE(fields.queryItemValue(u"RoleSessionName"_s, QUrl::FullyDecoded), u"my-pod"_s);
    // The newline `echo` leaves at the end of the file is not part of the token.
    QCOMPARE(fields.queryItemValue(u"WebIdentityToken"_s, QUrl::FullyDecoded), QString::fromUtf8(tokenOne));
}

void TestWebIdentity::defaultSessionNameAndCacheKey()
{
    m_sts->enqueue(ScriptedHttpServer::Answer::json(200, answer("ASIADEFAULT", "2030-01-01T01:00:00Z")));
    CredentialsProviderChain chain(QString(), environment(), m_clock);
    QVERIFY(fetch(chain).ok());
    // botocore: botocore-session-<seconds since the epoch>.
    QCOMPARE(form(0).queryItemValue(u"RoleSessionName"_s), u"botocore-session-1893456000"_s);
    // The generated name is not part of the cache key (the AWS CLI's file for that role).
    const QString key = RoleCredentialsCache::key({{u"RoleArn"_s, roleArn}});
    QVERIFY(QFile::exists(cachePath(key)));
    QCOMPARE(QFile::permissions(cachePath(key)) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QFileDevice::Permissions());
    QFile cached(cachePath(key));
    QVERIFY(cached.open(QIODevice::ReadOnly));
    const QByteArray text = cached.readAll();
    QVERIFY(text.contains("ASIADEFAULT"));
    QVERIFY2(!text.contains(tokenOne), "the web identity token is never cached");
}

void TestWebIdentity::profileForm()
{
    m_sts->enqueue(ScriptedHttpServer::Answer::json(200, answer("ASIAPROFILE", "2030-01-01T01:00:00Z")));
    QProcessEnvironment env = environment(false);
    env.insert(u"AWS_PROFILE"_s, u"pod"_s);
    CredentialsProviderChain chain(QString(), env, m_clock);
    AwsResult<AwsCredentials> result = fetch(chain);
    QVERIFY2(result.ok(), qPrintable(messageOf(result)));
    QCOMPARE(result.value().accessKeyId, u"ASIAPROFILE"_s);
    QUrlQuery fields = form(0);
    QCOMPARE(fields.queryItemValue(u"RoleArn"_s, QUrl::FullyDecoded),
             u"arn:aws:iam::123456789012:role/FromProfile"_s);
    QCOMPARE(fields.queryItemValue(u"RoleSessionName"_s), u"profile-session"_s);
    QCOMPARE(fields.queryItemValue(u"WebIdentityToken"_s, QUrl::FullyDecoded), QString::fromUtf8(tokenTwo));
    // The key names the session as the profile does.
    QVERIFY(QFile::exists(
        cachePath(RoleCredentialsCache::key({{u"RoleArn"_s, u"arn:aws:iam::123456789012:role/FromProfile"_s},
                                             {u"RoleSessionName"_s, u"profile-session"_s}}))));

    // An explicit --profile: the environment form is not used even when set, as botocore's profile
    // provider reads the profile alone.
    m_sts->enqueue(ScriptedHttpServer::Answer::json(200, answer("ASIAEXPLICIT", "2030-01-01T01:00:00Z")));
    QFile::remove(
        cachePath(RoleCredentialsCache::key({{u"RoleArn"_s, u"arn:aws:iam::123456789012:role/FromProfile"_s},
                                             {u"RoleSessionName"_s, u"profile-session"_s}})));
    CredentialsProviderChain explicitChain(u"pod"_s, environment(true), m_clock);
    result = fetch(explicitChain);
    QVERIFY2(result.ok(), qPrintable(messageOf(result)));
    QCOMPARE(result.value().accessKeyId, u"ASIAEXPLICIT"_s);
    fields = form(1);
    QCOMPARE(fields.queryItemValue(u"WebIdentityToken"_s, QUrl::FullyDecoded), QString::fromUtf8(tokenTwo));
}

void TestWebIdentity::unreadableOrEmptyTokenFile_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");
    QTest::newRow("missing") << u"missing-token"_s << QByteArray() << u"Could not read"_s;
    QTest::newRow("directory") << u".aws"_s << QByteArray() << u"Could not read"_s;
    QTest::newRow("empty") << u"empty-token"_s << QByteArray("") << u"is empty"_s;
    QTest::newRow("blank") << u"blank-token"_s << QByteArray(" \n\t\n") << u"is empty"_s;
}

void TestWebIdentity::unreadableOrEmptyTokenFile()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    if (!content.isNull())
        write(file, content);
    QProcessEnvironment env = environment();
    env.insert(u"AWS_WEB_IDENTITY_TOKEN_FILE"_s, m_home->filePath(file));
    CredentialsProviderChain chain(QString(), env, m_clock);
    const AwsResult<AwsCredentials> result = fetch(chain);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().category(), AwsError::Category::Credentials);
    QVERIFY2(result.error().message().contains(expected), qPrintable(result.error().message()));
    QVERIFY2(result.error().message().contains(m_home->filePath(file)), qPrintable(result.error().message()));
    QVERIFY2(result.error().message().contains(u"AWS_WEB_IDENTITY_TOKEN_FILE"_s),
             qPrintable(result.error().message()));
    QCOMPARE(m_sts->requests().size(), 0);
}

void TestWebIdentity::stsRejectsTheToken()
{
    m_sts->enqueue(ScriptedHttpServer::Answer::json(
        400,
        "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type>"
        "<Code>InvalidIdentityToken</Code><Message>Couldn't retrieve verification key from your identity "
        "provider</Message></Error><RequestId>req-7</RequestId></ErrorResponse>"));
    CredentialsProviderChain chain(QString(), environment(), m_clock);
    const AwsResult<AwsCredentials> result = fetch(chain);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().category(), AwsError::Category::Credentials);
    QCOMPARE(result.error().code(), u"InvalidIdentityToken"_s);
    QCOMPARE(result.error().requestId(), u"req-7"_s);
    QVERIFY(!result.error().message().contains(QString::fromUtf8(tokenOne)));
    QVERIFY(!result.error().toLogLine().contains(QString::fromUtf8(tokenOne)));
    QVERIFY(!result.error().userMessage().contains(QString::fromUtf8(tokenOne)));
    QCOMPARE(m_sts->requests().size(), 1); // a refused token is not worth a retry
    // Nothing was cached.
    QVERIFY(!QFile::exists(cachePath(RoleCredentialsCache::key({{u"RoleArn"_s, roleArn}}))));
}

void TestWebIdentity::refreshReadsTheRotatedToken()
{
    m_sts->enqueue(ScriptedHttpServer::Answer::json(200, answer("ASIAFIRST", "2030-01-01T01:00:00Z")));
    m_sts->enqueue(ScriptedHttpServer::Answer::json(200, answer("ASIASECOND", "2030-01-01T02:00:00Z")));
    CredentialsProviderChain chain(QString(), environment(), m_clock);
    QCOMPARE(fetch(chain).value().accessKeyId, u"ASIAFIRST"_s);

    // Well before expiry: the credentials held are used, nothing is read or sent.
    m_now = m_now.addSecs(30 * 60);
    QCOMPARE(fetch(chain).value().accessKeyId, u"ASIAFIRST"_s);
    QCOMPARE(m_sts->requests().size(), 1);

    // EKS rotates the projected token; within the refresh window the new one is read and sent.
    write(u"token"_s, tokenTwo);
    m_now = m_now.addSecs(20 * 60); // 10 minutes before expiry
    const AwsResult<AwsCredentials> refreshed = fetch(chain);
    QVERIFY2(refreshed.ok(), qPrintable(messageOf(refreshed)));
    QCOMPARE(refreshed.value().accessKeyId, u"ASIASECOND"_s);
    QCOMPARE(m_sts->requests().size(), 2);
    QCOMPARE(form(1).queryItemValue(u"WebIdentityToken"_s, QUrl::FullyDecoded), QString::fromUtf8(tokenTwo));
}

void TestWebIdentity::cacheIsSharedAcrossRunsAndSkippedAfterInvalidate()
{
    m_sts->enqueue(ScriptedHttpServer::Answer::json(200, answer("ASIACACHED", "2030-01-01T01:00:00Z")));
    {
        CredentialsProviderChain first(QString(), environment(), m_clock);
        QCOMPARE(fetch(first).value().accessKeyId, u"ASIACACHED"_s);
    }
    // Another run: the AWS CLI's cache file answers, STS is not asked.
    CredentialsProviderChain second(QString(), environment(), m_clock);
    QCOMPARE(fetch(second).value().accessKeyId, u"ASIACACHED"_s);
    QCOMPARE(m_sts->requests().size(), 1);

    // A cached role expiring within botocore's 15-minute window is not used.
    m_now = m_now.addSecs(50 * 60);
    m_sts->enqueue(ScriptedHttpServer::Answer::json(200, answer("ASIALATER", "2030-01-01T02:00:00Z")));
    CredentialsProviderChain third(QString(), environment(), m_clock);
    QCOMPARE(fetch(third).value().accessKeyId, u"ASIALATER"_s);
    QCOMPARE(m_sts->requests().size(), 2);

    // After the service refused the credentials (invalidate), the file is not trusted again.
    m_sts->enqueue(
        ScriptedHttpServer::Answer::json(200, answer("ASIAAFTERINVALIDATE", "2030-01-01T03:00:00Z")));
    third.invalidate();
    QCOMPARE(fetch(third).value().accessKeyId, u"ASIAAFTERINVALIDATE"_s);
    QCOMPARE(m_sts->requests().size(), 3);

    // The provider alone, with its own cache directory: the key is the one it names.
    auto context = std::make_shared<CredentialsContext>();
    context->env = environment();
    context->clock = m_clock;
    context->network = std::make_shared<QNetworkAccessManager>();
    const QString directory = m_home->filePath(u"other-cache"_s);
    WebIdentityProvider provider(WebIdentityProvider::settings(*context, u"default"_s, true), context,
                                 std::make_shared<RoleCredentialsCache>(context->env, directory));
    QCOMPARE(provider.cacheKey(), RoleCredentialsCache::key({{u"RoleArn"_s, roleArn}}));
    m_sts->enqueue(ScriptedHttpServer::Answer::json(200, answer("ASIAOWNDIR", "2030-01-01T03:00:00Z")));
    QCOMPARE(fetch(provider).value().accessKeyId, u"ASIAOWNDIR"_s);
    QVERIFY(QFile::exists(directory + u'/' + provider.cacheKey() + u".json"_s));
}

QTEST_GUILESS_MAIN(TestWebIdentity)
#include "tst_webidentity.moc"
