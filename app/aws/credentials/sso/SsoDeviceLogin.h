// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsClock.h"
#include "aws/AwsResult.h"
#include "aws/credentials/sso/SsoProfile.h"
#include "aws/transport/ProxySettings.h"
#include "aws/transport/TlsSettings.h"

#include <QDateTime>
#include <QObject>
#include <QProcessEnvironment>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;
class SharedConfig;

/// Signs in to IAM Identity Center without the AWS CLI, with the OAuth device flow the AWS CLI v2 uses:
/// SSO OIDC RegisterClient (reusing a cached, unexpired registration), StartDeviceAuthorization, then
/// CreateToken polled at the interval the service gives (slowing down on SlowDownException) until the
/// person approved the code in their browser, the code expired, or cancel(). The token goes into the
/// AWS CLI's cache (SsoTokenCache), so `aws` shares the sign-in and the reverse.
/// The OIDC endpoint follows the endpoint rules (AWS_ENDPOINT_URL_SSO_OIDC, [services] sso_oidc,
/// AWS_ENDPOINT_URL, https://oidc.<sso_region>.amazonaws.com).
class SsoDeviceLogin : public QObject
{
    Q_OBJECT

public:
    /// `network` must outlive the login.
    SsoDeviceLogin(SsoProfile profile, QProcessEnvironment env, const SharedConfig &config,
                   QNetworkAccessManager *network, AwsClock clock = systemAwsClock(),
                   QObject *parent = nullptr);
    ~SsoDeviceLogin() override;

    const SsoProfile &profile() const { return m_profile; }
    /// The certificate authorities of the sign-in's calls (the connection's CA bundle); call before start().
    void setTlsSettings(const TlsSettings &tls);
    /// The proxy of the sign-in's calls; call before start(). Default: the environment's (botocore's
    /// HTTPS_PROXY / NO_PROXY, ProxySettings::fromEnvironment).
    void setProxySettings(const ProxySettings &proxy);

    /// Starts the flow; verificationReady() then finished() follow (finished() alone on an early error).
    void start();
    /// Stops polling; finished() follows with a Cancelled error. Nothing is written.
    void cancel();

Q_SIGNALS:
    /// Show `userCode` and open `verificationUriComplete` (which carries the code) in the browser;
    /// `verificationUri` is the page to type the code into by hand. `expiresAt`: when the code stops working.
    void verificationReady(const QUrl &verificationUriComplete, const QString &userCode,
                           const QUrl &verificationUri, const QDateTime &expiresAt);
    /// The sign-in ended: the token's expiry when it was cached, or the error (Cancelled, Timeout when the
    /// code expired unapproved, AccessDenied when refused, Network...). Emitted exactly once.
    void finished(const AwsResult<QDateTime> &signedInUntil);

private:
    class Private;
    std::unique_ptr<Private> d;
    SsoProfile m_profile;
};
