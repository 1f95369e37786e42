// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

#include <functional>

/// Asks the Secret Service (org.freedesktop.secrets on the D-Bus session bus) what state it is in, so a
/// failed keychain operation can say why: QtKeychain reports a locked collection as "entry not found"
/// on reads, and as success when deleting. Only looks at attributes, never reads a secret.
/// Without D-Bus support (not Linux/BSD) the state is always Unknown.
class SecretServiceProbe
{
public:
    enum class State {
        Unknown,         ///< could not tell
        NoSessionBus,    ///< no D-Bus session bus to connect to
        NoSecretService, ///< the bus is there but nothing owns org.freedesktop.secrets
        Running,         ///< the service answers
    };

    struct Finding
    {
        State state = State::Unknown;
        int unlockedItems = 0;                ///< items with the QtKeychain attributes of (service, key)
        int lockedItems = 0;                  ///< the same, in a locked collection
        bool defaultCollectionLocked = false; ///< the collection new items go into is locked

        bool isLocked() const { return lockedItems > 0 || defaultCollectionLocked; }
    };

    /// Probes asynchronously; calls `callback` exactly once unless `context` is destroyed first.
    /// `service` and `key` are the QtKeychain service name and key of the entry of interest.
    static void probe(const QString &service, const QString &key, QObject *context,
                      std::function<void(const Finding &)> callback);
};
