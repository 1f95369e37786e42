// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsResult.h"
#include "aws/config/EndpointResolver.h"

#include <QProcessEnvironment>
#include <QString>

class SharedConfig;

/// Where the IAM Identity Center services of a profile are: the SSO portal (GetRoleCredentials) and SSO
/// OIDC (sign-in, token refresh), in the profile's sso_region, by EndpointResolver's rules
/// (AWS_ENDPOINT_URL_SSO / AWS_ENDPOINT_URL_SSO_OIDC, AWS_ENDPOINT_URL, the profile's [services] sso /
/// sso_oidc, its endpoint_url, https://portal.sso.<region>.amazonaws.com / https://oidc.<region>..., with
/// use_fips_endpoint / use_dualstack_endpoint and the partition of sso_region).
class SsoEndpoints
{
public:
    static AwsResult<EndpointResolver::Resolved> portal(const QProcessEnvironment &env,
                                                        const SharedConfig &config,
                                                        const QString &profileName, const QString &ssoRegion);
    static AwsResult<EndpointResolver::Resolved> oidc(const QProcessEnvironment &env,
                                                      const SharedConfig &config, const QString &profileName,
                                                      const QString &ssoRegion);
};
