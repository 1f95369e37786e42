// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SignedClient.h"

#include "emulator/Emulator.h"
#include "emulator/identity/IssuedCredentials.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>
#include <QUrlQuery>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

using Form = QList<QPair<QString, QString>>;

namespace {

const auto roleArn = u"arn:aws:iam::111122223333:role/demo-role"_s;
const auto mfaRoleArn = u"arn:aws:iam::111122223333:role/mfa-role"_s;
const auto deviceGrant = u"urn:ietf:params:oauth:grant-type:device_code"_s;

// The text of the first element named `name` in an XML answer; a null string when there is none.
QString xmlText(const QByteArray &body, const QString &name)
{
    QXmlStreamReader xml(body);
    while (!xml.atEnd() && !xml.hasError()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == name)
            return xml.readElementText();
    }
    return {};
}

QByteArray formBody(const Form &form)
{
    QByteArray out;
    for (const auto &[key, value] : form) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}

AwsCredentials credentialsFromXml(const QByteArray &body)
{
    AwsCredentials credentials;
    credentials.accessKeyId = xmlText(body, u"AccessKeyId"_s);
    credentials.secretAccessKey = xmlText(body, u"SecretAccessKey"_s);
    credentials.sessionToken = xmlText(body, u"SessionToken"_s);
    credentials.expiration = QDateTime::fromString(xmlText(body, u"Expiration"_s), Qt::ISODate);
    return credentials;
}

AwsCredentials credentialsFromJson(const QJsonObject &object)
{
    AwsCredentials credentials;
    credentials.accessKeyId = object.value(u"AccessKeyId"_s).toString();
    credentials.secretAccessKey = object.value(u"SecretAccessKey"_s).toString();
    credentials.sessionToken = object.value(u"Token"_s).toString();
    credentials.expiration = QDateTime::fromString(object.value(u"Expiration"_s).toString(), Qt::ISODate);
    return credentials;
}

} // namespace

class TestEmulatorIdentity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void callerIdentityOfTheConfiguredKey();
    void assumeRoleAnswersLikeSts();
    void assumeRoleValidation_data();
    void assumeRoleValidation();
    void mfaIsChecked();
    void webIdentity();
    void unknownActionAndSignatureErrorsAreXml();
    void issuedCredentialsWorkUntilTheyExpire();
    void keyIdsAreDeterministic();
    void deviceSignInPendingApprovedToken();
    void deviceSignInDeniedExpiredAndBadClients();
    void devicePageApprovesFromTheBrowser();
    void roleCredentialsNeedAValidToken();
    void instanceMetadataV2();
    void instanceMetadataV1Fallback();
    void containerCredentials();

private:
    SignedClient::Answer sts(const Form &form, bool sign = true);
    SignedClient::Answer postJson(const QByteArray &path, const QJsonObject &body);
    SignedClient::Answer listPortals(const AwsCredentials &credentials);
    void advanceClock(qint64 seconds);
    /// The emulator's clock (the real one plus the offset advance-clock moved it by).
    QDateTime emulatorNow() const;
    /// RegisterClient + StartDeviceAuthorization: {clientId, clientSecret, deviceCode, userCode, ...}.
    QJsonObject startDeviceSignIn();
    SignedClient::Answer pollToken(const QJsonObject &flow);

    std::unique_ptr<Emulator> m_emulator;
    std::unique_ptr<SignedClient> m_client;
};

void TestEmulatorIdentity::initTestCase()
{
    EmulatorConfig config;
    config.portals = 1;
    config.sessionsPerPortal = 20;
    AwsCredentials second;
    second.accessKeyId = u"AKIASECONDKEYEXAMPLE"_s;
    second.secretAccessKey = u"second/secret/key/for/the/identity/tests"_s;
    config.credentials.append(second);
    config.identity.requireMfaRoles = {u"mfa-role"_s};
    config.identity.containerAuthorizationToken = u"container-token-for-tests"_s;
    config.identity.webIdentityTokens = {u"token-one"_s, u"token-two"_s};
    m_emulator = std::make_unique<Emulator>(config);
    QString error;
    QVERIFY2(m_emulator->start(&error), qPrintable(error));
    m_client = std::make_unique<SignedClient>(m_emulator->endpoint(), m_emulator->credentials());
}

void TestEmulatorIdentity::cleanup()
{
    m_emulator->faults()->setPlan({});
    m_client->setCredentials(m_emulator->credentials());
}

QDateTime TestEmulatorIdentity::emulatorNow() const
{
    return QDateTime::currentDateTimeUtc().addSecs(m_emulator->faults()->plan().clockOffsetSeconds);
}

SignedClient::Answer TestEmulatorIdentity::sts(const Form &form, bool sign)
{
    AwsRequest request = m_client->request("POST", "/");
    request.setHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
    request.body = formBody(form);
    return m_client->send(request, u"sts"_s, emulatorNow(), sign);
}

