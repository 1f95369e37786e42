// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// sessionscope-cli as a user runs it (a separate process, credentials from the environment) against
// the emulator on 127.0.0.1, with and without injected faults. The expected sessions come from an
// independent walk with our client against a fault-free emulator of the same seed and anchor.
#include "ListSessionsWalk.h"
#include "api/WorkSpacesWebClient.h"
#include "aws/credentials/StaticCredentialsProvider.h"
#include "aws/transport/AwsTransport.h"
#include "emulator/BackgroundEmulator.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace {

const QDateTime anchor = QDateTime(QDate(2026, 11, 2), QTime(12, 0), Qt::UTC);

EmulatorConfig config(int sessions)
{
    EmulatorConfig c;
    c.seed = 42;
    c.portals = 3;
    c.sessionsPerPortal = sessions;
    c.anchor = anchor;
    c.maxPage = 100;
    return c;
}

struct CliResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestCliEmulator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void portalsAsJson();
    void portalsAsJsonLines();
    void portalArnSuppliesTheRegion();
    void sessionsExactlyOnceUnderFaults_data();
    void sessionsExactlyOnceUnderFaults();
    void csvOutputFileMatchesWalk();
    void filtersReachTheService();
    void failureLeavesNoFileAndSaysWhy();
    void outputThatCannotBeWrittenIsALocalFileError();
    void wrongKeyIsACredentialsError();
    void sharingAndSessionCommands();
    void expireEndsTheSession();
    void usageErrors();

private:
    /// Runs sessionscope-cli; with `stdoutPath`, its stdout goes to that file or device instead of a pipe.
    CliResult run(const BackgroundEmulator &emulator, const QStringList &arguments,
                  const QStringList &extraEnvironment = {}, const QString &stdoutPath = {});
    /// The clean environment run() gives the CLI, plus `extraEnvironment` (NAME=value).
    QProcessEnvironment cliEnvironment(const BackgroundEmulator &emulator,
                                       const QStringList &extraEnvironment = {}) const;
    QStringList walk(const QString &portalId, ListSessionsRequest request);
    QString firstActivePortal();

    std::unique_ptr<BackgroundEmulator> m_reference;
    QTemporaryDir m_home;
};

void TestCliEmulator::initTestCase()
{
    QVERIFY(m_home.isValid());
    m_reference = std::make_unique<BackgroundEmulator>(config(450));
    QString error;
    QVERIFY2(m_reference->start(&error), qPrintable(error));
}

QProcessEnvironment TestCliEmulator::cliEnvironment(const BackgroundEmulator &emulator,
                                                    const QStringList &extraEnvironment) const
{
    // A clean environment: no shared files, no profile, no locale, only what a script would set.
    QProcessEnvironment env;
    env.insert(u"HOME"_s, m_home.path());
    env.insert(u"PATH"_s, qEnvironmentVariable("PATH"));
    env.insert(u"AWS_CONFIG_FILE"_s, m_home.filePath(u"no-config"_s));
    env.insert(u"AWS_SHARED_CREDENTIALS_FILE"_s, m_home.filePath(u"no-credentials"_s));
    env.insert(u"AWS_ACCESS_KEY_ID"_s, emulator.credentials().accessKeyId);
    env.insert(u"AWS_SECRET_ACCESS_KEY"_s, emulator.credentials().secretAccessKey);
    env.insert(u"AWS_REGION"_s, emulator.region());
    for (const QString &assignment : extraEnvironment)
        env.insert(assignment.section(u'=', 0, 0), assignment.section(u'=', 1));
    return env;
}

