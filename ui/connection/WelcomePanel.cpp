// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "connection/WelcomePanel.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

WelcomePanel::WelcomePanel(QWidget *parent)
    : QWidget(parent)
    , m_messageLabel(new QLabel(this))
    , m_demoButton(new QPushButton(QIcon(u":/icons/demo-data.svg"_s), tr("Try the &demo"), this))
    , m_connectButton(new QPushButton(QIcon(u":/icons/connection.svg"_s), tr("Set up a &connection…"), this))
{
    setObjectName(u"welcomePanelWidget"_s);
    setAccessibleName(tr("Welcome"));
    auto *logo = new QLabel(this);
    logo->setObjectName(u"welcomeLogoLabel"_s);
    logo->setAccessibleName(tr("SessionScope logo"));
    logo->setPixmap(QIcon(u":/icons/sessionscope.svg"_s).pixmap(64, 64));
    logo->setAlignment(Qt::AlignCenter);
    auto *title = new QLabel(tr("<h2>SessionScope</h2>"), this);
    title->setObjectName(u"welcomeTitleLabel"_s);
    title->setAccessibleName(tr("SessionScope"));
    title->setAlignment(Qt::AlignCenter);
    m_messageLabel->setObjectName(u"welcomeMessageLabel"_s);
    m_messageLabel->setAccessibleName(tr("Welcome message"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setAlignment(Qt::AlignCenter);
    m_messageLabel->setTextFormat(Qt::PlainText);
    m_messageLabel->setMaximumWidth(560);
    m_messageLabel->setText(tr("Browse the sessions of your Amazon WorkSpaces Secure Browser portals and the "
                               "sharing settings of Amazon Q Apps sessions. Connect with an AWS profile, or "
                               "look around on built-in demo data first."));
    m_demoButton->setObjectName(u"welcomeDemoPushButton"_s);
    m_demoButton->setAccessibleName(tr("Try the demo"));
    m_connectButton->setObjectName(u"welcomeConnectPushButton"_s);
    m_connectButton->setAccessibleName(tr("Set up a connection"));

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_demoButton);
    buttons->addWidget(m_connectButton);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(logo);
    layout->addWidget(title);
    layout->addWidget(m_messageLabel, 0, Qt::AlignHCenter);
    layout->addSpacing(12);
    layout->addLayout(buttons);
    layout->addStretch(2);

    connect(m_demoButton, &QPushButton::clicked, this, &WelcomePanel::demoRequested);
    connect(m_connectButton, &QPushButton::clicked, this, &WelcomePanel::connectionDialogRequested);
}

void WelcomePanel::setMessage(const QString &text)
{
    m_messageLabel->setText(text);
}
