// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/QAppSessionMetadata.h"
#include "aws/AwsResult.h"
#include "aws/transport/CallHandle.h"

#include <QString>
#include <QUrl>

#include <functional>

class AwsTransport;
class QObject;

/// Typed client of the Amazon Q Apps session metadata operations (signing name "qapps"). Same callback
/// contract as WorkSpacesWebClient. A session id that is not a lower-case UUID v4 is a Validation error.
class QAppsClient
{
public:
    template <typename T>
    using Callback = std::function<void(const AwsResult<T> &)>;

    QAppsClient(AwsTransport *transport, QUrl endpoint, QString region);

    QUrl endpoint() const { return m_endpoint; }
    QString region() const { return m_region; }

    CallHandle getQAppSessionMetadata(const QString &instanceId, const QString &sessionId, QObject *context,
                                      Callback<QAppSessionMetadata> callback);
    CallHandle updateQAppSessionMetadata(const QString &instanceId, const QAppSessionMetadataUpdate &update,
                                         QObject *context, Callback<QAppSessionMetadata> callback);

    static bool isValidSessionId(const QString &sessionId);
    static bool isValidInstanceId(const QString &instanceId);

private:
    AwsTransport *m_transport;
    QUrl m_endpoint;
    QString m_region;
};