SignedClient::Answer TestEmulatorIdentity::postJson(const QByteArray &path, const QJsonObject &body)
{
    AwsRequest request = m_client->request("POST", path);
    request.setHeader("Content-Type", "application/json");
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return m_client->send(request, {}, {}, false);
}

SignedClient::Answer TestEmulatorIdentity::listPortals(const AwsCredentials &credentials)
{
    m_client->setCredentials(credentials);
    const auto answer =
        m_client->send(m_client->request("GET", "/portals"), u"workspaces-web"_s, emulatorNow());
    m_client->setCredentials(m_emulator->credentials());
    return answer;
}

void TestEmulatorIdentity::advanceClock(qint64 seconds)
{
    const auto answer = postJson("/_emulator/advance-clock", {{u"seconds"_s, seconds}});
    QCOMPARE(answer.status, 200);
}

void TestEmulatorIdentity::callerIdentityOfTheConfiguredKey()
{
    const auto answer = sts({{u"Action"_s, u"GetCallerIdentity"_s}, {u"Version"_s, u"2011-06-15"_s}});
    QCOMPARE(answer.status, 200);
    QVERIFY(answer.header("Content-Type").startsWith("text/xml"));
    QCOMPARE(xmlText(answer.body, u"Account"_s), u"123456789012"_s);
    QCOMPARE(xmlText(answer.body, u"Arn"_s), u"arn:aws:iam::123456789012:user/sessionscope-demo"_s);
    QVERIFY(xmlText(answer.body, u"UserId"_s).startsWith(u"AIDA"_s));
    QCOMPARE(xmlText(answer.body, u"RequestId"_s), QString::fromLatin1(answer.header("x-amzn-RequestId")));
    QVERIFY(answer.body.contains(
        "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"));
}

void TestEmulatorIdentity::assumeRoleAnswersLikeSts()
{
    const QDateTime before = emulatorNow();
    const auto answer = sts({{u"Action"_s, u"AssumeRole"_s},
                             {u"Version"_s, u"2011-06-15"_s},
                             {u"RoleArn"_s, roleArn},
                             {u"RoleSessionName"_s, u"tester"_s},
                             {u"DurationSeconds"_s, u"1800"_s},
                             {u"ExternalId"_s, u"ext-1"_s}});
    QCOMPARE(answer.status, 200);
    QVERIFY(answer.body.contains("<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"));
    const AwsCredentials credentials = credentialsFromXml(answer.body);
    QVERIFY(credentials.accessKeyId.startsWith(u"ASIA"_s));
    QCOMPARE(credentials.accessKeyId.size(), 20);
    QCOMPARE(credentials.secretAccessKey.size(), 40);
    QVERIFY(!credentials.sessionToken.isEmpty());
    QVERIFY(credentials.expiration.isValid());
    QVERIFY(qAbs(before.secsTo(credentials.expiration) - 1800) < 60);
    QVERIFY(xmlText(answer.body, u"Expiration"_s).endsWith(u'Z'));
    QCOMPARE(xmlText(answer.body, u"Arn"_s), u"arn:aws:sts::111122223333:assumed-role/demo-role/tester"_s);
    QVERIFY(xmlText(answer.body, u"AssumedRoleId"_s).startsWith(u"AROA"_s));
    QVERIFY(xmlText(answer.body, u"AssumedRoleId"_s).endsWith(u":tester"_s));

    // The issued credentials are who they say, for STS and the other services.
    m_client->setCredentials(credentials);
    const auto who = sts({{u"Action"_s, u"GetCallerIdentity"_s}, {u"Version"_s, u"2011-06-15"_s}});
    QCOMPARE(who.status, 200);
    QCOMPARE(xmlText(who.body, u"Arn"_s), u"arn:aws:sts::111122223333:assumed-role/demo-role/tester"_s);
    QCOMPARE(xmlText(who.body, u"Account"_s), u"111122223333"_s);
    QCOMPARE(listPortals(credentials).status, 200);
}

