// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

/// Small measuring helpers shared by the bench executables: resident memory from /proc/self/statm,
/// CPU time of this process, and one JSON result line on stdout for the driver (run_bench.py) to read.
class BenchMeasure
{
public:
    /// Resident set size of this process in bytes (second field of /proc/self/statm); -1 if unreadable.
    static qint64 residentBytes();
    /// User + system CPU time of this process in seconds.
    static double cpuSeconds();
    /// Writes `result` as one compact JSON line to stdout and flushes it.
    static void emitResult(const QJsonObject &result);
    /// Writes a human line to stderr (progress; the driver shows it).
    static void note(const QString &line);
};
