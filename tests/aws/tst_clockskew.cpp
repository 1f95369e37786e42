// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/AwsError.h"
#include "aws/transport/ClockSkew.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestClockSkew : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesHttpDates_data();
    void parsesHttpDates();
    void detectsSkewErrors_data();
    void detectsSkewErrors();
    void learnsOffset();
};

void TestClockSkew::parsesHttpDates_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QDateTime>("expected");

    const QDateTime nov6(QDate(1994, 11, 6), QTime(8, 49, 37), Qt::UTC);
    QTest::newRow("IMF-fixdate") << QByteArray("Sun, 06 Nov 1994 08:49:37 GMT") << nov6;
    QTest::newRow("RFC 850") << QByteArray("Sunday, 06-Nov-94 08:49:37 GMT") << nov6;
    QTest::newRow("asctime") << QByteArray("Sun Nov  6 08:49:37 1994") << nov6;
    QTest::newRow("extra spaces") << QByteArray("  Sat, 14 Mar 2026 09:46:53 GMT ")
                                  << QDateTime(QDate(2026, 3, 14), QTime(9, 46, 53), Qt::UTC);
    QTest::newRow("RFC 850 two-digit year in this century")
        << QByteArray("Saturday, 14-Mar-26 09:46:53 GMT")
        << QDateTime(QDate(2026, 3, 14), QTime(9, 46, 53), Qt::UTC);
    QTest::newRow("leap second") << QByteArray("Wed, 31 Dec 2008 23:59:60 GMT")
                                 << QDateTime(QDate(2008, 12, 31), QTime(23, 59, 59), Qt::UTC);
    QTest::newRow("empty") << QByteArray() << QDateTime();
    QTest::newRow("not GMT") << QByteArray("Sun, 06 Nov 1994 08:49:37 PST") << QDateTime();
    QTest::newRow("bad month") << QByteArray("Sun, 06 Foo 1994 08:49:37 GMT") << QDateTime();
    QTest::newRow("bad day") << QByteArray("Sun, 31 Feb 1994 08:49:37 GMT") << QDateTime();
    QTest::newRow("bad time") << QByteArray("Sun, 06 Nov 1994 25:49:37 GMT") << QDateTime();
    QTest::newRow("seconds only") << QByteArray("120") << QDateTime();
    QTest::newRow("ISO 8601 is not an HTTP date") << QByteArray("1994-11-06T08:49:37Z") << QDateTime();
    QTest::newRow("garbage numbers") << QByteArray("Sun, 0x6 Nov 1994 08:49:37 GMT") << QDateTime();
}

void TestClockSkew::parsesHttpDates()
{
    QFETCH(QByteArray, text);
    QFETCH(QDateTime, expected);
    const QDateTime parsed = ClockSkew::parseHttpDate(text);
    QCOMPARE(parsed.isValid(), expected.isValid());
    if (expected.isValid()) {
        QCOMPARE(parsed, expected);
        QCOMPARE(parsed.timeSpec(), Qt::UTC);
    }
}

void TestClockSkew::detectsSkewErrors_data()
{
    QTest::addColumn<QByteArray>("code");
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<int>("serverOffsetSeconds"); // INT_MIN: no Date header
    QTest::addColumn<bool>("expected");

    const int noDate = std::numeric_limits<int>::min();
    QTest::newRow("signature expired")
        << QByteArray("InvalidSignatureException")
        << QByteArray("Signature expired: 20260314T092653Z is now earlier than ...") << noDate << true;
    QTest::newRow("not yet current") << QByteArray("InvalidSignatureException")
                                     << QByteArray("Signature not yet current: ...") << noDate << true;
    QTest::newRow("RequestTimeTooSkewed")
        << QByteArray("RequestTimeTooSkewed") << QByteArray() << noDate << true;
    QTest::newRow("RequestExpired") << QByteArray("RequestExpired") << QByteArray() << noDate << true;
    QTest::newRow("RequestInTheFuture") << QByteArray("RequestInTheFuture") << QByteArray() << noDate << true;
    QTest::newRow("signature mismatch, clocks agree")
        << QByteArray("InvalidSignatureException")
        << QByteArray("The request signature we calculated does not match") << 30 << false;
    QTest::newRow("signature mismatch, server 10 min ahead")
        << QByteArray("InvalidSignatureException")
        << QByteArray("The request signature we calculated does not match") << 600 << true;
    QTest::newRow("signature mismatch, no date")
        << QByteArray("SignatureDoesNotMatch") << QByteArray("does not match") << noDate << false;
    QTest::newRow("access denied with far-off date")
        << QByteArray("AccessDeniedException") << QByteArray("denied") << 3600 << false;
    QTest::newRow("throttling") << QByteArray("ThrottlingException") << QByteArray("expired") << 3600
                                << false;
}

void TestClockSkew::detectsSkewErrors()
{
    QFETCH(QByteArray, code);
    QFETCH(QByteArray, message);
    QFETCH(int, serverOffsetSeconds);
    QFETCH(bool, expected);

    const QDateTime now(QDate(2026, 3, 14), QTime(9, 26, 53), Qt::UTC);
    const QDateTime server = serverOffsetSeconds == std::numeric_limits<int>::min()
                                 ? QDateTime()
                                 : now.addSecs(serverOffsetSeconds);
    AwsError error(AwsError::Category::Credentials, QString::fromUtf8(message));
    error.setCode(QString::fromUtf8(code)).setHttpStatus(403);
    QCOMPARE(ClockSkew().isSkewError(error, server, now), expected);
}

void TestClockSkew::learnsOffset()
{
    const QDateTime local(QDate(2026, 3, 14), QTime(9, 26, 53), Qt::UTC);
    ClockSkew skew;
    QCOMPARE(skew.offsetMs(), 0);
    QCOMPARE(skew.correct(local), local);

    QVERIFY(skew.update(local.addSecs(1200), local));
    QCOMPARE(skew.offsetMs(), 1'200'000);
    QCOMPARE(skew.correct(local), local.addSecs(1200));

    // The same server time again (a Date header has one-second resolution): nothing new to learn.
    QVERIFY(!skew.update(local.addMSecs(1'200'400), local));
    QCOMPARE(skew.offsetMs(), 1'200'000);

    QVERIFY(skew.update(local.addSecs(-300), local));
    QCOMPARE(skew.offsetMs(), -300'000);
    QVERIFY(!skew.update(QDateTime(), local));
}

QTEST_GUILESS_MAIN(TestClockSkew)
#include "tst_clockskew.moc"
