// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/credentials/CredentialsProvider.h"

#include <QObject>
#include <QPointer>

#include <utility>

/// One pending CredentialsProvider callback with the context that guards it. invoke() calls the callback
/// at most once, and never after the context was destroyed (a null context guards nothing).
class CredentialsCallback
{
public:
    CredentialsCallback(QObject *context, CredentialsProvider::Callback callback)
        : m_context(context)
        , m_guarded(context != nullptr)
        , m_callback(std::move(callback))
    {}

    void invoke(const AwsResult<AwsCredentials> &result)
    {
        // Moved out first: the callback may start another fetch on the same provider.
        CredentialsProvider::Callback callback = std::exchange(m_callback, nullptr);
        if (!callback || (m_guarded && m_context.isNull()))
            return;
        callback(result);
    }

private:
    QPointer<QObject> m_context;
    bool m_guarded;
    CredentialsProvider::Callback m_callback;
};
