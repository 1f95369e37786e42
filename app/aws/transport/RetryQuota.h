// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

/// The token bucket of the SDKs' standard retry mode, shared by all calls of one transport: each retry
/// takes tokens, a successful call gives some back. When the bucket is empty, failures are no longer
/// retried, so an outage or a throttling storm is not amplified by our own retries.
class RetryQuota
{
public:
    static constexpr int DefaultCapacity = 500;
    static constexpr int RetryCost = 5;
    static constexpr int TimeoutRetryCost = 10;
    static constexpr int NoRetryIncrement = 1;

    explicit RetryQuota(int capacity = DefaultCapacity);

    int capacity() const { return m_capacity; }
    int available() const { return m_available; }

    /// Takes `cost` tokens; false (and nothing taken) when fewer are available.
    bool tryAcquire(int cost);
    /// Records a successful call: gives back the cost of its last retry, or NoRetryIncrement when it
    /// succeeded at the first attempt (`lastRetryCost` 0). Never exceeds the capacity.
    void recordSuccess(int lastRetryCost);
    /// Changes the capacity and refills the bucket.
    void reset(int capacity);

private:
    int m_capacity;
    int m_available;
};
