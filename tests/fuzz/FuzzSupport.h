// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

/// What every fuzz target shares: turning libFuzzer's bytes into Qt types, silencing Qt's warnings (a
/// fuzzer feeds millions of bad inputs; printing a warning for each would be most of its work), and
/// stopping with a readable message when an invariant does not hold, so libFuzzer keeps the input as a
/// crash.
class FuzzSupport
{
public:
    /// Called once, by the LLVMFuzzerInitialize that FuzzSupport.cpp defines for every target: drops Qt's
    /// debug, info and warning messages (fatal ones still abort).
    static void initialize();

    /// The input as a QByteArray (a deep copy: ASan then sees reads past the end of the input).
    static QByteArray bytes(const uint8_t *data, size_t size);

    /// Prints what went wrong and aborts; libFuzzer reports it as a crash and saves the input.
    [[noreturn]] static void fail(const char *condition, const QString &detail, const char *file, int line);
};

/// Stops the fuzzer when `condition` is false; `detail` (a QString) says what was found.
#define FUZZ_CHECK(condition, detail)                                                                        \
    do {                                                                                                     \
        if (!(condition))                                                                                    \
            FuzzSupport::fail(#condition, (detail), __FILE__, __LINE__);                                     \
    } while (false)