void TestEmulatorIdentity::assumeRoleValidation_data()
{
    QTest::addColumn<Form>("form");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    const Form base{{u"Action"_s, u"AssumeRole"_s}, {u"Version"_s, u"2011-06-15"_s}};
    QTest::newRow("too short") << (base + Form{{u"RoleArn"_s, roleArn},
                                               {u"RoleSessionName"_s, u"s"_s},
                                               {u"DurationSeconds"_s, u"899"_s}})
                               << 400 << u"ValidationError"_s;
    QTest::newRow("too long") << (base + Form{{u"RoleArn"_s, roleArn},
                                              {u"RoleSessionName"_s, u"ss"_s},
                                              {u"DurationSeconds"_s, u"43201"_s}})
                              << 400 << u"ValidationError"_s;
    QTest::newRow("not a number") << (base + Form{{u"RoleArn"_s, roleArn},
                                                  {u"RoleSessionName"_s, u"ss"_s},
                                                  {u"DurationSeconds"_s, u"soon"_s}})
                                  << 400 << u"ValidationError"_s;
    QTest::newRow("longest") << (base + Form{{u"RoleArn"_s, roleArn},
                                             {u"RoleSessionName"_s, u"ss"_s},
                                             {u"DurationSeconds"_s, u"43200"_s}})
                             << 200 << QString();
    QTest::newRow("malformed arn") << (base + Form{{u"RoleArn"_s, u"arn:aws:iam::12345:role/x"_s},
                                                   {u"RoleSessionName"_s, u"ss"_s}})
                                   << 400 << u"ValidationError"_s;
    QTest::newRow("user arn") << (base + Form{{u"RoleArn"_s, u"arn:aws:iam::111122223333:user/x"_s},
                                              {u"RoleSessionName"_s, u"ss"_s}})
                              << 400 << u"ValidationError"_s;
    QTest::newRow("no session name") << (base + Form{{u"RoleArn"_s, roleArn}}) << 400 << u"ValidationError"_s;
    QTest::newRow("bad session name")
        << (base + Form{{u"RoleArn"_s, roleArn}, {u"RoleSessionName"_s, u"a b"_s}}) << 400
        << u"ValidationError"_s;
    QTest::newRow("role with path") << (base +
                                        Form{{u"RoleArn"_s, u"arn:aws:iam::111122223333:role/team/ops"_s},
                                             {u"RoleSessionName"_s, u"ss"_s}})
                                    << 200 << QString();
}

void TestEmulatorIdentity::assumeRoleValidation()
{
    QFETCH(Form, form);
    QFETCH(int, status);
    QFETCH(QString, code);
    const auto answer = sts(form);
    QCOMPARE(answer.status, status);
    if (status != 200) {
        QCOMPARE(xmlText(answer.body, u"Code"_s), code);
        QCOMPARE(xmlText(answer.body, u"Type"_s), u"Sender"_s);
        QVERIFY(!xmlText(answer.body, u"Message"_s).isEmpty());
        QVERIFY(answer.body.contains("<ErrorResponse"));
    }
}

void TestEmulatorIdentity::mfaIsChecked()
{
    const Form base{{u"Action"_s, u"AssumeRole"_s},
                    {u"Version"_s, u"2011-06-15"_s},
                    {u"RoleArn"_s, mfaRoleArn},
                    {u"RoleSessionName"_s, u"mfa-user"_s}};
    const auto withoutMfa = sts(base);
    QCOMPARE(withoutMfa.status, 403);
    QCOMPARE(xmlText(withoutMfa.body, u"Code"_s), u"AccessDenied"_s);

    const Form device{{u"SerialNumber"_s, u"arn:aws:iam::123456789012:mfa/tester"_s}};
    const auto wrong = sts(base + device + Form{{u"TokenCode"_s, u"654321"_s}});
    QCOMPARE(wrong.status, 403);
    QCOMPARE(xmlText(wrong.body, u"Code"_s), u"AccessDenied"_s);
    QCOMPARE(xmlText(wrong.body, u"Message"_s),
             u"MultiFactorAuthentication failed with invalid MFA one time pass code."_s);
    QVERIFY(!wrong.body.contains("654321")); // never echo a code

    const auto noCode = sts(base + device);
    QCOMPARE(noCode.status, 403);

    const auto right = sts(base + device + Form{{u"TokenCode"_s, u"123456"_s}});
    QCOMPARE(right.status, 200);
    QCOMPARE(xmlText(right.body, u"Arn"_s), u"arn:aws:sts::111122223333:assumed-role/mfa-role/mfa-user"_s);

    // A role that does not require MFA still checks a code that is given.
    const auto otherWrong =
        sts(Form{{u"Action"_s, u"AssumeRole"_s}, {u"RoleArn"_s, roleArn}, {u"RoleSessionName"_s, u"x1"_s}} +
            device + Form{{u"TokenCode"_s, u"000000"_s}});
    QCOMPARE(otherWrong.status, 403);
}

