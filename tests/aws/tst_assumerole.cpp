// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/credentials/CredentialsProviderChain.h"
#include "aws/credentials/sts/RoleCredentialsCache.h"

#include "ScriptedHttpServer.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QTimer>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

// Assume-role profiles against a scripted STS on loopback, with a temporary HOME.
class TestAssumeRole : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cacheKeyMatchesBotocore();
    void assumesRoleAndReusesTheCliCache();
    void mfaWithoutPromptsFailsAtOnce();
    void mfaCodeIsSentAndCancelStops();
    void stsErrorsAndGarbage();

private:
    void write(const QString &relativePath, const QByteArray &text);
    QProcessEnvironment environment() const;
    AwsResult<AwsCredentials> fetch(CredentialsProvider &provider);

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<ScriptedHttpServer> m_sts;
};

namespace {

QDateTime fixedNow()
{
    return QDateTime(QDate(2030, 1, 1), QTime(0, 0), QTimeZone::utc());
}

QByteArray assumeRoleAnswer(const QByteArray &keyId)
{
    return "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult>"
           "<Credentials><AccessKeyId>" +
           keyId +
           "</AccessKeyId><SecretAccessKey>s-role</SecretAccessKey><SessionToken>t-role</SessionToken>"
           "<Expiration>2030-01-01T01:00:00Z</Expiration></Credentials>"
           "<AssumedRoleUser><AssumedRoleId>AROA:x</AssumedRoleId>"
           "<Arn>arn:aws:sts::123456789012:assumed-role/Admin/x</Arn></AssumedRoleUser>"
           "</AssumeRoleResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>"
           "</AssumeRoleResponse>";
}

const QByteArray baseConfig = "[profile base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = s-base\n"
                              "[profile admin]\nrole_arn = arn:aws:iam::123456789012:role/Admin\n"
                              "source_profile = base\nregion = us-east-1\n"
                              "[profile deeper]\nrole_arn = arn:aws:iam::123456789012:role/Deeper\n"
                              "source_profile = admin\n"
                              "[profile mfa]\nrole_arn = arn:aws:iam::123456789012:role/Admin\n"
                              "source_profile = base\nmfa_serial = arn:aws:iam::123456789012:mfa/alice\n";

class FakePrompts : public CredentialPrompts
{
public:
    void askMfaCode(const MfaRequest &request, QObject *context, MfaCallback callback) override
    {
        requests.append(request);
        const AwsResult<QString> answer =
            cancel ? AwsResult<QString>(AwsError(AwsError::Category::Cancelled, u"cancelled"_s))
                   : AwsResult<QString>(u"123456"_s);
        QTimer::singleShot(0, context, [callback, answer] { callback(answer); });
    }
    QList<MfaRequest> requests;
    bool cancel = false;
};

} // namespace

void TestAssumeRole::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    QVERIFY(QDir(m_home->path()).mkpath(u".aws"_s));
    write(u".aws/config"_s, baseConfig);
    m_sts = std::make_unique<ScriptedHttpServer>();
    QVERIFY(m_sts->listen());
}

void TestAssumeRole::write(const QString &relativePath, const QByteArray &text)
{
    QFile file(m_home->filePath(relativePath));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text);
}

QProcessEnvironment TestAssumeRole::environment() const
{
    QProcessEnvironment env;
    env.insert(u"HOME"_s, m_home->path());
    env.insert(u"AWS_EC2_METADATA_DISABLED"_s, u"true"_s);
    env.insert(u"AWS_ENDPOINT_URL_STS"_s, m_sts->url().toString());
    return env;
}

