// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/EmulatorServer.h"
#include "emulator/SignatureVerifier.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTest>
#include <QTimeZone>

#include <functional>

using namespace Qt::StringLiterals;

namespace {

const auto suiteKeyId = u"AKIDEXAMPLE"_s;
const auto suiteSecret = u"wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"_s;
const QDateTime suiteTime(QDate(2015, 8, 30), QTime(12, 36, 0), QTimeZone::utc());

QString testDataDir()
{
    const QString fromEnv = qEnvironmentVariable("SESSIONSCOPE_TESTDATA");
    return fromEnv.isEmpty() ? QStringLiteral(SESSIONSCOPE_TESTDATA_DEFAULT) : fromEnv;
}

AwsCredentials credentials(const QString &id, const QString &secret, const QString &token = {})
{
    AwsCredentials c;
    c.accessKeyId = id;
    c.secretAccessKey = secret;
    c.sessionToken = token;
    return c;
}

// Reads a signed request of the AWS test suite (.sreq): request line, headers (continuation lines start
// with whitespace), a blank line, the body. The request target goes in as it is written, like a path
// and query arriving on the wire.
AwsRequest parseSignedRequest(const QByteArray &text)
{
    AwsRequest request;
    const qsizetype bodyStart = text.indexOf("\n\n");
    const QByteArray head = bodyStart < 0 ? text : text.left(bodyStart);
    request.body = bodyStart < 0 ? QByteArray() : text.mid(bodyStart + 2);
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.first().split(' ');
    request.method = requestLine.first();
    // The target may contain spaces ("GET /example space/ HTTP/1.1").
    const QByteArray target = lines.first().mid(request.method.size() + 1).chopped(int(qstrlen(" HTTP/1.1")));
    const qsizetype question = target.indexOf('?');
    request.encodedPath = question < 0 ? target : target.left(question);
    if (question >= 0)
        request.query = EmulatorServer::decodeQuery(target.mid(question + 1));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines[i];
        if (!line.isEmpty() && (line[0] == ' ' || line[0] == '\t') && !request.headers.isEmpty()) {
            request.headers.last().second += '\n' + line;
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        request.headers.append({line.left(colon), line.mid(colon + 1)});
    }
    request.endpoint = QUrl(u"https://example.amazonaws.com"_s);
    return request;
}

// A request signed by our signer for the emulator's WorkSpaces Web service, to break in tests.
AwsRequest signedRequest(const QDateTime &when,
                         const AwsCredentials &c = credentials(u"AKIAGOOD"_s, u"secret/+key"_s))
{
    AwsRequest request;
    request.method = "GET";
    request.endpoint = QUrl(u"http://127.0.0.1:8080"_s);
    request.encodedPath = "/portals/0f8fad5b-d9cb-469f-a165-70867728950e/sessions";
    request.addQueryItem(u"username"_s, u"Smith, John"_s);
    request.addQueryItem(u"nextToken"_s, u"ab+/="_s);
    SigV4Signer().sign(request, c, u"us-east-1"_s, u"workspaces-web"_s, when);
    return request;
}

QByteArray replaceInAuthorization(const AwsRequest &request, const QByteArray &from, const QByteArray &to)
{
    return request.header("authorization").replace(from, to);
}

} // namespace

class TestSignatureVerifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void awsTestSuite_data();
    void awsTestSuite();
    void awsTestSuiteTampered_data();
    void awsTestSuiteTampered();
    void rejects_data();
    void rejects();
    void acceptsWithinSkew_data();
    void acceptsWithinSkew();
    void sessionTokens();
    void messagesKeepSecretsOut();
};

void TestSignatureVerifier::awsTestSuite_data()
{
    QTest::addColumn<QString>("path");
    const QString dir = testDataDir() + u"/aws4_testsuite"_s;
    if (!QDir(dir).exists())
        QSKIP(qPrintable(u"The AWS SigV4 test suite is not at %1 (set SESSIONSCOPE_TESTDATA)."_s.arg(dir)));
    QDirIterator it(dir, {u"*.sreq"_s}, QDir::Files, QDirIterator::Subdirectories);
    QStringList files;
    while (it.hasNext())
        files << it.next();
    files.sort();
    QVERIFY(files.size() >= 30);
    for (const QString &file : std::as_const(files))
        QTest::newRow(qPrintable(QFileInfo(file).completeBaseName())) << file;
}

