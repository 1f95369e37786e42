// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/transport/ProxySettings.h"
#include "aws/transport/RetryMode.h"
#include "aws/transport/RetryPolicy.h"
#include "aws/transport/RetryQuota.h"
#include "aws/transport/TlsSettings.h"

/// Tunables of AwsTransport. The defaults are the SDKs' standard retry mode; the caller passes the
/// resolved max attempts (flag, AWS_MAX_ATTEMPTS, profile max_attempts).
struct AwsTransportOptions
{
    /// Attempts per call including the first (standard mode: 3). 1 disables retries.
    int maxAttempts = RetryPolicy::DefaultMaxAttempts;
    /// Time allowed to connect (TCP and TLS) and send the request; 0 for no limit. See AwsTransport::send().
    int connectTimeoutMs = 10'000;
    /// Time allowed without any progress (an idle timeout, not a total one); 0 for no limit.
    int readTimeoutMs = 60'000;
    /// Upper bound of the exponential backoff.
    int maxBackoffMs = RetryPolicy::DefaultMaxBackoffMs;
    /// Upper bound of a wait asked for by Retry-After.
    int maxRetryAfterMs = RetryPolicy::DefaultMaxRetryAfterMs;
    /// Capacity of the retry token bucket shared by all calls of the transport.
    int retryQuotaCapacity = RetryQuota::DefaultCapacity;
    /// The certificate authorities https requests trust (default: the system's).
    TlsSettings tls{};
    /// standard (default), legacy or adaptive (client-side rate limiting when throttled).
    RetryMode retryMode = RetryMode::Standard;
    /// The proxy requests go through (default: the AWS CLI's environment variables).
    ProxySettings proxy{};
    /// AWS_SDK_UA_APP_ID / sdk_ua_app_id: appended to the User-Agent as the SDKs do; empty: none.
    QString appId{};
};
