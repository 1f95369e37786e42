// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/config/MaxAttemptsResolver.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

int MaxAttemptsResolver::defaultFor(RetryMode mode)
{
    return mode == RetryMode::Legacy ? legacyDefaultMaxAttempts : defaultMaxAttempts;
}

AwsResult<MaxAttemptsResolver::Resolved> MaxAttemptsResolver::resolve(const QProcessEnvironment &env,
                                                                      const QString &profileValue,
                                                                      const QString &profileName,
                                                                      RetryMode mode)
{
    const QList<QPair<QString, QString>> candidates = {
        {env.value(u"AWS_MAX_ATTEMPTS"_s).trimmed(), u"AWS_MAX_ATTEMPTS"_s},
        {profileValue.trimmed(),
         QCoreApplication::translate("MaxAttemptsResolver", "profile %1").arg(profileName)},
    };
    for (const auto &[text, source] : candidates) {
        if (text.isEmpty())
            continue;
        bool ok = false;
        const int value = text.toInt(&ok);
        if (!ok || value < 1) {
            return AwsError(
                AwsError::Category::Configuration,
                QCoreApplication::translate("MaxAttemptsResolver",
                                            "max_attempts (from %1) must be a whole number of at least "
                                            "1, not \"%2\".")
                    .arg(source, text));
        }
        return Resolved{value, source};
    }
    return Resolved{defaultFor(mode), u"default"_s};
}
