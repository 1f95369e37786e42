// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "details/SessionDetailPane.h"

#include "details/ClientAddressesSection.h"
#include "details/QAppSharingSection.h"
#include "details/SessionSummarySection.h"

#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

SessionDetailPane::SessionDetailPane(QWidget *parent)
    : QScrollArea(parent)
    , m_placeholderLabel(new QLabel)
    , m_summarySection(new SessionSummarySection)
    , m_clientAddressesSection(new ClientAddressesSection)
    , m_qAppSharingSection(new QAppSharingSection)
{
    setObjectName(u"sessionDetailScrollArea"_s);
    setAccessibleName(tr("Session details"));
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);

    auto *content = new QWidget;
    content->setObjectName(u"sessionDetailContentWidget"_s);
    m_placeholderLabel->setObjectName(u"detailPlaceholderLabel"_s);
    m_placeholderLabel->setAccessibleName(tr("No session selected"));
    m_placeholderLabel->setText(tr("Select a session to see its details, client IP addresses and Q App "
                                   "sharing settings."));
    m_placeholderLabel->setWordWrap(true);
    m_placeholderLabel->setAlignment(Qt::AlignCenter);
    m_placeholderLabel->setMargin(12);
    m_placeholderLabel->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(content);
    layout->addWidget(m_placeholderLabel);
    layout->addWidget(m_summarySection);
    layout->addWidget(m_clientAddressesSection);
    layout->addWidget(m_qAppSharingSection);
    layout->addStretch(1);
    setWidget(content);

    connect(m_qAppSharingSection, &QAppSharingSection::configureInstanceRequested, this,
            &SessionDetailPane::configureInstanceRequested);
    connect(m_clientAddressesSection, &ClientAddressesSection::detailLoaded, this,
            [this](const SessionDetail &detail) {
                if (detail.summary.sessionId != m_summarySection->session().sessionId)
                    return;
                m_summarySection->setSession(detail.summary);
                Q_EMIT sessionRefreshed(detail.summary);
            });
    clearSession();
}

void SessionDetailPane::setGateway(ServiceGateway *gateway)
{
    m_clientAddressesSection->setGateway(gateway);
    m_qAppSharingSection->setGateway(gateway);
    clearSession();
}

void SessionDetailPane::setQBusinessInstanceId(const QString &instanceId)
{
    m_qAppSharingSection->setInstanceId(instanceId);
}

void SessionDetailPane::setTimesInUtc(bool inUtc)
{
    m_summarySection->setTimesInUtc(inUtc);
}

void SessionDetailPane::showSession(const QString &portalId, const SessionSummary &session)
{
    if (session.sessionId.isEmpty()) {
        clearSession();
        return;
    }
    m_placeholderLabel->hide();
    m_summarySection->show();
    m_clientAddressesSection->show();
    m_summarySection->setSession(session);
    m_clientAddressesSection->load(portalId, session.sessionId);
    m_qAppSharingSection->load(session.sessionId);
}

void SessionDetailPane::clearSession()
{
    m_summarySection->setSession({});
    m_summarySection->hide();
    m_clientAddressesSection->clear();
    m_clientAddressesSection->hide();
    m_qAppSharingSection->clear();
    m_placeholderLabel->show();
}

QString SessionDetailPane::sessionId() const
{
    return m_summarySection->session().sessionId;
}

void SessionDetailPane::focusFirstControl(Qt::FocusReason reason)
{
    // The first focusable value of the pane (the copy buttons and lookup field take Tab focus).
    if (QWidget *first = widget()->nextInFocusChain(); first && isAncestorOf(first))
        first->setFocus(reason);
    else
        setFocus(reason);
}

void SessionDetailPane::focusQAppLookup(Qt::FocusReason reason)
{
    QLineEdit *edit = m_qAppSharingSection->lookupLineEdit();
    ensureWidgetVisible(edit);
    edit->setFocus(reason);
    edit->selectAll();
}
