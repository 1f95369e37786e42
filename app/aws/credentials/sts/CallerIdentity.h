// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/// Who the credentials belong to, as STS GetCallerIdentity says.
struct CallerIdentity
{
    QString account; ///< "123456789012"
    QString arn;     ///< "arn:aws:sts::123456789012:assumed-role/Admin/botocore-session-1700000000"
    QString userId;  ///< "AROAEXAMPLE:botocore-session-1700000000"
};
