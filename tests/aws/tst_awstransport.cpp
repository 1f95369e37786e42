// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CountingNetworkAccessManager.h"
#include "ScriptedHttpServer.h"
#include "aws/credentials/StaticCredentialsProvider.h"
#include "aws/transport/AwsTransport.h"

#include <QLocale>
#include <QLoggingCategory>
#include <QPointer>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTest>
#include <QTimer>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

using Answer = ScriptedHttpServer::Answer;
using Headers = ScriptedHttpServer::Headers;

namespace {

const QString secretKey = u"tst/Secret+Key/ExampleOnly0123456789abcd"_s;
const QString action = u"workspaces-web:ListPortals"_s;

AwsCredentials testCredentials(const QString &token = QString())
{
    AwsCredentials credentials;
    credentials.accessKeyId = u"AKIDTRANSPORTTEST"_s;
    credentials.secretAccessKey = secretKey;
    credentials.sessionToken = token;
    credentials.source = u"test"_s;
    return credentials;
}

QDateTime fixedNow()
{
    return QDateTime(QDate(2026, 3, 14), QTime(9, 26, 53), Qt::UTC);
}

QByteArray httpDate(const QDateTime &time)
{
    return QLocale::c().toString(time.toUTC(), u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s).toLatin1();
}

QByteArray amzDate(const QDateTime &time)
{
    return time.toUTC().toString(u"yyyyMMdd'T'HHmmss'Z'"_s).toLatin1();
}

// Hands out a new session token after every invalidate(), like a provider that re-reads a refreshed file.
class RotatingCredentialsProvider : public CredentialsProvider
{
public:
    void fetch(QObject *context, Callback callback) override
    {
        Q_UNUSED(context)
        ++fetches;
        callback(testCredentials(u"token-%1"_s.arg(generation)));
    }
    void invalidate() override
    {
        ++invalidations;
        ++generation;
    }
    QString description() const override { return u"rotating"_s; }

    int fetches = 0;
    int invalidations = 0;
    int generation = 1;
};

} // namespace

class TestAwsTransport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void sendsSignedRequest();
    void neverCallsBackSynchronously();
    void retriesThenSucceeds_data();
    void retriesThenSucceeds();
    void exhaustedAttemptsKeepRequestId();
    void doesNotRetryClientErrors_data();
    void doesNotRetryClientErrors();
    void retriesConnectionClosedMidBody();
    void shortBodyWithoutErrorIsRetried();
    void announcedLengthIfShort_data();
    void announcedLengthIfShort();
    void failsAfterRepeatedResets();
    void readTimeout();
    void connectTimeout();
    void slowAnswerIsNotAConnectTimeout();
    void correctsClockSkew_data();
    void correctsClockSkew();
    void clockSkewRetriedOnlyOnce();
    void skewErrorWithoutDateIsNotRetried();
    void refreshesExpiredCredentialsOnce();
    void cancelWhileWaitingForAnswer();
    void cancelDuringBackoff();
    void cancelBeforeStart();
    void destroyedContextDropsCallback();
    void destroyedTransportDropsCallback();
    void retryQuotaStopsRetries();
    void rejectsBadConfiguration_data();
    void rejectsBadConfiguration();
    void credentialErrorsAreDelivered();
    void neverLogsSecrets();
    void appendsTheAppIdToTheUserAgent();
    void adaptiveModeWaitsForTokensOnceThrottled();
    void standardModeNeverWaitsForTokens();

private:
    AwsRequest request(const QByteArray &path = "/portals") const;
    CallHandle send(const AwsRequest &request, QObject *context = nullptr);
    void useRotatingCredentials();

    std::unique_ptr<ScriptedHttpServer> m_server;
    std::unique_ptr<CountingNetworkAccessManager> m_network;
    std::unique_ptr<StaticCredentialsProvider> m_staticCredentials;
    std::unique_ptr<RotatingCredentialsProvider> m_rotating;
    std::unique_ptr<AwsTransport> m_transport;
    std::unique_ptr<QSignalSpy> m_retrying;
    std::optional<AwsResult<AwsResponse>> m_result;
    int m_callbacks = 0;
    QList<int> m_scheduledDelays;
};

void TestAwsTransport::init()
{
    m_server = std::make_unique<ScriptedHttpServer>();
    QVERIFY(m_server->listen());
    m_network = std::make_unique<CountingNetworkAccessManager>();
    m_staticCredentials = std::make_unique<StaticCredentialsProvider>(testCredentials());
    m_rotating.reset();
    m_transport = std::make_unique<AwsTransport>(m_network.get(), m_staticCredentials.get());
    m_transport->setClock(fixedNow);
    m_transport->setRandomSource([] { return 0.5; });
    // Fake time: remember the delay the transport asked for, then go on at once.
    m_scheduledDelays.clear();
    m_transport->setScheduler([this](int delayMs, QObject *context, std::function<void()> task) {
        m_scheduledDelays.append(delayMs);
        QTimer::singleShot(0, context, std::move(task));
    });
    m_retrying = std::make_unique<QSignalSpy>(m_transport.get(), &AwsTransport::retrying);
    m_result.reset();
    m_callbacks = 0;
}

