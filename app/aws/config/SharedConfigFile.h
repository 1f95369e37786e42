// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsResult.h"

#include <QByteArrayView>
#include <QHash>
#include <QMap>
#include <QString>
#include <QStringList>

#include <map>

/// One AWS shared configuration file, ~/.aws/config or ~/.aws/credentials, read the way the AWS CLI reads
/// it:
/// - sections: in the credentials file `[name]` is profile `name`; in the config file `[profile name]`
///   and `[default]` are profiles (`[profile default]` wins over `[default]` key by key),
///   `[sso-session x]` and `[services x]` are kept apart, any other section is ignored. As in the AWS
///   CLI, a prefixed header is split like a shell command line and needs exactly two words
///   (`[profile "my dev"]`; `[profile my dev]` is ignored);
/// - `key = value` or `key: value`, spaces around the delimiter ignored; keys are case-insensitive
///   (stored lower-case) but, as in the AWS CLI, keys inside a sub-section keep their case; section and
///   profile names are case-sensitive;
/// - full-line comments start with `#` or `;`; inside a value `#` or `;` starts a comment only after
///   whitespace; a comment may follow a section header;
/// - a key with an empty value followed by indented `key = value` lines (only '=') is a sub-section
///   (e.g. `s3 =`);
///   an indented line after a non-empty value continues that value (joined with a newline);
/// - a repeated key or section: the later value wins.
/// A line that fits none of this is an error naming the file and line, never repeating the line (it may
/// hold a secret).
class SharedConfigFile
{
public:
    enum class Kind {
        Config,      ///< ~/.aws/config: [profile name], [default], [sso-session x], [services x]
        Credentials, ///< ~/.aws/credentials: [name]
    };

    /// Keys to values (top-level keys lower-case, sub-section keys as written).
    using Properties = QMap<QString, QString>;

    /// An empty file.
    SharedConfigFile() = default;

    /// Parses `text` (UTF-8). `displayPath` names the file in error messages.
    static AwsResult<SharedConfigFile> parse(QByteArrayView text, Kind kind, const QString &displayPath);
    /// Reads and parses the file at `path`. A file that does not exist is an empty file; one that exists
    /// but cannot be read is a Configuration error.
    static AwsResult<SharedConfigFile> load(const QString &path, Kind kind, const QString &displayPath);

    /// How the file is named in messages.
    QString displayPath() const { return m_displayPath; }
    /// False when the file did not exist.
    bool exists() const { return m_exists; }

    /// Profile names in the order they first appear.
    QStringList profileNames() const { return m_profileOrder; }
    bool hasProfile(const QString &name) const;
    /// The settings of a profile; empty when there is no such profile.
    Properties profile(const QString &name) const;
    /// The indented `key = value` lines under `key =` in a profile (e.g. "s3"), empty when there are none.
    Properties profileSubSection(const QString &name, const QString &key) const;

    QStringList ssoSessionNames() const;
    Properties ssoSession(const QString &name) const;

    QStringList servicesSectionNames() const;
    bool hasServicesSection(const QString &name) const;
    /// The keys of a `[services name]` section (service names such as "qapps", usually with empty values).
    Properties servicesSection(const QString &sectionName) const;
    /// The settings for one service (e.g. "qapps") in a `[services name]` section.
    Properties servicesSubSection(const QString &sectionName, const QString &serviceKey) const;

private:
    struct Section
    {
        Properties properties;
        QHash<QString, Properties> subSections;
    };
    QString m_displayPath;
    bool m_exists = false;
    QStringList m_profileOrder;
    // std::map: the parser keeps pointers to sections while it adds others.
    std::map<QString, Section> m_profiles;
    std::map<QString, Section> m_ssoSessions;
    std::map<QString, Section> m_services;
};
