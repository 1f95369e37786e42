// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "details/QAppSharingSection.h"

#include "common/CopyableValue.h"
#include "common/ServiceGateway.h"
#include "details/SectionStatePanel.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

/// Shows a switch as an icon plus words, so it never depends on colour alone.
void showSwitch(CopyableValue *value, std::optional<bool> on, const QString &onText, const QString &offText)
{
    if (!on.has_value()) {
        value->setValue(QAppSharingSection::tr("Not set"), QAppSharingSection::tr("not set"));
        value->setIcon(QIcon(u":/icons/state-unset.svg"_s));
        return;
    }
    value->setValue(*on ? onText : offText, *on ? u"true"_s : u"false"_s);
    value->setIcon(QIcon(*on ? u":/icons/state-on.svg"_s : u":/icons/state-off.svg"_s));
}

} // namespace

QAppSharingSection::QAppSharingSection(QWidget *parent)
    : QGroupBox(tr("Q App sharing"), parent)
    , m_lookupLineEdit(new QLineEdit(this))
    , m_lookupButton(new QPushButton(tr("&Look up"), this))
    , m_subjectLabel(new QLabel(this))
    , m_statePanel(new SectionStatePanel(this))
    , m_contentWidget(new QWidget(this))
    , m_nameValue(new CopyableValue(tr("Q App session name"), m_contentWidget))
    , m_arnValue(new CopyableValue(tr("Q App session ARN"), m_contentWidget))
    , m_sharingValue(new CopyableValue(tr("Sharing"), m_contentWidget))
    , m_acceptResponsesValue(new CopyableValue(tr("Accepts responses"), m_contentWidget))
    , m_revealCardsValue(new CopyableValue(tr("Reveals cards"), m_contentWidget))
    , m_ownerValue(new CopyableValue(tr("Owned by you"), m_contentWidget))
{
    setObjectName(u"qAppSharingGroupBox"_s);
    setAccessibleName(tr("Q App sharing"));
    m_lookupLineEdit->setObjectName(u"qAppSessionIdLineEdit"_s);
    m_lookupLineEdit->setAccessibleName(tr("Q App session ID to look up"));
    m_lookupLineEdit->setPlaceholderText(tr("Any Q App session ID"));
    m_lookupLineEdit->setClearButtonEnabled(true);
    m_lookupButton->setObjectName(u"qAppLookupPushButton"_s);
    m_lookupButton->setAccessibleName(tr("Look up Q App session"));
    m_subjectLabel->setObjectName(u"qAppSubjectLabel"_s);
    m_subjectLabel->setAccessibleName(tr("Q App session shown"));
    m_subjectLabel->setWordWrap(true);
    m_subjectLabel->setTextFormat(Qt::PlainText);
    m_subjectLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_statePanel->setObjectName(u"qAppStatePanel"_s);
    m_contentWidget->setObjectName(u"qAppContentWidget"_s);
    m_nameValue->setObjectName(u"qAppNameCopyableValue"_s);
    m_arnValue->setObjectName(u"qAppArnCopyableValue"_s);
    m_sharingValue->setObjectName(u"qAppSharingCopyableValue"_s);
    m_acceptResponsesValue->setObjectName(u"qAppAcceptResponsesCopyableValue"_s);
    m_revealCardsValue->setObjectName(u"qAppRevealCardsCopyableValue"_s);
    m_ownerValue->setObjectName(u"qAppOwnerCopyableValue"_s);

    auto *form = new QFormLayout(m_contentWidget);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("Session name:"), m_nameValue);
    form->addRow(tr("Session ARN:"), m_arnValue);
    form->addRow(tr("Sharing:"), m_sharingValue);
    form->addRow(tr("Accepts responses:"), m_acceptResponsesValue);
    form->addRow(tr("Reveals cards:"), m_revealCardsValue);
    form->addRow(tr("Owned by you:"), m_ownerValue);

    auto *lookupRow = new QHBoxLayout;
    lookupRow->addWidget(m_lookupLineEdit, 1);
    lookupRow->addWidget(m_lookupButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(lookupRow);
    layout->addWidget(m_subjectLabel);
    // Shown one at a time; a plain layout (unlike a stacked widget) lets wrapped values take their height.
    layout->addWidget(m_statePanel);
    layout->addWidget(m_contentWidget);

    connect(m_lookupButton, &QPushButton::clicked, this, &QAppSharingSection::lookUpTypedId);
    connect(m_lookupLineEdit, &QLineEdit::returnPressed, this, &QAppSharingSection::lookUpTypedId);
    connect(m_statePanel, &SectionStatePanel::actionTriggered, this, [this] {
        if (m_state == State::NotConfigured || m_state == State::NotFound)
            Q_EMIT configureInstanceRequested();
        else
            request();
    });
    clear();
}

void QAppSharingSection::setGateway(ServiceGateway *gateway)
{
    m_gateway = gateway;
    clear();
}

