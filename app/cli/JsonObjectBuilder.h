// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

/// A compact JSON object built member by member in the order added, its strings escaped by the export's
/// encoder (JsonSessionWriter::appendString), so the CLI's objects read like the export's rows.
class JsonObjectBuilder
{
public:
    JsonObjectBuilder &addString(const QString &key, const QString &text);
    JsonObjectBuilder &addBool(const QString &key, bool value);
    /// Adds nothing when `value` is absent: a flag the service did not send is left out, not guessed.
    JsonObjectBuilder &addOptionalBool(const QString &key, const std::optional<bool> &value);
    JsonObjectBuilder &addNumber(const QString &key, qint64 value);
    JsonObjectBuilder &addObject(const QString &key, const JsonObjectBuilder &object);

    /// "{...}" without a line break.
    QString text() const;

private:
    void appendKey(const QString &key);

    QString m_members;
};
