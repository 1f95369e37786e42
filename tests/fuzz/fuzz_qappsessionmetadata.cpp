// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// ApiJson::decodeQAppSessionMetadata on arbitrary bodies: no crash, either whole metadata or a
// MalformedAnswer, and what decodes can be sent back: the update body built from it decodes to the same
// sharing settings.
#include "ApiJsonChecks.h"
#include "FuzzSupport.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const AwsResult<QAppSessionMetadata> metadata =
        ApiJson::decodeQAppSessionMetadata(FuzzSupport::bytes(data, size));
    if (!metadata) {
        ApiJsonChecks::checkRefusal(metadata.error());
        return 0;
    }
    ApiJsonChecks::checkQAppSessionMetadata(metadata.value());

    const QAppSessionMetadataUpdate update{metadata.value().sessionId, metadata.value().sessionName,
                                           metadata.value().sharingConfiguration};
    const QJsonObject body =
        QJsonDocument::fromJson(ApiJson::encodeQAppSessionMetadataUpdate(update)).object();
    FUZZ_CHECK(body.value(u"sessionId"_s).toString() == update.sessionId, update.sessionId);
    const AwsResult<QAppSharingConfiguration> sharing =
        ApiJson::decodeSharingConfiguration(body.value(u"sharingConfiguration"_s), u"sharingConfiguration"_s);
    FUZZ_CHECK(sharing.ok(), sharing.error().message());
    const QAppSharingConfiguration &sent = update.sharingConfiguration;
    FUZZ_CHECK(sharing.value().enabled == sent.enabled &&
                   sharing.value().acceptResponses == sent.acceptResponses &&
                   sharing.value().revealCards == sent.revealCards,
               u"the sharing settings changed on their way back"_s);
    return 0;
}