void TestSignatureVerifier::awsTestSuite()
{
    // Every request of the published suite verifies: what botocore and the other SDKs send is what the
    // suite describes, including duplicate and multi-line headers, dot segments and unsigned tokens.
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    AwsRequest request = parseSignedRequest(file.readAll());
    // The .authz file is the suite's answer. (In get-vanilla-with-session-token the .sreq carries
    // get-vanilla's signature by mistake; its .authz and .sts agree with each other and with us.)
    QFile authz(path.chopped(4) + u"authz"_s);
    QVERIFY(authz.open(QIODevice::ReadOnly));
    request.setHeader("Authorization", authz.readAll().trimmed());
    const SignatureVerifier verifier({credentials(suiteKeyId, suiteSecret)}, u"us-east-1"_s);
    const auto result = verifier.verify(request, u"service"_s, suiteTime);
    QVERIFY2(result.ok(),
             result.ok() ? "" : qPrintable(result.error().code() + u": "_s + result.error().message()));
    QCOMPARE(result.value().accessKeyId, suiteKeyId);
}

void TestSignatureVerifier::awsTestSuiteTampered_data()
{
    awsTestSuite_data();
}

void TestSignatureVerifier::awsTestSuiteTampered()
{
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    AwsRequest request = parseSignedRequest(file.readAll());
    // One more query parameter changes the canonical request of every case.
    request.query.append({u"extra"_s, u"1"_s});
    const SignatureVerifier verifier({credentials(suiteKeyId, suiteSecret)}, u"us-east-1"_s);
    const auto result = verifier.verify(request, u"service"_s, suiteTime);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code(), u"InvalidSignatureException"_s);
    QVERIFY(result.error().message().startsWith(u"The request signature we calculated does not match"_s));
}

