// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/transport/SendRateMeter.h"

#include <cmath>

SendRateMeter::SendRateMeter(double startTime)
    : m_lastBucket(std::floor(startTime))
{}

double SendRateMeter::record(double now)
{
    const double bucket = std::floor(now / bucketSeconds) * bucketSeconds;
    ++m_count;
    if (bucket > m_lastBucket) {
        const double currentRate = m_count / (bucket - m_lastBucket);
        m_measuredRate = currentRate * smoothing + m_measuredRate * (1 - smoothing);
        m_count = 0;
        m_lastBucket = bucket;
    }
    return m_measuredRate;
}
