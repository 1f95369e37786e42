// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/credentials/CredentialsCallback.h"
#include "aws/credentials/CredentialsProvider.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <optional>

class AppProfileStore;

/// Credentials of a profile created inside SessionScope: the access key id from the AppProfileStore, the
/// secret (and session token) from the OS keychain. The answer is kept until invalidate(); keychain
/// problems (locked, no Secret Service, access denied, missing entry) are Credentials errors that name
/// the cause.
class AppProfileCredentialsProvider : public QObject, public CredentialsProvider
{
    Q_OBJECT

public:
    /// `store` is not owned; when it is gone, fetches fail with a clear error.
    AppProfileCredentialsProvider(AppProfileStore *store, QString profileName, QObject *parent = nullptr);

    void fetch(QObject *context, Callback callback) override;
    void invalidate() override;
    QString description() const override;

private:
    void finish(const AwsResult<AwsCredentials> &result);

    QPointer<AppProfileStore> m_store;
    QString m_profileName;
    std::optional<AwsCredentials> m_cached;
    QList<CredentialsCallback> m_waiting;
    bool m_reading = false;
};
