// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/config/TimeoutResolver.h"

#include <QCoreApplication>

#include <cmath>

using namespace Qt::StringLiterals;

std::optional<int> TimeoutResolver::parseSeconds(const QString &text)
{
    const QString trimmed = text.trimmed();
    // Plain decimal notation only: no sign, exponent, "inf" or "nan", which toDouble() would take.
    if (trimmed.isEmpty())
        return std::nullopt;
    for (const QChar c : trimmed) {
        if (!c.isDigit() && c != u'.')
            return std::nullopt;
    }
    bool ok = false;
    const double seconds = trimmed.toDouble(&ok);
    if (!ok || !std::isfinite(seconds) || seconds < 0 || seconds > maxSeconds)
        return std::nullopt;
    return static_cast<int>(std::llround(seconds * 1000.0));
}

AwsResult<TimeoutResolver::Resolved> TimeoutResolver::resolve(const QString &key, std::optional<int> optionMs,
                                                              const QString &option,
                                                              const QString &profileValue,
                                                              const QString &profileName, int defaultMs)
{
    if (optionMs)
        return Resolved{std::max(0, *optionMs), option};
    const QString text = profileValue.trimmed();
    if (text.isEmpty())
        return Resolved{defaultMs, u"default"_s};
    const std::optional<int> ms = parseSeconds(text);
    if (!ms) {
        //: %1 the key (connect_timeout, read_timeout), %2 the profile name, %3 the value.
        return AwsError(AwsError::Category::Configuration,
                        QCoreApplication::translate("TimeoutResolver",
                                                    "%1 of profile %2 must be a number of seconds of at "
                                                    "least 0 (0: no limit), not \"%3\".")
                            .arg(key, profileName, text.left(80)));
    }
    return Resolved{*ms, QCoreApplication::translate("TimeoutResolver", "profile %1").arg(profileName)};
}
