// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsResult.h"
#include "aws/transport/RetryMode.h"

#include <QProcessEnvironment>
#include <QString>

/// The retry mode, as the SDKs choose it: AWS_RETRY_MODE, else the profile's `retry_mode`, else
/// standard (the AWS CLI v2's default; botocore on its own still defaults to legacy).
class RetryModeResolver
{
public:
    struct Resolved
    {
        RetryMode mode = RetryMode::Standard;
        QString source; ///< "AWS_RETRY_MODE", "profile NAME" or "default"
    };

    /// legacy, standard or adaptive (case as botocore: exactly these lower-case words); anything else is
    /// a Configuration error naming where it came from.
    static AwsResult<Resolved> resolve(const QProcessEnvironment &env, const QString &profileValue,
                                       const QString &profileName);

    /// "legacy", "standard", "adaptive".
    static QString modeName(RetryMode mode);
};
