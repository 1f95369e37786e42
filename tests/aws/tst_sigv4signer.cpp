// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/signing/SigV4Signer.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QMessageAuthenticationCode>
#include <QSet>
#include <QTest>
#include <QThread>
#include <QTimeZone>

#include <algorithm>
#include <atomic>

using namespace Qt::StringLiterals;

using QueryItems = QList<QPair<QString, QString>>;
using Headers = QList<QPair<QByteArray, QByteArray>>;

namespace {

const QString suiteAccessKey = u"AKIDEXAMPLE"_s;
const QString suiteSecretKey = u"wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"_s;
const QString suiteRegion = u"us-east-1"_s;
const QString suiteService = u"service"_s;

QString testDataDir()
{
    const QByteArray fromEnv = qgetenv("SESSIONSCOPE_TESTDATA");
    return fromEnv.isEmpty() ? QStringLiteral(SESSIONSCOPE_TESTDATA_DEFAULT)
                             : QString::fromLocal8Bit(fromEnv);
}

QString suiteDir()
{
    return testDataDir() + u"/aws4_testsuite"_s;
}

QByteArray readFile(const QString &path, bool *ok = nullptr)
{
    QFile file(path);
    const bool opened = file.open(QIODevice::ReadOnly);
    if (ok)
        *ok = opened;
    return opened ? file.readAll() : QByteArray();
}

// An HTTP request as the test suite writes it: request line, headers (a line that starts with a space
// or tab continues the previous header), blank line, body. Lines end in LF or CRLF.
struct RawRequest
{
    QByteArray method;
    QByteArray target;
    QByteArray version;
    Headers headers;
    QByteArray body;
    QString error;
};

RawRequest parseRawRequest(const QByteArray &text)
{
    RawRequest raw;
    qsizetype bodyStart = text.size();
    qsizetype headEnd = text.size();
    for (const QByteArray &separator : {QByteArray("\r\n\r\n"), QByteArray("\n\n")}) {
        const qsizetype at = text.indexOf(separator);
        if (at >= 0 && at < headEnd) {
            headEnd = at;
            bodyStart = at + separator.size();
        }
    }
    raw.body = text.mid(bodyStart);
    QList<QByteArray> lines = text.left(headEnd).split('\n');
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }
    const QByteArray requestLine = lines.value(0);
    const qsizetype firstSpace = requestLine.indexOf(' ');
    const qsizetype lastSpace = requestLine.lastIndexOf(' ');
    if (firstSpace <= 0 || lastSpace <= firstSpace) {
        raw.error = u"malformed request line: %1"_s.arg(QString::fromUtf8(requestLine));
        return raw;
    }
    raw.method = requestLine.left(firstSpace);
    // The target may hold spaces (normalize-path/get-space), so the version is after the last one.
    raw.target = requestLine.mid(firstSpace + 1, lastSpace - firstSpace - 1);
    raw.version = requestLine.mid(lastSpace + 1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        // Only the final newline of a request without a body leaves an empty line here.
        if (line.isEmpty() && i == lines.size() - 1)
            break;
        if (line.startsWith(' ') || line.startsWith('\t')) {
            if (raw.headers.isEmpty()) {
                raw.error = u"continuation line before any header"_s;
                return raw;
            }
            // Keep the folded value as it was sent; the signer has to collapse it.
            raw.headers.last().second += '\n' + line;
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            raw.error = u"malformed header line: %1"_s.arg(QString::fromUtf8(line));
            return raw;
        }
        raw.headers.append({line.left(colon), line.mid(colon + 1)});
    }
    return raw;
}

// The AwsRequest a server would rebuild: the path raw as on the request line, the query split on '&'
// and '=' and percent-decoded.
AwsRequest toAwsRequest(const RawRequest &raw)
{
    AwsRequest request;
    request.method = raw.method;
    const qsizetype question = raw.target.indexOf('?');
    request.encodedPath = question < 0 ? raw.target : raw.target.left(question);
    if (question >= 0) {
        const QList<QByteArray> pairs = raw.target.mid(question + 1).split('&');
        for (const QByteArray &pair : pairs) {
            if (pair.isEmpty())
                continue;
            const qsizetype equals = pair.indexOf('=');
            const QByteArray key = equals < 0 ? pair : pair.left(equals);
            const QByteArray value = equals < 0 ? QByteArray() : pair.mid(equals + 1);
            request.addQueryItem(QString::fromUtf8(QByteArray::fromPercentEncoding(key)),
                                 QString::fromUtf8(QByteArray::fromPercentEncoding(value)));
        }
    }
    request.headers = raw.headers;
    request.body = raw.body;
    request.endpoint = QUrl(u"https://"_s + QString::fromLatin1(request.header("host")));
    return request;
}

