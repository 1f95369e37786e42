// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsClock.h"
#include "aws/credentials/CredentialsProvider.h"

#include <QProcessEnvironment>

/// Credentials from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN and
/// AWS_CREDENTIAL_EXPIRATION (ISO 8601) of the environment it was given.
class EnvironmentCredentialsProvider : public CredentialsProvider
{
public:
    explicit EnvironmentCredentialsProvider(QProcessEnvironment env, AwsClock clock = systemAwsClock());

    /// True when the environment sets AWS_ACCESS_KEY_ID or AWS_SECRET_ACCESS_KEY, i.e. means to provide
    /// credentials (complete or not).
    static bool isConfigured(const QProcessEnvironment &env);
    /// The credentials of `env` at time `now`: a Credentials error when one key of the pair is missing,
    /// AWS_CREDENTIAL_EXPIRATION is not a date-time, or the credentials have already expired.
    static AwsResult<AwsCredentials> read(const QProcessEnvironment &env, const QDateTime &now);

    /// Answers immediately (before returning).
    void fetch(QObject *context, Callback callback) override;
    QString description() const override;

private:
    QProcessEnvironment m_env;
    AwsClock m_clock;
};
