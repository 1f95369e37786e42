// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/credentials/CredentialProcessProvider.h"

#include "aws/credentials/CommandLineSplitter.h"
#include "aws/credentials/Iso8601Timestamp.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/types.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace {

// Real credential processes print well under a kilobyte; stop anything that floods us.
constexpr qsizetype maxOutputBytes = 1024 * 1024;
constexpr qsizetype maxErrorBytes = 64 * 1024;

// The last few non-empty lines of stderr, shortened, with any secret the process printed on stdout
// blanked out in case it echoed it.
QString summarizeStderr(const QByteArray &stderrData, const QStringList &secrets)
{
    QStringList lines;
    const QList<QByteArray> rawLines = stderrData.split('\n');
    for (const QByteArray &raw : rawLines) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (!line.isEmpty())
            lines.append(line);
    }
    QString summary = lines.mid(qMax(0, lines.size() - 3)).join(u" / "_s);
    for (const QString &secret : secrets) {
        if (!secret.isEmpty())
            summary.replace(secret, u"****"_s);
    }
    constexpr qsizetype maxChars = 400;
    if (summary.size() > maxChars)
        summary = summary.left(maxChars) + u"…"_s;
    return summary;
}

QStringList secretsIn(const QByteArray &output)
{
    QStringList secrets;
    const QJsonDocument doc = QJsonDocument::fromJson(output);
    if (doc.isObject()) {
        const QJsonObject object = doc.object();
        secrets << object.value(u"SecretAccessKey").toString() << object.value(u"SessionToken").toString();
    }
    // Output that is not (complete) JSON can hold them too, and a failing helper may echo it on stderr
    // (a `set -x` trace): take what follows either key, up to the closing quote or the end of the output.
    static const QRegularExpression field(
        uR"re("(?:SecretAccessKey|SessionToken)"\s*:\s*"((?:[^"\\]|\\.)*))re"_s);
    for (QRegularExpressionMatchIterator it = field.globalMatch(QString::fromUtf8(output)); it.hasNext();) {
        const QString value = it.next().captured(1);
        if (value.size() >= 4) // shorter fragments give nothing away, and blanking them would garble the text
            secrets << value;
    }
    // Longest first, so that a secret is never only partly blanked because a fragment of it came first.
    std::sort(secrets.begin(), secrets.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
    return secrets;
}

} // namespace

CredentialProcessProvider::CredentialProcessProvider(QString commandLine, QString profileName,
                                                     QProcessEnvironment env, AwsClock clock, QObject *parent)
    : QObject(parent)
    , m_commandLine(std::move(commandLine))
    , m_profileName(std::move(profileName))
    , m_env(std::move(env))
    , m_clock(std::move(clock))
{}

CredentialProcessProvider::~CredentialProcessProvider()
{
    if (m_process) {
        m_process->disconnect(this);
        killProcessGroup();
    }
    m_stdout.fill('\0');
}

void CredentialProcessProvider::fetch(QObject *context, Callback callback)
{
    if (m_cached && !m_cached->expiresWithin(m_clock(), refreshMarginSeconds)) {
        CredentialsCallback(context, std::move(callback)).invoke(*m_cached);
        return;
    }
    m_waiting.append(CredentialsCallback(context, std::move(callback)));
    if (!m_process)
        start();
}

void CredentialProcessProvider::invalidate()
{
    m_cached.reset();
}

QString CredentialProcessProvider::description() const
{
    return tr("credential_process of profile %1").arg(m_profileName);
}

AwsError CredentialProcessProvider::error(const QString &message) const
{
    return AwsError(AwsError::Category::Credentials,
                    tr("The credential_process of profile \"%1\" failed: %2").arg(m_profileName, message));
}

void CredentialProcessProvider::start()
{
    const AwsResult<QStringList> words = CommandLineSplitter::split(m_commandLine);
    if (!words) {
        finish(error(words.error().message()));
        return;
    }
    m_stdout.clear();
    m_stderr.clear();
    m_timedOut = false;
    m_outputTooLarge = false;

    // Looked up in the PATH of the environment the command runs with, not in SessionScope's own.
    QString program = words.value().constFirst();
    if (!program.contains(u'/')) {
        const QStringList path = m_env.value(u"PATH"_s).split(u':', Qt::SkipEmptyParts);
        const QString found = QStandardPaths::findExecutable(program, path);
        if (found.isEmpty()) {
            finish(error(tr("the program \"%1\" was not found in PATH.").arg(program)));
            return;
        }
        program = found;
    }

    m_process = new QProcess(this);
    m_process->setProcessEnvironment(m_env);
    m_process->setProgram(program);
    m_process->setArguments(words.value().mid(1));
    m_process->setStandardInputFile(QProcess::nullDevice());
#ifdef Q_OS_UNIX
    // Its own process group, so a timeout also stops whatever the command started (a shell script's
    // children, an SSO helper, ...).
    m_process->setChildProcessModifier([] { ::setpgid(0, 0); });
#endif

    connect(m_process, &QProcess::readyReadStandardOutput, this, [this] {
        m_stdout += m_process->readAllStandardOutput();
        if (m_stdout.size() > maxOutputBytes && !m_outputTooLarge) {
            m_outputTooLarge = true;
            killProcessGroup();
        }
    });
    connect(m_process, &QProcess::readyReadStandardError, this, [this] {
        m_stderr += m_process->readAllStandardError();
        if (m_stderr.size() > maxErrorBytes)
            m_stderr = m_stderr.right(maxErrorBytes);
    });
    connect(m_process, &QProcess::finished, this,
            [this](int exitCode, QProcess::ExitStatus status) { onFinished(exitCode, status); });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError processError) {
        if (processError != QProcess::FailedToStart)
            return; // the others end in finished()
        const QString program = m_process->program();
        m_process->deleteLater();
        m_process = nullptr;
        m_timer->stop();
        finish(error(
            tr("could not start \"%1\": the program was not found or is not executable.").arg(program)));
    });

    if (!m_timer) {
        m_timer = new QTimer(this);
        m_timer->setSingleShot(true);
        connect(m_timer, &QTimer::timeout, this, [this] {
            m_timedOut = true;
            killProcessGroup();
        });
    }
    m_timer->start(m_timeoutMs);
    m_process->start();
}

void CredentialProcessProvider::killProcessGroup()
{
    if (!m_process)
        return;
#ifdef Q_OS_UNIX
    const qint64 pid = m_process->processId();
    if (pid > 0)
        ::kill(-static_cast<pid_t>(pid), SIGKILL);
#endif
    m_process->kill();
}

void CredentialProcessProvider::onFinished(int exitCode, int exitStatus)
{
    m_timer->stop();
    m_stdout += m_process->readAllStandardOutput();
    m_stderr += m_process->readAllStandardError();
    m_process->deleteLater();
    m_process = nullptr;

    const int timeoutSeconds = (m_timeoutMs + 999) / 1000;
    const QString stderrSummary = summarizeStderr(m_stderr, secretsIn(m_stdout));
    const QString detail = stderrSummary.isEmpty() ? QString() : tr(" It said: %1").arg(stderrSummary);

    AwsResult<AwsCredentials> result = AwsError();
    if (m_timedOut) {
        result = error(tr("it did not finish within %1 s and was stopped.").arg(timeoutSeconds) + detail);
    } else if (m_outputTooLarge) {
        result = error(
            tr("it printed more than %1 KiB, which is not a credentials answer.").arg(maxOutputBytes / 1024));
    } else if (exitStatus != QProcess::NormalExit) {
        result = error(tr("it was ended by a signal before it finished.") + detail);
    } else if (exitCode != 0) {
        result = error(tr("it exited with code %1.").arg(exitCode) + detail);
    } else {
        result = parseOutput(m_stdout, m_profileName, m_clock());
        if (!result)
            result = error(result.error().message());
    }
    m_stdout.fill('\0');
    m_stdout.clear();
    m_stderr.clear();

    if (result)
        m_cached = result.value();
    finish(result);
}

void CredentialProcessProvider::finish(const AwsResult<AwsCredentials> &result)
{
    QList<CredentialsCallback> waiting = std::exchange(m_waiting, {});
    for (CredentialsCallback &callback : waiting)
        callback.invoke(result);
}

AwsResult<AwsCredentials> CredentialProcessProvider::parseOutput(const QByteArray &output,
                                                                 const QString &profileName,
                                                                 const QDateTime &now)
{
    const auto fail = [](const QString &message) {
        return AwsError(AwsError::Category::Credentials, message);
    };

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(output, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        return fail(tr("its output is not a JSON object like {\"Version\": 1, \"AccessKeyId\": ..., "
                       "\"SecretAccessKey\": ...}."));
    }
    const QJsonObject object = doc.object();
    const QJsonValue version = object.value(u"Version");
    if (version.isUndefined())
        return fail(tr("its output has no \"Version\"; SessionScope understands Version 1."));
    if (!version.isDouble() || version.toDouble() != 1.0)
        return fail(tr("its output has an unsupported \"Version\"; SessionScope understands Version 1."));

    AwsCredentials credentials;
    credentials.accessKeyId = object.value(u"AccessKeyId").toString();
    credentials.secretAccessKey = object.value(u"SecretAccessKey").toString();
    credentials.sessionToken = object.value(u"SessionToken").toString();
    credentials.source = tr("credential_process of profile %1").arg(profileName);
    if (credentials.accessKeyId.isEmpty())
        return fail(tr("its output has no \"AccessKeyId\" string."));
    if (credentials.secretAccessKey.isEmpty())
        return fail(tr("its output has no \"SecretAccessKey\" string."));

    const QJsonValue expiration = object.value(u"Expiration");
    if (!expiration.isUndefined() && !expiration.isNull()) {
        credentials.expiration = Iso8601Timestamp::parse(expiration.toString());
        if (!credentials.expiration.isValid()) {
            return fail(tr("its \"Expiration\" is not an ISO 8601 date-time such as 2030-01-31T12:00:00Z."));
        }
        if (credentials.expiration <= now) {
            return fail(tr("it returned credentials that expired at %1.")
                            .arg(Iso8601Timestamp::format(credentials.expiration)));
        }
    }
    return credentials;
}