void TestSignatureVerifier::rejects_data()
{
    QTest::addColumn<std::function<void(AwsRequest &)>>("breakIt");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("messageStart");
    using Change = std::function<void(AwsRequest &)>;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto resign = [](AwsRequest &r, const QDateTime &when, const QString &id, const QString &secret,
                           const QString &region, const QString &service) {
        SigV4Signer().sign(r, credentials(id, secret), region, service, when);
    };

    QTest::newRow("no authorization")
        << Change([](AwsRequest &r) { r.removeHeader("authorization"); })
        << u"MissingAuthenticationTokenException"_s << u"Missing Authentication Token"_s;
    QTest::newRow("other scheme") << Change([](AwsRequest &r) { r.setHeader("Authorization", "Bearer abc"); })
                                  << u"IncompleteSignatureException"_s << u"Unsupported AWS 'algorithm'"_s;
    QTest::newRow("no signature") << Change([](AwsRequest &r) {
        const QByteArray a = r.header("authorization");
        r.setHeader("Authorization", a.left(a.indexOf(", Signature=")));
    }) << u"IncompleteSignatureException"_s
                                  << u"Authorization header requires 'Signature' parameter."_s;
    QTest::newRow("no credential") << Change([](AwsRequest &r) {
        r.setHeader("Authorization", "AWS4-HMAC-SHA256 SignedHeaders=host, Signature=00");
    }) << u"IncompleteSignatureException"_s
                                   << u"Authorization header requires 'Credential' parameter."_s;
    QTest::newRow("short scope") << Change([](AwsRequest &r) {
        r.setHeader("Authorization", replaceInAuthorization(r, "/aws4_request", ""));
    }) << u"IncompleteSignatureException"_s
                                 << u"Credential should have exactly 5 slash-separated parts"_s;
    QTest::newRow("no x-amz-date") << Change([](AwsRequest &r) { r.removeHeader("x-amz-date"); })
                                   << u"IncompleteSignatureException"_s
                                   << u"Authorization header requires existence of a 'X-Amz-Date' header"_s;
    QTest::newRow("bad x-amz-date") << Change([](AwsRequest &r) {
        r.setHeader("X-Amz-Date", "2024-01-01T00:00:00Z");
    }) << u"IncompleteSignatureException"_s
                                    << u"Date must be in ISO-8601 'basic format'"_s;
    QTest::newRow("host not signed") << Change([](AwsRequest &r) {
        r.setHeader("Authorization", replaceInAuthorization(r, "SignedHeaders=host;", "SignedHeaders="));
    }) << u"IncompleteSignatureException"_s
                                     << u"'Host' or ':authority' must be a 'SignedHeader'"_s;
    QTest::newRow("wrong terminator") << Change([](AwsRequest &r) {
        r.setHeader("Authorization", replaceInAuthorization(r, "/aws4_request", "/aws5_request"));
    }) << u"InvalidSignatureException"_s
                                      << u"Credential should be scoped with a valid terminator"_s;
    QTest::newRow("scope date") << Change([](AwsRequest &r) {
        const QByteArray date = r.header("x-amz-date").left(8);
        r.setHeader("Authorization", replaceInAuthorization(r, "/" + date + "/", "/20000101/"));
    }) << u"InvalidSignatureException"_s
                                << u"Date in Credential scope does not match"_s;
    QTest::newRow("wrong region") << Change([=](AwsRequest &r) {
        resign(r, now, u"AKIAGOOD"_s, u"secret/+key"_s, u"eu-west-1"_s, u"workspaces-web"_s);
    }) << u"InvalidSignatureException"_s
                                  << u"Credential should be scoped to a valid region"_s;
    QTest::newRow("wrong service") << Change([=](AwsRequest &r) {
        resign(r, now, u"AKIAGOOD"_s, u"secret/+key"_s, u"us-east-1"_s, u"qapps"_s);
    }) << u"InvalidSignatureException"_s
                                   << u"Credential should be scoped to correct service: 'workspaces-web'"_s;
    QTest::newRow("stale") << Change([=](AwsRequest &r) {
        resign(r, now.addSecs(-16 * 60), u"AKIAGOOD"_s, u"secret/+key"_s, u"us-east-1"_s,
               u"workspaces-web"_s);
    }) << u"InvalidSignatureException"_s
                           << u"Signature expired: "_s;
    QTest::newRow("future") << Change([=](AwsRequest &r) {
        resign(r, now.addSecs(16 * 60), u"AKIAGOOD"_s, u"secret/+key"_s, u"us-east-1"_s, u"workspaces-web"_s);
    }) << u"InvalidSignatureException"_s
                            << u"Signature not yet current: "_s;
    QTest::newRow("unknown key") << Change([=](AwsRequest &r) {
        resign(r, now, u"AKIAUNKNOWN"_s, u"secret/+key"_s, u"us-east-1"_s, u"workspaces-web"_s);
    }) << u"UnrecognizedClientException"_s
                                 << u"The security token included in the request is invalid."_s;
    QTest::newRow("wrong secret") << Change([=](AwsRequest &r) {
        resign(r, now, u"AKIAGOOD"_s, u"other secret"_s, u"us-east-1"_s, u"workspaces-web"_s);
    }) << u"InvalidSignatureException"_s
                                  << u"The request signature we calculated does not match"_s;
    QTest::newRow("body changed") << Change([](AwsRequest &r) { r.body = "x"; })
                                  << u"InvalidSignatureException"_s
                                  << u"The request signature we calculated does not match"_s;
    QTest::newRow("query changed") << Change([](AwsRequest &r) { r.query[0].second = u"Smith,John"_s; })
                                   << u"InvalidSignatureException"_s
                                   << u"The request signature we calculated does not match"_s;
    QTest::newRow("plus is not space")
        << Change([](AwsRequest &r) { r.query[0].second = u"Smith,+John"_s; })
        << u"InvalidSignatureException"_s << u"The request signature we calculated does not match"_s;
    QTest::newRow("path changed") << Change([](AwsRequest &r) { r.encodedPath += "/x"; })
                                  << u"InvalidSignatureException"_s
                                  << u"The request signature we calculated does not match"_s;
    QTest::newRow("signed header changed")
        << Change([](AwsRequest &r) { r.setHeader("Host", "127.0.0.1:8081"); })
        << u"InvalidSignatureException"_s << u"The request signature we calculated does not match"_s;
    QTest::newRow("method changed") << Change([](AwsRequest &r) { r.method = "DELETE"; })
                                    << u"InvalidSignatureException"_s
                                    << u"The request signature we calculated does not match"_s;
    QTest::newRow("upper-case signature") << Change([](AwsRequest &r) {
        const QByteArray a = r.header("authorization");
        const qsizetype at = a.indexOf("Signature=") + 10;
        r.setHeader("Authorization", a.left(at) + a.mid(at).toUpper());
    }) << u"InvalidSignatureException"_s << u"The request signature we calculated does not match"_s;
}

