// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/ApiJson.h"

/// The invariants of ApiJson's contract, shared by the decoder fuzz targets: a decoded object has its
/// required fields and UTC times (never half-filled); a refused answer is a MalformedAnswer error with a
/// short message (it never repeats a whole answer).
class ApiJsonChecks
{
public:
    /// Checks the error of a failed decode.
    static void checkRefusal(const AwsError &error);
    static void checkPortal(const Portal &portal);
    static void checkSessionSummary(const SessionSummary &session);
    static void checkSessionDetail(const SessionDetail &detail);
    static void checkQAppSessionMetadata(const QAppSessionMetadata &metadata);
    /// A decoded time: invalid (absent) or valid, in UTC, and printable.
    static void checkTime(const QDateTime &time, bool required);
};