void TestAwsTransport::cleanup()
{
    m_retrying.reset();
    m_transport.reset();
    m_network.reset();
    m_server.reset();
}

AwsRequest TestAwsTransport::request(const QByteArray &path) const
{
    AwsRequest r;
    r.endpoint = m_server->url();
    r.encodedPath = path;
    return r;
}

CallHandle TestAwsTransport::send(const AwsRequest &request, QObject *context)
{
    return m_transport->send(request, u"workspaces-web"_s, u"eu-west-1"_s, action, context,
                             [this](const AwsResult<AwsResponse> &result) {
                                 ++m_callbacks;
                                 m_result = result;
                             });
}

void TestAwsTransport::useRotatingCredentials()
{
    m_rotating = std::make_unique<RotatingCredentialsProvider>();
    m_transport->setCredentialsProvider(m_rotating.get());
}

void TestAwsTransport::sendsSignedRequest()
{
    m_server->enqueue(Answer::json(200, R"({"portals":[]})", {{"x-amzn-RequestId", "ok-1"}}));
    AwsRequest r = request("/portals");
    r.addQueryItem(u"maxResults"_s, u"5"_s);
    send(r);
    QTRY_VERIFY(m_result.has_value());
    QVERIFY2(m_result->ok(), qPrintable(m_result->ok() ? QString() : m_result->error().toLogLine()));
    QCOMPARE(m_result->value().httpStatus, 200);
    QCOMPARE(m_result->value().body, QByteArray(R"({"portals":[]})"));
    QCOMPARE(m_result->value().requestId(), u"ok-1"_s);
    QCOMPARE(m_result->value().attempts, 1);
    QCOMPARE(m_callbacks, 1);

    QCOMPARE(m_server->requests().size(), 1);
    const ScriptedHttpServer::Request &received = m_server->requests().first();
    QCOMPARE(received.requestLine(), QByteArray("GET /portals?maxResults=5 HTTP/1.1"));
    QCOMPARE(received.header("user-agent"), QByteArray("sessionscope/" SESSIONSCOPE_VERSION));
    QCOMPARE(received.header("x-amz-date"), amzDate(fixedNow()));
    QVERIFY(received.header("authorization").contains("/20260314/eu-west-1/workspaces-web/aws4_request"));
    QVERIFY(!received.header("authorization").contains("user-agent"));
    QVERIFY(received.hasValidSignature(m_server->url(), secretKey));
    QVERIFY(!received.hasValidSignature(m_server->url(), u"another secret"_s));
    QCOMPARE(m_retrying->size(), 0);
    QCOMPARE(m_transport->retryQuotaAvailable(), RetryQuota::DefaultCapacity);
}

void TestAwsTransport::neverCallsBackSynchronously()
{
    // Even an immediate failure (no credentials at all) arrives from the event loop.
    m_transport->setCredentialsProvider(nullptr);
    send(request());
    QCOMPARE(m_callbacks, 0);
    QTRY_COMPARE(m_callbacks, 1);
    QVERIFY(!m_result->ok());
    QCOMPARE(m_result->error().category(), AwsError::Category::Credentials);
    QCOMPARE(m_result->error().action(), action);
    QCOMPARE(m_network->requestCount(), 0);
}

void TestAwsTransport::retriesThenSucceeds_data()
{
    QTest::addColumn<Answer>("failure");
    QTest::addColumn<int>("expectedDelayMs");
    QTest::addColumn<AwsError::Category>("category");

    // The random source gives 0.5: the first retry's backoff is 0.5 * 2^0 s.
    QTest::newRow("429 with Retry-After")
        << Answer::awsError(429, "ThrottlingException", "Rate exceeded", {{"Retry-After", "3"}}) << 3000
        << AwsError::Category::Throttled;
    QTest::newRow("Retry-After: 0 keeps the backoff")
        << Answer::awsError(429, "ThrottlingException", "Rate exceeded", {{"Retry-After", "0"}}) << 500
        << AwsError::Category::Throttled;
    QTest::newRow("Retry-After bounded")
        << Answer::awsError(429, "ThrottlingException", "Rate exceeded", {{"Retry-After", "3600"}}) << 20000
        << AwsError::Category::Throttled;
    QTest::newRow("Retry-After as HTTP date")
        << Answer::awsError(
               503, "ServiceUnavailableException", "busy",
               {{"Date", httpDate(fixedNow())}, {"Retry-After", httpDate(fixedNow().addSecs(7))}})
        << 7000 << AwsError::Category::Server;
    QTest::newRow("throttling code on 400")
        << Answer::awsError(400, "ThrottlingException", "slow down") << 500 << AwsError::Category::Throttled;
    QTest::newRow("500") << Answer::awsError(500, "InternalServerException", "oops") << 500
                         << AwsError::Category::Server;
    QTest::newRow("502 without body")
        << Answer::json(502, "<html>bad gateway</html>") << 500 << AwsError::Category::Server;
    QTest::newRow("503") << Answer::json(503, "") << 500 << AwsError::Category::Server;
    QTest::newRow("504") << Answer::json(504, "") << 500 << AwsError::Category::Server;
}

