// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "connection/ProxyCredentialsDialog.h"

#include <QAuthenticator>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

ProxyCredentialsDialog::ProxyCredentialsDialog(const ProxyCredentials &offered, bool rejected,
                                               QWidget *parent)
    : QDialog(parent)
    , m_offered(offered)
    , m_explanationLabel(new QLabel(this))
    , m_userLineEdit(new QLineEdit(this))
    , m_passwordLineEdit(new QLineEdit(this))
    , m_rememberCheckBox(new QCheckBox(tr("&Remember in the keychain"), this))
    , m_buttonBox(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"proxyCredentialsDialog"_s);
    setWindowTitle(tr("Proxy sign-in"));
    setAccessibleName(tr("Proxy sign-in"));
    setWindowModality(Qt::WindowModal);

    //: %1 the proxy's host and port ("proxy.corp.example:3128")
    const QString explanation =
        rejected ? tr("The proxy %1 did not accept the user name and password. Enter them again.")
                       .arg(offered.hostAndPort())
                 : tr("The proxy %1 needs a user name and password before SessionScope can reach AWS.")
                       .arg(offered.hostAndPort());
    m_explanationLabel->setObjectName(u"proxyExplanationLabel"_s);
    m_explanationLabel->setText(explanation);
    m_explanationLabel->setTextFormat(Qt::PlainText);
    m_explanationLabel->setWordWrap(true);
    m_explanationLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setAccessibleDescription(explanation);

    m_userLineEdit->setObjectName(u"proxyUserLineEdit"_s);
    m_userLineEdit->setAccessibleName(tr("Proxy user name"));
    m_userLineEdit->setText(offered.user);
    m_passwordLineEdit->setObjectName(u"proxyPasswordLineEdit"_s);
    m_passwordLineEdit->setAccessibleName(tr("Proxy password"));
    m_passwordLineEdit->setEchoMode(QLineEdit::Password);
    m_passwordLineEdit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData |
                                            Qt::ImhNoPredictiveText);
    // A refused password is not offered again; the user name is.
    if (!rejected)
        m_passwordLineEdit->setText(offered.password);
    m_rememberCheckBox->setObjectName(u"rememberProxyCheckBox"_s);
    m_rememberCheckBox->setAccessibleName(tr("Remember in the keychain"));
    m_rememberCheckBox->setToolTip(
        tr("Keep the user name and password in the system keychain for the next time this proxy asks."));

    m_buttonBox->setObjectName(u"proxyButtonBox"_s);
    QPushButton *ok = m_buttonBox->button(QDialogButtonBox::Ok);
    ok->setObjectName(u"proxyOkPushButton"_s);
    ok->setText(tr("&OK"));
    ok->setAccessibleName(tr("OK"));
    QPushButton *cancel = m_buttonBox->button(QDialogButtonBox::Cancel);
    cancel->setObjectName(u"proxyCancelPushButton"_s);
    cancel->setText(tr("&Cancel"));
    cancel->setAccessibleName(tr("Cancel"));

    auto *form = new QFormLayout;
    auto *userLabel = new QLabel(tr("&User name:"), this);
    userLabel->setObjectName(u"proxyUserLabel"_s);
    userLabel->setBuddy(m_userLineEdit);
    auto *passwordLabel = new QLabel(tr("&Password:"), this);
    passwordLabel->setObjectName(u"proxyPasswordLabel"_s);
    passwordLabel->setBuddy(m_passwordLineEdit);
    form->addRow(userLabel, m_userLineEdit);
    form->addRow(passwordLabel, m_passwordLineEdit);
    form->addRow(QString(), m_rememberCheckBox);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_explanationLabel);
    layout->addLayout(form);
    layout->addWidget(m_buttonBox);

    connect(m_userLineEdit, &QLineEdit::textChanged, this, &ProxyCredentialsDialog::updateOkButton);
    connect(m_buttonBox, &QDialogButtonBox::accepted, this, [this] {
        if (m_userLineEdit->text().isEmpty())
            return;
        Q_EMIT credentialsEntered(credentials(), remember());
        accept();
    });
    connect(m_buttonBox, &QDialogButtonBox::rejected, this, &ProxyCredentialsDialog::reject);
    connect(this, &QDialog::finished, this, [this] {
        const QSignalBlocker blocker(m_passwordLineEdit);
        m_passwordLineEdit->clear();
    });
    if (offered.user.isEmpty())
        m_userLineEdit->setFocus(Qt::OtherFocusReason);
    else
        m_passwordLineEdit->setFocus(Qt::OtherFocusReason);
    updateOkButton();
    setMinimumWidth(460);
    adjustSize();
}

ProxyCredentials ProxyCredentialsDialog::credentials() const
{
    ProxyCredentials c;
    c.host = m_offered.host;
    c.port = m_offered.port;
    c.user = m_userLineEdit->text();
    c.password = m_passwordLineEdit->text();
    return c;
}

bool ProxyCredentialsDialog::remember() const
{
    return m_rememberCheckBox->isChecked();
}

void ProxyCredentialsDialog::fillAuthenticator(QAuthenticator *authenticator) const
{
    authenticator->setUser(m_userLineEdit->text());
    authenticator->setPassword(m_passwordLineEdit->text());
}

void ProxyCredentialsDialog::updateOkButton()
{
    m_buttonBox->button(QDialogButtonBox::Ok)->setEnabled(!m_userLineEdit->text().isEmpty());
}
