// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "connection/SsoSignInDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

SsoSignInDialog::SsoSignInDialog(const QString &profileName, const QString &startUrl, QWidget *parent)
    : QDialog(parent)
    , m_openUrl([](const QUrl &url) { return QDesktopServices::openUrl(url); })
    , m_introLabel(new QLabel(this))
    , m_codeLabel(new QLabel(this))
    , m_copyCodeButton(new QPushButton(QIcon(u":/icons/edit-copy.svg"_s), tr("Cop&y code"), this))
    , m_instructionsLabel(new QLabel(this))
    , m_openButton(new QPushButton(tr("&Open the sign-in page again"), this))
    , m_copyLinkButton(new QPushButton(tr("Copy &link"), this))
    , m_busyBar(new QProgressBar(this))
    , m_statusLabel(new QLabel(this))
    , m_cancelButton(new QPushButton(tr("&Cancel"), this))
{
    setObjectName(u"ssoSignInDialog"_s);
    setWindowTitle(tr("Sign in to IAM Identity Center"));
    setAccessibleName(tr("Sign in to IAM Identity Center"));
    setWindowModality(Qt::WindowModal);

    //: %1 the profile, %2 the AWS access portal URL
    m_introLabel->setText(
        startUrl.isEmpty()
            ? tr("Signing in profile “%1” to IAM Identity Center.").arg(profileName)
            : tr("Signing in profile “%1” to IAM Identity Center at %2.").arg(profileName, startUrl));
    m_introLabel->setObjectName(u"ssoIntroLabel"_s);
    m_introLabel->setTextFormat(Qt::PlainText);
    m_introLabel->setWordWrap(true);

    m_codeLabel->setObjectName(u"ssoUserCodeLabel"_s);
    m_codeLabel->setAccessibleName(tr("Code to confirm"));
    m_codeLabel->setTextFormat(Qt::PlainText);
    m_codeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_codeLabel->setAlignment(Qt::AlignCenter);
    QFont codeFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    codeFont.setPointSizeF(std::max(codeFont.pointSizeF(), 10.0) * 2.2);
    codeFont.setBold(true);
    m_codeLabel->setFont(codeFont);
    m_codeLabel->setMinimumHeight(QFontMetrics(codeFont).height() + 12);

    m_copyCodeButton->setObjectName(u"ssoCopyCodePushButton"_s);
    m_copyCodeButton->setAccessibleName(tr("Copy code"));
    m_instructionsLabel->setObjectName(u"ssoInstructionsLabel"_s);
    m_instructionsLabel->setTextFormat(Qt::PlainText);
    m_instructionsLabel->setWordWrap(true);
    m_instructionsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_openButton->setObjectName(u"ssoOpenPagePushButton"_s);
    m_openButton->setAccessibleName(tr("Open the sign-in page again"));
    m_copyLinkButton->setObjectName(u"ssoCopyLinkPushButton"_s);
    m_copyLinkButton->setAccessibleName(tr("Copy link"));
    m_busyBar->setObjectName(u"ssoBusyProgressBar"_s);
    m_busyBar->setAccessibleName(tr("Waiting"));
    m_busyBar->setRange(0, 0);
    m_busyBar->setTextVisible(false);
    m_busyBar->setMaximumHeight(10);
    m_statusLabel->setObjectName(u"ssoStatusLabel"_s);
    m_statusLabel->setAccessibleName(tr("Sign-in status"));
    m_statusLabel->setTextFormat(Qt::PlainText);
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_cancelButton->setObjectName(u"ssoCancelPushButton"_s);
    m_cancelButton->setAccessibleName(tr("Cancel"));
    m_cancelButton->setAutoDefault(false);

    auto *codeRow = new QHBoxLayout;
    codeRow->addWidget(m_codeLabel, 1);
    codeRow->addWidget(m_copyCodeButton, 0, Qt::AlignVCenter);
    auto *linkRow = new QHBoxLayout;
    linkRow->addWidget(m_openButton);
    linkRow->addWidget(m_copyLinkButton);
    linkRow->addStretch(1);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_cancelButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_introLabel);
    layout->addLayout(codeRow);
    layout->addWidget(m_instructionsLabel);
    layout->addLayout(linkRow);
    layout->addWidget(m_busyBar);
    layout->addWidget(m_statusLabel);
    layout->addStretch(1);
    layout->addLayout(buttons);

    connect(m_copyCodeButton, &QPushButton::clicked, this, &SsoSignInDialog::copyUserCode);
    connect(m_openButton, &QPushButton::clicked, this, &SsoSignInDialog::openVerificationPage);
    connect(m_copyLinkButton, &QPushButton::clicked, this, &SsoSignInDialog::copyLink);
    connect(m_cancelButton, &QPushButton::clicked, this, &SsoSignInDialog::reject);

    m_codeLabel->setText(u"…"_s);
    m_copyCodeButton->setEnabled(false);
    m_openButton->setEnabled(false);
    m_copyLinkButton->setEnabled(false);
    m_instructionsLabel->hide();
    m_statusLabel->setText(tr("Asking IAM Identity Center for a sign-in code…"));
    setWaiting(true);
    setMinimumWidth(520);
    adjustSize();
}