void TestAwsTransport::retriesThenSucceeds()
{
    QFETCH(Answer, failure);
    QFETCH(int, expectedDelayMs);
    QFETCH(AwsError::Category, category);

    m_server->enqueue(failure);
    m_server->enqueue(Answer::json(200, "{}"));
    send(request());
    QTRY_VERIFY(m_result.has_value());
    QVERIFY2(m_result->ok(), qPrintable(m_result->ok() ? QString() : m_result->error().toLogLine()));
    QCOMPARE(m_result->value().attempts, 2);
    QCOMPARE(m_server->requests().size(), 2);
    QCOMPARE(m_retrying->size(), 1);
    const QList<QVariant> signal = m_retrying->first();
    QCOMPARE(signal.at(0).toString(), action);
    QCOMPARE(signal.at(1).toInt(), 2);
    QCOMPARE(signal.at(2).toInt(), expectedDelayMs);
    QCOMPARE(signal.at(3).value<AwsError>().category(), category);
    QCOMPARE(m_scheduledDelays, QList<int>{expectedDelayMs});
    // The retry's cost is refunded by the success.
    QCOMPARE(m_transport->retryQuotaAvailable(), RetryQuota::DefaultCapacity);
    // Every attempt is signed afresh.
    QVERIFY(m_server->requests().at(1).hasValidSignature(m_server->url(), secretKey));
}

void TestAwsTransport::exhaustedAttemptsKeepRequestId()
{
    for (int i = 1; i <= 3; ++i) {
        m_server->enqueue(Answer::awsError(503, "ServiceUnavailableException", "try later",
                                           {{"x-amzn-RequestId", "req-" + QByteArray::number(i)}}));
    }
    send(request());
    QTRY_VERIFY(m_result.has_value());
    QVERIFY(!m_result->ok());
    const AwsError &error = m_result->error();
    QCOMPARE(error.category(), AwsError::Category::Server);
    QCOMPARE(error.httpStatus(), 503);
    QCOMPARE(error.code(), u"ServiceUnavailableException"_s);
    QCOMPARE(error.requestId(), u"req-3"_s);
    QCOMPARE(error.action(), action);
    QCOMPARE(m_server->requests().size(), 3);
    QCOMPARE(m_retrying->size(), 2);
    // Full jitter with random 0.5: 0.5 * 2^0 s, then 0.5 * 2^1 s.
    QCOMPARE(m_scheduledDelays, (QList<int>{500, 1000}));
    QCOMPARE(m_transport->retryQuotaAvailable(), RetryQuota::DefaultCapacity - 2 * RetryQuota::RetryCost);
}

void TestAwsTransport::doesNotRetryClientErrors_data()
{
    QTest::addColumn<Answer>("answer");
    QTest::addColumn<AwsError::Category>("category");

    QTest::newRow("400 validation") << Answer::awsError(400, "ValidationException", "bad maxResults")
                                    << AwsError::Category::Validation;
    QTest::newRow("403 access denied")
        << Answer::awsError(403, "AccessDeniedException", "not allowed") << AwsError::Category::AccessDenied;
    QTest::newRow("404") << Answer::awsError(404, "ResourceNotFoundException", "no portal")
                         << AwsError::Category::NotFound;
    QTest::newRow("409") << Answer::awsError(409, "ConflictException", "busy")
                         << AwsError::Category::Conflict;
    QTest::newRow("501") << Answer::json(501, "") << AwsError::Category::Server;
    QTest::newRow("signature mismatch")
        << Answer::awsError(403, "InvalidSignatureException",
                            "The request signature we calculated does not match")
        << AwsError::Category::Credentials;
}

void TestAwsTransport::doesNotRetryClientErrors()
{
    QFETCH(Answer, answer);
    QFETCH(AwsError::Category, category);
    answer.headers.append({QByteArrayLiteral("x-amzn-RequestId"), QByteArrayLiteral("rid-400")});
    m_server->enqueue(answer);
    m_server->setFallback(Answer::json(200, "{}"));
    send(request());
    QTRY_VERIFY(m_result.has_value());
    QVERIFY(!m_result->ok());
    QCOMPARE(m_result->error().category(), category);
    QCOMPARE(m_result->error().requestId(), u"rid-400"_s);
    QCOMPARE(m_result->error().action(), action);
    QCOMPARE(m_server->requests().size(), 1);
    QCOMPARE(m_retrying->size(), 0);
}

