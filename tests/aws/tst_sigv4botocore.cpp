// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "PeerClient.h"
#include "aws/signing/SigV4Signer.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

// Differential test: SessionScope's signer against botocore's SigV4Auth (the signer of the AWS CLI and
// boto3), on generated requests. tests/aws/sigv4_oracle.py signs each request with botocore at the same
// fixed time and reports every Authorization that differs from ours.
class TestSigV4Botocore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void generatedRequestsMatchBotocore();
    void wireUrlVerifiesUnderBotocore();
    void oracleReportsWrongSignatures();

private:
    struct Case
    {
        QString id;
        AwsRequest request; ///< before signing
        AwsCredentials credentials;
        QString region;
        QString service;
        QDateTime now;
        QStringList modes = {u"url"_s, u"params"_s};
    };
    struct OracleResult
    {
        QJsonObject summary;
        QList<QJsonObject> mismatches;
        QString error;
        bool botocoreMissing = false;
    };

    static QList<Case> generateCases(int count, quint32 seed);
    QJsonObject toJson(const Case &c) const;
    OracleResult runOracle(const QList<QJsonObject> &lines);

    SigV4Signer m_signer;
    QString m_python;
    QString m_helper;
};

namespace {

// Pieces that path segments, query keys and values are made of: unreserved, reserved and
// other ASCII, space, '%', controls, and non-ASCII text up to 4-byte UTF-8 (a surrogate pair).
const QStringList textAtoms = {
    u"a"_s,    u"Z"_s,   u"0"_s,      u"9"_s,      u"-"_s,  u"."_s,   u"_"_s,  u"~"_s,  u"!"_s,
    u"#"_s,    u"$"_s,   u"&"_s,      u"'"_s,      u"("_s,  u")"_s,   u"*"_s,  u"+"_s,  u","_s,
    u"/"_s,    u":"_s,   u";"_s,      u"="_s,      u"?"_s,  u"@"_s,   u"["_s,  u"]"_s,  u"%"_s,
    u"%2F"_s,  u"%41"_s, u" "_s,      u"  "_s,     u"\""_s, u"<"_s,   u">"_s,  u"\\"_s, u"^"_s,
    u"`"_s,    u"{"_s,   u"|"_s,      u"}"_s,      u"\t"_s, u"ä"_s,   u"é"_s,  u"ß"_s,  u"ሴ"_s,
    u"日本"_s, u"😀"_s,   u"\u00a0"_s, u"\u3000"_s, u"Ω"_s,  u"abc"_s, u"XYZ"_s};

const QStringList specialValues = {u"a+b/c=d e%f"_s, QString(), u"="_s, u"&"_s, u"+"_s,
                                   u"%20"_s,         u"%"_s,    u" "_s, u"ሴ"_s, u"😀"_s};

const QList<QByteArray> headerNames = {"Content-Type",
                                       "content-type",
                                       "X-Custom-Header",
                                       "x-custom-header",
                                       "X-CUSTOM-HEADER",
                                       "instance-id",
                                       "Instance-Id",
                                       "X-Amz-Target",
                                       "Accept",
                                       "x-amz-meta-Odd",
                                       "User-Agent",
                                       "X-Amzn-Trace-Id",
                                       "Expect",
                                       "Connection",
                                       "TE",
                                       "Upgrade",
                                       "Keep-Alive",
                                       "Proxy-Authorization",
                                       "Trailer",
                                       "Transfer-Encoding",
                                       "Content-MD5",
                                       "x-amz-user-agent",
                                       "X-Amz-Date",
                                       "Authorization",
                                       "Date",
                                       "Host",
                                       "X-Amz-Content-SHA256"};

const QStringList headerValues = {u"a"_s,
                                  u"b c"_s,
                                  u"  lead"_s,
                                  u"trail  "_s,
                                  u"\tTab\t"_s,
                                  u"x\t \ty"_s,
                                  u"multi\n  line"_s,
                                  u"a\r\n\tb"_s,
                                  u"\"a   b\""_s,
                                  QString(),
                                  u"   "_s,
                                  u"ä  ö"_s,
                                  u"\u00a0nbsp\u00a0"_s,
                                  u"日本 \u3000 語"_s,
                                  u"MiXeD"_s,
                                  u"a,b,c"_s,
                                  u"x\x1cy"_s,
                                  u"1"_s,
                                  u"application/x-amz-json-1.1"_s,
                                  u"Mozilla/5.0 (X11; Linux)"_s,
                                  u"100-continue"_s};

const QStringList methods = {u"GET"_s,   u"POST"_s, u"PUT"_s, u"DELETE"_s,
                             u"PATCH"_s, u"HEAD"_s, u"get"_s, u"Post"_s};

const QStringList endpoints = {u"https://workspaces-web.us-east-1.amazonaws.com"_s,
                               u"https://data.qapps.eu-central-1.amazonaws.com"_s,
                               u"http://127.0.0.1:8080"_s,
                               u"http://localhost"_s,
                               u"https://[::1]:8443"_s,
                               u"http://[2001:db8::7]"_s,
                               u"https://Example.COM:443"_s,
                               u"http://example.com:80"_s,
                               u"https://example.com:80"_s};

const QStringList regions = {u"us-east-1"_s,  u"eu-west-2"_s,     u"ap-southeast-2"_s,
                             u"cn-north-1"_s, u"us-gov-west-1"_s, u"local"_s};
const QStringList services = {u"workspaces-web"_s, u"qapps"_s, u"service"_s, u"execute-api"_s, u"sts"_s};

template <typename T>
const T &pick(QRandomGenerator &random, const QList<T> &list)
{
    return list.at(random.bounded(list.size()));
}

QString randomText(QRandomGenerator &random, int maxAtoms)
{
    QString text;
    const int atoms = random.bounded(maxAtoms + 1);
    for (int i = 0; i < atoms; ++i)
        text += pick(random, textAtoms);
    return text;
}

QString randomFrom(QRandomGenerator &random, QLatin1StringView alphabet, int length)
{
    QString text;
    for (int i = 0; i < length; ++i)
        text += QChar(alphabet.at(random.bounded(int(alphabet.size()))));
    return text;
}

QJsonArray pairsToJson(const QList<QPair<QString, QString>> &pairs)
{
    QJsonArray array;
    for (const auto &[key, value] : pairs)
        array.append(QJsonArray{key, value});
    return array;
}

} // namespace

