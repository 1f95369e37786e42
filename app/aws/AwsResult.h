// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsError.h"

#include <utility>
#include <variant>

/// Either a value or the AwsError that prevented it. Use AwsResult<std::monostate> for "nothing but success".
template <typename T>
class AwsResult
{
public:
    AwsResult(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    {}
    AwsResult(AwsError error)
        : m_data(std::in_place_index<1>, std::move(error))
    {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_data); }
    T &value() & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    const AwsError &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, AwsError> m_data;
};
