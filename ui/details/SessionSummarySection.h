// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/SessionSummary.h"

#include <QGroupBox>
#include <QTimer>

#include <functional>

class CopyableValue;

/// The "Session" part of the detail pane: every field of the session's summary, each copyable.
/// An active session's duration keeps counting.
class SessionSummarySection : public QGroupBox
{
    Q_OBJECT

public:
    explicit SessionSummarySection(QWidget *parent = nullptr);

    void setSession(const SessionSummary &session);
    void setTimesInUtc(bool inUtc);

    const SessionSummary &session() const { return m_session; }

private:
    void updateValues();
    void updateDuration();

    SessionSummary m_session;
    bool m_inUtc = false;
    QTimer m_durationTimer;
    CopyableValue *m_sessionIdValue;
    CopyableValue *m_usernameValue;
    CopyableValue *m_statusValue;
    CopyableValue *m_startTimeValue;
    CopyableValue *m_endTimeValue;
    CopyableValue *m_durationValue;
    CopyableValue *m_portalArnValue;
};