void TestSigV4Botocore::initTestCase()
{
    const PeerClient::Probe probe = PeerClient::probe(u"botocore.auth, botocore.awsrequest"_s);
    m_python = probe.python;
    if (m_python.isEmpty())
        QSKIP("python3 is not installed: cannot compare with botocore");
    m_helper = QStringLiteral(SESSIONSCOPE_SOURCE_DIR) + u"/tests/aws/sigv4_oracle.py"_s;
    QVERIFY2(QFile::exists(m_helper), qPrintable(m_helper));
    if (probe.botocoreVersion.isEmpty())
        QSKIP(qPrintable(m_python + u" has no botocore: cannot compare with botocore"_s));
    QVERIFY2(probe.problem.isEmpty(), qPrintable(probe.problem));
    qInfo("botocore %s (%s)", qPrintable(probe.botocoreVersion), qPrintable(m_python));
}

QList<TestSigV4Botocore::Case> TestSigV4Botocore::generateCases(int count, quint32 seed)
{
    QRandomGenerator random(seed);
    const auto chance = [&random](int percent) { return random.bounded(100) < percent; };
    QList<Case> cases;
    for (int n = 0; n < count; ++n) {
        Case c;
        c.id = QString::number(n);
        AwsRequest &r = c.request;
        r.method = pick(random, methods).toLatin1();
        r.endpoint = QUrl(pick(random, endpoints));
        const int segments = random.bounded(5);
        for (int s = 0; s < segments; ++s) {
            // An empty segment on the wire ("//"), which the canonical URI collapses.
            if (chance(8))
                r.encodedPath += r.encodedPath.endsWith('/') ? "/" : "//";
            const int kind = random.bounded(20);
            r.appendPathSegment(kind == 0   ? u"."_s
                                : kind == 1 ? u".."_s
                                : kind == 2 ? QString()
                                            : randomText(random, 6));
        }
        const int queryItems = random.bounded(6);
        QStringList keys;
        for (int q = 0; q < queryItems; ++q) {
            // Repeated keys: reuse an earlier key now and then.
            const QString key = !keys.isEmpty() && chance(25) ? pick(random, keys)
                                : chance(15)                  ? QString()
                                                              : randomText(random, 4);
            keys.append(key);
            const QString value = chance(30) ? pick(random, specialValues) : randomText(random, 6);
            r.addQueryItem(key, value);
        }

        const bool withToken = chance(50);
        c.credentials.accessKeyId = u"AKIA"_s + randomFrom(random, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"_L1, 16);
        c.credentials.secretAccessKey =
            randomFrom(random, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"_L1, 40);
        if (withToken)
            c.credentials.sessionToken =
                randomFrom(random, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/="_L1,
                           100 + random.bounded(300));

        if (chance(50)) {
            const QStringList pieces = {u"{}"_s, u"{\"a\": 1}"_s,    u"{\"sessionId\":\"x y\"}"_s,
                                        u"ä"_s,  u"Param1=value1"_s, u"  "_s,
                                        u"\n"_s};
            for (int b = random.bounded(1, 5); b > 0; --b)
                r.body += pick(random, pieces).toUtf8();
            if (chance(20)) {
                for (int b = random.bounded(1, 64); b > 0; --b)
                    r.body.append(char(random.bounded(256)));
            }
        }

        const int headerCount = random.bounded(6);
        for (int h = 0; h < headerCount; ++h) {
            const QByteArray name = pick(random, headerNames);
            QByteArray value = pick(random, headerValues).toUtf8();
            const QByteArray lower = name.toLower();
            // Headers whose value must have a shape; the rest take any value from the pool.
            if (lower == "date") {
                if (!chance(30))
                    continue;
                value = "Thu, 01 Jan 2015 00:00:00 GMT";
            } else if (lower == "host") {
                if (!chance(30))
                    continue;
                value = chance(50) ? "custom.example:1234" : "  Spaced.Host  ";
            } else if (lower == "x-amz-content-sha256") {
                if (!chance(30))
                    continue;
                value = chance(50) ? QByteArray("UNSIGNED-PAYLOAD")
                                   : QCryptographicHash::hash(r.body, QCryptographicHash::Sha256).toHex();
            } else if (lower == "x-amz-date") {
                value = "20000101T000000Z";
            }
            r.headers.append({name, value});
        }
        // A stale token header is replaced by the new token. (Without a token we remove it and botocore
        // keeps it, a deliberate difference; not generated.)
        if (withToken && chance(10))
            r.headers.emplaceBack("X-Amz-Security-Token", "stale");

        c.region = pick(random, regions);
        c.service = pick(random, services);
        const qint64 seconds = 946684800 + qint64(random.bounded(1'200'000'000));
        c.now = QDateTime::fromMSecsSinceEpoch(seconds * 1000 + random.bounded(1000), QTimeZone::utc());
        cases.append(c);
    }
    return cases;
}

QJsonObject TestSigV4Botocore::toJson(const Case &c) const
{
    AwsRequest signedRequest = c.request;
    m_signer.sign(signedRequest, c.credentials, c.region, c.service, c.now);

    QJsonArray headers;
    for (const auto &[name, value] : c.request.headers)
        headers.append(QJsonArray{QString::fromLatin1(name), QString::fromUtf8(value)});
    const QByteArray date = signedRequest.header("date");
    return QJsonObject{
        {u"id"_s, c.id},
        {u"method"_s, QString::fromLatin1(c.request.method)},
        {u"url"_s, QString::fromLatin1(signedRequest.url().toEncoded())},
        {u"params"_s, pairsToJson(c.request.query)},
        {u"headers"_s, headers},
        {u"body"_s, QString::fromLatin1(c.request.body.toBase64())},
        {u"accessKey"_s, c.credentials.accessKeyId},
        {u"secretKey"_s, c.credentials.secretAccessKey},
        {u"token"_s, c.credentials.sessionToken},
        {u"region"_s, c.region},
        {u"service"_s, c.service},
        {u"timestamp"_s, c.now.toUTC().toString(u"yyyyMMdd'T'HHmmss'Z'"_s)},
        {u"authorization"_s, QString::fromLatin1(signedRequest.header("authorization"))},
        {u"date"_s, date.isNull() ? QJsonValue() : QJsonValue(QString::fromLatin1(date))},
        {u"modes"_s, QJsonArray::fromStringList(c.modes)},
    };
}

TestSigV4Botocore::OracleResult TestSigV4Botocore::runOracle(const QList<QJsonObject> &lines)
{
    OracleResult result;
    QTemporaryDir dir;
    if (!dir.isValid()) {
        result.error = u"cannot create a temporary folder"_s;
        return result;
    }
    const QString path = dir.filePath(u"requests.jsonl"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        result.error = u"cannot write "_s + path;
        return result;
    }
    for (const QJsonObject &line : lines)
        file.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
    file.close();

    QProcess oracle;
    oracle.setProcessEnvironment(PeerClient::environment());
    oracle.start(m_python, {m_helper, path});
    if (!oracle.waitForFinished(300'000)) {
        result.error = u"the botocore oracle did not finish: "_s + oracle.errorString();
        oracle.kill();
        oracle.waitForFinished();
        return result;
    }
    if (oracle.exitCode() == 77) {
        result.botocoreMissing = true;
        return result;
    }
    const QList<QByteArray> output = oracle.readAllStandardOutput().split('\n');
    for (const QByteArray &line : output) {
        if (line.trimmed().isEmpty())
            continue;
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        if (object.contains(u"summary"_s))
            result.summary = object.value(u"summary"_s).toObject();
        else
            result.mismatches.append(object);
    }
    if (result.summary.isEmpty() || (oracle.exitCode() != 0 && oracle.exitCode() != 1))
        result.error = u"the botocore oracle failed (exit %1): %2"_s.arg(oracle.exitCode())
                           .arg(QString::fromUtf8(oracle.readAllStandardError()));
    return result;
}

void TestSigV4Botocore::generatedRequestsMatchBotocore()
{
    constexpr int count = 1500;
    const QList<Case> cases = generateCases(count, 20150830);
    QList<QJsonObject> lines;
    for (const Case &c : cases)
        lines.append(toJson(c));

    const OracleResult result = runOracle(lines);
    if (result.botocoreMissing)
        QSKIP("botocore is not installed for python3");
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QString report;
    for (const QJsonObject &mismatch : result.mismatches.mid(0, 5)) {
        // The request as generated, before signing; the ids are the indexes of `cases`.
        const Case &c = cases.at(mismatch.value(u"id"_s).toString().toInt());
        report +=
            u"\n--- request %1 (%2 mode): %3 %4 %5\n    ours:     %6\n    botocore: %7\n"
            "    botocore canonical request:\n%8\n"_s.arg(
                mismatch.value(u"id"_s).toString(), mismatch.value(u"mode"_s).toString(),
                QString::fromLatin1(c.request.method), QString::fromLatin1(c.request.url().toEncoded()),
                QString::fromUtf8(
                    QJsonDocument(toJson(c).value(u"headers"_s).toArray()).toJson(QJsonDocument::Compact)),
                mismatch.value(u"ours"_s).toString(), mismatch.value(u"botocore"_s).toString(),
                mismatch.value(u"botocoreCanonicalRequest"_s).toString());
    }
    QVERIFY2(result.mismatches.isEmpty(),
             qPrintable(u"%1 of %2 signatures differ from botocore's; the first ones:%3"_s
                            .arg(result.mismatches.size())
                            .arg(2 * count)
                            .arg(report)));
    QCOMPARE(result.summary.value(u"checked"_s).toInt(), count);
    QCOMPARE(result.summary.value(u"url"_s).toInt(), count);
    QCOMPARE(result.summary.value(u"params"_s).toInt(), count);
    qInfo("%d generated requests signed identically by SessionScope and botocore %s (query from the wire URL "
          "and from decoded parameters)",
          count, qPrintable(result.summary.value(u"botocore"_s).toString()));
    const QJsonArray aligned = result.summary.value(u"unsignedHeadersAdded"_s).toArray();
    if (!aligned.isEmpty())
        qInfo(
            "botocore %s signs headers that newer botocore and SessionScope leave unsigned; the oracle used "
            "today's list (added: %s)",
            qPrintable(result.summary.value(u"botocore"_s).toString()),
            QJsonDocument(aligned).toJson(QJsonDocument::Compact).constData());
}

void TestSigV4Botocore::wireUrlVerifiesUnderBotocore()
{
    // A nextToken as the service hands it out (any of + / = %, a space) must go on the wire encoded so
    // that botocore, given nothing but our URL, computes the same canonical query and signature.
    Case c;
    c.id = u"nextToken"_s;
    c.request.endpoint = QUrl(u"https://workspaces-web.eu-west-1.amazonaws.com"_s);
    c.request.appendPathSegment(u"portals"_s);
    c.request.appendPathSegment(u"a1b2c3d4-0000-1111-2222-333344445555"_s);
    c.request.appendPathSegment(u"sessions"_s);
    c.request.addQueryItem(u"nextToken"_s, u"a+b/c=d e%f"_s);
    c.request.addQueryItem(u"maxResults"_s, u"50"_s);
    c.credentials = {u"AKIDEXAMPLE"_s, u"wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"_s, u"token+/="_s, {}, {}};
    c.region = u"eu-west-1"_s;
    c.service = u"workspaces-web"_s;
    c.now = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), QTimeZone::utc());
    c.modes = {u"url"_s};

    const QJsonObject line = toJson(c);
    QCOMPARE(line.value(u"url"_s).toString(),
             u"https://workspaces-web.eu-west-1.amazonaws.com/portals/a1b2c3d4-0000-1111-2222-333344445555/"
             "sessions?maxResults=50&nextToken=a%2Bb%2Fc%3Dd%20e%25f"_s);
    const OracleResult result = runOracle({line});
    if (result.botocoreMissing)
        QSKIP("botocore is not installed for python3");
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QVERIFY2(result.mismatches.isEmpty(),
             qPrintable(QString::fromUtf8(QJsonDocument(result.mismatches.value(0)).toJson())));
    QCOMPARE(result.summary.value(u"url"_s).toInt(), 1);
    QCOMPARE(result.summary.value(u"params"_s).toInt(), 0);
}

void TestSigV4Botocore::oracleReportsWrongSignatures()
{
    // The comparison can fail: a signature off by one character and a request whose URL lost its
    // encoding (what QUrlQuery would send) are both reported.
    const QList<Case> cases = generateCases(2, 7);
    QJsonObject tampered = toJson(cases.at(0));
    QString authorization = tampered.value(u"authorization"_s).toString();
    authorization.back() = authorization.back() == u'0' ? u'1' : u'0';
    tampered.insert(u"authorization"_s, authorization);

    Case plus = cases.at(1);
    plus.id = u"1"_s;
    plus.request.query = {{u"nextToken"_s, u"a+b/c="_s}};
    plus.modes = {u"url"_s};
    QJsonObject rawUrl = toJson(plus);
    rawUrl.insert(u"url"_s, rawUrl.value(u"url"_s).toString().replace(u"a%2Bb%2Fc%3D"_s, u"a+b/c="_s));

    const OracleResult result = runOracle({tampered, rawUrl});
    if (result.botocoreMissing)
        QSKIP("botocore is not installed for python3");
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QStringList reported;
    for (const QJsonObject &mismatch : result.mismatches)
        reported.append(mismatch.value(u"id"_s).toString() + u'/' + mismatch.value(u"mode"_s).toString());
    QCOMPARE(reported, (QStringList{u"0/url"_s, u"0/params"_s, u"1/url"_s}));
}

QTEST_GUILESS_MAIN(TestSigV4Botocore)
#include "tst_sigv4botocore.moc"