QByteArray deriveKeyDirectly(const QByteArray &secret, const QByteArray &date, const QByteArray &region,
                             const QByteArray &service)
{
    const auto mac = [](const QByteArray &key, const QByteArray &message) {
        return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
    };
    return mac(mac(mac(mac("AWS4" + secret, date), region), service), "aws4_request");
}

} // namespace

class TestSigV4Signer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void awsTestSuite_data();
    void awsTestSuite();

    void uriEncode_data();
    void uriEncode();
    void canonicalUri_data();
    void canonicalUri();
    void canonicalQueryString_data();
    void canonicalQueryString();
    void canonicalHeaderValues_data();
    void canonicalHeaderValues();
    void headersToSignSkipsHopByHopHeaders();
    void payloadHashHonoursDeclaredHash();
    void requestTimestamp_data();
    void requestTimestamp();
    void signSetsDateHeadersLikeBotocore();
    void signReplacesStaleHeaders();
    void signingKeyMatchesPublishedExample();
    void signingKeyCacheKeepsScopesApart();
    void signingKeyIsThreadSafe();
};

void TestSigV4Signer::awsTestSuite_data()
{
    QTest::addColumn<QString>("caseDir");
    QTest::addColumn<QString>("caseName");

    const QString root = suiteDir();
    if (!QFileInfo::exists(root))
        QSKIP(qPrintable(u"AWS SigV4 test suite not found at %1 (set SESSIONSCOPE_TESTDATA to the testdata "
                         "folder)"_s.arg(root)));
    // Row name: the case folder relative to the suite ("normalize-path/get-slash"); then its .req name.
    QList<QPair<QString, QString>> cases;
    QDirIterator it(root, {u"*.req"_s}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info(it.next());
        cases.append({QDir(root).relativeFilePath(info.absolutePath()), info.completeBaseName()});
    }
    std::sort(cases.begin(), cases.end());
    // Every folder that holds expected results must be a case; a .req that went missing fails here.
    int folders = 0;
    QDirIterator creqs(root, {u"*.creq"_s}, QDir::Files, QDirIterator::Subdirectories);
    while (creqs.hasNext()) {
        creqs.next();
        ++folders;
    }
    QVERIFY2(!cases.isEmpty(), qPrintable(u"no .req files under %1"_s.arg(root)));
    QCOMPARE(cases.size(), folders);
    qInfo("AWS SigV4 test suite: %lld cases", static_cast<long long>(cases.size()));
    for (const auto &[folder, name] : std::as_const(cases))
        QTest::newRow(qPrintable(folder)) << root + u'/' + folder << name;
}