void SsoSignInDialog::setUrlOpener(UrlOpener opener)
{
    m_openUrl = std::move(opener);
}

QString SsoSignInDialog::statusText() const
{
    return m_statusLabel->text();
}

bool SsoSignInDialog::isWaiting() const
{
    return m_running;
}

void SsoSignInDialog::showVerification(const QUrl &verificationUriComplete, const QString &userCode,
                                       const QUrl &verificationUri, const QDateTime &expiresAt)
{
    m_userCode = userCode;
    m_verificationUriComplete = verificationUriComplete.isValid() ? verificationUriComplete : verificationUri;
    m_verificationUri = verificationUri.isValid() ? verificationUri : verificationUriComplete;
    m_codeLabel->setText(userCode);
    m_codeLabel->setAccessibleDescription(userCode);
    m_copyCodeButton->setEnabled(!userCode.isEmpty());
    m_openButton->setEnabled(m_verificationUriComplete.isValid());
    m_copyLinkButton->setEnabled(m_verificationUriComplete.isValid());
    //: %1 the verification page (without the code), e.g. https://device.sso.us-east-1.amazonaws.com/
    m_instructionsLabel->setText(
        tr("Your browser shows the sign-in page. Check that it shows this code, sign in and allow access. "
           "If no page opened, go to %1 and enter the code.")
            .arg(m_verificationUri.toDisplayString()));
    m_instructionsLabel->show();
    const QString until = expiresAt.isValid()
                              ? QLocale().toString(expiresAt.toLocalTime().time(), QLocale::ShortFormat)
                              : QString();
    m_statusLabel->setText(until.isEmpty()
                               ? tr("Waiting for you to allow access in the browser…")
                               : tr("Waiting for you to allow access in the browser (the code works until "
                                    "%1)…")
                                     .arg(until));
    setWaiting(true);
    fitHeight();
    if (m_verificationUriComplete.isValid())
        openVerificationPage();
}

void SsoSignInDialog::showFinished(const AwsResult<QDateTime> &signedInUntil)
{
    if (!m_running) // cancelled: the login's answer to cancel() changes nothing
        return;
    m_running = false;
    setWaiting(false);
    if (signedInUntil.ok()) {
        m_statusLabel->setText(tr("Signed in."));
        Q_EMIT signedIn(signedInUntil.value());
        accept();
        return;
    }
    const AwsError &error = signedInUntil.error();
    if (error.category() == AwsError::Category::Cancelled) {
        QDialog::reject();
        return;
    }
    m_statusLabel->setText(tr("Not signed in: %1").arg(error.userMessage()));
    m_openButton->setEnabled(false);
    m_copyLinkButton->setEnabled(false);
    m_copyCodeButton->setEnabled(false);
    m_cancelButton->setText(tr("&Close"));
    m_cancelButton->setAccessibleName(tr("Close"));
    fitHeight();
}

void SsoSignInDialog::openVerificationPage()
{
    if (!m_verificationUriComplete.isValid())
        return;
    if (m_openUrl && !m_openUrl(m_verificationUriComplete)) {
        m_statusLabel->setText(tr("The browser could not be opened. Copy the link and open it yourself, "
                                  "or go to %1 and enter the code.")
                                   .arg(m_verificationUri.toDisplayString()));
        // The longer sentence wraps to more lines: grow instead of squeezing the instructions.
        fitHeight();
    }
}

void SsoSignInDialog::copyUserCode()
{
    if (!m_userCode.isEmpty())
        QApplication::clipboard()->setText(m_userCode);
}

void SsoSignInDialog::copyLink()
{
    if (m_verificationUriComplete.isValid())
        QApplication::clipboard()->setText(m_verificationUriComplete.toString());
}

void SsoSignInDialog::reject()
{
    if (m_running) {
        m_running = false;
        setWaiting(false);
        // The login answers with finished(Cancelled), which lands in showFinished() after we are gone or
        // closed: nothing waits for it here.
        Q_EMIT cancelRequested();
    }
    QDialog::reject();
}

void SsoSignInDialog::fitHeight()
{
    // Wrapped labels need more height at the dialog's width than when it first took its size.
    QLayout *l = layout();
    const int needed = l->hasHeightForWidth() ? l->totalHeightForWidth(width()) : l->totalSizeHint().height();
    resize(width(), std::max(height(), needed));
}

void SsoSignInDialog::setWaiting(bool waiting)
{
    m_busyBar->setVisible(waiting);
}
