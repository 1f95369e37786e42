// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/SessionSummary.h"

#include <QByteArray>

#include <optional>

/// The fast path of ApiJson::decodeListSessions: reads the UTF-8 of a ListSessions answer straight into
/// a SessionPage, without building a JSON document first (a full export decodes millions of sessions).
///
/// It accepts only answers that the general decoder would decode to exactly the same page, and gives up
/// (std::nullopt) on anything else: malformed JSON or UTF-8, a missing, empty or mistyped field, a
/// timestamp given as text or out of range, a repeated key, escapes of surrogates, Unicode
/// noncharacters, deep nesting. The general decoder then gives the result or the precise error, so a
/// caller never sees a difference but the time.
class ListSessionsScanner
{
public:
    static std::optional<SessionPage> scan(const QByteArray &body);
};
