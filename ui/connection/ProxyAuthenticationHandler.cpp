// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "connection/ProxyAuthenticationHandler.h"

#include "common/ClientGateway.h"
#include "connection/ProxyCredentialStore.h"
#include "connection/ProxyCredentialsDialog.h"

#include <QAuthenticator>
#include <QNetworkProxy>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {
QString keyOf(const QString &host, int port)
{
    return host.toLower() + u':' + QString::number(port);
}
} // namespace

ProxyAuthenticationHandler::ProxyAuthenticationHandler(ProxyCredentialStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{}

void ProxyAuthenticationHandler::attach(ClientGateway *gateway, const Target &target)
{
    connect(
        gateway, &ServiceGateway::proxyAuthenticationRequired, this,
        [this, target](const QNetworkProxy &proxy, QAuthenticator *authenticator) {
            authenticate(proxy, authenticator, target);
        },
        Qt::DirectConnection);
}

void ProxyAuthenticationHandler::remember(const ProxyCredentials &credentials)
{
    const QString key = keyOf(credentials.host, credentials.port);
    ProxyState &state = m_states[key];
    state.known = credentials;
    state.refusals = 0;
    m_proxies.insert(key, ProxyCredentials{credentials.host, credentials.port, {}, {}});
}

void ProxyAuthenticationHandler::authenticate(const QNetworkProxy &proxy, QAuthenticator *authenticator,
                                              const Target &target)
{
    const QString key = keyOf(proxy.hostName(), proxy.port());
    m_proxies.insert(key, ProxyCredentials{proxy.hostName(), proxy.port(), {}, {}});
    ProxyState &state = m_states[key];
    // The network manager asks again with what it last sent when the proxy refused it.
    const bool offeredBefore = !authenticator->user().isEmpty();
    if (state.known && !(offeredBefore && authenticator->user() == state.known->user &&
                         authenticator->password() == state.known->password)) {
        authenticator->setUser(state.known->user);
        authenticator->setPassword(state.known->password);
        return;
    }
    if (offeredBefore) {
        ++state.refusals;
        state.refusedUser = authenticator->user();
        state.known.reset();
    }
    if (state.pending)
        return;
    state.pending = true;
    // Left as it is, the authenticator lets this request fail with 407; the rest happens after it.
    QTimer::singleShot(0, this, [this, key, target] { resolve(key, target); });
}

void ProxyAuthenticationHandler::resolve(const QString &key, const Target &target)
{
    ProxyState &state = m_states[key];
    if (state.refusals >= 2) {
        giveUp(key, target,
               tr("Not connected: the proxy %1 refused the user name and password again. Check them, then "
                  "connect again.")
                   .arg(m_proxies.value(key).hostAndPort()));
        return;
    }
    if (state.known) {
        // Known by now (another request's answer); try them.
        state.pending = false;
        if (target.retry)
            target.retry();
        return;
    }
    if (state.keychainChecked || state.refusals > 0) {
        ask(key, target);
        return;
    }
    state.keychainChecked = true;
    const ProxyCredentials proxy = m_proxies.value(key);
    m_store->read(proxy.host, proxy.port, this,
                  [this, key, target](const std::optional<ProxyCredentials> &stored) {
                      ProxyState &s = m_states[key];
                      if (!stored) {
                          ask(key, target);
                          return;
                      }
                      s.known = stored;
                      s.pending = false;
                      if (target.retry)
                          target.retry();
                  });
}

void ProxyAuthenticationHandler::ask(const QString &key, const Target &target)
{
    ProxyState &state = m_states[key];
    ProxyCredentials offered = m_proxies.value(key);
    offered.user = state.refusedUser;
    auto *dialog = new ProxyCredentialsDialog(offered, state.refusals > 0, target.dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ProxyCredentialsDialog::credentialsEntered, this,
            [this, key, target](const ProxyCredentials &credentials, bool remember) {
                ProxyState &s = m_states[key];
                s.known = credentials;
                s.pending = false;
                if (remember) {
                    m_store->write(credentials, this, [target](const AwsResult<std::monostate> &written) {
                        if (!written && target.report)
                            target.report(written.error().userMessage());
                    });
                }
                if (target.retry)
                    target.retry();
            });
    connect(dialog, &QDialog::rejected, this, [this, key, target] {
        giveUp(key, target,
               tr("Not connected: the proxy %1 needs a user name and password.")
                   .arg(m_proxies.value(key).hostAndPort()));
    });
    Q_EMIT credentialsDialogOpened(dialog);
    dialog->open();
}

void ProxyAuthenticationHandler::giveUp(const QString &key, const Target &target, const QString &sentence)
{
    // The next connection the user starts begins afresh, asking again; nothing retries on its own.
    ProxyState &state = m_states[key];
    state.pending = false;
    state.refusals = 0;
    state.known.reset();
    if (target.report)
        target.report(sentence);
}
