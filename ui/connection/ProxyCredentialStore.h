// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsResult.h"
#include "aws/credentials/KeychainAccess.h"
#include "connection/ProxyCredentials.h"

#include <QObject>

#include <functional>
#include <optional>

/// Proxy user names and passwords in the OS keychain (KeychainAccess: no plaintext fallback), one entry
/// per proxy host and port. Nothing of them goes to QSettings.
class ProxyCredentialStore : public QObject
{
    Q_OBJECT

public:
    /// The stored credentials, or nothing when there are none or the keychain cannot tell.
    using ReadCallback = std::function<void(const std::optional<ProxyCredentials> &)>;

    explicit ProxyCredentialStore(QObject *parent = nullptr);

    /// The keychain entry's name: "proxy:host:port" (host in lower case).
    static QString keychainKey(const QString &host, int port);

    KeychainAccess *keychain() { return &m_keychain; }

    /// Each calls `callback` exactly once, unless `context` is destroyed first.
    void read(const QString &host, int port, QObject *context, ReadCallback callback);
    void write(const ProxyCredentials &credentials, QObject *context, KeychainAccess::DoneCallback callback);
    void remove(const QString &host, int port, QObject *context, KeychainAccess::DoneCallback callback);

private:
    KeychainAccess m_keychain;
};
