// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connection/ProxyCredentials.h"
#include "connection/ProxyCredentialsDialog.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QWidget>

#include <functional>
#include <optional>

class ClientGateway;
class ProxyCredentialStore;
class QAuthenticator;
class QNetworkProxy;

/// Answers proxies that want a user name and password (HTTP 407) for the GUI's gateways.
///
/// The network manager asks synchronously and the dialogs here never block, so a 407 that finds no
/// credentials lets its request fail and then, on a later event-loop turn: takes the proxy's entry from
/// the keychain if there is one, else asks with a ProxyCredentialsDialog (saving to the keychain when
/// "Remember" is ticked); then the gateway's owner retries, and the next 407 is answered with what is
/// known. Credentials the proxy refuses are not offered again: the user is asked once more, and a second
/// refusal in a row gives up with a sentence that says so. Passwords live in memory and the keychain only.
class ProxyAuthenticationHandler : public QObject
{
    Q_OBJECT

public:
    /// What to do for one gateway: `retry` once credentials are known (a new connection or a new test),
    /// `report` a sentence when it stays unconnected; dialogs open over `dialogParent`.
    struct Target
    {
        std::function<void()> retry{};
        std::function<void(const QString &)> report{};
        QPointer<QWidget> dialogParent{};
    };

    /// `store` must outlive the handler.
    explicit ProxyAuthenticationHandler(ProxyCredentialStore *store, QObject *parent = nullptr);

    /// Answers `gateway`'s 407s for `target`.
    void attach(ClientGateway *gateway, const Target &target);
    /// Answers one 407 (what attach() connects): fills `authenticator` with the credentials known for the
    /// proxy unless the proxy just refused them; otherwise leaves it as it is and asks later.
    void authenticate(const QNetworkProxy &proxy, QAuthenticator *authenticator, const Target &target);
    /// Credentials known for this session (a manual proxy URL's), offered at the proxy's next 407.
    void remember(const ProxyCredentials &credentials);

Q_SIGNALS:
    /// A dialog opened (tests answer it).
    void credentialsDialogOpened(ProxyCredentialsDialog *dialog);

private:
    struct ProxyState
    {
        std::optional<ProxyCredentials> known{};
        /// How often in a row the proxy refused what it was given.
        int refusals = 0;
        QString refusedUser{};
        bool keychainChecked = false;
        /// A keychain read or a dialog is on its way for this proxy: further 407s wait for it.
        bool pending = false;
    };

    void resolve(const QString &key, const Target &target);
    void ask(const QString &key, const Target &target);
    void giveUp(const QString &key, const Target &target, const QString &sentence);

    ProxyCredentialStore *m_store;
    QHash<QString, ProxyState> m_states;
    QHash<QString, ProxyCredentials> m_proxies; // host and port of each key, without credentials
};
