// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The commands of sessionscope-cli in-process, with the CommandContext a test fills in: buffers for
// stdout, stderr and stdin, and terminal flags that pretend what isatty() would say.
#include "cli/CommandFactory.h"
#include "cli/TerminalPrompts.h"
#include "emulator/BackgroundEmulator.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestCliCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void expireRefusesWithoutATerminal();
    void expireAsksOnTheTerminal_data();
    void expireAsksOnTheTerminal();
    void sessionsAreATableOnATerminal();
    void progressOnlyOnATerminal();
    void portalArnSuppliesTheRegion();
    void portalArnInAnotherRegionIsAConfigurationError();
    void whoamiPrintsTheCallerAndWhereTheCredentialsCameFrom();
    void whoamiTextIsReadable();
    void anMfaRoleWithoutATerminalFailsAtOnceSayingWhy();
    void loginRefusesAProfileOfAnotherKind();
    void loginPrintsUrlAndCodeAndWaitsForTheApproval();
    void loginIsCancelledCleanly();

private:
    /// Writes a shared config with an MFA role and an IAM Identity Center profile; returns its path.
    QString writeIdentityConfig();
    /// Starts `login` for profile `sso`, waits for the code on stderr; the command keeps running.
    std::unique_ptr<Command> startLogin(QBuffer *out, QBuffer *err, QString *userCode);
    /// Runs `arguments` (parsed as on the command line) against the emulator, or against nothing listening
    /// when `offline`; `configure` sets the terminal flags and stdin.
    Run run(const QStringList &arguments, const std::function<void(CommandContext &)> &configure = {},
            const QStringList &environment = {}, bool offline = false);
    /// The newest session of `portal` (only active ones when `active`); empty when there is none.
    QString firstSession(const QString &portal, bool active = true);

    std::unique_ptr<BackgroundEmulator> m_emulator;
    QTemporaryDir m_home;
    QString m_portal;
    QString m_portalArn;
};

void TestCliCommands::initTestCase()
{
    QVERIFY(m_home.isValid());
    EmulatorConfig config;
    config.seed = 7;
    config.portals = 2;
    config.sessionsPerPortal = 60;
    config.anchor = QDateTime(QDate(2026, 11, 2), QTime(12, 0), Qt::UTC);
    config.identity.requireMfaRoles = {u"mfa-role"_s};
    m_emulator = std::make_unique<BackgroundEmulator>(config);
    QString error;
    QVERIFY2(m_emulator->start(&error), qPrintable(error));

    const Run portals = run({u"portals"_s, u"--format"_s, u"jsonl"_s});
    QCOMPARE(portals.exitCode, 0);
    for (const QByteArray &line : portals.out.split('\n')) {
        const QJsonObject portal = QJsonDocument::fromJson(line).object();
        if (portal[u"portalStatus"].toString() == u"Active") {
            m_portal = portal[u"portalId"].toString();
            m_portalArn = portal[u"portalArn"].toString();
            break;
        }
    }
    QVERIFY(!m_portal.isEmpty());
    QVERIFY(m_portalArn.contains(u":workspaces-web:"_s + m_emulator->region() + u':'));
}

