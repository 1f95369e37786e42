// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

class EmulatorStore;

/// Fills an EmulatorStore with realistic, deterministic data.
///
/// Everything but the absolute times is a function of the seed alone (ids, usernames, statuses,
/// portal properties, Q Apps metadata); times are placed relative to `anchorMs` ("now" when the
/// emulator starts): sessions over the last 35 days, heavier on weekdays and during UTC working hours.
/// The same seed and anchor give byte-identical data on every machine.
///
/// Portal 0 is always Active; others are mostly Active, some Pending or Incomplete. Each Active portal
/// gets exactly `sessionsPerPortal` sessions (Pending and Incomplete portals have none, as they cannot
/// have served any); about 3% of them are active (recent, no end time), capped by the portal's
/// maxConcurrentSessions. Usernames repeat (a skewed popularity), and the first sessions of every
/// portal use the hostile names of hostileUsernames(). Every third session has an Amazon Q Apps
/// session with the same id, cycling through every metadata variant.
class DataGenerator
{
public:
    static void generate(EmulatorStore &store, int portals, int sessionsPerPortal, qint64 anchorMs);

    /// Usernames that break naive code: e-mail forms, accents, CJK, right-to-left scripts, commas,
    /// quotes, tabs, a newline, markup, a 256-character name, and leading = + - @ (spreadsheet formulas).
    static QStringList hostileUsernames();
};
