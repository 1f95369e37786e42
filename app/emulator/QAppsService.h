// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/transport/AwsRequest.h"
#include "emulator/EmulatorResponse.h"
#include "emulator/RequestContext.h"

#include <QString>

class EmulatorStore;
struct QAppSessionState;
struct Uuid128;

/// The Amazon Q Apps session metadata operations (signing name "qapps"): GetQAppSessionMetadata and
/// UpdateQAppSessionMetadata, for the instance named by the `instance-id` header.
///
/// Update replaces the whole sharingConfiguration (a flag left out becomes absent), keeps the name when
/// sessionName is left out, and is refused with AccessDeniedException when the caller does not own the
/// session (sessionOwner false).
class QAppsService
{
public:
    static QString signingName() { return QStringLiteral("qapps"); }
    static QString errorNamespace() { return QStringLiteral("com.amazonaws.qapps"); }
    static bool ownsPath(const QByteArray &encodedPath);
    /// The model's UUID pattern for Q Apps session ids (version 4 or 5, lower-case hex).
    static bool isValidSessionId(const QString &sessionId);

    explicit QAppsService(EmulatorStore &store);

    EmulatorResponse handle(const AwsRequest &request, const RequestContext &context);

private:
    EmulatorResponse getMetadata(const AwsRequest &request);
    EmulatorResponse updateMetadata(const AwsRequest &request);
    /// Checks the instance and finds the session; an error answer when either is unknown.
    std::optional<EmulatorResponse> lookup(const QString &instanceId, const QString &sessionId, Uuid128 *id,
                                           QAppSessionState *state) const;
    QJsonObject metadataJson(const Uuid128 &id, const QAppSessionState &state, bool withOwner) const;

    EmulatorStore &m_store;
};
