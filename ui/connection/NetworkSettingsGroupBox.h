// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/config/ConnectionOptions.h"

#include <QGroupBox>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QWidget;

/// The connection dialog's "Network" section: the proxy (as the environment says, the system's, none,
/// or manual: https and http proxy URLs and a no-proxy list), the CA bundle file and the connect and
/// read timeouts. problem() names the first field whose text cannot be used, and the section shows it.
class NetworkSettingsGroupBox : public QGroupBox
{
    Q_OBJECT

public:
    explicit NetworkSettingsGroupBox(QWidget *parent = nullptr);

    /// Shows options' proxy, CA bundle and timeouts.
    void setOptions(const ConnectionOptions &options);
    /// Sets options' proxy, CA bundle and timeouts from the fields; fields with a problem are left unset.
    void applyTo(ConnectionOptions *options) const;

    /// The first field that cannot be used, as a sentence that names it; empty when all are fine.
    QString problem() const;
    /// Shows problem() under the fields (or hides the line when there is none); true when there is none.
    bool checkFields();

private:
    void updateManualFields();
    void chooseCaBundle();

    QComboBox *m_proxyModeComboBox;
    QLineEdit *m_httpsProxyLineEdit;
    QLineEdit *m_httpProxyLineEdit;
    QLineEdit *m_noProxyLineEdit;
    QFormLayout *m_form = nullptr;
    QLineEdit *m_caBundleLineEdit;
    QPushButton *m_caBundleBrowseButton;
    QLineEdit *m_connectTimeoutLineEdit;
    QLineEdit *m_readTimeoutLineEdit;
    QLabel *m_problemLabel;
};
