// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/credentials/CredentialProcessProvider.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace Qt::StringLiterals;

// Runs real child processes: small shell scripts written into a temporary folder.
class TestCredentialProcess : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void validOutput();
    void cachesUntilFiveMinutesBeforeExpiration();
    void refreshesCredentialsThatExpireSoon();
    void failures_data();
    void failures();
    void timeoutKillsTheWholeProcessGroup();
    void splitsTheCommandLineWithoutAShell();
    void passesTheGivenEnvironment();
    void concurrentFetchesShareOneRun();
    void destroyedContextIsNotCalled();
    void parseOutput_data();
    void parseOutput();

private:
    QString writeScript(const QString &name, const QByteArray &body);
    int runCount() const;
    AwsResult<AwsCredentials> fetchAndWait(CredentialProcessProvider &provider);

    std::unique_ptr<QTemporaryDir> m_dir;
    QDateTime m_now;
};

namespace {

const QByteArray secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY";
const QByteArray token = "IQoJb3JpZ2luX2VjSESSIONTOKEN";

QByteArray answer(const QByteArray &expiration, const QByteArray &version = "1")
{
    QByteArray json = "{\"Version\": " + version + R"(, "AccessKeyId": "ASIAPROCESS", "SecretAccessKey": ")" +
                      secret + R"(", "SessionToken": ")" + token + '"';
    if (!expiration.isEmpty())
        json += R"(, "Expiration": ")" + expiration + '"';
    return json + '}';
}

// Prints `json` and counts its runs in the file "runs" next to it.
QByteArray countingScript(const QByteArray &json)
{
    return "echo run >> \"$(dirname \"$0\")/runs\"\ncat <<'EOF'\n" + json + "\nEOF\n";
}

QProcessEnvironment childEnvironment()
{
    QProcessEnvironment env;
    env.insert(u"PATH"_s, qEnvironmentVariable("PATH", u"/usr/bin:/bin"_s));
    return env;
}

bool processGone(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    // "pid (comm) S ...": a zombie (Z) has ended and only waits for its parent to reap it.
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')');
    return close >= 0 && line.mid(close + 2, 1) == "Z";
}

} // namespace

void TestCredentialProcess::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_now = QDateTime(QDate(2030, 1, 1), QTime(0, 0), QTimeZone::utc());
}

QString TestCredentialProcess::writeScript(const QString &name, const QByteArray &body)
{
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write("#!/bin/sh\n" + body);
    file.close();
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return path;
}

int TestCredentialProcess::runCount() const
{
    QFile file(m_dir->filePath(u"runs"_s));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    return int(file.readAll().count("run"));
}

AwsResult<AwsCredentials> TestCredentialProcess::fetchAndWait(CredentialProcessProvider &provider)
{
    std::optional<AwsResult<AwsCredentials>> result;
    int calls = 0;
    provider.fetch(this, [&](const AwsResult<AwsCredentials> &r) {
        ++calls;
        result = r;
    });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 20'000))
        return AwsError(AwsError::Category::Timeout, u"test: no answer"_s);
    // Exactly once: nothing more arrives while the event loop keeps running.
    QTest::qWait(50);
    if (calls != 1)
        return AwsError(AwsError::Category::Cancelled, u"test: callback ran %1 times"_s.arg(calls));
    return *result;
}

void TestCredentialProcess::validOutput()
{
    const QString script = writeScript(u"valid.sh"_s, countingScript(answer("2030-01-01T06:00:00Z")));
    CredentialProcessProvider provider(script, u"dev"_s, childEnvironment(), [this] { return m_now; });
    const AwsResult<AwsCredentials> result = fetchAndWait(provider);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message()));
    QCOMPARE(result.value().accessKeyId, u"ASIAPROCESS"_s);
    QCOMPARE(result.value().secretAccessKey, QString::fromLatin1(secret));
    QCOMPARE(result.value().sessionToken, QString::fromLatin1(token));
    QCOMPARE(result.value().expiration, QDateTime(QDate(2030, 1, 1), QTime(6, 0), QTimeZone::utc()));
    QCOMPARE(result.value().source, u"credential_process of profile dev"_s);
    QCOMPARE(runCount(), 1);
}

