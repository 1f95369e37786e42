// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/WorkSpacesWebClient.h"
#include "aws/credentials/CredentialPrompts.h"
#include "aws/credentials/CredentialsProviderChain.h"
#include "aws/transport/AwsTransport.h"
#include "emulator/Emulator.h"

#include "SignedClient.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

/// Counts the AssumeRole calls that leave this process (STS answers on the emulator's "/").
class StsCountingNetwork : public QNetworkAccessManager
{
public:
    int stsCalls = 0;

protected:
    QNetworkReply *createRequest(Operation operation, const QNetworkRequest &request,
                                 QIODevice *outgoingData) override
    {
        const bool post = operation == PostOperation ||
                          (operation == CustomOperation &&
                           request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray() == "POST");
        if (post && request.url().path() == u"/")
            ++stsCalls;
        return QNetworkAccessManager::createRequest(operation, request, outgoingData);
    }
};

/// Answers MFA prompts with a code, or cancels, later - as a dialog would.
class FakePrompts : public CredentialPrompts
{
public:
    void askMfaCode(const MfaRequest &request, QObject *context, MfaCallback callback) override
    {
        requests.append(request);
        const AwsResult<QString> answer =
            code.isEmpty() ? AwsResult<QString>(AwsError(AwsError::Category::Cancelled, u"cancelled"_s))
                           : AwsResult<QString>(code);
        QTimer::singleShot(0, context, [callback, answer] { callback(answer); });
    }
    QList<MfaRequest> requests;
    QString code; ///< empty: cancel
};

} // namespace

// Assumed roles end to end against the in-process emulator over loopback: the chain's credentials sign
// WorkSpaces Web ListSessions through the real transport; MFA through prompts (right code, wrong code,
// cancel), renewal after the emulator's clock passed the expiry, a chain of two roles, and
// credential_source Ec2InstanceMetadata / EcsContainer against the emulator's IMDS and container routes.
class TestAssumeRoleSignIn : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void sourceKeysThenListSessions();
    void mfaRightWrongCancel();
    void refreshAfterExpiry();
    void chainOfTwoRoles();
    void credentialSource_data();
    void credentialSource();

private:
    QProcessEnvironment environment() const;
    std::unique_ptr<CredentialsProviderChain> chain(const QString &profile);
    AwsResult<AwsCredentials> fetch(CredentialsProvider &provider);
    /// ListSessions of the emulator's first portal through a transport signing with `provider`.
    AwsResult<SessionPage> listSessions(CredentialsProvider &provider);
    void advanceClock(qint64 seconds);
    QDateTime now() const { return QDateTime::currentDateTimeUtc().addSecs(*m_offsetSeconds); }

    std::unique_ptr<Emulator> m_emulator;
    std::unique_ptr<QTemporaryDir> m_home;
    std::shared_ptr<StsCountingNetwork> m_network;
    std::shared_ptr<qint64> m_offsetSeconds = std::make_shared<qint64>(0);
    QString m_portalId;
    QString m_region;
};

namespace {

const QByteArray containerToken = "container-token-for-the-role-test";

} // namespace

void TestAssumeRoleSignIn::initTestCase()
{
    EmulatorConfig config;
    config.portals = 1;
    config.sessionsPerPortal = 3;
    config.identity.requireMfaRoles = {u"mfa-role"_s};
    config.identity.containerAuthorizationToken = QString::fromUtf8(containerToken);
    m_region = config.region;
    m_emulator = std::make_unique<Emulator>(config);
    QString error;
    QVERIFY2(m_emulator->start(&error), qPrintable(error));
}

void TestAssumeRoleSignIn::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    QVERIFY(QDir(m_home->path()).mkpath(u".aws"_s));
    const AwsCredentials keys = m_emulator->credentials();
    QFile config(m_home->filePath(u".aws/config"_s));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(
        "[profile base]\naws_access_key_id = " + keys.accessKeyId.toUtf8() +
        "\naws_secret_access_key = " + keys.secretAccessKey.toUtf8() + "\nregion = " + m_region.toUtf8() +
        "\n"
        "[profile admin]\nrole_arn = arn:aws:iam::123456789012:role/admin\nsource_profile = base\n"
        "[profile second]\nrole_arn = arn:aws:iam::123456789012:role/second\nsource_profile = admin\n"
        "[profile mfa]\nrole_arn = arn:aws:iam::123456789012:role/mfa-role\nsource_profile = base\n"
        "mfa_serial = arn:aws:iam::123456789012:mfa/alice\n"
        "[profile on-ec2]\nrole_arn = arn:aws:iam::123456789012:role/from-ec2\n"
        "credential_source = Ec2InstanceMetadata\n"
        "[profile on-ecs]\nrole_arn = arn:aws:iam::123456789012:role/from-ecs\n"
        "credential_source = EcsContainer\n");
    m_network = std::make_shared<StsCountingNetwork>();
}

