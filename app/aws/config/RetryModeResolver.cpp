// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/config/RetryModeResolver.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

QString RetryModeResolver::modeName(RetryMode mode)
{
    switch (mode) {
    case RetryMode::Legacy:
        return u"legacy"_s;
    case RetryMode::Standard:
        return u"standard"_s;
    case RetryMode::Adaptive:
        return u"adaptive"_s;
    }
    return u"standard"_s;
}

AwsResult<RetryModeResolver::Resolved> RetryModeResolver::resolve(const QProcessEnvironment &env,
                                                                  const QString &profileValue,
                                                                  const QString &profileName)
{
    const QList<QPair<QString, QString>> candidates = {
        {env.value(u"AWS_RETRY_MODE"_s).trimmed(), u"AWS_RETRY_MODE"_s},
        {profileValue.trimmed(),
         QCoreApplication::translate("RetryModeResolver", "profile %1").arg(profileName)},
    };
    for (const auto &[text, source] : candidates) {
        if (text.isEmpty())
            continue;
        for (const RetryMode mode : {RetryMode::Legacy, RetryMode::Standard, RetryMode::Adaptive}) {
            if (text == modeName(mode))
                return Resolved{mode, source};
        }
        //: %1 where the value came from (AWS_RETRY_MODE, "profile dev"), %2 the value.
        return AwsError(AwsError::Category::Configuration,
                        QCoreApplication::translate("RetryModeResolver",
                                                    "retry_mode (from %1) must be legacy, standard or "
                                                    "adaptive, not \"%2\".")
                            .arg(source, text.left(80)));
    }
    return Resolved{RetryMode::Standard, u"default"_s};
}
