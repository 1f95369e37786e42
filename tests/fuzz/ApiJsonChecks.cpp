// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ApiJsonChecks.h"

#include "FuzzSupport.h"

using namespace Qt::StringLiterals;

namespace {

// Field paths and 64-character excerpts keep messages short; a message near this size repeats input.
constexpr qsizetype maxMessageChars = 600;

} // namespace

void ApiJsonChecks::checkRefusal(const AwsError &error)
{
    FUZZ_CHECK(error.category() == AwsError::Category::MalformedAnswer,
               u"category %1: %2"_s.arg(AwsError::categoryName(error.category()), error.message()));
    FUZZ_CHECK(!error.message().isEmpty(), u"empty message"_s);
    FUZZ_CHECK(error.message().size() <= maxMessageChars,
               u"a %1-character message: %2"_s.arg(error.message().size()).arg(error.message().left(200)));
    FUZZ_CHECK(!error.userMessage().isEmpty(), u"empty user message"_s);
    FUZZ_CHECK(error.httpStatus() == 0 && error.code().isEmpty(), error.toLogLine());
}

void ApiJsonChecks::checkTime(const QDateTime &time, bool required)
{
    FUZZ_CHECK(!required || time.isValid(), u"a required time is invalid"_s);
    if (!time.isValid())
        return;
    FUZZ_CHECK(time.timeSpec() == Qt::UTC, u"time spec %1"_s.arg(int(time.timeSpec())));
    FUZZ_CHECK(!time.toString(Qt::ISODateWithMs).isEmpty(), u"a valid time that cannot be printed"_s);
}

void ApiJsonChecks::checkPortal(const Portal &portal)
{
    FUZZ_CHECK(!portal.portalArn.isEmpty(), u"portal without portalArn"_s);
    FUZZ_CHECK(portal.portalArn.endsWith(portal.portalId()), portal.portalArn);
    FUZZ_CHECK(portal.maxConcurrentSessions >= 0, QString::number(portal.maxConcurrentSessions));
    checkTime(portal.creationDate, false);
}

void ApiJsonChecks::checkSessionSummary(const SessionSummary &session)
{
    FUZZ_CHECK(!session.sessionId.isEmpty(), u"session without sessionId"_s);
    FUZZ_CHECK(!session.statusText.isEmpty(), u"session without status"_s);
    FUZZ_CHECK(session.status == SessionSummary::statusFromText(session.statusText), session.statusText);
    checkTime(session.startTime, true);
    checkTime(session.endTime, false);
}

void ApiJsonChecks::checkSessionDetail(const SessionDetail &detail)
{
    checkSessionSummary(detail.summary);
    for (const QString &address : detail.clientIpAddresses)
        FUZZ_CHECK(!address.isNull(), u"a null client address"_s);
}

void ApiJsonChecks::checkQAppSessionMetadata(const QAppSessionMetadata &metadata)
{
    FUZZ_CHECK(!metadata.sessionId.isEmpty(), u"metadata without sessionId"_s);
    FUZZ_CHECK(!metadata.sessionArn.isEmpty(), u"metadata without sessionArn"_s);
}
