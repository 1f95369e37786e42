// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The shared config/credentials parser (SharedConfigFile::parse) on arbitrary files, read both as
// ~/.aws/config and as ~/.aws/credentials, then merged as SharedConfig does. Checks: no crash; errors are
// Configuration errors naming the file and a line that exists, without repeating that line (it may hold
// a secret); whatever parses can be queried consistently.
#include "FuzzSupport.h"

#include "aws/config/SharedConfig.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

// Lines shorter than this can appear in an error message by coincidence ("name", "default").
constexpr qsizetype minEchoCheckChars = 12;

void checkError(const AwsError &error, const QString &displayPath, const QString &text)
{
    FUZZ_CHECK(error.category() == AwsError::Category::Configuration, error.message());
    static const QRegularExpression shape(u"^(.*), line (\\d+): (.+)$"_s,
                                          QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch match = shape.match(error.message());
    FUZZ_CHECK(match.hasMatch() && match.captured(1) == displayPath, error.message());
    const QStringList lines = text.split(u'\n');
    const qsizetype lineNumber = match.captured(2).toLongLong();
    FUZZ_CHECK(lineNumber >= 1 && lineNumber <= lines.size(), error.message());
    const QString line = lines.at(lineNumber - 1).trimmed();
    // A reason may quote the key an indented line belongs to; that key is on an earlier line.
    static const QRegularExpression quotedKey(u"under \".*\"\\.$"_s,
                                              QRegularExpression::DotMatchesEverythingOption);
    const QString reason = match.captured(3).remove(quotedKey);
    FUZZ_CHECK(line.size() < minEchoCheckChars || !reason.contains(line),
               u"the error repeats line %1: %2"_s.arg(lineNumber).arg(error.message()));
}

void checkFile(const SharedConfigFile &file)
{
    for (const QString &name : file.profileNames()) {
        FUZZ_CHECK(file.hasProfile(name), name);
        const SharedConfigFile::Properties properties = file.profile(name);
        for (auto it = properties.cbegin(); it != properties.cend(); ++it) {
            FUZZ_CHECK(!it.key().isEmpty() && it.key() == it.key().trimmed(), it.key());
            FUZZ_CHECK(!it.key().contains(u'\n'), it.key());
            (void)file.profileSubSection(name, it.key());
        }
    }
    for (const QString &name : file.ssoSessionNames())
        (void)file.ssoSession(name);
    for (const QString &name : file.servicesSectionNames()) {
        FUZZ_CHECK(file.hasServicesSection(name), name);
        const SharedConfigFile::Properties services = file.servicesSection(name);
        for (auto it = services.cbegin(); it != services.cend(); ++it)
            (void)file.servicesSubSection(name, it.key());
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = FuzzSupport::bytes(data, size);
    const QString text = QString::fromUtf8(bytes);
    const QString configPath = u"~/.aws/config"_s;
    const QString credentialsPath = u"~/.aws/credentials"_s;

    const AwsResult<SharedConfigFile> config =
        SharedConfigFile::parse(bytes, SharedConfigFile::Kind::Config, configPath);
    if (config)
        checkFile(config.value());
    else
        checkError(config.error(), configPath, text);

    const AwsResult<SharedConfigFile> credentials =
        SharedConfigFile::parse(bytes, SharedConfigFile::Kind::Credentials, credentialsPath);
    if (credentials)
        checkFile(credentials.value());
    else
        checkError(credentials.error(), credentialsPath, text);

    if (!config || !credentials)
        return 0;
    const SharedConfig merged(config.value(), credentials.value());
    const QStringList names = merged.profileNames();
    FUZZ_CHECK(names.size() == QSet<QString>(names.cbegin(), names.cend()).size(), names.join(u','));
    FUZZ_CHECK(!names.contains(u"default"_s) || names.first() == u"default"_s, names.join(u','));
    for (const QString &name : names) {
        FUZZ_CHECK(merged.hasProfile(name), name);
        FUZZ_CHECK(!merged.profileLocation(name).isEmpty(), name);
        const SharedConfigFile::Properties properties = merged.profile(name);
        for (auto it = properties.cbegin(); it != properties.cend(); ++it) {
            FUZZ_CHECK(merged.profileValue(name, it.key()) == it.value(), it.key());
            // The credentials file wins for the same profile.
            if (credentials.value().profile(name).contains(it.key()))
                FUZZ_CHECK(it.value() == credentials.value().profile(name).value(it.key()), it.key());
        }
    }
    return 0;
}
