// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/credentials/AwsCredentials.h"
#include "aws/signing/SigV4Signer.h"
#include "aws/transport/AwsRequest.h"

#include <QDateTime>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrl>

/// A minimal test client for the emulator: signs AwsRequests with our SigV4Signer and sends them with a
/// QNetworkAccessManager, waiting for the answer. (The real transport is another layer's; this one
/// exists so the emulator can be tested on its own.)
class SignedClient
{
public:
    struct Answer
    {
        int status = 0;
        QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;

        QJsonObject json() const;
        QByteArray header(const QByteArray &name) const;
        /// x-amzn-ErrorType before any ':'.
        QString errorCode() const;
    };

    SignedClient(QUrl endpoint, AwsCredentials credentials, QString region = QStringLiteral("us-east-1"));

    AwsRequest request(const QByteArray &method, const QByteArray &encodedPath,
                       const QList<QPair<QString, QString>> &query = {}) const;
    /// Signs `request` for `service` at `signTime` (now when invalid; not at all when `sign` is false),
    /// sends it and waits for the answer. `rawQuery`, when given, replaces the query on the wire (the
    /// signature still covers request.query), to send forms like '+' for a space.
    Answer send(AwsRequest request, const QString &service = QStringLiteral("workspaces-web"),
                const QDateTime &signTime = {}, bool sign = true, const QByteArray &rawQuery = {});
    Answer get(const QByteArray &encodedPath, const QList<QPair<QString, QString>> &query = {},
               const QString &service = QStringLiteral("workspaces-web"));

    void setCredentials(const AwsCredentials &credentials) { m_credentials = credentials; }
    QUrl endpoint() const { return m_endpoint; }

private:
    QNetworkAccessManager m_network;
    SigV4Signer m_signer;
    QUrl m_endpoint;
    AwsCredentials m_credentials;
    QString m_region;
};