Run TestCliCommands::run(const QStringList &arguments, const std::function<void(CommandContext &)> &configure,
                         const QStringList &environment, bool offline)
{
    QString error;
    const QString endpoint = offline ? u"http://127.0.0.1:9"_s : m_emulator->endpoint().toString();
    const std::optional<CliArguments> parsed =
        CliArguments::parse(QStringList{u"--endpoint-url"_s, endpoint} + arguments, &error);
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
    // Only what a script would set: no shared files, no profile.
    context.environment.insert(u"HOME"_s, m_home.path());
    context.environment.insert(u"AWS_CONFIG_FILE"_s, m_home.filePath(u"no-config"_s));
    context.environment.insert(u"AWS_SHARED_CREDENTIALS_FILE"_s, m_home.filePath(u"no-credentials"_s));
    context.environment.insert(u"AWS_ACCESS_KEY_ID"_s, m_emulator->credentials().accessKeyId);
    context.environment.insert(u"AWS_SECRET_ACCESS_KEY"_s, m_emulator->credentials().secretAccessKey);
    context.environment.insert(u"AWS_REGION"_s, m_emulator->region());
    context.environment.insert(u"AWS_MAX_ATTEMPTS"_s, u"1"_s);
    for (const QString &assignment : environment)
        context.environment.insert(assignment.section(u'=', 0, 0), assignment.section(u'=', 1));
    context.out = &out;
    context.err = &err;
    if (configure)
        configure(context);

    const std::unique_ptr<Command> command = CommandFactory::create(context);
    if (!command)
        return {};
    QSignalSpy finished(command.get(), &Command::finished);
    command->start();
    if (!finished.wait(60'000))
        return {};
    return {finished.first().first().toInt(), out.data(), err.data()};
}

QString TestCliCommands::firstSession(const QString &portal, bool active)
{
    QStringList arguments{u"sessions"_s, u"--portal"_s,    portal, u"--format"_s,
                          u"jsonl"_s,    u"--max-items"_s, u"1"_s};
    if (active)
        arguments += {u"--status"_s, u"active"_s};
    const Run first = run(arguments);
    return QJsonDocument::fromJson(first.out.trimmed()).object()[u"sessionId"].toString();
}

void TestCliCommands::expireRefusesWithoutATerminal()
{
    QBuffer in;
    in.setData("yes\n");
    in.open(QIODevice::ReadOnly);
    // An answer is waiting on stdin, but nobody typed it: a script must say --yes.
    const Run result = run({u"expire"_s, u"--portal"_s, m_portal, u"--session-id"_s, firstSession(m_portal)},
                           [&](CommandContext &context) {
                               context.in = &in;
                               context.inIsTerminal = false;
                           });
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains("expire needs --yes"), result.err.constData());
    QCOMPARE(in.pos(), 0);
}

void TestCliCommands::expireAsksOnTheTerminal_data()
{
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("no") << QByteArray("n\n") << 13;
    QTest::newRow("nothing") << QByteArray("\n") << 13;
    QTest::newRow("end of input") << QByteArray() << 13;
    QTest::newRow("yes") << QByteArray(" Yes \n") << 0;
}

void TestCliCommands::expireAsksOnTheTerminal()
{
    QFETCH(QByteArray, answer);
    QFETCH(int, exitCode);
    const QString session = firstSession(m_portal);
    QVERIFY(!session.isEmpty());
    QBuffer in;
    in.setData(answer);
    in.open(QIODevice::ReadOnly);
    const Run result =
        run({u"expire"_s, u"--portal"_s, m_portal, u"--session-id"_s, session}, [&](CommandContext &context) {
            context.in = &in;
            context.inIsTerminal = true;
        });
    QCOMPARE(result.exitCode, exitCode);
    QVERIFY2(result.err.contains("[y/N]"), result.err.constData());
    const Run after =
        run({u"session"_s, u"--portal"_s, m_portal, u"--session-id"_s, session, u"--format"_s, u"json"_s});
    QCOMPARE(QJsonDocument::fromJson(after.out).object()[u"status"].toString(),
             exitCode == 0 ? u"Terminated"_s : u"Active"_s);
    if (exitCode == 0)
        QVERIFY(result.out.contains("expired"));
    else
        QVERIFY(result.err.contains("Not expired."));
}

void TestCliCommands::sessionsAreATableOnATerminal()
{
    const QStringList arguments{u"sessions"_s, u"--portal"_s, m_portal, u"--max-items"_s, u"3"_s};
    const Run terminal = run(arguments, [](CommandContext &context) { context.outIsTerminal = true; });
    QCOMPARE(terminal.exitCode, 0);
    QVERIFY2(terminal.out.startsWith("SESSION ID"), terminal.out.constData());
    const Run pipe = run(arguments);
    QCOMPARE(pipe.exitCode, 0);
    QCOMPARE(pipe.out.count('\n'), 3);
    QVERIFY(QJsonDocument::fromJson(pipe.out.split('\n').first()).isObject());
}

void TestCliCommands::progressOnlyOnATerminal()
{
    const QStringList arguments{u"sessions"_s, u"--portal"_s, m_portal, u"--format"_s, u"jsonl"_s};
    const Run terminal = run(arguments, [](CommandContext &context) { context.errIsTerminal = true; });
    QCOMPARE(terminal.exitCode, 0);
    QVERIFY2(terminal.err.contains("\r\x1b[K") && terminal.err.contains("sessions/s"),
             terminal.err.constData());
    const Run pipe = run(arguments);
    QCOMPARE(pipe.exitCode, 0);
    QVERIFY2(pipe.err.isEmpty(), pipe.err.constData());
}

void TestCliCommands::portalArnSuppliesTheRegion()
{
    // No region anywhere: the ARN's is used, and --debug says where it came from.
    const Run result = run({u"--debug"_s, u"session"_s, u"--portal"_s, m_portalArn, u"--session-id"_s,
                            firstSession(m_portal, false), u"--format"_s, u"json"_s},
                           {}, {u"AWS_REGION="_s});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY2(result.err.contains("--portal ARN"), result.err.constData());
    QVERIFY(QJsonDocument::fromJson(result.out).object()[u"portalArn"].toString() == m_portalArn);
}

void TestCliCommands::portalArnInAnotherRegionIsAConfigurationError()
{
    const QString otherRegion = m_emulator->region() == u"eu-west-3" ? u"ap-south-1"_s : u"eu-west-3"_s;
    const QStringList arguments{u"sessions"_s, u"--portal"_s, m_portalArn};
    for (const QStringList &setting : {QStringList{u"--region"_s, otherRegion}, QStringList{}}) {
        const Run result =
            run(setting + arguments, {},
                setting.isEmpty() ? QStringList{u"AWS_REGION="_s + otherRegion} : QStringList{}, true);
        QCOMPARE(result.exitCode, 3);
        QVERIFY2(result.err.contains(m_emulator->region().toUtf8()) &&
                     result.err.contains(otherRegion.toUtf8()),
                 result.err.constData());
    }
}

QString TestCliCommands::writeIdentityConfig()
{
    const QString path = m_home.filePath(u"identity-config"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(uR"([profile base]
aws_access_key_id = %1
aws_secret_access_key = %2

[profile admin]
role_arn = arn:aws:iam::123456789012:role/mfa-role
source_profile = base
mfa_serial = arn:aws:iam::123456789012:mfa/alice

[profile sso]
sso_start_url = https://emulator.awsapps.com/start
sso_region = %3
sso_account_id = 123456789012
sso_role_name = demo-role
)"_s.arg(m_emulator->credentials().accessKeyId, m_emulator->credentials().secretAccessKey,
         m_emulator->region())
                   .toUtf8());
    return path;
}

