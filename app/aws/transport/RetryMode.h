// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

/// The SDKs' retry modes (`retry_mode` / AWS_RETRY_MODE). Standard is the default; Legacy is accepted
/// for compatibility with profiles written for older SDKs and behaves like Standard with the legacy
/// default of attempts; Adaptive adds the client-side rate limiter (ClientRateLimiter) that slows the
/// transport down when the service throttles.
enum class RetryMode {
    Legacy,
    Standard,
    Adaptive,
};
