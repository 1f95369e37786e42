// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

/// Measures how fast a client really sends (botocore's RateClocker): answers are counted in half-second
/// buckets, and each finished bucket updates an exponentially smoothed rate in requests per second.
class SendRateMeter
{
public:
    static constexpr double smoothing = 0.8;
    static constexpr double bucketSeconds = 0.5;

    explicit SendRateMeter(double startTime);

    /// Counts one request at `now` and returns the measured rate.
    double record(double now);
    double measuredRate() const { return m_measuredRate; }

private:
    double m_measuredRate = 0;
    double m_lastBucket;
    int m_count = 0;
};