void TestCredentialProcess::cachesUntilFiveMinutesBeforeExpiration()
{
    const QString script = writeScript(u"valid.sh"_s, countingScript(answer("2030-01-01T01:00:00Z")));
    CredentialProcessProvider provider(script, u"dev"_s, childEnvironment(), [this] { return m_now; });
    QVERIFY(fetchAndWait(provider).ok());
    QVERIFY(fetchAndWait(provider).ok());
    m_now = QDateTime(QDate(2030, 1, 1), QTime(0, 54, 59), QTimeZone::utc());
    QVERIFY(fetchAndWait(provider).ok());
    QCOMPARE(runCount(), 1);

    m_now = QDateTime(QDate(2030, 1, 1), QTime(0, 55), QTimeZone::utc());
    QVERIFY(fetchAndWait(provider).ok());
    QCOMPARE(runCount(), 2);

    provider.invalidate();
    QVERIFY(fetchAndWait(provider).ok());
    QCOMPARE(runCount(), 3);

    // Without Expiration the answer is kept until invalidate().
    const QString forever = writeScript(u"forever.sh"_s, countingScript(answer(QByteArray())));
    CredentialProcessProvider longLived(forever, u"dev"_s, childEnvironment(), [this] { return m_now; });
    QVERIFY(fetchAndWait(longLived).ok());
    m_now = m_now.addYears(5);
    const AwsResult<AwsCredentials> later = fetchAndWait(longLived);
    QVERIFY(later.ok());
    QVERIFY(!later.value().expiration.isValid());
    QCOMPARE(runCount(), 4);
}

void TestCredentialProcess::refreshesCredentialsThatExpireSoon()
{
    // Valid for two more minutes: usable now, but the next fetch runs the process again.
    const QString script = writeScript(u"soon.sh"_s, countingScript(answer("2030-01-01T00:02:00Z")));
    CredentialProcessProvider provider(script, u"dev"_s, childEnvironment(), [this] { return m_now; });
    const AwsResult<AwsCredentials> first = fetchAndWait(provider);
    QVERIFY(first.ok());
    QCOMPARE(runCount(), 1);
    const AwsResult<AwsCredentials> second = fetchAndWait(provider);
    QVERIFY(second.ok());
    QCOMPARE(runCount(), 2);
}

void TestCredentialProcess::failures_data()
{
    QTest::addColumn<QByteArray>("script");
    QTest::addColumn<QString>("expected");

    QTest::newRow("version 2") << countingScript(answer("2030-01-01T06:00:00Z", "2"))
                               << u"unsupported \"Version\""_s;
    QTest::newRow("version as string")
        << countingScript(answer("2030-01-01T06:00:00Z", "\"1\"")) << u"unsupported \"Version\""_s;
    QTest::newRow("no version") << countingScript(R"({"AccessKeyId": "A", "SecretAccessKey": ")" + secret +
                                                  "\"}")
                                << u"no \"Version\""_s;
    QTest::newRow("bad json") << countingScript(R"({"Version": 1, "AccessKeyId": "A", "SecretAccessKey": ")" +
                                                secret + "\", ")
                              << u"not a JSON object"_s;
    QTest::newRow("json array") << countingScript("[\"" + secret + "\"]") << u"not a JSON object"_s;
    QTest::newRow("no output") << QByteArray("exit 0\n") << u"not a JSON object"_s;
    QTest::newRow("missing access key id")
        << countingScript(R"({"Version": 1, "SecretAccessKey": ")" + secret + "\"}")
        << u"no \"AccessKeyId\""_s;
    QTest::newRow("missing secret") << countingScript(R"({"Version": 1, "AccessKeyId": "A"})")
                                    << u"no \"SecretAccessKey\""_s;
    QTest::newRow("secret not a string")
        << countingScript(R"({"Version": 1, "AccessKeyId": "A", "SecretAccessKey": 7})")
        << u"no \"SecretAccessKey\""_s;
    QTest::newRow("bad expiration") << countingScript(answer("next tuesday")) << u"\"Expiration\" is not"_s;
    QTest::newRow("expired") << countingScript(answer("2029-12-31T23:59:00Z"))
                             << u"expired at 2029-12-31T23:59:00Z"_s;
    QTest::newRow("non-zero exit")
        << QByteArray("echo '" + answer("2030-01-01T06:00:00Z") +
                      "'\necho 'Error loading SSO Token: Token for corp does not exist' >&2\nexit 3\n")
        << u"exited with code 3. It said: Error loading SSO Token: Token for corp does not exist"_s;
    QTest::newRow("secret echoed to stderr is blanked")
        << QByteArray("echo '" + answer("2030-01-01T06:00:00Z") + "'\necho 'debug: secret is " + secret +
                      "' >&2\nexit 1\n")
        << u"It said: debug: secret is ****"_s;
    QTest::newRow("killed by a signal") << QByteArray("kill -9 $$\n") << u"ended by a signal"_s;
}

