// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsClock.h"
#include "aws/AwsResult.h"
#include "aws/config/ConnectionOptions.h"
#include "aws/config/ResolvedConnection.h"
#include "aws/credentials/ProfileCredentialsProvider.h"

#include <QDateTime>
#include <QList>
#include <QProcessEnvironment>

#include <optional>

class AppProfileStore;

/// The one entry point the CLI and the GUI use to turn options + environment + profiles into a
/// connection: profile, region, the two endpoints, max attempts, a credentials provider and the Q Apps
/// instance id, each chosen with the AWS CLI's precedence. A profile name is looked up in the shared
/// files first, then among the app-managed profiles.
class ConnectionResolver
{
public:
    /// A profile for a picker.
    struct ProfileChoice
    {
        QString name;
        ResolvedConnection::ProfileSource source = ResolvedConnection::ProfileSource::SharedFiles;
        QString location; ///< "~/.aws/config", "~/.aws/config and ~/.aws/credentials", "system keychain"
        QString region;   ///< the profile's own region, may be empty
        ProfileCredentialsProvider::Kind kind = ProfileCredentialsProvider::Kind::None;
        /// IdentityCenter only: until when the cached sign-in (~/.aws/sso/cache) is valid; invalid when
        /// there is none, it expired and cannot be refreshed, or the profile is of another kind.
        QDateTime signedInUntil{};
        /// IdentityCenter only: the cached sign-in expired but holds a refresh token, so it renews itself.
        bool signInRefreshable = false;
    };

    struct AvailableProfiles
    {
        /// Shared-files profiles ("default" first), then app-managed ones; a name can appear once per source.
        QList<ProfileChoice> profiles;
        /// Set when ~/.aws/config or ~/.aws/credentials could not be read; the app profiles are still listed.
        std::optional<AwsError> sharedFilesError;
    };

    /// Resolves a connection. `appProfiles` may be null (no app-managed profiles). Errors: a malformed
    /// shared file, an explicit or AWS_PROFILE profile that does not exist, no or a bad region, a bad
    /// endpoint URL or max_attempts — all Configuration errors. Credentials are only checked on fetch.
    static AwsResult<ResolvedConnection> resolve(const ConnectionOptions &options,
                                                 const QProcessEnvironment &env,
                                                 AppProfileStore *appProfiles = nullptr,
                                                 AwsClock clock = systemAwsClock());

    /// Every profile the user could pick.
    static AvailableProfiles availableProfiles(const QProcessEnvironment &env,
                                               const AppProfileStore *appProfiles);

    /// False when the user has no credentials set up anywhere: nothing in the environment, no profile with
    /// credentials (or an SSO/role setup) in the shared files, no app-managed profile. The GUI then offers
    /// the demo. A shared file that cannot be read counts as set up, so its error gets shown instead.
    static bool anyCredentialsConfigured(const QProcessEnvironment &env, const AppProfileStore *appProfiles);

    /// The shared-files profile key holding the Q Apps instance id.
    static QString qappsInstanceIdKey();
};
