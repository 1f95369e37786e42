// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsResult.h"
#include "aws/credentials/sso/SsoClientRegistration.h"
#include "aws/transport/CallHandle.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>

class AwsTransport;
class QObject;

/// IAM Identity Center's OAuth service (SSO OIDC, REST-JSON, unsigned): RegisterClient,
/// StartDeviceAuthorization and CreateToken with the device-code and refresh-token grants. Its errors keep
/// the service's codes (AuthorizationPendingException, SlowDownException, ExpiredTokenException,
/// AccessDeniedException, InvalidGrantException, InvalidClientException, ...); answers that cannot be
/// decoded are MalformedAnswer errors that never quote the answer (it holds tokens).
class SsoOidcClient
{
public:
    struct DeviceAuthorization
    {
        QString deviceCode; ///< secret while the sign-in runs
        QString userCode;
        QUrl verificationUri;
        QUrl verificationUriComplete;
        int expiresIn = 0; ///< seconds
        int interval = 5;  ///< seconds between CreateToken calls (5 when the service names none)
    };
    struct Token
    {
        QString accessToken;
        int expiresIn = 0;    ///< seconds
        QString refreshToken; ///< empty when the service gave none
        QString tokenType;
    };
    template <typename T>
    using Callback = std::function<void(const AwsResult<T> &)>;

    static constexpr const char *deviceCodeGrant = "urn:ietf:params:oauth:grant-type:device_code";

    /// `transport` must outlive the client. `endpoint`: scheme://host[:port] of SSO OIDC in `region`.
    SsoOidcClient(AwsTransport *transport, QUrl endpoint, QString region);

    /// A public client; `scopes` empty: registered without scopes (then tokens come without refresh
    /// tokens). The registration's expiresAt is the answer's clientSecretExpiresAt.
    CallHandle registerClient(const QString &clientName, const QStringList &scopes, QObject *context,
                              Callback<SsoClientRegistration> callback);
    CallHandle startDeviceAuthorization(const SsoClientRegistration &registration, const QString &startUrl,
                                        QObject *context, Callback<DeviceAuthorization> callback);
    CallHandle createTokenWithDeviceCode(const SsoClientRegistration &registration, const QString &deviceCode,
                                         QObject *context, Callback<Token> callback);
    CallHandle createTokenWithRefreshToken(const QString &clientId, const QString &clientSecret,
                                           const QString &refreshToken, QObject *context,
                                           Callback<Token> callback);

private:
    CallHandle post(const QByteArray &path, const QString &operation, const QJsonObject &body,
                    QObject *context, std::function<void(const AwsResult<QJsonObject> &)> callback);

    AwsTransport *m_transport;
    QUrl m_endpoint;
    QString m_region;
};