void TestSigV4Signer::awsTestSuite()
{
    QFETCH(QString, caseDir);
    QFETCH(QString, caseName);

    const QString base = caseDir + u'/' + caseName;
    bool ok = false;
    const QByteArray reqText = readFile(base + u".req"_s, &ok);
    QVERIFY2(ok, qPrintable(base + u".req unreadable"_s));
    const QByteArray expectedCreq = readFile(base + u".creq"_s, &ok);
    QVERIFY(ok);
    const QByteArray expectedSts = readFile(base + u".sts"_s, &ok);
    QVERIFY(ok);
    const QByteArray expectedAuthz = readFile(base + u".authz"_s, &ok);
    QVERIFY(ok);
    const QByteArray sreqText = readFile(base + u".sreq"_s, &ok);
    QVERIFY(ok);

    const RawRequest raw = parseRawRequest(reqText);
    QVERIFY2(raw.error.isEmpty(), qPrintable(raw.error));
    const RawRequest expectedSigned = parseRawRequest(sreqText);
    QVERIFY2(expectedSigned.error.isEmpty(), qPrintable(expectedSigned.error));

    AwsRequest request = toAwsRequest(raw);
    const QByteArray amzDate = request.header("x-amz-date");
    QVERIFY2(!SigV4Signer::requestTimestamp(request).isEmpty(), amzDate.constData());
    const QDateTime now(QDate::fromString(QString::fromLatin1(amzDate.left(8)), u"yyyyMMdd"_s),
                        QTime::fromString(QString::fromLatin1(amzDate.mid(9, 6)), u"HHmmss"_s),
                        QTimeZone::utc());
    QVERIFY2(now.isValid(), amzDate.constData());

    // The session token of a case is the X-Amz-Security-Token its signed request carries. (The
    // post-sts-token cases use the one in post-sts-token/readme.txt; get-vanilla-with-session-token uses
    // another, as its .creq shows.)
    AwsCredentials credentials{suiteAccessKey, suiteSecretKey, {}, {}, u"AWS SigV4 test suite"_s};
    AwsRequest signedView;
    signedView.headers = expectedSigned.headers;
    const QByteArray signedToken = signedView.header("x-amz-security-token");
    if (base.contains(u"/post-sts-token/"_s)) {
        const QByteArray readme = readFile(suiteDir() + u"/post-sts-token/readme.txt"_s, &ok);
        QVERIFY(ok);
        const QList<QByteArray> words = readme.simplified().split(' ');
        QVERIFY2(words.contains(signedToken), "the signed request does not carry the readme's token");
    }
    // post-sts-token/readme.txt: in post-sts-header-after "the X-Amz-Security-Token header is added to
    // the request after you calculate the signature", i.e. signed as with long-term credentials.
    const bool tokenAddedAfterSigning = caseName == u"post-sts-header-after"_s;
    if (!tokenAddedAfterSigning)
        credentials.sessionToken = QString::fromUtf8(signedToken);

    SigV4Signer signer;
    signer.sign(request, credentials, suiteRegion, suiteService, now);
    const QByteArray authorization = request.header("authorization");
    if (tokenAddedAfterSigning) {
        QVERIFY(!signedToken.isEmpty());
        request.headers.emplaceBack("X-Amz-Security-Token", signedToken);
    }

    AwsRequest unsignedView = request;
    unsignedView.removeHeader("authorization");
    if (tokenAddedAfterSigning)
        unsignedView.removeHeader("x-amz-security-token");
    const QList<QByteArray> signedHeaders = SigV4Signer::headersToSign(unsignedView);
    const QByteArray creq =
        SigV4Signer::canonicalRequest(unsignedView, signedHeaders, SigV4Signer::payloadHash(unsignedView));
    QCOMPARE(creq, expectedCreq);
    const QByteArray sts = SigV4Signer::stringToSign(
        amzDate, SigV4Signer::credentialScope(amzDate.left(8), suiteRegion, suiteService), creq);
    QCOMPARE(sts, expectedSts);
    QCOMPARE(authorization, expectedAuthz);
    // The emulator's path: the same value from a request whose headers are already in place.
    QCOMPARE(signer.authorization(unsignedView, signedHeaders, suiteAccessKey, suiteSecretKey, suiteRegion,
                                  suiteService),
             expectedAuthz);

    // The signed request: same request line and body, and exactly the headers of the .sreq, in order.
    // Its Authorization line is compared with the .authz above: the published .sreq of
    // get-vanilla-with-session-token carries a signature that matches neither its .authz nor its .creq.
    QCOMPARE(raw.method + ' ' + raw.target + ' ' + raw.version,
             expectedSigned.method + ' ' + expectedSigned.target + ' ' + expectedSigned.version);
    QCOMPARE(request.body, expectedSigned.body);
    Headers ours = request.headers;
    Headers theirs = expectedSigned.headers;
    ours.removeIf([](const auto &h) { return h.first.compare("authorization", Qt::CaseInsensitive) == 0; });
    theirs.removeIf([](const auto &h) { return h.first.compare("authorization", Qt::CaseInsensitive) == 0; });
    QCOMPARE(ours, theirs);
}