void TestEmulatorIdentity::webIdentity()
{
    const Form base{{u"Action"_s, u"AssumeRoleWithWebIdentity"_s},
                    {u"Version"_s, u"2011-06-15"_s},
                    {u"RoleArn"_s, roleArn},
                    {u"RoleSessionName"_s, u"pod-1"_s}};
    const auto answer = sts(base + Form{{u"WebIdentityToken"_s, u"token-two"_s}}, false);
    QCOMPARE(answer.status, 200);
    QVERIFY(answer.body.contains("<AssumeRoleWithWebIdentityResponse"));
    const AwsCredentials credentials = credentialsFromXml(answer.body);
    QCOMPARE(credentials.accessKeyId, IssuedCredentials::accessKeyIdFor(u"web-identity|"_s + roleArn));
    QCOMPARE(xmlText(answer.body, u"Arn"_s), u"arn:aws:sts::111122223333:assumed-role/demo-role/pod-1"_s);
    QVERIFY(!xmlText(answer.body, u"SubjectFromWebIdentityToken"_s).isEmpty());
    QCOMPARE(listPortals(credentials).status, 200);

    const auto withNewline = sts(base + Form{{u"WebIdentityToken"_s, u"token-one\n"_s}}, false);
    QCOMPARE(withNewline.status, 200);

    const auto refused = sts(base + Form{{u"WebIdentityToken"_s, u"some-other-token"_s}}, false);
    QCOMPARE(refused.status, 400);
    QCOMPARE(xmlText(refused.body, u"Code"_s), u"InvalidIdentityToken"_s);
    QVERIFY(!refused.body.contains("some-other-token"));

    const auto missing = sts(base, false);
    QCOMPARE(missing.status, 400);
    QCOMPARE(xmlText(missing.body, u"Code"_s), u"ValidationError"_s);
}

void TestEmulatorIdentity::unknownActionAndSignatureErrorsAreXml()
{
    const auto unknown = sts({{u"Action"_s, u"GetSessionTokenPlease"_s}, {u"Version"_s, u"2011-06-15"_s}});
    QCOMPARE(unknown.status, 400);
    QCOMPARE(xmlText(unknown.body, u"Code"_s), u"InvalidAction"_s);

    const auto unsignedCall =
        sts({{u"Action"_s, u"GetCallerIdentity"_s}, {u"Version"_s, u"2011-06-15"_s}}, false);
    QCOMPARE(unsignedCall.status, 403);
    QVERIFY(unsignedCall.header("Content-Type").startsWith("text/xml"));
    QCOMPARE(xmlText(unsignedCall.body, u"Code"_s), u"MissingAuthenticationToken"_s);

    AwsCredentials stranger;
    stranger.accessKeyId = u"AKIAUNKNOWNKEY000000"_s;
    stranger.secretAccessKey = u"whatever"_s;
    m_client->setCredentials(stranger);
    const auto unknownKey = sts({{u"Action"_s, u"GetCallerIdentity"_s}});
    QCOMPARE(unknownKey.status, 403);
    QCOMPARE(xmlText(unknownKey.body, u"Code"_s), u"InvalidClientTokenId"_s);

    AwsCredentials wrongSecret = m_emulator->credentials();
    wrongSecret.secretAccessKey = u"not-the-secret"_s;
    m_client->setCredentials(wrongSecret);
    const auto badSignature = sts({{u"Action"_s, u"GetCallerIdentity"_s}});
    QCOMPARE(badSignature.status, 403);
    QCOMPARE(xmlText(badSignature.body, u"Code"_s), u"SignatureDoesNotMatch"_s);
}

void TestEmulatorIdentity::issuedCredentialsWorkUntilTheyExpire()
{
    const auto answer = sts({{u"Action"_s, u"AssumeRole"_s},
                             {u"RoleArn"_s, roleArn},
                             {u"RoleSessionName"_s, u"expiring"_s},
                             {u"DurationSeconds"_s, u"900"_s}});
    QCOMPARE(answer.status, 200);
    const AwsCredentials credentials = credentialsFromXml(answer.body);

    m_client->setCredentials(credentials);
    QCOMPARE(listPortals(credentials).status, 200);
    const auto portals = listPortals(credentials).json().value(u"portals"_s).toArray();
    QVERIFY(!portals.isEmpty());
    const QString portalId = portals.first().toObject().value(u"portalArn"_s).toString().section(u'/', -1);
    m_client->setCredentials(credentials);
    const auto sessions =
        m_client->send(m_client->request("GET", "/portals/" + portalId.toUtf8() + "/sessions"),
                       u"workspaces-web"_s, emulatorNow());
    QCOMPARE(sessions.status, 200);

    // A wrong token for a known key id is not accepted.
    AwsCredentials wrongToken = credentials;
    wrongToken.sessionToken = u"not-the-token"_s;
    const auto refused = listPortals(wrongToken);
    QCOMPARE(refused.status, 403);
    QCOMPARE(refused.errorCode(), u"UnrecognizedClientException"_s);

    advanceClock(901);
    const auto expired = listPortals(credentials);
    QCOMPARE(expired.status, 403);
    QCOMPARE(expired.errorCode(), u"ExpiredTokenException"_s);
    QCOMPARE(expired.json().value(u"message"_s).toString(),
             u"The security token included in the request is expired"_s);
    m_client->setCredentials(credentials);
    const auto expiredSts = sts({{u"Action"_s, u"GetCallerIdentity"_s}});
    QCOMPARE(expiredSts.status, 403);
    QCOMPARE(xmlText(expiredSts.body, u"Code"_s), u"ExpiredToken"_s);
}

