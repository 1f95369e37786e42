// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/RequestRateLimit.h"

#include <QStringList>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

std::optional<RequestRateLimit::Settings> RequestRateLimit::parse(const QString &text, QString *error)
{
    const QStringList parts = text.split(u':');
    Settings settings;
    bool ok = parts.size() <= 2;
    if (ok)
        settings.rate = parts.at(0).toDouble(&ok);
    if (ok && parts.size() == 2)
        settings.burst = parts.at(1).toDouble(&ok);
    if (!ok || !std::isfinite(settings.rate) || settings.rate <= 0 || settings.rate > 1e6 ||
        !std::isfinite(settings.burst) ||
        (parts.size() == 2 && (settings.burst < 1 || settings.burst > 1e6))) {
        if (error)
            *error = u"--throttle-rps must be R or R:BURST, R requests per second above 0 and BURST at "
                     "least 1, not '%1'"_s.arg(text);
        return std::nullopt;
    }
    return settings;
}

RequestRateLimit::RequestRateLimit(Settings settings)
    : m_settings(settings)
{
    if (m_settings.burst <= 0)
        m_settings.burst = std::max(1.0, m_settings.rate);
    m_tokens = m_settings.burst;
}

bool RequestRateLimit::admit(qint64 nowMs)
{
    if (!m_settings.enabled()) {
        ++m_admitted;
        return true;
    }
    if (m_lastMs) {
        const double elapsed = double(std::max<qint64>(0, nowMs - *m_lastMs)) / 1000.0;
        m_tokens = std::min(m_settings.burst, m_tokens + elapsed * m_settings.rate);
    }
    m_lastMs = std::max(nowMs, m_lastMs.value_or(nowMs));
    if (m_tokens >= 1) {
        m_tokens -= 1;
        ++m_admitted;
        return true;
    }
    ++m_throttled;
    return false;
}
