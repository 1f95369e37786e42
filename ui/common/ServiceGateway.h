// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/Portal.h"
#include "api/QAppSessionMetadata.h"
#include "api/SessionLister.h"
#include "api/SessionSummary.h"
#include "aws/AwsResult.h"
#include "aws/credentials/sts/CallerIdentity.h"
#include "aws/transport/CallHandle.h"

#include <QNetworkProxy>
#include <QObject>
#include <QString>

#include <functional>
#include <variant>

class QAuthenticator;

/// Everything the widgets ask of AWS, behind one interface the main window is given: the real one wraps
/// WorkSpacesWebClient and QAppsClient over one transport; tests may wrap it to inject faults.
///
/// Callbacks follow the clients' contract: exactly once on the caller's thread, never before the method
/// returns, unless the handle is cancelled or `context` is destroyed first.
class ServiceGateway : public QObject
{
    Q_OBJECT

public:
    template <typename T>
    using Callback = std::function<void(const AwsResult<T> &)>;

    /// What the toolbar shows about the connection.
    struct Description
    {
        QString profileName;         ///< "default", "prod", "demo", ...
        QString region;              ///< "eu-west-1"
        QString target;              ///< where requests go, e.g. "workspaces-web.eu-west-1.amazonaws.com"
        QString credentialSource;    ///< e.g. "profile prod (~/.aws/credentials)"; never a secret
        QString qBusinessInstanceId; ///< from the connection's configuration; empty when none
        bool demo = false;           ///< true when connected to the built-in demo emulator
    };

    using QObject::QObject;

    virtual Description description() const = 0;

    virtual CallHandle listPortals(const QString &nextToken, QObject *context,
                                   Callback<PortalPage> callback) = 0;
    /// The lister the session table pages through.
    virtual SessionLister *sessionLister() = 0;
    virtual CallHandle getSession(const QString &portalId, const QString &sessionId, QObject *context,
                                  Callback<SessionDetail> callback) = 0;
    virtual CallHandle expireSession(const QString &portalId, const QString &sessionId, QObject *context,
                                     Callback<std::monostate> callback) = 0;
    virtual CallHandle getQAppSessionMetadata(const QString &instanceId, const QString &sessionId,
                                              QObject *context, Callback<QAppSessionMetadata> callback) = 0;

    /// Who the connection's credentials belong to (STS GetCallerIdentity), for the toolbar. The default
    /// answers, after returning, that this connection cannot tell (a Configuration error).
    virtual CallHandle getCallerIdentity(QObject *context, Callback<CallerIdentity> callback);

    /// Whether `sessionId` can name an Amazon Q Apps session at all (a lower-case UUID v4).
    virtual bool isValidQAppSessionId(const QString &sessionId) const = 0;
    /// Whether `instanceId` can name an Amazon Q Business instance.
    virtual bool isValidQBusinessInstanceId(const QString &instanceId) const = 0;

Q_SIGNALS:
    /// A call (IAM `action`) failed with `error` and will be tried again as attempt `attempt` after
    /// `delayMs`; the window says e.g. "AWS is limiting requests; retrying in 2 s".
    void retrying(const QString &action, int attempt, int delayMs, const AwsError &error);
    /// The proxy answered 407 (AwsTransport::proxyAuthenticationRequired, passed on): a slot connected
    /// directly may fill `authenticator` with a user name and password (a prompt) before it returns; Qt
    /// then repeats the request with them. Left empty, the call fails with a clear 407 error.
    void proxyAuthenticationRequired(const QNetworkProxy &proxy, QAuthenticator *authenticator);
};
