// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "PeerClient.h"
#include "aws/AwsError.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
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
    void everyModelErrorHasItsOwnCategory();
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

void TestAwsError::everyModelErrorHasItsOwnCategory()
{
    // Every error shape of both services' published models, as the service sends it (status from the
    // model, code in x-amzn-ErrorType and __type): a category of its own rather than the fallback a bare
    // status would give, a sentence for people, and the model's retryable errors still retried.
    const QString models = PeerClient::modelsFolder();
    const QStringList files = {models + u"/workspaces-web/2020-07-08/service-2.json"_s,
                               models + u"/qapps/2023-11-27/service-2.json"_s};
    if (!QFileInfo::exists(files.first()))
        QSKIP(qPrintable(u"the botocore models are not in %1 (set SESSIONSCOPE_TESTDATA)"_s.arg(models)));
    int checked = 0;
    for (const QString &path : files) {
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        const QJsonObject shapes =
            QJsonDocument::fromJson(file.readAll()).object().value(u"shapes").toObject();
        for (auto it = shapes.begin(); it != shapes.end(); ++it) {
            const QJsonObject shape = it.value().toObject();
            if (!shape.value(u"exception").toBool())
                continue;
            const QString code = it.key();
            const int status = shape.value(u"error").toObject().value(u"httpStatusCode").toInt();
            const QString where =
                u"%1 (HTTP %2) in %3"_s.arg(code).arg(status).arg(QDir(models).relativeFilePath(path));
            QVERIFY2(AwsError::categoryForCode(code).has_value(), qPrintable(where + u" has no category"_s));

            const QByteArray body = R"({"__type":"com.amazonaws.test#)" + code.toUtf8() +
                                    R"(","message":"the service's own words."})";
            const AwsError error = AwsError::fromHttpResponse(
                status, {{"x-amzn-ErrorType", code.toUtf8() + ":http://internal.amazon.com/coral/"}}, body);
            QCOMPARE(error.code(), code);
            QCOMPARE(error.category(), *AwsError::categoryForCode(code));
            const QString sentence = error.userMessage();
            QVERIFY2(sentence.contains(u"the service's own words"_s) ||
                         error.category() == AwsError::Category::Throttled ||
                         error.category() == AwsError::Category::Server,
                     qPrintable(where + u": "_s + sentence));
            QVERIFY2(sentence.endsWith(u'.'), qPrintable(where + u": "_s + sentence));
            // Only a validation error may say the request was not valid.
            if (error.category() != AwsError::Category::Validation)
                QVERIFY2(!sentence.contains(u"not valid"_s), qPrintable(where + u": "_s + sentence));
            const bool retryable = status == 429 || status >= 500;
            QVERIFY2(error.isRetryable() == retryable, qPrintable(where));
            ++checked;
        }
    }
    QVERIFY(checked >= 15);

    QCOMPARE(AwsError::categoryForCode(u"ServiceQuotaExceededException"_s),
             AwsError::Category::QuotaExceeded);
    QCOMPARE(AwsError::categoryForCode(u"TooManyTagsException"_s), AwsError::Category::QuotaExceeded);
    QCOMPARE(AwsError::categoryForCode(u"ThrottlingException"_s), AwsError::Category::Throttled);
    QCOMPARE(AwsError::categoryForCode(u"InternalServerException"_s), AwsError::Category::Server);
    QCOMPARE(AwsError::categoryName(AwsError::Category::QuotaExceeded), u"quota-exceeded"_s);
    QVERIFY(!AwsError::categoryForCode(u"SomethingNewException"_s).has_value());
}

QTEST_GUILESS_MAIN(TestAwsError)
#include "tst_awserror.moc"
