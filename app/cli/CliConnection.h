// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsResult.h"
#include "aws/config/ResolvedConnection.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QProcessEnvironment>

#include <memory>

class AppProfileStore;
class AwsTransport;
class CredentialPrompts;
class QAppsClient;
class QSettings;
class WorkSpacesWebClient;
struct CliArguments;

/// The connection of one sessionscope-cli run: what ConnectionResolver chose for the profile, region and
/// endpoints, and the transport and clients built on it.
class CliConnection : public QObject
{
    Q_OBJECT

public:
    /// Resolves the connection of `arguments` (the AWS CLI's precedence: flag, environment, profile).
    /// A portal ARN given to --portal supplies the region when none is set anywhere; a region that is
    /// set and differs from the ARN's is a Configuration error naming both, because the request would go
    /// to a region where that portal does not exist. `settings` may be null (no app-managed profiles);
    /// `prompts` (may be null) is asked for MFA codes.
    static AwsResult<std::unique_ptr<CliConnection>> open(const CliArguments &arguments,
                                                          const QProcessEnvironment &environment,
                                                          QSettings *settings,
                                                          std::shared_ptr<CredentialPrompts> prompts = {});

    /// Builds the transport and clients on an already resolved connection. `appProfiles` is kept alive
    /// as long as the connection, whose credentials may read it on every fetch.
    explicit CliConnection(ResolvedConnection connection, std::unique_ptr<AppProfileStore> appProfiles = {},
                           QObject *parent = nullptr);
    ~CliConnection() override;

    const ResolvedConnection &resolved() const { return m_connection; }
    AwsTransport *transport() const { return m_transport.get(); }
    WorkSpacesWebClient *web() const { return m_web.get(); }
    QAppsClient *qapps() const { return m_qapps.get(); }

private:
    // Declared before m_connection, whose credentials refer to it.
    std::unique_ptr<AppProfileStore> m_appProfiles;
    ResolvedConnection m_connection;
    QNetworkAccessManager m_network;
    std::unique_ptr<AwsTransport> m_transport;
    std::unique_ptr<WorkSpacesWebClient> m_web;
    std::unique_ptr<QAppsClient> m_qapps;
};
