// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QNetworkReply>
#include <QTimer>

/// What Qt 6.4's QNetworkAccessManager sometimes delivers when a server closes the connection in the
/// middle of a body: a reply that finishes without an error, status 200, with fewer bytes than its
/// Content-Length announced. Qt does so only when the socket is already closed as it reads the last
/// bytes, a race no loopback server can provoke on purpose, so the tests hand this reply over instead.
class ShortBodyReply : public QNetworkReply
{
    Q_OBJECT

public:
    ShortBodyReply(const QNetworkRequest &request, const QByteArray &partialBody, qint64 announcedLength,
                   QObject *parent = nullptr)
        : QNetworkReply(parent)
        , m_body(partialBody)
    {
        setRequest(request);
        setUrl(request.url());
        setOperation(QNetworkAccessManager::PostOperation);
        setAttribute(QNetworkRequest::HttpStatusCodeAttribute, 200);
        setRawHeader("Content-Type", "application/json");
        setRawHeader("Content-Length", QByteArray::number(announcedLength));
        setRawHeader("x-amzn-RequestId", "rid-short");
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
        QTimer::singleShot(0, this, [this] {
            Q_EMIT metaDataChanged();
            Q_EMIT readyRead();
            setFinished(true);
            Q_EMIT finished();
        });
    }

    void abort() override {}
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override
    {
        return m_body.size() - m_read + QNetworkReply::bytesAvailable();
    }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = std::min<qint64>(maxSize, m_body.size() - m_read);
        if (n <= 0)
            return -1;
        std::copy_n(m_body.constData() + m_read, n, data);
        m_read += n;
        return n;
    }

private:
    QByteArray m_body;
    qint64 m_read = 0;
};
