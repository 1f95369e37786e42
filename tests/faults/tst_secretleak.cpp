// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Secrets never leak. Full sessions - the GUI's model path in this process, sessionscope-cli and
// sessionscope-emulator as processes - run with a recognisable secret access key and session token, with
// every debug log switched on, with retries, failing requests and exports to files. Then everything
// they wrote is searched for the two canaries (and their URL-encoded, JSON-escaped and base64 forms):
// captured log messages, stdout, stderr, export files, the settings file and every other file below the
// temporary HOME. The sign-in secrets too (assumed-role keys and tokens, IAM Identity Center access and
// refresh tokens and client secret, the web identity token, the MFA code): read back from the AWS CLI's
// caches, the only files meant to hold them, and searched everywhere else.
#include "CliProcess.h"
#include "ClientStack.h"
#include "FaultFixture.h"
#include "SecretScanner.h"
#include "aws/config/SharedConfig.h"
#include "aws/credentials/AppProfileStore.h"
#include "aws/credentials/CredentialPrompts.h"
#include "aws/credentials/CredentialsProviderChain.h"
#include "aws/credentials/sso/SsoDeviceLogin.h"
#include "aws/credentials/sso/SsoProfile.h"
#include "cli/CliExitCode.h"
#include "emulator/BackgroundEmulator.h"
#include "sessions/SessionExporter.h"
#include "sessions/SessionTableModel.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

const QByteArray marker = "LEAKCANARY";
const QString accessKeyId = u"AKIALEAKTESTKEY00042"_s;
// Characters that change under URL and base64 encoding ('/', '+', '='), so every form is distinct.
const QString secretKey = u"LEAKCANARYsecret/9f8e7d+XYZ"_s;
const QString sessionToken = u"LEAKCANARYtoken/IQoJb3JpZ2luX2VjEHQaCXVzLWVhc3QtMSJH+MEUCIQDx/5TokenPad=="_s;
const QString instanceId = u"5e5510e5-c0de-4d3e-8a5b-00000000leak"_s;

AwsCredentials canaryCredentials()
{
    AwsCredentials credentials;
    credentials.accessKeyId = accessKeyId;
    credentials.secretAccessKey = secretKey;
    credentials.sessionToken = sessionToken;
    credentials.source = u"secret-leak test"_s;
    return credentials;
}

EmulatorConfig canaryConfig()
{
    EmulatorConfig config;
    config.seed = 77;
    config.portals = 2;
    config.sessionsPerPortal = 60;
    config.anchor = QDateTime(QDate(2026, 11, 2), QTime(9, 30), Qt::UTC);
    config.credentials = {canaryCredentials()};
    return config;
}

// Every message of every category, from any thread (the in-process emulator logs on its own).
QMutex logMutex;
QByteArray capturedLog;
int capturedMessages = 0;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QMutexLocker lock(&logMutex);
    capturedLog += QByteArray::number(int(type)) + ' ' +
                   QByteArray(context.category ? context.category : "") + ": " + message.toUtf8() + '\n';
    ++capturedMessages;
}

// Switches every debug message on and captures them while it lives.
class LogCapture
{
public:
    LogCapture()
    {
        {
            const QMutexLocker lock(&logMutex);
            capturedLog.clear();
            capturedMessages = 0;
        }
        QLoggingCategory::setFilterRules(u"*.debug=true"_s);
        m_previous = qInstallMessageHandler(captureMessage);
    }
    ~LogCapture()
    {
        qInstallMessageHandler(m_previous);
        QLoggingCategory::setFilterRules(QString());
    }
    Q_DISABLE_COPY_MOVE(LogCapture)

    static QByteArray text()
    {
        const QMutexLocker lock(&logMutex);
        return capturedLog;
    }

private:
    QtMessageHandler m_previous = nullptr;
};

// True when nothing leaked; otherwise prints every finding (a QVERIFY message would be cut short).
bool isClean(const SecretScanner &scanner)
{
    if (scanner.findings().isEmpty()) {
        qInfo("clean: %d sources, %lld bytes searched", int(scanner.scanned().size()),
              scanner.bytesScanned());
        return true;
    }
    qWarning().noquote() << scanner.report();
    return false;
}

// The first Active portal's id, as the CLI prints it.
QString activePortal(const CliProcess::Result &portals)
{
    const QJsonArray array = QJsonDocument::fromJson(portals.out).array();
    for (const QJsonValue &portal : array) {
        if (portal[u"portalStatus"].toString() == u"Active")
            return portal[u"portalId"].toString();
    }
    return {};
}

QString writeFile(const QString &path, const QByteArray &content, bool executable = false)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    file.write(content);
    file.close();
    if (executable)
        file.setPermissions(file.permissions() | QFileDevice::ExeOwner);
    return QFileInfo(path).absoluteFilePath();
}

// The web identity token STS is told to accept: canary-shaped, so even a shortened copy is found.
const QString webIdentityToken = u"LEAKCANARYwebid.eyJzdWIiOiJwb2QifQ/+sig=="_s;
// A code nothing else prints (the emulator takes six digits and nothing else).
const QString mfaCode = u"864209"_s;

/// Answers an MFA prompt with `code`, later, as the dialog would.
class FixedCodePrompts : public CredentialPrompts
{
public:
    explicit FixedCodePrompts(QString code)
        : m_code(std::move(code))
    {}
    void askMfaCode(const MfaRequest &, QObject *context, MfaCallback callback) override
    {
        QTimer::singleShot(0, context, [callback, code = m_code] { callback(code); });
    }

private:
    QString m_code;
};

