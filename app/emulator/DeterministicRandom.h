// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

/// A small, portable pseudo-random generator (xoshiro256** seeded through splitmix64). The emulator
/// uses it instead of <random>'s distributions, whose output differs between standard libraries, so the
/// same seed gives the same data on every machine. Only integer arithmetic and exact double operations.
class DeterministicRandom
{
public:
    explicit DeterministicRandom(quint64 seed);

    /// One step of splitmix64 on `state`; a good 64-bit mixer on its own.
    static quint64 splitMix64(quint64 &state);
    /// A well-mixed hash of two values, for deriving independent seeds (seed, stream, index).
    static quint64 mix(quint64 a, quint64 b);

    quint64 next();
    /// Uniform in [0, bound), without modulo bias. bound 0 gives 0.
    quint64 below(quint64 bound);
    /// Uniform in [low, high] (inclusive).
    qint64 between(qint64 low, qint64 high);
    /// Uniform in [0, 1) with 53 random bits.
    double uniform();
    /// True with probability p.
    bool chance(double p) { return uniform() < p; }

private:
    quint64 m_state[4];
};
