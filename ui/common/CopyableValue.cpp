// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/CopyableValue.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

using namespace Qt::StringLiterals;

CopyableValue::CopyableValue(const QString &name, QWidget *parent)
    : QWidget(parent)
    , m_iconLabel(new QLabel(this))
    , m_label(new QLabel(this))
    , m_copyButton(new QToolButton(this))
{
    setAccessibleName(name);
    m_iconLabel->setObjectName(u"valueIconLabel"_s);
    m_iconLabel->setAccessibleName(tr("%1 indicator").arg(name));
    m_iconLabel->hide();
    m_label->setObjectName(u"valueLabel"_s);
    m_label->setAccessibleName(name);
    m_label->setTextFormat(Qt::PlainText);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_label->setWordWrap(true);
    m_label->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    // The label's own context menu offers "Copy" of the selection only; ours copies the whole value.
    m_label->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *copyAction = new QAction(QIcon(u":/icons/edit-copy.svg"_s), tr("Copy %1").arg(name), m_label);
    copyAction->setObjectName(u"copyValueAction"_s);
    connect(copyAction, &QAction::triggered, this, &CopyableValue::copyToClipboard);
    m_label->addAction(copyAction);

    m_copyButton->setObjectName(u"copyValueToolButton"_s);
    m_copyButton->setAccessibleName(tr("Copy %1").arg(name));
    m_copyButton->setToolTip(tr("Copy %1").arg(name));
    m_copyButton->setIcon(QIcon(u":/icons/edit-copy.svg"_s));
    m_copyButton->setAutoRaise(true);
    m_copyButton->setFocusPolicy(Qt::TabFocus);
    connect(m_copyButton, &QToolButton::clicked, this, &CopyableValue::copyToClipboard);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_iconLabel, 0, Qt::AlignTop);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_copyButton, 0, Qt::AlignTop);
    clear();
}

void CopyableValue::setValue(const QString &text, const QString &copyText, const QString &toolTip)
{
    m_label->setText(text);
    m_copyText = copyText.isEmpty() ? text : copyText;
    m_label->setToolTip(toolTip);
    m_copyButton->setEnabled(!m_copyText.isEmpty());
    // Tab stops at the button, not at the label: a screen reader says what it would copy.
    m_copyButton->setAccessibleDescription(text);
}

void CopyableValue::setIcon(const QIcon &icon)
{
    if (icon.isNull()) {
        m_iconLabel->hide();
        return;
    }
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_iconLabel->setPixmap(icon.pixmap(size, size));
    m_iconLabel->show();
}

void CopyableValue::clear()
{
    m_label->clear();
    m_label->setToolTip({});
    m_copyText.clear();
    m_copyButton->setEnabled(false);
    m_copyButton->setAccessibleDescription({});
    m_iconLabel->hide();
}

QString CopyableValue::text() const
{
    return m_label->text();
}

void CopyableValue::copyToClipboard() const
{
    if (m_copyText.isEmpty())
        return;
    QApplication::clipboard()->setText(m_copyText);
}
