// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// ApiJson::decodeGetSession on arbitrary bodies: no crash, and either a whole session or a MalformedAnswer.
#include "ApiJsonChecks.h"
#include "FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const AwsResult<SessionDetail> detail = ApiJson::decodeGetSession(FuzzSupport::bytes(data, size));
    if (detail)
        ApiJsonChecks::checkSessionDetail(detail.value());
    else
        ApiJsonChecks::checkRefusal(detail.error());
    return 0;
}
