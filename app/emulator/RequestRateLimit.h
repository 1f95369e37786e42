// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>

/// The service side of throttling (`sessionscope-emulator --throttle-rps R[:BURST]`): a token bucket that
/// refills at R requests per second up to BURST tokens (default: R, at least 1). A request that finds no
/// token is refused with ThrottlingException (HTTP 429, as in the services' models) and no Retry-After, so
/// clients can be measured against a service that throttles by rate rather than by chance.
class RequestRateLimit
{
public:
    struct Settings
    {
        double rate = 0;  ///< requests per second; 0: no limit
        double burst = 0; ///< bucket size; 0: max(1, rate)
        bool enabled() const { return rate > 0; }
    };

    /// Parses "R" or "R:BURST" (R > 0, BURST ≥ 1); an error message otherwise.
    static std::optional<Settings> parse(const QString &text, QString *error);

    RequestRateLimit() = default;
    explicit RequestRateLimit(Settings settings);

    /// True when the request at `nowMs` (a millisecond clock) may run, taking a token; false when it must
    /// be throttled. Always true without a limit.
    bool admit(qint64 nowMs);

    qint64 admitted() const { return m_admitted; }
    qint64 throttled() const { return m_throttled; }
    const Settings &settings() const { return m_settings; }

private:
    Settings m_settings;
    double m_tokens = 0;
    std::optional<qint64> m_lastMs;
    qint64 m_admitted = 0;
    qint64 m_throttled = 0;
};
