// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The transport settings resolved from flags, environment and profile: timeouts, retry mode (and its
// default attempts) and the user agent's app id.
#include "aws/config/AppIdResolver.h"
#include "aws/config/ConnectionResolver.h"
#include "aws/config/MaxAttemptsResolver.h"
#include "aws/config/RetryModeResolver.h"
#include "aws/config/TimeoutResolver.h"
#include "aws/transport/AwsTransport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;

// Timeouts, retry mode (with its default of attempts) and the User-Agent application id: each resolver on
// its own, then all of them through ConnectionResolver with a real ~/.aws/config.
class TestTransportSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesSeconds_data();
    void parsesSeconds();
    void timeoutPrecedence();
    void retryModes_data();
    void retryModes();
    void attemptsDefaultPerMode();
    void appId();
    void userAgentSanitisesTheAppId_data();
    void userAgentSanitisesTheAppId();
    void connectionResolverFillsEverything();
    void connectionResolverRejectsBadValues_data();
    void connectionResolverRejectsBadValues();

private:
    static QProcessEnvironment env(const QStringList &assignments);
};

QProcessEnvironment TestTransportSettings::env(const QStringList &assignments)
{
    QProcessEnvironment e;
    for (const QString &assignment : assignments) {
        const qsizetype eq = assignment.indexOf(u'=');
        e.insert(assignment.left(eq), assignment.mid(eq + 1));
    }
    return e;
}

void TestTransportSettings::parsesSeconds_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("ms"); // -1: refused

    QTest::newRow("whole") << u"5"_s << 5000;
    QTest::newRow("zero is no limit") << u"0"_s << 0;
    QTest::newRow("fraction") << u"2.5"_s << 2500;
    QTest::newRow("spaces") << u" 7 "_s << 7000;
    QTest::newRow("negative") << u"-1"_s << -1;
    QTest::newRow("word") << u"ten"_s << -1;
    QTest::newRow("empty") << QString() << -1;
    QTest::newRow("exponent") << u"1e3"_s << -1;
    QTest::newRow("infinity") << u"inf"_s << -1;
    QTest::newRow("too large") << u"99999999"_s << -1;
}

void TestTransportSettings::parsesSeconds()
{
    QFETCH(QString, text);
    QFETCH(int, ms);
    const std::optional<int> parsed = TimeoutResolver::parseSeconds(text);
    QCOMPARE(parsed.has_value(), ms >= 0);
    if (parsed)
        QCOMPARE(*parsed, ms);
}

void TestTransportSettings::timeoutPrecedence()
{
    const auto fromOption = TimeoutResolver::resolve(u"connect_timeout"_s, 0, u"--cli-connect-timeout"_s,
                                                     u"5"_s, u"dev"_s, 10000);
    QVERIFY(fromOption);
    QCOMPARE(fromOption.value().timeoutMs, 0);
    QCOMPARE(fromOption.value().source, u"--cli-connect-timeout"_s);

    const auto fromProfile = TimeoutResolver::resolve(u"read_timeout"_s, std::nullopt,
                                                      u"--cli-read-timeout"_s, u"90"_s, u"dev"_s, 60000);
    QVERIFY(fromProfile);
    QCOMPARE(fromProfile.value().timeoutMs, 90000);
    QCOMPARE(fromProfile.value().source, u"profile dev"_s);

    const auto byDefault = TimeoutResolver::resolve(u"read_timeout"_s, std::nullopt, u"--cli-read-timeout"_s,
                                                    QString(), u"dev"_s, 60000);
    QVERIFY(byDefault);
    QCOMPARE(byDefault.value().timeoutMs, 60000);
    QCOMPARE(byDefault.value().source, u"default"_s);

    const auto bad = TimeoutResolver::resolve(u"read_timeout"_s, std::nullopt, u"--cli-read-timeout"_s,
                                              u"soon"_s, u"dev"_s, 60000);
    QVERIFY(!bad);
    QCOMPARE(bad.error().category(), AwsError::Category::Configuration);
    QVERIFY2(bad.error().message().contains(u"read_timeout of profile dev"_s),
             qPrintable(bad.error().message()));
    QVERIFY(bad.error().message().contains(u"\"soon\""_s));
}

void TestTransportSettings::retryModes_data()
{
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QString>("profileValue");
    QTest::addColumn<QString>("mode"); // empty: an error
    QTest::addColumn<QString>("sourceOrError");

    QTest::newRow("default") << QStringList{} << QString() << u"standard"_s << u"default"_s;
    QTest::newRow("profile") << QStringList{} << u"adaptive"_s << u"adaptive"_s << u"profile dev"_s;
    QTest::newRow("environment wins")
        << QStringList{u"AWS_RETRY_MODE=legacy"_s} << u"adaptive"_s << u"legacy"_s << u"AWS_RETRY_MODE"_s;
    QTest::newRow("bad environment")
        << QStringList{u"AWS_RETRY_MODE=fast"_s} << u"adaptive"_s << QString()
        << u"retry_mode (from AWS_RETRY_MODE) must be legacy, standard or adaptive, not \"fast\"."_s;
    // botocore compares exactly: "Standard" is refused there too.
    QTest::newRow("bad profile") << QStringList{} << u"Standard"_s << QString()
                                 << u"retry_mode (from profile dev)"_s;
}

