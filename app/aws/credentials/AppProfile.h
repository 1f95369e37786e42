// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/// The non-secret part of a profile created inside SessionScope. Its secret access key (and optional
/// session token) lives in the OS keychain, never here; see AppProfileStore.
struct AppProfile
{
    QString name;
    QString accessKeyId;
    QString region;          ///< empty: use the usual region resolution
    QString endpointUrl;     ///< empty: the regional default endpoints
    QString qappsInstanceId; ///< the Amazon Q Business application id QApps calls need; may be empty

    bool operator==(const AppProfile &) const = default;
};
