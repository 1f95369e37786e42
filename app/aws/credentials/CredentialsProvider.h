// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsResult.h"
#include "aws/credentials/AwsCredentials.h"

#include <QPointer>
#include <QString>

#include <functional>

class QObject;

/// Source of AWS credentials. Providers are asynchronous because some of them run a process
/// (credential_process) or ask the OS keychain.
class CredentialsProvider
{
public:
    using Callback = std::function<void(const AwsResult<AwsCredentials> &)>;

    virtual ~CredentialsProvider() = default;

    /// Resolves credentials and calls `callback` exactly once, on the thread that called fetch(), unless
    /// `context` is destroyed first (then never). The callback may run before fetch() returns when the
    /// answer is already known (cached, or an immediate error). Cached credentials that expire within
    /// five minutes are refreshed first.
    virtual void fetch(QObject *context, Callback callback) = 0;

    /// Forgets cached credentials, e.g. after the service said they expired.
    virtual void invalidate() {}

    /// What this provider reads, for the toolbar and error messages ("profile prod (~/.aws/credentials)").
    virtual QString description() const = 0;
};
