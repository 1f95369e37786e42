// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/credentials/AppProfile.h"

#include <QDialog>
#include <QPointer>

class AppProfileStore;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

/// Creates or edits a profile kept by SessionScope itself: the access key id and settings go to the
/// settings file, the secret access key and session token to the OS keychain (never to a file). When
/// editing, an empty secret field keeps the stored secret.
class AppProfileDialog : public QDialog
{
    Q_OBJECT

public:
    /// With a profile, edits it; without, creates a new one.
    AppProfileDialog(AppProfileStore *store, const std::optional<AppProfile> &existing,
                     QWidget *parent = nullptr);

    AppProfile profile() const;

public Q_SLOTS:
    void accept() override;

Q_SIGNALS:
    void profileSaved(const QString &name);

private:
    void showProblem(const QString &text);

    QPointer<AppProfileStore> m_store;
    bool m_editing;
    QLineEdit *m_nameLineEdit;
    QLineEdit *m_accessKeyLineEdit;
    QLineEdit *m_secretLineEdit;
    QLineEdit *m_tokenLineEdit;
    QLineEdit *m_regionLineEdit;
    QLineEdit *m_endpointLineEdit;
    QLineEdit *m_instanceLineEdit;
    QLabel *m_problemLabel;
    QDialogButtonBox *m_buttonBox;
};