void TestTransportSettings::retryModes()
{
    QFETCH(QStringList, environment);
    QFETCH(QString, profileValue);
    QFETCH(QString, mode);
    QFETCH(QString, sourceOrError);
    const auto resolved = RetryModeResolver::resolve(env(environment), profileValue, u"dev"_s);
    if (mode.isEmpty()) {
        QVERIFY(!resolved);
        QCOMPARE(resolved.error().category(), AwsError::Category::Configuration);
        QVERIFY2(resolved.error().message().contains(sourceOrError), qPrintable(resolved.error().message()));
        return;
    }
    QVERIFY(resolved);
    QCOMPARE(RetryModeResolver::modeName(resolved.value().mode), mode);
    QCOMPARE(resolved.value().source, sourceOrError);
}

void TestTransportSettings::attemptsDefaultPerMode()
{
    // botocore: standard and adaptive 3 (retries/standard.py DEFAULT_MAX_ATTEMPTS), legacy 5 (_retry.json).
    const QProcessEnvironment none;
    QCOMPARE(MaxAttemptsResolver::resolve(none, {}, u"p"_s, RetryMode::Standard).value().maxAttempts, 3);
    QCOMPARE(MaxAttemptsResolver::resolve(none, {}, u"p"_s, RetryMode::Adaptive).value().maxAttempts, 3);
    QCOMPARE(MaxAttemptsResolver::resolve(none, {}, u"p"_s, RetryMode::Legacy).value().maxAttempts, 5);
    // An explicit number counts in every mode.
    QCOMPARE(MaxAttemptsResolver::resolve(env({u"AWS_MAX_ATTEMPTS=2"_s}), {}, u"p"_s, RetryMode::Legacy)
                 .value()
                 .maxAttempts,
             2);
}

void TestTransportSettings::appId()
{
    const auto fromEnv =
        AppIdResolver::resolve(env({u"AWS_SDK_UA_APP_ID=ops-tools"_s}), u"other"_s, u"dev"_s);
    QCOMPARE(fromEnv.appId, u"ops-tools"_s);
    QCOMPARE(fromEnv.source, u"AWS_SDK_UA_APP_ID"_s);
    QVERIFY(fromEnv.warning.isEmpty());

    const auto fromProfile = AppIdResolver::resolve({}, u"audit"_s, u"dev"_s);
    QCOMPARE(fromProfile.appId, u"audit"_s);
    QCOMPARE(fromProfile.source, u"profile dev"_s);

    const auto none = AppIdResolver::resolve(env({u"AWS_SDK_UA_APP_ID="_s}), QString(), u"dev"_s);
    QVERIFY(none.appId.isEmpty());

    // Longer than botocore's 50 characters: kept whole, with a warning.
    const QString longId(51, u'x');
    const auto tooLong = AppIdResolver::resolve(env({u"AWS_SDK_UA_APP_ID="_s + longId}), {}, u"dev"_s);
    QCOMPARE(tooLong.appId, longId);
    QVERIFY(tooLong.warning.contains(u"50"_s));
}

void TestTransportSettings::userAgentSanitisesTheAppId_data()
{
    QTest::addColumn<QString>("appId");
    QTest::addColumn<QByteArray>("suffix");

    QTest::newRow("none") << QString() << QByteArray();
    QTest::newRow("plain") << u"ops-tools_1.2"_s << QByteArray(" app/ops-tools_1.2");
    QTest::newRow("allowed punctuation") << u"a!#$%&'*+-.^_`|~,z"_s << QByteArray(" app/a!#$%&'*+-.^_`|~,z");
    QTest::newRow("space slash and parentheses")
        << u"my app/v1 (beta)"_s << QByteArray(" app/my-app-v1--beta-");
    QTest::newRow("non-ASCII, one dash per character") << u"café😀"_s << QByteArray(" app/caf--");
}

void TestTransportSettings::userAgentSanitisesTheAppId()
{
    QFETCH(QString, appId);
    QFETCH(QByteArray, suffix);
    QCOMPARE(AwsTransport::userAgent(appId), AwsTransport::userAgent() + suffix);
}

