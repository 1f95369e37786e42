// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/FaultInjector.h"

#include <QSet>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;

using Fault = FaultInjector::Fault;

class TestFaultInjector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ratesAreHonoured_data();
    void ratesAreHonoured();
    void noFaultsByDefault();
    void sameSeedSameSequence();
    void validation_data();
    void validation();
    void namesAreDistinct();
};

void TestFaultInjector::ratesAreHonoured_data()
{
    QTest::addColumn<double>("throttling");
    QTest::addColumn<double>("serverErrors");
    QTest::addColumn<double>("resets");
    QTest::addColumn<quint64>("seed");
    QTest::newRow("throttling only") << 0.3 << 0.0 << 0.0 << quint64(1);
    QTest::newRow("errors only") << 0.0 << 0.2 << 0.0 << quint64(2);
    QTest::newRow("mixed") << 0.1 << 0.1 << 0.05 << quint64(3);
    QTest::newRow("everything fails") << 0.5 << 0.5 << 0.0 << quint64(4);
}

void TestFaultInjector::ratesAreHonoured()
{
    QFETCH(double, throttling);
    QFETCH(double, serverErrors);
    QFETCH(double, resets);
    QFETCH(quint64, seed);
    FaultInjector::Plan plan;
    plan.setRate(Fault::Throttling, throttling);
    plan.setServerErrorRate(serverErrors);
    plan.setRate(Fault::ConnectionReset, resets);
    QVERIFY(!FaultInjector::validate(plan));
    FaultInjector injector(seed, plan);
    constexpr int draws = 20000;
    for (int i = 0; i < draws; ++i)
        injector.next();

    // Deterministic for the seed, so this is not flaky; the bounds are ~5 standard deviations wide.
    const auto near = [&](Fault fault, double rate) {
        const double share = double(injector.count(fault)) / draws;
        const bool ok = std::abs(share - rate) <= 0.02;
        if (!ok)
            qWarning("%s: %f, expected %f", qPrintable(FaultInjector::faultName(fault)), share, rate);
        return ok;
    };
    QVERIFY(near(Fault::Throttling, throttling));
    QVERIFY(near(Fault::InternalError, serverErrors / 2));
    QVERIFY(near(Fault::ServiceUnavailable, serverErrors / 2));
    QVERIFY(near(Fault::ConnectionReset, resets));
    QVERIFY(near(Fault::None, 1.0 - throttling - serverErrors - resets));
    QCOMPARE(injector.count(Fault::TruncatedBody), 0);
    qint64 total = 0;
    for (int i = 0; i < int(Fault::Count); ++i)
        total += injector.count(Fault(i));
    QCOMPARE(total, draws);
}

void TestFaultInjector::noFaultsByDefault()
{
    FaultInjector injector(7, {});
    for (int i = 0; i < 1000; ++i)
        QCOMPARE(injector.next(), Fault::None);
}

void TestFaultInjector::sameSeedSameSequence()
{
    FaultInjector::Plan plan;
    plan.setRate(Fault::Throttling, 0.5);
    FaultInjector a(11, plan), b(11, plan), c(12, plan);
    QList<Fault> fromA, fromB, fromC;
    for (int i = 0; i < 200; ++i) {
        fromA << a.next();
        fromB << b.next();
        fromC << c.next();
    }
    QCOMPARE(fromA, fromB);
    QVERIFY(fromA != fromC);
}

void TestFaultInjector::validation_data()
{
    QTest::addColumn<double>("throttling");
    QTest::addColumn<double>("errors");
    QTest::addColumn<int>("latency");
    QTest::addColumn<bool>("valid");
    QTest::newRow("zero") << 0.0 << 0.0 << 0 << true;
    QTest::newRow("all") << 1.0 << 0.0 << 0 << true;
    QTest::newRow("sum one") << 0.5 << 0.5 << 10 << true;
    QTest::newRow("negative") << -0.1 << 0.0 << 0 << false;
    QTest::newRow("above one") << 1.5 << 0.0 << 0 << false;
    QTest::newRow("sum above one") << 0.6 << 0.6 << 0 << false;
    QTest::newRow("nan") << std::nan("") << 0.0 << 0 << false;
    QTest::newRow("negative latency") << 0.0 << 0.0 << -1 << false;
}

void TestFaultInjector::validation()
{
    QFETCH(double, throttling);
    QFETCH(double, errors);
    QFETCH(int, latency);
    QFETCH(bool, valid);
    FaultInjector::Plan plan;
    plan.setRate(Fault::Throttling, throttling);
    plan.setServerErrorRate(errors);
    plan.latencyMs = latency;
    const auto problem = FaultInjector::validate(plan);
    QCOMPARE(!problem.has_value(), valid);
    if (problem)
        QVERIFY(!problem->isEmpty());
}

void TestFaultInjector::namesAreDistinct()
{
    QSet<QString> names;
    for (int i = 0; i < int(Fault::Count); ++i)
        names.insert(FaultInjector::faultName(Fault(i)));
    QCOMPARE(names.size(), int(Fault::Count));
    QVERIFY(!names.contains(u"unknown"_s));
}

QTEST_GUILESS_MAIN(TestFaultInjector)
#include "tst_faultinjector.moc"
