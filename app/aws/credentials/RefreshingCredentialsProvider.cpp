// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/credentials/RefreshingCredentialsProvider.h"

RefreshingCredentialsProvider::RefreshingCredentialsProvider(AwsClock clock, qint64 refreshMarginSeconds,
                                                             QObject *parent)
    : QObject(parent)
    , m_clock(clock ? std::move(clock) : systemAwsClock())
    , m_refreshMarginSeconds(refreshMarginSeconds)
{}

void RefreshingCredentialsProvider::fetch(QObject *context, Callback callback)
{
    if (m_cached && !m_cached->expiresWithin(m_clock(), m_refreshMarginSeconds)) {
        CredentialsCallback(context, std::move(callback)).invoke(*m_cached);
        return;
    }
    m_waiting.append(CredentialsCallback(context, std::move(callback)));
    if (m_loading)
        return;
    m_loading = true;
    load();
}

void RefreshingCredentialsProvider::finish(const AwsResult<AwsCredentials> &result)
{
    m_loading = false;
    if (result)
        m_cached = result.value();
    // Callbacks may fetch again (and so append): hand out the ones waiting now only.
    QList<CredentialsCallback> waiting = std::exchange(m_waiting, {});
    for (CredentialsCallback &callback : waiting)
        callback.invoke(result);
}

void RefreshingCredentialsProvider::invalidate()
{
    m_cached.reset();
}
