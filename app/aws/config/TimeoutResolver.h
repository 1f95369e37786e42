// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsResult.h"

#include <QString>

#include <optional>

/// The connect and read timeouts of a connection, as the AWS CLI chooses them: the explicit setting
/// (--cli-connect-timeout / --cli-read-timeout, or the GUI's), else the profile's connect_timeout /
/// read_timeout, else the transport's default. Values are seconds; 0 means no limit.
class TimeoutResolver
{
public:
    /// The longest timeout accepted, in seconds (about 24 days: what fits in an int of milliseconds).
    static constexpr double maxSeconds = 2'000'000;

    struct Resolved
    {
        int timeoutMs = 0;
        QString source; ///< "--cli-connect-timeout", "profile NAME" or "default"
    };

    /// `text` as milliseconds: a number of seconds of at least 0 (fractions allowed, "0" = no limit),
    /// at most maxSeconds; nothing for anything else.
    static std::optional<int> parseSeconds(const QString &text);

    /// `key` is the profile key ("connect_timeout" or "read_timeout"), `option` the option's name
    /// ("--cli-connect-timeout") used as the source of `optionMs`. A profile value that parseSeconds()
    /// refuses is a Configuration error naming the key and the profile.
    static AwsResult<Resolved> resolve(const QString &key, std::optional<int> optionMs, const QString &option,
                                       const QString &profileValue, const QString &profileName,
                                       int defaultMs);
};
