// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

/// A WorkSpaces Web portal ARN, `arn:PARTITION:workspaces-web:REGION:ACCOUNT:portal/ID`, taken apart so
/// `--portal` accepts what the console and the API show as well as the bare id.
struct PortalArn
{
    QString partition; ///< aws, aws-cn, aws-us-gov, ...
    QString region;
    QString account;
    QString portalId;

    /// True when `text` claims to be an ARN (starts with "arn:"), whether or not it is a valid one.
    static bool looksLikeArn(const QString &text);
    /// The parts of a portal ARN; std::nullopt when `text` is not one (another service, another
    /// resource, a malformed region, a missing id).
    static std::optional<PortalArn> parse(const QString &text);
};
