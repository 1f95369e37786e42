// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsResult.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>
#include <variant>

/// One JSON file of the AWS CLI's caches (~/.aws/sso/cache for IAM Identity Center, ~/.aws/cli/cache for
/// assumed roles): read tolerantly, written as the AWS CLI writes it (Python's json.dumps: keys in the given
/// order, ", " and ": ", non-ASCII as \uXXXX; dates as "2026-12-07T19:00:00Z"), atomically, readable by the
/// owner only, in folders created owner-only. Errors name the file and never quote its content (it holds
/// tokens).
class AwsCliCacheFile
{
public:
    using Fields = QList<QPair<QString, QJsonValue>>;

    /// The object in `path`; nullopt when there is no file; a Credentials error when it cannot be read or
    /// is not a JSON object.
    static AwsResult<std::optional<QJsonObject>> read(const QString &path);
    /// Writes `fields` (in this order) to `path`, creating its folders with mode 0700; the file gets 0600.
    static AwsResult<std::monostate> write(const QString &path, const Fields &fields);

    /// `fields` as Python's json.dumps(obj) prints them.
    static QByteArray toPythonJson(const Fields &fields);
    static QByteArray toPythonJson(const QJsonValue &value);

    /// Parses the cache's dates: "2026-12-07T19:00:00Z", with fractional seconds or an offset, and the
    /// "2026-12-07T19:00:00UTC" that older AWS CLI versions wrote. Invalid for anything else.
    static QDateTime parseTime(const QString &text);
    /// "2026-12-07T19:00:00Z" (UTC, whole seconds), as the AWS CLI writes it.
    static QString formatTime(const QDateTime &time);
    /// `time` in UTC without its milliseconds: what a cache file keeps of it.
    static QDateTime wholeSeconds(const QDateTime &time);
};
