// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/config/SharedConfig.h"

#include <QCoreApplication>
#include <QDir>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// $NAME and ${NAME} from `env`, unknown ones left as they are (Python's os.path.expandvars, which the
// AWS CLI applies), then a leading "~" as $HOME.
QString expandPath(const QString &path, const QProcessEnvironment &env)
{
    static const QRegularExpression variable(u"\\$(\\w+|\\{[^}]*\\})"_s);
    QString expanded;
    qsizetype last = 0;
    for (auto it = variable.globalMatch(path); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        QString name = match.captured(1);
        if (name.startsWith(u'{'))
            name = name.mid(1, name.size() - 2);
        expanded += path.mid(last, match.capturedStart() - last);
        expanded += env.contains(name) ? env.value(name) : match.captured(0);
        last = match.capturedEnd();
    }
    expanded += path.mid(last);

    const QString home = env.value(u"HOME"_s);
    if (home.isEmpty())
        return expanded;
    if (expanded == u"~")
        return home;
    if (expanded.startsWith(u"~/"))
        return QDir(home).filePath(expanded.mid(2));
    return expanded;
}

QString pathFromEnv(const QProcessEnvironment &env, const QString &variable, const QString &fileName)
{
    const QString configured = env.value(variable);
    if (!configured.isEmpty())
        return expandPath(configured, env);
    const QString home = env.value(u"HOME"_s);
    if (home.isEmpty())
        return {};
    return QDir(home).filePath(u".aws/"_s + fileName);
}

} // namespace

SharedConfig::SharedConfig(SharedConfigFile config, SharedConfigFile credentials)
    : m_config(std::move(config))
    , m_credentials(std::move(credentials))
{}

QString SharedConfig::configFilePath(const QProcessEnvironment &env)
{
    return pathFromEnv(env, u"AWS_CONFIG_FILE"_s, u"config"_s);
}

QString SharedConfig::credentialsFilePath(const QProcessEnvironment &env)
{
    return pathFromEnv(env, u"AWS_SHARED_CREDENTIALS_FILE"_s, u"credentials"_s);
}

QString SharedConfig::displayPath(const QString &path, const QProcessEnvironment &env)
{
    const QString home = QDir::cleanPath(env.value(u"HOME"_s));
    if (home.isEmpty() || home == u"/" || path.isEmpty())
        return path;
    const QString clean = QDir::cleanPath(path);
    if (clean.startsWith(home + u'/'))
        return u"~"_s + clean.mid(home.size());
    return path;
}

QString SharedConfig::selectedProfileName(const QString &explicitProfile, const QProcessEnvironment &env)
{
    if (!explicitProfile.isEmpty())
        return explicitProfile;
    // botocore's order: AWS_DEFAULT_PROFILE, then AWS_PROFILE.
    for (const QString &variable : {u"AWS_DEFAULT_PROFILE"_s, u"AWS_PROFILE"_s}) {
        const QString fromEnv = env.value(variable);
        if (!fromEnv.isEmpty())
            return fromEnv;
    }
    return u"default"_s;
}

AwsResult<SharedConfig> SharedConfig::load(const QProcessEnvironment &env)
{
    const QString configPath = configFilePath(env);
    const QString credentialsPath = credentialsFilePath(env);
    AwsResult<SharedConfigFile> config =
        SharedConfigFile::load(configPath, SharedConfigFile::Kind::Config,
                               configPath.isEmpty() ? u"~/.aws/config"_s : displayPath(configPath, env));
    if (!config)
        return config.error();
    AwsResult<SharedConfigFile> credentials = SharedConfigFile::load(
        credentialsPath, SharedConfigFile::Kind::Credentials,
        credentialsPath.isEmpty() ? u"~/.aws/credentials"_s : displayPath(credentialsPath, env));
    if (!credentials)
        return credentials.error();
    return SharedConfig(std::move(config).value(), std::move(credentials).value());
}

QStringList SharedConfig::profileNames() const
{
    QStringList names = m_config.profileNames();
    for (const QString &name : m_credentials.profileNames()) {
        if (!names.contains(name))
            names.append(name);
    }
    std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) {
        if ((a == u"default") != (b == u"default"))
            return a == u"default";
        const int order = a.compare(b, Qt::CaseInsensitive);
        return order != 0 ? order < 0 : a < b;
    });
    return names;
}

bool SharedConfig::hasProfile(const QString &name) const
{
    return m_config.hasProfile(name) || m_credentials.hasProfile(name);
}

SharedConfigFile::Properties SharedConfig::profile(const QString &name) const
{
    SharedConfigFile::Properties merged = m_config.profile(name);
    const SharedConfigFile::Properties fromCredentials = m_credentials.profile(name);
    for (auto it = fromCredentials.cbegin(); it != fromCredentials.cend(); ++it)
        merged.insert(it.key(), it.value());
    return merged;
}

QString SharedConfig::profileValue(const QString &name, const QString &key) const
{
    return profile(name).value(key.toLower());
}

QString SharedConfig::profileLocation(const QString &name) const
{
    const bool inConfig = m_config.hasProfile(name);
    const bool inCredentials = m_credentials.hasProfile(name);
    if (inConfig && inCredentials) {
        return QCoreApplication::translate("SharedConfig", "%1 and %2")
            .arg(m_config.displayPath(), m_credentials.displayPath());
    }
    if (inCredentials)
        return m_credentials.displayPath();
    return m_config.displayPath();
}

QString SharedConfig::filesDescription() const
{
    return QCoreApplication::translate("SharedConfig", "%1 and %2")
        .arg(m_config.displayPath(), m_credentials.displayPath());
}