/// Every secret-looking value of the AWS CLI's JSON caches below `folder` (assumed roles in
/// ~/.aws/cli/cache, IAM Identity Center tokens and client registrations in ~/.aws/sso/cache), and the
/// files themselves: they are meant to hold those secrets, as the AWS CLI's do.
void collectCachedSecrets(const QString &folder, QStringList *secrets, QSet<QString> *files)
{
    static const QStringList names = {u"SecretAccessKey"_s, u"SessionToken"_s, u"accessToken"_s,
                                      u"refreshToken"_s, u"clientSecret"_s};
    const QDir dir(folder);
    for (const QString &name : dir.entryList({u"*.json"_s}, QDir::Files)) {
        const QString path = dir.absoluteFilePath(name);
        files->insert(path);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
        const QJsonObject credentials = object.value(u"Credentials"_s).toObject();
        for (auto it = credentials.begin(); it != credentials.end(); ++it)
            object.insert(it.key(), it.value());
        for (const QString &key : names) {
            const QString value = object.value(key).toString();
            if (!value.isEmpty() && !secrets->contains(value))
                secrets->append(value);
        }
    }
}

} // namespace

class TestSecretLeak : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scannerFindsEveryForm_data();
    void scannerFindsEveryForm();
    void modelSessionLogsNoSecret();
    void cliSessionWritesNoSecret();
    void emulatorProcessWritesNoSecret();
    void credentialProcessSecretStaysOut_data();
    void credentialProcessSecretStaysOut();
    void appProfileSecretStaysInKeychain();
    void identitySecretsStayOut();
    void cleanup();

private:
    CliProcess debugCli(const QString &home) const;

    FaultFixture m_fixture;
};

void TestSecretLeak::cleanup()
{
    m_fixture.cleanup();
}

CliProcess TestSecretLeak::debugCli(const QString &home) const
{
    CliProcess cli(home);
    cli.setEnv(u"QT_LOGGING_RULES"_s, u"*.debug=true"_s);
    cli.setEnv(u"AWS_REGION"_s, u"us-east-1"_s);
    return cli;
}

void TestSecretLeak::scannerFindsEveryForm_data()
{
    // The scanner must see the canaries in every form it claims to, or a clean result means nothing.
    QTest::addColumn<QByteArray>("written");
    const QByteArray secret = secretKey.toUtf8();
    const QByteArray token = sessionToken.toUtf8();
    QTest::newRow("raw") << "x-amz-security-token: " + token;
    QTest::newRow("URL-encoded") << "?X-Amz-Security-Token=" + token.toPercentEncoding();
    QTest::newRow("URL-encoded, lower-case hex") << "q=" + secret.toPercentEncoding().toLower();
    QTest::newRow("JSON-escaped") << R"({"SecretAccessKey":")" + QByteArray(secret).replace("/", "\\/") +
                                         "\"}";
    QTest::newRow("base64") << "Basic " + secret.toBase64();
    QTest::newRow("base64url") << token.toBase64(QByteArray::Base64UrlEncoding |
                                                 QByteArray::OmitTrailingEquals);
    QTest::newRow("shortened") << "token=" + token.left(14) + "...";
}

void TestSecretLeak::scannerFindsEveryForm()
{
    QFETCH(QByteArray, written);
    SecretScanner scanner({secretKey, sessionToken}, marker);
    QVERIFY(!scanner.scan(u"sample"_s, "before " + written + " after"));
    QVERIFY(!scanner.findings().isEmpty());
    // The report masks what it found.
    QVERIFY(!scanner.report().contains(secretKey));
    QVERIFY(!scanner.report().contains(sessionToken));
    QVERIFY(scanner.scan(u"clean"_s, "AKIALEAKTESTKEY00042 signed with a secret"));
}