void TestEmulatorIdentity::keyIdsAreDeterministic()
{
    const Form assume{
        {u"Action"_s, u"AssumeRole"_s}, {u"RoleArn"_s, roleArn}, {u"RoleSessionName"_s, u"one"_s}};
    const AwsCredentials first = credentialsFromXml(sts(assume).body);
    const AwsCredentials second = credentialsFromXml(
        sts({{u"Action"_s, u"AssumeRole"_s}, {u"RoleArn"_s, roleArn}, {u"RoleSessionName"_s, u"two"_s}})
            .body);
    QCOMPARE(first.accessKeyId, IssuedCredentials::accessKeyIdFor(u"assume-role|%1|%2"_s.arg(
                                    roleArn, m_emulator->credentials().accessKeyId)));
    QCOMPARE(second.accessKeyId, first.accessKeyId);
    QVERIFY(second.secretAccessKey != first.secretAccessKey);
    QVERIFY(second.sessionToken != first.sessionToken);
    // Both pairs of the same key id are accepted.
    QCOMPARE(listPortals(first).status, 200);
    QCOMPARE(listPortals(second).status, 200);

    // Another source key, or another role, gives another key id.
    AwsCredentials otherSource;
    otherSource.accessKeyId = u"AKIASECONDKEYEXAMPLE"_s;
    otherSource.secretAccessKey = u"second/secret/key/for/the/identity/tests"_s;
    m_client->setCredentials(otherSource);
    const AwsCredentials fromOther = credentialsFromXml(sts(assume).body);
    QVERIFY(fromOther.accessKeyId.startsWith(u"ASIA"_s));
    QVERIFY(fromOther.accessKeyId != first.accessKeyId);
    m_client->setCredentials(m_emulator->credentials());
    const AwsCredentials otherRole =
        credentialsFromXml(sts({{u"Action"_s, u"AssumeRole"_s},
                                {u"RoleArn"_s, u"arn:aws:iam::111122223333:role/other"_s},
                                {u"RoleSessionName"_s, u"one"_s}})
                               .body);
    QVERIFY(otherRole.accessKeyId != first.accessKeyId);
    QCOMPARE(IssuedCredentials::accessKeyIdFor(u"container"_s),
             IssuedCredentials::accessKeyIdFor(u"container"_s));
}

QJsonObject TestEmulatorIdentity::startDeviceSignIn()
{
    const auto registered =
        postJson("/client/register", {{u"clientName"_s, u"tests"_s},
                                      {u"clientType"_s, u"public"_s},
                                      {u"scopes"_s, QJsonArray{u"sso:account:access"_s}}});
    if (registered.status != 200)
        return {};
    QJsonObject flow = registered.json();
    const auto started =
        postJson("/device_authorization", {{u"clientId"_s, flow.value(u"clientId"_s)},
                                           {u"clientSecret"_s, flow.value(u"clientSecret"_s)},
                                           {u"startUrl"_s, u"https://example.awsapps.com/start"_s}});
    if (started.status != 200)
        return {};
    const QJsonObject device = started.json();
    for (auto it = device.begin(); it != device.end(); ++it)
        flow.insert(it.key(), it.value());
    return flow;
}

SignedClient::Answer TestEmulatorIdentity::pollToken(const QJsonObject &flow)
{
    return postJson("/token", {{u"clientId"_s, flow.value(u"clientId"_s)},
                               {u"clientSecret"_s, flow.value(u"clientSecret"_s)},
                               {u"grantType"_s, deviceGrant},
                               {u"deviceCode"_s, flow.value(u"deviceCode"_s)}});
}

