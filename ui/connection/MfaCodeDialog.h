// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/credentials/CredentialPrompts.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

/// Asks for the current code of an MFA device, saying which device, which role and which profile it is
/// for. OK is enabled once the field holds a whole code (six digits); the code is never kept after the
/// dialog closes, logged or shown anywhere else.
class MfaCodeDialog : public QDialog
{
    Q_OBJECT

public:
    explicit MfaCodeDialog(const CredentialPrompts::MfaRequest &request, QWidget *parent = nullptr);

    /// What was typed, digits only.
    QString code() const;
    /// True when code() is a whole code (six digits).
    bool hasWholeCode() const;

    /// The role's name from its ARN ("arn:aws:iam::1:role/path/Admin" → "Admin"), or the ARN itself.
    static QString roleName(const QString &roleArn);

Q_SIGNALS:
    /// OK with a whole code; accepted() follows. The field is emptied when the dialog closes.
    void codeEntered(const QString &code);

private:
    void updateOkButton();

    QLabel *m_explanationLabel;
    QLineEdit *m_codeLineEdit;
    QDialogButtonBox *m_buttonBox;
};
