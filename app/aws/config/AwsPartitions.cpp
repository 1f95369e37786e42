// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/config/AwsPartitions.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

// Facts of botocore 1.43's data/partitions.json and data/endpoints.json, in its order (the first partition
// whose regionRegex matches wins). Written out here; update it when AWS opens a region or a partition.
// Fields: id, regionRegex, dnsSuffix, dualStackDnsSuffix, supportsFips, supportsDualStack,
// dualStackAllowedByBotocore (false where endpoints.json has no dual-stack hosts: aws-iso-e, aws-iso-f),
// implicitGlobalRegion, listed regions.
QList<AwsPartition> makeTable()
{
    return {
        {u"aws"_s,
         u"^(us|eu|ap|sa|ca|me|af|il|mx)\\-\\w+\\-\\d+$"_s,
         u"amazonaws.com"_s,
         u"api.aws"_s,
         true,
         true,
         true,
         u"us-east-1"_s,
         {u"af-south-1"_s,     u"ap-east-1"_s,      u"ap-east-2"_s,      u"ap-northeast-1"_s,
          u"ap-northeast-2"_s, u"ap-northeast-3"_s, u"ap-south-1"_s,     u"ap-south-2"_s,
          u"ap-southeast-1"_s, u"ap-southeast-2"_s, u"ap-southeast-3"_s, u"ap-southeast-4"_s,
          u"ap-southeast-5"_s, u"ap-southeast-6"_s, u"ap-southeast-7"_s, u"aws-global"_s,
          u"ca-central-1"_s,   u"ca-west-1"_s,      u"eu-central-1"_s,   u"eu-central-2"_s,
          u"eu-north-1"_s,     u"eu-south-1"_s,     u"eu-south-2"_s,     u"eu-west-1"_s,
          u"eu-west-2"_s,      u"eu-west-3"_s,      u"il-central-1"_s,   u"me-central-1"_s,
          u"me-south-1"_s,     u"mx-central-1"_s,   u"sa-east-1"_s,      u"us-east-1"_s,
          u"us-east-2"_s,      u"us-west-1"_s,      u"us-west-2"_s}},
        {u"aws-cn"_s,
         u"^cn\\-\\w+\\-\\d+$"_s,
         u"amazonaws.com.cn"_s,
         u"api.amazonwebservices.com.cn"_s,
         true,
         true,
         true,
         u"cn-northwest-1"_s,
         {u"aws-cn-global"_s, u"cn-north-1"_s, u"cn-northwest-1"_s}},
        {u"aws-eusc"_s,
         u"^eusc\\-(de)\\-\\w+\\-\\d+$"_s,
         u"amazonaws.eu"_s,
         u"api.amazonwebservices.eu"_s,
         true,
         true,
         true,
         u"eusc-de-east-1"_s,
         {u"eusc-de-east-1"_s}},
        {u"aws-iso"_s,
         u"^us\\-iso\\-\\w+\\-\\d+$"_s,
         u"c2s.ic.gov"_s,
         u"api.aws.ic.gov"_s,
         true,
         true,
         true,
         u"us-iso-east-1"_s,
         {u"aws-iso-global"_s, u"us-iso-east-1"_s, u"us-iso-west-1"_s}},
        {u"aws-iso-b"_s,
         u"^us\\-isob\\-\\w+\\-\\d+$"_s,
         u"sc2s.sgov.gov"_s,
         u"api.aws.scloud"_s,
         true,
         true,
         true,
         u"us-isob-east-1"_s,
         {u"aws-iso-b-global"_s, u"us-isob-east-1"_s, u"us-isob-west-1"_s}},
        {u"aws-iso-e"_s,
         u"^eu\\-isoe\\-\\w+\\-\\d+$"_s,
         u"cloud.adc-e.uk"_s,
         u"api.cloud-aws.adc-e.uk"_s,
         true,
         true,
         false,
         u"eu-isoe-west-1"_s,
         {u"aws-iso-e-global"_s, u"eu-isoe-west-1"_s}},
        {u"aws-iso-f"_s,
         u"^us\\-isof\\-\\w+\\-\\d+$"_s,
         u"csp.hci.ic.gov"_s,
         u"api.aws.hci.ic.gov"_s,
         true,
         true,
         false,
         u"us-isof-south-1"_s,
         {u"aws-iso-f-global"_s, u"us-isof-east-1"_s, u"us-isof-south-1"_s}},
        {u"aws-us-gov"_s,
         u"^us\\-gov\\-\\w+\\-\\d+$"_s,
         u"amazonaws.com"_s,
         u"api.aws"_s,
         true,
         true,
         true,
         u"us-gov-west-1"_s,
         {u"aws-us-gov-global"_s, u"us-gov-east-1"_s, u"us-gov-west-1"_s}},
    };
}

struct CompiledPartition
{
    const AwsPartition *partition;
    QRegularExpression regex;
};

const QList<CompiledPartition> &compiled()
{
    static const QList<CompiledPartition> list = [] {
        QList<CompiledPartition> result;
        for (const AwsPartition &partition : AwsPartitions::all())
            result.append({&partition, QRegularExpression(partition.regionRegex)});
        return result;
    }();
    return list;
}

} // namespace

const QList<AwsPartition> &AwsPartitions::all()
{
    static const QList<AwsPartition> table = makeTable();
    return table;
}

bool AwsPartitions::isListedRegion(const QString &region)
{
    for (const AwsPartition &partition : all()) {
        if (partition.regions.contains(region))
            return true;
    }
    return false;
}

const AwsPartition &AwsPartitions::forRegion(const QString &region)
{
    for (const AwsPartition &partition : all()) {
        if (partition.regions.contains(region))
            return partition;
    }
    for (const CompiledPartition &candidate : compiled()) {
        if (candidate.regex.match(region).hasMatch())
            return *candidate.partition;
    }
    return all().constFirst();
}

bool AwsPartitions::isValidHostLabel(const QString &region)
{
    static const QRegularExpression label(u"^(?![0-9]+$)(?!-)[a-zA-Z0-9-]{1,63}(?<!-)$"_s);
    return label.match(region).hasMatch();
}