void TestEmulatorIdentity::deviceSignInPendingApprovedToken()
{
    const qint64 before = emulatorNow().toSecsSinceEpoch();
    const QJsonObject flow = startDeviceSignIn();
    QVERIFY(!flow.isEmpty());
    QVERIFY(!flow.value(u"clientId"_s).toString().isEmpty());
    QVERIFY(qAbs(flow.value(u"clientIdIssuedAt"_s).toInteger() - before) < 60);
    QVERIFY(qAbs(flow.value(u"clientSecretExpiresAt"_s).toInteger() - before - 90 * 86400) < 60);
    const QString userCode = flow.value(u"userCode"_s).toString();
    QVERIFY2(QRegularExpression(u"^[A-Z]{4}-[A-Z]{4}$"_s).match(userCode).hasMatch(), qPrintable(userCode));
    QCOMPARE(flow.value(u"expiresIn"_s).toInt(), 600);
    QCOMPARE(flow.value(u"interval"_s).toInt(), 1);
    const QUrl complete(flow.value(u"verificationUriComplete"_s).toString());
    QCOMPARE(complete.port(), int(m_emulator->port()));
    QCOMPARE(complete.path(), u"/_emulator/sso/device"_s);
    QCOMPARE(QUrlQuery(complete).queryItemValue(u"user_code"_s), userCode);
    QCOMPARE(QUrl(flow.value(u"verificationUri"_s).toString()).path(), u"/_emulator/sso/device"_s);

    const auto pending = pollToken(flow);
    QCOMPARE(pending.status, 400);
    QCOMPARE(pending.errorCode(), u"AuthorizationPendingException"_s);
    QCOMPARE(pending.json().value(u"error"_s).toString(), u"authorization_pending"_s);
    QVERIFY(pending.json().contains(u"error_description"_s));
    const auto tooFast = pollToken(flow);
    QCOMPARE(tooFast.errorCode(), u"SlowDownException"_s);

    QCOMPARE(postJson("/_emulator/sso/approve", {{u"userCode"_s, u"ZZZZ-ZZZZ"_s}}).status, 404);
    const auto approved = postJson("/_emulator/sso/approve", {{u"userCode"_s, userCode}});
    QCOMPARE(approved.status, 200);

    advanceClock(2); // instead of waiting for the interval
    const auto token = pollToken(flow);
    QCOMPARE(token.status, 200);
    const QJsonObject tokenJson = token.json();
    QCOMPARE(tokenJson.value(u"tokenType"_s).toString(), u"Bearer"_s);
    QCOMPARE(tokenJson.value(u"expiresIn"_s).toInt(), 8 * 3600);
    const QString accessToken = tokenJson.value(u"accessToken"_s).toString();
    const QString refreshToken = tokenJson.value(u"refreshToken"_s).toString();
    QVERIFY(!accessToken.isEmpty() && !refreshToken.isEmpty());

    // The device code is used up.
    advanceClock(2);
    QCOMPARE(pollToken(flow).errorCode(), u"InvalidGrantException"_s);

    // Refresh.
    const QJsonObject refreshBody{{u"clientId"_s, flow.value(u"clientId"_s)},
                                  {u"clientSecret"_s, flow.value(u"clientSecret"_s)},
                                  {u"grantType"_s, u"refresh_token"_s},
                                  {u"refreshToken"_s, refreshToken}};
    const auto refreshed = postJson("/token", refreshBody);
    QCOMPARE(refreshed.status, 200);
    QVERIFY(refreshed.json().value(u"accessToken"_s).toString() != accessToken);
    QVERIFY(!refreshed.json().value(u"refreshToken"_s).toString().isEmpty());
    QJsonObject unknownRefresh = refreshBody;
    unknownRefresh.insert(u"refreshToken"_s, u"aorNotARefreshToken"_s);
    const auto badRefresh = postJson("/token", unknownRefresh);
    QCOMPARE(badRefresh.status, 400);
    QCOMPARE(badRefresh.errorCode(), u"InvalidGrantException"_s);
    QCOMPARE(badRefresh.json().value(u"error"_s).toString(), u"invalid_grant"_s);

    // The token gets role credentials, which work on the other services.
    AwsRequest request =
        m_client->request("GET", "/federation/credentials",
                          {{u"role_name"_s, u"Admin"_s}, {u"account_id"_s, u"444455556666"_s}});
    request.setHeader("x-amz-sso_bearer_token", refreshed.json().value(u"accessToken"_s).toString().toUtf8());
    const auto roleCredentials = m_client->send(request, {}, {}, false);
    QCOMPARE(roleCredentials.status, 200);
    const QJsonObject role = roleCredentials.json().value(u"roleCredentials"_s).toObject();
    QCOMPARE(role.value(u"accessKeyId"_s).toString(),
             IssuedCredentials::accessKeyIdFor(u"sso|444455556666|Admin"_s));
    QVERIFY(role.value(u"expiration"_s).toInteger() > emulatorNow().toMSecsSinceEpoch());
    AwsCredentials fromSso;
    fromSso.accessKeyId = role.value(u"accessKeyId"_s).toString();
    fromSso.secretAccessKey = role.value(u"secretAccessKey"_s).toString();
    fromSso.sessionToken = role.value(u"sessionToken"_s).toString();
    m_client->setCredentials(fromSso);
    const auto who = sts({{u"Action"_s, u"GetCallerIdentity"_s}});
    QCOMPARE(xmlText(who.body, u"Arn"_s),
             u"arn:aws:sts::444455556666:assumed-role/Admin/sessionscope-demo-user"_s);
    QCOMPARE(listPortals(fromSso).status, 200);
}

