// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsResult.h"

#include <QDateTime>
#include <QDialog>
#include <QUrl>

#include <functional>

class QLabel;
class QProgressBar;
class QPushButton;

/// The IAM Identity Center sign-in as the person sees it, driven by a device login (SsoDeviceLogin, see
/// SsoSignIn): while the login starts, a busy indicator; then the user code, large and copyable, and the
/// verification page opened in the browser (with buttons to open it again or copy the link) while the
/// login waits for the approval; on success the dialog closes; on failure it says why and stays open.
/// Cancel works in every phase and asks the login to stop (cancelRequested()).
class SsoSignInDialog : public QDialog
{
    Q_OBJECT

public:
    /// Opens a URL in the browser; QDesktopServices::openUrl unless replaced (tests).
    using UrlOpener = std::function<bool(const QUrl &url)>;

    /// `profileName`: the profile being signed in; `startUrl`: the access portal, shown to say where.
    SsoSignInDialog(const QString &profileName, const QString &startUrl, QWidget *parent = nullptr);

    void setUrlOpener(UrlOpener opener);

    QString userCode() const { return m_userCode; }
    QUrl verificationUrl() const { return m_verificationUriComplete; }
    /// The sentence the dialog currently shows under the code (waiting, failed, ...).
    QString statusText() const;
    bool isWaiting() const;

public Q_SLOTS:
    /// The login has a code: shows it and opens `verificationUriComplete` in the browser.
    void showVerification(const QUrl &verificationUriComplete, const QString &userCode,
                          const QUrl &verificationUri, const QDateTime &expiresAt);
    /// The login ended: closes (accepted) on success, otherwise shows the error; a Cancelled error
    /// closes it (rejected).
    void showFinished(const AwsResult<QDateTime> &signedInUntil);

    void openVerificationPage();
    void copyUserCode();
    void copyLink();

Q_SIGNALS:
    /// Cancel was chosen (or the dialog closed) while the login was running.
    void cancelRequested();
    /// The sign-in succeeded; the cached sign-in is valid until `until`.
    void signedIn(const QDateTime &until);

public:
    void reject() override;

private:
    void setWaiting(bool waiting);
    void fitHeight();

    UrlOpener m_openUrl;
    QString m_userCode;
    QUrl m_verificationUriComplete;
    QUrl m_verificationUri;
    bool m_running = true;
    QLabel *m_introLabel;
    QLabel *m_codeLabel;
    QPushButton *m_copyCodeButton;
    QLabel *m_instructionsLabel;
    QPushButton *m_openButton;
    QPushButton *m_copyLinkButton;
    QProgressBar *m_busyBar;
    QLabel *m_statusLabel;
    QPushButton *m_cancelButton;
};