void QAppSharingSection::setInstanceId(const QString &instanceId)
{
    if (instanceId == m_instanceId)
        return;
    m_instanceId = instanceId;
    if (!m_sessionId.isEmpty())
        request();
    else if (m_state == State::NotConfigured)
        clear();
}

void QAppSharingSection::load(const QString &sessionId)
{
    m_sessionId = sessionId;
    if (sessionId.isEmpty()) {
        clear();
        return;
    }
    request();
}

void QAppSharingSection::clear()
{
    m_call.cancel();
    ++m_serial;
    m_sessionId.clear();
    m_metadata = {};
    m_subjectLabel->clear();
    m_subjectLabel->hide();
    showState(State::Empty);
}

void QAppSharingSection::lookUpTypedId()
{
    const QString id = m_lookupLineEdit->text().trimmed();
    if (!id.isEmpty())
        load(id);
}

void QAppSharingSection::request()
{
    m_call.cancel();
    const quint64 serial = ++m_serial;
    m_metadata = {};
    m_subjectLabel->setText(tr("Q App session %1").arg(m_sessionId));
    m_subjectLabel->show();
    if (m_instanceId.isEmpty()) {
        showState(State::NotConfigured);
        return;
    }
    if (!m_gateway) {
        m_statePanel->showNotConnected();
        m_state = State::Failed;
        showPage(m_statePanel);
        return;
    }
    if (!m_gateway->isValidQAppSessionId(m_sessionId)) {
        showState(State::InvalidId);
        return;
    }
    showState(State::Loading);
    m_call = m_gateway->getQAppSessionMetadata(m_instanceId, m_sessionId, this,
                                               [this, serial](const AwsResult<QAppSessionMetadata> &result) {
                                                   if (serial != m_serial)
                                                       return; // an answer for an id no longer shown
                                                   m_call = {};
                                                   if (!result.ok()) {
                                                       showError(result.error());
                                                       return;
                                                   }
                                                   m_metadata = result.value();
                                                   showMetadata();
                                               });
}

void QAppSharingSection::showState(State state)
{
    m_state = state;
    switch (state) {
    case State::Empty:
        m_statePanel->showState(SectionStatePanel::Kind::Information,
                                tr("Select a session, or type a Q App session ID above."));
        break;
    case State::NotConfigured:
        m_statePanel->showState(SectionStatePanel::Kind::Information,
                                tr("Not configured: reading Q App sharing settings needs the ID of your "
                                   "Amazon Q Business instance."),
                                tr("Set i&nstance ID…"));
        break;
    case State::InvalidId:
        m_statePanel->showState(SectionStatePanel::Kind::NotFound,
                                tr("No Q App session can have this ID: Q App session IDs are lower-case "
                                   "UUIDs."));
        break;
    case State::Loading:
        m_statePanel->showState(SectionStatePanel::Kind::Loading, tr("Loading the Q App session…"));
        break;
    case State::Loaded:
    case State::NotFound:
    case State::AccessDenied:
    case State::Failed:
        // Shown by showMetadata() and showError(), which have the details.
        return;
    }
    showPage(m_statePanel);
}

void QAppSharingSection::showMetadata()
{
    m_state = State::Loaded;
    const QAppSessionMetadata &m = m_metadata;
    m_nameValue->setValue(m.sessionName.isEmpty() ? tr("(no name)") : m.sessionName, m.sessionName);
    m_arnValue->setValue(m.sessionArn);
    const QAppSharingConfiguration &c = m.sharingConfiguration;
    showSwitch(m_sharingValue, c.enabled, tr("On: the session is shared"), tr("Off: not shared"));
    showSwitch(m_acceptResponsesValue, c.acceptResponses, tr("On: accepts responses"),
               tr("Off: does not accept responses"));
    showSwitch(m_revealCardsValue, c.revealCards, tr("On: reveals cards"), tr("Off: does not reveal cards"));
    if (m.sessionOwner.has_value()) {
        m_ownerValue->setValue(*m.sessionOwner ? tr("Yes, you own this session")
                                               : tr("No, another user owns this session"),
                               *m.sessionOwner ? u"true"_s : u"false"_s);
        m_ownerValue->setIcon(
            QIcon(*m.sessionOwner ? u":/icons/state-on.svg"_s : u":/icons/state-off.svg"_s));
    } else {
        m_ownerValue->setValue(tr("Not reported"));
        m_ownerValue->setIcon(QIcon(u":/icons/state-unset.svg"_s));
    }
    showPage(m_contentWidget);
}

void QAppSharingSection::showError(const AwsError &error)
{
    // Asking again gives the same 404; what the user can change is the instance asked.
    const QString notFound =
        tr("No Q App session with this ID in Amazon Q Business instance %1.").arg(m_instanceId);
    m_state = SectionStatePanel::stateFor<State>(
        m_statePanel->showError(error, notFound, tr("Change i&nstance ID…")));
    showPage(m_statePanel);
}

void QAppSharingSection::showPage(QWidget *page)
{
    m_statePanel->setVisible(page == m_statePanel);
    m_contentWidget->setVisible(page == m_contentWidget);
}
