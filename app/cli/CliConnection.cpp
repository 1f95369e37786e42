// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/CliConnection.h"

#include "api/QAppsClient.h"
#include "api/WorkSpacesWebClient.h"
#include "aws/config/ConnectionResolver.h"
#include "aws/credentials/AppProfileStore.h"
#include "aws/transport/AwsTransport.h"
#include "cli/CliArguments.h"

using namespace Qt::StringLiterals;

AwsResult<std::unique_ptr<CliConnection>> CliConnection::open(const CliArguments &arguments,
                                                              const QProcessEnvironment &environment,
                                                              QSettings *settings,
                                                              std::shared_ptr<CredentialPrompts> prompts)
{
    auto appProfiles = settings ? std::make_unique<AppProfileStore>(settings) : nullptr;
    ConnectionOptions options;
    options.profile = arguments.profile;
    options.region = arguments.region;
    options.endpointUrl = arguments.endpointUrl;
    options.caBundle = arguments.caBundle;
    options.connectTimeoutMs = arguments.connectTimeoutMs;
    options.readTimeoutMs = arguments.readTimeoutMs;
    options.qappsInstanceId = arguments.qappsInstanceId;
    options.prompts = std::move(prompts);
    AwsResult<ResolvedConnection> resolved =
        ConnectionResolver::resolve(options, environment, appProfiles.get());

    const QString &arnRegion = arguments.portalRegion;
    if (!arnRegion.isEmpty()) {
        // The ARN's region is the last fallback, behind every place the AWS CLI looks. A region in the
        // environment that failed (a typo) keeps its own error rather than being papered over.
        const bool regionInEnvironment = !environment.value(u"AWS_REGION"_s).isEmpty() ||
                                         !environment.value(u"AWS_DEFAULT_REGION"_s).isEmpty();
        if (!resolved && arguments.region.isEmpty() && !regionInEnvironment) {
            options.region = arnRegion;
            resolved = ConnectionResolver::resolve(options, environment, appProfiles.get());
            if (resolved)
                resolved.value().regionSource = u"--portal ARN"_s;
        } else if (resolved && resolved.value().region != arnRegion) {
            //: %1 the region in the portal ARN, %2 the region set elsewhere, %3 where it was set
            //: ("--region", "AWS_REGION", "profile dev").
            return AwsError(AwsError::Category::Configuration,
                            tr("the portal ARN is in region %1, but the region is %2 (from %3); set the "
                               "same region or none, and the ARN's region is used")
                                .arg(arnRegion, resolved.value().region, resolved.value().regionSource));
        }
    }
    if (!resolved)
        return resolved.error();
    return std::make_unique<CliConnection>(std::move(resolved).value(), std::move(appProfiles));
}

CliConnection::CliConnection(ResolvedConnection connection, std::unique_ptr<AppProfileStore> appProfiles,
                             QObject *parent)
    : QObject(parent)
    , m_appProfiles(std::move(appProfiles))
    , m_connection(std::move(connection))
    , m_transport(std::make_unique<AwsTransport>(&m_network, m_connection.credentials.get()))
{
    m_transport->setOptions(m_connection.transportOptions());
    m_web = std::make_unique<WorkSpacesWebClient>(m_transport.get(), m_connection.workspacesWebEndpoint,
                                                  m_connection.region);
    m_qapps =
        std::make_unique<QAppsClient>(m_transport.get(), m_connection.qappsEndpoint, m_connection.region);
}

CliConnection::~CliConnection() = default;
