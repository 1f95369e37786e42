// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/transport/AwsRequest.h"
#include "emulator/EmulatorResponse.h"
#include "emulator/RequestContext.h"

class DeviceAuthorizations;
class FaultInjector;
class RequestRateLimit;

/// The emulator's own routes under /_emulator/ (never part of AWS; the emulator only listens on loopback):
/// - POST /_emulator/advance-clock {"seconds": N}: moves the emulator's clock N seconds forward (the fault
///   plan's clock offset), to expire tokens and credentials without waiting;
/// - POST /_emulator/sso/approve {"userCode": "ABCD-EFGH"[, "deny": true]}: decides a pending device sign-in
///   (404 for an unknown or expired code); the same route takes the HTML form of the device page;
/// - GET /_emulator/sso/device[?user_code=...]: a small page showing the code with Approve and Deny buttons,
///   the verification page StartDeviceAuthorization names;
/// - GET /_emulator/stats: {"admitted": N, "throttled": N}, the signed requests the rate limit
///   (--throttle-rps) let through and refused so far, for benchmarks.
class EmulatorControlService
{
public:
    static bool ownsPath(const QByteArray &encodedPath);
    static constexpr qint64 maxAdvanceSeconds = 10LL * 366 * 86400;

    /// `faults` and `devices` must outlive the service.
    EmulatorControlService(FaultInjector &faults, DeviceAuthorizations &devices,
                           const RequestRateLimit &rateLimit);

    EmulatorResponse handle(const AwsRequest &request, const RequestContext &context);

private:
    EmulatorResponse advanceClock(const AwsRequest &request, const RequestContext &context);
    EmulatorResponse approve(const AwsRequest &request, const RequestContext &context);
    EmulatorResponse devicePage(const AwsRequest &request, const RequestContext &context) const;

    FaultInjector &m_faults;
    DeviceAuthorizations &m_devices;
    const RequestRateLimit &m_rateLimit;
};
