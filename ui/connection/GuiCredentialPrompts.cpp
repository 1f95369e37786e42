// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "connection/GuiCredentialPrompts.h"

#include "connection/MfaCodeDialog.h"

GuiCredentialPrompts::GuiCredentialPrompts(QWidget *window)
    : m_window(window)
{}

GuiCredentialPrompts::~GuiCredentialPrompts()
{
    // Whoever still waits is told nothing (their contexts may be going away with the window too); the
    // dialogs go.
    const QList<Pending> pending = std::exchange(m_pending, {});
    for (const Pending &p : pending)
        delete p.dialog.data();
}

AwsError GuiCredentialPrompts::cancelledError()
{
    return AwsError(AwsError::Category::Cancelled, tr("Not signed in: the MFA code was not entered."));
}

MfaCodeDialog *GuiCredentialPrompts::openDialog() const
{
    for (const Pending &p : m_pending) {
        if (p.dialog)
            return p.dialog;
    }
    return nullptr;
}

void GuiCredentialPrompts::askMfaCode(const MfaRequest &request, QObject *context, MfaCallback callback)
{
    for (Pending &p : m_pending) {
        if (p.dialog && p.request.mfaSerial == request.mfaSerial && p.request.roleArn == request.roleArn) {
            p.waiters.append({context, std::move(callback)});
            return;
        }
    }
    auto *dialog = new MfaCodeDialog(request, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_pending.append({request, dialog, dialog, {{context, std::move(callback)}}});
    // The code arrives through codeEntered, before accepted(); every other ending is a cancel. The
    // callbacks run from the dialog's signals, so never before askMfaCode() returns.
    QObject::connect(dialog, &MfaCodeDialog::codeEntered, &m_guard,
                     [this, dialog](const QString &code) { answer(dialog, code); });
    QObject::connect(dialog, &QDialog::finished, &m_guard,
                     [this, dialog] { answer(dialog, cancelledError()); });
    // Closed with its window: still one answer for each waiter whose context lives on.
    QObject::connect(dialog, &QObject::destroyed, &m_guard,
                     [this, dialog] { answer(dialog, cancelledError()); });
    dialog->open();
}

void GuiCredentialPrompts::answer(const MfaCodeDialog *dialog, const AwsResult<QString> &result)
{
    QList<Waiter> waiters;
    for (qsizetype i = 0; i < m_pending.size(); ++i) {
        if (m_pending.at(i).identity == dialog) {
            waiters = m_pending.takeAt(i).waiters;
            break;
        }
    }
    for (const Waiter &w : waiters) {
        if (w.context)
            w.callback(result);
    }
}
