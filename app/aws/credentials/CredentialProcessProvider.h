// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsClock.h"
#include "aws/credentials/CredentialsCallback.h"
#include "aws/credentials/CredentialsProvider.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QProcessEnvironment>

#include <optional>

class QProcess;
class QTimer;

/// Credentials from a profile's `credential_process`: runs the command (split like a shell would, without
/// a shell) asynchronously and reads the JSON it prints:
/// `{"Version": 1, "AccessKeyId": ..., "SecretAccessKey": ..., "SessionToken": ..., "Expiration": ...}`.
/// The answer is cached until five minutes before its Expiration. A command that fails, times out or
/// prints anything else gives a Credentials error that never contains what it printed on stdout.
/// Concurrent fetches share one run of the command. Destroying the provider stops a running command.
class CredentialProcessProvider : public QObject, public CredentialsProvider
{
    Q_OBJECT

public:
    static constexpr int defaultTimeoutMs = 60'000;
    /// Credentials expiring within this many seconds are refreshed before use.
    static constexpr qint64 refreshMarginSeconds = 300;

    /// `env` is the environment the command runs with; `profileName` is for messages.
    CredentialProcessProvider(QString commandLine, QString profileName, QProcessEnvironment env,
                              AwsClock clock = systemAwsClock(), QObject *parent = nullptr);
    ~CredentialProcessProvider() override;

    /// How long the command may run before it (and everything it started) is killed.
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    int timeout() const { return m_timeoutMs; }

    void fetch(QObject *context, Callback callback) override;
    void invalidate() override;
    QString description() const override;

    /// Decodes what a credential_process printed. Errors never contain `output`.
    static AwsResult<AwsCredentials> parseOutput(const QByteArray &output, const QString &profileName,
                                                 const QDateTime &now);

private:
    void start();
    void finish(const AwsResult<AwsCredentials> &result);
    void onFinished(int exitCode, int exitStatus);
    void killProcessGroup();
    AwsError error(const QString &message) const;

    QString m_commandLine;
    QString m_profileName;
    QProcessEnvironment m_env;
    AwsClock m_clock;
    int m_timeoutMs = defaultTimeoutMs;

    std::optional<AwsCredentials> m_cached;
    QList<CredentialsCallback> m_waiting;
    QProcess *m_process = nullptr;
    QTimer *m_timer = nullptr;
    QByteArray m_stdout;
    QByteArray m_stderr;
    bool m_timedOut = false;
    bool m_outputTooLarge = false;
};
