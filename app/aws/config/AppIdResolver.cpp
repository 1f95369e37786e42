// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/config/AppIdResolver.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

AppIdResolver::Resolved AppIdResolver::resolve(const QProcessEnvironment &env, const QString &profileValue,
                                               const QString &profileName)
{
    Resolved resolved;
    // botocore takes the value as it is (an empty one counts as none); only the User-Agent sanitises it.
    if (const QString fromEnv = env.value(u"AWS_SDK_UA_APP_ID"_s); !fromEnv.isEmpty()) {
        resolved.appId = fromEnv;
        resolved.source = u"AWS_SDK_UA_APP_ID"_s;
    } else if (!profileValue.isEmpty()) {
        resolved.appId = profileValue;
        resolved.source = QCoreApplication::translate("AppIdResolver", "profile %1").arg(profileName);
    }
    if (resolved.appId.size() > maxLength) {
        //: %1 where the id came from, %2 the maximum length.
        resolved.warning =
            QCoreApplication::translate("AppIdResolver", "The application id (from %1) is longer than %2 "
                                                         "characters; AWS may cut it short.")
                .arg(resolved.source)
                .arg(maxLength);
    }
    return resolved;
}
