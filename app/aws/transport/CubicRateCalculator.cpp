// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/transport/CubicRateCalculator.h"

#include <cmath>

CubicRateCalculator::CubicRateCalculator(double startingMaxRate, double startTime)
    : m_wMax(startingMaxRate)
    , m_lastFail(startTime)
{
    updateZeroPoint();
}

void CubicRateCalculator::updateZeroPoint()
{
    // K: the time after the last throttling at which the curve is back at the old maximum.
    m_k = std::cbrt(m_wMax * (1 - beta) / scaleConstant);
}

double CubicRateCalculator::successReceived(double now) const
{
    const double dt = now - m_lastFail;
    return scaleConstant * std::pow(dt - m_k, 3) + m_wMax;
}

double CubicRateCalculator::errorReceived(double currentRate, double now)
{
    m_wMax = currentRate;
    updateZeroPoint();
    m_lastFail = now;
    return currentRate * beta;
}