AwsResult<AwsCredentials> TestAssumeRole::fetch(CredentialsProvider &provider)
{
    std::optional<AwsResult<AwsCredentials>> result;
    provider.fetch(this, [&](const AwsResult<AwsCredentials> &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 20'000))
        return AwsError(AwsError::Category::Timeout, u"test: no answer"_s);
    return *result;
}

void TestAssumeRole::cacheKeyMatchesBotocore()
{
    // Computed with Python's json.dumps(sort_keys=True) and hashlib.sha1, as botocore does.
    const RoleCredentialsCache::Arguments arguments = {
        {u"RoleArn"_s, u"arn:aws:iam::123456789012:role/Admin"_s},
        {u"SerialNumber"_s, u"arn:aws:iam::123456789012:mfa/alice"_s},
        {u"DurationSeconds"_s, QVariant(3600)},
        {u"ExternalId"_s, u"ext-é"_s},
    };
    QCOMPARE(RoleCredentialsCache::key(arguments), u"0c9427f9a4c8ed0af418167020c80751df4cb753"_s);
    QCOMPARE(RoleCredentialsCache::key({{u"RoleArn"_s, u"arn:aws:iam::1:role/r"_s}}),
             u"296af0900b5a5e948c19d3110989c909c2d4a0a9"_s);
}

void TestAssumeRole::assumesRoleAndReusesTheCliCache()
{
    m_sts->enqueue(ScriptedHttpServer::Answer::json(200, assumeRoleAnswer("ASIAADMIN")));
    CredentialsProviderChain chain(u"admin"_s, environment(), fixedNow);
    const AwsResult<AwsCredentials> result = fetch(chain);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message()));
    QCOMPARE(result.value().accessKeyId, u"ASIAADMIN"_s);
    QCOMPARE(result.value().sessionToken, u"t-role"_s);
    QCOMPARE(m_sts->requests().size(), 1);
    const ScriptedHttpServer::Request &request = m_sts->requests().first();
    QCOMPARE(request.method, "POST");
    QVERIFY(request.body.contains("Action=AssumeRole"));
    QVERIFY(request.body.contains("Version=2011-06-15"));
    QVERIFY(request.body.contains("RoleSessionName=botocore-session-1893456000"));
    QVERIFY(request.header("authorization").contains("Credential=AKIDBASE/"));
    QVERIFY(request.hasValidSignature(m_sts->url(), u"s-base"_s));

    // The file the AWS CLI would write, under the key without the generated session name.
    const QString key =
        RoleCredentialsCache::key({{u"RoleArn"_s, u"arn:aws:iam::123456789012:role/Admin"_s}});
    const QString path = m_home->filePath(u".aws/cli/cache/"_s + key + u".json"_s);
    QVERIFY(QFile::exists(path));
    QCOMPARE(QFile::permissions(path) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QFileDevice::Permissions());

    // A new chain (another run) reuses it without asking STS.
    CredentialsProviderChain again(u"admin"_s, environment(), fixedNow);
    QCOMPARE(fetch(again).value().accessKeyId, u"ASIAADMIN"_s);
    QCOMPARE(m_sts->requests().size(), 1);

    // A role sourced from a role: the inner one comes from the cache, the outer one from STS.
    m_sts->enqueue(ScriptedHttpServer::Answer::json(200, assumeRoleAnswer("ASIADEEPER")));
    CredentialsProviderChain deeper(u"deeper"_s, environment(), fixedNow);
    QCOMPARE(fetch(deeper).value().accessKeyId, u"ASIADEEPER"_s);
    QCOMPARE(m_sts->requests().size(), 2);
    QVERIFY(m_sts->requests().last().header("authorization").contains("Credential=ASIAADMIN/"));

    // A malformed cache file is ignored, as botocore ignores what it cannot use.
    write(u".aws/cli/cache/"_s + key + u".json"_s, "{not json");
    m_sts->enqueue(ScriptedHttpServer::Answer::json(200, assumeRoleAnswer("ASIAFRESH")));
    CredentialsProviderChain afterDamage(u"admin"_s, environment(), fixedNow);
    QCOMPARE(fetch(afterDamage).value().accessKeyId, u"ASIAFRESH"_s);
}

void TestAssumeRole::mfaWithoutPromptsFailsAtOnce()
{
    CredentialsProviderChain chain(u"mfa"_s, environment(), fixedNow);
    const AwsResult<AwsCredentials> result = fetch(chain);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().category(), AwsError::Category::Credentials);
    QVERIFY2(result.error().message().contains(u"nobody can be asked"_s),
             qPrintable(result.error().message()));
    QCOMPARE(m_sts->requests().size(), 0);
}

