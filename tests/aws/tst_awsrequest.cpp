// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/signing/SigV4Signer.h"
#include "aws/transport/AwsRequest.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace Qt::StringLiterals;

using QueryItems = QList<QPair<QString, QString>>;
using Headers = QList<QPair<QByteArray, QByteArray>>;

namespace {

// A one-request HTTP server on 127.0.0.1 that keeps the bytes it received.
class CapturingServer : public QObject
{
    Q_OBJECT

public:
    CapturingServer() { connect(&m_server, &QTcpServer::newConnection, this, &CapturingServer::accept); }
    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }

    QByteArray requestLine; ///< without the line end
    Headers headers;        ///< values trimmed, as a server sees them
    QByteArray body;

Q_SIGNALS:
    void requestReceived();

private:
    void accept()
    {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    }

    void read(QTcpSocket *socket)
    {
        m_buffer += socket->readAll();
        const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        const QList<QByteArray> lines = m_buffer.left(headEnd).split('\n');
        Headers received;
        qsizetype contentLength = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).chopped(lines.at(i).endsWith('\r') ? 1 : 0);
            const qsizetype colon = line.indexOf(':');
            received.append({line.left(colon), line.mid(colon + 1).trimmed()});
            if (line.left(colon).compare("content-length", Qt::CaseInsensitive) == 0)
                contentLength = line.mid(colon + 1).trimmed().toLongLong();
        }
        if (m_buffer.size() < headEnd + 4 + contentLength)
            return;
        requestLine = lines.at(0).chopped(lines.at(0).endsWith('\r') ? 1 : 0);
        headers = received;
        body = m_buffer.mid(headEnd + 4, contentLength);
        m_buffer.clear();
        socket->write("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        socket->disconnectFromHost();
        Q_EMIT requestReceived();
    }

    QTcpServer m_server;
    QByteArray m_buffer;
};

AwsRequest buildRequest(const QUrl &endpoint, const QStringList &segments, const QueryItems &query)
{
    AwsRequest request;
    request.endpoint = endpoint;
    for (const QString &segment : segments)
        request.appendPathSegment(segment);
    request.query = query;
    return request;
}

} // namespace

class TestAwsRequest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void urlArrivesVerbatim_data();
    void urlArrivesVerbatim();
    void url_data();
    void url();
    void hostHeader_data();
    void hostHeader();
    void appendPathSegment_data();
    void appendPathSegment();
    void headerHelpers();
};

void TestAwsRequest::urlArrivesVerbatim_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QStringList>("segments");
    QTest::addColumn<QueryItems>("query");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("expectedTarget"); ///< path and query as signed
    QTest::addColumn<QByteArray>("expectedWire");   ///< the request-target that arrives
    const auto row = [](const char *name, const QByteArray &method, const QStringList &segments,
                        const QueryItems &query, const QByteArray &body, const QByteArray &target,
                        const QByteArray &wire = {}) {
        QTest::newRow(name) << method << segments << query << body << target
                            << (wire.isNull() ? target : wire);
    };

    row("next token", "GET", {u"portals"_s, u"a1b2c3d4-0000-1111-2222-333344445555"_s, u"sessions"_s},
        {{u"nextToken"_s, u"a+b/c=d e%f"_s}, {u"maxResults"_s, u"50"_s}}, {},
        "/portals/a1b2c3d4-0000-1111-2222-333344445555/"
        "sessions?maxResults=50&nextToken=a%2Bb%2Fc%3Dd%20e%25f");
    row("every special in the query", "GET", {},
        {{u"k"_s, u"+"_s},
         {u"k"_s, u"/"_s},
         {u"k"_s, u"="_s},
         {u"k"_s, u"%"_s},
         {u"k"_s, u" "_s},
         {u"k"_s, u"&"_s},
         {u"k"_s, u"#"_s},
         {u"k"_s, u"?"_s},
         {u"k"_s, u"ä"_s},
         {u"k"_s, u"\U0001F600"_s},
         {u"k"_s, u"%2B"_s}},
        {}, "/?k=%20&k=%23&k=%25&k=%252B&k=%26&k=%2B&k=%2F&k=%3D&k=%3F&k=%C3%A4&k=%F0%9F%98%80");
    row("reserved and unicode path segments", "DELETE",
        {u"a/b"_s, u"c d"_s, u"100%"_s, u"x+y=z"_s, u"ä"_s, u"\u1234"_s, u"[q]'\"<>{}|\\^`"_s}, {}, {},
        "/a%2Fb/c%20d/100%25/x%2By%3Dz/%C3%A4/%E1%88%B4/%5Bq%5D%27%22%3C%3E%7B%7D%7C%5C%5E%60");
    // Qt removes dot segments from the path it sends; the canonical URI removes them too, so the
    // signature holds.
    row("dot segments normalised by Qt and by the signer", "GET", {u"a"_s, u".."_s, u"."_s, u"b"_s}, {}, {},
        "/a/.././b", "/b");
    row("empty keys and values", "GET", {u"x"_s}, {{u"a"_s, QString()}, {QString(), u"b"_s}}, {}, "/x?=b&a=");
    row("post with body", "POST", {u"runtime.updateQAppSessionMetadata"_s}, {},
        R"({"sessionId":"5a2f…","sessionName":"a b"})", "/runtime.updateQAppSessionMetadata");
}

