// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsResult.h"

#include <QProcessEnvironment>
#include <QString>

/// The AWS region to use, as the AWS CLI chooses it: the --region flag, else AWS_REGION, else
/// AWS_DEFAULT_REGION, else the profile's `region`. Empty values count as unset.
class RegionResolver
{
public:
    struct Resolved
    {
        QString region;
        QString source; ///< "--region", "AWS_REGION", "AWS_DEFAULT_REGION" or "profile NAME"
    };

    /// `profileName` and `profileLocation` only word the messages ("profile dev", "~/.aws/config").
    /// No region anywhere, or a malformed one, is a Configuration error saying how to set one.
    static AwsResult<Resolved> resolve(const QString &flagRegion, const QProcessEnvironment &env,
                                       const QString &profileRegion, const QString &profileName,
                                       const QString &profileLocation);

    /// True for names of the form AWS uses: "us-east-1", "eu-central-2", "us-gov-west-1", "cn-north-1", and
    /// for every region a partition lists ("aws-global"); never for a name that is not a host label.
    static bool isValidRegion(const QString &region);
};
