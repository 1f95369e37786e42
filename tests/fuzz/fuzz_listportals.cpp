// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// ApiJson::decodeListPortals on arbitrary bodies: no crash, and either whole portals or a MalformedAnswer.
#include "ApiJsonChecks.h"
#include "FuzzSupport.h"

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const AwsResult<PortalPage> page = ApiJson::decodeListPortals(FuzzSupport::bytes(data, size));
    if (!page) {
        ApiJsonChecks::checkRefusal(page.error());
        return 0;
    }
    for (const Portal &portal : page.value().portals)
        ApiJsonChecks::checkPortal(portal);
    return 0;
}