void TestCliCommands::whoamiPrintsTheCallerAndWhereTheCredentialsCameFrom()
{
    const Run whoami =
        run({u"whoami"_s}, {}, {u"AWS_ENDPOINT_URL_STS="_s + m_emulator->endpoint().toString()});
    QCOMPARE(whoami.exitCode, 0);
    const QJsonObject object = QJsonDocument::fromJson(whoami.out).object();
    QCOMPARE(object.keys(), (QStringList{u"Account"_s, u"Arn"_s, u"CredentialSource"_s, u"UserId"_s}));
    QCOMPARE(object[u"Account"].toString(), u"123456789012"_s);
    QVERIFY(object[u"Arn"].toString().startsWith(u"arn:aws:"_s));
    QVERIFY(!object[u"UserId"].toString().isEmpty());
    QVERIFY2(object[u"CredentialSource"].toString().contains(u"environment"_s, Qt::CaseInsensitive),
             whoami.out.constData());
    QVERIFY(!whoami.out.contains(m_emulator->credentials().secretAccessKey.toUtf8()));
}

void TestCliCommands::whoamiTextIsReadable()
{
    const Run whoami = run({u"whoami"_s, u"--format"_s, u"text"_s}, {},
                           {u"AWS_ENDPOINT_URL_STS="_s + m_emulator->endpoint().toString()});
    QCOMPARE(whoami.exitCode, 0);
    QVERIFY2(whoami.out.startsWith("Account: 123456789012\nArn: arn:aws:"), whoami.out.constData());
    QVERIFY(whoami.out.contains("\nCredentials from: "));
}

void TestCliCommands::anMfaRoleWithoutATerminalFailsAtOnceSayingWhy()
{
    const QString config = writeIdentityConfig();
    const Run whoami =
        run({u"whoami"_s, u"--profile"_s, u"admin"_s},
            [](CommandContext &c) { c.prompts = std::make_shared<TerminalPrompts>(false); },
            {u"AWS_ENDPOINT_URL_STS="_s + m_emulator->endpoint().toString(), u"AWS_CONFIG_FILE="_s + config});
    QCOMPARE(whoami.exitCode, int(CliExitCode::Credentials));
    QVERIFY2(whoami.err.contains("not running in a terminal"), whoami.err.constData());
    QVERIFY2(whoami.err.contains("arn:aws:iam::123456789012:mfa/alice"), whoami.err.constData());
    QVERIFY(whoami.out.isEmpty());
}

