// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TsCatalog.h"

#include <QFile>
#include <QRegularExpression>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

QString TsMessage::label() const
{
    QString text = source;
    text.replace(u'\n', u"\\n"_s);
    if (text.size() > 90)
        text = text.left(87) + u"..."_s;
    return context + u": \""_s + text + u'"' + (comment.isEmpty() ? QString() : u" ("_s + comment + u')');
}

QStringList TsCatalog::listedInBuild(const QString &listName)
{
    QFile file(QStringLiteral(SESSIONSCOPE_TRANSLATION_LISTS_DIR) + u'/' + listName);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    QStringList lines;
    for (const QString &line : QString::fromUtf8(file.readAll()).split(u'\n')) {
        if (!line.trimmed().isEmpty())
            lines.append(line.trimmed());
    }
    return lines;
}

std::optional<TsCatalog> TsCatalog::read(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return std::nullopt;
    }
    TsCatalog catalog;
    QXmlStreamReader xml(&file);
    QString context;
    std::optional<TsMessage> message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == u"TS") {
                catalog.m_language = xml.attributes().value(u"language"_s).toString();
            } else if (name == u"name" && !message) {
                context = xml.readElementText();
            } else if (name == u"message") {
                message = TsMessage();
                message->context = context;
                message->numerus = xml.attributes().value(u"numerus"_s) == u"yes";
            } else if (message && name == u"source") {
                message->source = xml.readElementText();
            } else if (message && name == u"comment") {
                message->comment = xml.readElementText();
            } else if (message && name == u"translation") {
                message->type = xml.attributes().value(u"type"_s).toString();
                if (!message->numerus)
                    message->translations.append(xml.readElementText());
            } else if (message && name == u"numerusform") {
                message->translations.append(xml.readElementText());
            }
        } else if (xml.isEndElement() && xml.name() == u"message" && message) {
            catalog.m_messages.append(*message);
            message.reset();
        }
    }
    if (xml.hasError()) {
        *error = u"%1, line %2: %3"_s.arg(path).arg(xml.lineNumber()).arg(xml.errorString());
        return std::nullopt;
    }
    return catalog;
}

const TsMessage *TsCatalog::find(const QString &context, const QString &source, const QString &comment) const
{
    for (const TsMessage &m : m_messages) {
        if (m.context == context && m.source == source && m.comment == comment)
            return &m;
    }
    return nullptr;
}

int TsCatalog::pluralFormCount(const QString &language)
{
    // Qt's plural rules for the languages SessionScope ships: East Asian languages have one form.
    const QString code = language.section(u'_', 0, 0);
    return (code == u"ja" || code == u"zh" || code == u"ko") ? 1 : 2;
}

QStringList TsCatalog::placeholders(const QString &text)
{
    static const QRegularExpression pattern(u"%L?(?:n|[1-9][0-9]?)"_s);
    QStringList found;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found.append(it.next().captured());
    found.sort();
    return found;
}

int TsCatalog::acceleratorCount(const QString &text)
{
    QString stripped = text;
    stripped.remove(u"&&"_s);
    static const QRegularExpression pattern(u"&(?![a-zA-Z]+;|#)[^\\s&]"_s);
    return int(stripped.count(pattern));
}

QStringList TsCatalog::htmlTags(const QString &text)
{
    static const QRegularExpression pattern(u"</?[a-zA-Z][a-zA-Z0-9]*[^>]*>"_s);
    QStringList found;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found.append(it.next().captured());
    found.sort();
    return found;
}
