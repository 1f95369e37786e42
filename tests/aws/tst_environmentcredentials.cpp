// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/credentials/EnvironmentCredentialsProvider.h"

#include "TestEnvironment.h"

#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

class TestEnvironmentCredentials : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reads_data();
    void reads();
    void fetchAnswersImmediately();
};

namespace {

const QDateTime now = QDateTime(QDate(2030, 1, 1), QTime(12, 0), QTimeZone::utc());

} // namespace

void TestEnvironmentCredentials::reads_data()
{
    QTest::addColumn<QStringList>("env");
    QTest::addColumn<bool>("configured");
    QTest::addColumn<QString>("accessKeyId");   // empty: expect an error
    QTest::addColumn<QString>("errorContains"); // or the expected session token
    QTest::addColumn<QDateTime>("expiration");

    QTest::newRow("keys") << QStringList{u"AWS_ACCESS_KEY_ID=AKIDENV"_s, u"AWS_SECRET_ACCESS_KEY=envsecret"_s}
                          << true << u"AKIDENV"_s << QString() << QDateTime();
    QTest::newRow("with token and expiration")
        << QStringList{u"AWS_ACCESS_KEY_ID=ASIAENV"_s, u"AWS_SECRET_ACCESS_KEY=envsecret"_s,
                       u"AWS_SESSION_TOKEN=envtoken"_s,
                       u"AWS_CREDENTIAL_EXPIRATION=2030-01-01T13:30:00+01:00"_s}
        << true << u"ASIAENV"_s << u"envtoken"_s
        << QDateTime(QDate(2030, 1, 1), QTime(12, 30), QTimeZone::utc());
    QTest::newRow("nothing") << QStringList{u"AWS_SESSION_TOKEN=envtoken"_s} << false << QString()
                             << u"not set"_s << QDateTime();
    QTest::newRow("empty values are unset")
        << QStringList{u"AWS_ACCESS_KEY_ID="_s, u"AWS_SECRET_ACCESS_KEY="_s} << false << QString()
        << u"not set"_s << QDateTime();
    QTest::newRow("only id") << QStringList{u"AWS_ACCESS_KEY_ID=AKIDENV"_s} << true << QString()
                             << u"AWS_SECRET_ACCESS_KEY is not"_s << QDateTime();
    QTest::newRow("only secret") << QStringList{u"AWS_SECRET_ACCESS_KEY=envsecret"_s} << true << QString()
                                 << u"AWS_ACCESS_KEY_ID is not"_s << QDateTime();
    QTest::newRow("bad expiration") << QStringList{u"AWS_ACCESS_KEY_ID=A"_s,
                                                   u"AWS_SECRET_ACCESS_KEY=envsecret"_s,
                                                   u"AWS_CREDENTIAL_EXPIRATION=tomorrow"_s}
                                    << true << QString() << u"ISO 8601"_s << QDateTime();
    QTest::newRow("expired") << QStringList{u"AWS_ACCESS_KEY_ID=A"_s, u"AWS_SECRET_ACCESS_KEY=envsecret"_s,
                                            u"AWS_CREDENTIAL_EXPIRATION=2030-01-01T11:59:59Z"_s}
                             << true << QString() << u"expired at 2030-01-01T11:59:59Z"_s << QDateTime();
}

void TestEnvironmentCredentials::reads()
{
    QFETCH(QStringList, env);
    QFETCH(bool, configured);
    QFETCH(QString, accessKeyId);
    QFETCH(QString, errorContains);
    QFETCH(QDateTime, expiration);

    const QProcessEnvironment environment_ = testEnvironment(env);
    QCOMPARE(EnvironmentCredentialsProvider::isConfigured(environment_), configured);
    const AwsResult<AwsCredentials> result = EnvironmentCredentialsProvider::read(environment_, now);
    if (accessKeyId.isEmpty()) {
        QVERIFY(!result.ok());
        QCOMPARE(result.error().category(), AwsError::Category::Credentials);
        QVERIFY2(result.error().message().contains(errorContains), qPrintable(result.error().message()));
        QVERIFY(!result.error().message().contains(u"envsecret"_s));
        return;
    }
    QVERIFY(result.ok());
    QCOMPARE(result.value().accessKeyId, accessKeyId);
    QCOMPARE(result.value().secretAccessKey, u"envsecret"_s);
    QCOMPARE(result.value().sessionToken, errorContains);
    QCOMPARE(result.value().expiration, expiration);
    QCOMPARE(result.value().source, u"environment"_s);
}

void TestEnvironmentCredentials::fetchAnswersImmediately()
{
    EnvironmentCredentialsProvider provider(
        testEnvironment({u"AWS_ACCESS_KEY_ID=AKIDENV"_s, u"AWS_SECRET_ACCESS_KEY=envsecret"_s}),
        [] { return now; });
    int calls = 0;
    QString keyId;
    provider.fetch(this, [&](const AwsResult<AwsCredentials> &result) {
        ++calls;
        keyId = result.ok() ? result.value().accessKeyId : QString();
    });
    QCOMPARE(calls, 1);
    QCOMPARE(keyId, u"AKIDENV"_s);
    QVERIFY(provider.description().contains(u"AWS_ACCESS_KEY_ID"_s));
}

QTEST_GUILESS_MAIN(TestEnvironmentCredentials)
#include "tst_environmentcredentials.moc"
