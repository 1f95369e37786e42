// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/UsernamePool.h"

quint32 UsernamePool::intern(const QString &name)
{
    const auto it = m_index.constFind(name);
    if (it != m_index.constEnd())
        return it.value();
    const auto index = quint32(m_names.size());
    m_names.append(name);
    m_index.insert(name, index);
    return index;
}

std::optional<quint32> UsernamePool::find(const QString &name) const
{
    const auto it = m_index.constFind(name);
    if (it == m_index.constEnd())
        return std::nullopt;
    return it.value();
}
