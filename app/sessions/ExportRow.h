// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/QAppSessionMetadata.h"
#include "api/SessionSummary.h"

#include <QString>
#include <QStringList>

#include <optional>

/// One session as an export writes it: the ListSessions summary plus whatever enrichment was fetched.
/// Every enrichment is optional; a writer leaves a column empty (CSV) or omits it (JSON) when its value
/// is absent.
struct ExportRow
{
    /// What is known about the session's Amazon Q Apps session.
    enum class QAppState {
        NotFetched, ///< not looked up (the qApp* columns stay empty)
        NoSession,  ///< looked up: there is no Q App session for this session id
        Found,      ///< looked up: `qAppMetadata` holds it
    };

    ExportRow() = default;
    ExportRow(SessionSummary summary) // NOLINT(google-explicit-constructor): a summary is a bare row
        : session(std::move(summary))
    {}

    SessionSummary session;
    std::optional<QString> portalName;
    std::optional<QStringList> clientIpAddresses; ///< from GetSession
    QAppState qAppState = QAppState::NotFetched;
    QAppSessionMetadata qAppMetadata; ///< valid when qAppState is Found
};
