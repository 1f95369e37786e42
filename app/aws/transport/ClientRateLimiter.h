// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/transport/CubicRateCalculator.h"
#include "aws/transport/RateTokenBucket.h"
#include "aws/transport/SendRateMeter.h"

#include <functional>

/// The client-side rate limiter of the SDKs' adaptive retry mode (botocore's retries/adaptive.py). It
/// lets everything through until the service first throttles; from then on every attempt takes a token
/// from a bucket that fills at the allowed send rate. Each answer adjusts that rate: a throttling answer
/// cuts it to 0.7 × the rate in use (CubicRateCalculator), successes let it grow back along the cubic
/// curve, and it never exceeds twice the measured send rate (SendRateMeter).
///
/// Never blocks: acquireDelayMs() says how long an attempt must wait, and the transport waits through its
/// scheduler. The clock is injectable so tests drive it by hand.
class ClientRateLimiter
{
public:
    /// Seconds on a monotonic scale.
    using Clock = std::function<double()>;

    /// An empty clock means the system's monotonic clock.
    explicit ClientRateLimiter(Clock clock = {});

    /// Takes a token for one attempt: 0 when it may be sent now, else the milliseconds to wait first.
    /// Always 0 until the first throttling answer.
    int acquireDelayMs();
    /// Every answer, throttled or not (connection errors and timeouts count as not throttled, as in
    /// botocore), adjusts the allowed rate.
    void onResponse(bool throttled);

    /// True once the service has throttled: from then on attempts wait for tokens.
    bool isEnabled() const { return m_enabled; }
    /// The allowed send rate, requests per second.
    double sendRate() const { return m_bucket.maxRate(); }
    /// The measured send rate, requests per second.
    double measuredRate() const { return m_meter.measuredRate(); }

private:
    Clock m_clock;
    CubicRateCalculator m_cubic;
    RateTokenBucket m_bucket;
    SendRateMeter m_meter;
    bool m_enabled = false;
};
