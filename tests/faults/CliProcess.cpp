// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliProcess.h"

#include <QDir>
#include <QProcess>

using namespace Qt::StringLiterals;

QList<QByteArray> CliProcess::Result::errLines() const
{
    QList<QByteArray> lines;
    const QList<QByteArray> all = err.split('\n');
    for (const QByteArray &line : all) {
        if (!line.trimmed().isEmpty())
            lines.append(line);
    }
    return lines;
}

CliProcess::CliProcess(const QString &home)
{
    const QDir dir(home);
    dir.mkpath(u"config"_s);
    m_env.insert(u"HOME"_s, home);
    m_env.insert(u"XDG_CONFIG_HOME"_s, dir.filePath(u"config"_s));
    m_env.insert(u"PATH"_s, qEnvironmentVariable("PATH"));
    m_env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    // No shared files unless a test writes them there.
    m_env.insert(u"AWS_CONFIG_FILE"_s, dir.filePath(u"aws-config"_s));
    m_env.insert(u"AWS_SHARED_CREDENTIALS_FILE"_s, dir.filePath(u"aws-credentials"_s));
}

void CliProcess::setEnv(const QString &name, const QString &value)
{
    if (value.isEmpty())
        m_env.remove(name);
    else
        m_env.insert(name, value);
}

void CliProcess::setCredentials(const QString &accessKeyId, const QString &secret, const QString &token)
{
    setEnv(u"AWS_ACCESS_KEY_ID"_s, accessKeyId);
    setEnv(u"AWS_SECRET_ACCESS_KEY"_s, secret);
    setEnv(u"AWS_SESSION_TOKEN"_s, token);
}

CliProcess::Result CliProcess::run(const QString &program, const QStringList &arguments, int timeoutMs) const
{
    QProcess process;
    process.setProcessEnvironment(m_env);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(program, arguments);
    Result result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
    } else if (process.exitStatus() == QProcess::NormalExit) {
        result.exitCode = process.exitCode();
    }
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

CliProcess::Result CliProcess::cli(const QStringList &arguments, int timeoutMs) const
{
    return run(cliExecutable(), arguments, timeoutMs);
}

QString CliProcess::cliExecutable()
{
    return QStringLiteral(SESSIONSCOPE_CLI_EXECUTABLE);
}
