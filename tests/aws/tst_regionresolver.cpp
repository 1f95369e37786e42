// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/config/MaxAttemptsResolver.h"
#include "aws/config/RegionResolver.h"

#include "TestEnvironment.h"

#include <QTest>

using namespace Qt::StringLiterals;

// Region precedence and validation; max_attempts, resolved the same way.
class TestRegionResolver : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void precedence_data();
    void precedence();
    void validRegionNames_data();
    void validRegionNames();
    void maxAttempts_data();
    void maxAttempts();
};

void TestRegionResolver::precedence_data()
{
    QTest::addColumn<QString>("flag");
    QTest::addColumn<QStringList>("env");
    QTest::addColumn<QString>("profileRegion");
    QTest::addColumn<QString>("region"); // empty: an error is expected
    QTest::addColumn<QString>("sourceOrError");

    const QStringList both{u"AWS_REGION=eu-west-1"_s, u"AWS_DEFAULT_REGION=eu-west-2"_s};
    QTest::newRow("flag wins") << u"ap-south-1"_s << both << u"us-west-2"_s << u"ap-south-1"_s
                               << u"--region"_s;
    QTest::newRow("AWS_REGION next") << QString() << both << u"us-west-2"_s << u"eu-west-1"_s
                                     << u"AWS_REGION"_s;
    QTest::newRow("AWS_DEFAULT_REGION next") << QString() << QStringList{u"AWS_DEFAULT_REGION=eu-west-2"_s}
                                             << u"us-west-2"_s << u"eu-west-2"_s << u"AWS_DEFAULT_REGION"_s;
    QTest::newRow("profile last") << QString() << QStringList{} << u"us-west-2"_s << u"us-west-2"_s
                                  << u"profile dev"_s;
    QTest::newRow("empty values are unset")
        << u" "_s << QStringList{u"AWS_REGION="_s, u"AWS_DEFAULT_REGION="_s} << u"us-west-2"_s
        << u"us-west-2"_s << u"profile dev"_s;
    QTest::newRow("trimmed") << u" eu-north-1 "_s << QStringList{} << QString() << u"eu-north-1"_s
                             << u"--region"_s;
    QTest::newRow("none")
        << QString() << QStringList{} << QString() << QString()
        << u"No AWS region is set. Choose one with --region, set AWS_REGION, or add \"region = "
           u"us-east-1\" to profile dev in ~/.aws/config"_s;
    QTest::newRow("invalid flag does not fall through")
        << u"US East"_s << both << QString() << QString()
        << u"\"US East\" (from --region) is not an AWS region"_s;
    QTest::newRow("invalid env") << QString() << QStringList{u"AWS_REGION=https://x"_s} << u"us-west-2"_s
                                 << QString() << u"(from AWS_REGION)"_s;
    QTest::newRow("availability zone")
        << QString() << QStringList{} << u"us-east-1a"_s << QString()
        << u"\"us-east-1a\" (from profile dev) is an Availability Zone, not a region; "
           u"use \"us-east-1\"."_s;
}

void TestRegionResolver::precedence()
{
    QFETCH(QString, flag);
    QFETCH(QStringList, env);
    QFETCH(QString, profileRegion);
    QFETCH(QString, region);
    QFETCH(QString, sourceOrError);

    const AwsResult<RegionResolver::Resolved> result =
        RegionResolver::resolve(flag, testEnvironment(env), profileRegion, u"dev"_s, u"~/.aws/config"_s);
    if (region.isEmpty()) {
        QVERIFY(!result.ok());
        QCOMPARE(result.error().category(), AwsError::Category::Configuration);
        QVERIFY2(result.error().message().contains(sourceOrError), qPrintable(result.error().message()));
        return;
    }
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message()));
    QCOMPARE(result.value().region, region);
    QCOMPARE(result.value().source, sourceOrError);
}

void TestRegionResolver::validRegionNames_data()
{
    QTest::addColumn<QString>("region");
    QTest::addColumn<bool>("valid");

    for (const char *name : {"us-east-1", "eu-central-2", "ap-southeast-3", "us-gov-west-1", "cn-north-1",
                             "il-central-1", "us-isob-east-1", "eusc-de-east-1", "me-south-1"})
        QTest::newRow(name) << QString::fromLatin1(name) << true;
    for (const char *name : {"", "us-east", "US-EAST-1", "useast1", "us-east-1a", "us_east_1", "us-east-100",
                             "-us-east-1", "us-east-1 ", "eu-west-1/", "a-b-1", "local"})
        QTest::newRow(*name ? name : "empty") << QString::fromLatin1(name) << false;
}

void TestRegionResolver::validRegionNames()
{
    QFETCH(QString, region);
    QFETCH(bool, valid);
    QCOMPARE(RegionResolver::isValidRegion(region), valid);
}

void TestRegionResolver::maxAttempts_data()
{
    QTest::addColumn<QStringList>("env");
    QTest::addColumn<QString>("profileValue");
    QTest::addColumn<int>("attempts"); // 0: an error is expected
    QTest::addColumn<QString>("sourceOrError");

    QTest::newRow("default") << QStringList{} << QString() << 3 << u"default"_s;
    QTest::newRow("environment wins")
        << QStringList{u"AWS_MAX_ATTEMPTS=5"_s} << u"2"_s << 5 << u"AWS_MAX_ATTEMPTS"_s;
    QTest::newRow("profile") << QStringList{} << u" 7 "_s << 7 << u"profile dev"_s;
    QTest::newRow("one is fine") << QStringList{u"AWS_MAX_ATTEMPTS=1"_s} << QString() << 1
                                 << u"AWS_MAX_ATTEMPTS"_s;
    QTest::newRow("zero")
        << QStringList{u"AWS_MAX_ATTEMPTS=0"_s} << QString() << 0
        << u"max_attempts (from AWS_MAX_ATTEMPTS) must be a whole number of at least 1, not \"0\"."_s;
    QTest::newRow("negative") << QStringList{} << u"-2"_s << 0 << u"(from profile dev)"_s;
    QTest::newRow("not a number") << QStringList{u"AWS_MAX_ATTEMPTS=three"_s} << u"2"_s << 0
                                  << u"not \"three\""_s;
    QTest::newRow("fraction") << QStringList{} << u"2.5"_s << 0 << u"not \"2.5\""_s;
}

void TestRegionResolver::maxAttempts()
{
    QFETCH(QStringList, env);
    QFETCH(QString, profileValue);
    QFETCH(int, attempts);
    QFETCH(QString, sourceOrError);

    const AwsResult<MaxAttemptsResolver::Resolved> result =
        MaxAttemptsResolver::resolve(testEnvironment(env), profileValue, u"dev"_s);
    if (attempts == 0) {
        QVERIFY(!result.ok());
        QCOMPARE(result.error().category(), AwsError::Category::Configuration);
        QVERIFY2(result.error().message().contains(sourceOrError), qPrintable(result.error().message()));
        return;
    }
    QVERIFY(result.ok());
    QCOMPARE(result.value().maxAttempts, attempts);
    QCOMPARE(result.value().source, sourceOrError);
}

QTEST_GUILESS_MAIN(TestRegionResolver)
#include "tst_regionresolver.moc"
