// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessions/SessionFilterBar.h"

#include "api/WorkSpacesWebClient.h"
#include "common/DisplayFormat.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

using namespace Qt::StringLiterals;

SessionFilterBar::SessionFilterBar(QWidget *parent)
    : QWidget(parent)
    , m_statusComboBox(new QComboBox(this))
    , m_usernameLineEdit(new QLineEdit(this))
    , m_sessionIdLineEdit(new QLineEdit(this))
    , m_sessionIdHintLabel(new QLabel(this))
    , m_clearToolButton(new QToolButton(this))
{
    setObjectName(u"sessionFilterBarWidget"_s);
    setAccessibleName(tr("Session filters"));

    auto *statusLabel = new QLabel(tr("S&tatus:"), this);
    statusLabel->setObjectName(u"statusFilterLabel"_s);
    m_statusComboBox->setObjectName(u"statusFilterComboBox"_s);
    m_statusComboBox->setAccessibleName(tr("Status filter"));
    m_statusComboBox->addItem(tr("All"),
                              QVariant::fromValue(static_cast<int>(ListSessionsRequest::StatusFilter::Any)));
    m_statusComboBox->addItem(QIcon(DisplayFormat::statusIconPath(SessionStatus::Active)), tr("Active"),
                              static_cast<int>(ListSessionsRequest::StatusFilter::Active));
    m_statusComboBox->addItem(QIcon(DisplayFormat::statusIconPath(SessionStatus::Terminated)),
                              tr("Terminated"),
                              static_cast<int>(ListSessionsRequest::StatusFilter::Terminated));
    statusLabel->setBuddy(m_statusComboBox);

    auto *usernameLabel = new QLabel(tr("&Username:"), this);
    usernameLabel->setObjectName(u"usernameFilterLabel"_s);
    m_usernameLineEdit->setObjectName(u"usernameLineEdit"_s);
    m_usernameLineEdit->setAccessibleName(tr("Username filter"));
    m_usernameLineEdit->setPlaceholderText(tr("Exact username (Ctrl+F)"));
    m_usernameLineEdit->setToolTip(tr("Shows only the sessions of this user. The service matches the whole "
                                      "username exactly."));
    m_usernameLineEdit->setClearButtonEnabled(true);
    m_usernameLineEdit->setMaxLength(256);
    usernameLabel->setBuddy(m_usernameLineEdit);

    auto *sessionIdLabel = new QLabel(tr("Session &ID:"), this);
    sessionIdLabel->setObjectName(u"sessionIdFilterLabel"_s);
    m_sessionIdLineEdit->setObjectName(u"sessionIdLineEdit"_s);
    m_sessionIdLineEdit->setAccessibleName(tr("Session ID lookup"));
    m_sessionIdLineEdit->setPlaceholderText(tr("Look up one session"));
    m_sessionIdLineEdit->setClearButtonEnabled(true);
    m_sessionIdLineEdit->setMaxLength(64);
    sessionIdLabel->setBuddy(m_sessionIdLineEdit);
    m_sessionIdHintLabel->setObjectName(u"sessionIdHintLabel"_s);
    m_sessionIdHintLabel->setAccessibleName(tr("Session ID problem"));
    m_sessionIdHintLabel->hide();

    m_clearToolButton->setObjectName(u"clearFiltersToolButton"_s);
    m_clearToolButton->setAccessibleName(tr("Clear filters"));
    m_clearToolButton->setText(tr("Clear filters"));
    m_clearToolButton->setToolTip(tr("Show all sessions of the portal"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(statusLabel);
    layout->addWidget(m_statusComboBox);
    layout->addSpacing(8);
    layout->addWidget(usernameLabel);
    layout->addWidget(m_usernameLineEdit, 2);
    layout->addSpacing(8);
    layout->addWidget(sessionIdLabel);
    layout->addWidget(m_sessionIdLineEdit, 3);
    layout->addWidget(m_sessionIdHintLabel);
    layout->addWidget(m_clearToolButton);

    m_typingTimer.setSingleShot(true);
    m_typingTimer.setInterval(typingDelayMs);
    connect(&m_typingTimer, &QTimer::timeout, this, &SessionFilterBar::applyNow);
    connect(m_statusComboBox, &QComboBox::currentIndexChanged, this, &SessionFilterBar::applyNow);
    connect(m_usernameLineEdit, &QLineEdit::textEdited, this, [this] { m_typingTimer.start(); });
    connect(m_sessionIdLineEdit, &QLineEdit::textEdited, this, [this] {
        updateSessionIdHint();
        m_typingTimer.start();
    });
    // Enter applies at once; the clear button's change comes as textChanged without textEdited.
    connect(m_usernameLineEdit, &QLineEdit::returnPressed, this, &SessionFilterBar::applyNow);
    connect(m_sessionIdLineEdit, &QLineEdit::returnPressed, this, &SessionFilterBar::applyNow);
    connect(m_usernameLineEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty())
            applyNow();
    });
    connect(m_sessionIdLineEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty()) {
            updateSessionIdHint();
            applyNow();
        }
    });
    connect(m_clearToolButton, &QToolButton::clicked, this, &SessionFilterBar::clearFilters);

    setTabOrder(m_statusComboBox, m_usernameLineEdit);
    setTabOrder(m_usernameLineEdit, m_sessionIdLineEdit);
    setTabOrder(m_sessionIdLineEdit, m_clearToolButton);
}

void SessionFilterBar::setFilters(ListSessionsRequest::StatusFilter status, const QString &username,
                                  const QString &sessionId)
{
    {
        const QSignalBlocker b1(m_statusComboBox);
        const int index = m_statusComboBox->findData(static_cast<int>(status));
        m_statusComboBox->setCurrentIndex(index < 0 ? 0 : index);
    }
    {
        const QSignalBlocker b2(m_usernameLineEdit);
        m_usernameLineEdit->setText(username);
    }
    {
        const QSignalBlocker b3(m_sessionIdLineEdit);
        m_sessionIdLineEdit->setText(sessionId);
    }
    updateSessionIdHint();
    applyNow();
}

void SessionFilterBar::focusUsername()
{
    m_usernameLineEdit->setFocus(Qt::ShortcutFocusReason);
    m_usernameLineEdit->selectAll();
}

void SessionFilterBar::clearFilters()
{
    setFilters(ListSessionsRequest::StatusFilter::Any, {}, {});
}

void SessionFilterBar::updateSessionIdHint()
{
    const QString id = m_sessionIdLineEdit->text().trimmed();
    const bool bad = !id.isEmpty() && !WorkSpacesWebClient::isValidSessionId(id);
    m_sessionIdHintLabel->setVisible(bad);
    m_sessionIdHintLabel->setText(bad ? tr("A session ID is 36 letters, digits or dashes") : QString());
}

void SessionFilterBar::applyNow()
{
    m_typingTimer.stop();
    Applied next;
    next.status = static_cast<ListSessionsRequest::StatusFilter>(m_statusComboBox->currentData().toInt());
    next.username = m_usernameLineEdit->text().trimmed();
    const QString id = m_sessionIdLineEdit->text().trimmed();
    // An ill-formed id would only earn a ValidationException; keep the previous lookup until it is fixed.
    next.sessionId = id.isEmpty() || WorkSpacesWebClient::isValidSessionId(id) ? id : m_applied.sessionId;
    if (next.status == m_applied.status && next.username == m_applied.username &&
        next.sessionId == m_applied.sessionId)
        return;
    m_applied = next;
    Q_EMIT filtersChanged();
}
