// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHashFunctions>
#include <QString>

#include <compare>
#include <optional>

class DeterministicRandom;

/// A UUID in 16 bytes (big-endian halves), so that ordering the values orders their lower-case text.
/// Session and portal ids of the emulator are random (version 4) UUIDs.
struct Uuid128
{
    quint64 hi = 0;
    quint64 lo = 0;

    /// A version 4, RFC 4122 variant UUID drawn from `random`.
    static Uuid128 generateV4(DeterministicRandom &random);
    /// Parses the 36-character lower-case form ("8-4-4-4-12"); anything else (upper case, braces,
    /// wrong length) gives nullopt.
    static std::optional<Uuid128> fromString(QStringView text);
    /// The 36-character lower-case form.
    QString toString() const;

    friend auto operator<=>(const Uuid128 &, const Uuid128 &) = default;
    friend bool operator==(const Uuid128 &, const Uuid128 &) = default;
};

inline size_t qHash(const Uuid128 &uuid, size_t seed = 0) noexcept
{
    return qHashMulti(seed, uuid.hi, uuid.lo);
}
