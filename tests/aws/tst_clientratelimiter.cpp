// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/transport/ClientRateLimiter.h"
#include "aws/transport/CubicRateCalculator.h"
#include "aws/transport/RateTokenBucket.h"
#include "aws/transport/SendRateMeter.h"

#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;

// The adaptive retry mode's pieces, driven by a hand-moved clock: no timing, only arithmetic.
class TestClientRateLimiter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { m_now = 1000.0; } // on a whole second: the rate meter's first bucket starts there
    void cubicCutsOnThrottlingAndGrowsBack();
    void bucketPacesReservationsAtItsRate();
    void bucketNeverFillsBeyondOneSecond();
    void meterMeasuresRequestsPerSecond();
    void letsEverythingThroughUntilThrottled();
    void throttlingLowersTheRateAndSuccessRaisesItAgain();
    void waitersQueueBehindEachOther();

private:
    double m_now = 1000.0;
    ClientRateLimiter::Clock clock()
    {
        return [this] { return m_now; };
    }
};

void TestClientRateLimiter::cubicCutsOnThrottlingAndGrowsBack()
{
    CubicRateCalculator cubic(10, 0);
    // botocore: a throttle at rate 10 gives 7 and makes 10 the old maximum, reached again after K s.
    QCOMPARE(cubic.errorReceived(10, 5), 7.0);
    QCOMPARE(cubic.lastMaxRate(), 10.0);
    const double k = std::cbrt(10 * (1 - CubicRateCalculator::beta) / CubicRateCalculator::scaleConstant);
    QVERIFY(qFuzzyCompare(cubic.successReceived(5 + k), 10.0));
    QVERIFY(cubic.successReceived(5.1) < 10);
    QVERIFY(cubic.successReceived(5 + k + 2) > 10); // probes beyond the old maximum
    QVERIFY(cubic.successReceived(5.1) < cubic.successReceived(5.5));
}

void TestClientRateLimiter::bucketPacesReservationsAtItsRate()
{
    RateTokenBucket bucket(2, 0); // 2 tokens/s, starts empty
    QCOMPARE(bucket.reserve(0), 0.5);
    QCOMPARE(bucket.reserve(0), 1.0); // queued behind the first
    QCOMPARE(bucket.reserve(1.0), 0.5);
    QCOMPARE(bucket.reserve(3.0), 0.0); // refilled meanwhile
}

void TestClientRateLimiter::bucketNeverFillsBeyondOneSecond()
{
    RateTokenBucket bucket(4, 0);
    QCOMPARE(bucket.available(100), 4.0);
    bucket.setMaxRate(0.1, 100); // below the minimum rate: 0.5/s, capacity 1
    QCOMPARE(bucket.maxRate(), RateTokenBucket::minRate);
    QCOMPARE(bucket.available(100), 1.0);
}

void TestClientRateLimiter::meterMeasuresRequestsPerSecond()
{
    SendRateMeter meter(0);
    for (int i = 0; i < 10; ++i)
        meter.record(0.1 + i * 0.01); // ten requests within the first half second
    QCOMPARE(meter.measuredRate(), 0.0);
    // The next bucket closes the first: 11 requests over 0.5 s, smoothed by 0.8.
    QVERIFY(qFuzzyCompare(meter.record(0.6), 11 / 0.5 * SendRateMeter::smoothing));
}

void TestClientRateLimiter::letsEverythingThroughUntilThrottled()
{
    ClientRateLimiter limiter(clock());
    for (int i = 0; i < 100; ++i) {
        QCOMPARE(limiter.acquireDelayMs(), 0);
        limiter.onResponse(false);
        m_now += 0.01;
    }
    QVERIFY(!limiter.isEnabled());
}

void TestClientRateLimiter::throttlingLowersTheRateAndSuccessRaisesItAgain()
{
    ClientRateLimiter limiter(clock());
    // 20 requests per second for 3 s, all fine.
    for (int i = 0; i < 60; ++i) {
        limiter.acquireDelayMs();
        limiter.onResponse(false);
        m_now += 0.05;
    }
    const double measured = limiter.measuredRate();
    QVERIFY2(measured > 15 && measured < 25, qPrintable(QString::number(measured)));

    limiter.onResponse(true);
    QVERIFY(limiter.isEnabled());
    const double afterThrottle = limiter.sendRate();
    QVERIFY2(afterThrottle < measured, qPrintable(QString::number(afterThrottle)));
    QVERIFY(qAbs(afterThrottle - measured * CubicRateCalculator::beta) < 1.0);

    // Another throttle lowers it further.
    m_now += 0.05;
    limiter.onResponse(true);
    const double afterSecond = limiter.sendRate();
    QVERIFY2(afterSecond < afterThrottle, qPrintable(QString::number(afterSecond)));

    // Successes over the next seconds (sent as fast as the limiter allows) let the rate grow back.
    for (int i = 0; i < 400; ++i) {
        const int wait = limiter.acquireDelayMs();
        m_now += std::max(wait / 1000.0, 0.02);
        limiter.onResponse(false);
    }
    const double last = limiter.sendRate();
    QVERIFY2(last > afterSecond, qPrintable(u"%1 -> %2"_s.arg(afterSecond).arg(last)));
}

void TestClientRateLimiter::waitersQueueBehindEachOther()
{
    ClientRateLimiter limiter(clock());
    limiter.onResponse(true); // throttled at once: measured rate 0, so the minimum rate of 0.5/s
    QVERIFY(limiter.isEnabled());
    QCOMPARE(limiter.sendRate(), RateTokenBucket::minRate);
    const int first = limiter.acquireDelayMs();
    const int second = limiter.acquireDelayMs();
    QVERIFY(first > 0);
    QCOMPARE(second - first, 2000); // one token every 2 s
}

QTEST_GUILESS_MAIN(TestClientRateLimiter)
#include "tst_clientratelimiter.moc"
