// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CsvReader.h"

using namespace Qt::StringLiterals;

std::optional<QList<QStringList>> CsvReader::parse(const QByteArray &utf8, QString *error)
{
    const auto fail = [error](const QString &message, qsizetype at) -> std::optional<QList<QStringList>> {
        if (error)
            *error = u"%1 at character %2"_s.arg(message).arg(at);
        return std::nullopt;
    };

    QByteArray bytes = utf8;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    const QString text = QString::fromUtf8(bytes);
    QList<QStringList> records;
    QStringList record;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        QString field;
        if (text.at(i) == u'"') {
            ++i;
            while (true) {
                if (i >= n)
                    return fail(u"unterminated quoted field"_s, i);
                if (text.at(i) == u'"') {
                    if (i + 1 < n && text.at(i + 1) == u'"') {
                        field.append(u'"');
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field.append(text.at(i++));
            }
        } else {
            while (i < n && text.at(i) != u',' && text.at(i) != u'\r') {
                if (text.at(i) == u'"' || text.at(i) == u'\n')
                    return fail(u"quote or line feed in an unquoted field"_s, i);
                field.append(text.at(i++));
            }
        }
        record.append(field);
        if (i >= n)
            return fail(u"the last record does not end with CRLF"_s, i);
        if (text.at(i) == u',') {
            ++i;
            continue;
        }
        if (text.at(i) == u'\r' && i + 1 < n && text.at(i + 1) == u'\n') {
            i += 2;
            records.append(record);
            record.clear();
            continue;
        }
        return fail(u"unexpected character after a field"_s, i);
    }
    return records;
}
