// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connection/ProxyCredentials.h"

#include <QDialog>

class QAuthenticator;
class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

/// Asks for the user name and password a proxy wants (HTTP 407), naming the proxy's host and port, with
/// "Remember in the keychain". OK is enabled once a user name is typed. The password is never kept after
/// the dialog closes, logged or shown anywhere else.
class ProxyCredentialsDialog : public QDialog
{
    Q_OBJECT

public:
    /// `offered` fills the fields (host and port name the proxy); `rejected`: the proxy refused the last
    /// user name and password, and the dialog says so.
    ProxyCredentialsDialog(const ProxyCredentials &offered, bool rejected, QWidget *parent = nullptr);

    /// What was typed, with the proxy's host and port.
    ProxyCredentials credentials() const;
    bool remember() const;
    /// Puts the user name and password into `authenticator`.
    void fillAuthenticator(QAuthenticator *authenticator) const;

Q_SIGNALS:
    /// OK with a user name; accepted() follows. The password field is emptied when the dialog closes.
    void credentialsEntered(const ProxyCredentials &credentials, bool remember);

private:
    void updateOkButton();

    ProxyCredentials m_offered;
    QLabel *m_explanationLabel;
    QLineEdit *m_userLineEdit;
    QLineEdit *m_passwordLineEdit;
    QCheckBox *m_rememberCheckBox;
    QDialogButtonBox *m_buttonBox;
};
