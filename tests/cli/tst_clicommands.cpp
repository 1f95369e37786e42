// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The commands of sessionscope-cli in-process, with the CommandContext a test fills in: buffers for
// stdout, stderr and stdin, and terminal flags that pretend what isatty() would say.
#include "cli/CommandFactory.h"
#include "emulator/BackgroundEmulator.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QJsonObject>
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

private:
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

QTEST_GUILESS_MAIN(TestCliCommands)
#include "tst_clicommands.moc"
