// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QSocketNotifier;

/// Turns SIGINT and SIGTERM into a Qt signal (the self-pipe trick: the handler only writes a byte to a
/// socket pair, a QSocketNotifier reads it on the event loop). One instance per process.
class SignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

    /// False when the socket pair or the handlers could not be installed.
    bool isWatching() const { return m_notifier != nullptr; }

Q_SIGNALS:
    /// SIGINT or SIGTERM arrived; `signalNumber` says which.
    void terminationRequested(int signalNumber);

private:
    void readSignal();

    QSocketNotifier *m_notifier = nullptr;
};
