// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/credentials/CredentialPrompts.h"

#include <QCoreApplication>
#include <QList>
#include <QPointer>
#include <QWidget>

class MfaCodeDialog;

/// The desktop app's answer to what a sign-in asks of the person: a window-modal MfaCodeDialog over
/// `window` for each MFA request. Requests for the same device and role that arrive while its dialog is
/// open share it (two calls needing the same role ask once). Cancel answers with a Cancelled error,
/// never with another dialog: whether to ask again is the person's choice, through Refresh or Connect.
class GuiCredentialPrompts : public CredentialPrompts
{
    Q_DECLARE_TR_FUNCTIONS(GuiCredentialPrompts)

public:
    /// `window` may be null or go away: the dialog then has no parent.
    explicit GuiCredentialPrompts(QWidget *window);
    ~GuiCredentialPrompts() override;

    void askMfaCode(const MfaRequest &request, QObject *context, MfaCallback callback) override;

    /// The error a cancelled MFA dialog answers with.
    static AwsError cancelledError();
    /// The dialog currently asking, if any (for tests and screenshots).
    MfaCodeDialog *openDialog() const;

private:
    struct Waiter
    {
        QPointer<QObject> context;
        MfaCallback callback;
    };
    struct Pending
    {
        MfaRequest request;
        QPointer<MfaCodeDialog> dialog;
        const MfaCodeDialog *identity = nullptr; ///< still comparable while the dialog is being destroyed
        QList<Waiter> waiters;
    };
    void answer(const MfaCodeDialog *dialog, const AwsResult<QString> &result);

    QPointer<QWidget> m_window;
    QList<Pending> m_pending;
    /// The context of the connections to the dialogs, which may outlive this object (deleteLater).
    QObject m_guard;
};
