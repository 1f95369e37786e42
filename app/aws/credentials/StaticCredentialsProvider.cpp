// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/credentials/StaticCredentialsProvider.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

StaticCredentialsProvider::StaticCredentialsProvider(AwsCredentials credentials)
    : m_credentials(std::move(credentials))
{
    if (m_credentials.source.isEmpty())
        m_credentials.source = u"static"_s;
}

void StaticCredentialsProvider::fetch(QObject *context, Callback callback)
{
    Q_UNUSED(context) // the callback runs before fetch() returns, so the context is still alive
    if (!m_credentials.isValid()) {
        callback(
            AwsError(AwsError::Category::Credentials,
                     QCoreApplication::translate("StaticCredentialsProvider",
                                                 "The access key id or the secret access key is empty.")));
        return;
    }
    callback(m_credentials);
}

QString StaticCredentialsProvider::description() const
{
    return m_credentials.source;
}
