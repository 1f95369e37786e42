// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// CredentialProcessProvider::parseOutput on arbitrary credential_process output. Checks: no crash;
// errors are Credentials errors whose message does not depend on the secret key or session token (the
// same output with other secrets of the same kind gives the same message), so a secret can never leak
// into a message; accepted credentials are complete, carry exactly the secrets printed, and are not
// expired.
#include "FuzzSupport.h"

#include "aws/credentials/CredentialProcessProvider.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

const QString profile = u"fuzz"_s;

QDateTime now()
{
    return QDateTime(QDate(2026, 3, 1), QTime(12, 0), QTimeZone::utc());
}

// The output with every non-empty secret string replaced by another non-empty string, or an empty
// QByteArray when there is no such secret (or the output is no JSON object).
QByteArray withOtherSecrets(const QByteArray &output)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(output, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return {};
    QJsonObject object = document.object();
    bool replaced = false;
    for (const QString &key : {u"SecretAccessKey"_s, u"SessionToken"_s}) {
        const QJsonValue value = object.value(key);
        if (value.isString() && !value.toString().isEmpty()) {
            object.insert(key, value.toString() == u"canary"_s ? u"other canary"_s : u"canary"_s);
            replaced = true;
        }
    }
    return replaced ? QJsonDocument(object).toJson(QJsonDocument::Compact) : QByteArray();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray output = FuzzSupport::bytes(data, size);
    const AwsResult<AwsCredentials> result = CredentialProcessProvider::parseOutput(output, profile, now());
    const QJsonObject object = QJsonDocument::fromJson(output).object();

    if (result) {
        const AwsCredentials &credentials = result.value();
        FUZZ_CHECK(credentials.isValid(), u"accepted incomplete credentials"_s);
        FUZZ_CHECK(credentials.secretAccessKey == object.value(u"SecretAccessKey"_s).toString(),
                   u"the secret key is not the one printed"_s);
        FUZZ_CHECK(credentials.sessionToken == object.value(u"SessionToken"_s).toString(),
                   u"the session token is not the one printed"_s);
        FUZZ_CHECK(!credentials.expiration.isValid() || credentials.expiration > now(),
                   u"accepted expired credentials"_s);
        FUZZ_CHECK(!credentials.source.isEmpty(), u"credentials without a source"_s);
    } else {
        FUZZ_CHECK(result.error().category() == AwsError::Category::Credentials, result.error().message());
        FUZZ_CHECK(!result.error().message().isEmpty(), u"an error without a message"_s);
    }

    // The message must be the same whatever the secrets are.
    const QByteArray other = withOtherSecrets(output);
    if (other.isEmpty())
        return 0;
    const AwsResult<AwsCredentials> otherResult =
        CredentialProcessProvider::parseOutput(other, profile, now());
    FUZZ_CHECK(otherResult.ok() == result.ok(), u"the outcome depends on the secrets"_s);
    if (!result)
        FUZZ_CHECK(otherResult.error().message() == result.error().message(),
                   u"the error message depends on the secrets: %1 / %2"_s.arg(result.error().message(),
                                                                              otherResult.error().message()));
    return 0;
}
