// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// ApiJson::decodeGetPortal on arbitrary bodies: no crash, and either a whole portal or a MalformedAnswer.
#include "ApiJsonChecks.h"
#include "FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const AwsResult<Portal> portal = ApiJson::decodeGetPortal(FuzzSupport::bytes(data, size));
    if (portal)
        ApiJsonChecks::checkPortal(portal.value());
    else
        ApiJsonChecks::checkRefusal(portal.error());
    return 0;
}
