// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>

#include <functional>

/// The current time, injectable so tests control expiry and caching. Returns UTC.
using AwsClock = std::function<QDateTime()>;

/// The real clock.
inline AwsClock systemAwsClock()
{
    return [] { return QDateTime::currentDateTimeUtc(); };
}
