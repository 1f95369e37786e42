// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsResult.h"
#include "aws/config/SharedConfigFile.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

/// The pair of AWS shared files a user has, ~/.aws/config and ~/.aws/credentials, located and merged as
/// the AWS CLI does: paths from AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE ($VARIABLES of the given
/// environment and a leading "~" expanded), else $HOME/.aws/...; for the same profile, values from the
/// credentials file win.
class SharedConfig
{
public:
    /// No files.
    SharedConfig() = default;
    SharedConfig(SharedConfigFile config, SharedConfigFile credentials);

    /// Loads both files named by `env`. Missing files are empty; unreadable or malformed ones are a
    /// Configuration error naming the file (and line).
    static AwsResult<SharedConfig> load(const QProcessEnvironment &env);

    static QString configFilePath(const QProcessEnvironment &env);
    static QString credentialsFilePath(const QProcessEnvironment &env);
    /// `path` with the home folder shown as "~", for messages.
    static QString displayPath(const QString &path, const QProcessEnvironment &env);

    /// The profile to use: `explicitProfile` when not empty, else AWS_DEFAULT_PROFILE, else AWS_PROFILE
    /// (botocore's order), else "default".
    static QString selectedProfileName(const QString &explicitProfile, const QProcessEnvironment &env);

    /// Every profile of both files, "default" first, then the others sorted case-insensitively.
    QStringList profileNames() const;
    bool hasProfile(const QString &name) const;
    /// The merged settings of a profile (credentials file wins); empty when absent.
    SharedConfigFile::Properties profile(const QString &name) const;
    /// One setting of a profile (key case-insensitive), empty when not set.
    QString profileValue(const QString &name, const QString &key) const;
    /// Where a profile is defined, for messages: "~/.aws/config", "~/.aws/credentials" or both.
    QString profileLocation(const QString &name) const;
    /// "~/.aws/config and ~/.aws/credentials", for "not found" messages.
    QString filesDescription() const;

    const SharedConfigFile &configFile() const { return m_config; }
    const SharedConfigFile &credentialsFile() const { return m_credentials; }

private:
    SharedConfigFile m_config;
    SharedConfigFile m_credentials;
};