void TestAwsRequest::urlArrivesVerbatim()
{
    QFETCH(QByteArray, method);
    QFETCH(QStringList, segments);
    QFETCH(QueryItems, query);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, expectedTarget);
    QFETCH(QByteArray, expectedWire);

    CapturingServer server;
    QVERIFY(server.listen());
    QSignalSpy received(&server, &CapturingServer::requestReceived);

    AwsRequest request = buildRequest(QUrl(u"http://127.0.0.1:%1"_s.arg(server.port())), segments, query);
    request.method = method;
    request.body = body;
    request.setHeader("Content-Type", "application/json");
    const SigV4Signer signer;
    const AwsCredentials credentials{
        u"AKIDEXAMPLE"_s, u"wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"_s, u"token/with+and="_s, {}, {}};
    signer.sign(request, credentials, u"us-east-1"_s, u"workspaces-web"_s,
                QDateTime(QDate(2026, 2, 3), QTime(4, 5, 6), QTimeZone::utc()));

    // What we sign: the wire path and the canonical query; the URL carries exactly that.
    QCOMPARE(request.encodedPath +
                 (query.isEmpty() ? QByteArray() : '?' + SigV4Signer::canonicalQueryString(query)),
             expectedTarget);

    QNetworkAccessManager manager;
    manager.setProxy(QNetworkProxy::NoProxy);
    QNetworkRequest networkRequest(request.url());
    for (const auto &[name, value] : std::as_const(request.headers))
        networkRequest.setRawHeader(name, value);
    std::unique_ptr<QNetworkReply> reply(
        manager.sendCustomRequest(networkRequest, request.method, request.body));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(received.wait());
    QVERIFY(finished.count() == 1 || finished.wait());
    QCOMPARE(reply->error(), QNetworkReply::NoError);

    QCOMPARE(server.requestLine, method + ' ' + expectedWire + " HTTP/1.1");
    QCOMPARE(server.body, body);

    // The server's view: rebuild the request from the bytes that arrived and verify the signature.
    AwsRequest arrived;
    arrived.method = server.requestLine.split(' ').value(0);
    const QByteArray target = server.requestLine.split(' ').value(1);
    const qsizetype question = target.indexOf('?');
    arrived.encodedPath = question < 0 ? target : target.left(question);
    if (question >= 0) {
        const QList<QByteArray> pairs = target.mid(question + 1).split('&');
        for (const QByteArray &pair : pairs) {
            const qsizetype equals = pair.indexOf('=');
            arrived.addQueryItem(QString::fromUtf8(QByteArray::fromPercentEncoding(pair.left(equals))),
                                 QString::fromUtf8(QByteArray::fromPercentEncoding(pair.mid(equals + 1))));
        }
    }
    arrived.headers = server.headers;
    arrived.body = server.body;
    QCOMPARE(arrived.header("host"), request.hostHeader());
    QCOMPARE(arrived.query.size(), query.size());
    const QByteArray authorization = arrived.header("authorization");
    const QByteArray signedHeaderList =
        authorization.mid(authorization.indexOf("SignedHeaders=") + 14).split(',')[0];
    QCOMPARE(signedHeaderList, QByteArray("content-type;host;x-amz-date;x-amz-security-token"));
    arrived.removeHeader("authorization");
    QCOMPARE(signer.authorization(arrived, signedHeaderList.split(';'), credentials.accessKeyId,
                                  credentials.secretAccessKey, u"us-east-1"_s, u"workspaces-web"_s),
             authorization);
}

