// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/AwsError.h"
#include "aws/transport/RetryPolicy.h"
#include "aws/transport/RetryQuota.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestRetryPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void backoff_data();
    void backoff();
    void shouldRetry_data();
    void shouldRetry();
    void retryAfterIsBounded_data();
    void retryAfterIsBounded();
    void retryCost();
    void quota();
};

void TestRetryPolicy::backoff_data()
{
    QTest::addColumn<int>("attempt");
    QTest::addColumn<double>("random");
    QTest::addColumn<int>("expectedMs");

    QTest::newRow("first retry, no jitter") << 1 << 0.0 << 0;
    QTest::newRow("first retry, half") << 1 << 0.5 << 500;
    QTest::newRow("second retry, half") << 2 << 0.5 << 1000;
    QTest::newRow("third retry, almost one") << 3 << 0.999 << 3996;
    QTest::newRow("capped at 20 s") << 6 << 0.99 << 20000;
    QTest::newRow("huge attempt stays capped") << 1000 << 1.0 << 20000;
    QTest::newRow("random out of range is clamped") << 2 << 7.0 << 2000;
}

void TestRetryPolicy::backoff()
{
    QFETCH(int, attempt);
    QFETCH(double, random);
    QFETCH(int, expectedMs);
    const RetryPolicy policy;
    QCOMPARE(policy.backoffMs(attempt, random), expectedMs);
}

void TestRetryPolicy::shouldRetry_data()
{
    QTest::addColumn<AwsError>("error");
    QTest::addColumn<int>("attempt");
    QTest::addColumn<bool>("expected");

    const AwsError throttled = AwsError::fromHttpResponse(429, {}, {});
    QTest::newRow("429, attempt 1") << throttled << 1 << true;
    QTest::newRow("429, attempt 2") << throttled << 2 << true;
    QTest::newRow("429, attempt 3 is the last") << throttled << 3 << false;
    QTest::newRow("500") << AwsError::fromHttpResponse(500, {}, {}) << 1 << true;
    QTest::newRow("502") << AwsError::fromHttpResponse(502, {}, {}) << 1 << true;
    QTest::newRow("503") << AwsError::fromHttpResponse(503, {}, {}) << 1 << true;
    QTest::newRow("504") << AwsError::fromHttpResponse(504, {}, {}) << 1 << true;
    QTest::newRow("501") << AwsError::fromHttpResponse(501, {}, {}) << 1 << false;
    QTest::newRow("network") << AwsError(AwsError::Category::Network, u"reset"_s) << 1 << true;
    QTest::newRow("timeout") << AwsError(AwsError::Category::Timeout, u"slow"_s) << 1 << true;
    QTest::newRow("validation") << AwsError::fromHttpResponse(
                                       400, {{"x-amzn-ErrorType", "ValidationException"}}, {})
                                << 1 << false;
    QTest::newRow("access denied") << AwsError::fromHttpResponse(
                                          403, {{"x-amzn-ErrorType", "AccessDeniedException"}}, {})
                                   << 1 << false;
    QTest::newRow("cancelled") << AwsError(AwsError::Category::Cancelled, QString()) << 1 << false;
}

void TestRetryPolicy::shouldRetry()
{
    QFETCH(AwsError, error);
    QFETCH(int, attempt);
    QFETCH(bool, expected);
    QCOMPARE(RetryPolicy(3).shouldRetry(error, attempt), expected);
    QVERIFY(!RetryPolicy(1).shouldRetry(error, 1));
    QVERIFY(!RetryPolicy(0).shouldRetry(error, 1)); // 0 means "no retries", not "retry forever"
}

void TestRetryPolicy::retryAfterIsBounded_data()
{
    QTest::addColumn<int>("retryAfterSeconds");
    QTest::addColumn<int>("attempt");
    QTest::addColumn<int>("expectedMs");

    // The random source gives 0.5: the backoff after attempt n is 0.5 * 2^(n-1) s.
    QTest::newRow("absent uses backoff") << -1 << 1 << 500;
    QTest::newRow("zero keeps the backoff") << 0 << 1 << 500;
    QTest::newRow("zero keeps a later, longer backoff") << 0 << 3 << 2000;
    QTest::newRow("shorter than the backoff keeps it") << 1 << 3 << 2000;
    QTest::newRow("longer than the backoff lengthens it") << 5 << 1 << 5000;
    QTest::newRow("at the bound") << 20 << 1 << 20000;
    QTest::newRow("an hour is bounded") << 3600 << 1 << 20000;
    QTest::newRow("int max is bounded") << std::numeric_limits<int>::max() << 1 << 20000;
}

void TestRetryPolicy::retryAfterIsBounded()
{
    QFETCH(int, retryAfterSeconds);
    QFETCH(int, attempt);
    QFETCH(int, expectedMs);
    AwsError error = AwsError::fromHttpResponse(429, {}, {});
    error.setRetryAfterSeconds(retryAfterSeconds);
    QCOMPARE(RetryPolicy().delayMs(error, attempt, 0.5), expectedMs);
}

void TestRetryPolicy::retryCost()
{
    QCOMPARE(RetryPolicy::retryCost(AwsError(AwsError::Category::Timeout, {})), RetryQuota::TimeoutRetryCost);
    QCOMPARE(RetryPolicy::retryCost(AwsError(AwsError::Category::Network, {})), RetryQuota::RetryCost);
    QCOMPARE(RetryPolicy::retryCost(AwsError::fromHttpResponse(503, {}, {})), RetryQuota::RetryCost);
}

void TestRetryPolicy::quota()
{
    RetryQuota quota;
    QCOMPARE(quota.capacity(), 500);
    QCOMPARE(quota.available(), 500);
    // 100 retries drain it; the 101st is refused and takes nothing.
    for (int i = 0; i < 100; ++i)
        QVERIFY(quota.tryAcquire(RetryQuota::RetryCost));
    QCOMPARE(quota.available(), 0);
    QVERIFY(!quota.tryAcquire(RetryQuota::RetryCost));
    QCOMPARE(quota.available(), 0);

    quota.recordSuccess(0); // first-attempt success
    QCOMPARE(quota.available(), 1);
    quota.recordSuccess(RetryQuota::TimeoutRetryCost); // success after a retried timeout
    QCOMPARE(quota.available(), 11);
    QVERIFY(quota.tryAcquire(RetryQuota::TimeoutRetryCost));
    QVERIFY(!quota.tryAcquire(RetryQuota::RetryCost));

    RetryQuota full(10);
    full.recordSuccess(RetryQuota::RetryCost);
    QCOMPARE(full.available(), 10); // never above capacity
    full.reset(3);
    QCOMPARE(full.capacity(), 3);
    QCOMPARE(full.available(), 3);
}

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
