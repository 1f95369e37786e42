// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/credentials/AwsCredentials.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;
class QObject;

/// One plain HTTP request to a link-local metadata service (instance metadata, container credentials):
/// no signing, no retries of its own, and an idle timeout that also ends a request to a service that
/// accepts the connection and never answers.
class MetadataHttp
{
public:
    struct Answer
    {
        int status = 0; ///< 0 when no answer came
        QByteArray body;
        bool timedOut = false;
        QString error; ///< the network error when no answer came, for messages
    };
    using Callback = std::function<void(const Answer &)>;

    /// Calls `callback` once, later, unless `context` is destroyed first.
    static void send(QNetworkAccessManager *network, const QByteArray &verb, const QUrl &url,
                     const QList<QPair<QByteArray, QByteArray>> &headers, int timeoutMs, QObject *context,
                     Callback callback);

    /// The credentials both metadata services answer with ({"AccessKeyId", "SecretAccessKey", "Token",
    /// "Expiration"}), labelled `source`; nullopt unless all four are there, as botocore requires (without
    /// an expiration they would never be refreshed). Never keeps or quotes the body, which holds secrets.
    static std::optional<AwsCredentials> parseCredentials(const QByteArray &body, const QString &source);
};