void TestAwsRequest::url_data()
{
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QStringList>("segments");
    QTest::addColumn<QueryItems>("query");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("no query") << u"https://workspaces-web.us-east-1.amazonaws.com"_s
                              << QStringList{u"portals"_s} << QueryItems{}
                              << QByteArray("https://workspaces-web.us-east-1.amazonaws.com/portals");
    QTest::newRow("root") << u"https://example.com"_s << QStringList{} << QueryItems{}
                          << QByteArray("https://example.com/");
    QTest::newRow("sorted encoded query")
        << u"https://example.com"_s << QStringList{u"a b"_s}
        << QueryItems{{u"z"_s, u"1"_s}, {u"nextToken"_s, u"a+b/c=d e%f"_s}, {u"a"_s, u"ä"_s}}
        << QByteArray("https://example.com/a%20b?a=%C3%A4&nextToken=a%2Bb%2Fc%3Dd%20e%25f&z=1");
    QTest::newRow("endpoint path and query ignored")
        << u"https://example.com/base?x=1#frag"_s << QStringList{u"p"_s} << QueryItems{}
        << QByteArray("https://example.com/p");
    QTest::newRow("non-default port") << u"http://127.0.0.1:8080"_s << QStringList{u"x"_s} << QueryItems{}
                                      << QByteArray("http://127.0.0.1:8080/x");
    QTest::newRow("default port dropped") << u"https://example.com:443"_s << QStringList{u"x"_s}
                                          << QueryItems{} << QByteArray("https://example.com/x");
    QTest::newRow("ipv6") << u"https://[::1]:8443"_s << QStringList{u"x"_s} << QueryItems{{u"k"_s, u"v"_s}}
                          << QByteArray("https://[::1]:8443/x?k=v");
    QTest::newRow("upper-case host") << u"https://Data.QApps.US-EAST-1.amazonaws.com"_s
                                     << QStringList{u"runtime.getQAppSessionMetadata"_s}
                                     << QueryItems{{u"sessionId"_s, u"x"_s}}
                                     << QByteArray("https://data.qapps.us-east-1.amazonaws.com/"
                                                   "runtime.getQAppSessionMetadata?sessionId=x");
}

void TestAwsRequest::url()
{
    QFETCH(QString, endpoint);
    QFETCH(QStringList, segments);
    QFETCH(QueryItems, query);
    QFETCH(QByteArray, expected);

    const AwsRequest request = buildRequest(QUrl(endpoint), segments, query);
    const QUrl url = request.url();
    QVERIFY(url.isValid());
    QCOMPARE(url.toEncoded(), expected);
}

void TestAwsRequest::hostHeader_data()
{
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("https") << u"https://workspaces-web.us-east-1.amazonaws.com"_s
                           << QByteArray("workspaces-web.us-east-1.amazonaws.com");
    QTest::newRow("https default port") << u"https://example.com:443"_s << QByteArray("example.com");
    QTest::newRow("https other port") << u"https://example.com:8443"_s << QByteArray("example.com:8443");
    QTest::newRow("https port 80") << u"https://example.com:80"_s << QByteArray("example.com:80");
    QTest::newRow("http default port") << u"http://example.com:80"_s << QByteArray("example.com");
    QTest::newRow("http port 443") << u"http://example.com:443"_s << QByteArray("example.com:443");
    QTest::newRow("loopback") << u"http://127.0.0.1:8080"_s << QByteArray("127.0.0.1:8080");
    QTest::newRow("upper case") << u"HTTPS://EXAMPLE.com"_s << QByteArray("example.com");
    QTest::newRow("ipv6") << u"https://[::1]"_s << QByteArray("[::1]");
    QTest::newRow("ipv6 port") << u"http://[::1]:8080"_s << QByteArray("[::1]:8080");
    QTest::newRow("ipv6 default port") << u"http://[2001:db8::7]:80"_s << QByteArray("[2001:db8::7]");
    QTest::newRow("idn") << u"https://bücher.example"_s << QByteArray("xn--bcher-kva.example");
    QTest::newRow("other scheme keeps port 80") << u"ws://example.com:80"_s << QByteArray("example.com:80");
}

