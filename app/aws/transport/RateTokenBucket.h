// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

/// The send-rate token bucket of the SDKs' adaptive retry mode (botocore's retries/bucket.py): it fills
/// at the allowed rate up to one second's worth (at least one token), and every request takes a token.
/// Unlike botocore's, it never blocks: reserve() takes the token at once, possibly running into debt,
/// and says how long the caller must wait before sending, so later callers queue up behind earlier ones.
class RateTokenBucket
{
public:
    static constexpr double minRate = 0.5;

    RateTokenBucket(double maxRate, double now);

    /// Requests per second the bucket fills at.
    double maxRate() const { return m_fillRate; }
    /// Sets the rate (at least minRate) and the capacity (the rate, at least 1).
    void setMaxRate(double rate, double now);
    /// Tokens now (negative while callers wait for tokens already promised).
    double available(double now);

    /// Takes one token: returns 0 when the request may go now, else the seconds to wait.
    double reserve(double now);

private:
    void refill(double now);

    double m_fillRate = minRate;
    double m_maxCapacity = 1;
    double m_capacity = 0;
    std::optional<double> m_lastTimestamp;
};
