// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/transport/ClientRateLimiter.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cmath>
#include <memory>

namespace {

ClientRateLimiter::Clock steadyClock()
{
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    return [timer] { return double(timer->nsecsElapsed()) / 1e9; };
}

// botocore: the rate never grows past twice what the client was measured to send.
constexpr double maxRateAdjustScale = 2.0;

} // namespace

ClientRateLimiter::ClientRateLimiter(Clock clock)
    : m_clock(clock ? std::move(clock) : steadyClock())
    , m_cubic(0, m_clock())
    , m_bucket(1, m_clock())
    , m_meter(m_clock())
{}

int ClientRateLimiter::acquireDelayMs()
{
    if (!m_enabled)
        return 0;
    const double seconds = m_bucket.reserve(m_clock());
    return seconds <= 0 ? 0 : static_cast<int>(std::ceil(std::min(seconds, 3600.0) * 1000.0));
}

void ClientRateLimiter::onResponse(bool throttled)
{
    const double now = m_clock();
    const double measured = m_meter.record(now);
    double newRate = 0;
    if (!throttled) {
        newRate = m_cubic.successReceived(now);
    } else {
        const double rateToUse = m_enabled ? std::min(measured, m_bucket.maxRate()) : measured;
        newRate = m_cubic.errorReceived(rateToUse, now);
        m_enabled = true;
    }
    m_bucket.setMaxRate(std::min(newRate, maxRateAdjustScale * measured), now);
}