void TestEmulatorIdentity::deviceSignInDeniedExpiredAndBadClients()
{
    const QJsonObject denied = startDeviceSignIn();
    QCOMPARE(
        postJson("/_emulator/sso/approve", {{u"userCode"_s, denied.value(u"userCode"_s)}, {u"deny"_s, true}})
            .status,
        200);
    const auto refused = pollToken(denied);
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.errorCode(), u"AccessDeniedException"_s);

    const QJsonObject expiring = startDeviceSignIn();
    advanceClock(601);
    QCOMPARE(pollToken(expiring).errorCode(), u"ExpiredTokenException"_s);
    QCOMPARE(postJson("/_emulator/sso/approve", {{u"userCode"_s, expiring.value(u"userCode"_s)}}).status,
             404);

    QJsonObject wrongSecret = startDeviceSignIn();
    wrongSecret.insert(u"clientSecret"_s, u"nope"_s);
    const auto badClient = pollToken(wrongSecret);
    QCOMPARE(badClient.status, 401);
    QCOMPARE(badClient.errorCode(), u"InvalidClientException"_s);
    const auto badStart = postJson(
        "/device_authorization",
        {{u"clientId"_s, u"unknown"_s}, {u"clientSecret"_s, u"x"_s}, {u"startUrl"_s, u"https://x"_s}});
    QCOMPARE(badStart.errorCode(), u"InvalidClientException"_s);
    QCOMPARE(postJson("/client/register", {{u"clientName"_s, u"x"_s}, {u"clientType"_s, u"private"_s}})
                 .errorCode(),
             u"InvalidRequestException"_s);

    QJsonObject otherGrant = startDeviceSignIn();
    const auto unsupported = postJson("/token", {{u"clientId"_s, otherGrant.value(u"clientId"_s)},
                                                 {u"clientSecret"_s, otherGrant.value(u"clientSecret"_s)},
                                                 {u"grantType"_s, u"password"_s}});
    QCOMPARE(unsupported.errorCode(), u"UnsupportedGrantTypeException"_s);
}

void TestEmulatorIdentity::devicePageApprovesFromTheBrowser()
{
    const QJsonObject flow = startDeviceSignIn();
    const QUrl complete(flow.value(u"verificationUriComplete"_s).toString());
    const auto page =
        m_client->send(m_client->request("GET", complete.path().toUtf8(),
                                         {{u"user_code"_s, flow.value(u"userCode"_s).toString()}}),
                       {}, {}, false);
    QCOMPARE(page.status, 200);
    QVERIFY(page.header("Content-Type").startsWith("text/html"));
    QVERIFY(page.body.contains(flow.value(u"userCode"_s).toString().toUtf8()));
    QVERIFY(page.body.contains("action=\"/_emulator/sso/approve\""));
    QVERIFY(page.body.contains("Approve"));

    AwsRequest form = m_client->request("POST", "/_emulator/sso/approve");
    form.setHeader("Content-Type", "application/x-www-form-urlencoded");
    form.body =
        formBody({{u"userCode"_s, flow.value(u"userCode"_s).toString()}, {u"decision"_s, u"approve"_s}});
    const auto approved = m_client->send(form, {}, {}, false);
    QCOMPARE(approved.status, 200);
    QVERIFY(approved.body.contains("approved"));
    QCOMPARE(pollToken(flow).status, 200);

    const auto blank = m_client->send(m_client->request("GET", "/_emulator/sso/device"), {}, {}, false);
    QCOMPARE(blank.status, 200);
    QVERIFY(blank.body.contains("user_code"));
}

void TestEmulatorIdentity::roleCredentialsNeedAValidToken()
{
    AwsRequest request =
        m_client->request("GET", "/federation/credentials",
                          {{u"role_name"_s, u"Admin"_s}, {u"account_id"_s, u"444455556666"_s}});
    request.setHeader("x-amz-sso_bearer_token", "not-a-token");
    const auto unknown = m_client->send(request, {}, {}, false);
    QCOMPARE(unknown.status, 401);
    QCOMPARE(unknown.errorCode(), u"UnauthorizedException"_s);

    const QJsonObject flow = startDeviceSignIn();
    QCOMPARE(postJson("/_emulator/sso/approve", {{u"userCode"_s, flow.value(u"userCode"_s)}}).status, 200);
    const QString token = pollToken(flow).json().value(u"accessToken"_s).toString();
    QVERIFY(!token.isEmpty());
    request.setHeader("x-amz-sso_bearer_token", token.toUtf8());
    QCOMPARE(m_client->send(request, {}, {}, false).status, 200);

    AwsRequest badAccount = request;
    badAccount.query = {{u"role_name"_s, u"Admin"_s}, {u"account_id"_s, u"12"_s}};
    QCOMPARE(m_client->send(badAccount, {}, {}, false).errorCode(), u"InvalidRequestException"_s);

    advanceClock(8 * 3600);
    const auto expired = m_client->send(request, {}, {}, false);
    QCOMPARE(expired.status, 401);
    QCOMPARE(expired.errorCode(), u"UnauthorizedException"_s);
}

