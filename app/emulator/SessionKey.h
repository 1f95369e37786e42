// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "emulator/Uuid128.h"

#include <compare>

/// The order of ListSessions: start time, then session id to break ties. Unique per session, so a page
/// token that remembers the last key seen resumes exactly after it however the list changed meanwhile.
struct SessionKey
{
    qint64 startMs = 0;
    Uuid128 id;

    friend auto operator<=>(const SessionKey &, const SessionKey &) = default;
    friend bool operator==(const SessionKey &, const SessionKey &) = default;
};
