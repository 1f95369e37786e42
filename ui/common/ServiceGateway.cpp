// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/ServiceGateway.h"

#include <QTimer>

CallHandle ServiceGateway::getCallerIdentity(QObject *context, Callback<CallerIdentity> callback)
{
    QTimer::singleShot(0, context, [callback = std::move(callback)] {
        callback(AwsError(AwsError::Category::Configuration,
                          tr("This connection cannot ask AWS who its credentials belong to.")));
    });
    return {};
}
