// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/config/SharedConfigFile.h"

#include "aws/credentials/CommandLineSplitter.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <optional>

using namespace Qt::StringLiterals;

namespace {

bool isBlank(QChar c)
{
    return c == u' ' || c == u'\t';
}

qsizetype indentOf(QStringView line)
{
    qsizetype n = 0;
    while (n < line.size() && isBlank(line.at(n)))
        ++n;
    return n;
}

bool isCommentStart(QChar c)
{
    return c == u'#' || c == u';';
}

// Cuts a value at the first '#' or ';' that follows whitespace, then trims it. `raw` starts right after
// the delimiter, so "key=#x" keeps "#x" while "key = #x" is empty.
QString valueWithoutComment(QStringView raw)
{
    for (qsizetype i = 1; i < raw.size(); ++i) {
        if (isCommentStart(raw.at(i)) && isBlank(raw.at(i - 1)))
            return raw.left(i).trimmed().toString();
    }
    return raw.trimmed().toString();
}

// Position of the key/value delimiter: the first '=' or ':', as the AWS CLI's parser accepts both.
qsizetype delimiterIndex(QStringView line)
{
    for (qsizetype i = 0; i < line.size(); ++i) {
        if (line.at(i) == u'=' || line.at(i) == u':')
            return i;
    }
    return -1;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("SharedConfigFile", text);
}

} // namespace

AwsResult<SharedConfigFile> SharedConfigFile::parse(QByteArrayView text, Kind kind,
                                                    const QString &displayPath)
{
    SharedConfigFile file;
    file.m_displayPath = displayPath;
    file.m_exists = true;

    QString content = QString::fromUtf8(text);
    if (content.startsWith(QChar(0xFEFF)))
        content.remove(0, 1);

    const auto lineError = [&](int lineNumber, const QString &reason) {
        return AwsError(AwsError::Category::Configuration,
                        tr("%1, line %2: %3").arg(displayPath).arg(lineNumber).arg(reason));
    };

    // The config file's [default] section; [profile default] wins over it key by key.
    Section bareDefault;
    bool haveBareDefault = false;
    bool haveProfileDefault = false;

    Section ignored;              // an unknown section: parsed for errors, then dropped
    Section *current = nullptr;   // null before the first section header
    QString lastKey;              // the key a deeper-indented line would continue
    qsizetype lastKeyIndent = -1; // indentation of lastKey's line

    const auto rememberProfile = [&](const QString &name) {
        if (!file.m_profileOrder.contains(name))
            file.m_profileOrder.append(name);
    };

    const QList<QStringView> lines = QStringView(content).split(u'\n');
    for (int index = 0; index < lines.size(); ++index) {
        const int lineNumber = index + 1;
        QStringView line = lines.at(index);
        if (line.endsWith(u'\r'))
            line.chop(1);
        const QStringView trimmed = line.trimmed();
        if (trimmed.isEmpty() || isCommentStart(trimmed.front()))
            continue;

        const qsizetype indent = indentOf(line);
        if (current && !lastKey.isEmpty() && indent > lastKeyIndent) {
            // A continuation of lastKey: a sub-section line when lastKey's value was empty.
            if (current->properties.value(lastKey).isEmpty()) {
                // Only '=' here, as in the AWS CLI's sub-section parser.
                const qsizetype at = trimmed.indexOf(u'=');
                const QString key = at < 0 ? QString() : trimmed.left(at).trimmed().toString();
                if (key.isEmpty()) {
                    return lineError(
                        lineNumber,
                        tr("expected an indented \"key = value\" setting under \"%1\".").arg(lastKey));
                }
                current->subSections[lastKey].insert(key, valueWithoutComment(trimmed.mid(at + 1)));
            } else {
                current->properties[lastKey] += u'\n' + valueWithoutComment(trimmed);
            }
            continue;
        }

        if (trimmed.front() == u'[') {
            const qsizetype close = trimmed.indexOf(u']');
            if (close < 0)
                return lineError(lineNumber, tr("a section header is missing its closing \"]\"."));
            const QStringView rest = trimmed.mid(close + 1).trimmed();
            if (!rest.isEmpty() && !isCommentStart(rest.front()))
                return lineError(lineNumber, tr("unexpected text after the section header."));
            // Not trimmed: the AWS CLI matches "default" and the "profile" prefix exactly.
            const QString header = trimmed.mid(1, close - 1).toString();
            if (header.trimmed().isEmpty())
                return lineError(lineNumber, tr("the section header has no name."));

            lastKey.clear();
            if (kind == Kind::Credentials) {
                rememberProfile(header);
                current = &file.m_profiles[header];
                continue;
            }
            // Like the AWS CLI: a prefixed header is split like a shell command line and must have exactly
            // two words, so [profile "my dev"] names "my dev" while [profile my dev] is no profile at all.
            const auto prefixedName = [&header](QStringView prefix) -> std::optional<QString> {
                if (!header.startsWith(prefix))
                    return std::nullopt;
                const AwsResult<QStringList> words = CommandLineSplitter::split(header);
                if (!words || words.value().size() != 2)
                    return std::nullopt;
                return words.value().at(1);
            };
            std::optional<QString> name;
            if (header == u"default") {
                rememberProfile(header);
                haveBareDefault = true;
                current = &bareDefault;
            } else if (header.startsWith(u"profile")) {
                name = prefixedName(u"profile");
                if (name) {
                    rememberProfile(*name);
                    haveProfileDefault = haveProfileDefault || *name == u"default";
                    current = &file.m_profiles[*name];
                }
            } else if ((name = prefixedName(u"sso-session"))) {
                current = &file.m_ssoSessions[*name];
            } else if ((name = prefixedName(u"services"))) {
                current = &file.m_services[*name];
            }
            if (!name && header != u"default") {
                // Sections the AWS CLI ignores too: "[plugins]", "[dev]" without "profile", "[profile a b]".
                ignored = Section();
                current = &ignored;
            }
            continue;
        }

        if (!current)
            return lineError(lineNumber, tr("a setting appears before the first [section] header."));
        const qsizetype at = delimiterIndex(line);
        if (at < 0)
            return lineError(lineNumber, tr("expected \"key = value\", a [section] header or a comment."));
        const QString key = line.left(at).trimmed().toString().toLower();
        if (key.isEmpty())
            return lineError(lineNumber, tr("a setting has no name before \"=\"."));
        current->properties.insert(key, valueWithoutComment(line.mid(at + 1)));
        current->subSections.remove(key);
        lastKey = key;
        lastKeyIndent = indent;
    }

    if (haveBareDefault) {
        Section &profileDefault = file.m_profiles[u"default"_s];
        for (auto it = bareDefault.properties.cbegin(); it != bareDefault.properties.cend(); ++it) {
            if (haveProfileDefault && profileDefault.properties.contains(it.key()))
                continue;
            profileDefault.properties.insert(it.key(), it.value());
            if (bareDefault.subSections.contains(it.key()))
                profileDefault.subSections.insert(it.key(), bareDefault.subSections.value(it.key()));
        }
    }
    return file;
}

