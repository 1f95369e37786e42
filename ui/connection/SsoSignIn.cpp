// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "connection/SsoSignIn.h"

#include "aws/config/CaBundleResolver.h"
#include "aws/credentials/sso/SsoDeviceLogin.h"
#include "aws/credentials/sso/SsoProfile.h"
#include "connection/SsoSignInDialog.h"

#include <QNetworkAccessManager>
#include <QWidget>

SsoSignIn::SsoSignIn(SharedConfig config, QProcessEnvironment env, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_env(std::move(env))
    , m_network(std::make_unique<QNetworkAccessManager>())
{}

SsoSignIn::~SsoSignIn()
{
    // The login polls over the network manager: it goes first.
    delete m_login.data();
}

AwsResult<SsoSignIn *> SsoSignIn::start(const QString &profileName, const QProcessEnvironment &env,
                                        const ConnectionOptions &network, QWidget *parent)
{
    AwsResult<SharedConfig> config = SharedConfig::load(env);
    if (!config)
        return config.error();
    const AwsResult<SsoProfile> profile = SsoProfile::fromConfig(config.value(), profileName);
    if (!profile)
        return profile.error();
    // The sign-in goes through the same company CA bundle as every other call.
    const AwsResult<TlsSettings> tls = CaBundleResolver::resolve(
        network.caBundle, env, config.value().profileValue(profileName, CaBundleResolver::profileKey()),
        profileName);
    if (!tls)
        return tls.error();

    auto *dialog = new SsoSignInDialog(profileName, profile.value().startUrl, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *signIn = new SsoSignIn(std::move(config).value(), env, dialog);
    signIn->m_dialog = dialog;
    auto *login = new SsoDeviceLogin(profile.value(), signIn->m_env, signIn->m_config,
                                     signIn->m_network.get(), systemAwsClock(), signIn);
    login->setTlsSettings(tls.value());
    login->setProxySettings(network.proxy ? *network.proxy : ProxySettings::fromEnvironment(env));
    signIn->m_login = login;
    connect(login, &SsoDeviceLogin::verificationReady, dialog, &SsoSignInDialog::showVerification);
    connect(login, &SsoDeviceLogin::finished, dialog, &SsoSignInDialog::showFinished);
    connect(dialog, &SsoSignInDialog::cancelRequested, login, &SsoDeviceLogin::cancel);
    connect(dialog, &SsoSignInDialog::signedIn, signIn, &SsoSignIn::signedIn);
    dialog->open();
    login->start();
    return signIn;
}
