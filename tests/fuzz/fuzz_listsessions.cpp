// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// ApiJson::decodeListSessions on arbitrary bodies: no crash, and either whole sessions or a
// MalformedAnswer.
#include "ApiJsonChecks.h"
#include "FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const AwsResult<SessionPage> page = ApiJson::decodeListSessions(FuzzSupport::bytes(data, size));
    if (!page) {
        ApiJsonChecks::checkRefusal(page.error());
        return 0;
    }
    for (const SessionSummary &session : page.value().sessions)
        ApiJsonChecks::checkSessionSummary(session);
    return 0;
}
