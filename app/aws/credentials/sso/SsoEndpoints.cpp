// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/credentials/sso/SsoEndpoints.h"

namespace {

AwsResult<EndpointResolver::Resolved> resolve(EndpointResolver::Service service,
                                              const QProcessEnvironment &env, const SharedConfig &config,
                                              const QString &profileName, const QString &region)
{
    // --endpoint-url belongs to the service calls, never to the sign-in services.
    return EndpointResolver::resolve(service, QString(), env,
                                     EndpointResolver::profileSettings(config, profileName, service), region);
}

} // namespace

AwsResult<EndpointResolver::Resolved> SsoEndpoints::portal(const QProcessEnvironment &env,
                                                           const SharedConfig &config,
                                                           const QString &profileName,
                                                           const QString &ssoRegion)
{
    return resolve(EndpointResolver::Service::Sso, env, config, profileName, ssoRegion);
}

AwsResult<EndpointResolver::Resolved> SsoEndpoints::oidc(const QProcessEnvironment &env,
                                                         const SharedConfig &config,
                                                         const QString &profileName, const QString &ssoRegion)
{
    return resolve(EndpointResolver::Service::SsoOidc, env, config, profileName, ssoRegion);
}
