// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessions/ExpireSessionsDialog.h"

#include "common/DisplayFormat.h"
#include "common/ServiceGateway.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
enum Column {
    SessionIdColumn,
    UsernameColumn,
    StartColumn,
    ResultColumn,
};
} // namespace

ExpireSessionsDialog::ExpireSessionsDialog(ServiceGateway *gateway, const QString &portalId,
                                           const QList<SessionSummary> &sessions, QWidget *parent)
    : QDialog(parent)
    , m_gateway(gateway)
    , m_portalId(portalId)
    , m_sessions(sessions)
    , m_questionLabel(new QLabel(this))
    , m_sessionTreeWidget(new QTreeWidget(this))
    , m_buttonBox(new QDialogButtonBox(this))
{
    setObjectName(u"expireSessionsDialog"_s);
    setAccessibleName(tr("Expire sessions"));
    setWindowTitle(tr("Expire sessions"));
    setWindowModality(Qt::WindowModal);

    m_questionLabel->setObjectName(u"expireQuestionLabel"_s);
    m_questionLabel->setAccessibleName(tr("Question"));
    m_questionLabel->setWordWrap(true);
    m_questionLabel->setText(tr("Expire %n active session(s)? Their users are disconnected at once. This "
                                "cannot be undone.",
                                nullptr, static_cast<int>(sessions.size())));

    m_sessionTreeWidget->setObjectName(u"expireSessionsTreeWidget"_s);
    m_sessionTreeWidget->setAccessibleName(tr("Sessions to expire"));
    m_sessionTreeWidget->setRootIsDecorated(false);
    m_sessionTreeWidget->setUniformRowHeights(true);
    m_sessionTreeWidget->setSelectionMode(QAbstractItemView::NoSelection);
    m_sessionTreeWidget->setHeaderLabels({tr("Session ID"), tr("Username"), tr("Start time"), tr("Result")});
    for (const SessionSummary &s : std::as_const(m_sessions)) {
        auto *item = new QTreeWidgetItem(m_sessionTreeWidget);
        item->setText(SessionIdColumn, s.sessionId);
        item->setText(UsernameColumn, s.username);
        item->setText(StartColumn, DisplayFormat::time(s.startTime, false));
        item->setToolTip(StartColumn, DisplayFormat::isoTime(s.startTime));
        item->setText(ResultColumn, tr("Not started"));
    }
    m_sessionTreeWidget->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_sessionTreeWidget->header()->setStretchLastSection(true);

    m_confirmButton =
        m_buttonBox->addButton(tr("&Expire %n session(s)", nullptr, static_cast<int>(sessions.size())),
                               QDialogButtonBox::AcceptRole);
    m_confirmButton->setObjectName(u"expireConfirmPushButton"_s);
    m_confirmButton->setAccessibleName(tr("Expire the listed sessions"));
    m_confirmButton->setIcon(QIcon(u":/icons/session-expire.svg"_s));
    m_cancelButton = m_buttonBox->addButton(QDialogButtonBox::Cancel);
    m_cancelButton->setObjectName(u"expireCancelPushButton"_s);
    m_cancelButton->setAccessibleName(tr("Cancel"));
    // Cancel is the safe default for a destructive question.
    m_cancelButton->setDefault(true);
    m_cancelButton->setFocus();
    m_buttonBox->setObjectName(u"expireButtonBox"_s);
    connect(m_confirmButton, &QPushButton::clicked, this, &ExpireSessionsDialog::startExpiring);
    connect(m_cancelButton, &QPushButton::clicked, this, &ExpireSessionsDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_questionLabel);
    layout->addWidget(m_sessionTreeWidget, 1);
    layout->addWidget(m_buttonBox);
    resize(720, 360);
}

QString ExpireSessionsDialog::resultText(const QString &sessionId) const
{
    for (int i = 0; i < m_sessionTreeWidget->topLevelItemCount(); ++i) {
        if (m_sessionTreeWidget->topLevelItem(i)->text(SessionIdColumn) == sessionId)
            return m_sessionTreeWidget->topLevelItem(i)->text(ResultColumn);
    }
    return {};
}

void ExpireSessionsDialog::startExpiring()
{
    if (m_phase != Phase::Confirming)
        return;
    m_phase = Phase::Running;
    m_confirmButton->setEnabled(false);
    m_cancelButton->setText(tr("Stop"));
    m_cancelButton->setToolTip(tr("Expire no further sessions; requests already sent still finish"));
    m_questionLabel->setText(tr("Expiring sessions…"));
    for (int i = 0; i < m_sessionTreeWidget->topLevelItemCount(); ++i)
        m_sessionTreeWidget->topLevelItem(i)->setText(ResultColumn, tr("Waiting"));
    for (int i = 0; i < maxInFlight; ++i)
        startNext();
}

void ExpireSessionsDialog::startNext()
{
    if (m_phase != Phase::Running)
        return;
    if (m_next >= m_sessions.size() || !m_gateway) {
        if (m_inFlight == 0) {
            m_phase = Phase::Done;
            m_questionLabel->setText(m_failed == 0
                                         ? tr("%n session(s) expired.", nullptr, m_expired)
                                         : tr("%1 expired, %2 not expired: see each session's result.")
                                               .arg(tr("%n session(s)", nullptr, m_expired))
                                               .arg(m_failed));
            // Sessions never started (stopped, or no connection) keep "Not expired".
            for (int i = 0; i < m_sessionTreeWidget->topLevelItemCount(); ++i) {
                QTreeWidgetItem *item = m_sessionTreeWidget->topLevelItem(i);
                if (item->text(ResultColumn) == tr("Waiting"))
                    item->setText(ResultColumn, tr("Not expired (stopped)"));
            }
            m_confirmButton->hide();
            m_cancelButton->setEnabled(true);
            m_cancelButton->setText(tr("Close"));
            m_cancelButton->setToolTip({});
            Q_EMIT allFinished();
        }
        return;
    }
    const int row = m_next++;
    ++m_inFlight;
    QTreeWidgetItem *item = m_sessionTreeWidget->topLevelItem(row);
    item->setText(ResultColumn, tr("Expiring…"));
    m_calls.append(m_gateway->expireSession(
        m_portalId, m_sessions.at(row).sessionId, this,
        [this, row](const AwsResult<std::monostate> &result) { finishOne(row, result); }));
}

void ExpireSessionsDialog::finishOne(int row, const AwsResult<std::monostate> &result)
{
    --m_inFlight;
    QTreeWidgetItem *item = m_sessionTreeWidget->topLevelItem(row);
    const QString id = m_sessions.at(row).sessionId;
    if (result.ok()) {
        ++m_expired;
        item->setText(ResultColumn, tr("Expired"));
        item->setIcon(ResultColumn, QIcon(u":/icons/state-on.svg"_s));
        Q_EMIT sessionExpired(id);
    } else {
        ++m_failed;
        item->setText(ResultColumn, tr("Not expired: %1").arg(result.error().userMessage()));
        item->setToolTip(ResultColumn, result.error().userMessage());
        item->setIcon(ResultColumn, QIcon(u":/icons/state-off.svg"_s));
    }
    startNext();
}

void ExpireSessionsDialog::reject()
{
    if (m_phase == Phase::Running) {
        // Stop: send no more requests, let the ones in flight report their result.
        m_next = static_cast<int>(m_sessions.size());
        m_cancelButton->setEnabled(m_inFlight == 0);
        startNext();
        if (m_phase == Phase::Done)
            m_cancelButton->setEnabled(true);
        return;
    }
    QDialog::reject();
}