void TestAwsRequest::hostHeader()
{
    QFETCH(QString, endpoint);
    QFETCH(QByteArray, expected);
    AwsRequest request;
    request.endpoint = QUrl(endpoint);
    QVERIFY(request.endpoint.isValid());
    QCOMPARE(request.hostHeader(), expected);
}

void TestAwsRequest::appendPathSegment_data()
{
    QTest::addColumn<QStringList>("segments");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("none") << QStringList{} << QByteArray("/");
    QTest::newRow("plain") << QStringList{u"portals"_s, u"p-1"_s} << QByteArray("/portals/p-1");
    QTest::newRow("slash inside a segment") << QStringList{u"a/b"_s} << QByteArray("/a%2Fb");
    QTest::newRow("reserved") << QStringList{u"?#[]@!$&'()*+,;=:"_s}
                              << QByteArray("/%3F%23%5B%5D%40%21%24%26%27%28%29%2A%2B%2C%3B%3D%3A");
    QTest::newRow("percent and space") << QStringList{u"50% off"_s} << QByteArray("/50%25%20off");
    QTest::newRow("unicode") << QStringList{u"日本"_s, u"\U0001F600"_s}
                             << QByteArray("/%E6%97%A5%E6%9C%AC/%F0%9F%98%80");
    QTest::newRow("unreserved kept") << QStringList{u"A-z_0.9~"_s} << QByteArray("/A-z_0.9~");
    QTest::newRow("trailing empty segment") << QStringList{u"a"_s, QString()} << QByteArray("/a/");
}

void TestAwsRequest::appendPathSegment()
{
    QFETCH(QStringList, segments);
    QFETCH(QByteArray, expected);
    AwsRequest request;
    for (const QString &segment : segments)
        request.appendPathSegment(segment);
    QCOMPARE(request.encodedPath, expected);
}

void TestAwsRequest::headerHelpers()
{
    AwsRequest request;
    QVERIFY(request.header("x-a").isNull());

    request.headers = {{"Host", "h"}, {"X-A", "1"}, {"Accept", "*/*"}, {"x-a", "2"}, {"X-Empty", ""}};
    QCOMPARE(request.header("X-A"), QByteArray("1"));
    QCOMPARE(request.header("x-a"), QByteArray("1"));
    // Present but empty is not absent.
    QVERIFY(!request.header("x-empty").isNull());
    QVERIFY(request.header("x-empty").isEmpty());

    // Replaced in the place of the first, repeats dropped, the new spelling kept.
    request.setHeader("x-A", "3");
    QCOMPARE(request.headers, (Headers{{"Host", "h"}, {"x-A", "3"}, {"Accept", "*/*"}, {"X-Empty", ""}}));
    request.setHeader("New", "n");
    QCOMPARE(request.headers.last(), (QPair<QByteArray, QByteArray>{"New", "n"}));

    request.headers.emplaceBack("ACCEPT", "text/plain");
    request.removeHeader("accept");
    QCOMPARE(request.headers, (Headers{{"Host", "h"}, {"x-A", "3"}, {"X-Empty", ""}, {"New", "n"}}));
    request.removeHeader("missing");
    QCOMPARE(request.headers.size(), 4);

    // A header set with a null value is still there.
    request.setHeader("X-Null", QByteArray());
    QVERIFY(!request.header("x-null").isNull());
}

QTEST_GUILESS_MAIN(TestAwsRequest)
#include "tst_awsrequest.moc"
