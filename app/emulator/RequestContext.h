// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/// What a service needs to know about the request beyond its content: the emulator's time and the
/// faults that change how an operation answers.
struct RequestContext
{
    qint64 nowMs = 0;             ///< the emulator's clock, epoch milliseconds
    bool repeatNextToken = false; ///< list operations answer with the nextToken they were given
    QString requestId;            ///< the x-amzn-RequestId of the answer (STS repeats it in its XML)
};
