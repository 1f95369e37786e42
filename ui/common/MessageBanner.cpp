// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/MessageBanner.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace {

QColor blend(const QColor &base, const QColor &tint, double amount)
{
    return QColor::fromRgbF(static_cast<float>(base.redF() * (1 - amount) + tint.redF() * amount),
                            static_cast<float>(base.greenF() * (1 - amount) + tint.greenF() * amount),
                            static_cast<float>(base.blueF() * (1 - amount) + tint.blueF() * amount));
}

} // namespace

MessageBanner::MessageBanner(QWidget *parent)
    : QFrame(parent)
    , m_iconLabel(new QLabel(this))
    , m_textLabel(new QLabel(this))
    , m_actionButton(new QPushButton(this))
    , m_closeButton(new QToolButton(this))
{
    setObjectName(u"messageBannerFrame"_s);
    setAccessibleName(tr("Message"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);

    m_iconLabel->setObjectName(u"bannerIconLabel"_s);
    m_iconLabel->setAccessibleName(tr("Message severity"));
    m_textLabel->setObjectName(u"bannerTextLabel"_s);
    m_textLabel->setAccessibleName(tr("Message text"));
    m_textLabel->setWordWrap(true);
    m_textLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_textLabel->setTextFormat(Qt::PlainText);
    m_actionButton->setObjectName(u"bannerActionPushButton"_s);
    m_actionButton->setAccessibleName(tr("Message action"));
    m_closeButton->setObjectName(u"bannerCloseToolButton"_s);
    m_closeButton->setAccessibleName(tr("Dismiss message"));
    m_closeButton->setToolTip(tr("Dismiss"));
    m_closeButton->setAutoRaise(true);
    m_closeButton->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_iconLabel, 0, Qt::AlignTop);
    layout->addWidget(m_textLabel, 1);
    layout->addWidget(m_actionButton, 0, Qt::AlignVCenter);
    layout->addWidget(m_closeButton, 0, Qt::AlignTop);

    connect(m_actionButton, &QPushButton::clicked, this, &MessageBanner::actionTriggered);
    connect(m_closeButton, &QToolButton::clicked, this, [this] {
        clear();
        Q_EMIT dismissed();
    });
    hide();
}

void MessageBanner::showMessage(Severity severity, const QString &text, const QString &actionText)
{
    m_severity = severity;
    m_textLabel->setText(text);
    QString iconPath;
    QString severityText;
    switch (severity) {
    case Severity::Information:
        iconPath = u":/icons/message-info.svg"_s;
        severityText = tr("Information");
        break;
    case Severity::Warning:
        iconPath = u":/icons/message-warning.svg"_s;
        severityText = tr("Warning");
        break;
    case Severity::Error:
        iconPath = u":/icons/message-error.svg"_s;
        severityText = tr("Error");
        break;
    }
    // The tint and the icon's shape are for the eye; the word is for screen readers and tooltips.
    m_iconLabel->setAccessibleName(severityText);
    m_iconLabel->setToolTip(severityText);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_iconLabel->setPixmap(QIcon(iconPath).pixmap(size, size));
    m_actionButton->setText(actionText);
    m_actionButton->setVisible(!actionText.isEmpty());
    applyPalette();
    show();
}

void MessageBanner::clear()
{
    m_textLabel->clear();
    m_actionButton->setText({});
    hide();
}

QString MessageBanner::text() const
{
    return m_textLabel->text();
}

QString MessageBanner::actionText() const
{
    return m_actionButton->text();
}

void MessageBanner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        applyPalette();
}

void MessageBanner::applyPalette()
{
    // A tint of the window colour keeps the text colour (and so contrast) of the current theme.
    QColor tint;
    switch (m_severity) {
    case Severity::Information:
        tint = QColor(0x2f, 0x6f, 0xc1);
        break;
    case Severity::Warning:
        tint = QColor(0xd9, 0x9a, 0x0b);
        break;
    case Severity::Error:
        tint = QColor(0xc4, 0x37, 0x2f);
        break;
    }
    QPalette pal = parentWidget() ? parentWidget()->palette() : palette();
    pal.setColor(QPalette::Window, blend(pal.color(QPalette::Window), tint, 0.18));
    // Setting the palette triggers PaletteChange again; only do it when the colour really changed.
    if (palette().color(QPalette::Window) != pal.color(QPalette::Window)) {
        const QSignalBlocker blocker(this);
        setPalette(pal);
    }
}