void TestSecretLeak::modelSessionLogsNoSecret()
{
    SecretScanner scanner({secretKey, sessionToken}, marker);
    const QString dirPath = m_fixture.newTempDir();
    QVERIFY(!dirPath.isEmpty());
    const QDir dir(dirPath);
    QStringList errorTexts;
    const auto keepError = [&errorTexts](const AwsError &error) {
        errorTexts << error.message() << error.userMessage() << error.toLogLine() << error.code()
                   << error.requestId();
    };
    {
        const LogCapture capture;

        // Retries and faults on the way, so the retry and error paths log too.
        EmulatorConfig config = canaryConfig();
        config.faults.setRate(FaultInjector::Fault::Throttling, 0.15);
        config.faults.setServerErrorRate(0.1);
        config.faults.setRate(FaultInjector::Fault::TruncatedBody, 0.05);
        config.faults.setRate(FaultInjector::Fault::ConnectionReset, 0.05);
        config.qappsInstanceId = instanceId;
        QString error;
        const auto emulator = FaultFixture::startEmulator(config, &error);
        QVERIFY2(emulator, qPrintable(error));
        ClientStack stack(*emulator, 12, true, canaryCredentials());
        connect(&stack.transport(), &AwsTransport::retrying, this,
                [&](const QString &, int, int, const AwsError &failure) { keepError(failure); });

        const QString portal = stack.firstActivePortal();
        QVERIFY(!portal.isEmpty());
        SessionTableModel model(&stack.client());
        connect(&model, &SessionTableModel::pageFailed, this, keepError);
        model.setPageSize(7);
        SessionQuery query;
        query.portalId = portal;
        model.setQuery(query);
        for (int round = 0; round < 50 && !model.isComplete(); ++round) {
            if (model.hasError())
                model.retry();
            else
                model.loadAll();
            QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 30'000);
        }
        QVERIFY(model.isComplete());
        QCOMPARE(model.rowCount(), config.sessionsPerPortal);
        QVERIFY2(stack.retries() > 0, "no retry happened: the retry path was not exercised");

        // The detail pane: GetSession and the Q Apps sharing of the selected session.
        const QString sessionId = model.session(0).sessionId;
        bool detailDone = false;
        stack.client().getSession(portal, sessionId, this, [&](const AwsResult<SessionDetail> &detail) {
            if (!detail)
                keepError(detail.error());
            detailDone = true;
        });
        bool sharingDone = false;
        stack.qapps().getQAppSessionMetadata(instanceId, sessionId, this,
                                             [&](const AwsResult<QAppSessionMetadata> &metadata) {
                                                 if (!metadata)
                                                     keepError(metadata.error());
                                                 sharingDone = true;
                                             });
        QTRY_VERIFY_WITH_TIMEOUT(detailDone && sharingDone, 30'000);

        // An export with the columns that need a request per session.
        const QString exportPath = dir.filePath(u"export.csv"_s);
        ExportOptions options;
        options.columns = ExportOptions::allColumns();
        SessionExporter exporter(&stack.client());
        exporter.setPageSize(25);
        exporter.setEnrichment(
            ExportEnrichment::fromClients(&stack.client(), portal, &stack.qapps(), instanceId));
        QSignalSpy finished(&exporter, &SessionExporter::finished);
        QVERIFY(exporter.start(query, options, exportPath));
        QVERIFY(finished.wait(60'000));
        QVERIFY2(finished.first().at(0).toBool(),
                 qPrintable(finished.first().at(1).value<AwsError>().toLogLine()));
        scanner.scanFile(exportPath);

        // Failing requests: one attempt against a service that always fails, and a wrong secret (the
        // emulator's signature error shows the canonical request, which holds the token header).
        EmulatorConfig failingConfig = canaryConfig();
        failingConfig.faults.setServerErrorRate(1.0);
        const auto failing = FaultFixture::startEmulator(failingConfig, &error);
        QVERIFY2(failing, qPrintable(error));
        ClientStack once(*failing, 1, true, canaryCredentials());
        SessionTableModel failingModel(&once.client());
        connect(&failingModel, &SessionTableModel::pageFailed, this, keepError);
        failingModel.setQuery(query);
        failingModel.fetchMore(QModelIndex());
        QTRY_VERIFY_WITH_TIMEOUT(failingModel.hasError(), 30'000);

        AwsCredentials wrong = canaryCredentials();
        wrong.secretAccessKey = u"WrongSecretKeyForTheLeakTest/0000000000"_s;
        ClientStack wrongKey(*emulator, 1, true, wrong);
        SessionTableModel rejected(&wrongKey.client());
        connect(&rejected, &SessionTableModel::pageFailed, this, keepError);
        rejected.setQuery(query);
        rejected.fetchMore(QModelIndex());
        QTRY_VERIFY_WITH_TIMEOUT(rejected.hasError(), 30'000);
        QCOMPARE(rejected.lastError().category(), AwsError::Category::Credentials);
        QVERIFY2(rejected.lastError().message().contains(u"x-amz-security-token"_s),
                 qPrintable(rejected.lastError().message()));
    }

    const QByteArray log = LogCapture::text();
    // The logs were really on: the transport's debug lines are there.
    QVERIFY2(log.contains("sessionscope.aws.transport: workspaces-web:ListSessions GET"),
             log.left(2000).constData());
    QVERIFY(log.contains("retrying as attempt"));
    scanner.scan(u"log messages (%1)"_s.arg(capturedMessages), log);
    scanner.scan(u"error texts"_s, errorTexts.join(u'\n').toUtf8());
    QVERIFY2(isClean(scanner), qPrintable(scanner.findings().value(0)));
}

void TestSecretLeak::cliSessionWritesNoSecret()
{
    SecretScanner scanner({secretKey, sessionToken}, marker);
    const QString home = m_fixture.newTempDir();
    QVERIFY(!home.isEmpty());
    EmulatorConfig config = canaryConfig();
    config.qappsInstanceId = instanceId;
    QString error;
    const auto emulator = FaultFixture::startEmulator(config, &error);
    QVERIFY2(emulator, qPrintable(error));
    EmulatorConfig flakyConfig = canaryConfig();
    flakyConfig.faults.setRate(FaultInjector::Fault::Throttling, 0.5);
    const auto flaky = FaultFixture::startEmulator(flakyConfig, &error);
    QVERIFY2(flaky, qPrintable(error));
    EmulatorConfig failingConfig = canaryConfig();
    failingConfig.faults.setServerErrorRate(1.0);
    const auto failing = FaultFixture::startEmulator(failingConfig, &error);
    QVERIFY2(failing, qPrintable(error));

    CliProcess cli = debugCli(home);
    cli.setCredentials(accessKeyId, secretKey, sessionToken);
    const auto run = [&](const BackgroundEmulator &target, const QStringList &arguments,
                         const QString &what) {
        QStringList all{u"--debug"_s, u"--endpoint-url"_s, target.endpoint().toString()};
        const CliProcess::Result result = cli.cli(all + arguments);
        scanner.scan(what + u" stdout"_s, result.out);
        scanner.scan(what + u" stderr"_s, result.err);
        return result;
    };

    const CliProcess::Result portals = run(*emulator, {u"portals"_s, u"--format"_s, u"json"_s}, u"portals"_s);
    QVERIFY2(portals.exitCode == 0, portals.err.constData());
    // --debug and the logging rules are in effect: the resolved connection and the requests are logged.
    QVERIFY2(portals.err.contains("profile:") && portals.err.contains("attempt 1"), portals.err.constData());
    const QString portal = activePortal(portals);
    QVERIFY(!portal.isEmpty());

    const QString exportPath = QDir(home).filePath(u"export.csv"_s);
    const CliProcess::Result exported =
        run(*emulator,
            {u"sessions"_s, u"--portal"_s, portal, u"--page-size"_s, u"20"_s, u"--output"_s, exportPath,
             u"--columns"_s, u"sessionId,username,status,clientIpAddresses,qAppSession,qAppSharingEnabled"_s,
             u"--instance-id"_s, instanceId},
            u"sessions --output"_s);
    QVERIFY2(exported.exitCode == 0, exported.err.constData());
    QVERIFY(QFile::exists(exportPath));

    const CliProcess::Result listed =
        run(*emulator, {u"sessions"_s, u"--portal"_s, portal, u"--format"_s, u"jsonl"_s},
            u"sessions to stdout"_s);
    QVERIFY2(listed.exitCode == 0, listed.err.constData());
    const QString sessionId =
        QJsonDocument::fromJson(listed.out.left(listed.out.indexOf('\n'))).object()[u"sessionId"].toString();
    const CliProcess::Result session =
        run(*emulator,
            {u"session"_s, u"--portal"_s, portal, u"--session-id"_s, sessionId, u"--format"_s, u"json"_s},
            u"session"_s);
    QVERIFY2(session.exitCode == 0, session.err.constData());

    cli.setEnv(u"AWS_MAX_ATTEMPTS"_s, u"10"_s);
    const CliProcess::Result retried = run(*flaky, {u"portals"_s}, u"portals with retries"_s);
    QVERIFY2(retried.exitCode == 0, retried.err.constData());

    cli.setEnv(u"AWS_MAX_ATTEMPTS"_s, u"1"_s);
    const QString failedPath = QDir(home).filePath(u"failed.json"_s);
    const CliProcess::Result failed = run(
        *failing, {u"sessions"_s, u"--portal"_s, portal, u"--page-size"_s, u"5"_s, u"--output"_s, failedPath},
        u"failing sessions"_s);
    QCOMPARE(failed.exitCode, int(CliExitCode::Server));
    QVERIFY(!QFile::exists(failedPath));

    // A wrong secret: the service's signature error quotes the canonical request, token header and all.
    cli.setCredentials(accessKeyId, u"WrongSecretKeyForTheLeakTest/0000000000"_s, sessionToken);
    const CliProcess::Result rejected = run(*emulator, {u"portals"_s}, u"wrong secret"_s);
    QCOMPARE(rejected.exitCode, int(CliExitCode::Credentials));
    QVERIFY2(rejected.err.contains("InvalidSignatureException"), rejected.err.constData());

    // Everything the runs left below HOME: the exports, the settings folder, any log or cache.
    QVERIFY(scanner.scanTree(home) >= 1);
    QVERIFY2(isClean(scanner), qPrintable(scanner.findings().value(0)));
}

void TestSecretLeak::emulatorProcessWritesNoSecret()
{
    SecretScanner scanner({secretKey, sessionToken}, marker);
    const QString home = m_fixture.newTempDir();
    QVERIFY(!home.isEmpty());

    QProcess emulator;
    QProcessEnvironment env = CliProcess(home).environment();
    env.insert(u"SESSIONSCOPE_EMULATOR_SECRET_ACCESS_KEY"_s, secretKey);
    env.insert(u"QT_LOGGING_RULES"_s, u"*.debug=true"_s);
    emulator.setProcessEnvironment(env);
    emulator.start(QStringLiteral(SESSIONSCOPE_EMULATOR_EXECUTABLE),
                   {u"--seed"_s, u"5"_s, u"--portals"_s, u"2"_s, u"--sessions"_s, u"40"_s,
                    u"--access-key-id"_s, accessKeyId, u"--throttle-rate"_s, u"0.3"_s});
    QVERIFY(emulator.waitForStarted());
    QByteArray emulatorOut;
    QTRY_VERIFY_WITH_TIMEOUT((emulatorOut += emulator.readAllStandardOutput()).contains('\n'), 30'000);
    const QByteArray firstLine = emulatorOut.left(emulatorOut.indexOf('\n')).trimmed();
    QVERIFY2(firstLine.startsWith("listening on http://127.0.0.1:"), firstLine.constData());
    const QString endpoint = QString::fromUtf8(firstLine.mid(qsizetype(strlen("listening on "))));

    // The CLI signs with the secret and a session token (the emulator's key has none, so it accepts any).
    CliProcess cli = debugCli(home);
    cli.setCredentials(accessKeyId, secretKey, sessionToken);
    const auto run = [&](const QStringList &arguments, const QString &what) {
        const CliProcess::Result result =
            cli.cli(QStringList{u"--debug"_s, u"--endpoint-url"_s, endpoint} + arguments);
        scanner.scan(what + u" stdout"_s, result.out);
        scanner.scan(what + u" stderr"_s, result.err);
        return result;
    };
    cli.setEnv(u"AWS_MAX_ATTEMPTS"_s, u"10"_s);
    const CliProcess::Result portals = run({u"portals"_s, u"--format"_s, u"json"_s}, u"portals"_s);
    QVERIFY2(portals.exitCode == 0, portals.err.constData());
    const QString portal = activePortal(portals);
    const QString exportPath = QDir(home).filePath(u"export.jsonl"_s);
    const CliProcess::Result exported =
        run({u"sessions"_s, u"--portal"_s, portal, u"--page-size"_s, u"10"_s, u"--output"_s, exportPath},
            u"sessions --output"_s);
    QVERIFY2(exported.exitCode == 0, exported.err.constData());
    cli.setEnv(u"AWS_MAX_ATTEMPTS"_s, u"1"_s);
    const CliProcess::Result missing = run(
        {u"session"_s, u"--portal"_s, portal, u"--session-id"_s, u"00000000-0000-4000-8000-000000000000"_s},
        u"missing session"_s);
    QVERIFY(missing.exitCode != 0);
    cli.setCredentials(accessKeyId, u"WrongSecretKeyForTheLeakTest/0000000000"_s, sessionToken);
    const CliProcess::Result rejected = run({u"portals"_s}, u"wrong secret"_s);
    // The signature is checked before any fault is drawn: always a credentials error.
    QCOMPARE(rejected.exitCode, int(CliExitCode::Credentials));

    emulator.terminate(); // SIGTERM: it stops cleanly
    QVERIFY(emulator.waitForFinished(30'000));
    emulatorOut += emulator.readAllStandardOutput();
    const QByteArray emulatorErr = emulator.readAllStandardError();
    // It did talk about its key: the id, never the secret.
    QVERIFY2(emulatorErr.contains(accessKeyId.toUtf8()), emulatorErr.constData());
    scanner.scan(u"sessionscope-emulator stdout"_s, emulatorOut);
    scanner.scan(u"sessionscope-emulator stderr"_s, emulatorErr);
    QVERIFY(scanner.scanTree(home) >= 1);
    QVERIFY2(isClean(scanner), qPrintable(scanner.findings().value(0)));
}

void TestSecretLeak::credentialProcessSecretStaysOut_data()
{
    QTest::addColumn<QByteArray>("stdoutText");
    QTest::addColumn<QByteArray>("stderrText");
    QTest::addColumn<int>("processExit");
    QTest::addColumn<int>("cliExit");

    QJsonObject answer{{u"Version"_s, 1},
                       {u"AccessKeyId"_s, accessKeyId},
                       {u"SecretAccessKey"_s, secretKey},
                       {u"SessionToken"_s, sessionToken},
                       {u"Expiration"_s, u"2099-01-01T00:00:00Z"_s}};
    const QByteArray json = QJsonDocument(answer).toJson(QJsonDocument::Compact);
    // Cut short after the secret: not JSON any more, but the secret is in it.
    const QByteArray broken = json.left(json.indexOf(sessionToken.toUtf8()) + 20);
    // A helper script traced with `set -x` prints what it echoes on stderr too.
    const QByteArray trace = "+ echo " + json + "\nhelper: giving up\n";

    QTest::newRow("valid answer") << json << QByteArray() << 0 << int(CliExitCode::Success);
    QTest::newRow("bad JSON with the secret") << broken << QByteArray() << 0 << int(CliExitCode::Credentials);
    QTest::newRow("bad JSON, fails, traces the secret")
        << broken << "+ echo " + broken + "\nhelper: giving up\n"
        << 3 << int(CliExitCode::Credentials);
    QTest::newRow("valid JSON, fails, traces the secret")
        << json << trace << 3 << int(CliExitCode::Credentials);
}

void TestSecretLeak::credentialProcessSecretStaysOut()
{
    QFETCH(QByteArray, stdoutText);
    QFETCH(QByteArray, stderrText);
    QFETCH(int, processExit);
    QFETCH(int, cliExit);

    SecretScanner scanner({secretKey, sessionToken}, marker);
    const QString home = m_fixture.newTempDir();
    QVERIFY(!home.isEmpty());
    QString error;
    const auto emulator = FaultFixture::startEmulator(canaryConfig(), &error);
    QVERIFY2(emulator, qPrintable(error));

    const QDir dir(home);
    const QString answerFile = writeFile(dir.filePath(u"answer.out"_s), stdoutText);
    const QString traceFile = writeFile(dir.filePath(u"answer.err"_s), stderrText);
    const QString script =
        writeFile(dir.filePath(u"credential-helper.sh"_s),
                  "#!/bin/sh\ncat '" + answerFile.toUtf8() + "'\ncat '" + traceFile.toUtf8() +
                      "' >&2\nexit " + QByteArray::number(processExit) + "\n",
                  true);
    const QString config =
        writeFile(dir.filePath(u"aws-config"_s),
                  "[profile canary]\ncredential_process = " + script.toUtf8() + "\nregion = us-east-1\n");
    QVERIFY(!answerFile.isEmpty() && !traceFile.isEmpty() && !script.isEmpty() && !config.isEmpty());

    CliProcess cli = debugCli(home);
    cli.setEnv(u"AWS_MAX_ATTEMPTS"_s, u"1"_s);
    const CliProcess::Result result =
        cli.cli({u"--debug"_s, u"--profile"_s, u"canary"_s, u"--endpoint-url"_s,
                 emulator->endpoint().toString(), u"portals"_s, u"--format"_s, u"json"_s});
    QVERIFY2(result.exitCode == cliExit, result.err.constData());
    if (cliExit != 0) {
        QList<QByteArray> errors;
        for (const QByteArray &line : result.errLines()) {
            if (line.startsWith("sessionscope-cli: error:"))
                errors.append(line);
        }
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().contains("credential_process"), errors.first().constData());
        qInfo("%s", errors.first().constData());
    } else {
        QVERIFY(!activePortal(result).isEmpty());
    }
    scanner.scan(u"stdout"_s, result.out);
    scanner.scan(u"stderr"_s, result.err);
    // The helper's own files hold the secret by design; everything else below HOME must not.
    scanner.scanTree(home, {answerFile, traceFile, script});
    QVERIFY2(isClean(scanner), qPrintable(scanner.findings().value(0)));
}

void TestSecretLeak::appProfileSecretStaysInKeychain()
{
    if (!qEnvironmentVariableIsSet("SESSIONSCOPE_TEST_SECRET_SERVICE"))
        QSKIP("needs a private Secret Service: run as tst_secretleak_keychain (with-secret-service.sh)");

    SecretScanner scanner({secretKey, sessionToken}, marker);
    EmulatorConfig config = canaryConfig();
    config.qappsInstanceId = instanceId;
    QString error;
    const auto emulator = FaultFixture::startEmulator(config, &error);
    QVERIFY2(emulator, qPrintable(error));

    // The settings file the GUI and the CLI share (under the wrapper's temporary XDG_CONFIG_HOME).
    QSettings settings(QSettings::NativeFormat, QSettings::UserScope, u"SessionScope"_s, u"SessionScope"_s);
    AppProfileStore store(&settings);
    AppProfile profile;
    profile.name = u"leak-check"_s;
    profile.accessKeyId = accessKeyId;
    profile.region = u"us-east-1"_s;
    profile.endpointUrl = emulator->endpoint().toString();
    profile.qappsInstanceId = instanceId;
    bool saved = false;
    AwsError saveError;
    bool done = false;
    store.saveProfile(profile, {secretKey, sessionToken}, this, [&](const AwsResult<std::monostate> &result) {
        saved = result.ok();
        if (!result)
            saveError = result.error();
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 30'000);
    QVERIFY2(saved, qPrintable(saveError.toLogLine()));
    settings.sync();
    const QString settingsPath = settings.fileName();
    QFile settingsFile(settingsPath);
    QVERIFY(settingsFile.open(QIODevice::ReadOnly));
    const QByteArray stored = settingsFile.readAll();
    // The profile is there (so the scan below looks at the right file), its secret is not.
    QVERIFY2(stored.contains("leak-check") && stored.contains(accessKeyId.toUtf8()), stored.constData());

    // The CLI reads the secret back from the keychain and signs with it.
    const QString work = m_fixture.newTempDir();
    QVERIFY(!work.isEmpty());
    CliProcess cli = debugCli(work);
    const QProcessEnvironment system = QProcessEnvironment::systemEnvironment();
    for (const QString &name : {u"HOME"_s, u"XDG_CONFIG_HOME"_s, u"XDG_DATA_HOME"_s, u"XDG_RUNTIME_DIR"_s,
                                u"XDG_CACHE_HOME"_s, u"DBUS_SESSION_BUS_ADDRESS"_s})
        cli.setEnv(name, system.value(name));
    const QString exportPath = QDir(work).filePath(u"export.csv"_s);
    const CliProcess::Result portals =
        cli.cli({u"--debug"_s, u"--profile"_s, u"leak-check"_s, u"portals"_s, u"--format"_s, u"json"_s});
    QVERIFY2(portals.exitCode == 0, portals.err.constData());
    const CliProcess::Result exported = cli.cli(
        {u"--debug"_s, u"--profile"_s, u"leak-check"_s, u"sessions"_s, u"--portal"_s, activePortal(portals),
         u"--output"_s, exportPath, u"--columns"_s, u"sessionId,qAppSession,qAppSharingEnabled"_s});
    QVERIFY2(exported.exitCode == 0, exported.err.constData());
    scanner.scan(u"portals stdout"_s, portals.out);
    scanner.scan(u"portals stderr"_s, portals.err);
    scanner.scan(u"sessions stdout"_s, exported.out);
    scanner.scan(u"sessions stderr"_s, exported.err);
    scanner.scanFile(settingsPath);
    scanner.scanTree(system.value(u"XDG_CONFIG_HOME"_s));
    scanner.scanTree(work);

    done = false;
    store.removeProfile(profile.name, this, [&](const AwsResult<std::monostate> &) { done = true; });
    QTRY_VERIFY_WITH_TIMEOUT(done, 30'000);
    QVERIFY2(isClean(scanner), qPrintable(scanner.findings().value(0)));
}

void TestSecretLeak::identitySecretsStayOut()
{
    // Assumed roles (with MFA), IAM Identity Center and web identity against the in-process emulator,
    // every debug log on: in this process (MFA needs someone to ask; the CLI has no terminal here) and
    // through sessionscope-cli --debug, which reuses what the first part cached. The secrets the emulator
    // issued are read from the caches afterwards and searched everywhere else, in every encoded form.
    const QString home = m_fixture.newTempDir();
    QVERIFY(!home.isEmpty());
    const QDir dir(home);
    QVERIFY(dir.mkpath(u".aws"_s));
    EmulatorConfig config = canaryConfig();
    config.identity.requireMfaRoles = {u"mfa-role"_s};
    config.identity.mfaCode = mfaCode;
    config.identity.webIdentityTokens = {webIdentityToken};
    QString error;
    const auto emulator = FaultFixture::startEmulator(config, &error);
    QVERIFY2(emulator, qPrintable(error));
    const QString endpoint = emulator->endpoint().toString();

    // The source keys are the canaries of the other tests; the files the test writes hold them by design.
    QSet<QString> written;
    written << writeFile(dir.filePath(u".aws/credentials"_s),
                         "[base]\naws_access_key_id = " + accessKeyId.toUtf8() +
                             "\naws_secret_access_key = " + secretKey.toUtf8() +
                             "\naws_session_token = " + sessionToken.toUtf8() + "\n");
    written << writeFile(dir.filePath(u".aws/config"_s),
                         "[default]\nregion = us-east-1\n"
                         "[profile mfa]\nrole_arn = arn:aws:iam::123456789012:role/mfa-role\n"
                         "source_profile = base\nmfa_serial = arn:aws:iam::123456789012:mfa/alice\n"
                         "region = us-east-1\n"
                         "[profile dev]\nsso_session = corp\nsso_account_id = 444455556666\n"
                         "sso_role_name = Admin\nregion = us-east-1\n"
                         "[sso-session corp]\nsso_start_url = https://example.awsapps.com/start\n"
                         "sso_region = us-east-1\nsso_registration_scopes = sso:account:access\n");
    const QString tokenFile = writeFile(dir.filePath(u"web-identity-token"_s), webIdentityToken.toUtf8());
    const QString wrongTokenFile =
        writeFile(dir.filePath(u"wrong-web-identity-token"_s), "LEAKCANARYwrongwebid.not-accepted");
    written << tokenFile << wrongTokenFile;

    QProcessEnvironment env;
    env.insert(u"HOME"_s, home);
    env.insert(u"AWS_EC2_METADATA_DISABLED"_s, u"true"_s);
    for (const QString &service : {u"STS"_s, u"SSO"_s, u"SSO_OIDC"_s})
        env.insert(u"AWS_ENDPOINT_URL_"_s + service, endpoint);

    QStringList errorTexts;
    const auto keepError = [&errorTexts](const AwsError &failure) {
        errorTexts << failure.message() << failure.userMessage() << failure.toLogLine();
    };
    const auto fetch = [this](CredentialsProvider &provider) -> AwsResult<AwsCredentials> {
        std::optional<AwsResult<AwsCredentials>> result;
        provider.fetch(this, [&](const AwsResult<AwsCredentials> &r) { result = r; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 60'000))
            return AwsError(AwsError::Category::Timeout, u"test: no answer"_s);
        return *result;
    };
    QStringList issued; // what the providers handed back in this process
    {
        const LogCapture capture;

        // MFA: a wrong code first (refused), then the right one; the role lands in ~/.aws/cli/cache.
        CredentialsProviderChain wrong(u"mfa"_s, env);
        wrong.setPrompts(std::make_shared<FixedCodePrompts>(u"000000"_s));
        const AwsResult<AwsCredentials> refused = fetch(wrong);
        QVERIFY(!refused);
        QCOMPARE(refused.error().category(), AwsError::Category::AccessDenied);
        keepError(refused.error());
        CredentialsProviderChain mfa(u"mfa"_s, env);
        mfa.setPrompts(std::make_shared<FixedCodePrompts>(mfaCode));
        const AwsResult<AwsCredentials> role = fetch(mfa);
        QVERIFY2(role, qPrintable(role ? QString() : role.error().message()));
        issued << role.value().secretAccessKey << role.value().sessionToken;

        // IAM Identity Center: the device sign-in, approved as the browser would, writes ~/.aws/sso/cache.
        const AwsResult<SharedConfig> shared = SharedConfig::load(env);
        QVERIFY(shared);
        const AwsResult<SsoProfile> profile = SsoProfile::fromConfig(shared.value(), u"dev"_s);
        QVERIFY(profile);
        QNetworkAccessManager network;
        SsoDeviceLogin login(profile.value(), env, shared.value(), &network, systemAwsClock());
        QString userCode;
        std::optional<AwsResult<QDateTime>> signedIn;
        connect(&login, &SsoDeviceLogin::verificationReady, this,
                [&](const QUrl &, const QString &code, const QUrl &, const QDateTime &) { userCode = code; });
        connect(&login, &SsoDeviceLogin::finished, this,
                [&](const AwsResult<QDateTime> &r) { signedIn = r; });
        login.start();
        QTRY_VERIFY_WITH_TIMEOUT(!userCode.isEmpty() || signedIn.has_value(), 30'000);
        QVERIFY(!userCode.isEmpty());
        QNetworkRequest approve(QUrl(endpoint + u"/_emulator/sso/approve"_s));
        approve.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        QNetworkReply *approved = network.post(
            approve, QJsonDocument(QJsonObject{{u"userCode"_s, userCode}}).toJson(QJsonDocument::Compact));
        QTRY_VERIFY_WITH_TIMEOUT(approved->isFinished(), 30'000);
        QCOMPARE(approved->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        approved->deleteLater();
        QTRY_VERIFY_WITH_TIMEOUT(signedIn.has_value(), 60'000);
        QVERIFY2(*signedIn, qPrintable(*signedIn ? QString() : signedIn->error().message()));
        CredentialsProviderChain sso(u"dev"_s, env);
        const AwsResult<AwsCredentials> ssoRole = fetch(sso);
        QVERIFY2(ssoRole, qPrintable(ssoRole ? QString() : ssoRole.error().message()));
        issued << ssoRole.value().secretAccessKey << ssoRole.value().sessionToken;
    }
    const QByteArray inProcessLog = LogCapture::text();
    QVERIFY2(inProcessLog.contains("sessionscope"), inProcessLog.left(2000).constData());

    // sessionscope-cli --debug: the cached role (no code to ask), the Identity Center sign-in, web
    // identity (accepted, then a token STS refuses), and an MFA profile without its cache (fails at once).
    QList<QPair<QString, CliProcess::Result>> runs;
    CliProcess cli = debugCli(home);
    for (const QString &name : env.keys())
        cli.setEnv(name, env.value(name));
    cli.setEnv(u"AWS_MAX_ATTEMPTS"_s, u"2"_s);
    cli.setEnv(u"AWS_CONFIG_FILE"_s, QString()); // the files below ~/.aws, like the providers above
    cli.setEnv(u"AWS_SHARED_CREDENTIALS_FILE"_s, QString());
    const auto run = [&](const QStringList &arguments, const QString &what) {
        const CliProcess::Result result =
            cli.cli(QStringList{u"--debug"_s, u"--endpoint-url"_s, endpoint} + arguments);
        runs.append({what, result});
        return result;
    };
    CliProcess::Result result = run({u"--profile"_s, u"mfa"_s, u"portals"_s}, u"cached MFA role"_s);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    // --debug is in effect: the requests are logged (and searched below).
    QVERIFY2(result.err.contains("attempt 1"), result.err.constData());
    result =
        run({u"--profile"_s, u"dev"_s, u"portals"_s, u"--format"_s, u"json"_s}, u"IAM Identity Center"_s);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    cli.setEnv(u"AWS_WEB_IDENTITY_TOKEN_FILE"_s, tokenFile);
    cli.setEnv(u"AWS_ROLE_ARN"_s, u"arn:aws:iam::123456789012:role/pod"_s);
    result = run({u"portals"_s}, u"web identity"_s);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    cli.setEnv(u"AWS_WEB_IDENTITY_TOKEN_FILE"_s, wrongTokenFile);
    cli.setEnv(u"AWS_ROLE_ARN"_s, u"arn:aws:iam::123456789012:role/other-pod"_s);
    result = run({u"portals"_s}, u"web identity refused"_s);
    QCOMPARE(result.exitCode, int(CliExitCode::Credentials));
    cli.setEnv(u"AWS_WEB_IDENTITY_TOKEN_FILE"_s, QString());
    cli.setEnv(u"AWS_ROLE_ARN"_s, QString());
    // Every secret of this run: the canaries, the web identity token, the MFA code, and what the
    // emulator issued (from the caches the AWS CLI would share, which are allowed to hold them).
    QStringList secrets = {secretKey, sessionToken, webIdentityToken, u"LEAKCANARYwrongwebid.not-accepted"_s,
                           mfaCode};
    QSet<QString> cacheFiles;
    collectCachedSecrets(dir.filePath(u".aws/cli/cache"_s), &secrets, &cacheFiles);
    QVERIFY2(cacheFiles.size() == 2, "the MFA role and the web identity role are cached");
    QVERIFY(QDir(dir.filePath(u".aws/cli/cache"_s)).removeRecursively());
    result = run({u"--profile"_s, u"mfa"_s, u"portals"_s}, u"MFA without a terminal"_s);
    QCOMPARE(result.exitCode, int(CliExitCode::Credentials));
    // Assume it again in this process so that its cache is read below, like the web identity one.
    {
        CredentialsProviderChain mfa(u"mfa"_s, env);
        mfa.setPrompts(std::make_shared<FixedCodePrompts>(mfaCode));
        const AwsResult<AwsCredentials> role = fetch(mfa);
        QVERIFY(role);
        issued << role.value().secretAccessKey << role.value().sessionToken;
    }

    collectCachedSecrets(dir.filePath(u".aws/cli/cache"_s), &secrets, &cacheFiles);
    collectCachedSecrets(dir.filePath(u".aws/sso/cache"_s), &secrets, &cacheFiles);
    for (const QString &value : std::as_const(issued)) {
        if (!secrets.contains(value))
            secrets.append(value);
    }
    // The caches were there and held what they should: the MFA role (twice under one name), the web
    // identity role, a token with its refresh token and a client registration.
    QVERIFY2(cacheFiles.size() >= 4, qPrintable(QStringList(cacheFiles.values()).join(u", "_s)));
    QVERIFY2(secrets.size() >= 5 + 9, qPrintable(QString::number(secrets.size())));

    SecretScanner scanner(secrets, marker);
    scanner.scan(u"log messages (%1)"_s.arg(capturedMessages), inProcessLog);
    scanner.scan(u"error texts"_s, errorTexts.join(u'\n').toUtf8());
    for (const auto &[what, output] : std::as_const(runs)) {
        scanner.scan(what + u" stdout"_s, output.out);
        scanner.scan(what + u" stderr"_s, output.err);
    }
    // Whatever else the runs left below HOME (settings, logs, temporary files); often nothing at all.
    qInfo("%d other files below HOME", scanner.scanTree(home, written + cacheFiles));
    QVERIFY2(isClean(scanner), qPrintable(scanner.findings().value(0)));
}

QTEST_GUILESS_MAIN(TestSecretLeak)
#include "tst_secretleak.moc"
