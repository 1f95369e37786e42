// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/transport/RetryPolicy.h"

#include "aws/AwsError.h"
#include "aws/transport/RetryQuota.h"

#include <algorithm>
#include <cmath>

RetryPolicy::RetryPolicy(int maxAttempts, int maxBackoffMs, int maxRetryAfterMs)
    : m_maxAttempts(std::max(1, maxAttempts))
    , m_maxBackoffMs(std::max(0, maxBackoffMs))
    , m_maxRetryAfterMs(std::max(0, maxRetryAfterMs))
{}

bool RetryPolicy::shouldRetry(const AwsError &error, int attempt) const
{
    return attempt < m_maxAttempts && error.isRetryable();
}

int RetryPolicy::backoffMs(int attempt, double random) const
{
    const double r = std::clamp(random, 0.0, 1.0);
    // Cap the exponent: beyond 2^15 s the maximum backoff has long been reached.
    const int exponent = std::clamp(attempt - 1, 0, 15);
    const double ms = r * std::ldexp(1000.0, exponent);
    return static_cast<int>(std::min(ms, static_cast<double>(m_maxBackoffMs)));
}

int RetryPolicy::delayMs(const AwsError &error, int attempt, double random) const
{
    const int backoff = backoffMs(attempt, random);
    const int retryAfter = error.retryAfterSeconds();
    if (retryAfter < 0)
        return backoff;
    const qint64 asked = std::min<qint64>(qint64(retryAfter) * 1000, m_maxRetryAfterMs);
    return static_cast<int>(std::max<qint64>(backoff, asked));
}

int RetryPolicy::retryCost(const AwsError &error)
{
    return error.category() == AwsError::Category::Timeout ? RetryQuota::TimeoutRetryCost
                                                           : RetryQuota::RetryCost;
}
