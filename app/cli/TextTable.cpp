// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/TextTable.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

bool isWide(char32_t c)
{
    // East Asian Wide and Fullwidth ranges (Unicode 15, abridged to the blocks that occur in names).
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) ||
           (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
           (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
           (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD);
}

int cellWidth(char32_t c)
{
    const QChar::Category category = QChar::category(c);
    if (category == QChar::Mark_NonSpacing || category == QChar::Mark_Enclosing || c == 0x200B || c == 0x200D)
        return 0;
    return isWide(c) ? 2 : 1;
}

} // namespace

TextTable::TextTable(QStringList headers)
    : m_headers(std::move(headers))
{}

void TextTable::addRow(QStringList cells)
{
    while (cells.size() < m_headers.size())
        cells.append(QString());
    m_rows.append(std::move(cells));
}

QString TextTable::sanitize(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == u'\n')
            out += u"\\n"_s;
        else if (c == u'\r')
            out += u"\\r"_s;
        else if (c == u'\t')
            out += u"\\t"_s;
        else if (c.unicode() < 0x20 || c.unicode() == 0x7F || (c.unicode() >= 0x80 && c.unicode() < 0xA0))
            out += u"\\x%1"_s.arg(uint(c.unicode()), 2, 16, QChar(u'0'));
        else
            out += c;
    }
    return out;
}

int TextTable::displayWidth(const QString &text)
{
    int width = 0;
    for (const char32_t c : text.toUcs4())
        width += cellWidth(c);
    return width;
}

QString TextTable::fit(const QString &text, int width)
{
    QString out;
    int used = 0;
    const QList<uint> codePoints = text.toUcs4();
    const bool cut = displayWidth(text) > width;
    const int budget = cut ? width - 1 : width;
    for (const uint c : codePoints) {
        const int w = cellWidth(c);
        if (used + w > budget)
            break;
        out += QString::fromUcs4(reinterpret_cast<const char32_t *>(&c), 1);
        used += w;
    }
    if (cut) {
        out += u'…';
        ++used;
    }
    out += QString(std::max(0, width - used), u' ');
    return out;
}

QString TextTable::render() const
{
    QList<int> widths;
    for (const QString &header : m_headers)
        widths.append(displayWidth(header));
    QList<QStringList> cleanRows;
    cleanRows.reserve(m_rows.size());
    for (const QStringList &row : m_rows) {
        QStringList clean;
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i) {
            clean.append(sanitize(row.at(i)));
            widths[i] = std::max(widths[i], displayWidth(clean.last()));
        }
        cleanRows.append(clean);
    }
    const auto line = [&](const QStringList &cells) {
        QString text;
        for (qsizetype i = 0; i < widths.size(); ++i) {
            const bool last = i + 1 == widths.size();
            text += last ? cells.value(i) : fit(cells.value(i), widths[i]) + u"  "_s;
        }
        return text + u'\n';
    };
    QString out = line(m_headers);
    QStringList rules;
    for (const int w : std::as_const(widths))
        rules.append(QString(w, u'-'));
    out += line(rules);
    for (const QStringList &row : std::as_const(cleanRows))
        out += line(row);
    return out;
}
