// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class AwsError;

/// The SDKs' "standard" retry mode: which failures are retried, how many attempts a call gets and how
/// long to wait between them. Pure arithmetic; AwsTransport applies it, RetryQuota limits it.
class RetryPolicy
{
public:
    static constexpr int DefaultMaxAttempts = 3;
    static constexpr int DefaultMaxBackoffMs = 20'000;
    static constexpr int DefaultMaxRetryAfterMs = 20'000;

    /// `maxAttempts` counts the first attempt (1 = never retry); values below 1 are treated as 1.
    explicit RetryPolicy(int maxAttempts = DefaultMaxAttempts, int maxBackoffMs = DefaultMaxBackoffMs,
                         int maxRetryAfterMs = DefaultMaxRetryAfterMs);

    /// True when `error`, the outcome of attempt number `attempt` (1-based), may be retried: the error
    /// is retryable (throttling, 500/502/503/504, connection errors, timeouts) and attempts are left.
    bool shouldRetry(const AwsError &error, int attempt) const;

    /// Full-jitter exponential backoff before the retry that follows attempt `attempt` (1-based):
    /// min(random · 2^(attempt-1) s, maxBackoff). `random` is in [0, 1).
    int backoffMs(int attempt, double random) const;

    /// The wait before the retry that follows attempt `attempt`: backoffMs(), lengthened to the service's
    /// Retry-After when it asks for longer. Retry-After never shortens the backoff (a "Retry-After: 0"
    /// must not turn three attempts into a burst) and counts only up to maxRetryAfter, so a hostile or
    /// confused answer cannot stall a call.
    int delayMs(const AwsError &error, int attempt, double random) const;

    /// What a retry of `error` costs from the retry quota (timeouts cost more, as in the SDKs).
    static int retryCost(const AwsError &error);

private:
    int m_maxAttempts;
    int m_maxBackoffMs;
    int m_maxRetryAfterMs;
};
