// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/credentials/sts/StsLocation.h"

#include "aws/config/EndpointResolver.h"

using namespace Qt::StringLiterals;

AwsResult<StsLocation> StsLocation::resolve(const CredentialsContext &context, const QString &roleProfileName)
{
    StsLocation location;
    location.region = context.region;
    if (location.region.isEmpty())
        location.region = context.config.profileValue(roleProfileName, u"region"_s).trimmed();
    if (location.region.isEmpty())
        location.region = u"us-east-1"_s;
    const AwsResult<EndpointResolver::Resolved> resolved = EndpointResolver::resolve(
        EndpointResolver::Service::Sts, QString(), context.env,
        EndpointResolver::profileSettings(context.config, roleProfileName, EndpointResolver::Service::Sts),
        location.region);
    if (!resolved)
        return resolved.error();
    location.endpoint = resolved.value().url;
    return location;
}
