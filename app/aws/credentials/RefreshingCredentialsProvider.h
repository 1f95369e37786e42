// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsClock.h"
#include "aws/credentials/CredentialsCallback.h"
#include "aws/credentials/CredentialsProvider.h"

#include <QList>
#include <QObject>

#include <optional>

/// The common part of the providers that fetch expiring credentials over the network (assume role, web
/// identity, container, instance metadata): the credentials are kept until `refreshMarginSeconds` before
/// they expire, concurrent fetches share one load(), and invalidate() forgets them. A subclass implements
/// load() and calls finish() exactly once per load().
class RefreshingCredentialsProvider : public QObject, public CredentialsProvider
{
    Q_OBJECT

public:
    explicit RefreshingCredentialsProvider(AwsClock clock, qint64 refreshMarginSeconds = 300,
                                           QObject *parent = nullptr);

    void fetch(QObject *context, Callback callback) final;
    void invalidate() override;

protected:
    /// Starts fetching fresh credentials; ends with finish().
    virtual void load() = 0;
    /// Hands the result to every waiting fetch; keeps successful credentials.
    void finish(const AwsResult<AwsCredentials> &result);
    QDateTime now() const { return m_clock(); }
    const AwsClock &clock() const { return m_clock; }

private:
    AwsClock m_clock;
    qint64 m_refreshMarginSeconds;
    std::optional<AwsCredentials> m_cached;
    QList<CredentialsCallback> m_waiting;
    bool m_loading = false;
};