void TestSigV4Signer::uriEncode_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("keepSlash");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("unreserved") << QByteArray("AZaz09-._~") << false << QByteArray("AZaz09-._~");
    QTest::newRow("plus") << QByteArray("a+b") << false << QByteArray("a%2Bb");
    QTest::newRow("slash") << QByteArray("a/b") << false << QByteArray("a%2Fb");
    QTest::newRow("slash kept") << QByteArray("/a/b/") << true << QByteArray("/a/b/");
    QTest::newRow("equals") << QByteArray("a=b") << false << QByteArray("a%3Db");
    QTest::newRow("percent") << QByteArray("100%") << false << QByteArray("100%25");
    QTest::newRow("encoded percent again") << QByteArray("%2F") << true << QByteArray("%252F");
    QTest::newRow("space") << QByteArray("a b") << false << QByteArray("a%20b");
    QTest::newRow("reserved") << QByteArray("!#$&'()*,:;?@[]") << false
                              << QByteArray("%21%23%24%26%27%28%29%2A%2C%3A%3B%3F%40%5B%5D");
    QTest::newRow("unicode 3 bytes") << u"\u1234"_s.toUtf8() << false << QByteArray("%E1%88%B4");
    QTest::newRow("unicode 4 bytes") << u"\U0001F600"_s.toUtf8() << false << QByteArray("%F0%9F%98%80");
    QTest::newRow("latin") << u"ä"_s.toUtf8() << false << QByteArray("%C3%A4");
    QTest::newRow("control and high bytes")
        << QByteArray("\x00\x7f\xff", 3) << false << QByteArray("%00%7F%FF");
    QTest::newRow("empty") << QByteArray() << false << QByteArray();
}

void TestSigV4Signer::uriEncode()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, keepSlash);
    QFETCH(QByteArray, expected);
    QCOMPARE(SigV4Signer::uriEncode(input, keepSlash), expected);
}

void TestSigV4Signer::canonicalUri_data()
{
    QTest::addColumn<QByteArray>("encodedPath");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("root") << QByteArray("/") << QByteArray("/");
    QTest::newRow("empty") << QByteArray() << QByteArray("/");
    QTest::newRow("encoded again") << QByteArray("/portals/a%2Fb/x%20y")
                                   << QByteArray("/portals/a%252Fb/x%2520y");
    QTest::newRow("dot segments") << QByteArray("/a/./b/../c") << QByteArray("/a/c");
    QTest::newRow("dot dot above root") << QByteArray("/../../a") << QByteArray("/a");
    QTest::newRow("empty segments") << QByteArray("//a///b") << QByteArray("/a/b");
    QTest::newRow("trailing slash kept") << QByteArray("/a/b/") << QByteArray("/a/b/");
    QTest::newRow("only dots") << QByteArray("/a/..") << QByteArray("/");
    QTest::newRow("encoded dot is no dot") << QByteArray("/a/%2E%2E") << QByteArray("/a/%252E%252E");
    QTest::newRow("tilde") << QByteArray("/~user") << QByteArray("/~user");
}

void TestSigV4Signer::canonicalUri()
{
    QFETCH(QByteArray, encodedPath);
    QFETCH(QByteArray, expected);
    QCOMPARE(SigV4Signer::canonicalUri(encodedPath), expected);
}

void TestSigV4Signer::canonicalQueryString_data()
{
    QTest::addColumn<QueryItems>("query");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("none") << QueryItems{} << QByteArray();
    QTest::newRow("next token") << QueryItems{{u"nextToken"_s, u"a+b/c=d e%f"_s}, {u"maxResults"_s, u"10"_s}}
                                << QByteArray("maxResults=10&nextToken=a%2Bb%2Fc%3Dd%20e%25f");
    QTest::newRow("reserved key") << QueryItems{{u"a&b=c"_s, u"v"_s}} << QByteArray("a%26b%3Dc=v");
    QTest::newRow("empty value") << QueryItems{{u"k"_s, QString()}, {u"j"_s, u""_s}} << QByteArray("j=&k=");
    QTest::newRow("repeated key by value")
        << QueryItems{{u"k"_s, u"b"_s}, {u"k"_s, u"B"_s}, {u"k"_s, u"a"_s}} << QByteArray("k=B&k=a&k=b");
    QTest::newRow("case sorts upper first")
        << QueryItems{{u"b"_s, u"1"_s}, {u"B"_s, u"2"_s}} << QByteArray("B=2&b=1");
    // Sorted by the encoded bytes: "%C3%A4" ('%' = 0x25) comes before "~" although 'ä' > '~'.
    QTest::newRow("sorted encoded") << QueryItems{{u"~"_s, u"1"_s}, {u"ä"_s, u"2"_s}}
                                    << QByteArray("%C3%A4=2&~=1");
    QTest::newRow("unicode") << QueryItems{{u"\u1234"_s, u"\U0001F600"_s}}
                             << QByteArray("%E1%88%B4=%F0%9F%98%80");
    QTest::newRow("space is %20 not +") << QueryItems{{u"q"_s, u"a b+c"_s}} << QByteArray("q=a%20b%2Bc");
}