AwsResult<SharedConfigFile> SharedConfigFile::load(const QString &path, Kind kind, const QString &displayPath)
{
    SharedConfigFile empty;
    empty.m_displayPath = displayPath;
    if (path.isEmpty())
        return empty;
    const QFileInfo info(path);
    if (!info.exists())
        return empty;
    if (info.isDir()) {
        return AwsError(AwsError::Category::Configuration,
                        tr("%1 is a folder, not an AWS configuration file.").arg(displayPath));
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return AwsError(AwsError::Category::Configuration,
                        tr("Could not read %1: %2").arg(displayPath, file.errorString()));
    }
    // Shared config files are a few kilobytes; anything huge is not one.
    constexpr qint64 maxSize = 16 * 1024 * 1024;
    if (file.size() > maxSize) {
        return AwsError(AwsError::Category::Configuration,
                        tr("%1 is too large to be an AWS configuration file.").arg(displayPath));
    }
    return parse(file.readAll(), kind, displayPath);
}

namespace {

template <typename Map>
const typename Map::mapped_type *find(const Map &map, const QString &name)
{
    const auto it = map.find(name);
    return it == map.end() ? nullptr : &it->second;
}

} // namespace

bool SharedConfigFile::hasProfile(const QString &name) const
{
    return m_profiles.count(name) > 0;
}

SharedConfigFile::Properties SharedConfigFile::profile(const QString &name) const
{
    const Section *section = find(m_profiles, name);
    return section ? section->properties : Properties();
}

SharedConfigFile::Properties SharedConfigFile::profileSubSection(const QString &name,
                                                                 const QString &key) const
{
    const Section *section = find(m_profiles, name);
    return section ? section->subSections.value(key.toLower()) : Properties();
}

QStringList SharedConfigFile::ssoSessionNames() const
{
    QStringList names;
    for (const auto &entry : m_ssoSessions)
        names.append(entry.first);
    return names;
}

SharedConfigFile::Properties SharedConfigFile::ssoSession(const QString &name) const
{
    const Section *section = find(m_ssoSessions, name);
    return section ? section->properties : Properties();
}

QStringList SharedConfigFile::servicesSectionNames() const
{
    QStringList names;
    for (const auto &entry : m_services)
        names.append(entry.first);
    return names;
}

bool SharedConfigFile::hasServicesSection(const QString &name) const
{
    return m_services.count(name) > 0;
}

SharedConfigFile::Properties SharedConfigFile::servicesSection(const QString &sectionName) const
{
    const Section *section = find(m_services, sectionName);
    return section ? section->properties : Properties();
}

SharedConfigFile::Properties SharedConfigFile::servicesSubSection(const QString &sectionName,
                                                                  const QString &serviceKey) const
{
    const Section *section = find(m_services, sectionName);
    return section ? section->subSections.value(serviceKey.toLower()) : Properties();
}
