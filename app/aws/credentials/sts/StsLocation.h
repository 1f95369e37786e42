// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsResult.h"
#include "aws/credentials/CredentialsContext.h"

#include <QString>
#include <QUrl>

/// Where the credential providers call STS: the connection's region (else the role profile's region, else
/// us-east-1), and the STS endpoint for it as EndpointResolver picks it with the role profile's settings
/// (AWS_ENDPOINT_URL_STS, [services] sts, AWS_ENDPOINT_URL, endpoint_url, sts_regional_endpoints,
/// use_fips_endpoint, use_dualstack_endpoint). A region that is not a host label is a Configuration error.
struct StsLocation
{
    QUrl endpoint;
    QString region;

    static AwsResult<StsLocation> resolve(const CredentialsContext &context, const QString &roleProfileName);
};