void TestSignatureVerifier::rejects()
{
    QFETCH(std::function<void(AwsRequest &)>, breakIt);
    QFETCH(QString, code);
    QFETCH(QString, messageStart);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    AwsRequest request = signedRequest(now);
    const SignatureVerifier verifier({credentials(u"AKIAGOOD"_s, u"secret/+key"_s)}, u"us-east-1"_s);
    QVERIFY(verifier.verify(request, u"workspaces-web"_s, now).ok());

    breakIt(request);
    const auto result = verifier.verify(request, u"workspaces-web"_s, now);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code(), code);
    QCOMPARE(result.error().httpStatus(), 403);
    QCOMPARE(result.error().category(), AwsError::categoryFor(code, 403));
    QVERIFY2(result.error().message().startsWith(messageStart), qPrintable(result.error().message()));
}

void TestSignatureVerifier::acceptsWithinSkew_data()
{
    QTest::addColumn<int>("skewSeconds");
    QTest::newRow("14 minutes behind") << -14 * 60;
    QTest::newRow("14 minutes ahead") << 14 * 60;
    QTest::newRow("exactly 15 minutes behind") << -15 * 60;
    QTest::newRow("on time") << 0;
}

void TestSignatureVerifier::acceptsWithinSkew()
{
    QFETCH(int, skewSeconds);
    const QDateTime now = QDateTime(QDate(2025, 5, 5), QTime(12, 0, 0), QTimeZone::utc());
    const AwsRequest request = signedRequest(now.addSecs(skewSeconds));
    const SignatureVerifier verifier({credentials(u"AKIAGOOD"_s, u"secret/+key"_s)}, u"us-east-1"_s);
    QVERIFY(verifier.verify(request, u"workspaces-web"_s, now).ok());
}

void TestSignatureVerifier::sessionTokens()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // Long-term keys: any token, signed or not, is accepted.
    const SignatureVerifier plain({credentials(u"AKIAGOOD"_s, u"secret/+key"_s)}, u"us-east-1"_s);
    AwsRequest withToken = signedRequest(now, credentials(u"AKIAGOOD"_s, u"secret/+key"_s, u"token-1"_s));
    QVERIFY(withToken.header("authorization").contains("x-amz-security-token"));
    QVERIFY(plain.verify(withToken, u"workspaces-web"_s, now).ok());
    AwsRequest unsignedToken = signedRequest(now);
    unsignedToken.setHeader("X-Amz-Security-Token", "added-after-signing");
    QVERIFY(plain.verify(unsignedToken, u"workspaces-web"_s, now).ok());

    // Temporary keys: only their own token.
    const SignatureVerifier temporary({credentials(u"ASIATEMP"_s, u"s"_s, u"token-1"_s)}, u"us-east-1"_s);
    QVERIFY(temporary
                .verify(signedRequest(now, credentials(u"ASIATEMP"_s, u"s"_s, u"token-1"_s)),
                        u"workspaces-web"_s, now)
                .ok());
    const auto wrongToken = temporary.verify(
        signedRequest(now, credentials(u"ASIATEMP"_s, u"s"_s, u"token-2"_s)), u"workspaces-web"_s, now);
    QVERIFY(!wrongToken.ok());
    QCOMPARE(wrongToken.error().code(), u"UnrecognizedClientException"_s);
    const auto noToken =
        temporary.verify(signedRequest(now, credentials(u"ASIATEMP"_s, u"s"_s)), u"workspaces-web"_s, now);
    QCOMPARE(noToken.error().code(), u"UnrecognizedClientException"_s);
}

void TestSignatureVerifier::messagesKeepSecretsOut()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    AwsRequest request =
        signedRequest(now, credentials(u"AKIAGOOD"_s, u"secret/+key"_s, u"very-secret-token"_s));
    request.body = "changed";
    const SignatureVerifier verifier({credentials(u"AKIAGOOD"_s, u"secret/+key"_s)}, u"us-east-1"_s);
    const auto result = verifier.verify(request, u"workspaces-web"_s, now);
    QCOMPARE(result.error().code(), u"InvalidSignatureException"_s);
    QVERIFY(result.error().message().contains(u"The Canonical String for this request should have been"_s));
    QVERIFY(result.error().message().contains(u"x-amz-security-token:<redacted>"_s));
    QVERIFY(!result.error().message().contains(u"very-secret-token"_s));
    QVERIFY(!result.error().message().contains(u"secret/+key"_s));
}

QTEST_GUILESS_MAIN(TestSignatureVerifier)
#include "tst_signatureverifier.moc"
