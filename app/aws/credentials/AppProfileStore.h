// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsResult.h"
#include "aws/credentials/AppProfile.h"
#include "aws/credentials/KeychainAccess.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>
#include <optional>
#include <variant>

class QSettings;

/// Profiles created inside SessionScope. The non-secret fields go to the QSettings it is given (group
/// "appProfiles/<name>"); the secret access key and session token go to the OS keychain (KeychainAccess,
/// service "SessionScope", key "profile:<name>") and never into the settings. There is no plaintext
/// fallback: without a keychain, saving a profile fails with a clear error.
class AppProfileStore : public QObject
{
    Q_OBJECT

public:
    struct Secret
    {
        QString secretAccessKey;
        QString sessionToken; ///< optional
    };

    using DoneCallback = std::function<void(const AwsResult<std::monostate> &)>;
    using SecretCallback = std::function<void(const AwsResult<Secret> &)>;

    /// `settings` is not owned and must outlive the store.
    explicit AppProfileStore(QSettings *settings, QObject *parent = nullptr);

    /// The keychain it uses (e.g. to tune the retry delay).
    KeychainAccess *keychain() { return &m_keychain; }

    /// Profile names, sorted case-insensitively.
    QStringList profileNames() const;
    bool contains(const QString &name) const;
    std::optional<AppProfile> profile(const QString &name) const;

    /// Checks the non-secret fields: a name of 1-64 letters, digits and . _ - @ +; an access key id of
    /// 16-128 letters, digits or _; an optional valid region; an optional endpoint URL as
    /// EndpointResolver accepts it; an optional instance id of letters, digits and -.
    static AwsResult<std::monostate> validate(const AppProfile &profile);
    /// Checks a secret: a secret access key without whitespace; a session token without whitespace.
    static AwsResult<std::monostate> validate(const Secret &secret);

    /// Creates or replaces a profile and its secret. The secret is written to the keychain first; the
    /// settings only when that succeeded, so a failure leaves no half profile behind.
    void saveProfile(const AppProfile &profile, const Secret &secret, QObject *context, DoneCallback done);
    /// Changes the non-secret fields of an existing profile; its secret stays in the keychain.
    AwsResult<std::monostate> updateProfile(const AppProfile &profile);
    /// Deletes the secret from the keychain, then the profile. When the keychain cannot delete it, the
    /// profile stays (so no secret is orphaned) and the error says why.
    void removeProfile(const QString &name, QObject *context, DoneCallback done);
    /// Reads a profile's secret from the keychain.
    void readSecret(const QString &name, QObject *context, SecretCallback callback);

    /// The keychain key of a profile's secret.
    static QString keychainKey(const QString &name);

Q_SIGNALS:
    void profilesChanged();

private:
    AwsResult<std::monostate> writeSettings(const AppProfile &profile);

    QSettings *m_settings;
    KeychainAccess m_keychain;
};