void TestCredentialProcess::failures()
{
    QFETCH(QByteArray, script);
    QFETCH(QString, expected);

    const QString path = writeScript(u"failing.sh"_s, script);
    CredentialProcessProvider provider(path, u"dev"_s, childEnvironment(), [this] { return m_now; });
    const AwsResult<AwsCredentials> result = fetchAndWait(provider);
    QVERIFY(!result.ok());
    const AwsError &error = result.error();
    QCOMPARE(error.category(), AwsError::Category::Credentials);
    QVERIFY2(error.message().startsWith(u"The credential_process of profile \"dev\" failed: "_s),
             qPrintable(error.message()));
    QVERIFY2(error.message().contains(expected), qPrintable(error.message()));
    for (const QString &text : {error.message(), error.userMessage(), error.toLogLine()}) {
        QVERIFY2(!text.contains(QString::fromLatin1(secret)), qPrintable(text));
        QVERIFY2(!text.contains(QString::fromLatin1(token)), qPrintable(text));
    }
    // A failure is not cached: the next fetch runs the command again.
    const int runsBefore = runCount();
    QVERIFY(!fetchAndWait(provider).ok());
    if (script.contains("runs"))
        QCOMPARE(runCount(), runsBefore + 1);
}

void TestCredentialProcess::timeoutKillsTheWholeProcessGroup()
{
    const QString path = writeScript(u"slow.sh"_s, "sleep 60 &\necho $! > \"$(dirname \"$0\")/child.pid\"\n"
                                                   "echo 'still thinking' >&2\nwait\n");
    CredentialProcessProvider provider(path, u"dev"_s, childEnvironment(), [this] { return m_now; });
    provider.setTimeout(500);
    QCOMPARE(provider.timeout(), 500);
    const AwsResult<AwsCredentials> result = fetchAndWait(provider);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().category(), AwsError::Category::Credentials);
    QVERIFY2(result.error().message().contains(u"did not finish within 1 s and was stopped"_s),
             qPrintable(result.error().message()));
    QVERIFY2(result.error().message().contains(u"still thinking"_s), qPrintable(result.error().message()));

    QFile pidFile(m_dir->filePath(u"child.pid"_s));
    QVERIFY(pidFile.open(QIODevice::ReadOnly));
    bool ok = false;
    const qint64 childPid = pidFile.readAll().trimmed().toLongLong(&ok);
    QVERIFY(ok);
    QTRY_VERIFY(processGone(childPid));
}

void TestCredentialProcess::splitsTheCommandLineWithoutAShell()
{
    const QString path = writeScript(
        u"my tool.sh"_s, "for a in \"$@\"; do echo \"[$a]\"; done > \"$(dirname \"$0\")/args\"\n" +
                             countingScript(answer("2030-01-01T06:00:00Z")));
    const QString commandLine = u"'%1' --name \"two words\" it\\'s '$HOME' \"a\\\"b\""_s.arg(path);
    CredentialProcessProvider provider(commandLine, u"dev"_s, childEnvironment(), [this] { return m_now; });
    QVERIFY(fetchAndWait(provider).ok());
    QFile args(m_dir->filePath(u"args"_s));
    QVERIFY(args.open(QIODevice::ReadOnly));
    QCOMPARE(args.readAll(), QByteArray("[--name]\n[two words]\n[it's]\n[$HOME]\n[a\"b]\n"));

    CredentialProcessProvider unterminated(u"'%1 --name"_s.arg(path), u"dev"_s, childEnvironment());
    const AwsResult<AwsCredentials> bad = fetchAndWait(unterminated);
    QVERIFY(!bad.ok());
    QVERIFY(bad.error().message().contains(u"never closed"_s));

    CredentialProcessProvider missing(m_dir->filePath(u"no-such-tool"_s), u"dev"_s, childEnvironment());
    const AwsResult<AwsCredentials> notFound = fetchAndWait(missing);
    QVERIFY(!notFound.ok());
    QCOMPARE(notFound.error().category(), AwsError::Category::Credentials);
    QVERIFY2(notFound.error().message().contains(u"could not start"_s),
             qPrintable(notFound.error().message()));

    // A bare program name is looked up in the PATH of the given environment.
    QProcessEnvironment env = childEnvironment();
    env.insert(u"PATH"_s, m_dir->path() + u":/usr/bin:/bin"_s);
    const QString tool = writeScript(u"creds-tool"_s, countingScript(answer("2030-01-01T06:00:00Z")));
    QVERIFY(!tool.isEmpty());
    CredentialProcessProvider viaPath(u"creds-tool --flag"_s, u"dev"_s, env, [this] { return m_now; });
    const AwsResult<AwsCredentials> found = fetchAndWait(viaPath);
    QVERIFY2(found.ok(), qPrintable(found.ok() ? QString() : found.error().message()));
    env.insert(u"PATH"_s, u"/nonexistent"_s);
    CredentialProcessProvider notInPath(u"creds-tool"_s, u"dev"_s, env, [this] { return m_now; });
    const AwsResult<AwsCredentials> notOnPath = fetchAndWait(notInPath);
    QVERIFY(!notOnPath.ok());
    QVERIFY2(notOnPath.error().message().contains(u"\"creds-tool\" was not found in PATH"_s),
             qPrintable(notOnPath.error().message()));
}

