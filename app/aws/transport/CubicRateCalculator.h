// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

/// The CUBIC curve of the SDKs' adaptive retry mode (botocore's retries/throttling.py, after TCP CUBIC):
/// a throttling answer cuts the send rate to beta times the rate in use and remembers it as the old
/// maximum; successes then let the rate grow back along a cubic curve that approaches the old maximum
/// slowly and probes beyond it faster. Rates are requests per second, times seconds on any monotonic scale.
class CubicRateCalculator
{
public:
    static constexpr double scaleConstant = 0.4;
    static constexpr double beta = 0.7;

    CubicRateCalculator(double startingMaxRate, double startTime);

    /// The rate allowed at `now` after a successful answer.
    double successReceived(double now) const;
    /// A throttling answer at `now` while sending at `currentRate`: the new, lower rate.
    double errorReceived(double currentRate, double now);

    double lastMaxRate() const { return m_wMax; }

private:
    void updateZeroPoint();

    double m_wMax;
    double m_k = 0;
    double m_lastFail;
};
