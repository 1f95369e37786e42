// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/PortalArn.h"

#include "aws/config/RegionResolver.h"

#include <QStringList>

using namespace Qt::StringLiterals;

bool PortalArn::looksLikeArn(const QString &text)
{
    return text.startsWith(u"arn:"_s);
}

std::optional<PortalArn> PortalArn::parse(const QString &text)
{
    // The resource part ("portal/ID") holds no ':', so an ARN of this service has exactly six fields.
    const QStringList fields = text.split(u':');
    if (fields.size() != 6 || fields.at(0) != u"arn" || fields.at(2) != u"workspaces-web")
        return std::nullopt;
    PortalArn arn;
    arn.partition = fields.at(1);
    arn.region = fields.at(3);
    arn.account = fields.at(4);
    const QString &resource = fields.at(5);
    if (arn.partition.isEmpty() || arn.account.isEmpty() || !RegionResolver::isValidRegion(arn.region))
        return std::nullopt;
    if (!resource.startsWith(u"portal/"_s))
        return std::nullopt;
    arn.portalId = resource.mid(7);
    // The id itself is checked where every id is, by WorkSpacesWebClient before a request is sent.
    if (arn.portalId.isEmpty() || arn.portalId.contains(u'/'))
        return std::nullopt;
    return arn;
}
