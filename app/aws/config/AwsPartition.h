// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

/// One AWS partition (a separate copy of AWS with its own domain names): what the SDKs' endpoint rules read
/// through their aws.partition() function. AwsPartitions holds the table.
struct AwsPartition
{
    QString id;                 ///< "aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-eusc", ...
    QString regionRegex;        ///< regions of this partition that are not listed (yet)
    QString dnsSuffix;          ///< "amazonaws.com", "amazonaws.com.cn", "amazonaws.eu", ...
    QString dualStackDnsSuffix; ///< "api.aws", "api.amazonwebservices.com.cn", ...
    bool supportsFips = true;
    bool supportsDualStack = true;
    /// False where botocore (and so the AWS CLI) refuses use_dualstack_endpoint although the endpoint rules
    /// have dual-stack hosts: its older endpoints.json lists no dual-stack hosts for aws-iso-e and aws-iso-f
    /// (it skips aws-iso and aws-iso-b instead, so the rules decide there).
    bool dualStackAllowedByBotocore = true;
    QString implicitGlobalRegion; ///< where the partition's global endpoints live
    QStringList regions;          ///< the regions listed explicitly, pseudo-regions such as "aws-global" too
};
