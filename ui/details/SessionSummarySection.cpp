// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "details/SessionSummarySection.h"

#include "common/CopyableValue.h"
#include "common/DisplayFormat.h"

#include <QFormLayout>
#include <QIcon>

using namespace Qt::StringLiterals;

SessionSummarySection::SessionSummarySection(QWidget *parent)
    : QGroupBox(tr("Session"), parent)
    , m_sessionIdValue(new CopyableValue(tr("Session ID"), this))
    , m_usernameValue(new CopyableValue(tr("Username"), this))
    , m_statusValue(new CopyableValue(tr("Status"), this))
    , m_startTimeValue(new CopyableValue(tr("Start time"), this))
    , m_endTimeValue(new CopyableValue(tr("End time"), this))
    , m_durationValue(new CopyableValue(tr("Duration"), this))
    , m_portalArnValue(new CopyableValue(tr("Portal ARN"), this))
{
    setObjectName(u"sessionSummaryGroupBox"_s);
    setAccessibleName(tr("Session"));
    m_sessionIdValue->setObjectName(u"sessionIdCopyableValue"_s);
    m_usernameValue->setObjectName(u"usernameCopyableValue"_s);
    m_statusValue->setObjectName(u"statusCopyableValue"_s);
    m_startTimeValue->setObjectName(u"startTimeCopyableValue"_s);
    m_endTimeValue->setObjectName(u"endTimeCopyableValue"_s);
    m_durationValue->setObjectName(u"durationCopyableValue"_s);
    m_portalArnValue->setObjectName(u"portalArnCopyableValue"_s);

    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("Session ID:"), m_sessionIdValue);
    form->addRow(tr("Username:"), m_usernameValue);
    form->addRow(tr("Status:"), m_statusValue);
    form->addRow(tr("Start time:"), m_startTimeValue);
    form->addRow(tr("End time:"), m_endTimeValue);
    form->addRow(tr("Duration:"), m_durationValue);
    form->addRow(tr("Portal ARN:"), m_portalArnValue);

    m_durationTimer.setInterval(1000);
    connect(&m_durationTimer, &QTimer::timeout, this, &SessionSummarySection::updateDuration);
}

void SessionSummarySection::setSession(const SessionSummary &session)
{
    m_session = session;
    updateValues();
}

void SessionSummarySection::setTimesInUtc(bool inUtc)
{
    m_inUtc = inUtc;
    updateValues();
}

void SessionSummarySection::updateValues()
{
    const SessionSummary &s = m_session;
    m_sessionIdValue->setValue(s.sessionId);
    m_usernameValue->setValue(s.username);
    m_statusValue->setValue(DisplayFormat::status(s), s.statusText);
    m_statusValue->setIcon(s.sessionId.isEmpty() ? QIcon() : QIcon(DisplayFormat::statusIconPath(s.status)));
    const auto setTime = [this](CopyableValue *value, const QDateTime &time, const QString &absent) {
        if (!time.isValid()) {
            value->setValue(absent);
            return;
        }
        const QString iso = DisplayFormat::isoTime(time);
        value->setValue(DisplayFormat::time(time, m_inUtc), iso, iso);
    };
    setTime(m_startTimeValue, s.startTime, s.sessionId.isEmpty() ? QString() : tr("Not reported"));
    setTime(m_endTimeValue, s.endTime,
            s.sessionId.isEmpty()               ? QString()
            : s.status == SessionStatus::Active ? tr("Still running")
                                                : tr("Not reported"));
    m_portalArnValue->setValue(s.portalArn);
    updateDuration();
}

void SessionSummarySection::updateDuration()
{
    m_durationValue->setValue(DisplayFormat::sessionDuration(m_session, QDateTime::currentDateTimeUtc()));
    const bool running = m_session.status == SessionStatus::Active && !m_session.endTime.isValid() &&
                         m_session.startTime.isValid();
    if (running && !m_durationTimer.isActive())
        m_durationTimer.start();
    else if (!running)
        m_durationTimer.stop();
}
