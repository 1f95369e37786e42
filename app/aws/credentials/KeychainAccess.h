// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsResult.h"
#include "aws/credentials/SecretServiceProbe.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <qt6keychain/keychain.h>

#include <functional>
#include <variant>

/// Reads, writes and deletes secrets in the OS keychain through QtKeychain: asynchronously, never with
/// the insecure (plaintext) fallback, service name "SessionScope". Like Nextcloud's client it retries an
/// operation once, after retryDelay(), when the keychain backend seems not to be up yet. Failures become
/// Credentials errors that name the cause ("The system keychain is locked", "No keychain service is
/// running (Secret Service over D-Bus)", ...), found by asking the Secret Service when QtKeychain's own
/// answer is ambiguous. Secrets never appear in errors or logs.
class KeychainAccess : public QObject
{
    Q_OBJECT

public:
    static constexpr int defaultRetryDelayMs = 2000;

    enum class Operation {
        Read,
        Write,
        Delete,
    };

    using ReadCallback = std::function<void(const AwsResult<QByteArray> &)>;
    using DoneCallback = std::function<void(const AwsResult<std::monostate> &)>;

    explicit KeychainAccess(QObject *parent = nullptr);

    /// The QtKeychain service name every entry is stored under.
    static QString serviceName();

    void setRetryDelay(int milliseconds) { m_retryDelayMs = milliseconds; }
    int retryDelay() const { return m_retryDelayMs; }

    /// Each calls `callback` exactly once, unless `context` is destroyed first. `what` names the entry
    /// in messages ("profile dev"). Deleting an entry that does not exist succeeds.
    void read(const QString &key, const QString &what, QObject *context, ReadCallback callback);
    void write(const QString &key, const QByteArray &secret, const QString &what, QObject *context,
               DoneCallback callback);
    void remove(const QString &key, const QString &what, QObject *context, DoneCallback callback);

    /// The error for a failed operation, from QtKeychain's code and text and what the Secret Service
    /// probe found. Public for tests.
    static AwsError errorFor(Operation operation, QKeychain::Error code, const QString &errorString,
                             const SecretServiceProbe::Finding &finding, const QString &what);

Q_SIGNALS:
    /// The first attempt failed as if the keychain were not up yet; one retry follows after retryDelay().
    void retryScheduled(const QString &key);

private:
    struct Request;
    void start(const std::shared_ptr<Request> &request);
    void onJobFinished(const std::shared_ptr<Request> &request, QKeychain::Job *job);
    void fail(const std::shared_ptr<Request> &request, QKeychain::Error code, const QString &errorString);

    int m_retryDelayMs = defaultRetryDelayMs;
};
