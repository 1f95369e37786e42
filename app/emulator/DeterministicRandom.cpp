// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/DeterministicRandom.h"

namespace {

quint64 rotl(quint64 x, int k)
{
    return (x << k) | (x >> (64 - k));
}

} // namespace

DeterministicRandom::DeterministicRandom(quint64 seed)
{
    quint64 s = seed;
    for (quint64 &word : m_state)
        word = splitMix64(s);
}

quint64 DeterministicRandom::splitMix64(quint64 &state)
{
    state += 0x9E3779B97F4A7C15ULL;
    quint64 z = state;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

quint64 DeterministicRandom::mix(quint64 a, quint64 b)
{
    quint64 state = a ^ rotl(b * 0xD6E8FEB86659FD93ULL, 23);
    splitMix64(state);
    return splitMix64(state) ^ b;
}

quint64 DeterministicRandom::next()
{
    const quint64 result = rotl(m_state[1] * 5, 7) * 9;
    const quint64 t = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = rotl(m_state[3], 45);
    return result;
}

quint64 DeterministicRandom::below(quint64 bound)
{
    if (bound == 0)
        return 0;
    // Rejection sampling: draws from the largest multiple of bound, so every value is equally likely.
    const quint64 threshold = (0 - bound) % bound;
    for (;;) {
        const quint64 r = next();
        if (r >= threshold)
            return r % bound;
    }
}

qint64 DeterministicRandom::between(qint64 low, qint64 high)
{
    if (high <= low)
        return low;
    return low + qint64(below(quint64(high - low) + 1));
}

double DeterministicRandom::uniform()
{
    return double(next() >> 11) * (1.0 / 9007199254740992.0);
}
