// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

/// The sharing configuration of an Amazon Q Apps session (SessionSharingConfiguration).
struct QAppSharingConfiguration
{
    bool enabled = false;
    std::optional<bool> acceptResponses; ///< absent when the service did not say
    std::optional<bool> revealCards;
};

/// GetQAppSessionMetadata's answer (UpdateQAppSessionMetadata's, without sessionOwner).
struct QAppSessionMetadata
{
    QString sessionId;
    QString sessionArn;
    QString sessionName; ///< may be empty
    QAppSharingConfiguration sharingConfiguration;
    std::optional<bool> sessionOwner; ///< whether the caller owns the session; absent from Update's answer
};

/// UpdateQAppSessionMetadata's input.
struct QAppSessionMetadataUpdate
{
    QString sessionId;
    std::optional<QString> sessionName;
    QAppSharingConfiguration sharingConfiguration;
};
