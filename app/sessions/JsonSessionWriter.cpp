// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessions/JsonSessionWriter.h"

#include <QStringList>

#include <algorithm>
#include <array>
#include <iterator>

using namespace Qt::StringLiterals;

namespace {

void appendHex4(QString &out, char16_t unit)
{
    static constexpr char digits[] = "0123456789abcdef";
    out.append(u"\\u");
    for (int shift = 12; shift >= 0; shift -= 4)
        out.append(QLatin1Char(digits[(unit >> shift) & 0xF]));
}

// Printable ASCII that a JSON string carries as it is (everything from ' ' to '~' but '"' and '\\').
constexpr auto plainAscii = [] {
    std::array<bool, 0x7f> table{};
    for (int c = 0x20; c < 0x7f; ++c)
        table[size_t(c)] = c != '"' && c != '\\';
    return table;
}();

// The two-character escapes JSON defines; every other character that needs one takes appendHex4().
struct ShortEscape
{
    char16_t unit;
    QStringView text;
};
constexpr ShortEscape shortEscapes[] = {{u'"', u"\\\""}, {u'\\', u"\\\\"}, {u'\b', u"\\b"}, {u'\f', u"\\f"},
                                        {u'\n', u"\\n"}, {u'\r', u"\\r"},  {u'\t', u"\\t"}};

} // namespace

JsonSessionWriter::JsonSessionWriter(const ExportOptions &options)
    : SessionWriter(options)
{
    for (ExportColumn column : ExportOptions::allColumns()) {
        const qsizetype index = qsizetype(column);
        if (m_keys.size() <= index)
            m_keys.resize(index + 1);
        appendUtf8(m_keys[index], ExportOptions::columnName(column));
        m_keys[index].append(':');
    }
}

void JsonSessionWriter::appendString(QString &out, const QString &text)
{
    out.append(u'"');
    // Most text (ids, times, ARNs, plain names) needs no escape at all: copy it in one go.
    const auto plain = [](QChar ch) {
        const char16_t c = ch.unicode();
        return c >= 0x20 && c != u'"' && c != u'\\' && c != 0x2028 && c != 0x2029 && !QChar::isSurrogate(c);
    };
    if (std::all_of(text.cbegin(), text.cend(), plain)) {
        out.append(text);
        out.append(u'"');
        return;
    }
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t c = text.at(i).unicode();
        const auto *shortEscape = std::find_if(std::cbegin(shortEscapes), std::cend(shortEscapes),
                                               [c](const ShortEscape &escape) { return escape.unit == c; });
        if (shortEscape != std::cend(shortEscapes)) {
            out.append(shortEscape->text);
            continue;
        }
        if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            // Control characters must be escaped; the two separators break JavaScript consumers.
            appendHex4(out, c);
        } else if (QChar::isHighSurrogate(c) && i + 1 < size &&
                   QChar::isLowSurrogate(text.at(i + 1).unicode())) {
            out.append(text.at(i));
            out.append(text.at(++i));
        } else if (QChar::isSurrogate(c)) {
            // UTF-8 cannot carry half a pair; the escape keeps the string exactly as the service sent it.
            appendHex4(out, c);
        } else {
            out.append(QChar(c));
        }
    }
    out.append(u'"');
}

void JsonSessionWriter::appendUtf8(QByteArray &out, const QString &text)
{
    // Printable ASCII (ids, times, ARNs, most names) goes out byte for byte; anything else is escaped by
    // appendString(), so both give the same bytes.
    // constData(), not utf16(): the latter copies literals to terminate them.
    const auto *units = reinterpret_cast<const char16_t *>(text.constData());
    const qsizetype size = text.size();
    const qsizetype start = out.size();
    out.resize(start + size + 2);
    char *bytes = out.data() + start;
    bytes[0] = '"';
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t c = units[i];
        if (c > 0x7e || !plainAscii[c]) {
            out.resize(start);
            QString escaped;
            appendString(escaped, text);
            out.append(escaped.toUtf8());
            return;
        }
        bytes[i + 1] = char(c);
    }
    bytes[size + 1] = '"';
}

QByteArray JsonSessionWriter::encodeObject(const ExportRow &row) const
{
    // Written as UTF-8 directly: an export encodes millions of these.
    QByteArray out;
    out.reserve(384);
    out.append('{');
    bool first = true;
    for (ExportColumn column : options().columns) {
        const QVariant v = value(row, column);
        if (!v.isValid())
            continue;
        if (!first)
            out.append(',');
        first = false;
        out.append(m_keys.at(qsizetype(column)));
        switch (v.typeId()) {
        case QMetaType::Bool:
            out.append(v.toBool() ? "true" : "false");
            break;
        case QMetaType::LongLong:
            out.append(QByteArray::number(v.toLongLong()));
            break;
        case QMetaType::QStringList: {
            out.append('[');
            const QStringList items = v.toStringList();
            for (qsizetype i = 0; i < items.size(); ++i) {
                if (i > 0)
                    out.append(',');
                appendUtf8(out, items.at(i));
            }
            out.append(']');
            break;
        }
        default:
            appendUtf8(out, v.toString());
            break;
        }
    }
    out.append('}');
    return out;
}

QByteArray JsonSessionWriter::encodeBegin()
{
    return QByteArrayLiteral("[");
}

QByteArray JsonSessionWriter::encodeRow(const ExportRow &row)
{
    return (rowsWritten() == 0 ? QByteArrayLiteral("\n") : QByteArrayLiteral(",\n")) + encodeObject(row);
}

QByteArray JsonSessionWriter::encodeFinish()
{
    return rowsWritten() == 0 ? QByteArrayLiteral("]\n") : QByteArrayLiteral("\n]\n");
}
