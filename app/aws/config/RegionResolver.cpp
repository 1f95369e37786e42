// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/config/RegionResolver.h"

#include "aws/config/AwsPartitions.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("RegionResolver", text);
}

} // namespace

bool RegionResolver::isValidRegion(const QString &region)
{
    // Every name must be a host label (botocore's rule); beyond that, a region a partition lists (such as
    // aws-global) or the shape of one: partition prefix (us, eu, ap, cn, il, eusc, ...), one or more words,
    // then a number. The shape catches typos that botocore would only find as an unknown host.
    if (!AwsPartitions::isValidHostLabel(region))
        return false;
    if (AwsPartitions::isListedRegion(region))
        return true;
    static const QRegularExpression pattern(u"^[a-z]{2,4}(-[a-z]+)+-[0-9]{1,2}$"_s);
    return pattern.match(region).hasMatch();
}

AwsResult<RegionResolver::Resolved> RegionResolver::resolve(const QString &flagRegion,
                                                            const QProcessEnvironment &env,
                                                            const QString &profileRegion,
                                                            const QString &profileName,
                                                            const QString &profileLocation)
{
    const QString profileSource = tr("profile %1").arg(profileName);
    const QList<QPair<QString, QString>> candidates = {
        {flagRegion.trimmed(), u"--region"_s},
        {env.value(u"AWS_REGION"_s).trimmed(), u"AWS_REGION"_s},
        {env.value(u"AWS_DEFAULT_REGION"_s).trimmed(), u"AWS_DEFAULT_REGION"_s},
        {profileRegion.trimmed(), profileSource},
    };
    for (const auto &[region, source] : candidates) {
        if (region.isEmpty())
            continue;
        if (isValidRegion(region))
            return Resolved{region, source};
        // "us-east-1a" is a common slip: an Availability Zone instead of its region.
        static const QRegularExpression zone(u"^([a-z]{2,4}(-[a-z]+)+-[0-9]{1,2})[a-z]$"_s);
        const QRegularExpressionMatch zoneMatch = zone.match(region);
        if (zoneMatch.hasMatch()) {
            return AwsError(AwsError::Category::Configuration,
                            tr("\"%1\" (from %2) is an Availability Zone, not a region; use \"%3\".")
                                .arg(region, source, zoneMatch.captured(1)));
        }
        return AwsError(AwsError::Category::Configuration,
                        tr("\"%1\" (from %2) is not an AWS region name such as us-east-1 or eu-west-1.")
                            .arg(region, source));
    }
    return AwsError(
        AwsError::Category::Configuration,
        tr("No AWS region is set. Choose one with --region, set AWS_REGION, or add \"region = us-east-1\" "
           "to profile %1 in %2 (for example: aws configure set region us-east-1 --profile %1).")
            .arg(profileName, profileLocation));
}