void TestEmulatorIdentity::instanceMetadataV2()
{
    const auto put = [&](const QByteArray &ttl) {
        AwsRequest request = m_client->request("PUT", "/latest/api/token");
        if (!ttl.isNull())
            request.setHeader("X-aws-ec2-metadata-token-ttl-seconds", ttl);
        return m_client->send(request, {}, {}, false);
    };
    QCOMPARE(put({}).status, 400);
    QCOMPARE(put("0").status, 400);
    QCOMPARE(put("21601").status, 400);
    const auto tokenAnswer = put("21600");
    QCOMPARE(tokenAnswer.status, 200);
    QVERIFY(tokenAnswer.header("x-amzn-RequestId").isEmpty());
    const QByteArray token = tokenAnswer.body;
    QVERIFY(!token.isEmpty());

    const auto get = [&](const QByteArray &path, const QByteArray &withToken) {
        AwsRequest request = m_client->request("GET", path);
        if (!withToken.isNull())
            request.setHeader("X-aws-ec2-metadata-token", withToken);
        return m_client->send(request, {}, {}, false);
    };
    const QByteArray listPath = "/latest/meta-data/iam/security-credentials/";
    QCOMPARE(get(listPath, {}).status, 401);
    QCOMPARE(get(listPath, "wrong-token").status, 401);
    const auto roles = get(listPath, token);
    QCOMPARE(roles.status, 200);
    QCOMPARE(roles.body, "sessionscope-demo-role");
    QCOMPARE(get(listPath + "other-role", token).status, 404);
    const auto credentials = get(listPath + roles.body, token);
    QCOMPARE(credentials.status, 200);
    const QJsonObject json = QJsonDocument::fromJson(credentials.body).object();
    QCOMPARE(json.value(u"Code"_s).toString(), u"Success"_s);
    QCOMPARE(json.value(u"Type"_s).toString(), u"AWS-HMAC"_s);
    QVERIFY(json.contains(u"LastUpdated"_s));
    const AwsCredentials issued = credentialsFromJson(json);
    QCOMPARE(issued.accessKeyId, IssuedCredentials::accessKeyIdFor(u"imds|sessionscope-demo-role"_s));
    QVERIFY(issued.expiration.isValid());
    QCOMPARE(listPortals(issued).status, 200);

    // The session token expires with its TTL.
    const auto shortToken = put("1");
    advanceClock(2);
    QCOMPARE(get(listPath, shortToken.body).status, 401);
}

void TestEmulatorIdentity::instanceMetadataV1Fallback()
{
    EmulatorConfig config;
    config.portals = 1;
    config.sessionsPerPortal = 0;
    config.identity.imdsV1 = true;
    config.identity.imdsDisableV2 = true;
    config.identity.imdsRole = u"ec2-role"_s;
    Emulator v1(config);
    QVERIFY(v1.start());
    SignedClient client(v1.endpoint(), v1.credentials());
    AwsRequest put = client.request("PUT", "/latest/api/token");
    put.setHeader("X-aws-ec2-metadata-token-ttl-seconds", "21600");
    QCOMPARE(client.send(put, {}, {}, false).status, 403);
    const auto roles =
        client.send(client.request("GET", "/latest/meta-data/iam/security-credentials/"), {}, {}, false);
    QCOMPARE(roles.status, 200);
    QCOMPARE(roles.body, "ec2-role");
    const auto credentials = client.send(
        client.request("GET", "/latest/meta-data/iam/security-credentials/ec2-role"), {}, {}, false);
    QCOMPARE(credentials.status, 200);
    const AwsCredentials issued = credentialsFromJson(QJsonDocument::fromJson(credentials.body).object());
    client.setCredentials(issued);
    QCOMPARE(client.get("/portals").status, 200);
}

void TestEmulatorIdentity::containerCredentials()
{
    const auto get = [&](const QByteArray &authorization) {
        AwsRequest request = m_client->request("GET", "/_emulator/container-credentials/v2/credentials/task");
        if (!authorization.isNull())
            request.setHeader("Authorization", authorization);
        return m_client->send(request, {}, {}, false);
    };
    QCOMPARE(get({}).status, 401);
    QCOMPARE(get("wrong").status, 403);
    const auto answer = get("container-token-for-tests");
    QCOMPARE(answer.status, 200);
    QVERIFY(answer.header("x-amzn-RequestId").isEmpty());
    const QJsonObject json = answer.json();
    QCOMPARE(json.value(u"RoleArn"_s).toString(),
             u"arn:aws:iam::123456789012:role/sessionscope-demo-task-role"_s);
    const AwsCredentials issued = credentialsFromJson(json);
    QCOMPARE(issued.accessKeyId, IssuedCredentials::accessKeyIdFor(u"container"_s));
    QVERIFY(json.value(u"Expiration"_s).toString().endsWith(u'Z'));
    QCOMPARE(listPortals(issued).status, 200);
}

QTEST_GUILESS_MAIN(TestEmulatorIdentity)
#include "tst_emulatoridentity.moc"