void TestTransportSettings::connectionResolverFillsEverything()
{
    QTemporaryDir home;
    QVERIFY(QDir(home.path()).mkpath(u".aws"_s));
    QFile config(home.filePath(u".aws/config"_s));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("[profile dev]\nregion = eu-west-1\nretry_mode = legacy\nconnect_timeout = 3\n"
                 "read_timeout = 0\nsdk_ua_app_id = from-profile\n");
    config.close();
    QProcessEnvironment e = env({u"HOME="_s + home.path(), u"AWS_PROFILE=dev"_s});

    auto resolved = ConnectionResolver::resolve({}, e);
    QVERIFY2(resolved, qPrintable(resolved ? QString() : resolved.error().message()));
    ResolvedConnection c = resolved.value();
    QCOMPARE(c.retryMode, RetryMode::Legacy);
    QCOMPARE(c.retryModeSource, u"profile dev"_s);
    QCOMPARE(c.maxAttempts, 5);
    QCOMPARE(c.connectTimeoutMs, 3000);
    QCOMPARE(c.connectTimeoutSource, u"profile dev"_s);
    QCOMPARE(c.readTimeoutMs, 0);
    QCOMPARE(c.appId, u"from-profile"_s);
    QCOMPARE(c.appIdSource, u"profile dev"_s);
    AwsTransportOptions transport = c.transportOptions();
    QCOMPARE(transport.retryMode, RetryMode::Legacy);
    QCOMPARE(transport.connectTimeoutMs, 3000);
    QCOMPARE(transport.readTimeoutMs, 0);
    QCOMPARE(transport.appId, u"from-profile"_s);

    // The options and the environment win.
    ConnectionOptions options;
    options.connectTimeoutMs = 1500;
    options.readTimeoutMs = 20000;
    e.insert(u"AWS_RETRY_MODE"_s, u"adaptive"_s);
    e.insert(u"AWS_SDK_UA_APP_ID"_s, u"from-env"_s);
    resolved = ConnectionResolver::resolve(options, e);
    QVERIFY(resolved);
    c = resolved.value();
    QCOMPARE(c.retryMode, RetryMode::Adaptive);
    QCOMPARE(c.retryModeSource, u"AWS_RETRY_MODE"_s);
    QCOMPARE(c.maxAttempts, 3);
    QCOMPARE(c.connectTimeoutMs, 1500);
    QCOMPARE(c.connectTimeoutSource, u"--cli-connect-timeout"_s);
    QCOMPARE(c.readTimeoutMs, 20000);
    QCOMPARE(c.appId, u"from-env"_s);
    transport = c.transportOptions();
    QCOMPARE(transport.retryMode, RetryMode::Adaptive);
    QCOMPARE(transport.maxAttempts, 3);

    // Nothing set: the defaults of the transport.
    resolved = ConnectionResolver::resolve({}, env({u"HOME="_s + home.path(), u"AWS_REGION=us-east-1"_s}));
    QVERIFY(resolved);
    QCOMPARE(resolved.value().retryMode, RetryMode::Standard);
    QCOMPARE(resolved.value().connectTimeoutMs, AwsTransportOptions{}.connectTimeoutMs);
    QCOMPARE(resolved.value().readTimeoutMs, AwsTransportOptions{}.readTimeoutMs);
    QCOMPARE(resolved.value().connectTimeoutSource, u"default"_s);
    QVERIFY(resolved.value().appId.isEmpty());
}

void TestTransportSettings::connectionResolverRejectsBadValues_data()
{
    QTest::addColumn<QByteArray>("profile");
    QTest::addColumn<QString>("errorContains");

    QTest::newRow("retry mode") << QByteArray("retry_mode = turbo\n") << u"retry_mode (from profile dev)"_s;
    QTest::newRow("connect timeout") << QByteArray("connect_timeout = -3\n")
                                     << u"connect_timeout of profile dev"_s;
    QTest::newRow("read timeout") << QByteArray("read_timeout = 1 minute\n")
                                  << u"read_timeout of profile dev"_s;
}

void TestTransportSettings::connectionResolverRejectsBadValues()
{
    QFETCH(QByteArray, profile);
    QFETCH(QString, errorContains);
    QTemporaryDir home;
    QVERIFY(QDir(home.path()).mkpath(u".aws"_s));
    QFile config(home.filePath(u".aws/config"_s));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("[profile dev]\nregion = eu-west-1\n" + profile);
    config.close();
    const auto resolved =
        ConnectionResolver::resolve({}, env({u"HOME="_s + home.path(), u"AWS_PROFILE=dev"_s}));
    QVERIFY(!resolved);
    QCOMPARE(resolved.error().category(), AwsError::Category::Configuration);
    QVERIFY2(resolved.error().message().contains(errorContains), qPrintable(resolved.error().message()));
}

QTEST_GUILESS_MAIN(TestTransportSettings)
#include "tst_transportsettings.moc"
