// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/AwsError.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestAwsError : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesErrorAnswers_data();
    void parsesErrorAnswers();
    void keepsRequestIdAndRetryAfter();
    void retryableErrors();
    void userMessages();
};

using Headers = QList<QPair<QByteArray, QByteArray>>;

void TestAwsError::parsesErrorAnswers_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<AwsError::Category>("category");

    QTest::newRow("header wins, part before colon")
        << 400 << Headers{{"X-Amzn-ErrorType", "ValidationException:http://internal.amazon.com/coral/"}}
        << QByteArray(R"({"__type":"com.amazon#Other","message":"bad page size"})")
        << u"ValidationException"_s << u"bad page size"_s << AwsError::Category::Validation;
    QTest::newRow("__type after #") << 404 << Headers{}
                                    << QByteArray(R"({"__type":"com.amazonaws.x#ResourceNotFoundException",)"
                                                  R"("Message":"no portal"})")
                                    << u"ResourceNotFoundException"_s << u"no portal"_s
                                    << AwsError::Category::NotFound;
    QTest::newRow("body code") << 403 << Headers{} << QByteArray(R"({"code":"AccessDeniedException"})")
                               << u"AccessDeniedException"_s
                               << u"The service answered with HTTP status 403."_s
                               << AwsError::Category::AccessDenied;
    QTest::newRow("throttling by status") << 429 << Headers{} << QByteArray("not json") << QString()
                                          << QString() << AwsError::Category::Throttled;
    QTest::newRow("throttling code") << 400 << Headers{{"x-amzn-errortype", "ThrottlingException"}}
                                     << QByteArray() << u"ThrottlingException"_s << QString()
                                     << AwsError::Category::Throttled;
    QTest::newRow("signature") << 403 << Headers{{"x-amzn-ErrorType", "InvalidSignatureException"}}
                               << QByteArray(R"({"message":"Signature expired"})")
                               << u"InvalidSignatureException"_s << u"Signature expired"_s
                               << AwsError::Category::Credentials;
    QTest::newRow("OAuth body with header (SSO OIDC)")
        << 400
        << Headers{{"x-amzn-ErrorType", "AuthorizationPendingException:http://internal.amazon.com/coral/"}}
        << QByteArray(
               R"({"error":"authorization_pending","error_description":"Authorization is still pending"})")
        << u"AuthorizationPendingException"_s << u"Authorization is still pending"_s
        << AwsError::Category::Validation;
    QTest::newRow("OAuth body alone")
        << 400 << Headers{} << QByteArray(R"({"error":"slow_down","error_description":null})")
        << u"SlowDownException"_s << u"The service answered with HTTP status 400."_s
        << AwsError::Category::Validation;
    QTest::newRow("server") << 503 << Headers{} << QByteArray("<html>") << QString() << QString()
                            << AwsError::Category::Server;
}

void TestAwsError::parsesErrorAnswers()
{
    QFETCH(int, status);
    QFETCH(Headers, headers);
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    QFETCH(QString, message);
    QFETCH(AwsError::Category, category);

    const AwsError error = AwsError::fromHttpResponse(status, headers, body);
    QCOMPARE(error.code(), code);
    if (!message.isEmpty())
        QCOMPARE(error.message(), message);
    QCOMPARE(error.category(), category);
    QCOMPARE(error.httpStatus(), status);
    QVERIFY(!error.userMessage().isEmpty());
}

void TestAwsError::keepsRequestIdAndRetryAfter()
{
    const AwsError error = AwsError::fromHttpResponse(
        429, {{"x-amzn-RequestId", "abc-123"}, {"Retry-After", "7"}}, R"({"__type":"ThrottlingException"})");
    QCOMPARE(error.requestId(), u"abc-123"_s);
    QCOMPARE(error.retryAfterSeconds(), 7);
    QVERIFY(error.toLogLine().contains(u"abc-123"_s));
    QVERIFY(error.userMessage().contains(u"wait 7 s"_s));
    // A final error: the message must not promise a retry that will not happen.
    QVERIFY(!error.userMessage().contains(u"retrying"_s));
}

void TestAwsError::retryableErrors()
{
    QVERIFY(AwsError::fromHttpResponse(500, {}, {}).isRetryable());
    QVERIFY(AwsError::fromHttpResponse(502, {}, {}).isRetryable());
    QVERIFY(AwsError::fromHttpResponse(503, {}, {}).isRetryable());
    QVERIFY(AwsError::fromHttpResponse(504, {}, {}).isRetryable());
    QVERIFY(!AwsError::fromHttpResponse(501, {}, {}).isRetryable());
    QVERIFY(AwsError::fromHttpResponse(400, {{"x-amzn-ErrorType", "ThrottlingException"}}, {}).isRetryable());
    QVERIFY(
        !AwsError::fromHttpResponse(400, {{"x-amzn-ErrorType", "ValidationException"}}, {}).isRetryable());
    QVERIFY(AwsError(AwsError::Category::Network, u"reset"_s).isRetryable());
    QVERIFY(!AwsError(AwsError::Category::Cancelled, QString()).isRetryable());
}

void TestAwsError::userMessages()
{
    AwsError denied = AwsError::fromHttpResponse(403, {{"x-amzn-ErrorType", "AccessDeniedException"}}, {});
    denied.setAction(u"workspaces-web:ListSessions"_s);
    QVERIFY(denied.userMessage().contains(u"workspaces-web:ListSessions"_s));

    const AwsError expired =
        AwsError::fromHttpResponse(403, {{"x-amzn-ErrorType", "ExpiredTokenException"}}, {});
    QVERIFY(expired.isExpiredCredentials());
    QVERIFY(expired.userMessage().contains(u"expired"_s));
}

QTEST_GUILESS_MAIN(TestAwsError)
#include "tst_awserror.moc"
