// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "emulator/EmulatorResponse.h"

#include <QString>
#include <QStringList>

#include <optional>

/// Collects input constraint violations and turns them into the services' ValidationException, worded
/// like AWS's request validation ("1 validation error detected: Value '0' at 'maxResults' failed to
/// satisfy constraint: Member must have value greater than or equal to 1").
class ValidationErrors
{
public:
    /// `value` nullopt: the member is sensitive (or absent) and its value is not repeated.
    void add(const QString &field, const std::optional<QString> &value, const QString &constraint);
    /// A required member that is missing: "Value null at 'x' failed to satisfy constraint: Member must
    /// not be null".
    void addMissing(const QString &field);
    bool isEmpty() const { return m_fields.isEmpty(); }

    /// The message alone, e.g. for services whose ValidationException has no field list.
    QString message() const;
    /// 400 ValidationException; with `withFieldList`, also reason "fieldValidationFailed" and fieldList
    /// (WorkSpaces Web's shape).
    EmulatorResponse response(const QString &errorNamespace, bool withFieldList) const;

    /// A single-field ValidationException (for checks that come after lookups, like page tokens).
    static EmulatorResponse single(const QString &field, const QString &message,
                                   const QString &errorNamespace, bool withFieldList);

private:
    QStringList m_fields;
    QStringList m_details;
    QStringList m_fieldMessages;
};
