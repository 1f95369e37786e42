// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsResult.h"

#include <QProcessEnvironment>
#include <QString>

/// How many attempts the transport makes per call (the first one included), as the SDKs choose it:
/// AWS_MAX_ATTEMPTS, else the profile's `max_attempts`, else 3.
class MaxAttemptsResolver
{
public:
    static constexpr int defaultMaxAttempts = 3;

    struct Resolved
    {
        int maxAttempts = defaultMaxAttempts;
        QString source; ///< "AWS_MAX_ATTEMPTS", "profile NAME" or "default"
    };

    /// A value that is not a whole number of at least 1 is a Configuration error.
    static AwsResult<Resolved> resolve(const QProcessEnvironment &env, const QString &profileValue,
                                       const QString &profileName);
};