void TestSigV4Signer::canonicalQueryString()
{
    QFETCH(QueryItems, query);
    QFETCH(QByteArray, expected);
    QCOMPARE(SigV4Signer::canonicalQueryString(query), expected);
}

void TestSigV4Signer::canonicalHeaderValues_data()
{
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<QByteArray>("expectedLine");

    QTest::newRow("trim and collapse") << Headers{{"X-A", "  a   b\t\tc  "}} << QByteArray("x-a:a b c");
    QTest::newRow("folded") << Headers{{"X-A", "a\r\n  b\n\tc"}} << QByteArray("x-a:a b c");
    QTest::newRow("all whitespace") << Headers{{"X-A", " \t "}} << QByteArray("x-a:");
    QTest::newRow("empty") << Headers{{"X-A", ""}} << QByteArray("x-a:");
    QTest::newRow("duplicates in order, each trimmed")
        << Headers{{"X-A", " z "}, {"x-a", "a  b"}, {"X-a", ""}} << QByteArray("x-a:z,a b,");
    QTest::newRow("quotes kept") << Headers{{"X-A", "\"a   b\""}} << QByteArray("x-a:\"a b\"");
    // Python's str.split() also splits on the ASCII separators 0x1c-0x1f and on Unicode spaces.
    QTest::newRow("ascii separators") << Headers{{"X-A", "a\x1c\x1d"
                                                         "b\x1f"}}
                                      << QByteArray("x-a:a b");
    QTest::newRow("unicode spaces") << Headers{{"X-A", u"\u00a0a\u3000b\u2028c\u00a0"_s.toUtf8()}}
                                    << QByteArray("x-a:a b c");
    QTest::newRow("unicode kept") << Headers{{"X-A", u"ä  ö"_s.toUtf8()}} << u"x-a:ä ö"_s.toUtf8();
    QTest::newRow("not utf-8: bytes as they are") << Headers{{"X-A", QByteArray("\xa0"
                                                                                "a  \xff",
                                                                                5)}}
                                                  << QByteArray("x-a:\xa0"
                                                                "a \xff",
                                                                8);
}

void TestSigV4Signer::canonicalHeaderValues()
{
    QFETCH(Headers, headers);
    QFETCH(QByteArray, expectedLine);

    AwsRequest request;
    request.headers = headers;
    const QList<QByteArray> names = SigV4Signer::headersToSign(request);
    QCOMPARE(names, QList<QByteArray>{"x-a"});
    const QList<QByteArray> lines = SigV4Signer::canonicalRequest(request, names, "hash").split('\n');
    QCOMPARE(lines.value(3), expectedLine);
}

void TestSigV4Signer::headersToSignSkipsHopByHopHeaders()
{
    AwsRequest request;
    for (const char *name :
         {"Authorization", "Connection", "Expect", "Keep-Alive", "Proxy-Authenticate", "Proxy-Authorization",
          "TE", "Trailer", "Transfer-Encoding", "Upgrade", "User-Agent", "X-Amzn-Trace-Id"})
        request.headers.emplaceBack(name, "x");
    request.headers.emplaceBack("X-Amz-Date", "20150830T123600Z");
    request.headers.emplaceBack("instance-id", "i");
    request.headers.emplaceBack("Host", "h");
    request.headers.emplaceBack("INSTANCE-ID", "j");
    request.headers.emplaceBack("Content-Type", "application/json");
    QCOMPARE(SigV4Signer::headersToSign(request),
             (QList<QByteArray>{"content-type", "host", "instance-id", "x-amz-date"}));
}

