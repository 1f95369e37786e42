// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "connection/AppProfileDialog.h"

#include "aws/credentials/AppProfileStore.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

AppProfileDialog::AppProfileDialog(AppProfileStore *store, const std::optional<AppProfile> &existing,
                                   QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_editing(existing.has_value())
    , m_nameLineEdit(new QLineEdit(this))
    , m_accessKeyLineEdit(new QLineEdit(this))
    , m_secretLineEdit(new QLineEdit(this))
    , m_tokenLineEdit(new QLineEdit(this))
    , m_regionLineEdit(new QLineEdit(this))
    , m_endpointLineEdit(new QLineEdit(this))
    , m_instanceLineEdit(new QLineEdit(this))
    , m_problemLabel(new QLabel(this))
    , m_buttonBox(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"appProfileDialog"_s);
    setAccessibleName(tr("SessionScope profile"));
    setWindowTitle(m_editing ? tr("Edit profile") : tr("New profile"));
    setWindowModality(Qt::WindowModal);

    const auto name = [](QLineEdit *edit, const QString &objectName, const QString &accessible) {
        edit->setObjectName(objectName);
        edit->setAccessibleName(accessible);
    };
    name(m_nameLineEdit, u"profileNameLineEdit"_s, tr("Profile name"));
    name(m_accessKeyLineEdit, u"accessKeyIdLineEdit"_s, tr("Access key ID"));
    name(m_secretLineEdit, u"secretAccessKeyLineEdit"_s, tr("Secret access key"));
    name(m_tokenLineEdit, u"sessionTokenLineEdit"_s, tr("Session token"));
    name(m_regionLineEdit, u"profileRegionLineEdit"_s, tr("Region"));
    name(m_endpointLineEdit, u"profileEndpointLineEdit"_s, tr("Endpoint URL"));
    name(m_instanceLineEdit, u"profileInstanceIdLineEdit"_s, tr("Amazon Q Business instance ID"));
    m_secretLineEdit->setEchoMode(QLineEdit::Password);
    m_tokenLineEdit->setEchoMode(QLineEdit::Password);
    m_regionLineEdit->setPlaceholderText(tr("e.g. eu-west-1 (empty: from the environment)"));
    m_endpointLineEdit->setPlaceholderText(tr("empty: the regional AWS endpoints"));
    m_instanceLineEdit->setPlaceholderText(tr("optional, for Q App sharing"));
    m_tokenLineEdit->setPlaceholderText(tr("only for temporary credentials"));
    if (m_editing) {
        m_nameLineEdit->setText(existing->name);
        m_nameLineEdit->setReadOnly(true);
        m_accessKeyLineEdit->setText(existing->accessKeyId);
        m_regionLineEdit->setText(existing->region);
        m_endpointLineEdit->setText(existing->endpointUrl);
        m_instanceLineEdit->setText(existing->qappsInstanceId);
        m_secretLineEdit->setPlaceholderText(tr("unchanged (stored in the keychain)"));
    }
    m_problemLabel->setObjectName(u"profileProblemLabel"_s);
    m_problemLabel->setAccessibleName(tr("Problem"));
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setTextFormat(Qt::PlainText);
    m_problemLabel->hide();
    m_buttonBox->setObjectName(u"profileButtonBox"_s);
    m_buttonBox->button(QDialogButtonBox::Save)->setObjectName(u"profileSavePushButton"_s);
    m_buttonBox->button(QDialogButtonBox::Save)->setAccessibleName(tr("Save profile"));
    m_buttonBox->button(QDialogButtonBox::Cancel)->setObjectName(u"profileCancelPushButton"_s);
    m_buttonBox->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_nameLineEdit);
    form->addRow(tr("&Access key ID:"), m_accessKeyLineEdit);
    form->addRow(tr("&Secret access key:"), m_secretLineEdit);
    form->addRow(tr("Session &token:"), m_tokenLineEdit);
    form->addRow(tr("&Region:"), m_regionLineEdit);
    form->addRow(tr("&Endpoint URL:"), m_endpointLineEdit);
    form->addRow(tr("Q Business &instance ID:"), m_instanceLineEdit);
    auto *note = new QLabel(tr("The secret access key and session token are kept in the system keychain, "
                               "never in a file."),
                            this);
    note->setObjectName(u"profileKeychainNoteLabel"_s);
    note->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_problemLabel);
    layout->addWidget(m_buttonBox);
    connect(m_buttonBox, &QDialogButtonBox::accepted, this, &AppProfileDialog::accept);
    connect(m_buttonBox, &QDialogButtonBox::rejected, this, &AppProfileDialog::reject);
    resize(520, sizeHint().height());
}

AppProfile AppProfileDialog::profile() const
{
    AppProfile p;
    p.name = m_nameLineEdit->text().trimmed();
    p.accessKeyId = m_accessKeyLineEdit->text().trimmed();
    p.region = m_regionLineEdit->text().trimmed();
    p.endpointUrl = m_endpointLineEdit->text().trimmed();
    p.qappsInstanceId = m_instanceLineEdit->text().trimmed();
    return p;
}

void AppProfileDialog::showProblem(const QString &text)
{
    m_problemLabel->setText(text);
    m_problemLabel->setVisible(!text.isEmpty());
    m_buttonBox->setEnabled(true);
}

void AppProfileDialog::accept()
{
    if (!m_store)
        return;
    const AppProfile p = profile();
    if (const auto checked = AppProfileStore::validate(p); !checked.ok()) {
        showProblem(checked.error().userMessage());
        return;
    }
    const bool keepSecret =
        m_editing && m_secretLineEdit->text().isEmpty() && m_tokenLineEdit->text().isEmpty();
    if (keepSecret) {
        if (const auto updated = m_store->updateProfile(p); !updated.ok()) {
            showProblem(updated.error().userMessage());
            return;
        }
        Q_EMIT profileSaved(p.name);
        QDialog::accept();
        return;
    }
    const AppProfileStore::Secret secret{m_secretLineEdit->text(), m_tokenLineEdit->text()};
    if (const auto checked = AppProfileStore::validate(secret);
        !checked.ok() || secret.secretAccessKey.isEmpty()) {
        showProblem(checked.ok() ? tr("Enter the secret access key.") : checked.error().userMessage());
        return;
    }
    m_buttonBox->setEnabled(false);
    m_problemLabel->setText(tr("Saving to the keychain…"));
    m_problemLabel->show();
    m_store->saveProfile(p, secret, this, [this, name = p.name](const AwsResult<std::monostate> &result) {
        if (!result.ok()) {
            showProblem(result.error().userMessage());
            return;
        }
        Q_EMIT profileSaved(name);
        QDialog::accept();
    });
}
