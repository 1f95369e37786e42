// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ShortBodyReply.h"

#include <QNetworkAccessManager>

/// A QNetworkAccessManager that counts the requests it was asked to send, so a test can prove that a
/// refused request never reached the network.
class CountingNetworkAccessManager : public QNetworkAccessManager
{
    Q_OBJECT

public:
    using QNetworkAccessManager::QNetworkAccessManager;

    int requestCount() const { return m_requestCount; }
    /// The next `count` requests get a ShortBodyReply (200, a cut-off body) instead of going out.
    void cutNextAnswers(int count) { m_cutAnswers = count; }

protected:
    QNetworkReply *createRequest(Operation operation, const QNetworkRequest &request,
                                 QIODevice *outgoingData) override
    {
        ++m_requestCount;
        if (m_cutAnswers > 0) {
            --m_cutAnswers;
            return new ShortBodyReply(request, R"({"portals":[{"portalArn":)", 400, this);
        }
        return QNetworkAccessManager::createRequest(operation, request, outgoingData);
    }

private:
    int m_requestCount = 0;
    int m_cutAnswers = 0;
};
