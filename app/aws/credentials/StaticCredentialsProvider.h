// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/credentials/CredentialsProvider.h"

/// Fixed credentials given in code: the demo's throw-away keys and the tests' keys. Answers at once.
class StaticCredentialsProvider : public CredentialsProvider
{
public:
    explicit StaticCredentialsProvider(AwsCredentials credentials);

    /// Calls `callback` before returning: with the credentials, or a Credentials error when the access
    /// key id or the secret is empty.
    void fetch(QObject *context, Callback callback) override;
    QString description() const override;

private:
    AwsCredentials m_credentials;
};
