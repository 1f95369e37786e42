// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/RequestRateLimit.h"

#include <QTest>

using namespace Qt::StringLiterals;

// --throttle-rps: the emulator's service-side token bucket, on a hand-moved millisecond clock.
class TestRequestRateLimit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parses_data();
    void parses();
    void admitsABurstThenTheRate();
    void withoutALimitEverythingPasses();
};

void TestRequestRateLimit::parses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("rate"); // 0: refused
    QTest::addColumn<double>("burst");

    QTest::newRow("rate") << u"20"_s << 20.0 << 0.0;
    QTest::newRow("rate and burst") << u"2.5:10"_s << 2.5 << 10.0;
    QTest::newRow("zero") << u"0"_s << 0.0 << 0.0;
    QTest::newRow("negative") << u"-3"_s << 0.0 << 0.0;
    QTest::newRow("burst below 1") << u"5:0.5"_s << 0.0 << 0.0;
    QTest::newRow("word") << u"fast"_s << 0.0 << 0.0;
    QTest::newRow("three parts") << u"1:2:3"_s << 0.0 << 0.0;
}

void TestRequestRateLimit::parses()
{
    QFETCH(QString, text);
    QFETCH(double, rate);
    QFETCH(double, burst);
    QString error;
    const auto settings = RequestRateLimit::parse(text, &error);
    QCOMPARE(settings.has_value(), rate > 0);
    if (settings) {
        QCOMPARE(settings->rate, rate);
        QCOMPARE(settings->burst, burst);
    } else {
        QVERIFY2(error.contains(u"--throttle-rps"_s), qPrintable(error));
    }
}

void TestRequestRateLimit::admitsABurstThenTheRate()
{
    RequestRateLimit limit(RequestRateLimit::Settings{10, 3});
    for (int i = 0; i < 3; ++i)
        QVERIFY(limit.admit(1000));
    QVERIFY(!limit.admit(1000)); // the burst is spent
    QVERIFY(!limit.admit(1050)); // half a token
    QVERIFY(limit.admit(1100));  // one token per 100 ms
    QVERIFY(!limit.admit(1100));
    QVERIFY(limit.admit(5000)); // refilled, up to the burst only
    QVERIFY(limit.admit(5000));
    QVERIFY(limit.admit(5000));
    QVERIFY(!limit.admit(5000));
    QCOMPARE(limit.admitted(), 7);
    QCOMPARE(limit.throttled(), 4);
}

void TestRequestRateLimit::withoutALimitEverythingPasses()
{
    RequestRateLimit limit;
    for (int i = 0; i < 1000; ++i)
        QVERIFY(limit.admit(0));
    QCOMPARE(limit.throttled(), 0);
}

QTEST_GUILESS_MAIN(TestRequestRateLimit)
#include "tst_requestratelimit.moc"