QProcessEnvironment TestAssumeRoleSignIn::environment() const
{
    const QString endpoint = m_emulator->endpoint().toString();
    QProcessEnvironment env;
    env.insert(u"HOME"_s, m_home->path());
    env.insert(u"AWS_ENDPOINT_URL_STS"_s, endpoint);
    env.insert(u"AWS_EC2_METADATA_SERVICE_ENDPOINT"_s, endpoint);
    env.insert(u"AWS_CONTAINER_CREDENTIALS_FULL_URI"_s, endpoint + u"/_emulator/container-credentials"_s);
    env.insert(u"AWS_CONTAINER_AUTHORIZATION_TOKEN"_s, QString::fromUtf8(containerToken));
    return env;
}

std::unique_ptr<CredentialsProviderChain> TestAssumeRoleSignIn::chain(const QString &profile)
{
    auto chain =
        std::make_unique<CredentialsProviderChain>(profile, environment(), [offset = m_offsetSeconds] {
            return QDateTime::currentDateTimeUtc().addSecs(*offset);
        });
    chain->setNetwork(m_network);
    chain->setRegion(m_region);
    return chain;
}

AwsResult<AwsCredentials> TestAssumeRoleSignIn::fetch(CredentialsProvider &provider)
{
    std::optional<AwsResult<AwsCredentials>> result;
    provider.fetch(this, [&](const AwsResult<AwsCredentials> &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 30'000))
        return AwsError(AwsError::Category::Timeout, u"test: no answer"_s);
    return *result;
}

AwsResult<SessionPage> TestAssumeRoleSignIn::listSessions(CredentialsProvider &provider)
{
    AwsTransport transport(m_network.get(), &provider);
    transport.setClock(
        [offset = m_offsetSeconds] { return QDateTime::currentDateTimeUtc().addSecs(*offset); });
    WorkSpacesWebClient client(&transport, m_emulator->endpoint(), m_region);
    if (m_portalId.isEmpty()) {
        std::optional<AwsResult<PortalPage>> portals;
        client.listPortals(QString(), 0, this, [&](const AwsResult<PortalPage> &page) { portals = page; });
        if (!QTest::qWaitFor([&] { return portals.has_value(); }, 30'000))
            return AwsError(AwsError::Category::Timeout, u"test: no answer"_s);
        if (!*portals)
            return portals->error();
        if (portals->value().portals.isEmpty())
            return AwsError(AwsError::Category::NotFound, u"test: no portal"_s);
        m_portalId = portals->value().portals.first().portalId();
    }
    ListSessionsRequest request;
    request.portalId = m_portalId;
    std::optional<AwsResult<SessionPage>> page;
    client.listSessions(request, this, [&](const AwsResult<SessionPage> &p) { page = p; });
    if (!QTest::qWaitFor([&] { return page.has_value(); }, 30'000))
        return AwsError(AwsError::Category::Timeout, u"test: no answer"_s);
    return *page;
}

void TestAssumeRoleSignIn::advanceClock(qint64 seconds)
{
    SignedClient control(m_emulator->endpoint(), m_emulator->credentials());
    AwsRequest request = control.request("POST", "/_emulator/advance-clock");
    request.setHeader("Content-Type", "application/json");
    request.body = QJsonDocument(QJsonObject{{u"seconds"_s, seconds}}).toJson(QJsonDocument::Compact);
    QCOMPARE(control.send(request, {}, {}, false).status, 200);
    *m_offsetSeconds += seconds;
}

void TestAssumeRoleSignIn::sourceKeysThenListSessions()
{
    std::unique_ptr<CredentialsProviderChain> admin = chain(u"admin"_s);
    const AwsResult<AwsCredentials> credentials = fetch(*admin);
    QVERIFY2(credentials, qPrintable(credentials ? QString() : credentials.error().message()));
    QVERIFY(credentials.value().accessKeyId.startsWith(u"ASIA"_s));
    QVERIFY(credentials.value().accessKeyId != m_emulator->credentials().accessKeyId);
    QVERIFY(!credentials.value().sessionToken.isEmpty());
    QCOMPARE(m_network->stsCalls, 1);

    const AwsResult<SessionPage> page = listSessions(*admin);
    QVERIFY2(page, qPrintable(page ? QString() : page.error().message()));
    QCOMPARE(page.value().sessions.size(), 3);
    QCOMPARE(m_network->stsCalls, 1); // the role held by the chain signs every call
}

void TestAssumeRoleSignIn::mfaRightWrongCancel()
{
    auto prompts = std::make_shared<FakePrompts>();

    // Cancel: a clear "not signed in", STS never asked, the prompt not asked again.
    prompts->code.clear();
    std::unique_ptr<CredentialsProviderChain> cancelled = chain(u"mfa"_s);
    cancelled->setPrompts(prompts);
    AwsResult<SessionPage> page = listSessions(*cancelled);
    QVERIFY(!page);
    QCOMPARE(page.error().category(), AwsError::Category::Cancelled);
    QCOMPARE(prompts->requests.size(), 1);
    QCOMPARE(m_network->stsCalls, 0);

    // A wrong code: STS refuses it (AccessDenied), once - nothing retried in a loop.
    prompts->code = u"654321"_s;
    std::unique_ptr<CredentialsProviderChain> wrong = chain(u"mfa"_s);
    wrong->setPrompts(prompts);
    page = listSessions(*wrong);
    QVERIFY(!page);
    QCOMPARE(page.error().category(), AwsError::Category::AccessDenied);
    QVERIFY2(!page.error().message().contains(u"654321"_s), qPrintable(page.error().message()));
    QCOMPARE(prompts->requests.size(), 2);
    QCOMPARE(m_network->stsCalls, 1);

    // The right code: the role, and ListSessions with it.
    prompts->code = u"123456"_s;
    std::unique_ptr<CredentialsProviderChain> right = chain(u"mfa"_s);
    right->setPrompts(prompts);
    page = listSessions(*right);
    QVERIFY2(page, qPrintable(page ? QString() : page.error().message()));
    QCOMPARE(prompts->requests.size(), 3);
    QCOMPARE(prompts->requests.last().mfaSerial, u"arn:aws:iam::123456789012:mfa/alice"_s);
    QCOMPARE(prompts->requests.last().roleArn, u"arn:aws:iam::123456789012:role/mfa-role"_s);
    QCOMPARE(m_network->stsCalls, 2);

    // The next run takes the role from the AWS CLI's cache: no code asked.
    std::unique_ptr<CredentialsProviderChain> nextRun = chain(u"mfa"_s);
    nextRun->setPrompts(prompts);
    QVERIFY(listSessions(*nextRun));
    QCOMPARE(prompts->requests.size(), 3);
    QCOMPARE(m_network->stsCalls, 2);
}

void TestAssumeRoleSignIn::refreshAfterExpiry()
{
    std::unique_ptr<CredentialsProviderChain> admin = chain(u"admin"_s);
    const AwsResult<AwsCredentials> first = fetch(*admin);
    QVERIFY(first);
    QVERIFY(first.value().expiration.isValid());
    QVERIFY(listSessions(*admin));
    QCOMPARE(m_network->stsCalls, 1);

    // Past the expiry on both clocks: the provider assumes the role again before signing.
    advanceClock(now().secsTo(first.value().expiration) + 60);
    const AwsResult<SessionPage> page = listSessions(*admin);
    QVERIFY2(page, qPrintable(page ? QString() : page.error().message()));
    QCOMPARE(m_network->stsCalls, 2);
    const AwsResult<AwsCredentials> second = fetch(*admin);
    QVERIFY(second);
    QVERIFY(second.value().expiration > now());
}

void TestAssumeRoleSignIn::chainOfTwoRoles()
{
    std::unique_ptr<CredentialsProviderChain> second = chain(u"second"_s);
    const AwsResult<SessionPage> page = listSessions(*second);
    QVERIFY2(page, qPrintable(page ? QString() : page.error().message()));
    QCOMPARE(m_network->stsCalls, 2); // admin with the keys, then second with admin's role
    QCOMPARE(QDir(m_home->filePath(u".aws/cli/cache"_s)).entryList(QDir::Files).size(), 2);
}

void TestAssumeRoleSignIn::credentialSource_data()
{
    QTest::addColumn<QString>("profile");
    QTest::newRow("Ec2InstanceMetadata") << u"on-ec2"_s;
    QTest::newRow("EcsContainer") << u"on-ecs"_s;
}

void TestAssumeRoleSignIn::credentialSource()
{
    QFETCH(QString, profile);
    std::unique_ptr<CredentialsProviderChain> role = chain(profile);
    const AwsResult<SessionPage> page = listSessions(*role);
    QVERIFY2(page, qPrintable(page ? QString() : page.error().message()));
    QCOMPARE(m_network->stsCalls, 1);
    const AwsResult<AwsCredentials> credentials = fetch(*role);
    QVERIFY(credentials);
    QVERIFY(credentials.value().source.contains(u"role/from-"_s));
}

QTEST_GUILESS_MAIN(TestAssumeRoleSignIn)
#include "tst_assumerolesignin.moc"
