// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/AccessKeyText.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

QString AccessKeyText::plain(const QString &text)
{
    // "(&R)" holds nothing but the key's letter: it goes whole, with the space some translators put before
    // it. "(&&)" is not such a key and stays for the loop below.
    static const QRegularExpression bracketedKey(u"\\s*[(（]&[^&)）][)）]"_s);
    const QString withoutBracketedKey = QString(text).remove(bracketedKey);
    QString out;
    out.reserve(withoutBracketedKey.size());
    for (qsizetype i = 0; i < withoutBracketedKey.size(); ++i) {
        const QChar c = withoutBracketedKey.at(i);
        if (c != u'&') {
            out.append(c);
            continue;
        }
        // "&&" is a literal ampersand; a single one marks the access key and is dropped.
        if (i + 1 < withoutBracketedKey.size() && withoutBracketedKey.at(i + 1) == u'&') {
            out.append(u'&');
            ++i;
        }
    }
    return out;
}

QString AccessKeyText::labelName(const QString &text)
{
    QString name = plain(text).trimmed();
    if (name.endsWith(u':') || name.endsWith(u'：'))
        name.chop(1);
    return name.trimmed();
}