void TestAwsTransport::retriesConnectionClosedMidBody()
{
    m_server->enqueue(Answer::closeMidBody(200, R"({"portals":[{"portalArn":)", 400));
    m_server->enqueue(Answer::json(200, R"({"portals":[]})"));
    send(request());
    QTRY_VERIFY(m_result.has_value());
    QVERIFY2(m_result->ok(), qPrintable(m_result->ok() ? QString() : m_result->error().toLogLine()));
    QCOMPARE(m_result->value().body, QByteArray(R"({"portals":[]})"));
    QCOMPARE(m_retrying->size(), 1);
    QCOMPARE(m_retrying->first().at(3).value<AwsError>().category(), AwsError::Category::Network);

    // Always cut off: retried up to the attempt limit, then a Network error - never a truncated success.
    m_result.reset();
    m_retrying->clear();
    m_server->setFallback(Answer::closeMidBody(200, R"({"portals":[)", 400));
    send(request());
    QTRY_VERIFY(m_result.has_value());
    QVERIFY(!m_result->ok());
    QCOMPARE(m_result->error().category(), AwsError::Category::Network);
    QCOMPARE(m_retrying->size(), 2);
}

void TestAwsTransport::shortBodyWithoutErrorIsRetried()
{
    // Qt reported no error, but the body is shorter than announced: retried as a broken connection.
    m_network->cutNextAnswers(1);
    m_server->enqueue(Answer::json(200, R"({"portals":[]})"));
    send(request());
    QTRY_VERIFY(m_result.has_value());
    QVERIFY2(m_result->ok(), qPrintable(m_result->ok() ? QString() : m_result->error().toLogLine()));
    QCOMPARE(m_result->value().body, QByteArray(R"({"portals":[]})"));
    QCOMPARE(m_retrying->size(), 1);
    const auto cut = m_retrying->first().at(3).value<AwsError>();
    QCOMPARE(cut.category(), AwsError::Category::Network);
    QVERIFY2(cut.message().contains(u"25"_s) && cut.message().contains(u"400"_s), qPrintable(cut.message()));

    // Every answer cut off: a Network error after the last attempt, never a truncated success.
    m_result.reset();
    m_retrying->clear();
    m_network->cutNextAnswers(3);
    send(request());
    QTRY_VERIFY(m_result.has_value());
    QVERIFY(!m_result->ok());
    QCOMPARE(m_result->error().category(), AwsError::Category::Network);
    QCOMPARE(m_result->error().requestId(), u"rid-short"_s);
    QCOMPARE(m_retrying->size(), 2);
}

void TestAwsTransport::announcedLengthIfShort_data()
{
    QTest::addColumn<AwsResponse::Headers>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<qint64>("expected");
    const QByteArray body = "0123456789";
    QTest::newRow("complete") << AwsResponse::Headers{{"Content-Length", "10"}} << body << qint64(-1);
    QTest::newRow("short") << AwsResponse::Headers{{"content-length", " 400 "}} << body << qint64(400);
    QTest::newRow("longer than announced")
        << AwsResponse::Headers{{"Content-Length", "4"}} << body << qint64(-1);
    QTest::newRow("no length") << AwsResponse::Headers{} << body << qint64(-1);
    QTest::newRow("not a number") << AwsResponse::Headers{{"Content-Length", "lots"}} << body << qint64(-1);
    QTest::newRow("compressed") << AwsResponse::Headers{{"Content-Length", "400"},
                                                        {"Content-Encoding", "gzip"}}
                                << body << qint64(-1);
    QTest::newRow("identity") << AwsResponse::Headers{{"Content-Length", "400"},
                                                      {"Content-Encoding", "identity"}}
                              << body << qint64(400);
    QTest::newRow("empty body") << AwsResponse::Headers{{"Content-Length", "2"}} << QByteArray() << qint64(2);
}

void TestAwsTransport::announcedLengthIfShort()
{
    QFETCH(AwsResponse::Headers, headers);
    QFETCH(QByteArray, body);
    QFETCH(qint64, expected);
    QCOMPARE(AwsResponse::announcedLengthIfShort(headers, body), expected);
}

void TestAwsTransport::failsAfterRepeatedResets()
{
    m_server->setFallback(Answer::closeWithoutAnswer());
    send(request());
    QTRY_VERIFY(m_result.has_value());
    QVERIFY(!m_result->ok());
    QCOMPARE(m_result->error().category(), AwsError::Category::Network);
    QCOMPARE(m_result->error().httpStatus(), 0);
    QCOMPARE(m_retrying->size(), 2);
    // Qt itself may resend a request on a connection closed before any answer, so only a lower bound.
    QVERIFY(m_server->requests().size() >= 3);
}

