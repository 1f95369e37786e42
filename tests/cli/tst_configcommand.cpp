// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// `sessionscope-cli config` in-process: what it resolves and where from, in the table and in JSON, with
// nothing listening anywhere (it never calls AWS), and no secret in its output.
#include "cli/CliExitCode.h"
#include "cli/CommandFactory.h"
#include "cli/ConfigCommand.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString secretKey = u"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"_s;
const QString sessionToken = u"FwoGZXIvYXdzEXAMPLESESSIONTOKEN"_s;
const QString proxyPassword = u"pr0xy-Pa55"_s;

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestConfigCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void environmentKeysShowOnlyTheirLastFourCharacters();
    void jsonHasEveryDocumentedKey();
    void eachSettingSaysWhereItCameFrom();
    void identityCenterEndpointsUseTheSsoRegion();
    void aProxyPasswordIsNeverShown();
    void aBadSettingIsAConfigurationError();
    void maskedAccessKeyId();

private:
    Run run(const QStringList &arguments, const QMap<QString, QString> &environment);
    QMap<QString, QString> baseEnvironment() const;

    QTemporaryDir m_home;
};

void TestConfigCommand::initTestCase()
{
    QVERIFY(m_home.isValid());
    QFile config(m_home.filePath(u"config"_s));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("[default]\n"
                 "region = eu-west-1\n"
                 "[profile dev]\n"
                 "region = ap-southeast-2\n"
                 "aws_access_key_id = AKIADEVEXAMPLE9876\n"
                 "aws_secret_access_key = " +
                 secretKey.toUtf8() +
                 "\n"
                 "max_attempts = 7\n"
                 "[profile sso]\n"
                 "sso_session = corp\n"
                 "sso_account_id = 111122223333\n"
                 "sso_role_name = Admin\n"
                 "region = us-east-1\n"
                 "[sso-session corp]\n"
                 "sso_start_url = https://corp.awsapps.com/start\n"
                 "sso_region = eu-central-1\n"
                 "[profile broken]\n"
                 "region = us-east-1\n"
                 "max_attempts = many\n");
    config.close();
}

QMap<QString, QString> TestConfigCommand::baseEnvironment() const
{
    return {{u"HOME"_s, m_home.path()},
            {u"AWS_CONFIG_FILE"_s, m_home.filePath(u"config"_s)},
            {u"AWS_SHARED_CREDENTIALS_FILE"_s, m_home.filePath(u"no-credentials"_s)},
            {u"AWS_EC2_METADATA_DISABLED"_s, u"true"_s}};
}