void TestSigV4Signer::payloadHashHonoursDeclaredHash()
{
    AwsRequest request;
    QCOMPARE(SigV4Signer::payloadHash(request),
             QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    request.body = "Param1=value1";
    QCOMPARE(SigV4Signer::payloadHash(request),
             QByteArray("9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e"));
    request.setHeader("X-Amz-Content-SHA256", "UNSIGNED-PAYLOAD");
    QCOMPARE(SigV4Signer::payloadHash(request), QByteArray("UNSIGNED-PAYLOAD"));
}

void TestSigV4Signer::requestTimestamp_data()
{
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("x-amz-date") << Headers{{"X-Amz-Date", "20150830T123600Z"}}
                                << QByteArray("20150830T123600Z");
    QTest::newRow("x-amz-date wins") << Headers{{"Date", "Mon, 31 Aug 2015 00:00:00 GMT"},
                                                {"x-amz-date", "20150830T123600Z"}}
                                     << QByteArray("20150830T123600Z");
    QTest::newRow("malformed x-amz-date") << Headers{{"X-Amz-Date", "2015-08-30T12:36:00Z"}} << QByteArray();
    QTest::newRow("impossible x-amz-date") << Headers{{"X-Amz-Date", "20150231T123600Z"}} << QByteArray();
    QTest::newRow("http date") << Headers{{"Date", "Sun, 30 Aug 2015 12:36:00 GMT"}}
                               << QByteArray("20150830T123600Z");
    QTest::newRow("botocore date") << Headers{{"Date", "Sun, 30 Aug 2015 12:36:00 -0000"}}
                                   << QByteArray("20150830T123600Z");
    QTest::newRow("offset date") << Headers{{"Date", "Sun, 30 Aug 2015 14:36:00 +0200"}}
                                 << QByteArray("20150830T123600Z");
    QTest::newRow("garbage date") << Headers{{"Date", "yesterday"}} << QByteArray();
    QTest::newRow("none") << Headers{} << QByteArray();
}

void TestSigV4Signer::requestTimestamp()
{
    QFETCH(Headers, headers);
    QFETCH(QByteArray, expected);
    AwsRequest request;
    request.headers = headers;
    QCOMPARE(SigV4Signer::requestTimestamp(request), expected);
}

void TestSigV4Signer::signSetsDateHeadersLikeBotocore()
{
    const SigV4Signer signer;
    const AwsCredentials credentials{suiteAccessKey, suiteSecretKey, {}, {}, {}};
    const QDateTime now = QDateTime(QDate(2015, 8, 30), QTime(14, 36, 0, 987), QTimeZone(7200));

    AwsRequest plain;
    plain.endpoint = QUrl(u"https://example.amazonaws.com"_s);
    signer.sign(plain, credentials, suiteRegion, suiteService, now);
    QCOMPARE(plain.header("x-amz-date"), QByteArray("20150830T123600Z"));
    QVERIFY(plain.header("date").isNull());
    QCOMPARE(plain.header("host"), QByteArray("example.amazonaws.com"));

    AwsRequest dated = plain;
    dated.setHeader("Date", "Thu, 01 Jan 2015 00:00:00 GMT");
    signer.sign(dated, credentials, suiteRegion, suiteService, now);
    QCOMPARE(dated.header("date"), QByteArray("Sun, 30 Aug 2015 12:36:00 -0000"));
    QVERIFY(dated.header("x-amz-date").isNull());
    const QByteArray authorization = dated.header("authorization");
    QVERIFY(authorization.contains("Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request,"));
    QVERIFY(authorization.contains("SignedHeaders=date;host,"));
    // The emulator verifies it from the Date header alone.
    AwsRequest received = dated;
    received.removeHeader("authorization");
    QCOMPARE(signer.authorization(received, {"date", "host"}, suiteAccessKey, suiteSecretKey, suiteRegion,
                                  suiteService),
             authorization);
}

void TestSigV4Signer::signReplacesStaleHeaders()
{
    const SigV4Signer signer;
    AwsRequest request;
    request.endpoint = QUrl(u"https://example.amazonaws.com"_s);
    request.headers = {{"authorization", "old"},
                       {"x-amz-date", "19990101T000000Z"},
                       {"X-Amz-Security-Token", "old-token"},
                       {"Content-Type", "application/json"}};
    const QDateTime now(QDate(2015, 8, 30), QTime(12, 36), QTimeZone::utc());
    signer.sign(request, {suiteAccessKey, suiteSecretKey, u"new-token"_s, {}, {}}, suiteRegion, suiteService,
                now);
    QCOMPARE(request.headers.size(), 5);
    QCOMPARE(request.header("x-amz-date"), QByteArray("20150830T123600Z"));
    QCOMPARE(request.header("x-amz-security-token"), QByteArray("new-token"));
    QVERIFY(request.header("authorization").startsWith("AWS4-HMAC-SHA256 Credential="));
    QVERIFY(request.header("authorization")
                .contains("SignedHeaders=content-type;host;x-amz-date;x-amz-security-token,"));

    // Signing again with long-term credentials leaves no token behind.
    signer.sign(request, {suiteAccessKey, suiteSecretKey, {}, {}, {}}, suiteRegion, suiteService, now);
    QVERIFY(request.header("x-amz-security-token").isNull());
    QVERIFY(request.header("authorization").contains("SignedHeaders=content-type;host;x-amz-date,"));
    QCOMPARE(request.headers.size(), 4);
}

void TestSigV4Signer::signingKeyMatchesPublishedExample()
{
    // The example of "Deriving a signing key" in the AWS documentation.
    const SigV4Signer signer;
    QCOMPARE(signer.signingKey(suiteSecretKey, "20150830", suiteRegion, u"iam"_s).toHex(),
             QByteArray("c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9"));
}

void TestSigV4Signer::signingKeyCacheKeepsScopesApart()
{
    const SigV4Signer signer;
    struct Scope
    {
        QString secret;
        QByteArray date;
        QString region;
        QString service;
    };
    QList<Scope> scopes = {
        {suiteSecretKey, "20150830", u"us-east-1"_s, u"service"_s},
        {suiteSecretKey, "20150831", u"us-east-1"_s, u"service"_s},
        {suiteSecretKey, "20150830", u"eu-west-1"_s, u"service"_s},
        {suiteSecretKey, "20150830", u"us-east-1"_s, u"qapps"_s},
        {u"another-secret"_s, "20150830", u"us-east-1"_s, u"service"_s},
        // The same "scope string" when joined with '/': must still be different keys.
        {suiteSecretKey, "20150830", u"a/b"_s, u"c"_s},
        {suiteSecretKey, "20150830", u"a"_s, u"b/c"_s},
    };
    // More scopes than the cache holds, so entries are evicted and derived again.
    for (int i = 0; i < 100; ++i)
        scopes.append({suiteSecretKey, "20150830", u"region-%1"_s.arg(i), u"workspaces-web"_s});

    QSet<QByteArray> seen;
    for (int round = 0; round < 3; ++round) {
        for (const Scope &scope : std::as_const(scopes)) {
            const QByteArray key = signer.signingKey(scope.secret, scope.date, scope.region, scope.service);
            QCOMPARE(key, deriveKeyDirectly(scope.secret.toUtf8(), scope.date, scope.region.toUtf8(),
                                            scope.service.toUtf8()));
            if (round == 0)
                seen.insert(key);
        }
    }
    QCOMPARE(seen.size(), scopes.size());
}

void TestSigV4Signer::signingKeyIsThreadSafe()
{
    const SigV4Signer signer;
    std::atomic<int> wrong = 0;
    QList<QThread *> threads;
    for (int t = 0; t < 4; ++t) {
        threads.append(QThread::create([&signer, &wrong, t] {
            for (int i = 0; i < 500; ++i) {
                const QString region = u"r%1"_s.arg((i * 7 + t) % 90);
                if (signer.signingKey(suiteSecretKey, "20240101", region, u"s"_s) !=
                    deriveKeyDirectly(suiteSecretKey.toUtf8(), "20240101", region.toUtf8(), "s"))
                    ++wrong;
            }
        }));
        threads.last()->start();
    }
    for (QThread *thread : std::as_const(threads)) {
        QVERIFY(thread->wait(QDeadlineTimer(120'000)));
        delete thread;
    }
    QCOMPARE(wrong.load(), 0);
}

QTEST_GUILESS_MAIN(TestSigV4Signer)
#include "tst_sigv4signer.moc"
