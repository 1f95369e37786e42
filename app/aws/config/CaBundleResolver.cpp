// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/config/CaBundleResolver.h"

using namespace Qt::StringLiterals;

AwsResult<TlsSettings> CaBundleResolver::resolve(const QString &flagCaBundle, const QProcessEnvironment &env,
                                                 const QString &profileCaBundle, const QString &profileName)
{
    const QList<std::pair<QString, QString>> candidates = {
        {flagCaBundle.trimmed(), u"--ca-bundle"_s},
        {env.value(u"AWS_CA_BUNDLE"_s).trimmed(), u"AWS_CA_BUNDLE"_s},
        {profileCaBundle.trimmed(), u"profile "_s + profileName},
        {env.value(u"REQUESTS_CA_BUNDLE"_s).trimmed(), u"REQUESTS_CA_BUNDLE"_s},
    };
    for (const auto &[path, source] : candidates) {
        if (!path.isEmpty())
            return TlsSettings::fromCaBundle(path, source);
    }
    return TlsSettings();
}
