// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/config/ResolvedConnection.h"

AwsTransportOptions ResolvedConnection::transportOptions() const
{
    AwsTransportOptions options;
    options.maxAttempts = maxAttempts;
    options.connectTimeoutMs = connectTimeoutMs;
    options.readTimeoutMs = readTimeoutMs;
    options.tls = tls;
    options.retryMode = retryMode;
    options.proxy = proxy;
    options.appId = appId;
    return options;
}
