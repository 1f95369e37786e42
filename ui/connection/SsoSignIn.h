// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsResult.h"
#include "aws/config/ConnectionOptions.h"
#include "aws/config/SharedConfig.h"
#include "connection/SsoSignInDialog.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QProcessEnvironment>

#include <memory>

class QNetworkAccessManager;
class QWidget;
class SsoDeviceLogin;

/// One IAM Identity Center sign-in of the desktop app: an SsoDeviceLogin for a profile of the shared
/// files, shown in an SsoSignInDialog over `parent`. It lives as long as its dialog.
class SsoSignIn : public QObject
{
    Q_OBJECT

public:
    /// Starts signing in `profileName`, or says why it cannot (not an IAM Identity Center profile, a
    /// shared file that cannot be read): a Configuration error naming the profile. The sign-in goes
    /// through the CA bundle and proxy of `network` (the connection dialog's choices; unset ones come from
    /// the environment and the profile, as for every other call).
    static AwsResult<SsoSignIn *> start(const QString &profileName, const QProcessEnvironment &env,
                                        const ConnectionOptions &network, QWidget *parent);

    ~SsoSignIn() override;

    SsoSignInDialog *dialog() const { return m_dialog; }

Q_SIGNALS:
    /// Signed in; the token is in the AWS CLI's cache until `until`.
    void signedIn(const QDateTime &until);

private:
    SsoSignIn(SharedConfig config, QProcessEnvironment env, QObject *parent);

    SharedConfig m_config;
    QProcessEnvironment m_env;
    std::unique_ptr<QNetworkAccessManager> m_network;
    QPointer<SsoDeviceLogin> m_login;
    QPointer<SsoSignInDialog> m_dialog;
};
