// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SecretScanner.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype contextBytes = 40;

} // namespace

SecretScanner::SecretScanner(const QStringList &secrets, const QByteArray &marker)
{
    const auto add = [this](const QByteArray &needle, const QByteArray &name) {
        if (!needle.isEmpty() && !m_needles.contains(needle)) {
            m_needles.append(needle);
            m_needleNames.append(name);
        }
    };
    for (int i = 0; i < secrets.size(); ++i) {
        const QByteArray raw = secrets.at(i).toUtf8();
        const QByteArray label = "secret " + QByteArray::number(i + 1);
        add(raw, label);
        const QByteArray percent = raw.toPercentEncoding();
        add(percent, label + " URL-encoded");
        add(percent.toLower(), label + " URL-encoded (lower-case hex)");
        add(raw.toPercentEncoding(" "), label + " URL-encoded (form)");
        QByteArray jsonEscaped = raw;
        jsonEscaped.replace("/", "\\/");
        add(jsonEscaped, label + " JSON-escaped");
        add(raw.toBase64(), label + " base64");
        add(raw.toBase64(QByteArray::OmitTrailingEquals), label + " base64 (unpadded)");
        add(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals),
            label + " base64url");
    }
    add(marker, "marker");
    // A secret that starts with the marker, base64-encoded, starts with the encoding of the marker's
    // first whole 3-byte groups.
    add(marker.left(marker.size() - marker.size() % 3).toBase64(), "marker base64");
}

bool SecretScanner::scan(const QString &where, const QByteArray &data)
{
    m_scanned.append(u"%1 (%2 bytes)"_s.arg(where).arg(data.size()));
    m_bytesScanned += data.size();
    bool clean = true;
    for (int n = 0; n < m_needles.size(); ++n) {
        const QByteArray &needle = m_needles.at(n);
        for (qsizetype at = data.indexOf(needle); at >= 0; at = data.indexOf(needle, at + 1)) {
            clean = false;
            const qsizetype from = std::max<qsizetype>(0, at - contextBytes);
            QByteArray context = data.mid(from, at - from) + "<" + m_needleNames.at(n) + ">" +
                                 data.mid(at + needle.size(), contextBytes);
            context.replace('\n', "\\n");
            m_findings.append(
                u"%1: %2 at byte %3: ...%4..."_s.arg(where, QString::fromUtf8(m_needleNames.at(n)))
                    .arg(at)
                    .arg(QString::fromUtf8(context)));
        }
    }
    return clean;
}

bool SecretScanner::scanFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_findings.append(
            u"%1: cannot be read (%2), so it cannot be checked"_s.arg(path, file.errorString()));
        return false;
    }
    return scan(path, file.readAll());
}

int SecretScanner::scanTree(const QString &folder, const QSet<QString> &skip)
{
    int files = 0;
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (skip.contains(QFileInfo(path).absoluteFilePath()))
            continue;
        // Sockets and pipes (e.g. a keyring's control socket) hold no data at rest.
        if (!it.fileInfo().isFile())
            continue;
        scanFile(path);
        ++files;
    }
    return files;
}

QString SecretScanner::report() const
{
    return u"%1 finding(s):\n  %2\nscanned:\n  %3"_s.arg(m_findings.size())
        .arg(m_findings.join(u"\n  "_s), m_scanned.join(u"\n  "_s));
}
