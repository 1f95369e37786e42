// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/Portal.h"
#include "api/QAppSessionMetadata.h"
#include "api/SessionSummary.h"
#include "aws/AwsResult.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonValue>
#include <QString>

#include <variant>

/// The JSON of the WorkSpaces Web and Q Apps operations SessionScope uses: one decoder per shape, shared by
/// the clients, the CLI and the tests. Decoding is strict where it matters and tolerant where the service
/// may grow: unknown fields are ignored and unknown enum values are kept as text, but a wrong type, a
/// missing required field or a body that is not a JSON object is a MalformedAnswer error naming the field
/// (e.g. "sessions[3].startTime") - never a half-filled object. JSON null counts as absent.
class ApiJson
{
public:
    // Whole answers (the body of a 2xx answer).
    static AwsResult<PortalPage> decodeListPortals(const QByteArray &body);
    /// GetPortal's {"portal": {...}}.
    static AwsResult<Portal> decodeGetPortal(const QByteArray &body);
    /// Well-formed answers take a fast path (ListSessionsScanner); anything else is decoded by
    /// decodeListSessionsDocument(), so results and errors are the same either way.
    static AwsResult<SessionPage> decodeListSessions(const QByteArray &body);
    /// ListSessions through a full JSON document, without the fast path (tests compare the two).
    static AwsResult<SessionPage> decodeListSessionsDocument(const QByteArray &body);
    /// GetSession's {"session": {...}}.
    static AwsResult<SessionDetail> decodeGetSession(const QByteArray &body);
    /// An answer without content, e.g. ExpireSession's {}: empty or any JSON object.
    static AwsResult<std::monostate> decodeEmpty(const QByteArray &body);
    /// Get/UpdateQAppSessionMetadata's answer.
    static AwsResult<QAppSessionMetadata> decodeQAppSessionMetadata(const QByteArray &body);

    // Shapes; `path` names the value in error messages.
    /// PortalSummary and Portal; portalArn is required.
    static AwsResult<Portal> decodePortal(const QJsonValue &value, const QString &path);
    /// Session: the SessionSummary fields (sessionId, status and startTime required) plus clientIpAddresses.
    static AwsResult<SessionDetail> decodeSession(const QJsonValue &value, const QString &path);
    /// SessionSharingConfiguration; enabled is required.
    static AwsResult<QAppSharingConfiguration> decodeSharingConfiguration(const QJsonValue &value,
                                                                          const QString &path);
    /// A timestamp: a JSON number of epoch seconds (fractions kept to the millisecond) or, for robustness,
    /// an ISO 8601 string (UTC when it has no offset). Always returned in UTC.
    static AwsResult<QDateTime> decodeTimestamp(const QJsonValue &value, const QString &path);
    /// True for epoch seconds in 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z: the times QDateTime can
    /// write in ISO 8601 (for others it writes nothing, so a table or an export would show no time at
    /// all); every sane timestamp is inside. decodeTimestamp and the ListSessions fast path both use it.
    static bool isPlausibleEpochSeconds(double seconds);

    /// UpdateQAppSessionMetadata's body: {sessionId, sessionName?, sharingConfiguration:{enabled,
    /// acceptResponses?, revealCards?}}.
    static QByteArray encodeQAppSessionMetadataUpdate(const QAppSessionMetadataUpdate &update);
};
