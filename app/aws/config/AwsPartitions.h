// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/config/AwsPartition.h"

#include <QList>
#include <QString>

/// The AWS partitions and how a region maps to one, as the SDKs' endpoint rules do it (botocore 1.43's
/// partitions.json and endpoints.json): a region listed by a partition belongs to it, else the first
/// partition whose regionRegex matches, else "aws". New regions of an existing partition therefore work
/// before they are listed here.
class AwsPartitions
{
public:
    /// Every partition, "aws" first.
    static const QList<AwsPartition> &all();
    /// The partition of `region` (never fails: unknown names fall back to "aws", as in the SDKs).
    static const AwsPartition &forRegion(const QString &region);
    /// True when a partition lists `region` explicitly ("us-east-1", "aws-global", "eusc-de-east-1", ...).
    static bool isListedRegion(const QString &region);
    /// botocore's rule for region names: a DNS host label of at most 63 letters, digits and hyphens, not
    /// starting or ending with a hyphen and not all digits. Anything else never reaches a host name.
    static bool isValidHostLabel(const QString &region);
};
