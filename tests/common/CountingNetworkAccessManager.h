// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QNetworkAccessManager>

/// A QNetworkAccessManager that counts the requests it was asked to send, so a test can prove that a
/// refused request never reached the network.
class CountingNetworkAccessManager : public QNetworkAccessManager
{
    Q_OBJECT

public:
    using QNetworkAccessManager::QNetworkAccessManager;

    int requestCount() const { return m_requestCount; }

protected:
    QNetworkReply *createRequest(Operation operation, const QNetworkRequest &request,
                                 QIODevice *outgoingData) override
    {
        ++m_requestCount;
        return QNetworkAccessManager::createRequest(operation, request, outgoingData);
    }

private:
    int m_requestCount = 0;
};
