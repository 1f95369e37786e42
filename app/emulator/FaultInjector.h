// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "emulator/DeterministicRandom.h"

#include <QString>

#include <array>
#include <optional>

/// Decides, once per authenticated request and before anything is changed, whether and how the
/// emulator misbehaves. One uniform draw per request from a generator seeded with the emulator's seed,
/// so the same seed and the same sequence of requests give the same faults.
///
/// To add a fault kind: add it to Fault (before Count), give it a rate in Plan::rates, and handle it
/// where the emulator answers (EmulatorDispatcher for answers, EmulatorServer for the connection).
class FaultInjector
{
public:
    enum class Fault {
        None,
        Throttling,         ///< 429 ThrottlingException with Retry-After: 1
        InternalError,      ///< 500 InternalServerException with Retry-After: 1
        ServiceUnavailable, ///< 503 ServiceUnavailableException
        ConnectionReset,    ///< the connection is reset instead of answered (the request is not run)
        TruncatedBody,      ///< the request runs, the answer's body is cut short and the connection closed
        RepeatedNextToken,  ///< a list answers its page with the nextToken it was given (a looping service)
        Count,
    };

    struct Plan
    {
        /// Probability of each fault per request, indexed by Fault (None's entry is unused).
        std::array<double, size_t(Fault::Count)> rates{};
        /// Delay before every answer, in milliseconds (a timer, never a sleep).
        int latencyMs = 0;
        /// How far the emulator's clock is ahead of the real one (negative: behind), in seconds. It
        /// moves the Date header and the signature-expiry check, so clients must correct for skew.
        qint64 clockOffsetSeconds = 0;

        double rate(Fault fault) const { return rates[size_t(fault)]; }
        void setRate(Fault fault, double rate) { rates[size_t(fault)] = rate; }
        /// "--error-rate": split evenly between 500 and 503.
        void setServerErrorRate(double rate);
    };

    FaultInjector(quint64 seed, Plan plan);

    /// An error message when a rate is outside [0, 1], the rates add up to more than 1, or the latency
    /// is negative; nullopt when the plan is valid.
    static std::optional<QString> validate(const Plan &plan);
    static QString faultName(Fault fault);

    const Plan &plan() const { return m_plan; }
    /// Replaces the plan; the sequence of draws continues.
    void setPlan(const Plan &plan) { m_plan = plan; }

    /// The fault for the next request.
    Fault next();
    /// How many times each fault was chosen so far.
    qint64 count(Fault fault) const { return m_counts[size_t(fault)]; }

private:
    Plan m_plan;
    DeterministicRandom m_random;
    std::array<qint64, size_t(Fault::Count)> m_counts{};
};
