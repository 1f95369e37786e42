// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

/// Looks for secrets in everything a run wrote. Each secret is searched in the forms it could take on
/// the way out: as is, URL-encoded (upper- and lower-case hex, also with '+' for space), JSON-escaped
/// ('/' as "\/"), base64 and base64url (with and without padding). A marker (e.g. "LEAKCANARY") that
/// starts every secret is searched too, so even a shortened secret is caught.
///
///     SecretScanner scanner({secret, token}, "LEAKCANARY");
///     scanner.scan("stderr of sessionscope-cli", bytes);
///     scanner.scanTree(home, {inputFile});
///     QVERIFY2(scanner.findings().isEmpty(), qPrintable(scanner.report()));
class SecretScanner
{
public:
    SecretScanner(const QStringList &secrets, const QByteArray &marker);

    /// The byte sequences searched for.
    QList<QByteArray> needles() const { return m_needles; }

    /// Searches `data`, found in `where`. Returns false when a secret appears.
    bool scan(const QString &where, const QByteArray &data);
    /// Searches the file at `path`; a file that cannot be read is a finding too (the test must see all).
    bool scanFile(const QString &path);
    /// Searches every file below `folder`, except the paths in `skip` (files the test wrote itself, such as
    /// a credential_process script). Returns the number of files searched.
    int scanTree(const QString &folder, const QSet<QString> &skip = {});

    /// One line per finding: where, which form, and the bytes around it (with the secret masked).
    QStringList findings() const { return m_findings; }
    /// Everything searched, one line each: to show that the scan covered what it should.
    QStringList scanned() const { return m_scanned; }
    qint64 bytesScanned() const { return m_bytesScanned; }
    /// findings() and scanned() for a failure message.
    QString report() const;

private:
    QList<QByteArray> m_needles;
    QList<QByteArray> m_needleNames;
    QStringList m_findings;
    QStringList m_scanned;
    qint64 m_bytesScanned = 0;
};
