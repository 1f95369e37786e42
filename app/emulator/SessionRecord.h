// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "emulator/SessionKey.h"

/// One browser session as the emulator stores it: 40 bytes, so a million sessions fit in ~40 MB.
/// Usernames are interned (UsernamePool); client IP addresses are derived from the id when asked for.
struct SessionRecord
{
    Uuid128 id;
    qint64 startMs = 0; ///< epoch milliseconds
    qint64 endMs = 0;   ///< epoch milliseconds; 0 while the session is active
    quint32 user = 0;   ///< index into the UsernamePool
    quint8 qappVariant =
        0; ///< 0: no Amazon Q Apps session with this id; else 1 + variant (see EmulatorStore)

    bool isActive() const { return endMs == 0; }
    SessionKey key() const { return {startMs, id}; }
};

static_assert(sizeof(SessionRecord) <= 40, "SessionRecord should stay compact");
