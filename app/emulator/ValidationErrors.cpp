// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/ValidationErrors.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

void ValidationErrors::add(const QString &field, const std::optional<QString> &value,
                           const QString &constraint)
{
    const QString subject =
        value ? u"Value '%1' at '%2'"_s.arg(*value, field) : u"Value at '%1'"_s.arg(field);
    m_fields << field;
    m_details << subject + u" failed to satisfy constraint: "_s + constraint;
    m_fieldMessages << constraint;
}

void ValidationErrors::addMissing(const QString &field)
{
    m_fields << field;
    m_details << u"Value null at '%1' failed to satisfy constraint: Member must not be null"_s.arg(field);
    m_fieldMessages << u"Member must not be null"_s;
}

QString ValidationErrors::message() const
{
    const QString count = m_details.size() == 1 ? u"1 validation error detected: "_s
                                                : u"%1 validation errors detected: "_s.arg(m_details.size());
    return count + m_details.join(u"; "_s);
}

EmulatorResponse ValidationErrors::response(const QString &errorNamespace, bool withFieldList) const
{
    QJsonObject extra;
    if (withFieldList) {
        QJsonArray fields;
        for (qsizetype i = 0; i < m_fields.size(); ++i)
            fields.append(QJsonObject{{u"name"_s, m_fields[i]}, {u"message"_s, m_fieldMessages[i]}});
        extra.insert(u"reason"_s, u"fieldValidationFailed"_s);
        extra.insert(u"fieldList"_s, fields);
    }
    return EmulatorResponse::error(400, u"ValidationException"_s, message(), errorNamespace, extra);
}

EmulatorResponse ValidationErrors::single(const QString &field, const QString &message,
                                          const QString &errorNamespace, bool withFieldList)
{
    QJsonObject extra;
    if (withFieldList) {
        extra.insert(u"reason"_s, u"fieldValidationFailed"_s);
        extra.insert(u"fieldList"_s, QJsonArray{QJsonObject{{u"name"_s, field}, {u"message"_s, message}}});
    }
    return EmulatorResponse::error(400, u"ValidationException"_s, message, errorNamespace, extra);
}
