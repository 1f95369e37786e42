// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/transport/RateTokenBucket.h"

#include <algorithm>

RateTokenBucket::RateTokenBucket(double maxRate, double now)
{
    setMaxRate(maxRate, now);
}

void RateTokenBucket::refill(double now)
{
    if (!m_lastTimestamp) {
        m_lastTimestamp = now;
        return;
    }
    const double elapsed = std::max(0.0, now - *m_lastTimestamp);
    m_capacity = std::min(m_maxCapacity, m_capacity + elapsed * m_fillRate);
    m_lastTimestamp = std::max(*m_lastTimestamp, now);
}

void RateTokenBucket::setMaxRate(double rate, double now)
{
    refill(now);
    m_fillRate = std::max(rate, minRate);
    m_maxCapacity = rate >= 1 ? rate : 1;
    m_capacity = std::min(m_capacity, m_maxCapacity);
}

double RateTokenBucket::available(double now)
{
    refill(now);
    return m_capacity;
}

double RateTokenBucket::reserve(double now)
{
    refill(now);
    m_capacity -= 1;
    return m_capacity >= 0 ? 0.0 : -m_capacity / m_fillRate;
}