Run TestConfigCommand::run(const QStringList &arguments, const QMap<QString, QString> &environment)
{
    QString error;
    const std::optional<CliArguments> parsed = CliArguments::parse(arguments, &error);
    if (!parsed) {
        qWarning() << error;
        return {};
    }
    QBuffer out;
    QBuffer err;
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    CommandContext context;
    context.arguments = *parsed;
    for (auto it = environment.begin(); it != environment.end(); ++it)
        context.environment.insert(it.key(), it.value());
    context.out = &out;
    context.err = &err;
    std::unique_ptr<Command> command = CommandFactory::create(std::move(context));
    QSignalSpy finished(command.get(), &Command::finished);
    command->start();
    if (!finished.wait(10'000))
        return {};
    return {finished.first().first().toInt(), out.data(), err.data()};
}

void TestConfigCommand::environmentKeysShowOnlyTheirLastFourCharacters()
{
    QMap<QString, QString> env = baseEnvironment();
    env.insert(u"AWS_ACCESS_KEY_ID"_s, u"ASIAENVEXAMPLE4321"_s);
    env.insert(u"AWS_SECRET_ACCESS_KEY"_s, secretKey);
    env.insert(u"AWS_SESSION_TOKEN"_s, sessionToken);
    const Run table = run({u"config"_s}, env);
    QCOMPARE(table.exitCode, 0);
    QVERIFY2(table.out.contains("****4321"), table.out.constData());
    QVERIFY(table.out.contains("environment variables"));
    QVERIFY(!table.out.contains("ASIAENVEXAMPLE"));
    QVERIFY(!table.out.contains(secretKey.toUtf8()) && !table.err.contains(secretKey.toUtf8()));
    QVERIFY(!table.out.contains(sessionToken.toUtf8()) && !table.err.contains(sessionToken.toUtf8()));

    const Run json = run({u"config"_s, u"--format"_s, u"json"_s}, env);
    QCOMPARE(json.exitCode, 0);
    const QJsonObject object = QJsonDocument::fromJson(json.out).object();
    QCOMPARE(object[u"accessKeyId"].toString(), u"****4321"_s);
    QVERIFY(!json.out.contains(secretKey.toUtf8()) && !json.out.contains(sessionToken.toUtf8()));

    // A profile's keys the same way.
    QMap<QString, QString> profileEnv = baseEnvironment();
    const Run dev = run({u"config"_s, u"--profile"_s, u"dev"_s, u"--format"_s, u"json"_s}, profileEnv);
    QCOMPARE(dev.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(dev.out).object()[u"accessKeyId"].toString(), u"****9876"_s);
    QVERIFY(!dev.out.contains(secretKey.toUtf8()));
}

void TestConfigCommand::jsonHasEveryDocumentedKey()
{
    const Run json = run({u"config"_s, u"--format"_s, u"json"_s}, baseEnvironment());
    QCOMPARE(json.exitCode, 0);
    const QJsonObject object = QJsonDocument::fromJson(json.out).object();
    for (const QString &key :
         {u"profile"_s, u"credentialSource"_s, u"region"_s, u"regionSource"_s, u"endpoints"_s, u"proxy"_s,
          u"caBundle"_s, u"connectTimeout"_s, u"readTimeout"_s, u"retryMode"_s, u"maxAttempts"_s}) {
        QVERIFY2(object.contains(key), qPrintable(key));
    }
    const QJsonObject endpoints = object[u"endpoints"].toObject();
    QCOMPARE(endpoints.keys(),
             (QStringList{u"qapps"_s, u"sso"_s, u"sso-oidc"_s, u"sts"_s, u"workspaces-web"_s}));
    QCOMPARE(endpoints[u"workspaces-web"].toObject()[u"url"].toString(),
             u"https://workspaces-web.eu-west-1.amazonaws.com"_s);
    QCOMPARE(endpoints[u"qapps"].toObject()[u"url"].toString(),
             u"https://data.qapps.eu-west-1.amazonaws.com"_s);
    QCOMPARE(object[u"region"].toString(), u"eu-west-1"_s);
    QCOMPARE(object[u"profile"].toString(), u"default"_s);
    QCOMPARE(object[u"maxAttempts"].toInt(), 3);
    QCOMPARE(object[u"retryMode"].toString(), u"standard"_s);
    QVERIFY(object[u"caBundle"].isNull());
    QVERIFY(object[u"connectTimeout"].toDouble() > 0);
}

void TestConfigCommand::eachSettingSaysWhereItCameFrom()
{
    QMap<QString, QString> env = baseEnvironment();
    env.insert(u"AWS_REGION"_s, u"us-west-2"_s);
    env.insert(u"AWS_ENDPOINT_URL_QAPPS"_s, u"https://qapps.example.internal"_s);
    env.insert(u"AWS_MAX_ATTEMPTS"_s, u"5"_s);
    const Run json = run({u"config"_s, u"--profile"_s, u"dev"_s, u"--format"_s, u"json"_s}, env);
    QCOMPARE(json.exitCode, 0);
    const QJsonObject object = QJsonDocument::fromJson(json.out).object();
    QCOMPARE(object[u"profileSource"].toString(), u"--profile"_s);
    QCOMPARE(object[u"region"].toString(), u"us-west-2"_s);
    QCOMPARE(object[u"regionSource"].toString(), u"AWS_REGION"_s);
    const QJsonObject qapps = object[u"endpoints"].toObject()[u"qapps"].toObject();
    QCOMPARE(qapps[u"url"].toString(), u"https://qapps.example.internal"_s);
    QCOMPARE(qapps[u"source"].toString(), u"AWS_ENDPOINT_URL_QAPPS"_s);
    QCOMPARE(object[u"maxAttempts"].toInt(), 5);
    QCOMPARE(object[u"sources"].toObject()[u"maxAttempts"].toString(), u"AWS_MAX_ATTEMPTS"_s);
    QVERIFY(object[u"credentialSource"].toString().contains(u"profile dev"_s));

    // The table says the same.
    const Run table = run({u"config"_s, u"--profile"_s, u"dev"_s}, env);
    QCOMPARE(table.exitCode, 0);
    QVERIFY(table.out.contains("AWS_ENDPOINT_URL_QAPPS"));
    QVERIFY(table.out.contains("https://qapps.example.internal"));
}

void TestConfigCommand::identityCenterEndpointsUseTheSsoRegion()
{
    const Run json =
        run({u"config"_s, u"--profile"_s, u"sso"_s, u"--format"_s, u"json"_s}, baseEnvironment());
    QCOMPARE(json.exitCode, 0);
    const QJsonObject object = QJsonDocument::fromJson(json.out).object();
    const QJsonObject endpoints = object[u"endpoints"].toObject();
    QCOMPARE(endpoints[u"sso"].toObject()[u"url"].toString(),
             u"https://portal.sso.eu-central-1.amazonaws.com"_s);
    QCOMPARE(endpoints[u"sso-oidc"].toObject()[u"url"].toString(),
             u"https://oidc.eu-central-1.amazonaws.com"_s);
    QCOMPARE(endpoints[u"sts"].toObject()[u"url"].toString(), u"https://sts.us-east-1.amazonaws.com"_s);
    QVERIFY2(object[u"credentialSource"].toString().contains(u"IAM Identity Center"_s),
             qPrintable(object[u"credentialSource"].toString()));
    QVERIFY(object[u"accessKeyId"].isNull());
}

void TestConfigCommand::aProxyPasswordIsNeverShown()
{
    QMap<QString, QString> env = baseEnvironment();
    env.insert(u"HTTPS_PROXY"_s, u"http://alice:"_s + proxyPassword + u"@proxy.example.internal:3128"_s);
    for (const QString &format : {u"table"_s, u"json"_s}) {
        const Run result = run({u"config"_s, u"--format"_s, format}, env);
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(!result.out.contains(proxyPassword.toUtf8()), result.out.constData());
        QVERIFY(!result.err.contains(proxyPassword.toUtf8()));
    }
}

void TestConfigCommand::aBadSettingIsAConfigurationError()
{
    const Run result = run({u"config"_s, u"--profile"_s, u"broken"_s}, baseEnvironment());
    QCOMPARE(result.exitCode, int(CliExitCode::Configuration));
    QVERIFY(result.out.isEmpty());
    QVERIFY2(result.err.contains("max_attempts"), result.err.constData());
}

void TestConfigCommand::maskedAccessKeyId()
{
    QCOMPARE(ConfigCommand::maskedAccessKeyId(u"AKIAIOSFODNN7EXAMPLE"_s), u"****MPLE"_s);
    QCOMPARE(ConfigCommand::maskedAccessKeyId(u"AB"_s), u"****AB"_s);
    QCOMPARE(ConfigCommand::maskedAccessKeyId(QString()), QString());
}

QTEST_GUILESS_MAIN(TestConfigCommand)
#include "tst_configcommand.moc"
