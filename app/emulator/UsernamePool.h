// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

/// Interned usernames: each distinct name is stored once and sessions refer to it by index.
class UsernamePool
{
public:
    /// The index of `name`, adding it when new.
    quint32 intern(const QString &name);
    /// The index of `name` (exact, case-sensitive match), or nullopt when no session has it.
    std::optional<quint32> find(const QString &name) const;
    const QString &at(quint32 index) const { return m_names.at(index); }
    qsizetype size() const { return m_names.size(); }

private:
    QStringList m_names;
    QHash<QString, quint32> m_index;
};