CliResult TestCliEmulator::run(const BackgroundEmulator &emulator, const QStringList &arguments,
                               const QStringList &extraEnvironment, const QString &stdoutPath)
{
    QProcess process;
    if (!stdoutPath.isEmpty())
        process.setStandardOutputFile(stdoutPath, QIODevice::Append);
    process.setProcessEnvironment(cliEnvironment(emulator, extraEnvironment));
    QStringList all{u"--endpoint-url"_s, emulator.endpoint().toString()};
    all += arguments;
    process.start(QStringLiteral(SESSIONSCOPE_CLI_EXECUTABLE), all);
    if (!process.waitForFinished(120'000)) {
        process.kill();
        process.waitForFinished();
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

QStringList TestCliEmulator::walk(const QString &portalId, ListSessionsRequest request)
{
    QNetworkAccessManager network;
    StaticCredentialsProvider credentials(m_reference->credentials());
    AwsTransport transport(&network, &credentials);
    WorkSpacesWebClient client(&transport, m_reference->endpoint(), m_reference->region());
    request.portalId = portalId;
    return ListSessionsWalk::sessionIds(client, std::move(request));
}

QString TestCliEmulator::firstActivePortal()
{
    const CliResult result = run(*m_reference, {u"portals"_s, u"--format"_s, u"json"_s});
    const QJsonArray portals = QJsonDocument::fromJson(result.out).array();
    for (const QJsonValue &portal : portals) {
        if (portal[u"portalStatus"].toString() == u"Active")
            return portal[u"portalId"].toString();
    }
    return {};
}

void TestCliEmulator::portalsAsJson()
{
    const CliResult result = run(*m_reference, {u"portals"_s, u"--format"_s, u"json"_s});
    QCOMPARE(result.exitCode, 0);
    const QJsonArray portals = QJsonDocument::fromJson(result.out).array();
    QCOMPARE(portals.size(), 3);
    for (const QJsonValue &portal : portals) {
        QCOMPARE(portal[u"portalId"].toString().size(), 36);
        QVERIFY(portal[u"portalArn"].toString().endsWith(portal[u"portalId"].toString()));
        QVERIFY(!portal[u"displayName"].toString().isEmpty());
        // Times are ISO 8601 UTC strings, as the CLI contract says.
        QVERIFY2(portal[u"creationDate"].toString().endsWith(u'Z'),
                 qPrintable(portal[u"creationDate"].toString()));
    }
    const CliResult table = run(*m_reference, {u"portals"_s});
    QCOMPARE(table.exitCode, 0);
    QVERIFY(table.out.startsWith("PORTAL ID"));
    const CliResult csv = run(*m_reference, {u"portals"_s, u"--format=csv"_s});
    QVERIFY(csv.out.startsWith(
        "portalId,portalArn,displayName,portalStatus,creationDate,maxConcurrentSessions\r\n"));
}

void TestCliEmulator::portalsAsJsonLines()
{
    const CliResult json = run(*m_reference, {u"portals"_s, u"--format"_s, u"json"_s});
    const CliResult lines = run(*m_reference, {u"portals"_s, u"--format"_s, u"jsonl"_s});
    QVERIFY2(lines.exitCode == 0, lines.err.constData());
    // One object per line, like `sessions --format jsonl`: the same objects as the json array.
    const QList<QByteArray> records = lines.out.trimmed().split('\n');
    const QJsonArray portals = QJsonDocument::fromJson(json.out).array();
    QCOMPARE(records.size(), portals.size());
    for (qsizetype i = 0; i < records.size(); ++i) {
        QJsonParseError error;
        const QJsonObject object = QJsonDocument::fromJson(records.at(i), &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, records.at(i).constData());
        QCOMPARE(object, portals.at(i).toObject());
    }
}

void TestCliEmulator::portalArnSuppliesTheRegion()
{
    const QJsonArray portals =
        QJsonDocument::fromJson(run(*m_reference, {u"portals"_s, u"--format"_s, u"json"_s}).out).array();
    QString arn;
    for (const QJsonValue &portal : portals) {
        if (portal[u"portalStatus"].toString() == u"Active")
            arn = portal[u"portalArn"].toString();
    }
    QVERIFY(arn.startsWith(u"arn:aws:workspaces-web:"_s + m_reference->region() + u':'));

    // No region set anywhere: the ARN's is used.
    const CliResult byArn =
        run(*m_reference,
            {u"sessions"_s, u"--portal"_s, arn, u"--max-items"_s, u"4"_s, u"--format"_s, u"jsonl"_s},
            {u"AWS_REGION="_s});
    QVERIFY2(byArn.exitCode == 0, byArn.err.constData());
    QCOMPARE(byArn.out.count('\n'), 4);
    for (const QByteArray &line : byArn.out.trimmed().split('\n'))
        QCOMPARE(QJsonDocument::fromJson(line).object()[u"portalArn"].toString(), arn);

    // A region set elsewhere that is not the ARN's: a configuration error naming both, nothing sent.
    const CliResult conflict =
        run(*m_reference, {u"--region"_s, u"ap-south-2"_s, u"sessions"_s, u"--portal"_s, arn});
    QCOMPARE(conflict.exitCode, 3);
    QVERIFY2(conflict.err.contains("ap-south-2") && conflict.err.contains(m_reference->region().toUtf8()),
             conflict.err.constData());
    QVERIFY(conflict.out.isEmpty());
}

void TestCliEmulator::sessionsExactlyOnceUnderFaults_data()
{
    QTest::addColumn<double>("throttleRate");
    QTest::addColumn<double>("errorRate");
    QTest::addColumn<int>("pageSize");
    QTest::newRow("clean, pages of 100") << 0.0 << 0.0 << 100;
    QTest::newRow("throttled and 5xx, pages of 37") << 0.15 << 0.1 << 37;
}

void TestCliEmulator::sessionsExactlyOnceUnderFaults()
{
    QFETCH(double, throttleRate);
    QFETCH(double, errorRate);
    QFETCH(int, pageSize);

    EmulatorConfig faulty = config(450);
    faulty.faults.setRate(FaultInjector::Fault::Throttling, throttleRate);
    faulty.faults.setServerErrorRate(errorRate);
    BackgroundEmulator emulator(faulty);
    QString error;
    QVERIFY2(emulator.start(&error), qPrintable(error));

    const QString portal = firstActivePortal();
    QVERIFY(!portal.isEmpty());
    const QStringList expected = walk(portal, {});
    QCOMPARE(expected.size(), 450);

    // Enough attempts that the injected faults are ridden out, as a user would set for a flaky link.
    const CliResult result = run(emulator,
                                 {u"sessions"_s, u"--portal"_s, portal, u"--format"_s, u"jsonl"_s,
                                  u"--page-size"_s, QString::number(pageSize)},
                                 {u"AWS_MAX_ATTEMPTS=10"_s});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QStringList ids;
    for (const QByteArray &line : result.out.split('\n')) {
        if (line.isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonObject object = QJsonDocument::fromJson(line, &parseError).object();
        QVERIFY2(parseError.error == QJsonParseError::NoError, line.constData());
        ids.append(object[u"sessionId"].toString());
        QVERIFY(object[u"startTime"].toString().endsWith(u'Z'));
    }
    QCOMPARE(ids, expected); // same sessions, same order (newest first), each exactly once
}

void TestCliEmulator::csvOutputFileMatchesWalk()
{
    const QString portal = firstActivePortal();
    QTemporaryDir dir;
    const QString path = dir.filePath(u"audit.csv"_s);
    const CliResult result = run(
        *m_reference, {u"sessions"_s, u"--portal"_s, portal, u"--sort"_s, u"oldest"_s, u"--output"_s, path});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY(result.out.isEmpty());
    QVERIFY(result.err.contains("Exported 450"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.startsWith("sessionId,username,status,startTime,endTime,portalArn\r\n"));
    ListSessionsRequest oldest;
    oldest.sort = ListSessionsRequest::Sort::OldestFirst;
    const QStringList expected = walk(portal, oldest);
    // The first field of each record is the session id (never quoted: it is a UUID).
    QStringList ids;
    qsizetype position = text.indexOf("\r\n") + 2;
    for (const QString &id : expected) {
        QVERIFY2(text.indexOf(id.toUtf8(), position) >= position, qPrintable(id));
        position = text.indexOf(id.toUtf8(), position) + id.size();
        ids.append(id);
    }
    QCOMPARE(ids.size(), 450);
    // Only the finished file is in the folder: no temporary file left behind.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{u"audit.csv"_s});
}

void TestCliEmulator::filtersReachTheService()
{
    const QString portal = firstActivePortal();
    ListSessionsRequest active;
    active.status = ListSessionsRequest::StatusFilter::Active;
    const QStringList expected = walk(portal, active);
    QVERIFY(!expected.isEmpty());
    const CliResult result = run(*m_reference, {u"sessions"_s, u"--portal"_s, portal, u"--status"_s,
                                                u"active"_s, u"--format"_s, u"json"_s});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonArray rows = QJsonDocument::fromJson(result.out).array();
    QCOMPARE(rows.size(), expected.size());
    for (const QJsonValue &row : rows) {
        QCOMPARE(row[u"status"].toString(), u"Active"_s);
        QVERIFY(!row.toObject().contains(u"endTime"));
    }

    // --username is an exact match on the service side, whatever characters it holds.
    const QString user = rows.first()[u"username"].toString();
    const CliResult byUser = run(*m_reference, {u"sessions"_s, u"--portal"_s, portal, u"--username"_s, user,
                                                u"--format"_s, u"jsonl"_s});
    QVERIFY2(byUser.exitCode == 0, byUser.err.constData());
    for (const QByteArray &line : byUser.out.split('\n')) {
        if (!line.isEmpty())
            QCOMPARE(QJsonDocument::fromJson(line).object()[u"username"].toString(), user);
    }

    const CliResult limited =
        run(*m_reference, {u"sessions"_s, u"--portal"_s, portal, u"--max-items"_s, u"7"_s, u"--page-size"_s,
                           u"3"_s, u"--format"_s, u"jsonl"_s});
    QCOMPARE(limited.exitCode, 0);
    QCOMPARE(limited.out.count('\n'), 7);
}

void TestCliEmulator::failureLeavesNoFileAndSaysWhy()
{
    EmulatorConfig failing = config(450);
    failing.faults.setServerErrorRate(0.6);
    BackgroundEmulator emulator(failing);
    QVERIFY(emulator.start());
    const QString portal = firstActivePortal();
    QTemporaryDir dir;
    const QString path = dir.filePath(u"out.json"_s);
    const CliResult result =
        run(emulator, {u"sessions"_s, u"--portal"_s, portal, u"--page-size"_s, u"10"_s, u"--output"_s, path},
            {u"AWS_MAX_ATTEMPTS=1"_s});
    QCOMPARE(result.exitCode, 10); // a service error
    QVERIFY(!QFile::exists(path));
    QVERIFY(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
    const QList<QByteArray> lines = result.err.trimmed().split('\n');
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines.first().contains("request id") && lines.first().contains("no file was written"),
             lines.first().constData());
}

void TestCliEmulator::outputThatCannotBeWrittenIsALocalFileError()
{
    if (!QFileInfo::exists(u"/dev/full"_s))
        QSKIP("needs /dev/full");
    const auto isCharacterDevice = [] {
        struct stat st
        {};
        return ::stat("/dev/full", &st) == 0 && S_ISCHR(st.st_mode);
    };
    const QString portal = firstActivePortal();

    // stdout on a full disk: exit 12 (local file error) with the system's reason, for every command.
    CliResult result = run(*m_reference, {u"portals"_s, u"--format"_s, u"json"_s}, {}, u"/dev/full"_s);
    QCOMPARE(result.exitCode, 12);
    QVERIFY2(result.err.contains("standard output: No space left on device"), result.err.constData());
    for (const QString &format : {u"csv"_s, u"jsonl"_s, u"json"_s}) {
        result = run(*m_reference, {u"sessions"_s, u"--portal"_s, portal, u"--format"_s, format}, {},
                     u"/dev/full"_s);
        QCOMPARE(result.exitCode, 12);
        QVERIFY2(result.err.contains("standard output: No space left on device") &&
                     result.err.contains("after 0 sessions were written"),
                 result.err.constData());
    }

    // --output naming a device writes to it: the device is never replaced by a file.
    result = run(*m_reference, {u"sessions"_s, u"--portal"_s, portal, u"--output"_s, u"/dev/full"_s});
    QCOMPARE(result.exitCode, 12);
    QVERIFY2(result.err.contains("/dev/full: No space left on device"), result.err.constData());
    QVERIFY(isCharacterDevice());

    // A reader that goes away (`| head`): the export stops at the page that failed, not after the last.
    QProcess shell;
    shell.setProcessEnvironment(cliEnvironment(
        *m_reference, {u"CLI="_s + QStringLiteral(SESSIONSCOPE_CLI_EXECUTABLE),
                       u"ENDPOINT="_s + m_reference->endpoint().toString(), u"PORTAL="_s + portal}));
    shell.start(u"bash"_s, {u"-c"_s, u"\"$CLI\" --endpoint-url \"$ENDPOINT\" sessions --portal \"$PORTAL\" "
                                     "--page-size 10 --format jsonl | head -c 100 > /dev/null; "
                                     "echo \"exit=${PIPESTATUS[0]}\""_s});
    QVERIFY(shell.waitForFinished(60'000));
    const QByteArray out = shell.readAllStandardOutput();
    const QByteArray err = shell.readAllStandardError();
    QVERIFY2(out.contains("exit=12"), out.constData());
    QVERIFY2(err.contains("standard output: Broken pipe"), err.constData());
    static const QRegularExpression written(u"after (\\d+) sessions? were written"_s);
    const QRegularExpressionMatch match = written.match(QString::fromUtf8(err));
    QVERIFY2(match.hasMatch() && match.captured(1).toInt() < 450, err.constData());
}

void TestCliEmulator::wrongKeyIsACredentialsError()
{
    const CliResult result =
        run(*m_reference, {u"portals"_s}, {u"AWS_SECRET_ACCESS_KEY=wrong-secret"_s, u"AWS_MAX_ATTEMPTS=1"_s});
    QCOMPARE(result.exitCode, 4);
    QVERIFY2(result.err.contains("InvalidSignatureException"), result.err.constData());
    QVERIFY(!result.err.contains("wrong-secret"));
    QVERIFY(result.out.isEmpty());
}

void TestCliEmulator::sharingAndSessionCommands()
{
    const QString portal = firstActivePortal();
    const QStringList ids = walk(portal, {});
    // The emulator gives every third session a Q Apps session: find one by asking.
    QString shared;
    for (const QString &id : ids) {
        const CliResult result =
            run(*m_reference, {u"sharing"_s, u"--instance-id"_s, m_reference->qappsInstanceId(),
                               u"--session-id"_s, id, u"--format"_s, u"json"_s});
        if (result.exitCode == 0) {
            const QJsonObject object = QJsonDocument::fromJson(result.out).object();
            QCOMPARE(object[u"sessionId"].toString(), id);
            QVERIFY(object[u"sharingConfiguration"].toObject().contains(u"enabled"));
            shared = id;
            break;
        }
        QCOMPARE(result.exitCode, 6); // not found: not a Q App session
    }
    QVERIFY(!shared.isEmpty());

    const CliResult session = run(*m_reference, {u"session"_s, u"--portal"_s, portal, u"--session-id"_s,
                                                 ids.first(), u"--format"_s, u"json"_s});
    QVERIFY2(session.exitCode == 0, session.err.constData());
    const QJsonObject object = QJsonDocument::fromJson(session.out).object();
    QCOMPARE(object[u"sessionId"].toString(), ids.first());
    QVERIFY(!object[u"clientIpAddresses"].toArray().isEmpty());

    const CliResult missing = run(*m_reference, {u"session"_s, u"--portal"_s, portal, u"--session-id"_s,
                                                 u"00000000-0000-4000-8000-000000000000"_s});
    QCOMPARE(missing.exitCode, 6);
    const CliResult invalid =
        run(*m_reference, {u"session"_s, u"--portal"_s, u"short"_s, u"--session-id"_s, ids.first()});
    QCOMPARE(invalid.exitCode, 7); // refused before sending
}

void TestCliEmulator::expireEndsTheSession()
{
    BackgroundEmulator emulator(config(120));
    QVERIFY(emulator.start());
    const CliResult portals = run(emulator, {u"portals"_s, u"--format"_s, u"json"_s});
    QString portal;
    for (const QJsonValue &p : QJsonDocument::fromJson(portals.out).array()) {
        if (p[u"portalStatus"].toString() == u"Active")
            portal = p[u"portalId"].toString();
    }
    const CliResult active = run(emulator, {u"sessions"_s, u"--portal"_s, portal, u"--status"_s, u"active"_s,
                                            u"--format"_s, u"json"_s});
    const QJsonArray rows = QJsonDocument::fromJson(active.out).array();
    QVERIFY(!rows.isEmpty());
    const QString id = rows.first()[u"sessionId"].toString();

    const CliResult refused = run(emulator, {u"expire"_s, u"--portal"_s, portal, u"--session-id"_s, id});
    QCOMPARE(refused.exitCode, 2); // not a terminal and no --yes: nothing is done

    const CliResult expired =
        run(emulator, {u"expire"_s, u"--portal"_s, portal, u"--session-id"_s, id, u"--yes"_s});
    QVERIFY2(expired.exitCode == 0, expired.err.constData());
    const CliResult after =
        run(emulator, {u"session"_s, u"--portal"_s, portal, u"--session-id"_s, id, u"--format"_s, u"json"_s});
    const QJsonObject object = QJsonDocument::fromJson(after.out).object();
    QCOMPARE(object[u"status"].toString(), u"Terminated"_s);
    QVERIFY(object.contains(u"endTime"));
}

void TestCliEmulator::usageErrors()
{
    QCOMPARE(run(*m_reference, {u"sessions"_s}).exitCode, 2);
    QCOMPARE(run(*m_reference, {u"frobnicate"_s}).exitCode, 2);
    const CliResult help = run(*m_reference, {u"--help"_s});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("Exit status"));
}

QTEST_GUILESS_MAIN(TestCliEmulator)
#include "tst_cliemulator.moc"
