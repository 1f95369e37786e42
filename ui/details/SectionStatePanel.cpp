// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "details/SectionStatePanel.h"

#include "aws/AwsError.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

SectionStatePanel::SectionStatePanel(QWidget *parent)
    : QWidget(parent)
    , m_iconLabel(new QLabel(this))
    , m_textLabel(new QLabel(this))
    , m_busyProgressBar(new QProgressBar(this))
    , m_actionButton(new QPushButton(this))
{
    setAccessibleName(tr("Section state"));
    m_iconLabel->setObjectName(u"stateIconLabel"_s);
    m_iconLabel->setAccessibleName(tr("State icon"));
    m_textLabel->setObjectName(u"stateTextLabel"_s);
    m_textLabel->setAccessibleName(tr("State"));
    m_textLabel->setWordWrap(true);
    m_textLabel->setTextFormat(Qt::PlainText);
    m_textLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_busyProgressBar->setObjectName(u"stateBusyProgressBar"_s);
    m_busyProgressBar->setAccessibleName(tr("Loading"));
    m_busyProgressBar->setRange(0, 0);
    m_busyProgressBar->setTextVisible(false);
    m_busyProgressBar->setMaximumHeight(6);
    m_actionButton->setObjectName(u"stateActionPushButton"_s);
    m_actionButton->setAccessibleName(tr("Section action"));

    auto *row = new QHBoxLayout;
    row->addWidget(m_iconLabel, 0, Qt::AlignTop);
    row->addWidget(m_textLabel, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 2, 0, 2);
    layout->addLayout(row);
    layout->addWidget(m_busyProgressBar);
    layout->addWidget(m_actionButton, 0, Qt::AlignLeft);
    layout->addStretch(1);
    connect(m_actionButton, &QPushButton::clicked, this, &SectionStatePanel::actionTriggered);
    showState(Kind::Information, {});
}

void SectionStatePanel::showState(Kind kind, const QString &text, const QString &actionText)
{
    m_kind = kind;
    m_textLabel->setText(text);
    QString iconPath;
    switch (kind) {
    case Kind::Loading:
        break;
    case Kind::Information:
    case Kind::NotFound:
        iconPath = u":/icons/message-info.svg"_s;
        break;
    case Kind::AccessDenied:
        iconPath = u":/icons/message-warning.svg"_s;
        break;
    case Kind::Error:
        iconPath = u":/icons/message-error.svg"_s;
        break;
    }
    if (iconPath.isEmpty() || text.isEmpty()) {
        m_iconLabel->hide();
    } else {
        const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
        m_iconLabel->setPixmap(QIcon(iconPath).pixmap(size, size));
        m_iconLabel->show();
    }
    m_busyProgressBar->setVisible(kind == Kind::Loading);
    m_actionButton->setText(actionText);
    m_actionButton->setVisible(!actionText.isEmpty());
}

SectionStatePanel::Kind SectionStatePanel::showError(const AwsError &error, const QString &notFoundText,
                                                     const QString &notFoundActionText)
{
    switch (error.category()) {
    case AwsError::Category::NotFound:
        showState(Kind::NotFound, notFoundText, notFoundActionText);
        break;
    case AwsError::Category::AccessDenied:
        showState(Kind::AccessDenied, error.userMessage(), tr("Retry"));
        break;
    default:
        showState(Kind::Error, error.userMessage(), tr("Retry"));
        break;
    }
    return m_kind;
}

void SectionStatePanel::showNotConnected()
{
    showState(Kind::Error, tr("Not connected."));
}

QString SectionStatePanel::text() const
{
    return m_textLabel->text();
}

QString SectionStatePanel::actionText() const
{
    return m_actionButton->text();
}