void TestCredentialProcess::passesTheGivenEnvironment()
{
    const QString path = writeScript(
        u"env.sh"_s,
        "printf '{\"Version\":1,\"AccessKeyId\":\"%s\",\"SecretAccessKey\":\"s\"}' \"$TEST_KEY_ID\"\n");
    QProcessEnvironment env = childEnvironment();
    env.insert(u"TEST_KEY_ID"_s, u"AKIDFROMENV"_s);
    CredentialProcessProvider provider(path, u"dev"_s, env, [this] { return m_now; });
    const AwsResult<AwsCredentials> result = fetchAndWait(provider);
    QVERIFY(result.ok());
    QCOMPARE(result.value().accessKeyId, u"AKIDFROMENV"_s);
    QVERIFY(result.value().sessionToken.isEmpty());
}

void TestCredentialProcess::concurrentFetchesShareOneRun()
{
    const QString path =
        writeScript(u"slowish.sh"_s, "sleep 0.3\n" + countingScript(answer("2030-01-01T06:00:00Z")));
    CredentialProcessProvider provider(path, u"dev"_s, childEnvironment(), [this] { return m_now; });
    int answers = 0;
    for (int i = 0; i < 3; ++i) {
        provider.fetch(this, [&](const AwsResult<AwsCredentials> &result) {
            QVERIFY(result.ok());
            ++answers;
        });
    }
    QTRY_COMPARE(answers, 3);
    QCOMPARE(runCount(), 1);
}

void TestCredentialProcess::destroyedContextIsNotCalled()
{
    const QString path =
        writeScript(u"slowish.sh"_s, "sleep 0.3\n" + countingScript(answer("2030-01-01T06:00:00Z")));
    CredentialProcessProvider provider(path, u"dev"_s, childEnvironment(), [this] { return m_now; });
    auto *context = new QObject;
    bool goneCalled = false;
    bool liveCalled = false;
    provider.fetch(context, [&](const AwsResult<AwsCredentials> &) { goneCalled = true; });
    provider.fetch(this, [&](const AwsResult<AwsCredentials> &) { liveCalled = true; });
    delete context;
    QTRY_VERIFY(liveCalled);
    QVERIFY(!goneCalled);
}

void TestCredentialProcess::parseOutput_data()
{
    QTest::addColumn<QByteArray>("output");
    QTest::addColumn<QDateTime>("expiration");

    QTest::newRow("fractional seconds")
        << answer("2030-01-01T06:00:00.123456Z")
        << QDateTime(QDate(2030, 1, 1), QTime(6, 0, 0, 123), QTimeZone::utc());
    QTest::newRow("offset") << answer("2030-01-01T08:00:00+02:00")
                            << QDateTime(QDate(2030, 1, 1), QTime(6, 0), QTimeZone::utc());
    QTest::newRow("null expiration")
        << QByteArray(R"({"Version":1,"AccessKeyId":"A","SecretAccessKey":"S","Expiration":null})")
        << QDateTime();
    QTest::newRow("extra fields ignored")
        << QByteArray(R"({"Version":1,"AccessKeyId":"A","SecretAccessKey":"S","AccountId":"123456789012"})")
        << QDateTime();
}

void TestCredentialProcess::parseOutput()
{
    QFETCH(QByteArray, output);
    QFETCH(QDateTime, expiration);
    const AwsResult<AwsCredentials> result = CredentialProcessProvider::parseOutput(output, u"dev"_s, m_now);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message()));
    QCOMPARE(result.value().expiration, expiration);
}

QTEST_GUILESS_MAIN(TestCredentialProcess)
#include "tst_credentialprocess.moc"
