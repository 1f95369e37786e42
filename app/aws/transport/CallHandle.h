// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>

/// One asynchronous AWS call in progress (including its retries). Owned by the transport; it deletes
/// itself after it finished or was cancelled.
class PendingCall : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    /// Stops the call. Its callback is then never invoked.
    virtual void cancel() = 0;
};

/// What a client method returns: a weak handle to cancel the call. Copyable; safe to use after the call
/// finished (then cancel() does nothing).
class CallHandle
{
public:
    CallHandle() = default;
    explicit CallHandle(PendingCall *call)
        : m_call(call)
    {}

    void cancel()
    {
        if (m_call)
            m_call->cancel();
        m_call = nullptr;
    }
    bool isRunning() const { return !m_call.isNull(); }

private:
    QPointer<PendingCall> m_call;
};
