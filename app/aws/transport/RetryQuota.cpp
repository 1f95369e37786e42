// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/transport/RetryQuota.h"

#include <algorithm>

RetryQuota::RetryQuota(int capacity)
    : m_capacity(std::max(0, capacity))
    , m_available(m_capacity)
{}

bool RetryQuota::tryAcquire(int cost)
{
    if (cost > m_available)
        return false;
    m_available -= cost;
    return true;
}

void RetryQuota::recordSuccess(int lastRetryCost)
{
    const int amount = lastRetryCost > 0 ? lastRetryCost : NoRetryIncrement;
    m_available = std::min(m_capacity, m_available + amount);
}

void RetryQuota::reset(int capacity)
{
    m_capacity = std::max(0, capacity);
    m_available = m_capacity;
}
