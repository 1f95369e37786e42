// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/FaultInjector.h"

using namespace Qt::StringLiterals;

namespace {
constexpr quint64 faultStream = 0xFA17;
}

void FaultInjector::Plan::setServerErrorRate(double rate)
{
    setRate(Fault::InternalError, rate / 2);
    setRate(Fault::ServiceUnavailable, rate / 2);
}

FaultInjector::FaultInjector(quint64 seed, Plan plan)
    : m_plan(plan)
    , m_random(DeterministicRandom::mix(seed, faultStream))
{}

std::optional<QString> FaultInjector::validate(const Plan &plan)
{
    double total = 0;
    for (int i = 1; i < int(Fault::Count); ++i) {
        const double rate = plan.rates[size_t(i)];
        if (!(rate >= 0.0 && rate <= 1.0)) // also rejects NaN
            return u"the %1 rate must be between 0 and 1"_s.arg(faultName(Fault(i)));
        total += rate;
    }
    if (total > 1.0 + 1e-9)
        return u"the fault rates add up to %1, more than 1"_s.arg(total);
    if (plan.latencyMs < 0)
        return u"the latency must not be negative"_s;
    return std::nullopt;
}

QString FaultInjector::faultName(Fault fault)
{
    switch (fault) {
    case Fault::None:
        return u"none"_s;
    case Fault::Throttling:
        return u"throttling"_s;
    case Fault::InternalError:
        return u"internal-error"_s;
    case Fault::ServiceUnavailable:
        return u"service-unavailable"_s;
    case Fault::ConnectionReset:
        return u"connection-reset"_s;
    case Fault::TruncatedBody:
        return u"truncated-body"_s;
    case Fault::RepeatedNextToken:
        return u"repeated-next-token"_s;
    case Fault::Count:
        break;
    }
    return u"unknown"_s;
}

FaultInjector::Fault FaultInjector::next()
{
    // Always draw, even with every rate at 0, so that the faults of a request depend only on its
    // position in the sequence and not on earlier plan changes.
    double r = m_random.uniform();
    Fault chosen = Fault::None;
    for (int i = 1; i < int(Fault::Count); ++i) {
        const double rate = m_plan.rates[size_t(i)];
        if (r < rate) {
            chosen = Fault(i);
            break;
        }
        r -= rate;
    }
    ++m_counts[size_t(chosen)];
    return chosen;
}
