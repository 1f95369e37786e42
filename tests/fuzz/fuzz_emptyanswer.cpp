// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// ApiJson::decodeEmpty (ExpireSession's {}) on arbitrary bodies: no crash; accepted exactly when the body
// is blank or a JSON object.
#include "ApiJsonChecks.h"
#include "FuzzSupport.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = FuzzSupport::bytes(data, size);
    const AwsResult<std::monostate> result = ApiJson::decodeEmpty(body);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const bool acceptable =
        body.trimmed().isEmpty() || (parseError.error == QJsonParseError::NoError && document.isObject());
    FUZZ_CHECK(result.ok() == acceptable, result.ok() ? u"accepted"_s : result.error().message());
    if (!result)
        ApiJsonChecks::checkRefusal(result.error());
    return 0;
}
