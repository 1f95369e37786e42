// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

/// sessionscope-cli (or another of our executables) run as a user runs it: a separate process with a
/// clean environment that holds only what is set here (a private HOME and XDG config folder, no shared
/// AWS files unless the test writes them).
class CliProcess
{
public:
    struct Result
    {
        int exitCode = -1; ///< -1 when it crashed or had to be killed
        QByteArray out;
        QByteArray err;

        /// The non-empty lines of stderr.
        QList<QByteArray> errLines() const;
    };

    /// `home` is the folder used as HOME (and, below it, XDG_CONFIG_HOME and the AWS shared files).
    explicit CliProcess(const QString &home);

    /// Sets (or, with an empty value, removes) one variable of the environment.
    void setEnv(const QString &name, const QString &value);
    /// The environment as it stands.
    QProcessEnvironment environment() const { return m_env; }
    /// Access key, secret (and token) through AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN.
    void setCredentials(const QString &accessKeyId, const QString &secret, const QString &token = {});

    /// Runs `program` with `arguments`; waits at most `timeoutMs`.
    Result run(const QString &program, const QStringList &arguments, int timeoutMs = 120'000) const;
    /// Runs sessionscope-cli.
    Result cli(const QStringList &arguments, int timeoutMs = 120'000) const;

    static QString cliExecutable();

private:
    QProcessEnvironment m_env;
};
