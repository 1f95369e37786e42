// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsResult.h"
#include "aws/transport/TlsSettings.h"

#include <QProcessEnvironment>
#include <QString>

/// The CA bundle, as the AWS CLI chooses it: the --ca-bundle flag, else AWS_CA_BUNDLE, else the profile's
/// `ca_bundle`, else REQUESTS_CA_BUNDLE (which botocore honours last), else none (the system's CAs).
/// Empty values count as unset - botocore would turn an empty AWS_CA_BUNDLE into "verify nothing", which
/// SessionScope never does.
class CaBundleResolver
{
public:
    /// Reads the chosen bundle now, so a bad one is a Configuration error at once (see
    /// TlsSettings::fromCaBundle), not at the first request. `profileName` words the source ("profile dev").
    static AwsResult<TlsSettings> resolve(const QString &flagCaBundle, const QProcessEnvironment &env,
                                          const QString &profileCaBundle, const QString &profileName);

    /// The shared-files profile key.
    static QString profileKey() { return QStringLiteral("ca_bundle"); }
};
