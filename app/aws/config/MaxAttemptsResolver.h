// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsResult.h"
#include "aws/transport/RetryMode.h"

#include <QProcessEnvironment>
#include <QString>

/// How many attempts the transport makes per call (the first one included), as the SDKs choose it:
/// AWS_MAX_ATTEMPTS, else the profile's `max_attempts`, else the retry mode's default: 3 in the standard
/// and adaptive modes, 5 in the legacy one (botocore's retry/__default__/max_attempts in _retry.json).
class MaxAttemptsResolver
{
public:
    static constexpr int defaultMaxAttempts = 3;
    static constexpr int legacyDefaultMaxAttempts = 5;

    /// The attempts a mode makes when nothing sets them.
    static int defaultFor(RetryMode mode);

    struct Resolved
    {
        int maxAttempts = defaultMaxAttempts;
        QString source; ///< "AWS_MAX_ATTEMPTS", "profile NAME" or "default"
    };

    /// A value that is not a whole number of at least 1 is a Configuration error.
    static AwsResult<Resolved> resolve(const QProcessEnvironment &env, const QString &profileValue,
                                       const QString &profileName, RetryMode mode = RetryMode::Standard);
};