void TestAwsTransport::readTimeout()
{
    AwsTransportOptions options;
    options.maxAttempts = 2;
    options.connectTimeoutMs = 60'000;
    options.readTimeoutMs = 200;
    m_transport->setOptions(options);
    m_server->setFallback(Answer::hang());
    send(request());
    QTRY_VERIFY_WITH_TIMEOUT(m_result.has_value(), 20'000);
    QVERIFY(!m_result->ok());
    QCOMPARE(m_result->error().category(), AwsError::Category::Timeout);
    // The connect timeout (60 s) did not fire: the request was sent, then no data came.
    QVERIFY2(m_result->error().message().startsWith(u"No data"_s), qPrintable(m_result->error().message()));
    QCOMPARE(m_retrying->size(), 1);
    QCOMPARE(m_server->requests().size(), 2);
    QCOMPARE(m_transport->retryQuotaAvailable(), RetryQuota::DefaultCapacity - RetryQuota::TimeoutRetryCost);
}

void TestAwsTransport::connectTimeout()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("Qt has no TLS backend here; the connect timeout is tested with a stalled TLS handshake.");
    // A server that accepts TCP but never answers the TLS handshake: the connection never completes.
    m_server->setSilent(true);
    AwsTransportOptions options;
    options.maxAttempts = 1;
    options.connectTimeoutMs = 200;
    options.readTimeoutMs = 60'000;
    m_transport->setOptions(options);
    AwsRequest r = request();
    r.endpoint.setScheme(u"https"_s);
    send(r);
    QTRY_VERIFY_WITH_TIMEOUT(m_result.has_value(), 20'000);
    QVERIFY(!m_result->ok());
    QCOMPARE(m_result->error().category(), AwsError::Category::Timeout);
    QVERIFY2(m_result->error().message().startsWith(u"Could not connect"_s),
             qPrintable(m_result->error().message()));
    QCOMPARE(m_retrying->size(), 0);
    QVERIFY(m_server->connectionCount() >= 1);
}

void TestAwsTransport::slowAnswerIsNotAConnectTimeout()
{
    // A plain-HTTP GET gives no "connected" signal in Qt 6.4: a server that takes longer than the connect
    // timeout to answer must still be waited for (up to the read timeout), not cut off as unreachable.
    AwsTransportOptions options;
    options.maxAttempts = 1;
    options.connectTimeoutMs = 20;
    options.readTimeoutMs = 60'000;
    m_transport->setOptions(options);
    m_server->enqueue(Answer::json(200, R"({"slow":true})").after(300));
    send(request());
    QTRY_VERIFY_WITH_TIMEOUT(m_result.has_value(), 20'000);
    QVERIFY2(m_result->ok(), qPrintable(m_result->ok() ? QString() : m_result->error().toLogLine()));
    QCOMPARE(m_result->value().body, QByteArray(R"({"slow":true})"));
}

void TestAwsTransport::correctsClockSkew_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("code");
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<int>("skewSeconds");

    QTest::newRow("signature expired, server 20 min ahead")
        << 403 << QByteArray("InvalidSignatureException")
        << QByteArray("Signature expired: 20260314T092653Z is now earlier than 20260314T094153Z "
                      "(20260314T094653Z - 5 min.)")
        << 20 * 60;
    QTest::newRow("signature not yet current, server 20 min behind")
        << 403 << QByteArray("InvalidSignatureException")
        << QByteArray("Signature not yet current: 20260314T092653Z is still later than 20260314T091153Z")
        << -20 * 60;
    QTest::newRow("RequestTimeTooSkewed")
        << 403 << QByteArray("RequestTimeTooSkewed") << QByteArray("The difference is too large.") << 3600;
}

void TestAwsTransport::correctsClockSkew()
{
    QFETCH(int, status);
    QFETCH(QByteArray, code);
    QFETCH(QByteArray, message);
    QFETCH(int, skewSeconds);

    const QDateTime serverNow = fixedNow().addSecs(skewSeconds);
    QSignalSpy corrected(m_transport.get(), &AwsTransport::clockSkewCorrected);
    m_server->enqueue(Answer::awsError(status, code, message, {{"Date", httpDate(serverNow)}}));
    m_server->setFallback(Answer::json(200, "{}"));
    send(request());
    QTRY_VERIFY(m_result.has_value());
    QVERIFY2(m_result->ok(), qPrintable(m_result->ok() ? QString() : m_result->error().toLogLine()));
    QCOMPARE(m_server->requests().size(), 2);
    QCOMPARE(m_server->requests().at(0).header("x-amz-date"), amzDate(fixedNow()));
    QCOMPARE(m_server->requests().at(1).header("x-amz-date"), amzDate(serverNow));
    QVERIFY(m_server->requests().at(1).hasValidSignature(m_server->url(), secretKey));
    QCOMPARE(corrected.size(), 1);
    QCOMPARE(corrected.first().at(0).toLongLong(), qint64(skewSeconds) * 1000);
    QCOMPARE(m_transport->clockSkewMs(), qint64(skewSeconds) * 1000);
    QCOMPARE(m_retrying->size(), 0); // a free retry, not a standard-mode one

    // Later calls sign with the corrected clock from the start.
    m_result.reset();
    send(request());
    QTRY_VERIFY(m_result.has_value());
    QVERIFY(m_result->ok());
    QCOMPARE(m_server->requests().size(), 3);
    QCOMPARE(m_server->requests().at(2).header("x-amz-date"), amzDate(serverNow));
}

void TestAwsTransport::clockSkewRetriedOnlyOnce()
{
    m_server->enqueue(Answer::awsError(403, "InvalidSignatureException", "Signature expired",
                                       {{"Date", httpDate(fixedNow().addSecs(1200))}}));
    m_server->enqueue(Answer::awsError(403, "InvalidSignatureException", "Signature expired",
                                       {{"Date", httpDate(fixedNow().addSecs(2400))}}));
    m_server->setFallback(Answer::json(200, "{}"));
    send(request());
    QTRY_VERIFY(m_result.has_value());
    QVERIFY(!m_result->ok());
    QCOMPARE(m_result->error().code(), u"InvalidSignatureException"_s);
    QCOMPARE(m_result->error().category(), AwsError::Category::Credentials);
    QCOMPARE(m_server->requests().size(), 2);
}

void TestAwsTransport::skewErrorWithoutDateIsNotRetried()
{
    m_server->enqueue(Answer::awsError(403, "InvalidSignatureException", "Signature expired"));
    m_server->setFallback(Answer::json(200, "{}"));
    send(request());
    QTRY_VERIFY(m_result.has_value());
    QVERIFY(!m_result->ok());
    QVERIFY(m_result->error().userMessage().contains(u"clock"_s));
    QCOMPARE(m_server->requests().size(), 1);
    QCOMPARE(m_transport->clockSkewMs(), 0);
}

void TestAwsTransport::refreshesExpiredCredentialsOnce()
{
    useRotatingCredentials();
    m_server->enqueue(Answer::awsError(403, "ExpiredTokenException",
                                       "The security token included in the request is expired"));
    m_server->enqueue(Answer::json(200, "{}"));
    send(request());
    QTRY_VERIFY(m_result.has_value());
    QVERIFY2(m_result->ok(), qPrintable(m_result->ok() ? QString() : m_result->error().toLogLine()));
    QCOMPARE(m_rotating->invalidations, 1);
    QCOMPARE(m_rotating->fetches, 2);
    QCOMPARE(m_server->requests().at(0).header("x-amz-security-token"), QByteArray("token-1"));
    QCOMPARE(m_server->requests().at(1).header("x-amz-security-token"), QByteArray("token-2"));
    QVERIFY(m_server->requests().at(1).hasValidSignature(m_server->url(), secretKey));

    // Still expired after the refresh: the error goes to the caller, no loop.
    m_result.reset();
    m_server->setFallback(Answer::awsError(403, "ExpiredTokenException", "expired"));
    send(request());
    QTRY_VERIFY(m_result.has_value());
    QVERIFY(!m_result->ok());
    QVERIFY(m_result->error().isExpiredCredentials());
    QCOMPARE(m_rotating->invalidations, 2);
    QCOMPARE(m_server->requests().size(), 4);
}

void TestAwsTransport::cancelWhileWaitingForAnswer()
{
    m_server->setFallback(Answer::hang());
    QSignalSpy received(m_server.get(), &ScriptedHttpServer::requestReceived);
    QSignalSpy closed(m_server.get(), &ScriptedHttpServer::connectionClosed);
    CallHandle handle = send(request());
    const CallHandle observer = handle;
    QVERIFY(handle.isRunning());
    QVERIFY(received.wait());
    handle.cancel();
    QVERIFY(!handle.isRunning());
    // The reply is aborted (the server sees the connection go) and the call object is gone.
    QVERIFY(closed.wait());
    QTRY_VERIFY(!observer.isRunning());
    QCOMPARE(m_callbacks, 0);
    handle.cancel(); // harmless after the end
}

void TestAwsTransport::cancelDuringBackoff()
{
    // Real timers for this one: the retry waits 20 s unless cancelled.
    m_transport->setScheduler([](int delayMs, QObject *context, std::function<void()> task) {
        QTimer::singleShot(delayMs, context, std::move(task));
    });
    m_server->enqueue(Answer::awsError(429, "ThrottlingException", "slow down", {{"Retry-After", "20"}}));
    m_server->setFallback(Answer::json(200, "{}"));
    CallHandle handle = send(request());
    const CallHandle observer = handle;
    QVERIFY(m_retrying->wait());
    QCOMPARE(m_retrying->first().at(2).toInt(), 20000);
    handle.cancel();
    QTRY_VERIFY(!observer.isRunning()); // deleted, so its retry timer can never fire
    QCOMPARE(m_callbacks, 0);
    QCOMPARE(m_server->requests().size(), 1);
}

void TestAwsTransport::cancelBeforeStart()
{
    CallHandle handle = send(request());
    const CallHandle observer = handle;
    handle.cancel();
    QTRY_VERIFY(!observer.isRunning());
    QCOMPARE(m_callbacks, 0);
    QCOMPARE(m_network->requestCount(), 0);
}

void TestAwsTransport::destroyedContextDropsCallback()
{
    m_server->setFallback(Answer::hang());
    QSignalSpy received(m_server.get(), &ScriptedHttpServer::requestReceived);
    QSignalSpy closed(m_server.get(), &ScriptedHttpServer::connectionClosed);
    auto *context = new QObject;
    const CallHandle observer = send(request(), context);
    QVERIFY(received.wait());
    delete context;
    QVERIFY(closed.wait());
    QTRY_VERIFY(!observer.isRunning());
    QCOMPARE(m_callbacks, 0);
}

void TestAwsTransport::destroyedTransportDropsCallback()
{
    m_server->setFallback(Answer::hang());
    QSignalSpy received(m_server.get(), &ScriptedHttpServer::requestReceived);
    QSignalSpy closed(m_server.get(), &ScriptedHttpServer::connectionClosed);
    const CallHandle observer = send(request());
    QVERIFY(received.wait());
    m_retrying.reset();
    m_transport.reset();
    QVERIFY(!observer.isRunning());
    QVERIFY(closed.wait());
    QCOMPARE(m_callbacks, 0);
}

void TestAwsTransport::retryQuotaStopsRetries()
{
    AwsTransportOptions options;
    options.maxAttempts = 5;
    options.retryQuotaCapacity = 2 * RetryQuota::RetryCost;
    m_transport->setOptions(options);
    QCOMPARE(m_transport->retryQuotaAvailable(), 10);
    m_server->setFallback(Answer::awsError(500, "InternalServerException", "down"));
    send(request());
    QTRY_VERIFY(m_result.has_value());
    QVERIFY(!m_result->ok());
    QCOMPARE(m_result->error().category(), AwsError::Category::Server);
    // Five attempts allowed, but the bucket only paid for two retries.
    QCOMPARE(m_server->requests().size(), 3);
    QCOMPARE(m_retrying->size(), 2);
    QCOMPARE(m_transport->retryQuotaAvailable(), 0);

    // Drained: the next failure is not retried at all.
    m_result.reset();
    send(request());
    QTRY_VERIFY(m_result.has_value());
    QCOMPARE(m_server->requests().size(), 4);
    QCOMPARE(m_retrying->size(), 2);

    // A first-attempt success refills a little.
    m_result.reset();
    m_server->enqueue(Answer::json(200, "{}"));
    send(request());
    QTRY_VERIFY(m_result.has_value());
    QVERIFY(m_result->ok());
    QCOMPARE(m_transport->retryQuotaAvailable(), RetryQuota::NoRetryIncrement);
}

void TestAwsTransport::rejectsBadConfiguration_data()
{
    QTest::addColumn<QUrl>("endpoint");
    QTest::addColumn<QString>("region");

    QTest::newRow("no scheme") << QUrl(u"workspaces-web.eu-west-1.amazonaws.com"_s) << u"eu-west-1"_s;
    QTest::newRow("ftp") << QUrl(u"ftp://example.com"_s) << u"eu-west-1"_s;
    QTest::newRow("empty") << QUrl() << u"eu-west-1"_s;
    QTest::newRow("no region") << QUrl(u"https://workspaces-web.eu-west-1.amazonaws.com"_s) << QString();
}

void TestAwsTransport::rejectsBadConfiguration()
{
    QFETCH(QUrl, endpoint);
    QFETCH(QString, region);
    AwsRequest r;
    r.endpoint = endpoint;
    m_transport->send(r, u"workspaces-web"_s, region, action, nullptr,
                      [this](const AwsResult<AwsResponse> &result) {
                          ++m_callbacks;
                          m_result = result;
                      });
    QCOMPARE(m_callbacks, 0);
    QTRY_VERIFY(m_result.has_value());
    QVERIFY(!m_result->ok());
    QCOMPARE(m_result->error().category(), AwsError::Category::Configuration);
    QCOMPARE(m_network->requestCount(), 0);
}

void TestAwsTransport::credentialErrorsAreDelivered()
{
    StaticCredentialsProvider empty{AwsCredentials{}};
    m_transport->setCredentialsProvider(&empty);
    send(request());
    QTRY_VERIFY(m_result.has_value());
    QVERIFY(!m_result->ok());
    QCOMPARE(m_result->error().category(), AwsError::Category::Credentials);
    QCOMPARE(m_result->error().action(), action);
    QCOMPARE(m_network->requestCount(), 0);
}

namespace {
QStringList *capturedLog = nullptr;
void captureMessage(QtMsgType, const QMessageLogContext &, const QString &message)
{
    if (capturedLog)
        capturedLog->append(message);
}
} // namespace

void TestAwsTransport::neverLogsSecrets()
{
    useRotatingCredentials();
    QStringList log;
    capturedLog = &log;
    QLoggingCategory::setFilterRules(u"sessionscope.*=true"_s);
    const QtMessageHandler previous = qInstallMessageHandler(captureMessage);

    m_server->enqueue(Answer::awsError(503, "ServiceUnavailableException", "busy"));
    m_server->enqueue(Answer::awsError(403, "ExpiredTokenException", "expired"));
    m_server->enqueue(Answer::json(200, "{}"));
    send(request());
    QTRY_VERIFY(m_result.has_value());

    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(QString());
    capturedLog = nullptr;

    QVERIFY(m_result->ok());
    QVERIFY2(!log.isEmpty(), "debug logging produced nothing; the check below would prove nothing");
    const QString all = log.join(u'\n');
    QVERIFY(!all.contains(secretKey));
    QVERIFY(!all.contains(u"token-1"_s));
    QVERIFY(!all.contains(u"token-2"_s));
    QVERIFY(!all.contains(u"Signature="_s));
}

void TestAwsTransport::appendsTheAppIdToTheUserAgent()
{
    AwsTransportOptions options = m_transport->options();
    options.appId = u"ops tools/1"_s;
    m_transport->setOptions(options);
    m_server->enqueue(Answer::json(200, "{}"));
    send(request());
    QTRY_VERIFY(m_result.has_value());
    QVERIFY(m_result->ok());
    const ScriptedHttpServer::Request &received = m_server->requests().first();
    QCOMPARE(received.header("user-agent"),
             QByteArray("sessionscope/" SESSIONSCOPE_VERSION " app/ops-tools-1"));
    QVERIFY(received.hasValidSignature(m_server->url(), secretKey));
}

void TestAwsTransport::adaptiveModeWaitsForTokensOnceThrottled()
{
    // The limiter's clock stands still.
    m_transport->setRateLimiterClock([] { return 100.0; });
    AwsTransportOptions options = m_transport->options();
    options.retryMode = RetryMode::Adaptive;
    m_transport->setOptions(options);

    // Before any throttling, nothing waits.
    m_server->enqueue(Answer::json(200, "{}"));
    send(request());
    QTRY_VERIFY(m_result.has_value());
    QVERIFY(m_result->ok());
    QVERIFY(m_scheduledDelays.isEmpty());
    QVERIFY(!m_transport->rateLimiter().isEnabled());

    // A throttled answer turns the limiter on: the retry waits for its backoff (500 ms) and then for a
    // token of the bucket, which now fills at the minimum rate (0.5/s: 2 s per token).
    m_result.reset();
    m_server->enqueue(Answer::awsError(429, "ThrottlingException", "Rate exceeded"));
    m_server->enqueue(Answer::json(200, "{}"));
    send(request());
    QTRY_VERIFY(m_result.has_value());
    QVERIFY(m_result->ok());
    QCOMPARE(m_result->value().attempts, 2);
    QVERIFY(m_transport->rateLimiter().isEnabled());
    QCOMPARE(m_scheduledDelays, (QList<int>{500, 2000}));

    // Later calls queue behind each other for tokens.
    m_result.reset();
    m_scheduledDelays.clear();
    m_server->enqueue(Answer::json(200, "{}"));
    send(request());
    QTRY_VERIFY(m_result.has_value());
    QVERIFY(m_result->ok());
    QCOMPARE(m_scheduledDelays.size(), 1);
    QVERIFY2(m_scheduledDelays.first() >= 2000, qPrintable(QString::number(m_scheduledDelays.first())));
    QCOMPARE(m_server->requests().size(), 4);
}

void TestAwsTransport::standardModeNeverWaitsForTokens()
{
    m_transport->setRateLimiterClock([] { return 100.0; });
    m_server->enqueue(Answer::awsError(429, "ThrottlingException", "Rate exceeded"));
    m_server->enqueue(Answer::json(200, "{}"));
    send(request());
    QTRY_VERIFY(m_result.has_value());
    QVERIFY(m_result->ok());
    QCOMPARE(m_scheduledDelays, (QList<int>{500})); // the backoff only
    QVERIFY(!m_transport->rateLimiter().isEnabled());
}

QTEST_GUILESS_MAIN(TestAwsTransport)
#include "tst_awstransport.moc"
