// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// AwsError::fromHttpResponse on arbitrary error answers. Input: an HTTP answer as FuzzHttpMessage reads
// it, whose start line is the status ("429" or "HTTP/1.1 429 Too Many Requests"); every header line is
// passed on, even malformed ones. Checks the error type's own rules rather than re-implementing it.
#include "FuzzHttpMessage.h"
#include "FuzzSupport.h"

#include "aws/AwsError.h"

using namespace Qt::StringLiterals;

namespace {

int statusFrom(const QByteArray &startLine)
{
    QList<QByteArray> words = startLine.simplified().split(' ');
    if (words.size() > 1 && words.first().startsWith("HTTP/"))
        words.removeFirst();
    return words.value(0).toInt(); // 0 (no answer) when it is not a number
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QList<FuzzHttpMessage> messages = FuzzHttpMessage::parseAll(FuzzSupport::bytes(data, size), 1);
    if (messages.isEmpty())
        return 0;
    const FuzzHttpMessage &answer = messages.first();
    const int status = statusFrom(answer.startLine);

    const AwsError error = AwsError::fromHttpResponse(status, answer.headers, answer.body);
    FUZZ_CHECK(error.httpStatus() == status, error.toLogLine());
    FUZZ_CHECK(error.code() == error.code().trimmed(), u"untrimmed code \"%1\""_s.arg(error.code()));
    FUZZ_CHECK(error.category() == AwsError::categoryFor(error.code(), status), error.toLogLine());
    FUZZ_CHECK(error.category() != AwsError::Category::MalformedAnswer, error.toLogLine());
    FUZZ_CHECK(AwsError::categoryName(error.category()) != u"unknown"_s, error.toLogLine());
    FUZZ_CHECK(!error.message().isEmpty(), u"an error without a message"_s);
    FUZZ_CHECK(error.retryAfterSeconds() >= -1, QString::number(error.retryAfterSeconds()));
    FUZZ_CHECK(error.requestId() == error.requestId().trimmed(), error.requestId());
    // A code taken from x-amzn-ErrorType ends at its first ':'.
    const QByteArray errorType = answer.header("x-amzn-errortype");
    if (!errorType.isNull() && !QString::fromUtf8(errorType).section(u':', 0, 0).trimmed().isEmpty())
        FUZZ_CHECK(!error.code().contains(u':'), error.code());
    FUZZ_CHECK(!error.userMessage().isEmpty(), error.toLogLine());
    FUZZ_CHECK(error.toLogLine().startsWith(error.userMessage()), error.toLogLine());
    if (error.category() == AwsError::Category::Throttled)
        FUZZ_CHECK(error.isRetryable(), error.toLogLine());
    (void)error.isExpiredCredentials();
    return 0;
}