void TestCliCommands::loginRefusesAProfileOfAnotherKind()
{
    const QString config = writeIdentityConfig();
    const Run login = run({u"login"_s, u"--profile"_s, u"base"_s}, {}, {u"AWS_CONFIG_FILE="_s + config});
    QCOMPARE(login.exitCode, int(CliExitCode::Configuration));
    QVERIFY2(login.err.contains("does not use IAM Identity Center"), login.err.constData());
    const Run missing = run({u"login"_s, u"--profile"_s, u"nope"_s}, {}, {u"AWS_CONFIG_FILE="_s + config});
    QCOMPARE(missing.exitCode, int(CliExitCode::Configuration));
}

std::unique_ptr<Command> TestCliCommands::startLogin(QBuffer *out, QBuffer *err, QString *userCode)
{
    QString error;
    const std::optional<CliArguments> parsed =
        CliArguments::parse({u"login"_s, u"--profile"_s, u"sso"_s}, &error);
    if (!parsed)
        return {};
    CommandContext context;
    context.arguments = *parsed;
    context.environment.insert(u"HOME"_s, m_home.path());
    context.environment.insert(u"AWS_CONFIG_FILE"_s, writeIdentityConfig());
    context.environment.insert(u"AWS_SHARED_CREDENTIALS_FILE"_s, m_home.filePath(u"no-credentials"_s));
    context.environment.insert(u"AWS_ENDPOINT_URL"_s, m_emulator->endpoint().toString());
    out->open(QIODevice::WriteOnly);
    err->open(QIODevice::WriteOnly);
    context.out = out;
    context.err = err;
    std::unique_ptr<Command> command = CommandFactory::create(context);
    command->start();
    static const QRegularExpression code(u"\n\n([A-Z0-9]{4}-[A-Z0-9]{4})\n\n"_s);
    QRegularExpressionMatch match;
    [[maybe_unused]] const bool found = QTest::qWaitFor(
        [&] { return (match = code.match(QString::fromUtf8(err->data()))).hasMatch(); }, 15000);
    *userCode = match.captured(1);
    return command;
}

void TestCliCommands::loginPrintsUrlAndCodeAndWaitsForTheApproval()
{
    QBuffer out;
    QBuffer err;
    QString userCode;
    const std::unique_ptr<Command> command = startLogin(&out, &err, &userCode);
    QVERIFY(command);
    QVERIFY2(!userCode.isEmpty(), err.data().constData());
    QVERIFY2(err.data().contains("http://"), err.data().constData());
    QVERIFY(out.data().isEmpty());
    QSignalSpy finished(command.get(), &Command::finished);

    QNetworkAccessManager network;
    QNetworkRequest request(m_emulator->endpoint().resolved(QUrl(u"/_emulator/sso/approve"_s)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    std::unique_ptr<QNetworkReply> reply(
        network.post(request, QJsonDocument(QJsonObject{{u"userCode"_s, userCode}}).toJson()));
    QVERIFY(finished.wait(30'000));
    QCOMPARE(finished.first().first().toInt(), 0);
    QVERIFY2(out.data().startsWith("Signed in to IAM Identity Center with profile sso until "),
             out.data().constData());
    // The AWS CLI's cache, file for file.
    QVERIFY(!QDir(m_home.filePath(u".aws/sso/cache"_s)).entryList({u"*.json"_s}).isEmpty());
}

void TestCliCommands::loginIsCancelledCleanly()
{
    QBuffer out;
    QBuffer err;
    QString userCode;
    const std::unique_ptr<Command> command = startLogin(&out, &err, &userCode);
    QVERIFY(command);
    QVERIFY(!userCode.isEmpty());
    QSignalSpy finished(command.get(), &Command::finished);
    command->cancel(); // what Ctrl-C does
    QVERIFY(finished.size() == 1 || finished.wait(10'000));
    QCOMPARE(finished.first().first().toInt(), int(CliExitCode::Cancelled));
    QCOMPARE(err.data().count("error:"), 1);
    QVERIFY(out.data().isEmpty());
    QTest::qWait(100);
    QCOMPARE(finished.size(), 1);
}

QTEST_GUILESS_MAIN(TestCliCommands)
#include "tst_clicommands.moc"