void TestAssumeRole::mfaCodeIsSentAndCancelStops()
{
    auto prompts = std::make_shared<FakePrompts>();
    prompts->cancel = true;
    CredentialsProviderChain cancelled(u"mfa"_s, environment(), fixedNow);
    cancelled.setPrompts(prompts);
    const AwsResult<AwsCredentials> stopped = fetch(cancelled);
    QVERIFY(!stopped.ok());
    QCOMPARE(stopped.error().category(), AwsError::Category::Cancelled);
    QVERIFY(stopped.error().message().contains(u"not signed in"_s));
    QCOMPARE(prompts->requests.size(), 1);
    QCOMPARE(m_sts->requests().size(), 0);

    prompts->cancel = false;
    m_sts->enqueue(ScriptedHttpServer::Answer::json(200, assumeRoleAnswer("ASIAMFA")));
    CredentialsProviderChain chain(u"mfa"_s, environment(), fixedNow);
    chain.setPrompts(prompts);
    QCOMPARE(fetch(chain).value().accessKeyId, u"ASIAMFA"_s);
    QCOMPARE(prompts->requests.last().mfaSerial, u"arn:aws:iam::123456789012:mfa/alice"_s);
    QCOMPARE(prompts->requests.last().profileName, u"mfa"_s);
    QVERIFY(m_sts->requests().last().body.contains("TokenCode=123456"));
    QVERIFY(m_sts->requests().last().body.contains(
        "SerialNumber=arn%3Aaws%3Aiam%3A%3A123456789012%3Amfa%2Falice"));

    // The next run takes the cached role: no second code.
    CredentialsProviderChain nextRun(u"mfa"_s, environment(), fixedNow);
    nextRun.setPrompts(prompts);
    QCOMPARE(fetch(nextRun).value().accessKeyId, u"ASIAMFA"_s);
    QCOMPARE(prompts->requests.size(), 2);
}

void TestAssumeRole::stsErrorsAndGarbage()
{
    ScriptedHttpServer::Answer denied = ScriptedHttpServer::Answer::json(
        403, "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type>"
             "<Code>AccessDenied</Code><Message>not allowed to assume</Message></Error>"
             "<RequestId>req-42</RequestId></ErrorResponse>");
    m_sts->enqueue(denied);
    CredentialsProviderChain chain(u"admin"_s, environment(), fixedNow);
    AwsResult<AwsCredentials> result = fetch(chain);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().category(), AwsError::Category::AccessDenied);
    QCOMPARE(result.error().code(), u"AccessDenied"_s);
    QCOMPARE(result.error().requestId(), u"req-42"_s);
    QCOMPARE(result.error().message(), u"not allowed to assume"_s);

    // The transport refreshes the source credentials once and tries again: two answers.
    const ScriptedHttpServer::Answer expired = ScriptedHttpServer::Answer::json(
        400,
        "<ErrorResponse><Error><Code>ExpiredToken</Code><Message>expired</Message></Error></ErrorResponse>");
    m_sts->enqueue(expired);
    m_sts->enqueue(expired);
    chain.invalidate();
    result = fetch(chain);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().category(), AwsError::Category::Credentials);
    QVERIFY(result.error().isExpiredCredentials());

    // Credentials the service refused are not taken again from the AWS CLI's cache by the provider the
    // chain selects after invalidate() (the transport invalidates the chain, not the provider).
    m_sts->enqueue(ScriptedHttpServer::Answer::json(200, assumeRoleAnswer("ASIAREFUSEDLATER")));
    chain.invalidate();
    QCOMPARE(fetch(chain).value().accessKeyId, u"ASIAREFUSEDLATER"_s);
    CredentialsProviderChain otherRun(u"admin"_s, environment(), fixedNow);
    QCOMPARE(fetch(otherRun).value().accessKeyId, u"ASIAREFUSEDLATER"_s); // cached: no request
    const qsizetype before = m_sts->requests().size();
    m_sts->enqueue(ScriptedHttpServer::Answer::json(200, assumeRoleAnswer("ASIARENEWED")));
    otherRun.invalidate();
    QCOMPARE(fetch(otherRun).value().accessKeyId, u"ASIARENEWED"_s);
    QCOMPARE(m_sts->requests().size(), before + 1);

    m_sts->enqueue(ScriptedHttpServer::Answer::json(200, "<html>captive portal"));
    chain.invalidate();
    result = fetch(chain);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().category(), AwsError::Category::MalformedAnswer);
    QVERIFY(!result.error().message().contains(u"captive"_s));
}

QTEST_GUILESS_MAIN(TestAssumeRole)
#include "tst_assumerole.moc"
