// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/JsonObjectBuilder.h"

#include "sessions/JsonSessionWriter.h"

using namespace Qt::StringLiterals;

void JsonObjectBuilder::appendKey(const QString &key)
{
    if (!m_members.isEmpty())
        m_members.append(u',');
    JsonSessionWriter::appendString(m_members, key);
    m_members.append(u':');
}

JsonObjectBuilder &JsonObjectBuilder::addString(const QString &key, const QString &text)
{
    appendKey(key);
    JsonSessionWriter::appendString(m_members, text);
    return *this;
}

JsonObjectBuilder &JsonObjectBuilder::addBool(const QString &key, bool value)
{
    appendKey(key);
    m_members.append(value ? u"true"_s : u"false"_s);
    return *this;
}

JsonObjectBuilder &JsonObjectBuilder::addOptionalBool(const QString &key, const std::optional<bool> &value)
{
    return value ? addBool(key, *value) : *this;
}

JsonObjectBuilder &JsonObjectBuilder::addNumber(const QString &key, qint64 value)
{
    appendKey(key);
    m_members.append(QString::number(value));
    return *this;
}

JsonObjectBuilder &JsonObjectBuilder::addObject(const QString &key, const JsonObjectBuilder &object)
{
    appendKey(key);
    m_members.append(object.text());
    return *this;
}

QString JsonObjectBuilder::text() const
{
    return u'{' + m_members + u'}';
}
