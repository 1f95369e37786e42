// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "connection/MfaCodeDialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
constexpr int codeLength = 6;
} // namespace

MfaCodeDialog::MfaCodeDialog(const CredentialPrompts::MfaRequest &request, QWidget *parent)
    : QDialog(parent)
    , m_explanationLabel(new QLabel(this))
    , m_codeLineEdit(new QLineEdit(this))
    , m_buttonBox(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"mfaCodeDialog"_s);
    setWindowTitle(tr("MFA code"));
    setAccessibleName(tr("MFA code"));
    setWindowModality(Qt::WindowModal);

    //: %1 the profile, %2 the role's name, %3 the role's ARN, %4 the MFA device (ARN or serial number).
    const QString explanation =
        tr("Profile “%1” assumes the role %2 (%3). Enter the current code of your MFA device %4.")
            .arg(request.profileName, roleName(request.roleArn), request.roleArn, request.mfaSerial);
    m_explanationLabel->setObjectName(u"mfaExplanationLabel"_s);
    m_explanationLabel->setText(explanation);
    m_explanationLabel->setTextFormat(Qt::PlainText);
    m_explanationLabel->setWordWrap(true);
    m_explanationLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setAccessibleDescription(explanation);

    m_codeLineEdit->setObjectName(u"mfaCodeLineEdit"_s);
    m_codeLineEdit->setAccessibleName(tr("MFA code"));
    m_codeLineEdit->setAccessibleDescription(tr("Six digits from the MFA device %1").arg(request.mfaSerial));
    m_codeLineEdit->setPlaceholderText(tr("6 digits"));
    m_codeLineEdit->setMaxLength(codeLength);
    m_codeLineEdit->setValidator(new QRegularExpressionValidator(
        QRegularExpression(u"[0-9]{0,%1}"_s.arg(codeLength)), m_codeLineEdit));
    m_codeLineEdit->setInputMethodHints(Qt::ImhDigitsOnly | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    QFont codeFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    codeFont.setPointSizeF(codeFont.pointSizeF() * 1.4);
    m_codeLineEdit->setFont(codeFont);
    m_codeLineEdit->setMinimumWidth(m_codeLineEdit->fontMetrics().horizontalAdvance(u"0"_s) * 10);

    m_buttonBox->setObjectName(u"mfaButtonBox"_s);
    QPushButton *ok = m_buttonBox->button(QDialogButtonBox::Ok);
    ok->setObjectName(u"mfaOkPushButton"_s);
    ok->setText(tr("&OK"));
    ok->setAccessibleName(tr("OK"));
    QPushButton *cancel = m_buttonBox->button(QDialogButtonBox::Cancel);
    cancel->setObjectName(u"mfaCancelPushButton"_s);
    cancel->setText(tr("&Cancel"));
    cancel->setAccessibleName(tr("Cancel"));

    auto *form = new QFormLayout;
    // "&MFA code" does not share its key with "&OK" and "&Cancel".
    auto *codeLabel = new QLabel(tr("&MFA code:"), this);
    codeLabel->setObjectName(u"mfaCodeLabel"_s);
    codeLabel->setBuddy(m_codeLineEdit);
    form->addRow(codeLabel, m_codeLineEdit);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_explanationLabel);
    layout->addLayout(form);
    layout->addWidget(m_buttonBox);

    connect(m_codeLineEdit, &QLineEdit::textChanged, this, &MfaCodeDialog::updateOkButton);
    connect(m_buttonBox, &QDialogButtonBox::accepted, this, [this] {
        if (!hasWholeCode())
            return;
        Q_EMIT codeEntered(code());
        accept();
    });
    connect(m_buttonBox, &QDialogButtonBox::rejected, this, &MfaCodeDialog::reject);
    connect(this, &QDialog::finished, this, [this] {
        // The code is a secret, if a short-lived one: nothing keeps it once the dialog answered.
        const QSignalBlocker blocker(m_codeLineEdit);
        m_codeLineEdit->clear();
    });
    m_codeLineEdit->setFocus(Qt::OtherFocusReason);
    updateOkButton();
    setMinimumWidth(460);
    adjustSize();
}

QString MfaCodeDialog::code() const
{
    return m_codeLineEdit->text();
}

bool MfaCodeDialog::hasWholeCode() const
{
    const QString text = m_codeLineEdit->text();
    return text.size() == codeLength &&
           std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

QString MfaCodeDialog::roleName(const QString &roleArn)
{
    const qsizetype slash = roleArn.lastIndexOf(u'/');
    if (roleArn.startsWith(u"arn:") && slash >= 0 && slash + 1 < roleArn.size())
        return roleArn.mid(slash + 1);
    return roleArn;
}

void MfaCodeDialog::updateOkButton()
{
    m_buttonBox->button(QDialogButtonBox::Ok)->setEnabled(hasWholeCode());
}
