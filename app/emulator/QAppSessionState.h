// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

/// The Amazon Q Apps session metadata the emulator keeps for a session id.
struct QAppSessionState
{
    QString qappId;              ///< the Q App the session belongs to (part of the session ARN)
    std::optional<QString> name; ///< absent, empty or a name
    bool enabled = false;        ///< sharingConfiguration.enabled
    std::optional<bool> acceptResponses;
    std::optional<bool> revealCards;
    bool owner = false; ///< whether the caller owns the session (only owners may update it)
};
