// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/QAppSessionMetadata.h"
#include "aws/AwsError.h"
#include "aws/transport/CallHandle.h"

#include <QGroupBox>
#include <QPointer>

class CopyableValue;
class SectionStatePanel;
class ServiceGateway;
class QLabel;
class QLineEdit;
class QPushButton;

/// The "Q App sharing" part of the detail pane: the Amazon Q Apps session with the same id as the selected
/// browser session (or any id looked up directly) and its sharing configuration, each switch shown with an
/// icon and words. Every state says what it is: loading, not configured, not found, access denied, failed.
class QAppSharingSection : public QGroupBox
{
    Q_OBJECT

public:
    enum class State {
        Empty,
        NotConfigured,
        InvalidId,
        Loading,
        Loaded,
        NotFound,
        AccessDenied,
        Failed,
    };

    explicit QAppSharingSection(QWidget *parent = nullptr);

    void setGateway(ServiceGateway *gateway);
    /// The Amazon Q Business instance the Q Apps sessions belong to; empty when not configured.
    void setInstanceId(const QString &instanceId);
    QString instanceId() const { return m_instanceId; }

    /// Looks up the Q App session `sessionId` (the selected session's id, or one typed in); empty clears.
    void load(const QString &sessionId);
    void clear();
    /// The field for looking up any Q App session by id (the window's "Look up a Q App session" goes there).
    QLineEdit *lookupLineEdit() const { return m_lookupLineEdit; }

    State state() const { return m_state; }
    QString sessionId() const { return m_sessionId; }
    const QAppSessionMetadata &metadata() const { return m_metadata; }

Q_SIGNALS:
    /// The user asked to set the Q Business instance id.
    void configureInstanceRequested();

private:
    void request();
    void showPage(QWidget *page);
    void showState(State state);
    void showMetadata();
    void showError(const AwsError &error);
    void lookUpTypedId();

    QPointer<ServiceGateway> m_gateway;
    QString m_instanceId;
    QString m_sessionId;
    quint64 m_serial = 0;
    CallHandle m_call;
    State m_state = State::Empty;
    QAppSessionMetadata m_metadata;

    QLineEdit *m_lookupLineEdit;
    QPushButton *m_lookupButton;
    QLabel *m_subjectLabel;
    SectionStatePanel *m_statePanel;
    QWidget *m_contentWidget;
    CopyableValue *m_nameValue;
    CopyableValue *m_arnValue;
    CopyableValue *m_sharingValue;
    CopyableValue *m_acceptResponsesValue;
    CopyableValue *m_revealCardsValue;
    CopyableValue *m_ownerValue;
};
